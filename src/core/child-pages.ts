// 子列表分页: the first page of a list under each of many parents (a community's wishes on a page of 50
// communities) in ONE statement — a lateral join over the parents' keys, each with its own LIMIT and,
// when asked, its count — instead of a page query and a count per parent. A later page (a cursor) or a
// filter whereToSql does not understand runs the caller's own query instead.
import type { GraphQLResolveInfo } from 'graphql';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { modelShape, queryRows } from './model-rows.js';
import { perRequest, requestLoader } from './request-cache.js';
import { whereToSql } from './where-sql.js';

export interface ChildPageSpec {
  /** names the loader; parents asked with the same spec in one request share one statement */
  name: string;
  /** the child table, e.g. "Wish" */
  table: string;
  /** how a child belongs to its parent: equal to the parent's key, or under its path */
  parentColumn: string;
  match: 'equals' | 'prefix';
  /** the same filter for every parent (who may see what, switches, arguments) */
  where: Record<string, unknown>;
  orderBy: Record<string, 'asc' | 'desc'>[];
  /**
   * The parent's total from a counter table instead of counting its rows: a scalar SQL query over `p.key`
   * (the parent's key) that answers exactly what counting `where` would (the module vouches for that).
   */
  total?: Prisma.Sql;
}

/** what plugin-prisma hands a connection's resolver */
export interface ConnectionQuery {
  take?: number;
  skip?: number;
  cursor?: unknown;
}

interface Page<T> {
  rows: T[];
  total: number | null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** whether the connection's own selection asks for totalCount, so the count can ride along */
export function asksTotalCount(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    node.selectionSet?.selections.some((s) => s.kind === 'Field' && s.name.value === 'totalCount'),
  );
}

