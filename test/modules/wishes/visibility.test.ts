// Who sees which wishes, and how much of the people in them: scopes, roles, masking, the public wall.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { CODES, ok, OPS, organizationId, startApp } from './support.js';

let t: TestApp;
let heWishId: string;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await startApp();
  heWishId = encodeGlobalID(
    'Wish',
    (await t.db.prisma.wish.findFirstOrThrow({ where: { thanks: { startsWith: '谢谢小蒲' } } })).id,
  );
  for (const u of [
    'analyst',
    'jingcaicheng-worker',
    'yuanlin-worker',
    'member-pu',
    'member-ma',
    'resident-he',
    'manas-emergency',
    'zhou-admin',
  ])
    tokens[u] = await t.login(u);
});
afterAll(() => t.close());

const LIST = `query($f: WishFilter) { wishes(filter: $f, first: 100) { totalCount edges { node {
  id title status requesterName claimantName requester { name phone } claimant { name } organization { name }
  timeline { actorName } } } } }`;
const list = async (who: string | null, filter: Record<string, unknown> = {}) =>
  t.gql(LIST, { f: filter }, { token: who ? tokens[who] : null });
const ONE = `query($id: ID!) { wish(id: $id) {
  id title requesterName claimantName requester { name phone } claimant { name } organization { name }
  timeline { actorName } } }`;
/** 何福琴's 护腰带、护膝, claimed by 蒲晓, as `who` sees it */
const heFuqinsWish = async (who: string) => (await t.gql(ONE, { id: heWishId }, { token: tokens[who] })).data.wish;

