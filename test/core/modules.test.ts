import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineModule, orderModules } from '../../src/modules.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';
import { digestModule, noticeModule } from './fixtures/notice-module.js';

const BEIWUCHA = '652324104'; // 北五岔镇 (玛纳斯县)
const GANHEZI = '652302100'; // 甘河子镇 (阜康市)
const MANAS = '652324'; // 玛纳斯县

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ modules: [noticeModule(), digestModule] });
  admin = await t.login('zhou-admin');
});
afterAll(() => t.close());

const SET = `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) {
  __typename ... on SetModuleEnabledPayload { module { id enabled source sourceRegion { code } } }
  ... on Error { code message details } } }`;
const setEnabled = (token: string, regionCode: string, moduleId: string, enabled: boolean) =>
  regionId(t, regionCode).then((id) => t.gql(SET, { i: { regionId: id, moduleId, enabled, note: 'test' } }, { token }));
const states = async (code: string) => {
  const r = await t.gql(`query($id: ID!) { modules(regionId: $id) { id enabled source sourceRegion { code } } }`, {
    id: await regionId(t, code),
  });
  return Object.fromEntries(r.data.modules.map((m: any) => [m.id, m]));
};

describe('module registry', () => {
  it('orders modules by dependency and rejects unknown or cyclic dependencies', () => {
    expect(orderModules([digestModule, noticeModule()]).map((m) => m.id)).toEqual(['notices', 'digest']);
    expect(() => orderModules([digestModule])).toThrow(/not installed/);
    const a = defineModule({ id: 'a', title: 'a', description: '', dependsOn: ['b'], register() {} });
    const b = defineModule({ id: 'b', title: 'b', description: '', dependsOn: ['a'], register() {} });
    expect(() => orderModules([a, b])).toThrow(/cycle/);
    expect(() => defineModule({ id: 'Core', title: '', description: '', dependsOn: [], register() {} })).toThrow();
  });
});

describe('switches: inheritance, sources and dependencies', () => {
  it('a township inherits the prefecture setting until it overrides it', async () => {
    const before = await states(BEIWUCHA);
    expect(before.notices).toMatchObject({ enabled: true, source: 'INHERITED', sourceRegion: { code: '652300' } });
    const off = await setEnabled(await t.login('beiwucha-admin'), BEIWUCHA, 'digest', false);
    expect(off.data.setModuleEnabled.module).toMatchObject({ enabled: false, source: 'SET_HERE' });
    expect((await states(BEIWUCHA)).digest).toMatchObject({
      enabled: false,
      source: 'SET_HERE',
      sourceRegion: { code: BEIWUCHA },
    });
    expect((await states(GANHEZI)).digest).toMatchObject({ enabled: true, source: 'INHERITED' });
    // a county setting reaches every township below it that does not override
    expect((await setEnabled(admin, MANAS, 'digest', true)).data.setModuleEnabled.module).toMatchObject({
      enabled: true,
      source: 'SET_HERE',
    });
    expect((await states(BEIWUCHA)).digest.enabled).toBe(false);
    expect((await states('652324203')).digest).toMatchObject({ enabled: true, sourceRegion: { code: MANAS } }); // 塔西河乡
    // resetting the override makes the township inherit again
    const reset = await t.gql(
      `mutation($id: ID!) { resetModuleSwitch(input: { regionId: $id, moduleId: "digest" }) {
        __typename ... on ResetModuleSwitchPayload { module { enabled source } } } }`,
      { id: await regionId(t, BEIWUCHA) },
      { token: admin },
    );
    expect(reset.data.resetModuleSwitch.module).toEqual({ enabled: true, source: 'INHERITED' });
  });

  it('refuses to enable a module whose dependency is off, and to disable one an enabled module needs', async () => {
    const token = await t.login('ganhezi-admin');
    const needed = await setEnabled(token, GANHEZI, 'notices', false);
    expect(needed.data.setModuleEnabled).toMatchObject({ __typename: 'DomainError', code: 'PRECONDITION_FAILED' });
    expect(needed.data.setModuleEnabled.message).toContain('digest');
    expect(needed.data.setModuleEnabled.details.problems[0]).toContain('digest');
    expect((await states(GANHEZI)).notices.enabled).toBe(true); // nothing changed
    expect((await setEnabled(token, GANHEZI, 'digest', false)).data.setModuleEnabled.module.enabled).toBe(false);
    expect((await setEnabled(token, GANHEZI, 'notices', false)).data.setModuleEnabled.module.enabled).toBe(false);
    const dependent = await setEnabled(token, GANHEZI, 'digest', true);
    expect(dependent.data.setModuleEnabled.code).toBe('PRECONDITION_FAILED');
    await setEnabled(token, GANHEZI, 'notices', true);
    await setEnabled(token, GANHEZI, 'digest', true);
  });

  it('only admins of the region or above switch, never at community level, and bad input is typed', async () => {
    const other = await setEnabled(await t.login('ganhezi-admin'), BEIWUCHA, 'notices', false);
    expect(other.data.setModuleEnabled.code).toBe('FORBIDDEN');
    const worker = await setEnabled(await t.login('yuanlin-worker'), BEIWUCHA, 'notices', false);
    expect(worker.data.setModuleEnabled).toMatchObject({ __typename: 'DomainError', code: 'FORBIDDEN' });
    const community = await setEnabled(admin, '652324104201', 'notices', false);
    expect(community.data?.setModuleEnabled?.code ?? community.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    const unknown = await setEnabled(admin, BEIWUCHA, 'no-such-module', false);
    expect(unknown.data.setModuleEnabled.code).toBe('VALIDATION');
    const badId = await t.gql(
      SET,
      { i: { regionId: 'garbage', moduleId: 'notices', enabled: false } },
      { token: admin },
    );
    expect(badId.data.setModuleEnabled).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
  });

  it('writes every change to the audit log with who, what and why', async () => {
    const r = await t.gql(
      `{ auditLog(filter: { action: "module." }, first: 50) {
        totalCount edges { node { action data actor { username } } } } }`,
      {},
      { token: admin },
    );
    const entries = r.data.auditLog.edges.map((e: any) => e.node);
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'module.disable',
        actor: { username: 'beiwucha-admin' },
        data: expect.objectContaining({ moduleId: 'digest', note: 'test', enabled: false }),
      }),
    );
    const township = await t.gql(
      `{ auditLog(first: 50) { edges { node { regionPath } } } }`,
      {},
      { token: await t.login('beiwucha-admin') },
    );
    for (const e of township.data.auditLog.edges) expect(e.node.regionPath).toMatch(/^\/652300\/652324\/652324104\//);
  });
});

