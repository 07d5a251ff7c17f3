// 计数: exact totalCounts of wish lists from WishStatusCount (kept by triggers in every writing transaction)
// instead of counting rows, whenever the list is "every wish under a path, by status" for the viewer: the
// wall (public), and any list of a reader (workers, admins, staff, analysts see their whole area). Lists
// with other filters, or of members and residents (who see only some wishes), are counted from the rows.
import { mapLoader, Prisma, queryRows, READER_ROLES, type Context } from '../../src/kit/index.js';
import { MODULE_ID } from './model.js';

const ofStatus = (status: string | null | undefined) =>
  status ? Prisma.sql`AND c."status" = ${status}::"WishStatus"` : Prisma.empty;

/** whether the counter answers this viewer's lists (readers see every wish of their area) */
export const countsForViewer = (ctx: Context) => !!ctx.viewer && READER_ROLES.includes(ctx.viewer.role);

/** the path whose wishes the viewer sees whole: the deeper of the list's scope and the viewer's area */
function wholeUnder(ctx: Context, scopePath: string, everyone: boolean): string | null | 'none' {
  if (everyone) return scopePath;
  const viewer = ctx.viewer;
  if (!viewer || !countsForViewer(ctx)) return null;
  if (scopePath.startsWith(viewer.regionPath)) return scopePath;
  if (viewer.regionPath.startsWith(scopePath)) return viewer.regionPath;
  return 'none';
}

/**
 * The count under each path (one statement for all the paths a page asks for), or null when the counter
 * cannot answer for this viewer and the caller counts the rows.
 */
export async function countedByStatus(
  ctx: Context,
  scopePath: string,
  status: string | null | undefined,
  { everyone = false } = {},
): Promise<number | null> {
  const path = wholeUnder(ctx, scopePath, everyone);
  if (path === null) return null;
  if (path === 'none') return 0;
  // disabled townships: the exclusions of the widest path asked for apply to every path below it
  const readable = await ctx.gate.readableSql(MODULE_ID, everyone ? '/' : ctx.viewer!.regionPath, 'c."regionPath"');
  const loader = mapLoader<number>(
    ctx,
    `wishes:statusCount:${status ?? '*'}:${everyone}`,
    async (paths) => {
      const rows = await queryRows<{ path: string; n: number }>(
        ctx.prisma,
        Prisma.sql`
        SELECT p.path, coalesce(sum(c."n"), 0)::int AS n
          FROM unnest(${[...paths]}::text[]) AS p(path)
          LEFT JOIN "WishStatusCount" c
            ON c."regionPath" LIKE p.path || '%' AND ${readable}
               ${ofStatus(status)}
         GROUP BY p.path`,
      );
      return new Map(rows.map((r) => [r.path, r.n]));
    },
    0,
  );
  return loader.load(path);
}

/**
 * Region.wishes' total per parent region from the counter, for childPage's `total` (`p.key` is the parent:
 * a community's id, or a larger region's path); undefined when the viewer's lists are counted from rows.
 */
export async function statusCounterSql(
  ctx: Context,
  status: string | null | undefined,
  community: boolean,
): Promise<Prisma.Sql | undefined> {
  if (!countsForViewer(ctx)) return undefined;
  const readable = await ctx.gate.readableSql(MODULE_ID, ctx.viewer!.regionPath, 'c."regionPath"');
  const under = community
    ? Prisma.sql`c."regionPath" = (SELECT r."path" FROM "Region" r WHERE r."id" = p.key)`
    : Prisma.sql`c."regionPath" LIKE p.key || '%'`;
  return Prisma.sql`SELECT coalesce(sum(c."n"), 0) FROM "WishStatusCount" c
    WHERE ${under} AND ${readable} ${ofStatus(status)}`;
}
