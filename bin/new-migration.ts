// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the schema
// as of the last migration (a snapshot kept beside the migrations) and prisma/schema now.
// `prisma migrate dev` needs a shadow database, which the driver adapters here cannot provide.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:new-migration -- <name_in_snake_case>');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const migrations = path.join(root, 'prisma/migrations');
const snapshot = path.join(migrations, 'schema-snapshot');
const from = existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
const env = { ...process.env, DATABASE_URL: '' };
const sql = execFileSync(
  'npx',
  ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', path.join(root, 'prisma/schema'), '--script'],
  { cwd: root, env, encoding: 'utf8' },
);
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log('The schema has not changed since the last migration; nothing written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join(migrations, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
rmSync(snapshot, { recursive: true, force: true });
cpSync(path.join(root, 'prisma/schema'), snapshot, { recursive: true });
console.log(`wrote ${path.relative(root, dir)}/migration.sql; review it, then commit it with the schema`);