function statement(prisma: PrismaClient, spec: ChildPageSpec, take: number, count: boolean, filter: Prisma.Sql) {
  const shape = modelShape(spec.table)!;
  const column = Prisma.raw(`t."${spec.parentColumn}"`);
  const belongs =
    spec.match === 'equals'
      ? Prisma.sql`${column}::text = p.key`
      : // the range lets a text_pattern_ops index serve a key known only at run time; LIKE keeps it exact
        Prisma.sql`${column} ~>=~ p.key AND ${column} ~<~ (p.key || chr(1114111)) AND ${column}::text LIKE
          replace(replace(replace(p.key, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
  const order = Prisma.raw(
    spec.orderBy
      .flatMap((o) => Object.entries(o))
      .map(([k, dir]) => `t."${k}" ${dir === 'desc' ? 'DESC' : 'ASC'}`)
      .join(', '),
  );
  const table = Prisma.raw(`"${spec.table}"`);
  const counted = spec.total ?? Prisma.sql`SELECT count(*) FROM ${table} t WHERE ${belongs} AND ${filter}`;
  const total = count ? Prisma.sql`(${counted})::int` : Prisma.sql`NULL::int`;
  // Under one parent the page must walk the parent's index in order and stop after `take` rows. As plain
  // conditions the filter's estimate multiplies correlated columns (a community's id fixes its path) down to
  // one row, and the planner scanned and sorted all the parent's rows (5 760 buffers for a community of 10⁶
  // wishes); as one opaque check per row it counts as ½ and the ordered scan wins (24 buffers).
  const check = spec.match === 'equals' ? Prisma.sql`(SELECT ${filter})` : filter;
  // each child as one JSON object of its model's columns (model-rows.ts), null where the parent has none
  return (keys: string[]) =>
    queryRows(
      prisma,
      Prisma.sql`
      SELECT p.key AS "__parent", n.total AS "__total",
             CASE WHEN c."id" IS NULL THEN NULL ELSE ${shape.json('c')} END AS "__row"
        FROM unnest(${keys}::text[]) AS p(key)
        -- once per parent: in the select list the planner ran the count once per child row (10× the work);
        -- OFFSET 0 keeps it from pulling the subquery up into that list again
        CROSS JOIN LATERAL (SELECT ${total} AS total OFFSET 0) n
        LEFT JOIN LATERAL (
          SELECT t.* FROM ${table} t WHERE ${belongs} AND ${check} ORDER BY ${order} LIMIT ${take}
        ) c ON TRUE`,
    );
}

/**
 * The spec of a child list, built once per request and `key` (the arguments that shape it): every parent of a
 * page asks with the same spec, and building it per parent (the viewer's filter, the module gate, the counter's
 * SQL) was ≈ 15 % of the allocations of a page of 50 communities × 10 wishes.
 */
export function sharedSpec(ctx: object, key: string, build: () => Promise<ChildPageSpec>): Promise<ChildPageSpec> {
  return perRequest(ctx, `childPage:spec:${key}`, build);
}

// the filter as text, once per spec object (a shared spec: once per request), not once per parent
const whereKeys = new WeakMap<ChildPageSpec, string>();
function whereKey(spec: ChildPageSpec) {
  let key = whereKeys.get(spec);
  if (key === undefined) whereKeys.set(spec, (key = JSON.stringify(spec.where)));
  return key;
}

/** totals a page already brought, so the connection's totalCount costs nothing more */
const totals = (ctx: object) => perRequest(ctx, 'childPage:totals', () => new Map<string, Promise<number | null>>());
const totalKey = (spec: ChildPageSpec, parentKey: string) => `${spec.name}:${whereKey(spec)}:${parentKey}`;

function load<T>(ctx: Ctx, spec: ChildPageSpec, parentKey: string, take: number, count: boolean) {
  const names = [spec.table, spec.parentColumn, ...spec.orderBy.flatMap((o) => Object.keys(o))];
  if (!names.every((n) => NAME.test(n)) || !modelShape(spec.table)) return null;
  const key = `childPage:${spec.name}:${take}:${count}:${whereKey(spec)}`;
  // every parent of a page asks with the same spec: translate its filter once per request, not per parent
  const filter = perRequest(ctx, `${key}:sql`, () => whereToSql(spec.where, 't'));
  if (!filter) return null;
  const loader = requestLoader<string, Page<T>>(ctx, key, async (keys) => {
    const pages = new Map<string, Page<T>>(keys.map((k) => [k, { rows: [], total: count ? 0 : null }]));
    const run = statement(ctx.prisma, spec, take, count, filter);
    const { revive } = modelShape(spec.table)!;
    for (const { __parent, __total, __row } of await run([...keys])) {
      const page = pages.get(__parent as string)!;
      page.total = (__total as number | null) ?? page.total;
      if (__row) page.rows.push(revive(__row as Record<string, unknown>) as T);
    }
    return keys.map((k) => pages.get(k)!);
  });
  const page = loader.load(parentKey);
  if (count)
    totals(ctx).set(
      totalKey(spec, parentKey),
      page.then((p) => p.total),
    );
  return page;
}

type Ctx = { prisma: PrismaClient; request?: object | null };

/**
 * The page under `parentKey`, or null when the caller must run its own query (a cursor, an offset, a
 * backwards page, or a filter the SQL translation does not cover). Rows are whole rows of the model, as a
 * findMany without `select` returns them (read as JSON, model-rows.ts); relations the client asks for load
 * through plugin-prisma's own batched fallback. `count` brings the parent's total in the same statement.
 */
export function childPage<T>(
  ctx: Ctx,
  spec: ChildPageSpec,
  parentKey: string,
  query: ConnectionQuery,
  options: { count: boolean },
): Promise<Page<T>> | null {
  const take = query.take ?? 0;
  if (query.cursor || query.skip || take <= 0) return null;
  return load<T>(ctx, spec, parentKey, take, options.count);
}

/** the parent's total: the one its page brought, or one count statement for every parent asking */
export async function childCount(ctx: Ctx, spec: ChildPageSpec, parentKey: string): Promise<number | null> {
  const known = totals(ctx).get(totalKey(spec, parentKey));
  if (known) return known;
  const page = load(ctx, spec, parentKey, 0, true);
  return page ? (await page).total : null;
}
