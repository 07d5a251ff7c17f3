// Performance: a series costs one SQL statement per count figure whatever the number of periods, a ranking
// one per count figure whatever the number of children (a ratio: its two counts), counted by the kernel's
// statement counter after a warm-up request (schema, viewer and module switches cached).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, type TestApp } from '../helpers.js';

let t: TestApp;
let analyst: string;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  analyst = await t.login('analyst');
}, 120_000);
afterAll(() => t.close());

const SERIES = `query($m: [String!]!, $from: DateTime!, $to: DateTime!, $i: SeriesInterval!) {
  regionByCode(code: "652300") { series(metrics: $m, from: $from, to: $to, interval: $i) {
    periodStart values { metric value } } } }`;
const RANKING = `query($c: String!, $m: String!, $l: RankingLevel!) {
  regionByCode(code: $c) { ranking(metric: $m, childLevel: $l, from: "2023-01-01T00:00:00+08:00",
    to: "2027-01-01T00:00:00+08:00", first: 200) { rank name value previous change } } }`;

async function statements(query: string, variables: Record<string, unknown>) {
  await t.gql(query, variables, { token: analyst }); // warm the request-independent caches
  const { result, statements } = await t.db.statements.measure(() => t.gql(query, variables, { token: analyst }));
  expect((result as { errors?: unknown }).errors).toBeUndefined();
  return { statements, result: result as { data: any } };
}

describe('statement counts', () => {
  it('a series: the same for 12 months as for 366 days; one more per count figure, two per ratio', async () => {
    const year = { from: '2024-01-01T00:00:00+08:00', to: '2025-01-01T00:00:00+08:00' };
    const months = await statements(SERIES, { m: ['grid.incidents'], ...year, i: 'MONTH' });
    const days = await statements(SERIES, { m: ['grid.incidents'], ...year, i: 'DAY' });
    expect(days.result.data.regionByCode.series).toHaveLength(366);
    expect(days.statements).toBe(months.statements);
    const two = await statements(SERIES, { m: ['grid.incidents', 'wishes.submitted'], ...year, i: 'DAY' });
    expect(two.statements).toBe(days.statements + 1);
    const ratio = await statements(SERIES, { m: ['grid.incidents', 'grid.onTimeClosureRate'], ...year, i: 'DAY' });
    expect(ratio.statements).toBe(days.statements + 2);
  });

  it('a ranking: the same for 7 counties as for every community of the prefecture, and for departments', async () => {
    const counties = await statements(RANKING, { c: '652300', m: 'grid.incidents', l: 'COUNTY' });
    const communities = await statements(RANKING, { c: '652300', m: 'grid.incidents', l: 'COMMUNITY' });
    expect(communities.result.data.regionByCode.ranking.length).toBeGreaterThan(
      counties.result.data.regionByCode.ranking.length * 3,
    );
    expect(communities.statements).toBe(counties.statements);
    const ratio = await statements(RANKING, { c: '652300', m: 'grid.onTimeClosureRate', l: 'COMMUNITY' });
    expect(ratio.statements).toBe(communities.statements + 1);
    const departments = await statements(RANKING, { c: '652300', m: 'grid.departmentNotified', l: 'DEPARTMENT' });
    expect(departments.result.data.regionByCode.ranking.length).toBeGreaterThan(1);
    // no child regions to list: one statement fewer than a region ranking
    expect(departments.statements).toBe(counties.statements - 1);
  });
});
