// 计数器 (read side): exact list totals from "StatusCount", the generic counter that statement triggers keep in
// every writing transaction (attach_status_counter() in a module's migration). The counter answers a list
// only when the list is "every row under a path, by status" for this viewer — the module says under which
// path the viewer sees every row (`whole`); lists with other filters, or of viewers who see only some rows,
// are counted from the rows by the caller (countedTotal answers null). Every counted list of a request is
// answered by ONE statement, whatever its table, module or status.
import type { Role } from '../../generated/prisma/client.js';
import { Prisma } from '../../generated/prisma/client.js';
import { READER_ROLES } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { queryRows } from './model-rows.js';
import { mapLoader } from './request-cache.js';
import { viewerScope } from './scope.js';

export interface CountedList {
  /** the counter's entity, as attached in the migration (e.g. 'Incident') */
  entity: string;
  /** the module whose township switches hide rows */
  module: string;
  /** the statuses counted; none: every status */
  status?: string | readonly string[] | null;
  /**
   * The path under which this viewer sees EVERY row of the table ('/' for a public list, the viewer's area
   * for a reader: see readerArea); null when the viewer sees only some rows (then the caller counts rows).
   */
  whole: string | null;
  /**
   * Whether the viewer sees nothing outside `whole` (a reader's list: a wider scope counts their area
   * only). When false, a scope wider than `whole` is counted from rows.
   */
  hiddenOutside?: boolean;
}

/** the viewer's area when their role reads every row of it (default: READER_ROLES), else null */
export const readerArea = (ctx: Context, roles: readonly Role[] = READER_ROLES): string | null =>
  ctx.viewer && roles.includes(ctx.viewer.role) ? viewerScope(ctx) : null;

const statusesOf = (status: CountedList['status']) =>
  status == null ? null : typeof status === 'string' ? [status] : [...status];

/** the path to count: the deeper of the list's scope and `whole`; 'none' when the viewer sees no row */
function countedPath(scopePath: string, list: CountedList): string | null | 'none' {
  const { whole } = list;
  if (whole === null) return null;
  if (scopePath.startsWith(whole)) return scopePath;
  if (!list.hiddenOutside) return null;
  return whole.startsWith(scopePath) ? whole : 'none';
}

interface Key {
  entity: string;
  path: string;
  statuses: string[] | null;
  off: string[];
}

const batch = (json: string) => Prisma.sql`
  SELECT k.key, coalesce(sum(c."n"), 0)::int AS n
    FROM jsonb_to_recordset(${json}::jsonb) AS k(key text, entity text, path text, statuses text[], off text[])
    LEFT JOIN "StatusCount" c
      ON c."entity" = k.entity AND c."regionPath" LIKE k.path || '%'
     AND (k.statuses IS NULL OR c."status" = ANY (k.statuses))
     AND NOT EXISTS (SELECT 1 FROM unnest(k.off) o(p) WHERE c."regionPath" LIKE o.p || '%')
   GROUP BY k.key`;

/**
 * The total of the list under `scopePath` from the counter, or null when the counter cannot answer for
 * this viewer (the caller counts rows). All counted lists of a request share one statement.
 */
export async function countedTotal(ctx: Context, scopePath: string, list: CountedList): Promise<number | null> {
  const path = countedPath(scopePath, list);
  if (path === null) return null;
  if (path === 'none') return 0;
  // townships where the module is off: those under the viewer's whole area (cached per request by the gate)
  const off = await ctx.gate.disabledTownshipsWithin(list.module, list.whole!);
  const key: Key = { entity: list.entity, path, statuses: statusesOf(list.status), off };
  const loader = mapLoader<number>(
    ctx,
    'statusCounts',
    async (keys) => {
      const json = JSON.stringify(keys.map((k) => ({ key: k, ...(JSON.parse(k) as Key) })));
      const rows = await queryRows<{ key: string; n: number }>(ctx.prisma, batch(json));
      return new Map(rows.map((r) => [r.key, r.n]));
    },
    0,
  );
  return loader.load(JSON.stringify(key));
}

/**
 * A nested list's total per parent from the counter, for childPage's `total` (`p.key` is the parent's
 * path, the list matching by prefix); undefined when the viewer's lists are counted from rows. The
 * childPage's own filter must cover exactly `whole` (outside switched-off townships) and the statuses.
 */
export async function counterTotalSql(ctx: Context, list: CountedList): Promise<Prisma.Sql | undefined> {
  if (list.whole === null) return undefined;
  const readable = await ctx.gate.readableSql(list.module, list.whole, 'c."regionPath"');
  const statuses = statusesOf(list.status);
  const ofStatus = statuses ? Prisma.sql`AND c."status" = ANY (${statuses}::text[])` : Prisma.empty;
  return Prisma.sql`SELECT coalesce(sum(c."n"), 0) FROM "StatusCount" c
    WHERE c."entity" = ${list.entity} AND c."regionPath" LIKE p.key || '%' AND ${readable} ${ofStatus}`;
}
