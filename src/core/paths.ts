// Region paths are "/<prefecture>/<county>/<township>/<community>/" built from codes; depth = level.
import type { RegionLevel } from '../../generated/prisma/client.js';

export const LEVELS: RegionLevel[] = ['PREFECTURE', 'COUNTY', 'TOWNSHIP', 'COMMUNITY'];
export const levelDepth = (level: RegionLevel) => LEVELS.indexOf(level) + 1;

export const segments = (path: string) => path.split('/').filter(Boolean);
export const depthOf = (path: string) => segments(path).length;

/** "/a/b/c/d/" → ["/a/", "/a/b/", "/a/b/c/", "/a/b/c/d/"] */
export function ancestorsOrSelf(path: string): string[] {
  const parts = segments(path);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** the township a path lies in, or null for a county or prefecture path */
export function townshipPathOf(path: string): string | null {
  const parts = segments(path);
  return parts.length >= 3 ? `/${parts.slice(0, 3).join('/')}/` : null;
}

export const childPath = (parentPath: string | null, code: string) => `${parentPath ?? '/'}${code}/`;

export interface Inherited<T> {
  row: T | undefined;
  source: 'SET_HERE' | 'INHERITED' | 'DEFAULT';
  decidedAt: string | null;
}

/**
 * 继承规则, the one rule for switches and settings: the row set at the nearest region at or above the
 * township of `path` decides (a community follows its township); none found means the default.
 */
export function inherited<T extends { regionPath: string }>(rows: Iterable<T>, path: string): Inherited<T> {
  const chain = ancestorsOrSelf(townshipPathOf(path) ?? path);
  let best: T | undefined;
  for (const r of rows) {
    if (chain.includes(r.regionPath) && (!best || r.regionPath.length > best.regionPath.length)) best = r;
  }
  if (!best) return { row: undefined, source: 'DEFAULT', decidedAt: null };
  return { row: best, source: best.regionPath === path ? 'SET_HERE' : 'INHERITED', decidedAt: best.regionPath };
}
