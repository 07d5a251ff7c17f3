// updateWish (修改): who may correct a wish and when, partial updates, the EDITED timeline entry and
// audit, each refusal changing nothing, the module switch, and edits racing a review.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { CODES, dbId, mutate, ok, personByName, publishedWish, snapshot, startApp } from './support.js';

let t: TestApp;
let resident: string; // resident-he: 何福琴, 晶彩城社区
let worker: string; // jingcaicheng-worker: 李静
let member: string; // member-pu: 蒲晓, serves at 晶彩城社区
let otherWorker: string; // yuanlin-worker: another community
let admin: string;
beforeAll(async () => {
  t = await startApp();
  [resident, worker, member, otherWorker, admin] = await Promise.all(
    ['resident-he', 'jingcaicheng-worker', 'member-pu', 'yuanlin-worker', 'admin'].map((u) => t.login(u)),
  );
});
afterAll(() => t.close());

const submitted = async (title = '老花镜') =>
  ok(t, 'submit', resident, {
    communityId: await regionId(t, CODES.jingcaicheng),
    title,
    description: '看报纸用',
    category: 'HEALTH',
    channel: 'ONLINE',
    estimatedValue: 35,
  });
const editAudits = (wishId: string) =>
  t.db.prisma.auditLog.findMany({ where: { action: 'wishes.edited', entityId: dbId(wishId) }, orderBy: { at: 'asc' } });

describe('updateWish: corrections before the wish is on its way', () => {
  it(
    'the requester corrects a wish waiting for review: ' +
      'given fields change, the rest stays, EDITED in the timeline and audit',
    async () => {
      const wish = await submitted();
      const edited = await ok(t, 'update', resident, {
        wishId: wish.id,
        title: ' 老花镜（200度） ',
        category: 'ELDER_CARE',
      });
      expect(edited).toMatchObject({
        status: 'PENDING_REVIEW',
        title: '老花镜（200度）',
        category: 'ELDER_CARE',
        description: '看报纸用',
        estimatedValue: 35,
        channel: 'ONLINE',
        requesterName: '何福琴',
      });
      expect(edited.timeline.map((e: any) => [e.action, e.from, e.to, e.actorRole, e.actorName])).toEqual([
        ['SUBMITTED', null, 'PENDING_REVIEW', 'RESIDENT', '何福琴'],
        ['EDITED', 'PENDING_REVIEW', 'PENDING_REVIEW', 'RESIDENT', '何福琴'],
      ]);
      expect(edited.timeline[1].note).toBe('修改 title, category');
      const [audit] = await editAudits(wish.id);
      expect(audit!.data).toEqual({
        from: 'PENDING_REVIEW',
        to: 'PENDING_REVIEW',
        note: '修改 title, category',
        changes: { title: { from: '老花镜', to: '老花镜（200度）' }, category: { from: 'HEALTH', to: 'ELDER_CARE' } },
      });
      // the edit moved the version on: the review that follows reads the new one and goes through
      expect((await ok(t, 'review', worker, { wishId: wish.id, approve: true })).status).toBe('PUBLISHED');
    },
  );

  it('null clears the description and the value; the same values again record nothing', async () => {
    const wish = await submitted();
    const cleared = await ok(t, 'update', resident, { wishId: wish.id, description: null, estimatedValue: null });
    expect(cleared).toMatchObject({ title: '老花镜', description: null, estimatedValue: null, category: 'HEALTH' });
    const before = await snapshot(t, admin, wish.id);
    const same = await ok(t, 'update', resident, {
      wishId: wish.id,
      title: '老花镜',
      description: null,
      category: 'HEALTH',
    });
    expect(same).toMatchObject({ title: '老花镜', status: 'PENDING_REVIEW' });
    expect(await snapshot(t, admin, wish.id)).toEqual(before);
    const valued = await ok(t, 'update', worker, { wishId: wish.id, estimatedValue: 49.5 });
    expect(valued).toMatchObject({ estimatedValue: 49.5, description: null });
    expect(valued.timeline.at(-1)).toMatchObject({
      action: 'EDITED',
      actorRole: 'COMMUNITY_WORKER',
      actorName: '李静',
      note: '修改 estimatedValue',
    });
    expect(await editAudits(wish.id)).toHaveLength(2);
  });

  it('a worker of the community corrects a published wish: it stays on the wall, with the new text', async () => {
    const wish = await publishedWish(t, {
      token: resident,
      worker,
      community: CODES.jingcaicheng,
      title: '电话13579926810泡脚桶',
    });
    const fixed = await ok(t, 'update', worker, { wishId: wish.id, title: '泡脚桶', description: '冬天脚凉' });
    expect(fixed).toMatchObject({ status: 'PUBLISHED', title: '泡脚桶', description: '冬天脚凉' });
    expect(fixed.timeline.at(-1)).toMatchObject({ action: 'EDITED', from: 'PUBLISHED', to: 'PUBLISHED' });
    const wall = await t.gql(
      `{ wishWall(first: 100) { edges { node { id title } } } }`,
      {},
      { headers: { 'x-township': CODES.jianguolu } },
    );
    expect(wall.data.wishWall.edges.find((e: any) => e.node.id === wish.id).node.title).toBe('泡脚桶');
    // and a member claims it as usual
    expect((await ok(t, 'claim', member, { wishId: wish.id })).status).toBe('CLAIMED');
  });
});

