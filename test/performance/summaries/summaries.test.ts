// 日汇总: DailyFigure follows the facts of grid, volunteering and elder-care in every writing transaction
// (statement triggers), and RegionStats read from it gives what counting the facts gives, for whole-day,
// partial-day and open periods, and Region.ranking for periods cut inside a day; a stats request costs the same
// statements for a month as for years.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../../modules/index.js';
import { createTestApp, regionId, shanghaiMonthStart as monthStart, type TestApp } from '../../helpers.js';
import { gridsOf, mutate, WEIJIACHANG } from '../../modules/grid/kit.js';
import { counted, summaryAndFacts } from './oracle.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const PREFECTURE = '652300';
const COUNTY = '652324';
const BEIWUCHA = '652324104';
let t: TestApp;
let tok: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  const users = { grid: 'weijiachang-grid', worker: 'weijiachang-worker', analyst: 'analyst', admin: 'admin' };
  tok = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await t.login(u)])));
}, 180_000);
afterAll(() => t.close());

async function expectSummaryMatchesFacts() {
  for (const unit of ['day', 'month'] as const) {
    const { summary, facts } = await summaryAndFacts(t, unit);
    expect(summary.length, unit).toBeGreaterThan(100);
    expect(summary, unit).toEqual(facts);
  }
}

const GRID = 'incidents patrols hazardInspections reworkCount pointsIssued pointsRedeemed closureRate resolutionRate';
const VOLUNTEERING = `activities completedActivities volunteers enrollments verifiedHours serviceOrders
  completedServiceOrders householdsVisited suggestions disputesResolved mattersDone certificates`;
const ELDER = 'needsCollected needsDone mealsServed mealsDelivered visitsDone';
const STATS = `query($c: String!, $from: DateTime, $to: DateTime) { regionByCode(code: $c) {
  stats(from: $from, to: $to) { grid { ${GRID} satisfactionRate incidentsByStatus { status count } }
    volunteering { ${VOLUNTEERING} } elderCare { ${ELDER} } } } }`;

async function statsOf(code: string, from: Date | null, to: Date | null) {
  const r = await t.gql(STATS, { c: code, from, to }, { token: tok.analyst });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.regionByCode.stats;
}

const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
const pick = (c: Record<string, number>, module: string, fields: string) =>
  Object.fromEntries(fields.split(/\s+/).map((f) => [f, c[`${module}.${f}`]]));

/** the oracle: what RegionStats should say, counted from the facts */
async function expected(code: string, from: Date | null, to: Date | null, off: string[] = []) {
  const region = await t.db.prisma.region.findUniqueOrThrow({ where: { code } });
  const c = await counted(t, region.path, from, to, off);
  const untilEnd = await counted(t, region.path, null, to, off);
  const g = c as Record<string, number>;
  return {
    grid: {
      ...pick(c, 'grid', 'incidents patrols hazardInspections reworkCount pointsIssued pointsRedeemed'),
      closureRate: rate(g['grid.closed']!, g['grid.admitted']!),
      resolutionRate: rate(g['grid.solved']!, g['grid.closed']!),
      satisfactionRate: rate(g['grid.satisfied']!, g['grid.rated']!),
      incidentsByStatus: ['REPORTED', 'ACCEPTED', 'ESCALATED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED'].map(
        (status) => ({ status, count: g[`grid.status.${status}`] }),
      ),
    },
    volunteering: {
      ...pick(c, 'volunteering', VOLUNTEERING),
      volunteers: untilEnd['volunteering.volunteers'],
    },
    elderCare: pick(c, 'elder-care', ELDER),
  };
}