describe('the schema follows the township', () => {
  const NOTICE_QUERY = `{ noticeCount }`;

  it('hides a module’s fields for a township that switched it off, and only there', async () => {
    const beiwucha = await t.login('beiwucha-admin');
    await setEnabled(beiwucha, BEIWUCHA, 'digest', false);
    await setEnabled(beiwucha, BEIWUCHA, 'notices', false);
    const hidden = await t.gql(NOTICE_QUERY, {}, { token: beiwucha });
    expect(hidden.errors?.[0]?.message).toMatch(/Cannot query field "noticeCount"/);
    const anonymous = await t.gql(NOTICE_QUERY, {}, { headers: { 'x-township': BEIWUCHA } });
    expect(anonymous.errors?.[0]?.message).toMatch(/Cannot query field/);
    // the core type loses the module's field too
    const onRegion = await t.gql(
      `{ regionByCode(code: "${BEIWUCHA}") { notices { title } } }`,
      {},
      { token: beiwucha },
    );
    expect(onRegion.errors?.[0]?.message).toMatch(/Cannot query field "notices" on type "Region"/);
    // another township still has it
    expect((await t.gql(NOTICE_QUERY, {}, { token: await t.login('ganhezi-admin') })).data.noticeCount).toBeTypeOf(
      'number',
    );
    expect((await t.gql(NOTICE_QUERY, {}, { headers: { 'x-township': GANHEZI } })).data.noticeCount).toBeTypeOf(
      'number',
    );
    // a prefecture viewer sees the union of the townships in their area
    expect((await t.gql(NOTICE_QUERY, {}, { token: admin })).data.noticeCount).toBeTypeOf('number');
    // anonymous without a township, or naming none that exists, sees the core only
    expect((await t.gql(NOTICE_QUERY)).errors?.[0]?.message).toMatch(/Cannot query field/);
    for (const named of ['no-such-township', '999999999', await regionId(t, '652301004001')]) {
      expect((await t.gql(NOTICE_QUERY, {}, { headers: { 'x-township': named } })).errors?.[0]?.message).toMatch(
        /Cannot query field/,
      );
    }
    // a township's global id works as well as its code
    expect(
      (await t.gql(NOTICE_QUERY, {}, { headers: { 'x-township': await regionId(t, GANHEZI) } })).data.noticeCount,
    ).toBeTypeOf('number');
    expect((await t.gql(`{ viewer { modules } }`, {}, { token: beiwucha })).data.viewer.modules).toEqual([]);
  });

  it('refuses writes (MODULE_DISABLED) and hides data where off; switching back restores everything', async () => {
    const yuanlin = '652301006001';
    const worker = await t.login('yuanlin-worker');
    const POST = `mutation($i: PostNoticeInput!) { postNotice(input: $i) {
      __typename ... on PostNoticePayload { notice { title } } ... on Error { code message } } }`;
    const posted = await t.gql(
      POST,
      { i: { communityId: await regionId(t, yuanlin), title: '冬季供暖通知' } },
      { token: worker },
    );
    expect(posted.data.postNotice).toEqual({ __typename: 'PostNoticePayload', notice: { title: '冬季供暖通知' } });
    // a prefecture admin (schema has the module) writing into 北五岔镇, where it is off
    const village = '652324104201';
    const refused = await t.gql(POST, { i: { communityId: await regionId(t, village), title: 'x' } }, { token: admin });
    expect(refused.data.postNotice).toMatchObject({ __typename: 'ModuleDisabledError', code: 'MODULE_DISABLED' });
    // data written while on is hidden while off, and back after switching on
    await setEnabled(admin, BEIWUCHA, 'notices', true);
    await t.gql(POST, { i: { communityId: await regionId(t, village), title: '村务公开' } }, { token: admin });
    const read = () => t.gql(`{ regionByCode(code: "652324") { notices { title } } }`, {}, { token: admin });
    expect((await read()).data.regionByCode.notices).toEqual([{ title: '村务公开' }]);
    await setEnabled(admin, BEIWUCHA, 'notices', false);
    expect((await read()).data.regionByCode.notices).toEqual([]);
    await setEnabled(admin, BEIWUCHA, 'notices', true);
    expect((await read()).data.regionByCode.notices).toEqual([{ title: '村务公开' }]);
  });

  it('applies per-township settings with inheritance and validates them', async () => {
    const SET_SETTING = `mutation($i: SetModuleSettingInput!) { setModuleSetting(input: $i) { __typename
      ... on SetModuleSettingPayload { setting { key value source } } ... on ValidationError { code issues { path } }
      ... on Error { code } } }`;
    const ganhezi = await regionId(t, GANHEZI);
    const bad = await t.gql(
      SET_SETTING,
      { i: { regionId: ganhezi, moduleId: 'notices', key: 'maxTitleLength', value: 1000 } },
      { token: admin },
    );
    expect(bad.data.setModuleSetting).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'input.value' }] });
    const ok = await t.gql(
      SET_SETTING,
      { i: { regionId: ganhezi, moduleId: 'notices', key: 'maxTitleLength', value: 5 } },
      { token: admin },
    );
    expect(ok.data.setModuleSetting.setting).toEqual({ key: 'maxTitleLength', value: 5, source: 'SET_HERE' });
    const tianlong = await regionId(t, '652302100001');
    const POST = `mutation($i: PostNoticeInput!) { postNotice(input: $i) {
      __typename ... on ValidationError { issues { path message } } } }`;
    const tooLong = await t.gql(
      POST,
      { i: { communityId: tianlong, title: '这是一个很长的标题' } },
      { token: await t.login('tianlong-worker') },
    );
    expect(tooLong.data.postNotice.issues[0].path).toBe('input.title');
    const list = await t.gql(
      `query($id: ID!) { moduleSettings(regionId: $id, moduleId: "notices") { key value defaultValue source } }`,
      { id: tianlong },
    );
    expect(list.data.moduleSettings).toEqual([
      { key: 'maxTitleLength', value: 5, defaultValue: 20, source: 'INHERITED' },
    ]);
  });

  it('delivers domain events to subscribers of enabled modules inside the publishing transaction', async () => {
    const before = await t.db.prisma.auditLog.count({ where: { action: 'test-digest' } });
    const POST = `mutation($i: PostNoticeInput!) { postNotice(input: $i) { __typename } }`;
    await t.gql(
      POST,
      { i: { communityId: await regionId(t, '652301006001'), title: '通知' } },
      { token: await t.login('yuanlin-worker') },
    );
    expect(await t.db.prisma.auditLog.count({ where: { action: 'test-digest' } })).toBe(before + 1);
    const event = await t.db.prisma.domainEvent.findFirst({
      where: { type: 'notices.posted' },
      orderBy: { seq: 'desc' },
    });
    expect(event?.deliveredAt).not.toBeNull();
  });

  it('adds module figures to RegionStats with their own period, refusing a reversed one', async () => {
    const q = `query($from: DateTime, $to: DateTime) { regionByCode(code: "652300") {
      stats(from: "2020-01-01T00:00:00Z") { notices(from: $from, to: $to) { notices from } } } }`;
    const inherited = await t.gql(q, {}, { token: await t.login('analyst') });
    expect(inherited.data.regionByCode.stats.notices).toMatchObject({ from: '2020-01-01T00:00:00.000Z' });
    expect(inherited.data.regionByCode.stats.notices.notices).toBeGreaterThan(0);
    const own = await t.gql(q, { from: '2099-01-01T00:00:00Z' }, { token: await t.login('analyst') });
    expect(own.data.regionByCode.stats.notices).toEqual({ notices: 0, from: '2099-01-01T00:00:00.000Z' });
    const reversed = await t.gql(
      q,
      { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' },
      { token: await t.login('analyst') },
    );
    expect(reversed.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });

  it('runs module jobs on demand and records the run', async () => {
    const result = await t.app.jobs.run('notices.count');
    expect(result.notices).toBeGreaterThan(0);
    expect(await t.db.prisma.jobRun.findUnique({ where: { jobId: 'notices.count' } })).toMatchObject({
      lastError: null,
    });
  });
});
