// 排名: Region.ranking ranks the regions below one (COUNTY, TOWNSHIP, COMMUNITY) or, for department figures,
// the departments (DEPARTMENT: the organisations whose facts fall under the region, like the weekly 12345
// 通报 of 按期办结率/满意率 per unit) by one figure, with the period of the same length before. One SQL
// statement per count figure for all the children (a ratio: its two counts).
import type { Context } from '../context.js';
import { ValidationError } from '../errors.js';
import { countByRegion, factsSql, local, ratioOf, ratioParts, type DeclaredFigure } from './figures.js';

export const LEVELS = ['COUNTY', 'TOWNSHIP', 'COMMUNITY', 'DEPARTMENT'] as const;
export type Level = (typeof LEVELS)[number];
export const MAX_RANKED = 200;

export interface Ranked {
  /** the region ranked, or null for a department */
  region: { id: string; name: string; code: string; path: string } | null;
  /** the department (Organization) ranked, or null for a region */
  department: { id: string; name: string } | null;
  value: number | null;
  previous: number | null;
}
export interface RankingRow extends Ranked {
  rank: number;
}

type Counts = Map<string, { value: number; previous: number; name?: string }>;

/** a department figure per organisation under `path`, in [from, to) and the period before, in one statement */
async function countByDepartment(ctx: Context, figure: DeclaredFigure, path: string, from: Date, to: Date) {
  const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
  const { facts, readable } = await factsSql(ctx, figure, path, [previousFrom, from, to]);
  const rows = await ctx.prisma.$queryRaw<{ id: string; name: string; value: number; previous: number }[]>`
    SELECT o."id", o."name",
           coalesce(sum(f."value") FILTER (WHERE f."at" >= ${local(from)}), 0)::float8 AS "value",
           coalesce(sum(f."value") FILTER (WHERE f."at" < ${local(from)}), 0)::float8 AS "previous"
      FROM (${facts}) f JOIN "Organization" o ON o."id" = f."organizationId"
     WHERE ${readable} AND f."at" >= ${local(previousFrom)} AND f."at" < ${local(to)}
     GROUP BY o."id", o."name"
     LIMIT 1000`;
  return new Map(rows.map((r) => [r.id, r])) as Counts;
}

/** the children at `level` below `path` where the figure's module is on (counties: always listed) */
async function childRegions(ctx: Context, figure: DeclaredFigure, path: string, level: Level) {
  const children = await ctx.prisma.region.findMany({
    where: { level: level as never, path: { startsWith: path } },
    select: { id: true, name: true, code: true, path: true },
    orderBy: { code: 'asc' },
    take: 1000,
  });
  const shown = [];
  for (const c of children)
    if (level === 'COUNTY' || (await ctx.gate.isEnabledAt(figure.moduleId, c.path))) shown.push(c);
  return shown;
}

/** every child with its value and previous value, unranked */
export async function rankedValues(
  ctx: Context,
  all: Map<string, DeclaredFigure>,
  figure: DeclaredFigure,
  path: string,
  level: Level,
  from: Date,
  to: Date,
): Promise<Ranked[]> {
  if (!(from < to)) throw new ValidationError([{ path: 'to', message: 'from 应早于 to (from must be before to)' }]);
  if (level === 'DEPARTMENT' && !figure.departments)
    throw new ValidationError([
      { path: 'childLevel', message: `${figure.metric} 不是部门指标 (DEPARTMENT ranks department figures only)` },
    ]);
  const parts = figure.kind === 'COUNT' ? [figure] : ratioParts(all, figure);
  if (level === 'DEPARTMENT') {
    const counts = await Promise.all(parts.map((p) => countByDepartment(ctx, p, path, from, to)));
    const ids = new Map([...counts.flatMap((c) => [...c.entries()])].map(([id, r]) => [id, r.name!]));
    return [...ids].map(([id, name]) => ({ region: null, department: { id, name }, ...combine(counts, id) }));
  }
  const regions = await childRegions(ctx, figure, path, level);
  const counts = await Promise.all(parts.map((p) => countByRegion(ctx, p, regions, from, to)));
  return regions.map((r) => ({ region: r, department: null, ...combine(counts, r.id) }));
}

/** a count, or the ratio of two counts, for one child */
function combine(counts: Counts[], id: string) {
  const [a, b] = counts.map((c) => c.get(id) ?? { value: 0, previous: 0 });
  if (counts.length === 1) return { value: a!.value, previous: a!.previous };
  return { value: ratioOf(a!.value, b!.value), previous: ratioOf(a!.previous, b!.previous) };
}

/** sorted by value (nulls last, then by name), the first `first`; equal values share a rank */
export function rank(rows: Ranked[], order: 'ASC' | 'DESC', first: number): RankingRow[] {
  const sign = order === 'ASC' ? 1 : -1;
  const name = (r: Ranked) => r.region?.code ?? r.department!.name;
  const sorted = [...rows].sort((a, b) =>
    a.value === b.value
      ? name(a).localeCompare(name(b))
      : a.value == null
        ? 1
        : b.value == null
          ? -1
          : sign * (a.value - b.value),
  );
  return sorted.slice(0, first).map((r) => ({ ...r, rank: 1 + sorted.findIndex((x) => x.value === r.value) }));
}