/** periods around the moments of the facts: whole days, partial days at the ends, open ends */
async function periods(): Promise<[Date | null, Date | null][]> {
  const b = await t.db.prisma.incident.aggregate({ _min: { reportedAt: true }, _max: { reportedAt: true } });
  const first = b._min.reportedAt!.getTime() - 400 * DAY; // the volunteering and elder-care data lie earlier
  const last = b._max.reportedAt!.getTime();
  const at = (f: number) => new Date(first + Math.round((last - first) * f));
  // midnight in Asia/Shanghai (UTC+8), where the summary's days begin; UTC midnights are partial days there
  const midnight = (d: Date) => new Date(Math.floor((d.getTime() + 8 * HOUR) / DAY) * DAY - 8 * HOUR);
  const utcMidnight = (d: Date) => new Date(Math.floor(d.getTime() / DAY) * DAY);
  return [
    [null, null],
    [midnight(at(0.1)), midnight(at(0.9))],
    [at(0.13), at(0.77)],
    [at(0.85), new Date(at(0.85).getTime() + 5 * HOUR)],
    [null, at(0.6)],
    [at(0.4), null],
    [midnight(at(0.95)), new Date(midnight(at(0.95)).getTime() + DAY)],
    [utcMidnight(at(0.2)), utcMidnight(at(0.8))],
    [monthStart(at(0.15)), monthStart(at(0.85))], // whole months only (MonthlyFigure)
    [new Date(monthStart(at(0.45)).getTime() - 2 * DAY), at(0.7)], // days, months, days, a partial day
  ];
}

async function expectStatsMatchCounting(codes: string[], off: string[] = []) {
  for (const code of codes) {
    for (const [from, to] of await periods()) {
      expect(await statsOf(code, from, to), `${code} ${from?.toISOString()}–${to?.toISOString()}`).toEqual(
        await expected(code, from, to, off),
      );
    }
  }
}

const RANKED = [
  'grid.incidents',
  'grid.patrols',
  'grid.pointsIssued',
  'grid.dueClosure',
  'volunteering.enrollments',
  'volunteering.verifiedHours',
  'elder-care.mealsServed',
  'elder-care.visitsDone',
];
const RANKING = `query($c: String!, $m: String!, $l: RankingLevel!, $from: DateTime!, $to: DateTime!) {
  regionByCode(code: $c) { ranking(metric: $m, childLevel: $l, from: $from, to: $to, first: 200) {
    code value previous } } }`;

