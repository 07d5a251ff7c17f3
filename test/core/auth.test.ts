import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type ManualClock, type TestApp } from '../helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const LOGIN = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) {
  __typename ... on LoginPayload { token account { username role } } ... on Error { code message } } }`;

describe('login and viewer', () => {
  it('logs a demo account in and the token identifies the viewer', async () => {
    const r = await t.gql(LOGIN, { u: 'beiwucha-admin', p: DEMO_PASSWORD });
    expect(r.data.login.__typename).toBe('LoginPayload');
    expect(r.data.login.account).toEqual({ username: 'beiwucha-admin', role: 'REGION_ADMIN' });
    const me = await t.gql(
      `{ viewer { account { username role region { name } } } }`,
      {},
      { token: r.data.login.token },
    );
    expect(me.data.viewer.account).toEqual({
      username: 'beiwucha-admin',
      role: 'REGION_ADMIN',
      region: { name: '北五岔镇' },
    });
  });

  it('rejects a wrong password with a typed error', async () => {
    const r = await t.gql(LOGIN, { u: 'analyst', p: 'wrong-password-1' });
    expect(r.data.login).toMatchObject({ __typename: 'DomainError', code: 'UNAUTHENTICATED' });
  });

  it('treats a forged or garbage token as anonymous', async () => {
    const me = await t.gql(`{ viewer { account { username } } }`, {}, { token: 'not.a.token' });
    expect(me.data.viewer.account).toBeNull();
  });

  it('throttles a username after five failures, even for the right password, until the lock passes', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.gql(LOGIN, { u: 'member-ma', p: `wrong-${i}-pass` });
      expect(r.data.login.code).toBe('UNAUTHENTICATED');
    }
    const locked = await t.gql(LOGIN, { u: 'member-ma', p: DEMO_PASSWORD });
    expect(locked.data.login).toMatchObject({ __typename: 'DomainError', code: 'RATE_LIMITED' });
    // the same lock applies to unknown usernames, so it reveals nothing about which exist
    for (let i = 0; i < 6; i++) await t.gql(LOGIN, { u: 'nobody-here', p: 'x1' });
    expect((await t.gql(LOGIN, { u: 'nobody-here', p: 'x1' })).data.login.code).toBe('RATE_LIMITED');
    (t.clock as ManualClock).advance(16 * 60_000);
    const after = await t.gql(LOGIN, { u: 'member-ma', p: DEMO_PASSWORD });
    expect(after.data.login.__typename).toBe('LoginPayload');
  });

  it('ends old sessions when the password changes', async () => {
    const token = await t.login('jingcaicheng-worker');
    const changed = await t.gql(
      `mutation { changePassword(input: { currentPassword: "${DEMO_PASSWORD}", newPassword: "New-pass-456" }) {
        __typename ... on Error { code } } }`,
      {},
      { token },
    );
    expect(changed.data.changePassword.__typename).toBe('ChangePasswordPayload');
    const me = await t.gql(`{ viewer { account { username } } }`, {}, { token });
    expect(me.data.viewer.account).toBeNull();
    await expect(t.login('jingcaicheng-worker', 'New-pass-456')).resolves.toBeTypeOf('string');
  });

  it('validates passwords on change with a field-level error', async () => {
    const token = await t.login('yuanlin-worker');
    const r = await t.gql(
      `mutation { changePassword(input: { currentPassword: "${DEMO_PASSWORD}", newPassword: "short" }) {
        __typename ... on ValidationError { code issues { path message } } } }`,
      {},
      { token },
    );
    expect(r.data.changePassword.code).toBe('VALIDATION');
    expect(r.data.changePassword.issues[0].path).toBe('input.newPassword');
  });
});
