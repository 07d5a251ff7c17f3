import type { Context } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { parseOptionalId } from './lookup.js';

/**
 * The region path a list should cover: the viewer's own scope, or the region named in the filter when
 * `allowed(path)` accepts it (FORBIDDEN otherwise). Lists in core and modules narrow with this.
 */
export async function scopeFromFilter(
  ctx: Context,
  regionGlobalId: string | number | null | undefined,
  options: { base: string; allowed: (path: string) => boolean; field?: string },
): Promise<string> {
  const regionId = parseOptionalId(
    regionGlobalId == null ? null : String(regionGlobalId),
    'Region',
    options.field ?? 'filter.regionId',
  );
  if (!regionId) return options.base;
  const region = await ctx.prisma.region.findUnique({ where: { id: regionId }, select: { path: true } });
  if (!region) throw notFound('区划 region');
  if (!options.allowed(region.path)) throw forbidden('超出辖区 (outside your area)');
  return region.path;
}

/** "/" for the system administrator, the account's region path for everyone else */
export const viewerScope = (ctx: Context) =>
  ctx.viewer?.role === 'SYSTEM_ADMIN' ? '/' : (ctx.viewer?.regionPath ?? '/');

export interface ListScope {
  /** the filter's region id (a global ID), narrowing the viewer's scope */
  regionId?: string | number | null;
  /** the argument named in errors, e.g. 'filter.regionId' */
  field?: string;
  /** the record's path column (default regionPath) */
  column?: string;
  /** the scope before narrowing (default: the viewer's) */
  base?: string;
  /** which filter regions the viewer may name (default: inside the base) */
  allowed?: (path: string) => boolean;
}

/**
 * 可见范围, the one scope filter of module lists: records inside the viewer's scope (narrowed to the
 * filter's region, FORBIDDEN outside it) and outside every township where the module is switched off.
 */
export async function listWhere(ctx: Context, moduleId: string, options: ListScope = {}) {
  const base = options.base ?? viewerScope(ctx);
  const allowed = options.allowed ?? ((path: string) => path.startsWith(base));
  const scope = await scopeFromFilter(ctx, options.regionId, { base, allowed, field: options.field });
  return ctx.gate.readableWhere(moduleId, scope, options.column ?? 'regionPath');
}
