// No request can crash or stall the server: the most expensive query the limits accept, generated from
// each role's schema, answers or is refused within 2 s with the heap below 512 MB, while a cheap request
// sent at the same time still answers within 1 s (heap: what the request adds to the worker's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { DEFAULT_LIMITS } from '../../src/limits/config.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';
import { mostExpensiveQuery } from './max-query.js';

let t: TestApp;
let known: Record<string, string>;
beforeAll(async () => {
  // the limits as deployed (the test kit otherwise gives queries a generous time budget)
  t = await createTestApp({ modules: installedModules, limits: { executionMs: DEFAULT_LIMITS.executionMs } });
  const prefecture = await regionId(t, '652300');
  const township = await regionId(t, '652324104');
  known = {
    regionId: `"${prefecture}"`,
    townshipId: `"${township}"`,
    code: '"652300"',
    moduleId: '"wishes"',
    year: '2026',
  };
});
afterAll(() => t?.close());

async function schemaAndHeaders(role: string) {
  if (role === 'anonymous') {
    const headers = { 'x-township': '652324104' };
    const r = await t.gql('{ viewer { modules } }', {}, { headers });
    return { schema: t.app.registry.schemaFor(r.data.viewer.modules), token: null, headers };
  }
  const token = await t.login(role);
  const r = await t.gql('{ viewer { modules } }', {}, { token });
  return { schema: t.app.registry.schemaFor(r.data.viewer.modules), token, headers: {} };
}

describe.each(['anonymous', 'analyst', 'admin'])('the most expensive accepted query, as %s', (role) => {
  it('answers or is refused within 2 s, heap < 512 MB, a cheap request meanwhile < 1 s', async () => {
    const { schema, token, headers } = await schemaAndHeaders(role);
    const max = mostExpensiveQuery(schema, DEFAULT_LIMITS, known);
    expect(max, 'a query could be generated').not.toBeNull();
    expect(max!.errors).toEqual([]);
    expect(max!.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    expect(max!.cost, 'the generated query is really expensive').toBeGreaterThan(DEFAULT_LIMITS.maxCost / 4);

    // what the request adds to the worker's heap (the worker already holds the app, the schemas and the
    // garbage of logging in; a fresh process would start from that baseline)
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const started = performance.now();
    const heavy = t
      .gql(max!.query, max!.variables, { token, headers })
      .then((r) => ({ r, ms: performance.now() - started }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const cheapStart = performance.now();
    const cheap = await t.gql('{ regions(first: 1) { edges { node { name } } } }');
    const cheapMs = performance.now() - cheapStart;
    const { r, ms } = await heavy;
    clearInterval(sampler);

    const codes = (r.errors ?? []).map((e) => e.extensions?.code);
    // it must reach execution: refused only by authorization or the execution budget, never as invalid
    expect(codes).not.toContain('GRAPHQL_VALIDATION_FAILED');
    expect(
      codes.every((c) => c !== undefined && c !== 'INTERNAL_SERVER_ERROR'),
      JSON.stringify(r.errors?.[0]),
    ).toBe(true);
    expect(ms).toBeLessThan(2_000);
    expect(peak - baseline).toBeLessThan(512 * 1024 * 1024);
    expect(cheap.data?.regions.edges).toHaveLength(1);
    expect(cheapMs).toBeLessThan(1_000);
    console.info(
      `max query as ${role}: cost ${max!.cost}, depth ${max!.depth}, page ${max!.variables.n}, ` +
        `${codes.length ? codes[0] : 'answered'} in ${Math.round(ms)} ms, ` +
        `heap +${Math.round((peak - baseline) / 2 ** 20)} MB (peak ${Math.round(peak / 2 ** 20)} MB), ` +
        `cheap request ${Math.round(cheapMs)} ms`,
    );
  });
});
