// A module imports another module only through its index.ts and only when it declares it in `dependsOn`
// (the import graph itself is checked by `npm run check:boundaries` in CI).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';

const root = path.resolve(import.meta.dirname, '../../modules');
const filesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );

describe('module dependencies', () => {
  it.each(installedModules.map((m) => [m.id, m] as const))(
    '%s imports only the modules it depends on',
    (id, module) => {
      const folder = path.join(root, id);
      const imported = new Set<string>();
      for (const file of filesOf(folder)) {
        for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
          const target = path.resolve(path.dirname(file), spec!);
          const relative = path.relative(root, target);
          const owner = relative.split(path.sep)[0]!;
          if (!relative.startsWith('..') && relative.includes(path.sep) && owner !== id) imported.add(owner);
        }
      }
      expect([...imported].filter((other) => !module.dependsOn.includes(other))).toEqual([]);
    },
  );
});
