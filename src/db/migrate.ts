import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The few operations the migration runner needs; PGlite and node-postgres both provide them. */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** runs a multi-statement script */
  exec(sql: string): Promise<void>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && /^\d/.test(e.name))
    .map((e) => e.name)
    .sort();
  const found = await Promise.all(
    names.map(async (name) => {
      // a folder without migration.sql is not (yet) a migration
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8').catch(() => null);
      return sql === null ? null : { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
  return found.filter((m): m is Migration => m !== null);
}

// Any fixed number works; it only has to be the same for every instance of this application.
const MIGRATION_LOCK_KEY = 7_262_300_001;

/**
 * Applies pending migrations in name order, one transaction each, recording name and checksum.
 * A changed checksum of an applied migration stops start-up: history must not be rewritten.
 * On PostgreSQL an advisory lock makes concurrently starting instances take turns.
 */
export async function migrate(session: SqlSession, options: { lock: boolean; log?: (msg: string) => void }) {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations();
  if (options.lock) await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await session.exec(`CREATE TABLE IF NOT EXISTS "_schema_migrations" (
      "name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL,
      "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP)`);
    const applied = new Map(
      (await session.query<{ name: string; checksum: string }>('SELECT name, checksum FROM "_schema_migrations"')).map(
        (r) => [r.name, r.checksum],
      ),
    );
    const done: string[] = [];
    for (const m of migrations) {
      const previous = applied.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) {
          throw new Error(
            `migration ${m.name} was changed after it was applied (checksum differs); add a new migration instead`,
          );
        }
        continue;
      }
      await session.exec('BEGIN');
      try {
        await session.exec(m.sql);
        await session.query('INSERT INTO "_schema_migrations" (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
        await session.exec('COMMIT');
      } catch (error) {
        await session.exec('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(error as Error).message}`);
      }
      done.push(m.name);
      log(`applied migration ${m.name}`);
    }
    return done;
  } finally {
    if (options.lock) await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}
