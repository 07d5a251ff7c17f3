// Priorities 5 and 6: service orders "街道派单、部门接单", RegionStats.volunteering and the demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers.js';
import { app, ok, personId, regionId } from './helpers.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ t } = await app());
  for (const u of [
    'admin',
    'zhou-admin',
    'beiwucha-admin',
    'jingcaicheng-worker',
    'member-pu',
    'manas-emergency',
    'weijiachang-grid',
    'analyst',
  ])
    tokens[u] = await t.login(u);
  for (const [k, code] of [
    ['beiwucha', '652324104'],
    ['weijiachang', '652324104200'],
    ['jianguolu', '652301004'],
    ['mulei', '652328'],
    ['prefecture', '652300'],
    ['yuanlin', '652301006001'],
    ['wenhua', '652301001001'],
  ])
    ids[k!] = await regionId(t, code!);
  const orgs = await t.gql(
    `{ organizations(filter: { search: "玛纳斯县应急管理局" }) { edges { node { id } } } }`,
    {},
    { token: tokens.admin },
  );
  ids.emergency = orgs.data.organizations.edges[0].node.id;
  ids.zhao = await personId(t, tokens.admin!, '赵刚');
  ids.he = await personId(t, tokens.admin!, '何福琴');
});
afterAll(() => t.close());

const STATS = `query($r: ID!, $from: DateTime, $to: DateTime) { region(id: $r) { stats {
  volunteering(from: $from, to: $to) {
  activities completedActivities volunteers enrollments verifiedHours serviceOrders completedServiceOrders
    householdsVisited suggestions disputesResolved mattersDone certificates } } } }`;
const stats = async (r: string, token = tokens.analyst, vars: Record<string, string> = {}) =>
  (await t.gql(STATS, { r, ...vars }, { token })).data.region.stats.volunteering;

