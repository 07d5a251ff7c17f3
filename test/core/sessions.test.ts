// Logins and sessions (hardening §3): the throttle holds under concurrency for login and changePassword,
// the password policy applies wherever a password is set, and logout ends tokens on every instance.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { LOGIN_THROTTLE } from '../../src/auth/throttle.js';
import { createTestApp, DEMO_PASSWORD, regionId, type ManualClock, type TestApp } from '../helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const LOGIN = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) {
  __typename ... on LoginPayload { token } ... on Error { code } } }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) {
  __typename ... on ValidationError { issues { path } } ... on Error { code } } }`;
const ME = `{ viewer { account { username } } }`;
const codeOf = (r: { data?: any }, field: string) => r.data?.[field]?.code ?? r.data?.[field]?.__typename;
const tally = (codes: string[]) => codes.reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});
const advance = (ms: number) => (t.clock as ManualClock).advance(ms);

describe('login throttle under concurrency', () => {
  // three tries, as in the report: each time 50 wrong guesses and the right password race in parallel
  const USERS = ['member-ma', 'member-pu', 'resident-he'];
  it.each(USERS)('evaluates at most five of 51 parallel guesses for %s', async (u) => {
    const guesses = [...Array.from({ length: 50 }, (_, i) => `wrong-guess-${i}`), DEMO_PASSWORD];
    const results = await Promise.all(guesses.map((p) => t.gql(LOGIN, { u, p })));
    const codes = results.map((r) => codeOf(r, 'login'));
    const counts = tally(codes);
    // evaluated = answered with anything but RATE_LIMITED
    expect(codes.length - (counts.RATE_LIMITED ?? 0)).toBeLessThanOrEqual(LOGIN_THROTTLE.maxAttempts);
    expect(counts.LoginPayload ?? 0).toBe(0);
    expect((await t.gql(LOGIN, { u, p: DEMO_PASSWORD })).data.login.code).toBe('RATE_LIMITED');
    advance(LOGIN_THROTTLE.lockMs + 1_000);
    expect((await t.gql(LOGIN, { u, p: DEMO_PASSWORD })).data.login.__typename).toBe('LoginPayload');
  });

  it('gives unknown usernames the same budget, so the answer reveals nothing', async () => {
    const codes = (
      await Promise.all(Array.from({ length: 20 }, () => t.gql(LOGIN, { u: 'nobody-at-all', p: 'x' })))
    ).map((r) => codeOf(r, 'login'));
    expect(tally(codes)).toEqual({ UNAUTHENTICATED: 5, RATE_LIMITED: 15 });
  });

  it('a correct password clears the count', async () => {
    for (let i = 0; i < 4; i++) await t.gql(LOGIN, { u: 'analyst', p: `wrong-${i}` });
    await t.login('analyst');
    for (let i = 0; i < 4; i++) {
      expect(codeOf(await t.gql(LOGIN, { u: 'analyst', p: `wrong-${i}` }), 'login')).toBe('UNAUTHENTICATED');
    }
    await t.login('analyst');
  });
});

describe('changePassword throttle', () => {
  it('evaluates at most five of 52 parallel wrong guesses, then refuses the right one too', async () => {
    const token = await t.login('tianlong-worker');
    const results = await Promise.all(
      Array.from({ length: 52 }, (_, i) => t.gql(CHANGE, { c: `wrong-${i}`, n: 'Fresh-garden-2026' }, { token })),
    );
    const counts = tally(results.map((r) => codeOf(r, 'changePassword')));
    expect(counts).toEqual({ VALIDATION: LOGIN_THROTTLE.maxAttempts, RATE_LIMITED: 52 - LOGIN_THROTTLE.maxAttempts });
    const right = await t.gql(CHANGE, { c: DEMO_PASSWORD, n: 'Fresh-garden-2026' }, { token });
    expect(codeOf(right, 'changePassword')).toBe('RATE_LIMITED');
    // nothing changed: the session and the old password still work
    expect((await t.gql(ME, {}, { token })).data.viewer.account.username).toBe('tianlong-worker');
    advance(LOGIN_THROTTLE.lockMs + 1_000);
    expect(codeOf(await t.gql(CHANGE, { c: DEMO_PASSWORD, n: 'Fresh-garden-2026' }, { token }), 'changePassword')).toBe(
      'ChangePasswordPayload',
    );
    await expect(t.login('tianlong-worker', 'Fresh-garden-2026')).resolves.toBeTypeOf('string');
  });
});

describe('password policy', () => {
  // each weak password is refused where a password is set, with the field path, and changes nothing
  const WEAK: [string, string][] = [
    ['Short-1', 'too short'],
    ['woaini1314', 'common (Chinese context)'],
    ['Aa123456789', 'common'],
    ['PASSWORD1234', 'common, case-insensitive'],
    ['x'.repeat(129), 'too long'],
  ];

  const CREATE = `mutation($i: CreateAccountInput!) { createAccount(input: $i) {
    __typename ... on ValidationError { issues { path } } } }`;

  it.each(WEAK)('createAccount refuses %s (%s)', async (password) => {
    const admin = await t.login('beiwucha-admin');
    const township = await regionId(t, '652324104');
    const input = { username: 'policy-worker', password, role: 'COMMUNITY_WORKER', regionId: township };
    const r = await t.gql(CREATE, { i: input }, { token: admin });
    expect(r.data.createAccount.issues.map((i: { path: string }) => i.path)).toContain('input.password');
    expect(await t.db.prisma.account.count({ where: { username: 'policy-worker' } })).toBe(0);
  });

  it('refuses a password containing the username, in every mutation that sets one', async () => {
    const admin = await t.login('beiwucha-admin');
    const input = { username: 'dhm-worker', password: 'My-DHM-Worker-2026', role: 'COMMUNITY_WORKER' };
    const township = await regionId(t, '652324104');
    const created = await t.gql(CREATE, { i: { ...input, regionId: township } }, { token: admin });
    expect(created.data.createAccount.issues[0].path).toBe('input.password');
    const target = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'weijiachang-worker' } });
    const reset = await t.gql(
      `mutation($i: ResetAccountPasswordInput!) { resetAccountPassword(input: $i) {
        __typename ... on ValidationError { issues { path } } } }`,
      { i: { accountId: encodeGlobalID('Account', target.id), newPassword: 'weijiachang-worker1' } },
      { token: admin },
    );
    expect(reset.data.resetAccountPassword.issues[0].path).toBe('input.newPassword');
    const own = await t.login('weijiachang-grid');
    const changed = await t.gql(CHANGE, { c: DEMO_PASSWORD, n: 'WEIJIACHANG-GRID-abc' }, { token: own });
    expect(changed.data.changePassword.issues[0].path).toBe('input.newPassword');
    // nothing changed
    await t.login('weijiachang-worker');
    await t.login('weijiachang-grid');
  });
});

describe('logout', () => {
  const LOGOUT = `mutation($i: LogoutInput) { logout(input: $i) {
    __typename ... on LogoutPayload { loggedOut all } ... on Error { code } } }`;

  it('ends the token presented, on every instance, and leaves other sessions alone', async () => {
    const [a, b] = [await t.login('zhou-admin'), await t.login('zhou-admin')];
    // a second API instance on the same database: revocation lives in the database, not in memory
    const secret = new TextEncoder().encode('test-secret-test-secret-test-secret!!');
    const other = await createApp({ db: t.db, modules: [], clock: t.clock, secret });
    const onOther = async (token: string) => {
      const res = await other.yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: ME }),
      });
      return ((await res.json()) as any).data.viewer.account?.username ?? null;
    };
    expect(await onOther(a)).toBe('zhou-admin');
    const out = await t.gql(LOGOUT, {}, { token: a });
    expect(out.data.logout).toEqual({ __typename: 'LogoutPayload', loggedOut: true, all: false });
    expect((await t.gql(ME, {}, { token: a })).data.viewer.account).toBeNull();
    expect(await onOther(a)).toBeNull();
    expect(await onOther(b)).toBe('zhou-admin');
    expect(codeOf(await t.gql(LOGOUT, {}, { token: a }), 'logout')).toBe('UNAUTHENTICATED');
  });

  it('with all: true ends every session of the account; logging in again works', async () => {
    const [a, b] = [await t.login('ganhezi-admin'), await t.login('ganhezi-admin')];
    expect((await t.gql(LOGOUT, { i: { all: true } }, { token: a })).data.logout.all).toBe(true);
    for (const token of [a, b]) expect((await t.gql(ME, {}, { token })).data.viewer.account).toBeNull();
    const again = await t.login('ganhezi-admin');
    expect((await t.gql(ME, {}, { token: again })).data.viewer.account.username).toBe('ganhezi-admin');
  });

  it('refuses anonymous requests and prunes revocations once their tokens have expired', async () => {
    expect(codeOf(await t.gql(LOGOUT, {}), 'logout')).toBe('UNAUTHENTICATED');
    const old = await t.login('jingcaicheng-worker');
    await t.gql(LOGOUT, {}, { token: old });
    const before = await t.db.prisma.revokedToken.count();
    expect(before).toBeGreaterThan(0);
    advance(13 * 60 * 60_000); // past every token's 12 h lifetime
    const fresh = await t.login('jingcaicheng-worker');
    await t.gql(LOGOUT, {}, { token: fresh });
    expect(await t.db.prisma.revokedToken.count()).toBe(1);
  });
});
