// wishUpdated and wishWallChanged over SSE, the requester's notifications, and the policy on subscribing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../helpers.js';
import { CODES, ok, organizationId, personByName, publishedWish, startApp } from '../modules/wishes/support.js';
import { SseStream } from './sse.js';

const WISH_UPDATED = `subscription($id: ID!) { wishUpdated(wishId: $id) { id status title requesterName } }`;
const WALL = `subscription($r: ID) { wishWallChanged(regionId: $r) { wishId onWall item { title requesterName } } }`;

let t: TestApp;
let resident: string; // resident-he: 何福琴, 晶彩城社区
let worker: string;
let member: string;
const streams: SseStream[] = [];
const open = async (...args: Parameters<typeof SseStream.open> extends [unknown, ...infer R] ? R : never) => {
  const s = await SseStream.open(t.app, ...args);
  streams.push(s);
  return s;
};

beforeAll(async () => {
  t = await startApp();
  [resident, worker, member] = await Promise.all(
    ['resident-he', 'jingcaicheng-worker', 'member-pu'].map((u) => t.login(u)),
  );
});
afterAll(async () => {
  await Promise.all(streams.map((s) => s.close()));
  await t.close();
});

describe('wishUpdated', () => {
  it('the requester follows the claim; the SSE id is the event seq; the inbox gets the claim', async () => {
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng });
    const s = await open(WISH_UPDATED, { id: wish.id }, { token: resident });
    const media = await organizationId(t, '昌吉州融媒体中心');
    await ok(t, 'claim', member, { wishId: wish.id, organizationId: media });
    const m = await s.next();
    expect(m.data.data.wishUpdated).toMatchObject({ id: wish.id, status: 'CLAIMED', requesterName: '何福琴' });
    const event = await t.db.prisma.domainEvent.findFirstOrThrow({
      where: { type: 'wishes.wishChanged' },
      orderBy: { seq: 'desc' },
    });
    expect(m.id).toBe(String(event.seq));
    expect(event.payload).toMatchObject({ from: 'PUBLISHED', to: 'CLAIMED', action: 'CLAIMED' });

    const inbox = await t.gql(
      `{ notifications(first: 5) { unreadCount edges { node { type title text link read } } } }`,
      {},
      { token: resident },
    );
    expect(inbox.data.notifications.unreadCount).toBeGreaterThanOrEqual(1);
    expect(inbox.data.notifications.edges[0].node).toMatchObject({
      type: 'wishes.claimed',
      title: '您的微心愿已被认领',
      link: wish.id,
      read: false,
    });
    // no third party in the text: the claimant (蒲晓) is not named
    expect(inbox.data.notifications.edges[0].node.text).not.toContain('蒲');
  });

  it('refuses an anonymous subscriber (the declared policy) with UNAUTHENTICATED', async () => {
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng });
    const s = await open(WISH_UPDATED, { id: wish.id }, { headers: { 'x-township': '652301002' } });
    const m = await s.next();
    expect(m.data.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|GRAPHQL_VALIDATION_FAILED/);
  });
});

describe('wishWallChanged (public)', () => {
  it('an anonymous viewer sees a wish arrive on the wall and leave it, masked', async () => {
    const s = await open(WALL, {}, {});
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng, title: '台灯' });
    const arrived = (await s.next()).data.data.wishWallChanged;
    expect(arrived).toMatchObject({ wishId: wish.id, onWall: true, item: { title: '台灯', requesterName: '何**' } });
    const media = await organizationId(t, '昌吉州融媒体中心');
    await ok(t, 'claim', member, { wishId: wish.id, organizationId: media });
    expect((await s.next()).data.data.wishWallChanged).toEqual({ wishId: wish.id, onWall: false, item: null });
  });
});

describe('the module switch, checked at delivery', () => {
  const setWishes = async (token: string, enabled: boolean) => {
    const r = await t.gql(
      `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) { __typename } }`,
      { i: { regionId: await regionId(t, CODES.beiwucha), moduleId: 'wishes', enabled, note: '试点' } },
      { token },
    );
    expect(r.data.setModuleEnabled.__typename).toBe('SetModuleEnabledPayload');
  };

  it('replays nothing of a township that switched the module off, and the rest once', async () => {
    const admin = await t.login('beiwucha-admin');
    const village = await t.login('weijiachang-worker');
    const listening = t.app.live.hub.subscriberCount;
    const first = await open(WALL, {}, {});
    expect(t.app.live.hub.subscriberCount).toBe(listening + 1);
    await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng, title: '电暖器' });
    const seen = await first.next();
    await first.close();
    // a closed stream stops listening (no subscription outlives its client)
    await expect.poll(() => t.app.live.hub.subscriberCount, { timeout: 30_000 }).toBe(listening);
    // while the client is away: a wish on 北五岔镇's wall, then one on 晶彩城社区's; then 北五岔镇 switches off
    const requesterId = await personByName(t, village, '陈玉梅');
    await publishedWish(t, {
      token: village,
      worker: village,
      community: CODES.weijiachang,
      requesterId,
      title: '棉衣',
    });
    const other = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng, title: '热水袋' });
    await setWishes(admin, false);
    try {
      const back = await open(WALL, {}, { lastEventId: seen.id });
      const replayed = (await back.next()).data.data.wishWallChanged;
      expect(replayed).toMatchObject({ wishId: other.id, item: { title: '热水袋' } });
    } finally {
      await setWishes(admin, true);
    }
  });
});
