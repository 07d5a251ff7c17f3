// Priority 1: grids, households, staff assignments, patrols (incl. 隐患排查 opening an incident).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { BEIWUCHA, gridApp, gridsOf, mutate, personId, WEIJIACHANG, YOUFANGZHUANG } from './kit.js';

let t: TestApp;
let admin: string;
let gridWorker: string;
let villageWorker: string;
let wjc: Record<string, string>;
beforeAll(async () => {
  t = await gridApp();
  [admin, gridWorker, villageWorker] = await Promise.all(
    ['beiwucha-admin', 'weijiachang-grid', 'weijiachang-worker'].map((u) => t.login(u)),
  );
  wjc = await gridsOf(t, admin, WEIJIACHANG);
});
afterAll(() => t.close());

describe('grids and households', () => {
  it('lists the grids of a community with staff and household counts, and Community.grids', async () => {
    expect(Object.keys(wjc).sort()).toEqual(['G01', 'G02', 'G03']);
    const r = await t.gql(
      `query($id: ID!, $r: ID!) {
        grid(id: $id) { name kind householdCount sizeWarning community { name }
          staff { role active name } households(first: 2) { totalCount edges { node { address } } } }
        region(id: $r) { grids { code } } }`,
      { id: wjc.G01, r: await regionId(t, WEIJIACHANG) },
      { token: villageWorker },
    );
    expect(r.errors).toBeUndefined();
    const g = r.data.grid;
    expect(g).toMatchObject({
      name: '魏家场村第1网格',
      kind: 'RURAL',
      householdCount: 25,
      sizeWarning: null,
      community: { name: '魏家场村' },
    });
    expect(g.staff.map((s: any) => s.role).sort()).toEqual([
      'FULL_TIME',
      'FULL_TIME',
      'FULL_TIME',
      'INSTRUCTOR',
      'LEADER',
      'PART_TIME',
    ]);
    expect(g.staff.find((s: any) => s.role === 'LEADER').name).toBe('赵刚');
    expect(g.households.totalCount).toBe(25);
    expect(g.households.edges[0].node.address).toMatch(/^玛纳斯县北五岔镇魏家场村/);
    expect(r.data.region.grids.map((x: any) => x.code)).toEqual(['G01', 'G02', 'G03']);
  });

  it('masks household addresses for analysts and hides households from residents', async () => {
    const analyst = await t.login('analyst');
    const r = await t.gql(
      `query($id: ID!) { grid(id: $id) { households(first: 1) { edges { node { address } } } } }`,
      { id: wjc.G01 },
      { token: analyst },
    );
    expect(r.data.grid.households.edges[0].node.address).toMatch(/\*\*\*\*$/);
    const resident = await t.login('resident-he');
    const other = await t.gql(`query($id: ID!) { grid(id: $id) { id } }`, { id: wjc.G01 }, { token: resident });
    expect(other.data.grid).toBeNull(); // 晶彩城社区 resident: outside her area
  });

  it('creates a grid in a community only (never a township), by its staff', async () => {
    const community = await regionId(t, WEIJIACHANG);
    const ok = await mutate(
      t,
      villageWorker,
      'createGrid',
      { communityId: community, code: 'G09', name: '魏家场村第9网格', kind: 'RURAL' },
      '... on CreateGridPayload { grid { code community { name } } warnings }',
    );
    expect(ok).toMatchObject({
      __typename: 'CreateGridPayload',
      grid: { code: 'G09', community: { name: '魏家场村' } },
      warnings: [],
    });
    const dup = await mutate(t, villageWorker, 'createGrid', {
      communityId: community,
      code: 'G09',
      name: 'x',
      kind: 'RURAL',
    });
    expect(dup.code).toBe('CONFLICT');
    const township = await mutate(t, admin, 'createGrid', {
      communityId: await regionId(t, BEIWUCHA),
      code: 'T1',
      name: '镇网格',
      kind: 'URBAN',
    });
    expect(township.code).toBe('VALIDATION');
    const outsider = await mutate(t, await t.login('tianlong-worker'), 'createGrid', {
      communityId: community,
      code: 'G10',
      name: 'x',
      kind: 'RURAL',
    });
    expect(outsider.code).toBe('FORBIDDEN');
  });

  it('six concurrent creations of one code: one grid, five CONFLICT', async () => {
    const community = await regionId(t, WEIJIACHANG);
    const input = { communityId: community, code: 'G77', name: '并发网格', kind: 'RURAL' };
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        mutate(t, villageWorker, 'createGrid', input, '... on CreateGridPayload { grid { id } }'),
      ),
    );
    expect(results.filter((r) => r.__typename === 'CreateGridPayload')).toHaveLength(1);
    expect(results.filter((r) => r.code === 'CONFLICT')).toHaveLength(5);
    expect(await t.db.prisma.grid.count({ where: { code: 'G77' } })).toBe(1);
  });

  it('warns (does not refuse) when a grid grows beyond the usual size', async () => {
    const set = await t.gql(
      `mutation($r: ID!) { setModuleSetting(input: { regionId: $r, moduleId: "grid", key: ` +
        `"ruralGridMaxHouseholds", value: 25 }) { __typename } }`,
      { r: await regionId(t, BEIWUCHA) },
      { token: admin },
    );
    expect(set.data.setModuleSetting.__typename).toBe('SetModuleSettingPayload');
    const r = await mutate(
      t,
      villageWorker,
      'createHousehold',
      { gridId: wjc.G01, address: '魏家场村6组99号', headId: await personId(t, '魏长山') },
      '... on CreateHouseholdPayload { household { address head { name } memberCount } warnings }',
    );
    expect(r.__typename).toBe('CreateHouseholdPayload');
    expect(r.household).toMatchObject({ address: '魏家场村6组99号', head: { name: '魏长山' }, memberCount: 1 });
    expect(r.warnings[0]).toMatch(/26 户，超过农村网格的 25 户/);
    const g = await t.gql(
      `query($id: ID!) { grid(id: $id) { householdCount sizeWarning } }`,
      { id: wjc.G01 },
      { token: admin },
    );
    expect(g.data.grid.householdCount).toBe(26);
    expect(g.data.grid.sizeWarning).toMatch(/larger than usual/);
  });
});

