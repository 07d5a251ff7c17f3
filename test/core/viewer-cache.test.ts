// 一次查库识别请求者: token → account → revocation → module switches in one statement per request, with
// the switches and townships cached per instance and reloaded when any writer changed them. Two app
// instances on one database stand for two API servers behind a load balancer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createApp, type App } from '../../src/app.js';
import { createTestApp, engine, regionId, type TestApp } from '../helpers.js';

let t: TestApp;
let other: App;
const secret = new TextEncoder().encode('test-secret-test-secret-test-secret!!');

beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  other = await createApp({
    db: t.db,
    modules: installedModules,
    clock: t.clock,
    secret,
    limits: { rateLimit: false },
  });
}, 120_000);
afterAll(() => t.close());

async function viaOther(query: string, token: string | null, headers: Record<string, string> = {}) {
  const response = await other.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

const MODULES = '{ viewer { modules } }';
const SWITCH = `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) {
  __typename ... on Error { code message } } }`;

describe('the viewer in one statement, the switch cache current across instances', () => {
  it('a logged-in request costs one statement once the cache is warm; anonymous with X-Township too', async () => {
    const token = await t.login('beiwucha-admin');
    await t.gql('{ __typename }', {}, { token });
    const logged = await t.db.statements.measure(() => t.gql('{ __typename }', {}, { token }));
    expect(logged.statements).toBe(1);
    const headers = { 'x-township': '652324104' };
    await t.gql(MODULES, {}, { headers });
    const anonymous = await t.db.statements.measure(() => t.gql(MODULES, {}, { headers }));
    expect(anonymous.result.data.viewer.modules).toContain('grid');
    expect(anonymous.statements).toBe(1);
  });

  it('a switch set through one instance is seen by the other on its next request', async () => {
    const admin = await t.login('beiwucha-admin');
    expect((await viaOther(MODULES, admin)).data.viewer.modules).toContain('grid');
    const township = await regionId(t, '652324104');
    const off = await t.gql(
      SWITCH,
      { i: { regionId: township, moduleId: 'grid', enabled: false, note: 'test' } },
      {
        token: admin,
      },
    );
    expect(off.data.setModuleEnabled.__typename).toBe('SetModuleEnabledPayload');
    expect((await viaOther(MODULES, admin)).data.viewer.modules).not.toContain('grid');
    const anonymous = await viaOther(MODULES, null, { 'x-township': '652324104' });
    expect(anonymous.data.viewer.modules).not.toContain('grid');
    await t.gql(SWITCH, { i: { regionId: township, moduleId: 'grid', enabled: true, note: 'test' } }, { token: admin });
    expect((await viaOther(MODULES, admin)).data.viewer.modules).toContain('grid');
  });

  it('a write outside the API (a DBA, a restore) is seen too: the trigger replaces the token', async () => {
    const admin = await t.login('beiwucha-admin');
    expect((await viaOther(MODULES, admin)).data.viewer.modules).toContain('elder-care');
    const township = await t.db.prisma.region.findFirstOrThrow({ where: { code: '652324104' } });
    await t.db.prisma.moduleSwitch.create({
      data: { regionId: township.id, regionPath: township.path, moduleId: 'elder-care', enabled: false },
    });
    expect((await viaOther(MODULES, admin)).data.viewer.modules).not.toContain('elder-care');
    await t.db.prisma.moduleSwitch.deleteMany({ where: { regionId: township.id, moduleId: 'elder-care' } });
    expect((await viaOther(MODULES, admin)).data.viewer.modules).toContain('elder-care');
  });

  it('logout ends the token on the other instance at once', async () => {
    const token = await t.login('yuanlin-worker');
    expect((await viaOther('{ viewer { account { username } } }', token)).data.viewer.account.username).toBe(
      'yuanlin-worker',
    );
    const out = await t.gql('mutation { logout(input: {}) { __typename } }', {}, { token });
    expect(out.errors).toBeUndefined();
    expect((await viaOther('{ viewer { account { username } } }', token)).data.viewer.account).toBeNull();
  });
});

describe('the viewer statement, prepared', () => {
  const LISTED = 'SELECT name, statement FROM pg_prepared_statements WHERE name LIKE $1';

  it.runIf(engine() === 'postgres')('is parsed once per PostgreSQL connection, under a name of its text', async () => {
    // the statement lists the prepared statements of the connection it runs on, itself among them
    const first = await t.db.read<{ name: string; statement: string }>(LISTED, ['read_%'], { prepared: true });
    const own = first.find((r) => r.statement === LISTED);
    expect(own?.name).toMatch(/^read_[0-9a-f]{24}$/);
    const again = await t.db.read<{ name: string; statement: string }>(LISTED, ['read_%'], { prepared: true });
    expect(again.filter((r) => r.statement === LISTED).map((r) => r.name)).toEqual([own!.name]);
    // a read without it leaves nothing behind: one name, one text
    const plain = await t.db.read<{ name: string; statement: string }>(`${LISTED} AND true`, ['read_%']);
    expect(plain.some((r) => r.statement.endsWith('AND true'))).toBe(false);
  });

  it('every pooled connection answers it as the database stands, a logout included', async () => {
    const token = await t.login('yuanlin-worker');
    // more requests than the pool has connections: every connection prepares it, each answers the same
    const names = await Promise.all(
      Array.from({ length: 25 }, () => t.gql('{ viewer { account { username } } }', {}, { token })),
    );
    expect(new Set(names.map((r) => r.data.viewer.account?.username))).toEqual(new Set(['yuanlin-worker']));
    await t.gql('mutation { logout(input: {}) { __typename } }', {}, { token });
    const after = await Promise.all(
      Array.from({ length: 25 }, () => t.gql('{ viewer { account { username } } }', {}, { token })),
    );
    expect(after.map((r) => r.data.viewer.account)).toEqual(Array(25).fill(null));
  });
});
