// Production mode and HTTP hardening (hardening §6), in-process: createApp({ production, http }) as
// bin/start.ts builds it from NODE_ENV, GRAPHIQL, INTROSPECTION and CORS_ORIGINS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { httpSecurityFromEnv } from '../../src/http/security.js';
import { createTestApp, type TestApp } from '../helpers.js';

let t: TestApp;
const ALLOWED = ['https://dangjian.example.gov.cn', 'https://app.example.cn'];
const apps: Record<string, App> = {};
const secret = new TextEncoder().encode('test-secret-test-secret-test-secret!!');
beforeAll(async () => {
  t = await createTestApp();
  // trusted documents (enforced in production by default) are tested on their own: trusted-documents.test.ts
  const explore = { enforce: false, arbitraryRoles: [] };
  const make = (o: Partial<AppOptions>) =>
    createApp({ db: t.db, modules: [], clock: t.clock, secret, trustedDocuments: explore, ...o });
  apps.dev = await make({});
  apps.prod = await make({ production: true, http: { corsOrigins: ALLOWED } });
  apps.prodOpen = await make({ production: true, http: { graphiql: true, introspection: true } });
});
afterAll(() => t.close());

const INTROSPECT = `{ __schema { queryType { name } } }`;
const post = (app: App, query: string, headers: Record<string, string> = {}) =>
  app.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
const page = (app: App) => app.yoga.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
const loginToken = async () => {
  const r = await post(
    apps.prod!,
    `mutation { login(input: { username: "analyst", password: "Test-pass-123" }) {
    ... on LoginPayload { token } } }`,
  );
  return ((await r.json()) as any).data.login.token as string;
};

describe('GraphiQL and introspection', () => {
  it('outside production: GraphiQL is served and anonymous introspection answers', async () => {
    expect((await page(apps.dev!)).headers.get('content-type')).toMatch(/text\/html/);
    expect(((await (await post(apps.dev!, INTROSPECT)).json()) as any).data.__schema.queryType.name).toBe('Query');
  });

  it('in production: no GraphiQL page, anonymous introspection refused with a code, logged-in allowed', async () => {
    expect((await page(apps.prod!)).headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    const anon = (await (await post(apps.prod!, INTROSPECT)).json()) as any;
    expect(anon.data).toBeUndefined();
    expect(anon.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const typeQuery = (await (await post(apps.prod!, `{ __type(name: "Query") { name } }`)).json()) as any;
    expect(typeQuery.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // __typename is not introspection, and ordinary anonymous queries still answer
    const plain = (await (await post(apps.prod!, `{ __typename regions(first: 1) { totalCount } }`)).json()) as any;
    expect(plain.data.__typename).toBe('Query');
    const token = await loginToken();
    const logged = (await (await post(apps.prod!, INTROSPECT, { authorization: `Bearer ${token}` })).json()) as any;
    expect(logged.data.__schema.queryType.name).toBe('Query');
  });

  it('in production both can be turned back on', async () => {
    expect((await page(apps.prodOpen!)).headers.get('content-type')).toMatch(/text\/html/);
    expect(((await (await post(apps.prodOpen!, INTROSPECT)).json()) as any).data.__schema.queryType.name).toBe('Query');
  });
});

describe('security headers', () => {
  const responses = () =>
    [
      ['POST /graphql', post(apps.prod!, `{ __typename }`)],
      ['GET /health', apps.prod!.yoga.fetch('http://test/health')],
      ['GET /unknown', apps.prod!.yoga.fetch('http://test/elsewhere')],
      ['a refused request', post(apps.prod!, INTROSPECT)],
      ['GraphiQL', page(apps.dev!)],
    ] as const;

  it('every response has nosniff, no-referrer and a CSP with frame-ancestors none', async () => {
    for (const [what, pending] of responses()) {
      const h = (await pending).headers;
      expect(h.get('x-content-type-options'), what).toBe('nosniff');
      expect(h.get('referrer-policy'), what).toBe('no-referrer');
      expect(h.get('content-security-policy'), what).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('the GraphiQL page allows its own inline scripts by hash only; the API allows nothing', async () => {
    const res = await page(apps.dev!);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    expect(inline.length).toBeGreaterThan(0);
    const { createHash } = await import('node:crypto');
    for (const m of inline) expect(csp).toContain(`'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
    const api = await post(apps.dev!, `{ __typename }`);
    expect(api.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  });
});

describe('CORS from an allow-list', () => {
  const preflight = (app: App, origin: string) =>
    app.yoga.fetch('http://test/graphql', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });

  it('answers an allowed origin with exactly that origin and never with credentials', async () => {
    for (const origin of ALLOWED) {
      for (const res of [await preflight(apps.prod!, origin), await post(apps.prod!, `{ __typename }`, { origin })]) {
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
        expect(res.headers.get('access-control-allow-credentials')).toBeNull();
        expect(res.headers.get('vary')).toMatch(/Origin/);
      }
    }
  });

  it('never reflects another origin, and without an allow-list sends no CORS headers at all', async () => {
    for (const app of [apps.prod!, apps.dev!]) {
      const origin = 'https://evil.example';
      for (const res of [await preflight(app, origin), await post(app, `{ __typename }`, { origin })]) {
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
        expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      }
    }
  });

  it('the environment maps onto the options, and a wildcard or a path is refused', () => {
    expect(httpSecurityFromEnv({ NODE_ENV: 'production' })).toEqual({
      production: true,
      http: { graphiql: false, introspection: false, corsOrigins: [] },
    });
    expect(
      httpSecurityFromEnv({ GRAPHIQL: 'false', CORS_ORIGINS: 'https://a.example, https://b.example:8443' }).http,
    ).toEqual({ graphiql: false, introspection: true, corsOrigins: ['https://a.example', 'https://b.example:8443'] });
    expect(() => httpSecurityFromEnv({ CORS_ORIGINS: '*' })).toThrow(/not an origin/);
    expect(() => httpSecurityFromEnv({ CORS_ORIGINS: 'https://a.example/app' })).toThrow(/not an origin/);
  });
});