describe('grid staff assignments', () => {
  it('assigns with start and end dates, refuses overlaps, ends an assignment', async () => {
    const person = await personId(t, '魏长山');
    const sel = '... on AssignGridStaffPayload { assignment { id role active startDate endDate name } }';
    const a = await mutate(
      t,
      admin,
      'assignGridStaff',
      { gridId: wjc.G02, personId: person, role: 'PART_TIME', startDate: '2026-01-01' },
      sel,
    );
    expect(a.assignment).toMatchObject({
      role: 'PART_TIME',
      active: true,
      startDate: '2026-01-01',
      endDate: null,
      name: '魏长山',
    });
    const overlap = await mutate(t, admin, 'assignGridStaff', {
      gridId: wjc.G02,
      personId: person,
      role: 'PART_TIME',
      startDate: '2026-06-01',
    });
    expect(overlap.code).toBe('CONFLICT');
    const bad = await mutate(t, admin, 'assignGridStaff', {
      gridId: wjc.G02,
      personId: person,
      role: 'LEADER',
      startDate: '2026-06-01',
      endDate: '2026-05-01',
    });
    expect(bad.code).toBe('VALIDATION');
    const ended = await mutate(
      t,
      admin,
      'endGridStaffAssignment',
      { assignmentId: a.assignment.id, endDate: '2026-11-01' },
      '... on EndGridStaffAssignmentPayload { assignment { active endDate } }',
    );
    expect(ended.assignment).toEqual({ active: false, endDate: '2026-11-01' });
    const forbidden = await mutate(t, await t.login('manas-emergency'), 'assignGridStaff', {
      gridId: wjc.G02,
      personId: person,
      role: 'PART_TIME',
      startDate: '2027-01-01',
    });
    expect(forbidden.code).toBe('FORBIDDEN');
  });
});

