// RegionStats.partyBuilding (木垒县 figures from the page), the module switch for one township, and
// statement counts for nested lists (N+1 guard).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers.js';
import { regionId } from '../../helpers.js';
import { expectError, mutate, orgId, ORGS, start } from './kit.js';

let t: TestApp;
let admin: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ t } = await start());
  admin = await t.login('admin');
  for (const [k, name] of Object.entries(ORGS)) ids[k] = await orgId(t, name);
});
afterAll(() => t.close());

const STATS = `query($id: ID!) { region(id: $id) { stats { partyBuilding { organizations branches
  residentialBranches members inDevelopment inServiceRegistered
  meetingsHeld complianceRate requestsReceived requestsAnswered propertyClauses propertyClausesFulfilled
    projectInvestmentYuan roadKm parkingSpaces greeningSquareMetres facilitiesRepaired } } } }`;
const stats = async (code: string, token = admin) => {
  const r = await t.gql(STATS, { id: await regionId(t, code) }, { token });
  expect(r.errors).toBeUndefined();
  return r.data.region.stats.partyBuilding;
};

describe('RegionStats.partyBuilding', () => {
  it(
    "shows the newspaper's figures for 木垒县 (1.2万元 greening, " + '1.2 km road, 105 parking spaces, ten clauses)',
    async () => {
      const s = await stats('652328', await t.login('analyst'));
      expect(s).toMatchObject({
        projectInvestmentYuan: 12000,
        roadKm: 1.2,
        parkingSpaces: 105,
        propertyClauses: 10,
        facilitiesRepaired: 3,
        residentialBranches: 2,
        requestsReceived: 6,
        requestsAnswered: 4,
      });
      expect(s.complianceRate).toBeGreaterThan(0);
    },
  );

  it("rolls up the hierarchy and counts 昌吉州融媒体中心's registrations at 晶彩城社区", async () => {
    const [prefecture, changji, community] = await Promise.all([
      stats('652300'),
      stats('652301'),
      stats('652301004001'),
    ]);
    expect(prefecture.organizations).toBe(10);
    expect(prefecture.members).toBeGreaterThanOrEqual(changji.members);
    expect(prefecture.projectInvestmentYuan).toBe(12000);
    expect(community.inServiceRegistered).toBe(6);
    expect(prefecture.meetingsHeld).toBeGreaterThan(60);
    // a period: nothing recorded in the future
    const r = await t.gql(
      `query($id: ID!) { region(id: $id) { stats(from: "2027-01-01T00:00:00Z", to: "2027-12-31T00:00:00Z") {
        partyBuilding { meetingsHeld projectInvestmentYuan } } } }`,
      { id: await regionId(t, '652300') },
      { token: admin },
    );
    expect(r.data.region.stats.partyBuilding).toEqual({ meetingsHeld: 0, projectInvestmentYuan: 0 });
  });
});

describe('switching the module off for 北五岔镇 hides it there only', () => {
  it('hides reads, refuses writes there, leaves the rest, and restores everything when back on', async () => {
    const beiwucha = await t.login('beiwucha-admin');
    const SWITCH = `mutation($input: SetModuleEnabledInput!) { setModuleEnabled(input: $input) { __typename
      ... on Error { code message } } }`;
    const township = await regionId(t, '652324104');
    const LIST = `query($r: ID) { partyOrganizations(first: 50, filter: { regionId: $r }) { totalCount edges
      { node { name } } } }`;
    const manas = await regionId(t, '652324');
    const before = (await t.gql(LIST, { r: null }, { token: admin })).data.partyOrganizations.totalCount;
    const beforeManas = await stats('652324');
    expect(beforeManas.organizations).toBe(3);

    const off = await t.gql(
      SWITCH,
      { input: { regionId: township, moduleId: 'party-building', enabled: false, note: '测试' } },
      { token: beiwucha },
    );
    expect(off.data.setModuleEnabled.__typename).not.toMatch(/Error/);
    expect((await t.gql(LIST, { r: null }, { token: admin })).data.partyOrganizations.totalCount).toBe(before - 3);
    expect((await t.gql(LIST, { r: manas }, { token: admin })).data.partyOrganizations.totalCount).toBe(0);
    const single = await t.gql(
      `query($id: ID!) { partyOrganization(id: $id) { name } }`,
      { id: ids.weijiachang },
      { token: admin },
    );
    expect(single.errors?.[0]?.extensions?.code).toBe('MODULE_DISABLED');
    expectError(
      await mutate(t, admin, 'recordPartyMeeting', {
        organizationId: ids.weijiachang,
        kind: 'THEME_DAY',
        heldAt: '2026-11-20T02:00:00Z',
        place: 'x',
        topic: 'y',
      }),
      'MODULE_DISABLED',
    );
    expect((await stats('652324')).organizations).toBe(0);
    // elsewhere nothing changed
    expect(
      (await t.gql(`query($id: ID!) { partyOrganization(id: $id) { name } }`, { id: ids.media }, { token: admin }))
        .errors,
    ).toBeUndefined();
    expect((await stats('652328')).parkingSpaces).toBe(105);
    // the township administrator's own schema no longer has the module
    expect((await t.gql(LIST, { r: null }, { token: beiwucha })).errors?.[0]?.extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );

    const on = await t.gql(
      SWITCH,
      { input: { regionId: township, moduleId: 'party-building', enabled: true } },
      { token: beiwucha },
    );
    expect(on.data.setModuleEnabled.__typename).not.toMatch(/Error/);
    expect((await t.gql(LIST, { r: null }, { token: admin })).data.partyOrganizations.totalCount).toBe(before);
    expect(await stats('652324')).toEqual(beforeManas);
  });
});

