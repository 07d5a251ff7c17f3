// The lifecycle end to end with the demo accounts, as in GraphiQL, and every illegal transition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import {
  CODES,
  mutate,
  ok,
  type Op,
  OPS,
  organizationId,
  personByName,
  publishedWish,
  snapshot,
  startApp,
} from './support.js';

let t: TestApp;
let resident: string; // resident-he: 何福琴, 晶彩城社区
let worker: string; // jingcaicheng-worker: 李静
let member: string; // member-pu: 蒲晓, 昌吉州融媒体中心, registered at 晶彩城社区
let admin: string;
beforeAll(async () => {
  t = await startApp();
  [resident, worker, member, admin] = await Promise.all(
    ['resident-he', 'jingcaicheng-worker', 'member-pu', 'admin'].map((u) => t.login(u)),
  );
});
afterAll(() => t.close());

describe("a resident's wish from submission to confirmation (the GraphiQL demo)", () => {
  it(
    'resident-he submits, jingcaicheng-worker publishes, ' + 'member-pu claims and fulfils, resident-he confirms',
    async () => {
      const communityId = await regionId(t, CODES.jingcaicheng);
      const submitted = await ok(t, 'submit', resident, {
        communityId,
        title: '泡脚桶',
        description: '冬天脚凉，想要一个泡脚桶',
        category: 'ELDER_CARE',
        channel: 'ONLINE',
        estimatedValue: 129,
      });
      expect(submitted).toMatchObject({
        status: 'PENDING_REVIEW',
        requesterName: '何福琴',
        requester: { name: '何福琴' },
        estimatedValue: 129,
      });

      const published = await ok(t, 'review', worker, { wishId: submitted.id, approve: true });
      expect(published.status).toBe('PUBLISHED');

      const media = await organizationId(t, '昌吉州融媒体中心');
      const claimed = await ok(t, 'claim', member, {
        wishId: submitted.id,
        organizationId: media,
        note: '我来圆这个心愿',
      });
      expect(claimed).toMatchObject({
        status: 'CLAIMED',
        claimant: { name: '蒲晓' },
        organization: { name: '昌吉州融媒体中心' },
      });
      // due after the default claimDeadlineDays (14) from the claim
      expect(new Date(claimed.claimDueAt).getTime() - t.clock.now().getTime()).toBe(14 * 24 * 3_600_000);

      const fulfilled = await ok(t, 'fulfil', member, {
        wishId: submitted.id,
        note: '已送到何阿姨家',
        evidenceUrls: ['https://example.org/photo/1.jpg'],
      });
      expect(fulfilled).toMatchObject({ status: 'FULFILLED', evidenceUrls: ['https://example.org/photo/1.jpg'] });

      const confirmed = await ok(t, 'confirm', resident, { wishId: submitted.id, thanks: '谢谢小蒲', rating: 5 });
      expect(confirmed).toMatchObject({ status: 'CONFIRMED', thanks: '谢谢小蒲', rating: 5 });
      expect(confirmed.timeline.map((e: any) => [e.action, e.from, e.to, e.actorRole, e.actorName])).toEqual([
        ['SUBMITTED', null, 'PENDING_REVIEW', 'RESIDENT', '何福琴'],
        ['APPROVED', 'PENDING_REVIEW', 'PUBLISHED', 'COMMUNITY_WORKER', '李静'],
        ['CLAIMED', 'PUBLISHED', 'CLAIMED', 'PARTY_MEMBER', '蒲晓'],
        ['FULFILLED', 'CLAIMED', 'FULFILLED', 'PARTY_MEMBER', '蒲晓'],
        ['CONFIRMED', 'FULFILLED', 'CONFIRMED', 'RESIDENT', '何福琴'],
      ]);
      // requester, claimant and the community's workers see the people of the wish; an analyst sees masked names
      const names = async (token: string) =>
        (await t.gql(OPS.wish, { id: submitted.id }, { token })).data.wish.timeline.map((e: any) => e.actorName);
      expect(await names(worker)).toEqual(['何福琴', '李静', '蒲晓', '蒲晓', '何福琴']);
      expect(await names(member)).toEqual(['何福琴', '李静', '蒲晓', '蒲晓', '何福琴']);
      expect(await names(await t.login('analyst'))).toEqual(['何**', '李*', '蒲*', '蒲*', '何**']);
      // the audit log has every step
      const audit = await t.db.prisma.auditLog.findMany({
        where: { entityType: 'Wish' },
        orderBy: { at: 'asc' },
        select: { action: true },
      });
      expect(audit.map((a) => a.action).slice(-5)).toEqual([
        'wishes.submitted',
        'wishes.approved',
        'wishes.claimed',
        'wishes.fulfilled',
        'wishes.confirmed',
      ]);
      // fulfilment and confirmation reached the outbox for other modules (the demo wishes' own events,
      // published by the seed before the test clock, are not this wish's)
      const wishId = Buffer.from(submitted.id, 'base64').toString().split(':')[1];
      const events = await t.db.prisma.domainEvent.findMany({
        where: { type: { in: ['wishes.fulfilled', 'wishes.confirmed'] } },
      });
      expect(events.filter((e) => (e.payload as { wishId?: string }).wishId === wishId)).toHaveLength(2);
    },
  );

  it("a worker submits on a resident's behalf and may reject with a reason", async () => {
    const gulnar = await personByName(t, worker, '古丽娜尔·艾力');
    const wish = await ok(t, 'submit', worker, {
      communityId: await regionId(t, CODES.jingcaicheng),
      requesterId: gulnar,
      title: '助听器',
      category: 'DISABILITY_AID',
      channel: 'HOME_VISIT',
    });
    expect(wish.timeline[0]).toMatchObject({ action: 'SUBMITTED', actorRole: 'COMMUNITY_WORKER', actorName: '李静' });
    const noReason = await mutate(t, 'review', worker, { wishId: wish.id, approve: false });
    expect(noReason).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION',
      issues: [{ path: 'input.reason' }],
    });
    const rejected = await ok(t, 'review', worker, { wishId: wish.id, approve: false, reason: '已由残联统一配发' });
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: '已由残联统一配发' });
  });
});

