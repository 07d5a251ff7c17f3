// Switching `grid` off for 北五岔镇 hides it there only (nothing deleted) and switching it back restores
// everything; nested incident lists cost the same number of SQL statements for 5 or 50 rows.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { BEIWUCHA, gridApp, gridsOf, mutate, personId, WEIJIACHANG } from './kit.js';

let t: TestApp;
let zhou: string;
let tianlongGrid: string;
beforeAll(async () => {
  t = await gridApp();
  zhou = await t.login('zhou-admin');
  // a grid in 甘河子镇 (天龙社区), another township, with 孙丽 as its grid worker
  const worker = await t.login('tianlong-worker');
  const g = await mutate(
    t,
    worker,
    'createGrid',
    { communityId: await regionId(t, '652302100001'), code: 'TL1', name: '天龙第1网格', kind: 'URBAN' },
    '... on CreateGridPayload { grid { id } }',
  );
  tianlongGrid = g.grid.id;
  await mutate(t, zhou, 'assignGridStaff', {
    gridId: tianlongGrid,
    personId: await personId(t, '孙丽'),
    role: 'FULL_TIME',
    startDate: '2026-01-01',
  });
  await mutate(t, worker, 'reportIncident', { gridId: tianlongGrid, category: 'ENVIRONMENT', title: '小区垃圾' });
});
afterAll(() => t.close());

describe('module switch', () => {
  const overview = async () => {
    const r = await t.gql(
      `query($c: ID!, $v: ID!) {
        grids(first: 100) { totalCount }
        incidents(first: 100) { totalCount }
        region(id: $c) { stats { grid { grids households hazardInspections incidents } } }
        village: region(id: $v) { grids { code } } }`,
      { c: await regionId(t, '652324'), v: await regionId(t, WEIJIACHANG) },
      { token: zhou },
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const setGrid = async (enabled: boolean) => {
    const r = await t.gql(
      `mutation($r: ID!, $e: Boolean!) { setModuleEnabled(input: { regionId: $r, moduleId: "grid", enabled: ` +
        `$e }) { __typename ... on Error { code } } }`,
      { r: await regionId(t, BEIWUCHA), e: enabled },
      { token: await t.login('beiwucha-admin') },
    );
    expect(r.data.setModuleEnabled.__typename).toBe('SetModuleEnabledPayload');
  };

  it('off for 北五岔镇 hides it there only; back on restores everything', async () => {
    const before = await overview();
    expect(before.grids.totalCount).toBe(12);
    expect(before.region.stats.grid).toMatchObject({ grids: 11, households: 179, hazardInspections: 72 });
    const worker = await t.login('weijiachang-grid');
    const wjc = await gridsOf(t, zhou, WEIJIACHANG);

    await setGrid(false);
    const off = await overview();
    expect(off.grids.totalCount).toBe(1); // 天龙社区's grid stays
    expect(off.incidents.totalCount).toBe(1);
    expect(off.region.stats.grid).toEqual({ grids: 0, households: 0, hazardInspections: 0, incidents: 0 });
    expect(off.village.grids).toEqual([]);
    // a single read there is MODULE_DISABLED, a write is refused with a typed error
    const one = await t.gql(`query($id: ID!) { grid(id: $id) { id } }`, { id: wjc.G01 }, { token: zhou });
    expect(one.errors?.[0]?.extensions?.code).toBe('MODULE_DISABLED');
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: wjc.G01 }, { token: zhou });
    expect(node.errors?.[0]?.extensions?.code).toBe('MODULE_DISABLED');
    const write = await t.gql(
      `mutation($g: ID!) { reportIncident(input: { gridId: $g, category: OTHER, title: "x" }) { __typename ` +
        `... on Error { code } } }`,
      { g: wjc.G01 },
      { token: zhou },
    );
    expect(write.data.reportIncident.code).toBe('MODULE_DISABLED');
    // for people of 北五岔镇 the module is not in their schema at all
    const hidden = await t.gql(`{ grids(first: 1) { totalCount } }`, {}, { token: worker });
    expect(hidden.errors?.[0]?.message).toMatch(/Cannot query field "grids"/);
    // elsewhere it keeps working
    const elsewhere = await mutate(t, await t.login('tianlong-worker'), 'recordPatrol', {
      gridId: tianlongGrid,
      kind: 'VISIT',
      place: '3号楼',
    });
    expect(elsewhere.__typename).toBe('RecordPatrolPayload');
    expect(await t.db.prisma.household.count()).toBe(179); // nothing deleted

    await setGrid(true);
    const on = await overview();
    expect(on).toEqual(before);
    const back = await t.gql(`{ grids(first: 1) { totalCount } }`, {}, { token: worker });
    expect(back.data.grids.totalCount).toBe(3); // 魏家场村's grids, the worker's area
  });
});

