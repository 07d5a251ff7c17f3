// package.json `engines.node` is truthful (hardening §6): its minimum is the highest minimum declared
// by any installed dependency (walked from `dependencies` and `devDependencies` through node_modules), and that
// version satisfies every one of their ranges.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v
    .replace(/^v/, '')
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : 0));
  return [a, b, c];
};
const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** does `v` satisfy one comparator (>=, >, <=, <, ^, ~, =, bare or x-range) */
function satisfiesOne(v: Version, comparator: string): boolean {
  const m = /^(>=|<=|>|<|\^|~|=)?\s*v?([\dx*.]+)$/.exec(comparator);
  if (!m) throw new Error(`unsupported range "${comparator}"`);
  const [, op = '', raw] = m;
  if (raw === '*' || raw === 'x') return true;
  const parts = raw!.split('.').filter((p) => /^\d+$/.test(p)).length;
  const base = parse(raw!);
  const c = cmp(v, base);
  if (op === '>=') return c >= 0;
  if (op === '>') return c > 0;
  if (op === '<=') return c <= 0;
  if (op === '<') return c < 0;
  if (op === '^') return c >= 0 && (base[0] ? v[0] === base[0] : v[0] === 0 && v[1] === base[1]);
  if (op === '~' || parts < 3) return c >= 0 && v[0] === base[0] && (parts < 2 || v[1] === base[1]);
  return c === 0;
}
const comparators = (alt: string) =>
  alt
    .trim()
    .replace(/([<>=^~]+)\s+/g, '$1')
    .split(/\s+/);
const satisfies = (v: Version, range: string) =>
  range.split('||').some((alt) => comparators(alt).every((c) => satisfiesOne(v, c)));
/** the lowest version a range admits (lower bound of its loosest alternative) */
const minimumOf = (range: string): Version =>
  range
    .split('||')
    .map((alt) => parse(/(\d+(?:\.\d+){0,2})/.exec(alt)?.[1] ?? '0'))
    .sort(cmp)[0]!;

/** installed runtime dependencies: resolved like Node does (nested node_modules first, then upwards) */
function runtimeClosure(): Map<string, { name: string; version: string; node?: string }> {
  const seen = new Map<string, { name: string; version: string; node?: string }>();
  const visit = (from: string, name: string) => {
    for (let dir = from; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) {
        if (seen.has(candidate)) return;
        const pkg = JSON.parse(readFileSync(path.join(candidate, 'package.json'), 'utf8'));
        seen.set(candidate, { name, version: pkg.version, node: pkg.engines?.node });
        for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(candidate, dep);
        return;
      }
      if (dir === root || dir === path.dirname(dir)) return; // not installed (an optional dependency)
    }
  };
  const own = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  // dev dependencies count too: `npm test` and `npm run typecheck` are part of what the project promises
  for (const dep of Object.keys({ ...own.dependencies, ...own.devDependencies })) visit(root, dep);
  return seen;
}

/**
 * Installed but never loaded by anything this project runs, each with the reason. An entry must still be
 * installed (else it is stale and fails) and must be reached only through the package named: nothing else
 * may come to depend on it unnoticed.
 */
const NEVER_LOADED: Record<string, { via: string; why: string }> = {
  '@prisma/streams-local': {
    via: '@prisma/dev',
    why: 'only `prisma dev` (a local Prisma Postgres server) loads it; this project never runs `prisma dev`',
  },
};

function dependentsOf(name: string): string[] {
  const found: string[] = [];
  for (const p of runtimeClosure().keys()) {
    const pkg = JSON.parse(readFileSync(path.join(p, 'package.json'), 'utf8'));
    if (name in { ...pkg.dependencies, ...pkg.optionalDependencies }) found.push(pkg.name);
  }
  return [...new Set(found)];
}

describe('engines.node', () => {
  it('leaves out only packages nothing here loads, reached only through the package named', () => {
    const installed = [...runtimeClosure().values()].map((p) => p.name);
    for (const [name, { via }] of Object.entries(NEVER_LOADED)) {
      expect(installed, `${name} is no longer installed: drop it from NEVER_LOADED`).toContain(name);
      expect(dependentsOf(name)).toEqual([via]);
    }
  });

  it('is the highest minimum of the installed dependencies and satisfies all of them', () => {
    const declared: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;
    const packages = [...runtimeClosure().values()].filter((p) => p.node && !(p.name in NEVER_LOADED));
    expect(packages.length).toBeGreaterThan(10);
    const strictest = packages.reduce((a, b) => (cmp(minimumOf(b.node!), minimumOf(a.node!)) > 0 ? b : a));
    expect(minimumOf(declared).join('.'), `${strictest.name}@${strictest.version} needs ${strictest.node}`).toBe(
      minimumOf(strictest.node!).join('.'),
    );
    const ours = minimumOf(declared);
    for (const p of packages) expect(satisfies(ours, p.node!), `${p.name}@${p.version}: ${p.node}`).toBe(true);
  });
});