describe('nested lists are N+1-free (statement counter)', () => {
  it('counts the same statements for 50 members as for 5', async () => {
    // grow the 马克思主义学院 branch to 60 members
    const college = (await t.db.prisma.organization.findFirstOrThrow({ where: { name: '新疆农业职业技术大学' } })).id;
    const org = await t.db.prisma.partyOrganization.findFirstOrThrow({
      where: { name: { contains: '马克思主义学院' } },
    });
    const home = await t.db.prisma.region.findUniqueOrThrow({ where: { code: '652301001001' } });
    const people = Array.from({ length: 28 }, (_, i) => ({
      id: randomUUID(),
      name: `测试党员${i}`,
      homeCommunityId: home.id,
      homePath: home.path,
      partyMember: true,
      workOrganizationId: college,
    }));
    await t.db.prisma.person.createMany({ data: people });
    await t.db.prisma.partyMembership.createMany({
      data: people.map((p) => ({
        personId: p.id,
        organizationId: org.id,
        regionPath: org.regionPath,
        treePath: org.treePath,
        stage: 'FULL' as const,
        appliedAt: new Date('2010-01-01'),
        contactIds: [people[0]!.id],
      })),
    });
    // every member, seeded or added, has contacts and introducers, so any page of 5 exercises every nested
    // loader a page of 50 does (the members' order is by random id)
    await t.db.prisma.partyMembership.updateMany({
      where: { organizationId: org.id },
      data: { contactIds: [people[0]!.id], introducerIds: [people[1]!.id, people[2]!.id] },
    });
    const Q = `query($id: ID!, $n: Int!) { partyOrganization(id: $id) { name members(first: $n) { totalCount
      edges { node {
      stage person { name homeCommunity { name } workOrganization { name } } contacts { name } introducers {
        name } organization { name } } } } } }`;
    const run = async (n: number) => {
      const { result, statements } = await t.db.statements.measure(() =>
        t.gql(Q, { id: ids.marx, n }, { token: admin }),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.partyOrganization.members.edges).toHaveLength(n);
      return statements;
    };
    const warn = await t.gql(
      `query($id: ID!) { partyOrganization(id: $id) { warnings { code } } }`,
      { id: ids.marx },
      { token: admin },
    );
    expect(warn.data.partyOrganization.warnings.map((w: any) => w.code)).toEqual(['TOO_MANY_MEMBERS']);
    await run(5); // warm the schema cache
    const small = await run(5);
    const large = await run(50);
    expect(large).toBe(small);
  });

  it('counts the same statements for a page of 10 organisations with nested rolls as for 3', async () => {
    const pu = await t.login('member-pu');
    const Q = `query($n: Int!) { partyOrganizations(first: $n) { edges { node { name memberCounts { full }
      warnings { code } region { name } unit { name }
      committee { members { role person { name } } } children { name } } } } }`;
    const run = async (n: number, token: string) => {
      const { result, statements } = await t.db.statements.measure(() => t.gql(Q, { n }, { token }));
      expect(result.errors).toBeUndefined();
      return statements;
    };
    await run(3, admin);
    expect(await run(10, admin)).toBe(await run(3, admin));
    const R = `query($id: ID!) { partyOrganization(id: $id) { members(first: 50) { edges { node { person {
      name } } } } } }`;
    const one = await t.db.statements.measure(() => t.gql(R, { id: ids.media }, { token: pu }));
    expect(one.result.errors).toBeUndefined();
    const M = `query($n: Int!) { partyMeetings(first: $n) { edges { node { kind organization { name } coHosts
      { name } host { name } attendanceSummary { present } attendance { status person { name } } } } } }`;
    const meetings = async (n: number) =>
      (await t.db.statements.measure(() => t.gql(M, { n }, { token: admin }))).statements;
    await meetings(5);
    expect(await meetings(50)).toBe(await meetings(5));
  });
});
