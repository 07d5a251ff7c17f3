// 计数: totalCounts of activities and service orders from the kit's status counter when the list is "every
// row of an area by status" for this viewer; otherwise (other filters, viewers who see only some rows)
// the callers count rows as before.
import {
  countedTotal,
  counterTotalSql,
  readerArea,
  scopeFromFilter,
  type Context,
  type CountedList,
  type Prisma,
} from '../../src/kit/index.js';
import { ledTeamIds } from './loaders.js';
import { MODULE } from './shared.js';

type Filter = { regionId?: string | number | null; status?: string | null; [other: string]: unknown };

// paging arguments (a nested connection's args carry them) do not narrow the rows
const COUNTED = ['regionId', 'status', 'first', 'last', 'after', 'before'];
const regionAndStatusOnly = (f: Filter | null | undefined) =>
  Object.entries(f ?? {}).every(([k, v]) => v == null || COUNTED.includes(k));

/**
 * Published (and later) activities are public: anyone sees all of them. Drafts: admins and community
 * workers see those of their area, outside it only some (their own, their team's), so a wider list
 * without a status is counted from rows.
 */
function activitiesSeen(ctx: Context, status: string | null | undefined): CountedList {
  const whole =
    status && status !== 'DRAFT' ? '/' : readerArea(ctx, ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER']);
  return { entity: 'VolunteerActivity', module: MODULE, status, whole };
}

/** volunteerActivities' total (the filter's region, default the viewer's area), or null: count rows */
export async function countedActivities(ctx: Context, f: Filter | null | undefined): Promise<number | null> {
  if (!regionAndStatusOnly(f)) return null;
  const list = activitiesSeen(ctx, f?.status);
  if (list.whole === null) return null;
  const base = ctx.viewer?.regionPath ?? '/';
  return countedTotal(ctx, await scopeFromFilter(ctx, f?.regionId, { base, allowed: () => true }), list);
}

/** Region.volunteerActivities' total per region from the counter (public statuses only), for childPage */
export function activitiesTotalSql(ctx: Context, args: Filter): Promise<Prisma.Sql | undefined> | undefined {
  if (!regionAndStatusOnly(args) || !args.status || args.status === 'DRAFT') return undefined;
  return counterTotalSql(ctx, activitiesSeen(ctx, args.status));
}

/**
 * serviceOrders: readers see every order of their area and nothing outside it, unless orders are also
 * assigned to their organisation or a team they lead (then the list is counted from rows).
 */
export async function countedOrders(ctx: Context, f: Filter | null | undefined): Promise<number | null> {
  const whole = readerArea(ctx);
  if (!whole || !regionAndStatusOnly(f) || ctx.viewer!.organizationId || (await ledTeamIds(ctx)).size) return null;
  const scope = await scopeFromFilter(ctx, f?.regionId, { base: '/', allowed: () => true });
  const list = { entity: 'VolunteerServiceOrder', module: MODULE, status: f?.status, whole, hiddenOutside: true };
  return countedTotal(ctx, scope, list);
}
