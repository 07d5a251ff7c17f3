// Who may download, expiry, the audit of downloads, refused filters (nothing created) and the
// per-account limit of queued exports under concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import wishes from '../../modules/wishes/index.js';
import { createTestApp, ManualClock, regionId, type TestApp } from '../helpers.js';
import { CREATE, createExport, download, EXPORT, readyExport } from './support.js';

let t: TestApp;
const clock = new ManualClock();
beforeAll(async () => {
  t = await createTestApp({ modules: [wishes], clock });
});
afterAll(() => t.close());

const exports = () => t.db.prisma.export.count();

describe('download', () => {
  it('is for the account that created it only, and audited', async () => {
    const owner = await t.login('zhou-admin');
    const e = await readyExport(t, owner, { dataset: 'wishes.wishes', format: 'CSV' });
    const other = await download(t, e.downloadPath, await t.login('admin'));
    expect(other.status).toBe(404);
    expect((await other.json()).error.code).toBe('NOT_FOUND');
    expect((await download(t, e.downloadPath, null)).status).toBe(401);
    expect((await download(t, '/exports/not-an-id', owner)).status).toBe(404);
    const before = await t.db.prisma.auditLog.count({ where: { action: 'export.download' } });
    const ok = await download(t, e.downloadPath, owner);
    expect(ok.status).toBe(200);
    expect(Number(ok.headers.get('content-length'))).toBe(e.bytes);
    expect((await ok.arrayBuffer()).byteLength).toBe(e.bytes);
    const rows = await t.db.prisma.auditLog.findMany({ where: { action: 'export.download' }, orderBy: { at: 'asc' } });
    expect(rows.length).toBe(before + 1);
    const account = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'zhou-admin' } });
    expect(rows.at(-1)).toMatchObject({ actorId: account.id, entityType: 'Export' });
    expect(`/exports/${rows.at(-1)!.entityId}`).toBe(e.downloadPath);
  });

  it('is 410 once expired, and the sweep deletes the file', async () => {
    const e = await readyExport(t, await t.login('zhou-admin'), { dataset: 'wishes.monthly', format: 'CSV' });
    const id = e.downloadPath.split('/').pop()!;
    expect(await t.db.prisma.exportChunk.count({ where: { exportId: id } })).toBeGreaterThan(0);
    clock.advance(24 * 60 * 60 * 1000 + 1);
    // tokens last 12 hours: the owner logs in again
    const token = await t.login('zhou-admin');
    const gone = await download(t, e.downloadPath, token);
    expect(gone.status).toBe(410);
    await t.app.jobs.run('core.exports.sweep');
    expect(await t.db.prisma.exportChunk.count({ where: { exportId: id } })).toBe(0);
    const r = await t.gql(EXPORT, { id: e.id }, { token });
    expect(r.data.export).toMatchObject({ status: 'EXPIRED', downloadPath: null });
    expect((await download(t, e.downloadPath, token)).status).toBe(410);
  });
});

describe('refused requests create nothing', () => {
  const cases: [string, Record<string, unknown>, string, string | null][] = [
    ['unknown dataset', { dataset: 'wishes.nope', format: 'CSV' }, 'VALIDATION', 'input.dataset'],
    [
      'unknown status',
      { dataset: 'wishes.wishes', format: 'CSV', filter: { status: 'DONE' } },
      'VALIDATION',
      'input.filter.status',
    ],
    [
      'status on a figures table',
      { dataset: 'wishes.monthly', format: 'CSV', filter: { status: 'PUBLISHED' } },
      'VALIDATION',
      'input.filter.status',
    ],
    [
      'from after to',
      { dataset: 'wishes.wishes', format: 'CSV', filter: { from: '2024-02-01T00:00:00Z', to: '2024-01-01T00:00:00Z' } },
      'VALIDATION',
      'input.filter.to',
    ],
    [
      'a malformed region id',
      { dataset: 'wishes.wishes', format: 'CSV', filter: { regionId: 'x' } },
      'VALIDATION',
      'input.filter.regionId',
    ],
  ];
  it.each(cases)('%s', async (_name, input, code, path) => {
    const token = await t.login('yuanlin-worker');
    const before = await exports();
    const r = await t.gql(CREATE, { i: input }, { token });
    expect(r.data?.createExport?.code, JSON.stringify(r)).toBe(code);
    if (path) expect(r.data.createExport.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await exports()).toBe(before);
  });

  it('a region outside the area is FORBIDDEN', async () => {
    const token = await t.login('yuanlin-worker');
    const before = await exports();
    const i = { dataset: 'wishes.wishes', format: 'CSV', filter: { regionId: await regionId(t, '652302100') } };
    const r = await t.gql(CREATE, { i }, { token });
    expect(JSON.stringify(r)).toContain('FORBIDDEN');
    expect(await exports()).toBe(before);
  });

  it('residents and party members may export nothing', async () => {
    for (const user of ['resident-he', 'member-pu']) {
      const token = await t.login(user);
      const listed = await t.gql('{ exportDatasets { id } }', {}, { token });
      expect(listed.data.exportDatasets).toEqual([]);
      const r = await t.gql(CREATE, { i: { dataset: 'wishes.monthly', format: 'CSV' } }, { token });
      expect(JSON.stringify(r)).toMatch(/FORBIDDEN|VALIDATION/);
    }
  });
});

describe('per-account limit', () => {
  it('admits exactly maxRunning of simultaneous requests while the worker is held', async () => {
    const token = await t.login('jingcaicheng-worker');
    t.app.exports.paused = true;
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, () => t.gql(CREATE, { i: { dataset: 'wishes.wishes', format: 'CSV' } }, { token })),
      );
      const kinds = results.map((r) => r.data?.createExport?.__typename ?? r.data?.createExport?.code);
      expect(kinds.filter((k) => k === 'CreateExportPayload').length).toBe(t.app.exports.options.maxRunning);
      expect(results.filter((r) => r.data?.createExport?.code === 'LIMIT_EXCEEDED').length).toBe(
        6 - t.app.exports.options.maxRunning,
      );
    } finally {
      t.app.exports.paused = false;
    }
    t.app.exports.kick();
    await t.app.exports.idle();
    const mine = await t.gql('{ myExports(first: 10) { edges { node { status rowCount progress } } } }', {}, { token });
    const nodes = mine.data.myExports.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toHaveLength(2);
    for (const n of nodes) expect(n.status).toBe('READY');
    // and room again once they are done
    await createExport(t, token, { dataset: 'wishes.wishes', format: 'XLSX' });
    await t.app.exports.idle();
  });
});
