// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the schema as
// of the last migration and prisma/schema now. The "as of" schema comes from git: prisma/schema at the
// commit that added the newest migration (no copy of the schema is kept beside the migrations). Commit
// a migration together with the schema change it was made from. `prisma migrate dev` needs a shadow
// database, which the driver adapters here cannot provide.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:new-migration -- <name_in_snake_case>');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const migrations = path.join(root, 'prisma/migrations');
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

/** prisma/schema as committed with the newest migration, in a temporary folder; null before the first */
function schemaAtLastMigration(): string | null {
  const newest = readdirSync(migrations)
    .filter((d) => /^\d{14}_/.test(d))
    .sort()
    .at(-1);
  if (!newest) return null;
  const commit = git('log', '-1', '--format=%H', '--', `prisma/migrations/${newest}`);
  if (!commit) {
    console.error(`prisma/migrations/${newest} is not committed yet: commit it (with its schema change) first`);
    process.exit(1);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'schema-at-migration-'));
  for (const file of git('ls-tree', '--name-only', `${commit}:prisma/schema`).split('\n').filter(Boolean)) {
    writeFileSync(path.join(dir, file), git('show', `${commit}:prisma/schema/${file}`) + '\n');
  }
  return dir;
}

const previous = schemaAtLastMigration();
const from = previous ? ['--from-schema-datamodel', previous] : ['--from-empty'];
const sql = execFileSync(
  'npx',
  ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', path.join(root, 'prisma/schema'), '--script'],
  { cwd: root, env: { ...process.env, DATABASE_URL: '' }, encoding: 'utf8' },
);
if (previous) rmSync(previous, { recursive: true, force: true });
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log('The schema has not changed since the last migration; nothing written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join(migrations, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`wrote ${path.relative(root, dir)}/migration.sql; review it, then commit it with the schema change`);