describe('service orders 街道派单、部门接单', () => {
  const DISPATCH = `mutation($input: DispatchServiceOrderInput!) { dispatchServiceOrder(input: $input) { __typename
    ... on DispatchServiceOrderPayload { order { id status township { name } community { name } assigneeOrganization {
      name } } } ... on Error { code } } }`;
  const ACCEPT = `mutation($input: AcceptServiceOrderInput!) { acceptServiceOrder(input: $input) { __typename
    ... on AcceptServiceOrderPayload { order { status assignedVolunteerCount } } ... on Error { code } } }`;
  const COMPLETE = `mutation($input: CompleteServiceOrderInput!) { completeServiceOrder(input: $input) { __typename
    ... on CompleteServiceOrderPayload { order { status householdsVisited mattersDone result } } ... on Error {
    code } } }`;

  it('a township dispatches, the department accepts with volunteers and completes with results', async () => {
    const input = {
      townshipId: ids.beiwucha,
      communityId: ids.weijiachang,
      assigneeOrganizationId: ids.emergency,
      title: '独居老人取暖设施检查',
      dueAt: '2026-12-05T00:00:00Z',
    };
    expect(
      (await t.gql(DISPATCH, { input }, { token: tokens['jingcaicheng-worker'] })).data.dispatchServiceOrder.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await t.gql(
          DISPATCH,
          { input: { ...input, townshipId: ids.jianguolu, communityId: null } },
          { token: tokens['beiwucha-admin'] },
        )
      ).data.dispatchServiceOrder.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await t.gql(
          DISPATCH,
          { input: { ...input, assigneeOrganizationId: null } },
          { token: tokens['beiwucha-admin'] },
        )
      ).data.dispatchServiceOrder.code,
    ).toBe('VALIDATION');
    const order = ok(
      await t.gql(DISPATCH, { input }, { token: tokens['beiwucha-admin'] }),
      'dispatchServiceOrder',
    ).order;
    expect(order).toMatchObject({
      status: 'DISPATCHED',
      township: { name: '北五岔镇' },
      community: { name: '魏家场村' },
      assigneeOrganization: { name: '玛纳斯县应急管理局' },
    });
    const inbox = await t.gql(
      `{ serviceOrders(filter: { status: DISPATCHED }) { totalCount edges { node { id title } } } }`,
      {},
      { token: tokens['manas-emergency'] },
    );
    expect(inbox.data.serviceOrders.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(order.id);
    expect(
      (await t.gql(ACCEPT, { input: { orderId: order.id } }, { token: tokens['member-pu'] })).data.acceptServiceOrder
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await t.gql(
          ACCEPT,
          { input: { orderId: order.id, volunteerPersonIds: [ids.he] } },
          { token: tokens['manas-emergency'] },
        )
      ).data.acceptServiceOrder.code,
    ).toBe('PRECONDITION_FAILED');
    expect(
      (await t.gql(COMPLETE, { input: { orderId: order.id, result: '已完成' } }, { token: tokens['manas-emergency'] }))
        .data.completeServiceOrder.code,
    ).toBe('INVALID_TRANSITION');
    expect(
      ok(
        await t.gql(
          ACCEPT,
          { input: { orderId: order.id, volunteerPersonIds: [ids.zhao] } },
          { token: tokens['manas-emergency'] },
        ),
        'acceptServiceOrder',
      ).order,
    ).toEqual({ status: 'ACCEPTED', assignedVolunteerCount: 1 });
    expect(
      (await t.gql(ACCEPT, { input: { orderId: order.id } }, { token: tokens['manas-emergency'] })).data
        .acceptServiceOrder.code,
    ).toBe('INVALID_TRANSITION');
    const before = await stats(ids.beiwucha);
    const done = ok(
      await t.gql(
        COMPLETE,
        {
          input: {
            orderId: order.id,
            result: '检查 12 户，更换烟道 3 处',
            householdsVisited: 12,
            suggestions: 2,
            disputesResolved: 0,
            mattersDone: 3,
          },
        },
        { token: tokens['manas-emergency'] },
      ),
      'completeServiceOrder',
    ).order;
    expect(done).toEqual({
      status: 'COMPLETED',
      householdsVisited: 12,
      mattersDone: 3,
      result: '检查 12 户，更换烟道 3 处',
    });
    const after = await stats(ids.beiwucha);
    expect(after.householdsVisited - before.householdsVisited).toBe(12);
    expect(after.completedServiceOrders - before.completedServiceOrders).toBe(1);
    const trail = await t.db.prisma.auditLog.findMany({
      where: { action: { startsWith: 'volunteering.order' } },
      orderBy: { at: 'asc' },
    });
    expect(trail.map((a) => a.action)).toEqual([
      'volunteering.order.dispatch',
      'volunteering.order.accept',
      'volunteering.order.complete',
    ]);
  });

  it('a team leader completes the orders of the team (seeded: 村道路灯损坏排查)', async () => {
    const list = await t.gql(
      `{ serviceOrders(filter: { status: ACCEPTED }) { edges { node { id title team { name } } } } }`,
      {},
      { token: tokens['weijiachang-grid'] },
    );
    const order = list.data.serviceOrders.edges.find(
      (e: { node: { title: string } }) => e.node.title === '村道路灯损坏排查',
    ).node;
    expect(order.team.name).toBe('北五岔镇安全隐患排查志愿服务队');
    const COMPLETE2 = `mutation($id: ID!) { completeServiceOrder(input: {
      orderId: $id, result: "排查路灯 40 盏，报修 6 盏", householdsVisited: 30, mattersDone: 6 }) { __typename ... on Error {
      code } } }`;
    expect(
      (await t.gql(COMPLETE2, { id: order.id }, { token: tokens['weijiachang-grid'] })).data.completeServiceOrder
        .__typename,
    ).toBe('CompleteServiceOrderPayload');
  });
});

