// Helpers shared by the files of the volunteering module: ids, access rules, lookups and list scopes.
// Nothing here is exported from index.ts.
import {
  AppError,
  listWhere,
  managesPeopleAt,
  maskName,
  notFound,
  parseId,
  readsWithinScope,
  within,
  type Context,
  type Prisma,
  type Region,
  type Viewer,
} from '../../src/kit/index.js';
import { ledTeamIds } from './loaders.js';

export const MODULE = 'volunteering';
export const SG = [MODULE];

// ——— access rules ———

export interface ActivityAccess {
  regionPath: string;
  createdById: string | null;
  teamId: string | null;
}

/** 组织方 the organiser side of an activity: workers and admins over its community, its creator, its team's leaders */
export function isOrganizer(viewer: Viewer | null, activity: ActivityAccess, ledTeams: Set<string>): boolean {
  if (!viewer) return false;
  return (
    managesPeopleAt(viewer, activity.regionPath) ||
    activity.createdById === viewer.accountId ||
    (!!activity.teamId && ledTeams.has(activity.teamId))
  );
}

export const canOrganize = async (ctx: Context, activity: ActivityAccess) =>
  isOrganizer(ctx.viewer, activity, await ledTeamIds(ctx));

/** workers, admins, analysts and department staff read records inside their area */
export const readsAt = (viewer: Viewer | null, path: string): viewer is Viewer =>
  readsWithinScope(viewer) && within(viewer, path);

/** SQL filter: the enrollments a viewer may see (own, within a reader's area, or of activities they organise) */
export function enrollmentVisibility(viewer: Viewer | null): Prisma.VolunteerEnrollmentWhereInput {
  if (!viewer) return { id: { in: [] } };
  const or: Prisma.VolunteerEnrollmentWhereInput[] = [{ activity: { createdById: viewer.accountId } }];
  if (viewer.personId) {
    or.push({ personId: viewer.personId });
    or.push({ activity: { team: { members: { some: { personId: viewer.personId, role: 'LEADER' } } } } });
  }
  if (readsWithinScope(viewer)) or.push({ regionPath: { startsWith: viewer.regionPath } });
  return { OR: or };
}

/** SQL filter: drafts only for their organisers; everything else is a public announcement */
export function draftVisibility(viewer: Viewer | null): Prisma.VolunteerActivityWhereInput {
  const or: Prisma.VolunteerActivityWhereInput[] = [{ status: { not: 'DRAFT' } }];
  if (viewer) {
    or.push({ createdById: viewer.accountId });
    if (['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER'].includes(viewer.role))
      or.push({ regionPath: { startsWith: viewer.regionPath } });
    if (viewer.personId) or.push({ team: { members: { some: { personId: viewer.personId, role: 'LEADER' } } } });
  }
  return { OR: or };
}

/** the full name for those entitled to it (the person, those who manage them, organisers), else 何** */
export const displayName = (name: string, entitled: boolean) => (entitled ? name : maskName(name));

// ——— lookups ———

export async function regionArg(
  ctx: Context,
  globalId: string | number | null | undefined,
  path: string,
): Promise<Region | null> {
  if (globalId == null) return null;
  const region = await ctx.prisma.region.findUnique({ where: { id: parseId(String(globalId), 'Region', path) } });
  if (!region) throw notFound('区划 region');
  return region;
}

export async function communityArg(ctx: Context, globalId: string | number, path: string): Promise<Region> {
  const region = await regionArg(ctx, globalId, path);
  if (region?.level !== 'COMMUNITY')
    throw new AppError('VALIDATION', `${path} 应为社区/村 (must be a community)`, { path });
  return region;
}

/**
 * 可见范围 of a list: the region named in the filter, else the viewer's area (else everything), outside the
 * townships where the module is off. Public lists take any region (`allowed` defaults to everywhere).
 */
export const listScope = (
  ctx: Context,
  regionId: string | number | null | undefined,
  options: { field?: string; base?: string; allowed?: (path: string) => boolean } = {},
) =>
  listWhere(ctx, MODULE, {
    regionId,
    field: options.field ?? 'filter.regionId',
    base: options.base ?? ctx.viewer?.regionPath ?? '/',
    allowed: options.allowed ?? (() => true),
  });
