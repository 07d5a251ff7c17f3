// 受信文档: the committed manifest is fresh and every document is valid against the full schema; when
// enforced, only trusted operations run, except for the roles allowed to explore (analysts in GraphiQL).
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createApp } from '../../src/app.js';
import { buildManifest, canonical, loadManifest } from '../../src/http/trusted-documents.js';
import { EXAMPLE_OPERATIONS } from '../../src/graphiql.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers.js';

let t: TestApp;
let enforced: Awaited<ReturnType<typeof createApp>>;
const manifest = loadManifest();
const hashOf = (name: string) => manifest.operations.find((o) => o.name === name)!.sha256;

beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  enforced = await createApp({
    db: t.db,
    modules: installedModules,
    clock: t.clock,
    limits: { rateLimit: false },
    trustedDocuments: { enforce: true, arbitraryRoles: ['ANALYST'] },
    secret: new TextEncoder().encode('test-secret-test-secret-test-secret!!'),
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const send = async (body: Record<string, unknown>, token?: string) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await enforced.yoga.fetch('http://test/graphql', { method: 'POST', headers, body: JSON.stringify(body) });
  return (await r.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
};
const byHash = (name: string, variables: Record<string, unknown> = {}) => ({
  operationName: name,
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(name) } },
});

describe('trusted documents', () => {
  it('the committed manifest is what trusted-documents/*.graphql produce (npm run documents:build)', () => {
    expect(manifest).toEqual(buildManifest());
  });

  it('every trusted document is valid against the full schema', () => {
    const schema = t.app.registry.schemaFor(installedModules.map((m) => m.id));
    const invalid = manifest.operations
      .map((o) => ({ ...o, errors: validate(schema, parse(manifest.documents[o.sha256]!)).map((e) => e.message) }))
      .filter((o) => o.errors.length);
    expect(invalid).toEqual([]);
  });

  it('enforced: a hash runs its document; the same text runs too; other operations are refused', async () => {
    const login = await send(byHash('Login', { username: 'resident-he', password: DEMO_PASSWORD }));
    const token = login.data.login.token as string;
    expect(token).toBeTruthy();
    const viewer = await send({ query: manifest.documents[hashOf('Viewer')] }, token);
    expect(viewer.data.viewer.account.username).toBe('resident-he');
    const own = await send({ query: '{ viewer { modules } }' }, token);
    expect(own.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENTS_ONLY');
    const anonymous = await send({ query: '{ __typename }' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENTS_ONLY');
    const unknown = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("GraphiQL's Login example is the trusted Login: an analyst can log in where documents are enforced", async () => {
    expect(canonical(EXAMPLE_OPERATIONS, 'Login')).toBe(hashOf('Login'));
    const r = await send({
      query: EXAMPLE_OPERATIONS,
      operationName: 'Login',
      variables: { username: 'analyst', password: DEMO_PASSWORD },
    });
    expect(r.data.login.token).toBeTruthy();
    const other = await send({ query: EXAMPLE_OPERATIONS, operationName: 'Me' });
    expect(other.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENTS_ONLY');
  });

  it('enforced: an analyst may send any operation (exploring in GraphiQL)', async () => {
    const login = await send(byHash('Login', { username: 'analyst', password: DEMO_PASSWORD }));
    const r = await send({ query: '{ viewer { account { role } } }' }, login.data.login.token);
    expect(r.errors).toBeUndefined();
    expect(r.data.viewer.account.role).toBe('ANALYST');
  });
});
