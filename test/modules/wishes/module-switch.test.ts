// 北五岔镇 switches wishes off: the fields vanish from that township's schema, the gate hides its wishes
// from everyone and refuses writes there; 甘河子镇 keeps everything; switching back restores it all.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { CODES, mutate, OPS, personByName, publishedWish, startApp } from './support.js';

let t: TestApp;
let beiwuchaAdmin: string;
let villageWorker: string; // weijiachang-worker, 魏家场村 (北五岔镇)
let zhou: string; // prefecture administrator
let countyMember: string; // a party member whose account is scoped to 玛纳斯县, serving at 魏家场村
let wishIds: string[];
beforeAll(async () => {
  t = await startApp();
  [beiwuchaAdmin, villageWorker, zhou] = await Promise.all(
    ['beiwucha-admin', 'weijiachang-worker', 'zhou-admin'].map((u) => t.login(u)),
  );
  // 黄新龙 (party member of 北五岔镇) registers at 魏家场村 and gets an account scoped to the county,
  // so his schema still has the module (other townships of the county run it) while 北五岔镇 does not
  const prisma = t.db.prisma;
  const [village, county, template] = await Promise.all([
    prisma.region.findUniqueOrThrow({ where: { code: CODES.weijiachang } }),
    prisma.region.findUniqueOrThrow({ where: { code: CODES.manas } }),
    prisma.account.findUniqueOrThrow({ where: { username: 'member-pu' } }),
  ]);
  const person = await prisma.person.update({
    where: { idNumber: '652324197802251517' },
    data: { registeredCommunityId: village.id },
  });
  const account = await prisma.account.create({
    data: {
      id: randomUUID(),
      username: 'manas-member',
      passwordHash: template.passwordHash,
      role: 'PARTY_MEMBER',
      regionId: county.id,
      regionPath: county.path,
      personId: person.id,
    },
  });
  countyMember = (await t.app.tokens.sign({ accountId: account.id, tokenVersion: 0 }, t.clock.now())).token;
  // two published wishes in 北五岔镇
  wishIds = [];
  for (const name of ['陈玉梅', '魏长山']) {
    const requesterId = await personByName(t, villageWorker, name);
    wishIds.push(
      (
        await publishedWish(t, {
          token: villageWorker,
          worker: villageWorker,
          community: CODES.weijiachang,
          requesterId,
          title: '冬季棉衣',
        })
      ).id,
    );
  }
});
afterAll(() => t.close());

const setWishes = async (enabled: boolean) => {
  const r = await t.gql(
    `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) { __typename
      ... on SetModuleEnabledPayload { module { enabled } } ... on Error { code message } } }`,
    {
      i: {
        regionId: await regionId(t, CODES.beiwucha),
        moduleId: 'wishes',
        enabled,
        note: enabled ? '恢复' : '试点结束',
      },
    },
    { token: beiwuchaAdmin },
  );
  expect(r.data.setModuleEnabled.module.enabled).toBe(enabled);
};
const count = async (token: string) =>
  (await t.gql(`{ wishes(first: 1) { totalCount } }`, {}, { token })).data?.wishes.totalCount;
/** the wall of a township, asked anonymously with the township named in X-Township */
const wall = async (township: string) =>
  t.gql(
    `query($r: ID) { wishWall(regionId: $r, first: 50) { totalCount edges { node { community { name } } } } }`,
    { r: await regionId(t, township) },
    { headers: { 'x-township': township } },
  );
const manasStats = () =>
  t.gql(`{ regionByCode(code: "${CODES.manas}") { stats { wishes { submitted published } } } }`, {}, { token: zhou });

describe('switching wishes off for 北五岔镇 only', () => {
  it('before: 北五岔镇 has the module like everyone else', async () => {
    expect(await count(villageWorker)).toBe(2);
    expect(await count(zhou)).toBe(186);
    expect((await wall(CODES.beiwucha)).data.wishWall.totalCount).toBe(2);
    expect((await wall(CODES.ganhezi)).data.wishWall.totalCount).toBe(0);
    expect((await manasStats()).data.regionByCode.stats.wishes).toEqual({ submitted: 32, published: 32 });
  });

  it(
    "off: the fields vanish from 北五岔镇's schema, " + 'its wishes are hidden elsewhere, writes there are refused',
    async () => {
      await setWishes(false);
      // 北五岔镇's own accounts and anonymous visitors naming it: the fields are gone from the schema
      for (const token of [villageWorker, beiwuchaAdmin]) {
        const r = await t.gql(`{ wishes(first: 1) { totalCount } }`, {}, { token });
        expect(r.errors?.[0]?.message).toMatch(/Cannot query field "wishes"/);
      }
      const submit = await t.gql(
        OPS.submit,
        {
          i: {
            communityId: await regionId(t, CODES.weijiachang),
            title: '棉衣',
            category: 'OTHER',
            channel: 'HOME_VISIT',
          },
        },
        { token: villageWorker },
      );
      expect(submit.errors?.[0]?.message).toMatch(/Unknown type "SubmitWishInput"|Cannot query field "submitWish"/);
      expect((await wall(CODES.beiwucha)).errors?.[0]?.message).toMatch(/Cannot query field "wishWall"/);
      // 甘河子镇 keeps everything
      const everywhere = await t.gql(
        `{ wishWall(first: 50) { totalCount edges { node { community { name } } } } }`,
        {},
        { headers: { 'x-township': CODES.ganhezi } },
      );
      expect(everywhere.errors).toBeUndefined();
      expect(everywhere.data.wishWall.totalCount).toBe(12); // 晶彩城社区's, not 魏家场村's
      expect(await count(await t.login('tianlong-worker'))).toBe(21);
      // above the township the gate hides its wishes from lists, single reads and statistics
      expect(await count(zhou)).toBe(184);
      const single = await t.gql(OPS.wish, { id: wishIds[0] }, { token: zhou });
      expect(single.errors?.[0]?.extensions?.code).toBe('MODULE_DISABLED');
      const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: wishIds[0] }, { token: zhou });
      expect(node.errors?.[0]?.extensions?.code).toBe('MODULE_DISABLED');
      expect((await manasStats()).data.regionByCode.stats.wishes).toEqual({ submitted: 30, published: 30 });
      // and a write reaching it through a wider schema is refused, typed, with nothing changed
      const claim = await mutate(t, 'claim', countyMember, { wishId: wishIds[0] });
      expect(claim).toMatchObject({ __typename: 'ModuleDisabledError', code: 'MODULE_DISABLED' });
      // nothing was deleted
      expect(
        await t.db.prisma.wish.count({
          where: { regionPath: { startsWith: '/652300/652324/652324104/' }, status: 'PUBLISHED' },
        }),
      ).toBe(2);
    },
  );

  it('on again: everything is back', async () => {
    await setWishes(true);
    expect(await count(villageWorker)).toBe(2);
    expect(await count(zhou)).toBe(186);
    expect((await t.gql(OPS.wish, { id: wishIds[0] }, { token: zhou })).data.wish.status).toBe('PUBLISHED');
    expect((await manasStats()).data.regionByCode.stats.wishes).toEqual({ submitted: 32, published: 32 });
    const claim = await mutate(t, 'claim', countyMember, { wishId: wishIds[0] });
    expect(claim.wish).toMatchObject({ status: 'CLAIMED', claimantName: '黄新龙' });
  });
});
