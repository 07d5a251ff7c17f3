// Request logs (pino) and /metrics: one line per request with the fields operators need and nothing secret;
// the Prometheus endpoint behind its token, with the kernel's counters.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/log.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers.js';

let t: TestApp;
let app: Awaited<ReturnType<typeof createApp>>;
const lines: Record<string, any>[] = [];
const METRICS_TOKEN = 'metrics-token-for-tests';

beforeAll(async () => {
  t = await createTestApp();
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  app = await createApp({
    db: t.db,
    modules: [],
    clock: t.clock,
    logger: createLogger({ LOG_LEVEL: 'info' }, sink),
    limits: { rateLimit: false },
    metrics: { enabled: true, token: METRICS_TOKEN },
    secret: new TextEncoder().encode('test-secret-test-secret-test-secret!!'),
  });
});
afterAll(async () => {
  await t?.close();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const lastRequestLine = () => lines.filter((l) => l.msg === 'request').at(-1)!;

describe('request log', () => {
  it('one line per request: id echoed, operation, account, role, township, statements, error codes', async () => {
    const login = await post({
      query: `mutation Login($p: String!) { login(input: { username: "beiwucha-admin", password: $p }) {
        ... on LoginPayload { token } } }`,
      variables: { p: DEMO_PASSWORD },
    });
    const token = (await login.json()).data.login.token as string;
    expect(JSON.stringify(lines)).not.toContain(DEMO_PASSWORD);
    expect(JSON.stringify(lines)).not.toContain(token);

    const r = await post(
      { query: 'query Mine { viewer { account { username } } regions(first: 2) { totalCount } }' },
      { authorization: `Bearer ${token}`, 'x-request-id': 'req-42' },
    );
    expect(r.headers.get('x-request-id')).toBe('req-42');
    const line = lastRequestLine();
    expect(line).toMatchObject({ requestId: 'req-42', operation: 'Mine', account: 'beiwucha-admin', status: 200 });
    expect(line.role).toBe('REGION_ADMIN');
    expect(line.township).toMatch(/^\/\d+\/\d+\/\d+\/$/);
    expect(line.statements).toBeGreaterThan(0);
    expect(line.errors).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it('a request id that is not sane is replaced; error codes are listed', async () => {
    const r = await post({ query: '{ nope }' }, { 'x-request-id': 'bad id\nwith newline' });
    const id = r.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lastRequestLine()).toMatchObject({ requestId: id, account: null, errors: ['GRAPHQL_VALIDATION_FAILED'] });
  });
});

describe('/metrics', () => {
  it('needs the token, then serves request, error, login and pool metrics', async () => {
    expect((await app.yoga.fetch('http://test/metrics')).status).toBe(401);
    const r = await app.yoga.fetch('http://test/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).toMatch(/dangjian_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} [1-9]/);
    expect(text).toMatch(/dangjian_logins_total\{outcome="ok"\} [1-9]/);
    expect(text).toContain('graphql_envelop_request_duration_bucket');
    expect(text).toContain('operationName="Mine"');
    expect(text).toContain('dangjian_db_pool_connections');
    expect(text).toContain('dangjian_job_runs_total');
  });
});