describe('updateWish refusals: typed error, nothing changed', () => {
  type Setup = 'pending' | 'published' | 'claimed' | 'rejected' | 'withdrawn' | 'fulfilled';
  const prepare = async (state: Setup) => {
    const wish = await submitted();
    if (state === 'pending') return wish;
    if (state === 'rejected') return ok(t, 'review', worker, { wishId: wish.id, approve: false, reason: '重复提交' });
    if (state === 'withdrawn') return ok(t, 'withdraw', resident, { wishId: wish.id });
    await ok(t, 'review', worker, { wishId: wish.id, approve: true });
    if (state === 'published') return wish;
    await ok(t, 'claim', member, { wishId: wish.id });
    if (state === 'claimed') return wish;
    return ok(t, 'fulfil', member, { wishId: wish.id });
  };
  const cases: {
    name: string;
    state: Setup;
    who: () => string;
    input?: Record<string, unknown>;
    code: string;
    paths?: string[];
  }[] = [
    {
      name: 'the requester edits a published wish',
      state: 'published',
      who: () => resident,
      code: 'INVALID_TRANSITION',
    },
    { name: 'a worker edits a claimed wish', state: 'claimed', who: () => worker, code: 'INVALID_TRANSITION' },
    { name: 'a worker edits a fulfilled wish', state: 'fulfilled', who: () => worker, code: 'INVALID_TRANSITION' },
    { name: 'a worker edits a rejected wish', state: 'rejected', who: () => worker, code: 'INVALID_TRANSITION' },
    {
      name: 'the requester edits a withdrawn wish',
      state: 'withdrawn',
      who: () => resident,
      code: 'INVALID_TRANSITION',
    },
    {
      name: 'the claimant (a party member) edits a published wish',
      state: 'published',
      who: () => member,
      code: 'FORBIDDEN',
    },
    // outside the worker's area the declared policy answers NOT_FOUND, as for a record that does not exist
    {
      name: 'a worker of another community edits a published wish',
      state: 'published',
      who: () => otherWorker,
      code: 'NOT_FOUND',
    },
    {
      name: 'the system administrator edits (not a community worker)',
      state: 'pending',
      who: () => admin,
      code: 'FORBIDDEN',
    },
    // before publication the wish is invisible to members and other communities: it does not exist for them
    { name: 'a party member edits a wish under review', state: 'pending', who: () => member, code: 'NOT_FOUND' },
    {
      name: 'a worker of another community edits a wish under review',
      state: 'pending',
      who: () => otherWorker,
      code: 'NOT_FOUND',
    },
    {
      name: 'the rules of submitWish',
      state: 'pending',
      who: () => resident,
      code: 'VALIDATION',
      input: { title: 'x', description: '长'.repeat(501), estimatedValue: 100_001 },
      paths: ['input.description', 'input.estimatedValue', 'input.title'],
    },
    {
      name: 'title and category cannot be cleared',
      state: 'pending',
      who: () => resident,
      code: 'VALIDATION',
      input: { title: null, category: null },
      paths: ['input.category', 'input.title'],
    },
    {
      name: 'nothing to change',
      state: 'pending',
      who: () => resident,
      code: 'VALIDATION',
      input: {},
      paths: ['input'],
    },
  ];

  it.each(cases)('$name → $code', async ({ state, who, input, code, paths }) => {
    const wish = await prepare(state);
    const before = await snapshot(t, admin, wish.id);
    const result = await mutate(t, 'update', who(), { wishId: wish.id, ...(input ?? { title: '别的心愿' }) });
    expect(result, JSON.stringify(result)).toMatchObject({ code });
    if (paths) expect(result.issues.map((i: any) => i.path).sort()).toEqual(paths);
    expect(await snapshot(t, admin, wish.id)).toEqual(before);
  });
});

