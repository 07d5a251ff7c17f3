// Region.ranking over the new figures: townships by a grid ratio against their own RegionStats, departments
// (DEPARTMENT) by the department figures against RegionStats.grid.departments of the same window and of
// the window before, who may rank departments, and the refusals. The window is the year with the most
// incidents escalated to departments (from the data, not pinned).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, type TestApp } from '../helpers.js';

let t: TestApp;
let analyst: string;
let from: Date;
let to: Date;
let prev: Date;
const shanghai = (year: number) => new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000);

const RANKING = `query($c: String!, $m: String!, $l: RankingLevel!, $from: DateTime!, $to: DateTime!, $first: Int) {
  regionByCode(code: $c) { ranking(metric: $m, childLevel: $l, from: $from, to: $to, first: $first) {
    rank name code value previous change region { code } department { id name } } } }`;
const DEPARTMENTS = `query($c: String!, $from: DateTime, $to: DateTime) { regionByCode(code: $c) {
  stats(from: $from, to: $to) { grid { departments { department { id name } notified lead closed
    onTimeClosureRate satisfactionRate } } } } }`;
const rank = (vars: Record<string, unknown>, token = analyst) =>
  t.gql(RANKING, { from, to, first: 200, ...vars }, { token });

beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  analyst = await t.login('analyst');
  const r = await t.gql(
    `query($from: DateTime!, $to: DateTime!) { regionByCode(code: "652300") {
      series(metrics: ["grid.departmentNotified"], from: $from, to: $to, interval: YEAR) { values { value } } } }`,
    { from: shanghai(2023), to: shanghai(2027) },
    { token: analyst },
  );
  const counts = r.data.regionByCode.series.map((x: { values: { value: number }[] }) => x.values[0]!.value);
  const year = 2023 + counts.indexOf(Math.max(...counts));
  [from, to] = [shanghai(year), shanghai(year + 1)];
  // the period before is as long as the window: a leap year's 366 days may start on 31 December
  prev = new Date(from.getTime() - (to.getTime() - from.getTime()));
}, 120_000);
afterAll(() => t.close());

describe('Region.ranking of departments (部门排名)', () => {
  it('ranks the departments by each department figure, equal to RegionStats.grid.departments', async () => {
    const now = (await t.gql(DEPARTMENTS, { c: '652300', from, to }, { token: analyst })).data.regionByCode.stats;
    const before = (await t.gql(DEPARTMENTS, { c: '652300', from: prev, to: from }, { token: analyst })).data
      .regionByCode.stats;
    const byId = (list: any[]) => new Map(list.map((d) => [d.department.id, d]));
    const [cur, old] = [byId(now.grid.departments), byId(before.grid.departments)];
    expect(cur.size).toBeGreaterThan(1);
    const fields = {
      'grid.departmentNotified': 'notified',
      'grid.departmentLed': 'lead',
      'grid.departmentClosed': 'closed',
      'grid.departmentOnTimeClosureRate': 'onTimeClosureRate',
      'grid.departmentSatisfactionRate': 'satisfactionRate',
    };
    for (const [metric, field] of Object.entries(fields)) {
      const r = await rank({ c: '652300', m: metric, l: 'DEPARTMENT' });
      expect(r.errors, metric).toBeUndefined();
      const rows = r.data.regionByCode.ranking;
      const ids = new Set([...cur.keys(), ...old.keys()]);
      expect(rows.map((x: any) => x.department.id).sort(), metric).toEqual([...ids].sort());
      const zero = field.endsWith('Rate') ? null : 0;
      for (const row of rows) {
        expect(row.region, metric).toBeNull();
        expect(row.code).toBeNull();
        expect(row.name).toBe(row.department.name);
        expect(row.value, `${metric} ${row.name}`).toBe(cur.get(row.department.id)?.[field] ?? zero);
        expect(row.previous, `${metric} ${row.name} before`).toBe(old.get(row.department.id)?.[field] ?? zero);
      }
      const values = rows.map((x: { value: number | null }) => x.value).filter((v: number | null) => v != null);
      expect(values, metric).toEqual([...values].sort((a, b) => b - a));
      for (let i = 1; i < rows.length; i++)
        expect(rows[i].rank).toBe(rows[i].value === rows[i - 1].value ? rows[i - 1].rank : i + 1);
    }
  });

  it('ranks townships by a grid ratio, equal to their own RegionStats', async () => {
    const r = await rank({ c: '652300', m: 'grid.onTimeClosureRate', l: 'TOWNSHIP' });
    expect(r.errors).toBeUndefined();
    const rows = r.data.regionByCode.ranking;
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(0, 8)) {
      const s = await t.gql(
        `query($c: String!, $from: DateTime, $to: DateTime) { regionByCode(code: $c) {
          stats(from: $from, to: $to) { grid { onTimeClosureRate } } } }`,
        { c: row.code, from, to },
        { token: analyst },
      );
      expect(row.value, row.name).toBe(s.data.regionByCode.stats.grid.onTimeClosureRate);
      expect(row.region.code).toBe(row.code);
      expect(row.department).toBeNull();
    }
  });

  it('bounds first, and refuses DEPARTMENT for a figure without departments', async () => {
    const two = await rank({ c: '652300', m: 'grid.departmentNotified', l: 'DEPARTMENT', first: 2 });
    expect(two.data.regionByCode.ranking).toHaveLength(2);
    const r = await rank({ c: '652300', m: 'grid.incidents', l: 'DEPARTMENT' });
    expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    expect(r.errors?.[0]?.message).toMatch(/部门指标/);
  });

  it('department staff rank the departments of their own area (organisation names only), not above it', async () => {
    const staff = await t.login('manas-emergency');
    const own = await rank({ c: '652324', m: 'grid.departmentOnTimeClosureRate', l: 'DEPARTMENT' }, staff);
    expect(own.errors).toBeUndefined();
    const all = await rank({ c: '652324', m: 'grid.departmentOnTimeClosureRate', l: 'DEPARTMENT' });
    expect(own.data.regionByCode.ranking).toEqual(all.data.regionByCode.ranking);
    const above = await rank({ c: '652300', m: 'grid.departmentOnTimeClosureRate', l: 'DEPARTMENT' }, staff);
    expect(above.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const resident = await rank(
      { c: '652324', m: 'grid.departmentNotified', l: 'DEPARTMENT' },
      await t.login('resident-he'),
    );
    expect(resident.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
