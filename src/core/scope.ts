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
  const regionId = parseOptionalId(regionGlobalId == null ? null : String(regionGlobalId), 'Region', options.field ?? 'filter.regionId');
  if (!regionId) return options.base;
  const region = await ctx.prisma.region.findUnique({ where: { id: regionId }, select: { path: true } });
  if (!region) throw notFound('区划 region');
  if (!options.allowed(region.path)) throw forbidden('超出辖区 (outside your area)');
  return region.path;
}

/** "/" for the system administrator, the account's region path for everyone else */
export const viewerScope = (ctx: Context) => (ctx.viewer?.role === 'SYSTEM_ADMIN' ? '/' : (ctx.viewer?.regionPath ?? '/'));
