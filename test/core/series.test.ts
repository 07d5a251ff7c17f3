// 时间序列与排名: Region.series and Region.ranking over the figures modules declare. The oracle is
// RegionStats (another code path over the same facts), asked period by period and region by region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';

let t: TestApp;
let analyst: string;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  analyst = await t.login('analyst');
}, 120_000);
afterAll(() => t.close());

const SERIES = `query($c: String!, $m: [String!]!, $from: DateTime!, $to: DateTime!, $i: SeriesInterval!) {
  regionByCode(code: $c) { series(metrics: $m, from: $from, to: $to, interval: $i) {
    periodStart values { metric value } } } }`;
const RANKING = `query($c: String!, $m: String!, $l: RankingLevel!, $from: DateTime!, $to: DateTime!,
  $o: RankingOrder) {
  regionByCode(code: $c) { ranking(metric: $m, childLevel: $l, from: $from, to: $to, first: 200, order: $o) {
    rank name code value previous change region { id name } } } }`;
const STATS = `query($c: String!, $from: DateTime, $to: DateTime) {
  regionByCode(code: $c) { stats(from: $from, to: $to) {
  wishes { submitted claimed published claimRate } volunteering { verifiedHours activities enrollments }
  elderCare { needsCollected needsDone mealsServed mealsDelivered visitsDone } } } }`;

const gql = async (query: string, variables: Record<string, unknown>, token = analyst) => {
  const r = await t.gql(query, variables, { token });
  return r;
};
const stats = async (code: string, from: Date, to: Date) =>
  (await gql(STATS, { c: code, from: from.toISOString(), to: to.toISOString() })).data.regionByCode.stats;

/** midnight of the first day of each month of 2024 in Asia/Shanghai, and of January 2025 */
const MONTHS = Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(2024, i, 1) - 8 * 3_600_000));

