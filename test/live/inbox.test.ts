// 通知收件箱: notificationAdded streams the viewer's own notifications; notifications(first, after,
// unreadOnly) pages them newest first with unreadCount; markNotificationsRead marks own ids or all; a write
// that rolls back (a lost claim race) notifies nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../helpers.js';
import { CODES, mutate, ok, organizationId, publishedWish, startApp } from '../modules/wishes/support.js';
import { SseStream } from './sse.js';

const ADDED = `subscription { notificationAdded { id type title link read } }`;
const INBOX = `query($first: Int, $after: String, $unread: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unread) {
    unreadCount pageInfo { hasNextPage endCursor } edges { node { id type read link } } } }`;
const MARK = `mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { __typename
  ... on MarkNotificationsReadPayload { notifications { marked unreadCount } } ... on Error { code message } } }`;

let t: TestApp;
let resident: string;
let worker: string;
let member: string;
let media: string;
const streams: SseStream[] = [];

beforeAll(async () => {
  t = await startApp();
  [resident, worker, member] = await Promise.all(
    ['resident-he', 'jingcaicheng-worker', 'member-pu'].map((u) => t.login(u)),
  );
  media = await organizationId(t, '昌吉州融媒体中心');
});
afterAll(async () => {
  await Promise.all(streams.map((s) => s.close()));
  await t.close();
});

const inbox = async (token: string, vars: Record<string, unknown> = {}) =>
  (await t.gql(INBOX, { first: 10, ...vars }, { token })).data.notifications;

describe('the inbox', () => {
  it('notificationAdded delivers the claim and fulfilment to the requester, and to nobody else', async () => {
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng });
    const requester = await SseStream.open(t.app, ADDED, {}, { token: resident });
    const claimant = await SseStream.open(t.app, ADDED, {}, { token: member });
    streams.push(requester, claimant);
    await ok(t, 'claim', member, { wishId: wish.id, organizationId: media });
    const claimed = (await requester.next()).data.data.notificationAdded;
    expect(claimed).toMatchObject({ type: 'wishes.claimed', link: wish.id, read: false });
    await ok(t, 'fulfil', member, { wishId: wish.id, note: '送到', evidenceUrls: ['https://example.org/a.jpg'] });
    expect((await requester.next()).data.data.notificationAdded.type).toBe('wishes.fulfilled');
    // the claimant was notified of nothing (their inbox stays empty)
    expect((await inbox(member)).edges).toEqual([]);
    expect(claimant.pending).toBe(0);
  });

  it('pages newest first, filters unread, marks own ids or all; ids of others are ignored', async () => {
    for (const title of ['台灯', '棉被']) {
      const w = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng, title });
      await ok(t, 'claim', member, { wishId: w.id, organizationId: media });
    }
    const all = await inbox(resident);
    expect(all.unreadCount).toBe(4);
    expect(all.edges).toHaveLength(4);
    const page = await inbox(resident, { first: 3 });
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = await inbox(resident, { first: 3, after: page.pageInfo.endCursor });
    expect([...page.edges, ...rest.edges].map((e: any) => e.node.id)).toEqual(all.edges.map((e: any) => e.node.id));

    const newest = all.edges[0].node.id;
    // the member cannot mark the resident's notification
    const foreign = (await t.gql(MARK, { i: { ids: [newest] } }, { token: member })).data.markNotificationsRead;
    expect(foreign.notifications).toEqual({ marked: 0, unreadCount: 0 });
    const one = (await t.gql(MARK, { i: { ids: [newest] } }, { token: resident })).data.markNotificationsRead;
    expect(one.notifications).toEqual({ marked: 1, unreadCount: 3 });
    expect((await inbox(resident, { unread: true })).edges.map((e: any) => e.node.id)).not.toContain(newest);
    const rest2 = (await t.gql(MARK, { i: { all: true } }, { token: resident })).data.markNotificationsRead;
    expect(rest2.notifications).toEqual({ marked: 3, unreadCount: 0 });
    const none = (await t.gql(MARK, { i: {} }, { token: resident })).data.markNotificationsRead;
    expect(none.code).toBe('VALIDATION');
  });

  it('a lost race notifies nobody: 8 concurrent claims, one winner, one notification', async () => {
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng, title: '收音机' });
    const before = await t.db.prisma.notification.count();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => mutate(t, 'claim', member, { wishId: wish.id, organizationId: media })),
    );
    expect(results.filter((r) => r.__typename === 'ClaimWishPayload')).toHaveLength(1);
    expect(await t.db.prisma.notification.count()).toBe(before + 1);
  });

  it("a switched-off module's notifications are hidden until it is switched back on", async () => {
    const w = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng, title: '暖水袋' });
    await ok(t, 'claim', member, { wishId: w.id, organizationId: media });
    const before = await inbox(resident);
    expect(before.edges.length).toBeGreaterThan(0);
    const admin = await t.login('admin');
    const township = await regionId(t, CODES.jianguolu);
    const SWITCH = `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) { __typename } }`;
    const set = async (enabled: boolean) =>
      expect(
        (
          await t.gql(
            SWITCH,
            { i: { regionId: township, moduleId: 'wishes', enabled, note: '收件箱测试' } },
            {
              token: admin,
            },
          )
        ).data.setModuleEnabled.__typename,
      ).toBe('SetModuleEnabledPayload');
    await set(false);
    const off = await inbox(resident);
    expect(off).toMatchObject({ unreadCount: 0, edges: [] });
    await set(true);
    expect(await inbox(resident)).toEqual(before);
  });

  it('anonymous viewers have no inbox', async () => {
    const r = await t.gql(INBOX, { first: 1 });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
