// The demo data, seeded once per test run for each module set and clock instead of once per test file: the
// first file that needs a combination seeds it and keeps a copy (PGlite: a data-dir dump next to the
// migrated template; PostgreSQL: a database made from the template, used as the template of later copies).
// Files that need the same combination start from the copy. Only the project's own modules are cached
// (a test module is seeded every time), and only when the clock is known (its time is part of the key).
// A run never reuses an earlier run's copies: the PGlite folder is new per run, the PostgreSQL copies are
// dropped by test/global-setup.ts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { installedModules } from '../modules/index.js';
import { seedDemo } from '../prisma/seed/load.js';
import type { Database } from '../src/db/index.js';
import { openDatabase } from '../src/db/index.js';
import type { ModuleDefinition } from '../src/modules.js';
import { SEED_DB_PREFIX } from './global-setup.js';

const WAIT_MS = 240_000;
const known = new Set<ModuleDefinition>(installedModules);

/** the cache key of a seed, or null when it cannot be cached */
export function seedKey(seed: {
  modules: readonly ModuleDefinition[];
  now: Date;
  password: string;
  fixedClock: boolean;
}) {
  const { modules, now, password } = seed;
  if (!seed.fixedClock || !modules.every((m) => known.has(m))) return null;
  const spec = JSON.stringify([modules.map((m) => m.id), now.toISOString(), password]);
  return createHash('sha256').update(spec).digest('hex').slice(0, 20);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PGlite: the path of a dump of the seeded database; seeds it (once per run, across workers) through `seed`,
 * which seeds a fresh database and returns its dump.
 */
export async function pgliteSeedDump(template: string, key: string, seed: () => Promise<Blob>): Promise<string> {
  const file = path.join(path.dirname(template), `seed-${key}.tar`);
  const lock = `${file}.lock`;
  for (const start = Date.now(); !existsSync(file); ) {
    try {
      mkdirSync(lock); // atomic: exactly one worker seeds this combination
    } catch {
      if (Date.now() - start > WAIT_MS) throw new Error(`seed ${key}: waited ${WAIT_MS} ms for another worker`);
      await sleep(250);
      continue;
    }
    try {
      const dump = Buffer.from(await (await seed()).arrayBuffer());
      writeFileSync(`${file}.tmp`, dump);
      renameSync(`${file}.tmp`, file);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return file;
}

export const readDump = (file: string) => new Blob([readFileSync(file)]);

/** PostgreSQL: the name of a seeded database made from the template (once per run, across workers) */
export async function postgresSeedDb(
  url: string,
  template: string,
  key: string,
  seed: { modules: readonly ModuleDefinition[]; password: string; now: Date },
) {
  const name = `${SEED_DB_PREFIX}${key}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // one worker seeds, the others wait on the lock and then find the database
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) {
      await admin.query(`DROP DATABASE IF EXISTS ${name}_tmp WITH (FORCE)`); // left by a worker that died
      await admin.query(`CREATE DATABASE ${name}_tmp TEMPLATE ${template}`);
      const target = new URL(url);
      target.pathname = `/${name}_tmp`;
      const db: Database = await openDatabase({ url: target.toString(), migrate: false, poolSize: 4 });
      try {
        await seedDemo(db.prisma, seed.modules, seed.password, seed.now);
      } finally {
        await db.close();
      }
      // renamed only when complete, so a failed seed leaves nothing that looks finished
      await admin.query(`ALTER DATABASE ${name}_tmp RENAME TO ${name}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => {});
    await admin.end();
  }
  return name;
}