describe('Region.series', () => {
  it('lists the declared figures of the modules in the schema', async () => {
    const r = await gql('{ figures { metric title module kind } }', {});
    const metrics = r.data.figures.map((f: { metric: string }) => f.metric);
    expect(metrics).toEqual(
      expect.arrayContaining(['wishes.submitted', 'wishes.claimRate', 'volunteering.verifiedHours']),
    );
  });

  it('gives every month of 2024 in one request, equal to the statistics of each month, empty months as 0', async () => {
    const metrics = ['wishes.submitted', 'wishes.claimRate', 'volunteering.verifiedHours', 'volunteering.activities'];
    const care = ['needsCollected', 'mealsServed', 'mealsDelivered', 'visitsDone'];
    const r = await gql(SERIES, {
      c: '652300',
      m: [...metrics, ...care.map((c) => `elder-care.${c}`)],
      from: MONTHS[0]!.toISOString(),
      to: MONTHS[12]!.toISOString(),
      i: 'MONTH',
    });
    expect(r.errors).toBeUndefined();
    const rows = r.data.regionByCode.series;
    expect(rows.map((x: { periodStart: string }) => x.periodStart)).toEqual(
      MONTHS.slice(0, 12).map((d) => d.toISOString()),
    );
    let nonZero = 0;
    for (let i = 0; i < 12; i++) {
      const s = await stats('652300', MONTHS[i]!, MONTHS[i + 1]!);
      const v = Object.fromEntries(rows[i].values.map((x: { metric: string; value: number }) => [x.metric, x.value]));
      expect(v['wishes.submitted'], `month ${i + 1}`).toBe(s.wishes.submitted);
      expect(v['wishes.claimRate'], `month ${i + 1}`).toBe(s.wishes.claimRate);
      expect(v['volunteering.verifiedHours']).toBeCloseTo(s.volunteering.verifiedHours, 2);
      expect(v['volunteering.activities']).toBe(s.volunteering.activities);
      for (const c of care) expect(v[`elder-care.${c}`], `${c} month ${i + 1}`).toBe(s.elderCare[c]);
      if (v['wishes.submitted']) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(0);
    // a month without wishes is 0, not missing; its ratio null
    expect(rows.some((x: any) => x.values[0].value === 0 && x.values[1].value === null)).toBe(true);
  });

  it('elder-care and volunteering, whose demo data lie in 2024, month by month of 2024', async () => {
    const months = Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(2024, i, 1) - 8 * 3_600_000));
    const care = ['needsCollected', 'needsDone', 'mealsServed', 'mealsDelivered', 'visitsDone'];
    const r = await gql(SERIES, {
      c: '652300',
      m: [...care.map((c) => `elder-care.${c}`), 'volunteering.verifiedHours', 'volunteering.enrollments'],
      from: months[0],
      to: months[12],
      i: 'MONTH',
    });
    expect(r.errors).toBeUndefined();
    let seen = 0;
    for (let i = 0; i < 12; i++) {
      const s = await stats('652300', months[i]!, months[i + 1]!);
      const v = Object.fromEntries(r.data.regionByCode.series[i].values.map((x: any) => [x.metric, x.value]));
      for (const c of care) expect(v[`elder-care.${c}`], `${c} ${i + 1}`).toBe(s.elderCare[c]);
      expect(v['volunteering.verifiedHours']).toBeCloseTo(s.volunteering.verifiedHours, 2);
      expect(v['volunteering.enrollments']).toBe(s.volunteering.enrollments);
      seen += Object.values(v).filter((x) => (x as number) > 0).length;
    }
    expect(seen).toBeGreaterThan(5);
  });

  it('weeks begin on Monday and days are Asia/Shanghai days; the periods cover from and to whole', async () => {
    const r = await gql(SERIES, {
      c: '652301004001',
      m: ['wishes.submitted'],
      from: '2024-11-06T12:00:00Z',
      to: '2024-11-20T00:00:00Z',
      i: 'WEEK',
    });
    const starts = r.data.regionByCode.series.map((x: { periodStart: string }) => x.periodStart);
    expect(starts).toEqual(['2024-11-03T16:00:00.000Z', '2024-11-10T16:00:00.000Z', '2024-11-17T16:00:00.000Z']);
    const days = await gql(SERIES, {
      c: '652301004001',
      m: ['wishes.submitted'],
      from: MONTHS[10],
      to: MONTHS[11],
      i: 'DAY',
    });
    const total = days.data.regionByCode.series.reduce((n: number, x: any) => n + x.values[0].value, 0);
    expect(days.data.regionByCode.series).toHaveLength(30);
    expect(total).toBe((await stats('652301004001', MONTHS[10]!, MONTHS[11]!)).wishes.submitted);
  });

  it('refuses unknown metrics, reversed periods, too many periods, residents and other areas', async () => {
    const base = { c: '652300', m: ['wishes.submitted'], from: MONTHS[0], to: MONTHS[12], i: 'MONTH' };
    const code = async (vars: object, token = analyst) =>
      (await gql(SERIES, { ...base, ...vars }, token)).errors?.[0]?.extensions?.code;
    expect(await code({ m: ['wishes.nothing'] })).toBe('VALIDATION');
    expect(await code({ m: [] })).toBe('VALIDATION');
    expect(await code({ from: MONTHS[12], to: MONTHS[0] })).toBe('VALIDATION');
    expect(await code({ from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', i: 'DAY' })).toBe('LIMIT_EXCEEDED');
    expect(await code({}, await t.login('resident-he'))).toBe('FORBIDDEN');
    expect(await code({}, await t.login('jingcaicheng-worker'))).toBe('FORBIDDEN');
  });
});

describe('Region.ranking', () => {
  it('ranks the communities of a township by a figure, equal to their statistics, with the period before', async () => {
    const from = MONTHS[10]!;
    const to = MONTHS[11]!;
    // the period before has the same length: November's 30 days before 1 November
    const prev = new Date(from.getTime() - (to.getTime() - from.getTime()));
    const r = await gql(RANKING, { c: '652301004', m: 'wishes.submitted', l: 'COMMUNITY', from, to });
    expect(r.errors).toBeUndefined();
    const rows = r.data.regionByCode.ranking;
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.value, row.name).toBe((await stats(row.code, from, to)).wishes.submitted);
      expect(row.previous, row.name).toBe((await stats(row.code, prev, from)).wishes.submitted);
      expect(row.change).toBe(row.value - row.previous);
      expect(row.region.name).toBe(row.name);
    }
    const values = rows.map((x: { value: number }) => x.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(rows[0].rank).toBe(1);
    // equal values share a rank
    for (let i = 1; i < rows.length; i++)
      expect(rows[i].rank).toBe(rows[i].value === rows[i - 1].value ? rows[i - 1].rank : i + 1);
  });

  it('leaves out the townships where the module is off', async () => {
    const r = async () =>
      (
        await gql(RANKING, { c: '652301', m: 'wishes.submitted', l: 'TOWNSHIP', from: MONTHS[0], to: MONTHS[12] })
      ).data.regionByCode.ranking.map((x: { code: string }) => x.code);
    expect(await r()).toContain('652301004');
    const off = await t.gql(
      `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) { __typename } }`,
      { i: { regionId: await regionId(t, '652301004'), moduleId: 'wishes', enabled: false, note: '排名测试' } },
      { token: await t.login('admin') },
    );
    expect(off.data.setModuleEnabled.__typename).toBe('SetModuleEnabledPayload');
    expect(await r()).not.toContain('652301004');
  });
});