describe('patrols 巡查走访 / 隐患排查', () => {
  const SEL =
    '... on RecordPatrolPayload { patrol { kind place hazardFound worker incident { status title category ' +
    'priority deadline reporter { name } } } }';

  it('a grid worker records a hazard inspection in their grid', async () => {
    const r = await mutate(
      t,
      gridWorker,
      'recordPatrol',
      { gridId: wjc.G01, kind: 'HAZARD_INSPECTION', place: '村委会锅炉房', findings: '正常' },
      SEL,
    );
    expect(r.patrol).toMatchObject({
      kind: 'HAZARD_INSPECTION',
      place: '村委会锅炉房',
      hazardFound: false,
      worker: '赵刚',
      incident: null,
    });
  });

  it('a finding opens an incident in the same step, with its accept deadline', async () => {
    const r = await mutate(
      t,
      gridWorker,
      'recordPatrol',
      {
        gridId: wjc.G01,
        kind: 'HAZARD_INSPECTION',
        place: '3组液化气站',
        findings: '气瓶露天堆放',
        openIncident: {
          category: 'SAFETY_HAZARD',
          priority: 'URGENT',
          title: '液化气瓶露天堆放',
          location: { latitude: 44.35, longitude: 86.21 },
        },
      },
      SEL,
    );
    expect(r.patrol.hazardFound).toBe(true);
    expect(r.patrol.incident).toMatchObject({
      status: 'REPORTED',
      title: '液化气瓶露天堆放',
      category: 'SAFETY_HAZARD',
      priority: 'URGENT',
      reporter: { name: '赵刚' },
    });
    expect(new Date(r.patrol.incident.deadline).getTime() - t.clock.now().getTime()).toBe(2 * 3_600_000);
  });

  it('refuses workers not assigned to the grid, and validates input with every issue at once', async () => {
    const other = await gridsOf(t, admin, YOUFANGZHUANG);
    const notMine = await mutate(t, gridWorker, 'recordPatrol', {
      gridId: other.G05 ?? Object.values(other)[0],
      kind: 'VISIT',
      place: '村口',
    });
    expect(notMine.code).toBe('NOT_FOUND'); // a grid outside the worker's area
    const unassigned = await mutate(t, villageWorker, 'recordPatrol', {
      gridId: wjc.G01,
      kind: 'VISIT',
      place: '村口',
    });
    expect(unassigned.code).toBe('FORBIDDEN');
    const invalid = await t.gql(
      `mutation($i: RecordPatrolInput!) { recordPatrol(input: $i) { __typename ... on ValidationError { ` +
        `issues { path } } } }`,
      {
        i: {
          gridId: wjc.G01,
          kind: 'VISIT',
          visitedAt: '2030-01-01T00:00:00Z',
          openIncident: { category: 'OTHER', title: '', attachmentUrls: ['ftp://x'] },
        },
      },
      { token: gridWorker },
    );
    expect(invalid.data.recordPatrol.issues.map((i: any) => i.path).sort()).toEqual(
      ['input.openIncident.attachmentUrls.0', 'input.openIncident.title', 'input.place', 'input.visitedAt'].sort(),
    );
  });

  it('counts the new inspections in RegionStats.grid', async () => {
    const r = await t.gql(
      `query($r: ID!) { region(id: $r) { stats { grid { hazardInspections patrols } } } }`,
      { r: await regionId(t, BEIWUCHA) },
      { token: admin },
    );
    expect(r.data.region.stats.grid).toEqual({ hazardInspections: 74, patrols: 114 });
  });

  it('a worker whose assignment has ended may no longer patrol or report there', async () => {
    const zhao = await t.db.prisma.person.findFirstOrThrow({ where: { name: '赵刚' } });
    await t.db.prisma.gridStaff.updateMany({ where: { personId: zhao.id }, data: { endDate: new Date('2026-01-01') } });
    const r = await mutate(t, gridWorker, 'recordPatrol', { gridId: wjc.G01, kind: 'VISIT', place: '村口' });
    expect(r.code).toBe('FORBIDDEN');
    const i = await mutate(t, gridWorker, 'reportIncident', {
      gridId: wjc.G01,
      category: 'OTHER',
      title: '离岗后上报',
    });
    expect(i.code).toBe('FORBIDDEN');
  });
});
