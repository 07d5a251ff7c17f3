// Modules that know nothing of each other, working together through kernel events: a wish claimed in
// the wishes module shows up in party-building's 在职党员报到 list; everything installed at once builds
// one schema and seeds one database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
});
afterAll(() => t.close());

const REGISTRATIONS = `query($c: ID!) { partyRegistrations(communityId: $c, first: 50) {
  edges { node { person { name } wishesClaimed wishesFulfilled } } } }`;

describe('all installed modules together', () => {
  it('seeds every module and serves every module’s figures for one region', async () => {
    const r = await t.gql(
      `{ regionByCode(code: "652300") { stats { residents wishes { submitted } partyBuilding { organizations }
        volunteering { activities } elderCare { dayCareCenters } grid { grids } } } }`,
      {},
      { token: await t.login('analyst') },
    );
    expect(r.errors).toBeUndefined();
    const s = r.data.regionByCode.stats;
    for (const v of [
      s.wishes.submitted,
      s.partyBuilding.organizations,
      s.volunteering.activities,
      s.elderCare.dayCareCenters,
      s.grid.grids,
    ]) {
      expect(v).toBeGreaterThan(0);
    }
  });

  it(
    'a wish claimed and fulfilled by 蒲晓 is counted in party-building ' + 'through wishes.claimed / wishes.fulfilled',
    async () => {
      const community = await regionId(t, '652301004001');
      const worker = await t.login('jingcaicheng-worker');
      const count = async () => {
        const r = await t.gql(REGISTRATIONS, { c: community }, { token: worker });
        return r.data.partyRegistrations.edges.map((e: any) => e.node).find((n: any) => n.person.name === '蒲晓');
      };
      const before = await count();
      const wall = await t.gql(
        `{ wishWall(first: 1) { edges { node { id } } } }`,
        {},
        { headers: { 'x-township': '652301004' } },
      );
      const wishId = wall.data.wishWall.edges[0].node.id;
      const pu = await t.login('member-pu');
      const claim = await t.gql(
        `mutation($i: ClaimWishInput!) { claimWish(input: $i) { __typename ... on Error { code message } } }`,
        { i: { wishId } },
        { token: pu },
      );
      expect(claim.data.claimWish.__typename).toBe('ClaimWishPayload');
      expect((await count()).wishesClaimed).toBe(before.wishesClaimed + 1);
      const fulfil = await t.gql(
        `mutation($i: FulfillWishInput!) { fulfillWish(input: $i) { __typename } }`,
        { i: { wishId, note: '已送到' } },
        { token: pu },
      );
      expect(fulfil.data.fulfillWish.__typename).toBe('FulfillWishPayload');
      expect((await count()).wishesFulfilled).toBe(before.wishesFulfilled + 1);
    },
  );
});

describe('node(id) follows the module switches', () => {
  it('hides a wish of a township where wishes is off, even from a prefecture admin', async () => {
    const admin = await t.login('zhou-admin');
    const list = await t.gql(
      `query($r: ID!) { wishes(filter: { regionId: $r }, first: 1) { edges { node { id } } } }`,
      { r: await regionId(t, '652324203') },
      { token: admin },
    );
    const id = list.data.wishes.edges[0].node.id;
    const q = `query($id: ID!) { node(id: $id) { id ... on Wish { title } } }`;
    expect((await t.gql(q, { id }, { token: admin })).data.node.id).toBe(id);
    const SET = `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) { __typename } }`;
    const township = await regionId(t, '652324203'); // 塔西河乡
    await t.gql(SET, { i: { regionId: township, moduleId: 'wishes', enabled: false } }, { token: admin });
    expect((await t.gql(q, { id }, { token: admin })).data.node).toBeNull();
    await t.gql(SET, { i: { regionId: township, moduleId: 'wishes', enabled: true } }, { token: admin });
    expect((await t.gql(q, { id }, { token: admin })).data.node.id).toBe(id);
  });
});
