// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between prisma/schema as
// committed (HEAD) and prisma/schema in the work tree. The committed schema is the one the committed
// migrations produce: CI's db:check fails otherwise, so a schema change and its migration land together.
// (Not "the schema at the commit of the newest migration": after a merge that commit can predate another
// branch's schema, and the diff would recreate that branch's tables.) `prisma migrate dev` needs a shadow
// database, which the driver adapters here cannot provide; the SQL comes from bin/migration-sql.ts (offline).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrationSql, schemaFiles } from './migration-sql.js';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:new-migration -- <name_in_snake_case>');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const migrations = path.join(root, 'prisma/migrations');
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

/** prisma/schema as committed (HEAD); null before the first migration */
function committedSchema(): Map<string, string> | null {
  const hasMigrations = readdirSync(migrations).some((d) => /^\d{14}_/.test(d));
  if (!hasMigrations) return null;
  const files = git('ls-tree', '--name-only', 'HEAD:prisma/schema').split('\n').filter(Boolean);
  return new Map(files.map((file) => [file, `${git('show', `HEAD:prisma/schema/${file}`)}\n`]));
}

const sql = migrationSql(committedSchema(), schemaFiles(path.join(root, 'prisma/schema')));
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log('The schema has not changed since the last migration; nothing written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join(migrations, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`wrote ${path.relative(root, dir)}/migration.sql; review it, then commit it with the schema change`);
