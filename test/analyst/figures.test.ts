// Every declared figure equals its oracle (figure-map.ts): Region.series per year and per month against
// Region.stats asked for that period, or a direct SQL sum where RegionStats has no such field. The years
// and months come from the data (no seed figure is pinned), and most figures must be non-zero somewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, type TestApp } from '../helpers.js';
import { ORACLES, statsSelection, type Oracle } from './figure-map.js';

let t: TestApp;
let analyst: string;
let metrics: string[];
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  analyst = await t.login('analyst');
  metrics = (await t.gql('{ figures { metric } }', {}, { token: analyst })).data.figures.map(
    (f: { metric: string }) => f.metric,
  );
}, 120_000);
afterAll(() => t.close());

const SERIES = `query($c: String!, $m: [String!]!, $from: DateTime!, $to: DateTime!, $i: SeriesInterval!) {
  regionByCode(code: $c) { path series(metrics: $m, from: $from, to: $to, interval: $i) {
    periodStart values { metric value } } } }`;
const STATS = `query($c: String!, $from: DateTime, $to: DateTime) {
  regionByCode(code: $c) { stats(from: $from, to: $to) { ${statsSelection()} } } }`;

/** Asia/Shanghai midnight of 1 January of `year` (month `m` − 1 of it) */
const shanghai = (year: number, m = 0) => new Date(Date.UTC(year, m, 1) - 8 * 3_600_000);
const round4 = (v: number) => Math.round(v * 10_000) / 10_000;
const get = (o: any, path: string): any => path.split('.').reduce((x, k) => x?.[k], o);

type Values = Map<string, number | null>;

/** one series of every figure (10 metrics a request), as rows of metric → value */
async function series(code: string, from: Date, to: Date, interval: string): Promise<Values[]> {
  const rows: Values[] = [];
  for (let i = 0; i < metrics.length; i += 10) {
    const r = await t.gql(SERIES, { c: code, m: metrics.slice(i, i + 10), from, to, i: interval }, { token: analyst });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    r.data.regionByCode.series.forEach((row: { values: { metric: string; value: number | null }[] }, k: number) => {
      rows[k] ??= new Map();
      for (const v of row.values) rows[k]!.set(v.metric, v.value);
    });
  }
  return rows;
}

/** what each figure's oracle says for [from, to) under the region (undefined: checked elsewhere) */
async function oracle(code: string, from: Date, to: Date): Promise<Map<string, number | null | undefined>> {
  const r = await t.gql(STATS, { c: code, from, to }, { token: analyst });
  expect(r.errors).toBeUndefined();
  const stats = r.data.regionByCode.stats;
  const path = (await t.db.prisma.region.findUniqueOrThrow({ where: { code } })).path;
  const out = new Map<string, number | null | undefined>();
  for (const [metric, o] of Object.entries(ORACLES) as [string, Oracle][]) {
    if ('stats' in o) out.set(metric, get(stats, o.stats));
    else if ('statsRatio' in o) {
      const [n, d] = o.statsRatio.map((p) => get(stats, p) as number);
      out.set(metric, d ? round4(n! / d) : null);
    } else if ('sql' in o) {
      const [row] = await t.db.prisma.$queryRaw<{ v: number }[]>`
        SELECT coalesce(sum(f."value"), 0)::float8 AS "v" FROM (${o.sql}) f
         WHERE f."at" >= ${from} AND f."at" < ${to} AND f."regionPath" LIKE ${`${path}%`}`;
      out.set(metric, row!.v);
    } else out.set(metric, undefined);
  }
  return out;
}

function compare(got: Values, want: Map<string, number | null | undefined>, label: string) {
  for (const [metric, w] of want) {
    if (w === undefined) continue;
    const g = got.get(metric);
    if (w === null || g === null) expect(g, `${metric} ${label}`).toBe(w);
    else expect(g, `${metric} ${label}`).toBeCloseTo(w, 2);
  }
}

describe('declared figures', () => {
  it('every declared figure has exactly one oracle, and every oracle a figure', () => {
    expect([...metrics].sort()).toEqual(Object.keys(ORACLES).sort());
    for (const o of Object.values(ORACLES))
      if ('partOf' in o) expect(metrics, `ratio ${o.partOf} that checks a part`).toContain(o.partOf);
  });

  it('per year 2023–2026 for 昌吉州 equal RegionStats (or SQL) of each year; most figures non-zero', async () => {
    const rows = await series('652300', shanghai(2023), shanghai(2027), 'YEAR');
    expect(rows).toHaveLength(4);
    const seen = new Set<string>();
    for (let y = 0; y < 4; y++) {
      compare(rows[y]!, await oracle('652300', shanghai(2023 + y), shanghai(2024 + y)), `${2023 + y}`);
      for (const [m, v] of rows[y]!) if (v) seen.add(m);
    }
    const zero = metrics.filter((m) => !seen.has(m));
    expect(zero.length, `zero in every year: ${zero.join(' ')}`).toBeLessThanOrEqual(metrics.length / 4);
  });

  it('per month of the busiest year for a county equal RegionStats of each month', async () => {
    const years = await series('652301', shanghai(2023), shanghai(2027), 'YEAR');
    const busy = (v: Values) => [...v.values()].filter(Boolean).length;
    const y = 2023 + years.map(busy).indexOf(Math.max(...years.map(busy)));
    const rows = await series('652301', shanghai(y), shanghai(y + 1), 'MONTH');
    expect(rows).toHaveLength(12);
    for (let m = 0; m < 12; m++)
      compare(rows[m]!, await oracle('652301', shanghai(y, m), shanghai(y, m + 1)), `${y}-${m + 1}`);
  });

  it('per quarter (3 months from January, April, July, October) equal RegionStats of each quarter', async () => {
    const rows = await series('652301', shanghai(2024), shanghai(2027), 'QUARTER');
    expect(rows).toHaveLength(12);
    for (let q = 0; q < 12; q++) {
      const [y, m] = [2024 + Math.floor(q / 4), (q % 4) * 3];
      compare(rows[q]!, await oracle('652301', shanghai(y, m), shanghai(y, m + 3)), `${y} Q${(q % 4) + 1}`);
    }
  });
});
