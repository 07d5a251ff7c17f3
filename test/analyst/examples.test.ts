// The GraphiQL opening examples for series and rankings run without errors as the demo login each one
// names, and are part of what GraphiQL opens with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { SERIES_EXAMPLES } from '../../src/core/series-examples.js';
import { EXAMPLE_OPERATIONS } from '../../src/graphiql.js';
import { createTestApp, type TestApp } from '../helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
}, 120_000);
afterAll(() => t.close());

/** each example: the login of its "# as <login>" comment and the operation below it */
const examples = SERIES_EXAMPLES.split(/^# as /m)
  .slice(1)
  .map((chunk) => ({
    login: chunk.split(/[\s:(]/)[0]!,
    name: /query (\w+)/.exec(chunk)![1]!,
    query: chunk.slice(chunk.indexOf('\n') + 1),
  }));

describe('GraphiQL examples of series and rankings', () => {
  it('are in the opening examples, as analyst and as beiwucha-admin', () => {
    expect(EXAMPLE_OPERATIONS).toContain(SERIES_EXAMPLES);
    expect(examples.map((e) => e.name)).toEqual(
      expect.arrayContaining(['MonthlySeries', 'CountyRanking', 'DepartmentRanking', 'BeiwuchaSeries']),
    );
    expect(new Set(examples.map((e) => e.login))).toEqual(new Set(['analyst', 'beiwucha-admin']));
  });

  it.each(examples)('$name runs as $login without errors and gives rows', async ({ login, query }) => {
    const r = await t.gql(query, {}, { token: await t.login(login) });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const found = r.data.figures ?? r.data.regionByCode.series ?? r.data.regionByCode.ranking;
    expect(found.length).toBeGreaterThan(0);
    if (r.data.regionByCode?.ranking) expect(r.data.regionByCode.ranking.length).toBeGreaterThan(0);
  });
});
