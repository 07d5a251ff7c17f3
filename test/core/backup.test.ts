// 备份与恢复, on the engine the suite runs on: back up a database with demo data and a fresh write, restore
// it into an empty place (a new folder / a new database), and every row of every table is back.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from '../../src/db/backup.js';
import { createTestApp, engine, type TestApp } from '../helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

type Query = (sql: string) => Promise<Record<string, unknown>[]>;
/** every table's rows as one md5 over their text form, in a stable order */
async function fingerprint(query: Query): Promise<Record<string, string>> {
  const tables = await query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' " +
      "AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query(
      `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM "${name}" t`,
    );
    out[String(name)] = `${row!.n}:${row!.h}`;
  }
  return out;
}

describe('backup and restore', () => {
  it('every row of every table comes back', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dangjian-backup-'));
    const file = path.join(dir, 'backup.dump');
    const source: Query = (sql) => t.db.session.query(sql);
    const before = await fingerprint(source);
    expect(Number(before.Person!.split(':')[0])).toBeGreaterThan(100);

    if (engine() === 'pglite') {
      const live = t.db.pglite!;
      await backupPglite(live, file);
      await restorePglite(file, path.join(dir, 'restored'));
      await expect(restorePglite(file, path.join(dir, 'restored'))).rejects.toThrow(/not empty/);
      const restored = new PGlite(path.join(dir, 'restored'));
      expect(await fingerprint(async (sql) => (await restored.query<Record<string, unknown>>(sql)).rows)).toEqual(
        before,
      );
      await restored.close();
      return;
    }
    const url = process.env.TEST_DATABASE_URL!;
    const current = await t.db.session.query<{ db: string }>('SELECT current_database() AS db');
    const source_url = new URL(url);
    source_url.pathname = `/${current[0]!.db}`;
    await backupPostgres(source_url.toString(), file);
    const name = `restore_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    try {
      await restorePostgres(target.toString(), file);
      const client = new pg.Client({ connectionString: target.toString() });
      await client.connect();
      expect(await fingerprint(async (sql) => (await client.query(sql)).rows)).toEqual(before);
      await client.end();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 300_000);
});
