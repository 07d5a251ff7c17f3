// Who may do what in the grid module: role + region scope checks shared by every file.
import {
  AppError,
  depthOf,
  forbidden,
  isAdminOf,
  managesPeopleAt,
  notFound,
  parseId,
  readsWithinScope,
  townshipPathOf,
  within,
  type Context,
  type Prisma,
  type Viewer,
} from '../../src/kit/index.js';

export const MODULE = 'grid';

export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED', '请先登录 (log in first)');
  return ctx.viewer;
}

/** 乡镇管理员: a region admin of the township (or above), or the system admin */
export const isTownshipAdminOf = (viewer: Viewer | null, path: string) =>
  !!viewer && isAdminOf(viewer, path) && (viewer.role === 'SYSTEM_ADMIN' || depthOf(viewer.regionPath) <= 3);

/** 村社: community workers of the incident's community, and admins over it */
export const isCommunityStaffOf = (viewer: Viewer | null, path: string) =>
  !!viewer && ((viewer.role === 'COMMUNITY_WORKER' && within(viewer, path)) || isAdminOf(viewer, path));

/** who may manage grids, households and staff assignments of a community */
export const managesGridsAt = (viewer: Viewer | null, path: string) =>
  !!viewer &&
  ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER'].includes(viewer.role) &&
  managesPeopleAt(viewer, path);

/** staff who read module records within their scope (masked where they do not manage people) */
export const isStaffReader = (viewer: Viewer | null, path: string) => readsWithinScope(viewer) && within(viewer, path);

/** an assignment is active on `day` when start <= day < end */
export const activeOn = (day: Date): Prisma.GridStaffWhereInput => ({
  startDate: { lte: day },
  OR: [{ endDate: null }, { endDate: { gt: day } }],
});

/** 网格员: an account whose person holds an active assignment on the grid (community workers, or township cadres) */
export async function assertGridWorker(ctx: Context, grid: { id: string }) {
  const viewer = requireViewer(ctx);
  if (!viewer.personId || !['COMMUNITY_WORKER', 'REGION_ADMIN'].includes(viewer.role)) {
    throw forbidden('只有该网格的网格员可以上报和巡查 (grid workers of this grid only)');
  }
  const assigned = await ctx.prisma.gridStaff.count({
    where: { gridId: grid.id, personId: viewer.personId, ...activeOn(ctx.clock.now()) },
  });
  if (!assigned) throw forbidden('您不是该网格的在岗网格员 (you are not assigned to this grid)');
  return viewer;
}

/**
 * the grid a grid worker writes to (reports, patrols): NOT_FOUND, MODULE_DISABLED, then FORBIDDEN unless
 * the viewer is assigned to it — the switch first, so a switched-off township answers the same to everyone
 */
export async function gridOfWorker(ctx: Context, gid: string | number) {
  const grid = await ctx.prisma.grid.findUnique({ where: { id: parseId(String(gid), 'Grid', 'input.gridId') } });
  if (!grid) throw notFound('网格 grid');
  await ctx.gate.assertEnabled(MODULE, grid.regionPath);
  return { grid, viewer: await assertGridWorker(ctx, grid) };
}

/** a region by global id, NOT_FOUND when missing */
export async function regionById(ctx: Context, id: string | number, path: string) {
  const region = await ctx.prisma.region.findUnique({ where: { id: parseId(String(id), 'Region', path) } });
  if (!region) throw notFound('区划 region');
  return region;
}

/** a township by global id (VALIDATION when the region is not a township) */
export async function townshipById(ctx: Context, id: string | number, path: string) {
  const region = await regionById(ctx, id, path);
  if (region.level !== 'TOWNSHIP') throw new AppError('VALIDATION', `${path} 应为乡镇街道 (must be a township)`);
  return region;
}

/** a township by global id for a write: VALIDATION, then MODULE_DISABLED (before the permission checks) */
export async function enabledTownship(ctx: Context, id: string | number) {
  const township = await townshipById(ctx, id, 'input.townshipId');
  await ctx.gate.assertEnabled(MODULE, township.path);
  return township;
}

export const townshipOf = (path: string) => townshipPathOf(path) ?? path;

/**
 * The township of a points list: area roles are checked by the declared policy; a party member or resident
 * reads the points rules and store of their own township only (FORBIDDEN elsewhere).
 */
export async function ownTownship(ctx: Context, id: string | number) {
  const region = await townshipById(ctx, id, 'townshipId');
  const viewer = ctx.viewer;
  if (
    viewer &&
    (viewer.role === 'PARTY_MEMBER' || viewer.role === 'RESIDENT') &&
    !viewer.regionPath.startsWith(region.path)
  ) {
    throw forbidden('只能查看本乡镇的积分规则与积分超市 (your own township only)');
  }
  return region;
}