describe('rankings from the daily summaries (Region.ranking)', () => {
  it('a period cut inside a day counts each fact on its side of the cut, the period before too', async () => {
    const paths = new Map((await t.db.prisma.region.findMany()).map((r) => [r.code, r.path]));
    let compared = 0;
    for (const [from, to] of await periods()) {
      if (!from || !to) continue;
      const before = new Date(from.getTime() - (to.getTime() - from.getTime()));
      for (const [code, level] of [
        [PREFECTURE, 'COUNTY'],
        [COUNTY, 'TOWNSHIP'],
      ] as const) {
        for (const m of RANKED) {
          const r = await t.gql(RANKING, { c: code, m, l: level, from, to }, { token: tok.analyst });
          expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
          for (const row of r.data.regionByCode.ranking) {
            const path = paths.get(row.code)!;
            const at = `${m} ${row.code} ${from.toISOString()}–${to.toISOString()}`;
            if (m === 'grid.dueClosure') continue; // also counts open incidents past the deadline: not summed
            expect(row.value, at).toBeCloseTo((await counted(t, path, from, to))[m]!, 6);
            expect(row.previous, `${at} (before)`).toBeCloseTo((await counted(t, path, before, from))[m]!, 6);
            compared += (row.value > 0 ? 1 : 0) + (row.previous > 0 ? 1 : 0);
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});

describe('daily summaries (DailyFigure, maintained by statement triggers in the writing transaction)', () => {
  it('after the seed: every summary row equals the facts; stats equal counting for every kind of period', async () => {
    await expectSummaryMatchesFacts();
    await expectStatsMatchCounting([PREFECTURE, COUNTY, WEIJIACHANG]);
  });

  it('every transition moves the summary with its facts, concurrent ones too; a refused one nothing', async () => {
    const grids = await gridsOf(t, tok.admin!, WEIJIACHANG);
    const report = (i: number) =>
      mutate(
        t,
        tok.grid!,
        'reportIncident',
        { gridId: grids.G01, category: 'INFRASTRUCTURE', title: `汇总测试${i}`, description: '村道破损' },
        '... on ReportIncidentPayload { incident { id } }',
      );
    // concurrent reports of one community and day: one summary row, every report counted
    const reports = await Promise.all([0, 1, 2, 3].map(report));
    expect(reports.map((r) => r.__typename)).toEqual(Array(4).fill('ReportIncidentPayload'));
    const ids = reports.map((r) => r.incident.id as string);
    await expectSummaryMatchesFacts();

    // concurrent accepts of one incident: exactly one wins; of different incidents: all
    const accept = (id: string) => mutate(t, tok.worker!, 'acceptIncident', { incidentId: id });
    const race = await Promise.all([accept(ids[0]!), accept(ids[0]!), accept(ids[0]!), accept(ids[1]!)]);
    expect(race.filter((r) => r.__typename === 'AcceptIncidentPayload')).toHaveLength(2);
    await expectSummaryMatchesFacts();

    // a refused transition (closing a merely accepted incident) changes nothing
    const before = await summaryAndFacts(t);
    const refused = await mutate(t, tok.worker!, 'closeIncident', { incidentId: ids[2]!, satisfaction: 'SATISFIED' });
    expect(refused.code).toBeDefined();
    expect(await summaryAndFacts(t)).toEqual(before);

    const rejected = await mutate(t, tok.worker!, 'rejectIncident', {
      incidentId: ids[3]!,
      reason: 'NOT_OUR_MATTER',
      note: '非本级事项',
    });
    expect(rejected.code ?? rejected.__typename).toBe('RejectIncidentPayload');
    const patrol = await mutate(t, tok.grid!, 'recordPatrol', {
      gridId: grids.G01,
      kind: 'HAZARD_INSPECTION',
      place: '村委会锅炉房',
      findings: '正常',
    });
    expect(patrol.__typename).toBe('RecordPatrolPayload');
    await expectSummaryMatchesFacts();

    // today's partial day from the facts, yesterday and before from the summary
    const now = t.clock.now().getTime();
    for (const [from, to] of [
      [new Date(now - 3 * DAY), new Date(now + DAY)],
      [new Date(now - HOUR), new Date(now + HOUR)],
    ] as const) {
      expect(await statsOf(WEIJIACHANG, from, to)).toEqual(await expected(WEIJIACHANG, from, to));
    }
  });

  it('a fact table read by two moments counts a row once when both fall in the same partial day', async () => {
    const [order] = await t.db.prisma.$queryRaw<{ id: string; completedAt: Date }[]>`
      SELECT "id", "completedAt" FROM "VolunteerServiceOrder" WHERE "status" = 'COMPLETED' ORDER BY "id" LIMIT 1`;
    // dispatched a minute before it was completed: one service order, dispatched and completed in this hour
    await t.db.prisma.$executeRaw`UPDATE "VolunteerServiceOrder"
      SET "dispatchedAt" = "completedAt" - interval '1 minute' WHERE "id" = ${order!.id}`;
    await expectSummaryMatchesFacts();
    const at = order!.completedAt.getTime();
    const [from, to] = [new Date(at - HOUR), new Date(at + HOUR)];
    const stats = await statsOf(PREFECTURE, from, to);
    expect(stats.volunteering.completedServiceOrders).toBeGreaterThan(0);
    expect(stats).toEqual(await expected(PREFECTURE, from, to));
  });

  it('a township switched off drops out of the summed figures', async () => {
    const township = await t.db.prisma.region.findUniqueOrThrow({ where: { code: BEIWUCHA } });
    for (const moduleId of ['grid', 'volunteering', 'elder-care']) {
      const r = await t.gql(
        `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) { __typename } }`,
        { i: { regionId: await regionId(t, BEIWUCHA), moduleId, enabled: false, note: '汇总测试' } },
        { token: tok.admin },
      );
      expect(r.data?.setModuleEnabled.__typename).toBe('SetModuleEnabledPayload');
    }
    await expectStatsMatchCounting([COUNTY], [township.path]);
  });
});

describe('statement count of a stats request', () => {
  const measure = async (code: string, from: string, to: string) => {
    const vars = { c: code, from, to };
    await t.gql(STATS, vars, { token: tok.analyst }); // warm the request-independent caches
    const { result, statements } = await t.db.statements.measure(() => t.gql(STATS, vars, { token: tok.analyst }));
    expect((result as { errors?: unknown }).errors).toBeUndefined();
    return statements;
  };

  it('does not grow with the days of the period or the communities under the region', async () => {
    const month = await measure(WEIJIACHANG, '2024-03-01T00:00:00+08:00', '2024-04-01T00:00:00+08:00');
    const years = await measure(WEIJIACHANG, '2021-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00');
    const prefecture = await measure(PREFECTURE, '2021-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00');
    const partial = await measure(PREFECTURE, '2021-01-01T05:00:00+08:00', '2027-01-01T07:00:00+08:00');
    expect(years).toBe(month);
    expect(prefecture).toBe(month);
    expect(partial).toBe(month);
  });
});