describe('RegionStats.volunteering and the 昌吉日报 figures', () => {
  it('木垒县 shows 300+ activities, 4,566 households, 80+ suggestions, 700+ disputes, 320+ matters done', async () => {
    const s = await stats(ids.mulei);
    expect(s.activities).toBeGreaterThanOrEqual(300);
    expect(s.householdsVisited).toBeGreaterThanOrEqual(4566);
    expect(s.suggestions).toBeGreaterThanOrEqual(80);
    expect(s.disputesResolved).toBeGreaterThanOrEqual(700);
    expect(s.mattersDone).toBeGreaterThanOrEqual(320);
    expect(s.volunteers).toBeGreaterThanOrEqual(28);
    expect(s.verifiedHours).toBeGreaterThan(1000);
    const y2024 = await stats(ids.mulei, tokens.analyst, {
      from: '2024-01-01T00:00:00+08:00',
      to: '2025-01-01T00:00:00+08:00',
    });
    expect(y2024).toMatchObject({
      activities: 312,
      householdsVisited: 4566,
      suggestions: 83,
      disputesResolved: 712,
      mattersDone: 326,
    });
    const y2023 = await stats(ids.mulei, tokens.analyst, {
      from: '2023-01-01T00:00:00+08:00',
      to: '2024-01-01T00:00:00+08:00',
    });
    expect(y2023).toMatchObject({ activities: 0, householdsVisited: 0, verifiedHours: 0 });
  });

  it('rolls up the hierarchy and is refused to residents and outside the area', async () => {
    const county = await stats(ids.mulei);
    const prefecture = await stats(ids.prefecture);
    for (const k of ['activities', 'volunteers', 'verifiedHours', 'householdsVisited', 'mattersDone'] as const)
      expect(prefecture[k]).toBeGreaterThanOrEqual(county[k]);
    expect(prefecture.activities).toBeGreaterThan(county.activities);
    const outside = await t.gql(STATS, { r: ids.mulei }, { token: tokens['beiwucha-admin'] });
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await t.gql(
      STATS,
      { r: ids.mulei, from: '2025-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' },
      { token: tokens.analyst },
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});

describe('demo data 演示数据', () => {
  it('北五岔镇: the inspection team; its 72 inspections of 2024 are grid patrols, not activities', async () => {
    const teams = await t.gql(
      `query($r: ID!) { volunteerTeams(filter: { regionId: $r, kind: SAFETY_INSPECTION }) { edges { node {
        id name memberCount members { role name } } } } }`,
      { r: ids.beiwucha },
      { token: tokens['beiwucha-admin'] },
    );
    const team = teams.data.volunteerTeams.edges[0].node;
    expect(team.name).toBe('北五岔镇安全隐患排查志愿服务队');
    expect(team.members[0]).toEqual({ role: 'LEADER', name: '赵刚' });
    const inspections = await t.gql(
      `query($r: ID!, $team: ID!) { volunteerActivities(filter: {
        regionId: $r, teamId: $team, category: SAFETY_INSPECTION, status: COMPLETED, from: "2024-01-01T00:00:00+08:00",
        to: "2025-01-01T00:00:00+08:00" }) { totalCount } }`,
      { r: ids.beiwucha, team: team.id },
      { token: tokens['beiwucha-admin'] },
    );
    // stored once: the grid module's HAZARD_INSPECTION patrols (test/demo-data/one-owner.test.ts)
    expect(inspections.data.volunteerActivities.totalCount).toBe(0);
  });

  it('the joint 主题党日 of 新疆农业职业技术大学 and 昌吉州人民医院 with 70+ members', async () => {
    const r = await t.gql(
      `query($r: ID!) { region(id: $r) { volunteerActivities(category: HEALTH_SERVICE, first: 5) { edges { node {
        title enrolledCount organizations { name } enrollments(first: 1) { totalCount } } } } } }`,
      { r: ids.wenhua },
      { token: tokens['zhou-admin'] },
    );
    const a = r.data.region.volunteerActivities.edges.find((e: { node: { title: string } }) =>
      e.node.title.includes('主题党日'),
    ).node;
    expect(a.title).toContain('义诊');
    expect(a.title).toContain('急救');
    expect(a.enrolledCount).toBeGreaterThanOrEqual(70);
    expect(a.enrollments.totalCount).toBe(a.enrolledCount);
    expect(a.organizations.map((o: { name: string }) => o.name).sort()).toEqual(
      ['新疆农业职业技术大学', '昌吉州人民医院'].sort(),
    );
  });

  it('at least 40 registered volunteers in the demo communities, and 小蒲 has verified hours', async () => {
    const all = await t.gql(`{ volunteers(first: 1) { totalCount } }`, {}, { token: tokens.admin });
    expect(all.data.volunteers.totalCount).toBeGreaterThanOrEqual(40);
    const me = await t.gql(
      `{ viewer { account { person { volunteer { totalHours starLevel } } } } }`,
      {},
      { token: tokens['member-pu'] },
    );
    expect(me.data.viewer.account.person.volunteer).toEqual({ totalHours: 120, starLevel: 1 });
    const centres = await t.gql(
      `query($r: ID!) { volunteerServiceCentres(regionId: $r) { edges { node { name community { name } } } } }`,
      { r: ids.mulei },
      { token: tokens.analyst },
    );
    expect(
      centres.data.volunteerServiceCentres.edges
        .map((e: { node: { community: { name: string } } }) => e.node.community.name)
        .sort(),
    ).toEqual(['人民路社区', '滨河社区']);
  });
});