describe('illegal transitions: typed error, nothing changed', () => {
  type Who = 'worker' | 'member' | 'resident';
  type Step = [op: Op, who: Who, input?: Record<string, unknown>];
  const APPROVE: Step = ['review', 'worker', { approve: true }];
  const CLAIM: Step = ['claim', 'member'];
  const FULFIL: Step = ['fulfil', 'member'];
  const CONFIRM: Step = ['confirm', 'resident'];
  const cases: { name: string; before: Step[]; attempt: Step; code: string }[] = [
    { name: 'review a published wish again', before: [APPROVE], attempt: APPROVE, code: 'INVALID_TRANSITION' },
    { name: 'confirm a wish that is not fulfilled', before: [APPROVE], attempt: CONFIRM, code: 'INVALID_TRANSITION' },
    { name: 'fulfil a fulfilled wish', before: [APPROVE, CLAIM, FULFIL], attempt: FULFIL, code: 'INVALID_TRANSITION' },
    {
      name: 'withdraw a fulfilled wish',
      before: [APPROVE, CLAIM, FULFIL],
      attempt: ['withdraw', 'resident'],
      code: 'INVALID_TRANSITION',
    },
    {
      name: 'release a fulfilled claim',
      before: [APPROVE, CLAIM, FULFIL],
      attempt: ['release', 'member'],
      code: 'INVALID_TRANSITION',
    },
    {
      name: 'confirm a confirmed wish',
      before: [APPROVE, CLAIM, FULFIL, CONFIRM],
      attempt: CONFIRM,
      code: 'INVALID_TRANSITION',
    },
    {
      name: 'withdraw a rejected wish',
      before: [['review', 'worker', { approve: false, reason: '重复提交' }]],
      attempt: ['withdraw', 'resident'],
      code: 'INVALID_TRANSITION',
    },
    {
      name: 'review a withdrawn wish',
      before: [['withdraw', 'resident']],
      attempt: APPROVE,
      code: 'INVALID_TRANSITION',
    },
    // a party member does not see wishes before publication: for them the wish does not exist
    { name: 'claim a wish under review', before: [], attempt: CLAIM, code: 'NOT_FOUND' },
  ];

  it.each(cases)('$name → $code', async ({ before: steps, attempt: [op, who, input], code }) => {
    const token = (w: Who) => ({ worker, member, resident })[w];
    const wish = await ok(t, 'submit', resident, {
      communityId: await regionId(t, CODES.jingcaicheng),
      title: '老花镜',
      category: 'HEALTH',
      channel: 'ONLINE',
    });
    for (const [stepOp, stepWho, stepInput] of steps)
      await ok(t, stepOp, token(stepWho), { wishId: wish.id, ...stepInput });
    const before = await snapshot(t, admin, wish.id);
    const result = await mutate(t, op, token(who), { wishId: wish.id, ...input });
    expect(result, JSON.stringify(result)).toMatchObject({ __typename: 'DomainError', code });
    expect(await snapshot(t, admin, wish.id)).toEqual(before);
  });

  it('claiming an already claimed wish is a CONFLICT, not a transition error', async () => {
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng });
    await ok(t, 'claim', member, { wishId: wish.id });
    const before = await snapshot(t, admin, wish.id);
    expect(await mutate(t, 'claim', member, { wishId: wish.id })).toMatchObject({ code: 'CONFLICT' });
    expect(await snapshot(t, admin, wish.id)).toEqual(before);
  });
});

