// Migration SQL, offline: `migrate diff` of Prisma 6.19.3's CLI (the npm alias `prisma-diff`, run by path so
// it never shadows Prisma 7's `prisma` bin) with its bundled WebAssembly schema engine (prisma/diff.config.ts).
// Prisma 7's CLI would need a native schema engine that it downloads, and this project installs and runs
// without internet. The application's client is Prisma 7; the SQL of a schema diff does not depend on the
// client version. Used by npm run db:new-migration and npm run db:check.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

// 6.19's parser needs a datasource `url` (7 forbids one in the schema) and a generator that asks for no
// native query engine (the CLI reads it to decide what to download); generators do not change the SQL.
const GENERATOR_6_19 =
  'generator client {\n  provider        = "prisma-client"\n  output          = "./unused"\n' +
  '  engineType      = "client"\n  previewFeatures = ["queryCompiler", "driverAdapters"]\n}\n';

/** `schema` (Prisma 7 or 6.19 form) rewritten for 6.19's CLI */
export function schemaFor619(schema: string): string {
  const withoutGenerators = schema.replace(/^generator\s+\w+\s*\{[^}]*\}\n?/gm, '');
  return withoutGenerators.replace(/^datasource\s+\w+\s*\{[^}]*\}/m, (block) =>
    /^\s*url\s*=/m.test(block)
      ? `${GENERATOR_6_19}\n${block}`
      : `${GENERATOR_6_19}\n${block.replace(/\}$/, '  url = "postgresql://unused"\n}')}`,
  );
}

/** a temporary folder holding `files` (name → Prisma schema text) prepared for 6.19 */
export function preparedSchema(files: Map<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'schema-619-'));
  for (const [name, text] of files) writeFileSync(path.join(dir, name), schemaFor619(text));
  return dir;
}

/** the schema files of a folder of the work tree */
export function schemaFiles(dir: string): Map<string, string> {
  const names = readdirSync(dir).filter((f) => f.endsWith('.prisma'));
  return new Map(names.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

/** SQL turning the database of `from` (null: an empty database) into the one of `to` */
export function migrationSql(from: Map<string, string> | null, to: Map<string, string>): string {
  const toDir = preparedSchema(to);
  const fromDir = from ? preparedSchema(from) : null;
  try {
    const fromArgs = fromDir ? ['--from-schema-datamodel', fromDir] : ['--from-empty'];
    const cli = path.join(root, 'node_modules/prisma-diff/build/index.js');
    const args = ['migrate', 'diff', '--config', 'prisma/diff.config.ts', ...fromArgs];
    return execFileSync(process.execPath, [cli, ...args, '--to-schema-datamodel', toDir, '--script'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', PRISMA_DIFF_SCHEMA: toDir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  } finally {
    for (const dir of [toDir, fromDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
