// Builds one migrated database per test run; every test file starts from a copy of it.
// PGlite (default): a data-dir dump in a temp file. PostgreSQL (TEST_DATABASE_URL set): a template
// database that each file clones with CREATE DATABASE … TEMPLATE.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate.js';

export const TEMPLATE_DB = 'dangjian_test_template';
/** seeded copies of the template (test/seed-cache.ts), one per module set and clock; dropped at every start */
export const SEED_DB_PREFIX = 'dangjian_seed_';

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    // seeded copies of an earlier run were seeded by earlier code: never reuse them
    const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE '${SEED_DB_PREFIX}%'`);
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${TEMPLATE_DB}`;
    const client = new pg.Client({ connectionString: target.toString() });
    await client.connect();
    await migrate(
      {
        query: async (sql, params) => (await client.query(sql, params)).rows,
        exec: async (sql) => void (await client.query(sql)),
      },
      { lock: true },
    );
    await client.end();
    project.provide('engine', 'postgres');
    project.provide('template', TEMPLATE_DB);
    return;
  }
  const db = new PGlite();
  await migrate(
    {
      query: async (sql, params) => (await db.query(sql, params)).rows as never,
      exec: async (sql) => void (await db.exec(sql)),
    },
    { lock: false },
  );
  const dump = await db.dumpDataDir('none');
  await db.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'dangjian-test-'));
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('engine', 'pglite');
  project.provide('template', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    engine: 'pglite' | 'postgres';
    template: string;
  }
}