describe('updateWish and the module switch', () => {
  it('MODULE_DISABLED where the module is off (nothing changed), allowed again once it is back on', async () => {
    // a community worker account scoped to 玛纳斯县: its schema keeps the module while 北五岔镇 switches it off
    const prisma = t.db.prisma;
    const [county, template] = await Promise.all([
      prisma.region.findUniqueOrThrow({ where: { code: CODES.manas } }),
      prisma.account.findUniqueOrThrow({ where: { username: 'weijiachang-worker' } }),
    ]);
    const account = await prisma.account.create({
      data: {
        id: randomUUID(),
        username: 'manas-worker',
        passwordHash: template.passwordHash,
        role: 'COMMUNITY_WORKER',
        regionId: county.id,
        regionPath: county.path,
      },
    });
    const countyWorker = (await t.app.tokens.sign({ accountId: account.id, tokenVersion: 0 }, t.clock.now())).token;
    const [villageWorker, beiwuchaAdmin] = await Promise.all(
      ['weijiachang-worker', 'beiwucha-admin'].map((u) => t.login(u)),
    );
    const requesterId = await personByName(t, villageWorker, '陈玉梅');
    const wish = await ok(t, 'submit', villageWorker, {
      communityId: await regionId(t, CODES.weijiachang),
      requesterId,
      title: '冬季棉衣',
      category: 'DAILY_NECESSITIES',
      channel: 'HOME_VISIT',
    });
    const switchTo = async (enabled: boolean) => {
      const r = await t.gql(
        `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) {
          __typename ... on Error { code message } } }`,
        { i: { regionId: await regionId(t, CODES.beiwucha), moduleId: 'wishes', enabled } },
        { token: beiwuchaAdmin },
      );
      expect(r.data.setModuleEnabled.__typename).toBe('SetModuleEnabledPayload');
    };

    await switchTo(false);
    const events = await prisma.wishEvent.count({ where: { wishId: dbId(wish.id) } });
    const refused = await mutate(t, 'update', countyWorker, { wishId: wish.id, title: '冬季棉衣棉裤' });
    expect(refused).toMatchObject({ __typename: 'ModuleDisabledError', code: 'MODULE_DISABLED' });
    expect(await prisma.wish.findUniqueOrThrow({ where: { id: dbId(wish.id) } })).toMatchObject({
      title: '冬季棉衣',
      version: 0,
    });
    expect(await prisma.wishEvent.count({ where: { wishId: dbId(wish.id) } })).toBe(events);

    await switchTo(true);
    expect(await ok(t, 'update', countyWorker, { wishId: wish.id, title: '冬季棉衣棉裤' })).toMatchObject({
      title: '冬季棉衣棉裤',
      status: 'PENDING_REVIEW',
    });
  });
});

describe('updateWish racing reviewWish', () => {
  /**
   * Runs the requests while a transaction of the test holds the wish row (FOR UPDATE): on PostgreSQL
   * their reads go through and their conditional updates queue on the row; on the embedded database
   * (one connection) everything queues. Either way they all read the same version before any of
   * them writes, which is the race the conditional update has to settle.
   */
  async function race<T>(wishId: string, requests: () => Promise<T>[]): Promise<T[]> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const hold = t.db.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Wish" WHERE id = ${dbId(wishId)} FOR UPDATE`;
        holding();
        await released;
      },
      { timeout: 20_000 },
    );
    await held;
    const pending = Promise.all(requests());
    // let every request reach the database before the row is let go
    await new Promise((resolve) => setTimeout(resolve, 150));
    release();
    await hold;
    return pending;
  }

  it(
    'simultaneous edits and a review: the first to write wins, ' + 'the others get CONFLICT, nothing half-written',
    async () => {
      const wish = await submitted('暖手宝');
      const results = await race(wish.id, () => [
        mutate(t, 'review', worker, { wishId: wish.id, approve: true }),
        ...Array.from({ length: 5 }, (_, i) =>
          mutate(t, 'update', resident, { wishId: wish.id, title: `暖手宝${i + 1}号` }),
        ),
        ...Array.from({ length: 5 }, (_, i) =>
          mutate(t, 'update', worker, { wishId: wish.id, title: `暖手宝${i + 6}号` }),
        ),
      ]);
      const [review, ...edits] = results;
      const won = edits.filter((r) => r.__typename === 'UpdateWishPayload');
      const reviewed = review.__typename === 'ReviewWishPayload';
      expect(reviewed || review.code === 'CONFLICT', JSON.stringify(review)).toBe(true);
      // losers: CONFLICT (the version moved on since they read it); a requester's edit that read the wish
      // after the review would get INVALID_TRANSITION (it is published now)
      const lost = edits.filter((r) => r.__typename !== 'UpdateWishPayload');
      for (const r of lost) expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(r.code);
      expect([review, ...lost].filter((r) => r.code === 'CONFLICT').length).toBeGreaterThan(0);
      expect(won.length + (reviewed ? 1 : 0)).toBeGreaterThanOrEqual(1);

      const row = await t.db.prisma.wish.findUniqueOrThrow({ where: { id: dbId(wish.id) } });
      const events = await t.db.prisma.wishEvent.findMany({ where: { wishId: row.id }, orderBy: { seq: 'asc' } });
      // every successful change wrote one timeline row, one audit entry and bumped the version once;
      // nothing else was written
      expect(events.filter((e) => e.action === 'EDITED')).toHaveLength(won.length);
      expect(events.filter((e) => e.action === 'APPROVED')).toHaveLength(reviewed ? 1 : 0);
      expect(row.version).toBe(events.length - 1);
      expect(await editAudits(wish.id)).toHaveLength(won.length);
      expect(row.status).toBe(reviewed ? 'PUBLISHED' : 'PENDING_REVIEW');
      expect(won.length ? won.map((r) => r.wish.title) : ['暖手宝']).toContain(row.title);
    },
  );
});