describe('N+1: nested incident lists', () => {
  it('costs the same number of statements for a page of 5 and a page of 50', async () => {
    // 60 more incidents in 魏家场村 with timelines and departments
    const grid = await t.db.prisma.grid.findFirstOrThrow({
      where: { regionPath: { startsWith: '/652300/652324/652324104/652324104200/' } },
    });
    const [acct, org, person] = await Promise.all([
      t.db.prisma.account.findUniqueOrThrow({ where: { username: 'weijiachang-grid' } }),
      t.db.prisma.organization.findFirstOrThrow({ where: { name: '玛纳斯县应急管理局' } }),
      t.db.prisma.person.findFirstOrThrow({ where: { name: '陈玉梅' } }),
    ]);
    const now = t.clock.now();
    const ids = Array.from({ length: 60 }, () => randomUUID());
    await t.db.prisma.incident.createMany({
      data: ids.map((id, i) => ({
        id,
        gridId: grid.id,
        communityId: grid.communityId,
        regionPath: grid.regionPath,
        category: 'OTHER' as const,
        priority: 'NORMAL' as const,
        status: 'IN_PROGRESS' as const,
        title: `批量事件 ${i}`,
        description: '',
        occurredAt: now,
        attachmentUrls: [],
        reporterAccountId: acct.id,
        reporterPersonId: acct.personId,
        residentId: person.id,
        reportedAt: new Date(now.getTime() + i * 1000),
        stageStartedAt: now,
        deadline: now,
        acceptDeadline: now,
        leadDepartmentId: org.id,
      })),
    });
    await t.db.prisma.incidentEntry.createMany({
      data: ids.flatMap((id) =>
        (['REPORTED', 'ACCEPTED', 'ESCALATED', 'IN_PROGRESS'] as const).map((s, k) => ({
          incidentId: id,
          regionPath: grid.regionPath,
          at: now,
          toStatus: s,
          fromStatus: k ? (['REPORTED', 'ACCEPTED', 'ESCALATED'] as const)[k - 1] : null,
          actorAccountId: acct.id,
          actorRole: 'COMMUNITY_WORKER',
          departmentId: k === 3 ? org.id : null,
        })),
      ),
    });
    await t.db.prisma.incidentDepartment.createMany({
      data: ids.map((id) => ({
        incidentId: id,
        organizationId: org.id,
        regionPath: grid.regionPath,
        notifiedAt: now,
        role: 'LEAD' as const,
      })),
    });

    const token = await t.login('beiwucha-admin');
    const query = `query($n: Int!) { incidents(first: $n) { totalCount edges { node {
      id title status deadline overdue open311Status expectedDatetime
      grid { name community { name } } community { name }
      leadDepartment { name } departments { role organization { name } }
      reporter { name role organization { name } } resident { name } household { address }
      timeline { to actor { name organization { name } } department { name } }
    } } } }`;
    await t.gql(query, { n: 5 }, { token }); // warm-up: schema and caches
    const small = await t.db.statements.measure(() => t.gql(query, { n: 5 }, { token }));
    const large = await t.db.statements.measure(() => t.gql(query, { n: 50 }, { token }));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data.incidents.edges).toHaveLength(50);
    expect(large.result.data.incidents.edges[0].node.timeline.length).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);

    const nested =
      `query($n: Int!) { grids(first: $n) { edges { node { name staff { role name } ` +
      `incidents(first: 10) { totalCount edges { node { title leadDepartment { name } timeline { to } } } } } } } }`;
    await t.gql(nested, { n: 2 }, { token });
    const g2 = await t.db.statements.measure(() => t.gql(nested, { n: 2 }, { token }));
    const g11 = await t.db.statements.measure(() => t.gql(nested, { n: 11 }, { token }));
    expect(g11.result.data.grids.edges).toHaveLength(11);
    expect(g11.statements).toBe(g2.statements);
    console.log(
      `[grid] statements: incidents page 5 → ${small.statements}, page 50 → ${large.statements}; grids 2 → ` +
        `${g2.statements}, 11 → ${g11.statements}`,
    );
  });
});
