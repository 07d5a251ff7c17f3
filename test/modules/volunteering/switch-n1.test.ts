// Switching the module off for one township hides it there only; back on restores everything.
// Nested lists are N+1-free: a page of 50 costs the same number of SQL statements as a page of 5.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers.js';
import { app, ok, personId, regionId, SIGN_UP } from './helpers.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ t } = await app());
  for (const u of ['admin', 'zhou-admin', 'beiwucha-admin', 'member-pu', 'manas-emergency', 'analyst'])
    tokens[u] = await t.login(u);
  for (const [k, code] of [
    ['beiwucha', '652324104'],
    ['manas', '652324'],
    ['jingcaicheng', '652301004001'],
    ['mulei', '652328'],
    ['weijiachang', '652324104200'],
  ])
    ids[k!] = await regionId(t, code!);
  ids.zhao = await personId(t, tokens.admin!, '赵刚');
});
afterAll(() => t.close());

const LIST = `query($r: ID!) { volunteerActivities(filter: { regionId: $r }, first: 100) { totalCount edges { node {
  id title status community { name } } } } }`;
const ONE = `query($id: ID!) { volunteerActivity(id: $id) { title } }`;
const STATS = `query($r: ID!) { region(id: $r) { stats { volunteering {
  activities volunteers verifiedHours serviceOrders } } } }`;
const ZHAO = `query($id: ID!) { person(id: $id) { volunteer { totalHours } } }`;
const SWITCH = `mutation($r: ID!, $on: Boolean!) { setModuleEnabled(input: {
  regionId: $r, moduleId: "volunteering", enabled: $on, note: "试点调整" }) { __typename ... on Error { code message } } }`;

async function snapshot() {
  const z = { token: tokens['zhou-admin'] };
  const manas = await t.gql(LIST, { r: ids.manas }, z);
  const beiwucha = manas.data.volunteerActivities.edges.find(
    (e: { node: { community: { name: string }; status: string } }) =>
      e.node.community.name === '魏家场村' && e.node.status === 'RECRUITING',
  ).node;
  const jingcai = (await t.gql(LIST, { r: ids.jingcaicheng }, z)).data.volunteerActivities.edges.find(
    (e: { node: { status: string } }) => e.node.status === 'RECRUITING',
  ).node;
  return {
    manasTotal: manas.data.volunteerActivities.totalCount,
    beiwuchaTotal: (await t.gql(LIST, { r: ids.beiwucha }, z)).data.volunteerActivities.totalCount,
    beiwuchaActivity: beiwucha.id,
    jingcaiActivity: jingcai.id,
    manasStats: (await t.gql(STATS, { r: ids.manas }, z)).data.region.stats.volunteering,
    muleiStats: (await t.gql(STATS, { r: ids.mulei }, z)).data.region.stats.volunteering,
    orders: (await t.gql(`{ serviceOrders { totalCount } }`, {}, { token: tokens['manas-emergency'] })).data
      .serviceOrders.totalCount,
    zhao: (await t.gql(ZHAO, { id: ids.zhao }, z)).data.person.volunteer,
  };
}

