// Helpers shared by the files of the module: region arguments, list scopes, who manages what.
// Nothing here is exported from index.ts.
import {
  AppError,
  forbidden,
  listWhere,
  managesPeopleAt,
  notFound,
  parseId,
  readsWithinScope,
  townshipPathOf,
  within,
  type Context,
  type Region,
  type Viewer,
} from '../../src/kit/index.js';
import { MODULE_ID } from './model.js';

export async function regionArg(ctx: Context, globalId: string | number, path: string): Promise<Region> {
  const region = await ctx.prisma.region.findUnique({ where: { id: parseId(String(globalId), 'Region', path) } });
  if (!region) throw notFound('区划 region');
  return region;
}

export async function communityArg(ctx: Context, globalId: string | number, path: string): Promise<Region> {
  const region = await regionArg(ctx, globalId, path);
  if (region.level !== 'COMMUNITY') throw new AppError('VALIDATION', `${path} 应为社区/村 (must be a community)`);
  return region;
}

/** workers and admins of the area (社区"两委", 乡镇街道): they record, file, match and see people in full */
export function assertManages(ctx: Context, path: string) {
  if (!managesPeopleAt(ctx.viewer, path)) throw forbidden('只能办理本辖区的事项 (workers and admins of the area only)');
}

/** readers (staff, analysts) inside their area */
export const readsAt = (viewer: Viewer | null, path: string): viewer is Viewer =>
  readsWithinScope(viewer) && within(viewer, path);

/**
 * 可见范围 of a list: the region of the filter (FORBIDDEN outside the viewer's area), else the viewer's area,
 * minus the townships where the module is off.
 */
export const listScope = (ctx: Context, regionId: string | number | null | undefined, field = 'filter.regionId') =>
  listWhere(ctx, MODULE_ID, { regionId, field });

/** a record visible through node(id) and mutations: inside the viewer's area (or above it, for a township's) */
export const inArea = (viewer: Viewer | null, path: string) =>
  !!viewer &&
  (viewer.role === 'SYSTEM_ADMIN' || path.startsWith(viewer.regionPath) || viewer.regionPath.startsWith(path));

/** the township path above a community path (the path itself for a township) */
export const townshipOf = (path: string) => townshipPathOf(path) ?? path;

export const trimOrNull = (s: string | null | undefined) => s?.trim() || null;