describe('release and withdrawal', () => {
  it('the claimant releases: back on the wall, claim fields cleared; the requester withdraws', async () => {
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng });
    await ok(t, 'claim', member, { wishId: wish.id });
    const released = await ok(t, 'release', member, { wishId: wish.id, reason: '出差' });
    expect(released).toMatchObject({ status: 'PUBLISHED', claimant: null, claimantName: null, claimDueAt: null });
    expect(released.timeline.at(-1)).toMatchObject({
      action: 'CLAIM_RELEASED',
      from: 'CLAIMED',
      to: 'PUBLISHED',
      note: '出差',
    });
    const withdrawn = await ok(t, 'withdraw', resident, { wishId: wish.id, reason: '家人已买' });
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('only the claimant releases or fulfils; only the requester or a worker confirms or withdraws', async () => {
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng });
    await ok(t, 'claim', member, { wishId: wish.id });
    expect(await mutate(t, 'release', worker, { wishId: wish.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await mutate(t, 'fulfil', resident, { wishId: wish.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await mutate(t, 'withdraw', member, { wishId: wish.id })).toMatchObject({ code: 'FORBIDDEN' });
    await ok(t, 'fulfil', member, { wishId: wish.id });
    expect(await mutate(t, 'confirm', member, { wishId: wish.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ok(t, 'confirm', worker, { wishId: wish.id })).status).toBe('CONFIRMED');
  });
});

describe('input validation', () => {
  it('collects every problem of a submission at once', async () => {
    const r = await mutate(t, 'submit', resident, {
      communityId: await regionId(t, CODES.jingcaicheng),
      title: 'x',
      description: '长'.repeat(501),
      category: 'OTHER',
      channel: 'ONLINE',
      estimatedValue: -1,
    });
    expect(r.code).toBe('VALIDATION');
    expect(r.issues.map((i: any) => i.path).sort()).toEqual([
      'input.description',
      'input.estimatedValue',
      'input.title',
    ]);
  });

  it('refuses evidence that is not a web link and a fulfilment date in the future', async () => {
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng });
    await ok(t, 'claim', member, { wishId: wish.id });
    const bad = await mutate(t, 'fulfil', member, { wishId: wish.id, evidenceUrls: ['javascript:alert(1)'] });
    expect(bad).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'input.evidenceUrls[0]' }] });
    const future = await mutate(t, 'fulfil', member, {
      wishId: wish.id,
      fulfilledAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
    });
    expect(future).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'input.fulfilledAt' }] });
    const rating = await mutate(t, 'confirm', resident, { wishId: wish.id, rating: 6 });
    expect(rating).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'input.rating' }] });
  });

  it('a resident submits only for themself, in their own community', async () => {
    const other = await mutate(t, 'submit', resident, {
      communityId: await regionId(t, CODES.jingcaicheng),
      requesterId: await personByName(t, worker, '古丽娜尔·艾力'),
      title: '棉被',
      category: 'OTHER',
      channel: 'ONLINE',
    });
    expect(other.code).toBe('FORBIDDEN');
    const elsewhere = await mutate(t, 'submit', resident, {
      communityId: await regionId(t, CODES.yuanlin),
      title: '棉被',
      category: 'OTHER',
      channel: 'ONLINE',
    });
    expect(elsewhere).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'input.communityId' }] });
    const notCommunity = await mutate(t, 'submit', resident, {
      communityId: await regionId(t, CODES.jianguolu),
      title: '棉被',
      category: 'OTHER',
      channel: 'ONLINE',
    });
    expect(notCommunity.code).toBe('VALIDATION');
  });
});