describe('lists by role and scope', () => {
  it('analysts see every wish of their area with names masked and no person records', async () => {
    const r = await list('analyst');
    expect(r.data.wishes.totalCount).toBe(184);
    const wish = await heFuqinsWish('analyst');
    expect(wish).toMatchObject({
      requesterName: '何**',
      claimantName: '蒲*',
      requester: null,
      claimant: null,
      organization: { name: '昌吉州融媒体中心' },
    });
    expect(wish.timeline.map((e: any) => e.actorName)).toEqual(['李*', '李*', '蒲*', '蒲*', '何**']);
  });

  it('a community worker sees the wishes of their community in full, and nothing outside it', async () => {
    const r = await list('jingcaicheng-worker');
    expect(r.data.wishes.totalCount).toBe(126);
    expect(await heFuqinsWish('jingcaicheng-worker')).toMatchObject({
      requesterName: '何福琴',
      requester: { name: '何福琴', phone: '13579926810' },
      claimant: { name: '蒲晓' },
    });
    const outside = await list('jingcaicheng-worker', { regionId: await regionId(t, CODES.yuanlin) });
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await list('yuanlin-worker')).data.wishes.totalCount).toBe(6);
  });

  it("department staff see their county with masked names (玛纳斯县: 塔西河乡学校's 30 school bags)", async () => {
    const r = await list('manas-emergency');
    expect(r.data.wishes.totalCount).toBe(30);
    expect(r.data.wishes.edges.every((e: any) => e.node.requester === null && e.node.title === '书包')).toBe(true);
  });

  it(
    'a party member sees published wishes of their service community ' + 'and their own claims, not pending ones',
    async () => {
      const pending = await ok(t, 'submit', tokens['resident-he']!, {
        communityId: await regionId(t, CODES.jingcaicheng),
        title: '电子血压计',
        category: 'HEALTH',
        channel: 'ONLINE',
      });
      const r = await list('member-pu');
      expect(r.data.wishes.totalCount).toBe(126);
      expect(r.data.wishes.edges.some((e: any) => e.node.id === pending.id)).toBe(false);
      expect((await t.gql(OPS.wish, { id: pending.id }, { token: tokens['member-pu'] })).data.wish).toBeNull();
      // the member sees the people of the wishes she claimed, masked names elsewhere
      expect(await heFuqinsWish('member-pu')).toMatchObject({ requesterName: '何福琴', claimantName: '蒲晓' });
      const someoneElses = r.data.wishes.edges
        .map((e: any) => e.node)
        .find((n: any) => n.claimantName && n.claimantName !== '蒲晓');
      expect(someoneElses.requester).toBeNull();
      expect(someoneElses.requesterName).toMatch(/\*/);
    },
  );

  it('a resident sees only their own wishes', async () => {
    const r = await list('resident-he');
    expect(r.data.wishes.edges.map((e: any) => e.node.title).sort()).toEqual(['护腰带、护膝', '电子血压计']);
    expect(await heFuqinsWish('resident-he')).toMatchObject({
      requester: { name: '何福琴' },
      claimant: { name: '蒲晓' },
    });
  });

  it('anonymous requests get no list, and Region.wishes needs a login too', async () => {
    const headers = { 'x-township': CODES.jianguolu };
    const r = await t.gql(`{ wishes(first: 1) { totalCount } }`, {}, { headers });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const community = await t.gql(
      `{ regionByCode(code: "${CODES.jingcaicheng}") { wishes(first: 1) { totalCount } } }`,
      {},
      { headers },
    );
    expect(community.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('single wishes, Community.wishes and Person.claimedWishes', () => {
  it('wish(id) and node(id) follow the same rule', async () => {
    const id = heWishId;
    const node = `query($id: ID!) { node(id: $id) { __typename ... on Wish { title requesterName } } }`;
    expect((await t.gql(node, { id }, { token: tokens.analyst })).data.node).toEqual({
      __typename: 'Wish',
      title: '护腰带、护膝',
      requesterName: '何**',
    });
    expect((await t.gql(node, { id }, { token: tokens['yuanlin-worker'] })).data.node).toBeNull();
    expect((await t.gql(OPS.wish, { id }, { token: tokens['yuanlin-worker'] })).data.wish).toBeNull();
  });

  it("Community.wishes lists a community's wishes, filtered by status", async () => {
    const q = `query($c: String!) { regionByCode(code: $c) {
      name wishes(status: PUBLISHED, first: 3) { totalCount edges { node { status } } } } }`;
    const r = await t.gql(q, { c: CODES.jingcaicheng }, { token: tokens['jingcaicheng-worker'] });
    expect(r.data.regionByCode.wishes.totalCount).toBe(12);
    expect(r.data.regionByCode.wishes.edges).toHaveLength(3);
  });

  it("Person.claimedWishes lists a member's claims (马楠: two wishes of 园林社区)", async () => {
    const q = `{ viewer { account { person { name
      claimedWishes(first: 10) { totalCount edges { node { title status requesterName } } } } } } }`;
    const r = await t.gql(q, {}, { token: tokens['member-ma'] });
    const claimed = r.data.viewer.account.person.claimedWishes;
    expect(claimed.totalCount).toBe(2);
    expect(claimed.edges.map((e: any) => e.node)).toContainEqual({
      title: '米面油',
      status: 'CONFIRMED',
      requesterName: '王孝梅',
    });
  });
});

describe('wishWall: public, published only, no personal information', () => {
  const WALL = `query($r: ID, $c: WishCategory) { wishWall(regionId: $r, category: $c, first: 50) {
    totalCount edges { node { id title category requesterName community { name } } } } }`;

  it('works without logging in and shows masked names only', async () => {
    const r = await t.gql(
      WALL,
      { r: await regionId(t, CODES.jingcaicheng) },
      { headers: { 'x-township': CODES.jianguolu } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.wishWall.totalCount).toBe(12);
    for (const { node } of r.data.wishWall.edges) {
      expect(node.requesterName).toMatch(/^\S\*+$/);
      expect(node.community.name).toBe('晶彩城社区');
    }
    const byCategory = await t.gql(
      WALL,
      { r: await regionId(t, CODES.jingcaicheng), c: 'EDUCATION' },
      { headers: { 'x-township': CODES.jianguolu } },
    );
    expect(byCategory.data.wishWall.edges.every((e: any) => e.node.category === 'EDUCATION')).toBe(true);
  });

  it('has no way to reach the requester, phone or address', async () => {
    for (const field of ['requester { name }', 'timeline { actorName }', 'claimant { name }']) {
      const r = await t.gql(
        `{ wishWall(first: 1) { edges { node { ${field} } } } }`,
        {},
        { headers: { 'x-township': CODES.jianguolu } },
      );
      expect(r.errors?.[0]?.message).toMatch(/Cannot query field/);
    }
  });

  it('a wall id is the wish id a member claims with', async () => {
    const r = await t.gql(
      WALL,
      { r: await regionId(t, CODES.jingcaicheng) },
      { headers: { 'x-township': CODES.jianguolu } },
    );
    const wish = await ok(t, 'claim', tokens['member-pu']!, { wishId: r.data.wishWall.edges[0].node.id });
    expect(wish.status).toBe('CLAIMED');
    const after = await t.gql(
      WALL,
      { r: await regionId(t, CODES.jingcaicheng) },
      { headers: { 'x-township': CODES.jianguolu } },
    );
    expect(after.data.wishWall.totalCount).toBe(11);
  });
});

describe('who may claim', () => {
  it('only party members, only in the community where they serve', async () => {
    const wall = await t.gql(
      `query($r: ID) { wishWall(regionId: $r, first: 1) { edges { node { id } } } }`,
      { r: await regionId(t, CODES.jingcaicheng) },
      { headers: { 'x-township': CODES.jianguolu } },
    );
    const id = wall.data.wishWall.edges[0].node.id;
    const claim = (who: string) => t.gql(OPS.claim, { i: { wishId: id } }, { token: tokens[who] });
    expect((await claim('member-ma')).data.claimWish.code).toBe('FORBIDDEN'); // registered at 园林社区
    expect((await claim('jingcaicheng-worker')).data.claimWish.code).toBe('FORBIDDEN');
    expect((await claim('resident-he')).data.claimWish.code).toBe('FORBIDDEN');
    const wrongOrg = await t.gql(
      OPS.claim,
      { i: { wishId: id, organizationId: await organizationId(t, '昌吉州人民医院') } },
      { token: tokens['member-pu'] },
    );
    expect(wrongOrg.data.claimWish.code).toBe('FORBIDDEN');
  });

  it('an in-service member who has not registered at a community is told to register first', async () => {
    await t.db.prisma.person.updateMany({ where: { name: '马楠' }, data: { registeredCommunityId: null } });
    const wall = await t.gql(
      `query($r: ID) { wishWall(regionId: $r, first: 1) { edges { node { id } } } }`,
      { r: await regionId(t, CODES.jingcaicheng) },
      { headers: { 'x-township': CODES.jianguolu } },
    );
    const r = await t.gql(
      OPS.claim,
      { i: { wishId: wall.data.wishWall.edges[0].node.id } },
      { token: tokens['member-ma'] },
    );
    expect(r.data.claimWish.code).toBe('PRECONDITION_FAILED');
  });
});
