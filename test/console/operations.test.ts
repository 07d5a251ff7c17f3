// The console's operations through GraphQL, on both engines: each one valid against the schema, accepted as a
// trusted document in production for a township administrator, and doing what the console's pages rely on
// (switch with a note and its audit entry, a setting refused with a message, figures for the analyst).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createApp } from '../../src/app.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';
import { bearer, CONSOLE_OPERATIONS, consoleOp, ROOT } from './helpers.js';

let t: TestApp;
let admin: string;
let beiwucha: string;
const YEAR_2024 = { from: '2023-12-31T16:00:00.000Z', to: '2024-12-31T16:00:00.000Z' };

describe('console operations', () => {
  beforeAll(async () => {
    t = await createTestApp({ modules: installedModules });
    admin = await t.login('beiwucha-admin');
    beiwucha = await regionId(t, '652324104');
  });
  afterAll(() => t?.close());

  it('are all valid against the full schema', () => {
    const schema = buildSchema(readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8'));
    expect(CONSOLE_OPERATIONS.size).toBeGreaterThanOrEqual(17);
    for (const [name, text] of CONSOLE_OPERATIONS) expect(validate(schema, parse(text)), name).toEqual([]);
  });

  it('are trusted documents: a township administrator may run them in production, not other text', async () => {
    const app = await createApp({
      db: t.db,
      modules: installedModules,
      secret: new TextEncoder().encode('test-secret-test-secret-test-secret!!'),
      trustedDocuments: { enforce: true, arbitraryRoles: ['ANALYST', 'SYSTEM_ADMIN'] },
      clock: t.clock,
    });
    const token = (await consoleOp(app, 'ConsoleLogin', { username: 'beiwucha-admin', password: 'Test-pass-123' })).data
      .login.token as string;
    const modules = await consoleOp(app, 'ConsoleModules', { regionId: beiwucha }, bearer(token));
    expect(modules.errors).toBeUndefined();
    expect(modules.data.modules.map((m: { id: string }) => m.id)).toContain('grid');
    const other = await app.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ query: '{ viewer { modules } }' }),
    });
    expect(((await other.json()) as any).errors[0].extensions.code).toBe('TRUSTED_DOCUMENTS_ONLY');
    await app.live.hub.stop();
  });

  it('switch grid off with a note: the audit trail of 北五岔镇 shows who, what and the note', async () => {
    const input = { regionId: beiwucha, moduleId: 'grid', enabled: false, note: '网格试点调整' };
    const off = await consoleOp(t.app, 'ConsoleSetModuleEnabled', { input }, bearer(admin));
    expect(off.data.setModuleEnabled).toMatchObject({ module: { id: 'grid', enabled: false, source: 'SET_HERE' } });
    const audit = await consoleOp(t.app, 'ConsoleAuditLog', { regionId: beiwucha, first: 5 }, bearer(admin));
    expect(audit.data.auditLog.edges[0].node).toMatchObject({
      action: 'module.disable',
      actor: { username: 'beiwucha-admin' },
      data: { moduleId: 'grid', note: '网格试点调整', enabled: false },
    });
    const on = await consoleOp(
      t.app,
      'ConsoleResetModuleSwitch',
      { input: { regionId: beiwucha, moduleId: 'grid' } },
      {
        ...bearer(admin),
      },
    );
    expect(on.data.resetModuleSwitch.module).toMatchObject({ enabled: true, source: 'INHERITED' });
  });

  it('a dependency refusal comes back as a typed error with words', async () => {
    const input = { regionId: beiwucha, moduleId: 'party-building', enabled: false };
    const r = await consoleOp(t.app, 'ConsoleSetModuleEnabled', { input }, bearer(admin));
    expect(r.data.setModuleEnabled.code).toBe('PRECONDITION_FAILED');
    expect(r.data.setModuleEnabled.message).toContain('consultation');
  });

  it('refuse an out-of-range setting with a message; another township’s admin may not read the trail', async () => {
    const input = { regionId: beiwucha, moduleId: 'wishes', key: 'claimDeadlineDays', value: 999 };
    const r = await consoleOp(t.app, 'ConsoleSetModuleSetting', { input }, bearer(admin));
    expect(r.data.setModuleSetting.__typename).toBe('ValidationError');
    expect(r.data.setModuleSetting.issues[0].message).toMatch(/90/);
    const settings = await consoleOp(
      t.app,
      'ConsoleModuleSettings',
      { moduleId: 'wishes', regionId: beiwucha },
      {
        ...bearer(admin),
      },
    );
    const deadline = settings.data.moduleSettings.find((s: { key: string }) => s.key === 'claimDeadlineDays');
    expect(deadline).toMatchObject({ value: 14, source: 'DEFAULT' });
    const other = await t.login('ganhezi-admin');
    const trail = await consoleOp(t.app, 'ConsoleAuditLog', { regionId: beiwucha, first: 5 }, bearer(other));
    expect(trail.errors?.[0]?.extensions?.code ?? 'none').toBe('FORBIDDEN');
  });

  it('give the analyst 木垒县’s series and ranking, and no audit trail', async () => {
    const analyst = await t.login('analyst');
    const mulei = await regionId(t, '652328');
    const vars = { id: mulei, metrics: ['volunteering.activities'], interval: 'MONTH', ...YEAR_2024 };
    const series = await consoleOp(t.app, 'ConsoleSeries', vars, bearer(analyst));
    const rows = series.data.region.series as { values: { value: number }[] }[];
    expect(rows).toHaveLength(12);
    expect(rows.reduce((a, r) => a + r.values[0]!.value, 0)).toBeGreaterThan(0);
    const ranking = await consoleOp(
      t.app,
      'ConsoleRanking',
      { id: mulei, metric: 'volunteering.activities', childLevel: 'TOWNSHIP', ...YEAR_2024 },
      bearer(analyst),
    );
    expect(ranking.data.region.ranking[0]).toMatchObject({ rank: 1 });
    const trail = await consoleOp(t.app, 'ConsoleAuditLog', { regionId: mulei, first: 5 }, bearer(analyst));
    expect(trail.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('export as the panel does: datasets, a CSV job for 木垒县 2024, a file with the BOM', async () => {
    const analyst = await t.login('analyst');
    const mulei = await regionId(t, '652328');
    const datasets = await consoleOp(t.app, 'ConsoleExportDatasets', {}, bearer(analyst));
    const first = datasets.data.exportDatasets[0].id as string;
    const input = { dataset: first, format: 'CSV', filter: { regionId: mulei, ...YEAR_2024 } };
    const created = await consoleOp(t.app, 'ConsoleCreateExport', { input }, bearer(analyst));
    const id = created.data.createExport.export.id as string;
    await t.app.exports.idle();
    const job = (await consoleOp(t.app, 'ConsoleExport', { id }, bearer(analyst))).data.export;
    expect(job, JSON.stringify(job)).toMatchObject({
      status: 'READY',
      downloadPath: expect.stringMatching(/^\/exports\//),
    });
    const file = await t.app.yoga.fetch(`http://test${job.downloadPath}`, { headers: bearer(analyst) });
    expect(file.status).toBe(200);
    expect([...new Uint8Array(await file.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('log out: the token is no longer accepted', async () => {
    const token = await t.login('zhou-admin');
    expect((await consoleOp(t.app, 'ConsoleViewer', {}, bearer(token))).data.viewer.account.username).toBe(
      'zhou-admin',
    );
    const out = await consoleOp(t.app, 'ConsoleLogout', {}, bearer(token));
    expect(out.data.logout.__typename).toBe('LogoutPayload');
    const after = await consoleOp(t.app, 'ConsoleViewer', {}, bearer(token));
    expect(after.data?.viewer?.account ?? null).toBeNull();
  });
});