describe('module switch 模块开关', () => {
  it('off for 北五岔镇 hides it there only; back on restores everything', async () => {
    const z = { token: tokens['zhou-admin'] };
    const before = await snapshot();
    // the 72 hazard inspections are grid patrols only (nothing stored twice), so few activities remain there
    expect(before.beiwuchaTotal).toBeGreaterThanOrEqual(1);
    expect(before.zhao).not.toBeNull(); // a registered volunteer (his inspection hours are grid patrols now)
    expect(before.orders).toBe(2);
    expect(
      ok(
        await t.gql(SWITCH, { r: ids.beiwucha, on: false }, { token: tokens['beiwucha-admin'] }),
        'setModuleEnabled',
        'SetModuleEnabledPayload',
      ),
    );

    // reads in 北五岔镇: hidden from lists and statistics, MODULE_DISABLED for a single record
    const manas = await t.gql(LIST, { r: ids.manas }, z);
    expect(manas.data.volunteerActivities.totalCount).toBe(before.manasTotal - before.beiwuchaTotal);
    expect((await t.gql(LIST, { r: ids.beiwucha }, z)).data.volunteerActivities.totalCount).toBe(0);
    const one = await t.gql(ONE, { id: before.beiwuchaActivity }, z);
    expect(one.errors?.[0]?.extensions?.code).toBe('MODULE_DISABLED');
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: before.beiwuchaActivity }, z);
    expect(node.errors?.[0]?.extensions?.code).toBe('MODULE_DISABLED');
    expect((await t.gql(STATS, { r: ids.beiwucha }, z)).data.region.stats.volunteering).toEqual({
      activities: 0,
      volunteers: 0,
      verifiedHours: 0,
      serviceOrders: 0,
    });
    expect(
      (await t.gql(`{ serviceOrders { totalCount } }`, {}, { token: tokens['manas-emergency'] })).data.serviceOrders
        .totalCount,
    ).toBe(0); // both seeded orders of 玛纳斯县 are in 北五岔镇
    expect((await t.gql(ZHAO, { id: ids.zhao }, z)).data.person.volunteer).toBeNull();
    // the township's own admin no longer even sees the module in the schema
    const own = await t.gql(
      `{ volunteerActivities(first: 1) { totalCount } }`,
      {},
      { token: tokens['beiwucha-admin'] },
    );
    expect(own.errors?.[0]?.message).toMatch(/Cannot query field/);
    // writes refused there
    const refused = await t.gql(SIGN_UP, { input: { activityId: before.beiwuchaActivity, personId: ids.zhao } }, z);
    expect(refused.data.signUpForActivity.code).toBe('MODULE_DISABLED');
    // elsewhere nothing changes
    expect((await t.gql(STATS, { r: ids.mulei }, z)).data.region.stats.volunteering).toEqual(before.muleiStats);
    expect((await t.gql(ONE, { id: before.jingcaiActivity }, z)).data.volunteerActivity.title).toBeTruthy();
    ok(
      await t.gql(SIGN_UP, { input: { activityId: before.jingcaiActivity } }, { token: tokens['member-pu'] }),
      'signUpForActivity',
      'SignUpForActivityPayload',
    );

    expect(
      ok(
        await t.gql(SWITCH, { r: ids.beiwucha, on: true }, { token: tokens['beiwucha-admin'] }),
        'setModuleEnabled',
        'SetModuleEnabledPayload',
      ),
    );
    const after = await snapshot();
    expect(after).toEqual(before);
    expect((await t.gql(ONE, { id: before.beiwuchaActivity }, z)).data.volunteerActivity.title).toBe(
      '农村自建房及燃气安全隐患排查',
    );
  });
});

describe('N+1 guard (statement counter)', () => {
  const NESTED = `query($r: ID!, $n: Int!) { volunteerActivities(filter: { regionId: $r }, first: $n) {
    totalCount edges { node {
    title status community { name } team { name members { role name } } organizations { name } myEnrollment {
      status } viewerIsOrganizer
    enrollments(first: 10) { totalCount edges { node { status volunteerName servedHours person { name phone } record {
      hours versions { version } } } } } } } } }`;

  it('a page of 50 activities with enrollments and people costs the same statements as a page of 5', async () => {
    const token = tokens['zhou-admin'];
    await t.gql(NESTED, { r: ids.mulei, n: 1 }, { token }); // warm-up (schema cache)
    const small = await t.db.statements.measure(() => t.gql(NESTED, { r: ids.mulei, n: 5 }, { token }));
    const large = await t.db.statements.measure(() => t.gql(NESTED, { r: ids.mulei, n: 50 }, { token }));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data.volunteerActivities.edges).toHaveLength(50);
    const enrolled = large.result.data.volunteerActivities.edges.flatMap(
      (e: { node: { enrollments: { edges: unknown[] } } }) => e.node.enrollments.edges,
    );
    expect(enrolled.length).toBeGreaterThanOrEqual(150);
    expect(enrolled[0].node.person.name).toBeTruthy();
    console.log(`nested activities: page 5 → ${small.statements} statements, page 50 → ${large.statements}`);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(20);
  });

  it('people with their volunteer profile, totals, star level and records stay flat too', async () => {
    const token = tokens['zhou-admin'];
    const Q = `query($n: Int!) { volunteers(first: $n) { edges { node {
      name totalHours hoursThisYear starLevel community { name } person { volunteer { volunteerNumber } }
      records(first: 3) { totalCount edges { node { hours title } } } teams { role team { name } } } } } }`;
    await t.gql(Q, { n: 1 }, { token });
    const small = await t.db.statements.measure(() => t.gql(Q, { n: 5 }, { token }));
    const large = await t.db.statements.measure(() => t.gql(Q, { n: 50 }, { token }));
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data.volunteers.edges).toHaveLength(50);
    console.log(`volunteers: page 5 → ${small.statements} statements, page 50 → ${large.statements}`);
    expect(large.statements).toBe(small.statements);
  });
});
