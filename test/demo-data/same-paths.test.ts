// Seeds through the same paths (issue 19): demo hours and wish claims reach party-building through the
// domain events the API's writes publish, so a member's figures agree in every module.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, type TestApp } from '../helpers.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  admin = await t.login('zhou-admin');
});
afterAll(() => t.close());

const REGISTRATIONS = `query($c: ID!) { partyRegistrations(communityId: $c, first: 100) { totalCount edges { node {
  person { name volunteer { totalHours } claimedWishes(first: 1) { totalCount } }
  volunteerHours wishesClaimed wishesFulfilled } } } }`;
const FULFILLED = `query($c: ID!) { partyRegistrations(communityId: $c, first: 100) { edges { node {
  person { fulfilled: claimedWishes(first: 1, status: FULFILLED) { totalCount }
    confirmed: claimedWishes(first: 1, status: CONFIRMED) { totalCount } } } } } }`;

describe('在职党员报到: party-building agrees with volunteering and wishes', () => {
  it('for every registered member: hours = verified service hours, claims = claimed wishes', async () => {
    // the communities where members registered (read directly: the assertions below are GraphQL's)
    const communities = await t.db.prisma.person.findMany({
      where: { partyMember: true, registeredCommunityId: { not: null } },
      distinct: ['registeredCommunityId'],
      select: { registeredCommunityId: true },
    });
    let withData = 0;
    for (const { registeredCommunityId } of communities) {
      const c = Buffer.from(`Region:${registeredCommunityId}`).toString('base64');
      const r = await t.gql(REGISTRATIONS, { c }, { token: admin });
      expect(r.errors).toBeUndefined();
      expect(r.data.partyRegistrations.totalCount).toBeLessThanOrEqual(100);
      const f = await t.gql(FULFILLED, { c }, { token: admin });
      r.data.partyRegistrations.edges.forEach((e: any, i: number) => {
        const n = e.node;
        const done = f.data.partyRegistrations.edges[i].node.person;
        if (n.volunteerHours || n.wishesClaimed || n.person.volunteer?.totalHours || n.person.claimedWishes.totalCount)
          withData++;
        expect({ name: n.person.name, hours: n.volunteerHours }).toEqual({
          name: n.person.name,
          hours: n.person.volunteer?.totalHours ?? 0,
        });
        expect({ name: n.person.name, claims: n.wishesClaimed }).toEqual({
          name: n.person.name,
          claims: n.person.claimedWishes.totalCount,
        });
        expect(n.wishesFulfilled).toBe(done.fulfilled.totalCount + done.confirmed.totalCount);
      });
    }
    expect(withData).toBeGreaterThan(5);
  });

  it('小蒲 (member-pu): 120 h of 2024 and her claims of 晶彩城社区’s wishes, in both modules', async () => {
    const me = await t.gql(
      `{ viewer { account { person { volunteer { totalHours } claimedWishes(first: 1) { totalCount } } } } }`,
      {},
      { token: await t.login('member-pu') },
    );
    expect(me.errors).toBeUndefined();
    expect(me.data.viewer.account.person.volunteer.totalHours).toBe(120);
    expect(me.data.viewer.account.person.claimedWishes.totalCount).toBeGreaterThan(0);
  });
});
