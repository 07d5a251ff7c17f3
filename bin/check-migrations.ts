// npm run db:check: fails when prisma/migrations no longer produce the database prisma/schema describes
// (a model changed without a migration, or a migration edited by hand in a way the schema does not know).
// Builds two embedded databases — one from the migrations, one from the schema directly — and compares
// their tables, columns and indexes. Hand-written extras (foreign keys to core tables, CHECKs, triggers)
// are allowed: only what the schema declares is compared.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { migrate } from '../src/db/migrate.js';
import { migrationSql, schemaFiles } from './migration-sql.js';

const root = path.resolve(import.meta.dirname, '..');
const session = (db: PGlite) => ({
  query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  exec: async (sql: string) => void (await db.exec(sql)),
});

const fromMigrations = new PGlite();
await migrate(session(fromMigrations), { lock: false });

const fromSchema = new PGlite();
const script = migrationSql(null, schemaFiles(path.join(root, 'prisma/schema')));
await fromSchema.exec(script);

async function shape(db: PGlite) {
  const columns = await db.query<Record<string, string>>(
    `
    SELECT table_name || '.' || column_name AS key, ` +
      `udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS value
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_schema_migrations'`,
  );
  const indexes = await db.query<Record<string, string>>(
    `
    SELECT indexname AS key, indexdef AS value FROM pg_indexes ` +
      `WHERE schemaname = 'public' AND tablename <> '_schema_migrations'`,
  );
  const enums = await db.query<Record<string, string>>(`
    SELECT t.typname AS key, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS value
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
  return new Map([...columns.rows, ...indexes.rows, ...enums.rows].map((r) => [r.key!, r.value!]));
}

const [a, b] = [await shape(fromMigrations), await shape(fromSchema)];
const problems: string[] = [];
for (const [key, value] of b) {
  if (!a.has(key)) problems.push(`missing in migrations: ${key} (${value})`);
  else if (a.get(key) !== value) problems.push(`differs: ${key}\n  migrations: ${a.get(key)}\n  schema:     ${value}`);
}
// extras the schema cannot express (partial unique indexes, …) are fine; list them for the reader
const extras = [...a.keys()].filter((key) => !b.has(key));
await fromMigrations.close();
await fromSchema.close();
if (problems.length) {
  console.error(
    `prisma/migrations do not match prisma/schema:\n${problems.join('\n')}\n` +
      'Create a migration: npm run db:new-migration -- <name>',
  );
  process.exit(1);
}
console.log(
  `migrations match the schema (${b.size} columns, indexes and enums compared; ` +
    `hand-written extras: ${extras.join(', ') || 'none'})`,
);
