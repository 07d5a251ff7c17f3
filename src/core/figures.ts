// 指标: figures a module declares in its manifest (`figures`), named `<module>.<name>`, so that series and
// rankings work for any of them without the kernel knowing a module. A count figure gives its facts as SQL
// rows (`at`: a moment in Asia/Shanghai local time, `regionPath`: a community path, `value`: what it adds); a
// ratio figure divides two count figures of the same module. All arithmetic happens in SQL: one statement
// per figure for every period of a series, one per figure for every region of a ranking.
import { Prisma } from '../../generated/prisma/client.js';
import type { Context } from '../context.js';
import { AppError, ValidationError } from '../errors.js';
import type { ModuleDefinition } from '../modules.js';

export interface CountFigure {
  name: string;
  /** Chinese term first, e.g. '征集数 wishes submitted' */
  title: string;
  /**
   * SELECT "at" (timestamp, Asia/Shanghai local), "regionPath" (text), "value" (numeric) FROM …; a function
   * of the request's clock where a fact depends on it (e.g. "past its deadline now"), and of the moments that
   * cut the asked periods (`cuts`) where the facts are summed by day (dailyFigureFacts)
   */
  facts: Prisma.Sql | ((now: Date, cuts: readonly Date[]) => Prisma.Sql);
  /**
   * 部门指标: the facts also give "organizationId", the department (Organization) a fact belongs to;
   * Region.ranking(childLevel: DEPARTMENT) ranks departments by it
   */
  departments?: boolean;
}

export interface RatioFigure {
  name: string;
  title: string;
  /** numerator and denominator: names of count figures of the same module; null where the denominator is 0 */
  ratio: [string, string];
}

export type FigureDefinition = CountFigure | RatioFigure;

export interface DeclaredFigure {
  metric: string;
  moduleId: string;
  title: string;
  kind: 'COUNT' | 'RATIO';
  /** a department figure (its counts, or both parts of its ratio, give "organizationId") */
  departments: boolean;
  definition: FigureDefinition;
}

export const INTERVALS = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type Interval = (typeof INTERVALS)[number];
/** the most periods one series may have (a DAY series of a year and a month) */
export const MAX_PERIODS = 400;
export const MAX_METRICS = 10;

/** every figure of the installed modules, by metric name */
export function declaredFigures(modules: readonly ModuleDefinition[]): Map<string, DeclaredFigure> {
  const all = new Map<string, DeclaredFigure>();
  for (const m of modules) {
    for (const f of m.figures ?? []) {
      const kind = 'ratio' in f ? 'RATIO' : 'COUNT';
      const parts = 'ratio' in f ? f.ratio.map((n) => m.figures!.find((g) => g.name === n)) : [f];
      if (!parts.every((g) => g && 'facts' in g))
        throw new Error(`${m.id}.${f.name}: a ratio divides two count figures of the same module`);
      all.set(`${m.id}.${f.name}`, {
        metric: `${m.id}.${f.name}`,
        moduleId: m.id,
        title: f.title,
        kind,
        departments: parts.every((g) => (g as CountFigure).departments === true),
        definition: f,
      });
    }
  }
  return all;
}

/** the numerator and denominator of a ratio figure: count figures of the same module */
export function ratioParts(all: Map<string, DeclaredFigure>, f: DeclaredFigure): [DeclaredFigure, DeclaredFigure] {
  const [n, d] = (f.definition as RatioFigure).ratio.map((name) => all.get(`${f.moduleId}.${name}`)!);
  return [n!, d!];
}

/** the figures a request may ask for: known, and of a module enabled somewhere in the viewer's schema */
export function figuresFor(ctx: Context, all: Map<string, DeclaredFigure>, metrics: readonly string[]) {
  if (metrics.length < 1 || metrics.length > MAX_METRICS)
    throw new ValidationError([{ path: 'metrics', message: `1–${MAX_METRICS} 个指标 (metrics)` }]);
  return metrics.map((name, i) => {
    const figure = all.get(name);
    if (!figure || !ctx.moduleIds.includes(figure.moduleId))
      throw new ValidationError([{ path: `metrics.${i}`, message: `未知指标 unknown metric ${name}` }]);
    return figure;
  });
}

export const local = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'Asia/Shanghai')`;
const unit = (interval: Interval) => Prisma.raw(`'${interval.toLowerCase()}'`);
/** one period as an interval (PostgreSQL has no '1 quarter' interval, only date_trunc('quarter', …)) */
const step = (interval: Interval) =>
  Prisma.raw(`interval '${interval === 'QUARTER' ? '3 months' : `1 ${interval.toLowerCase()}`}'`);

/**
 * the facts of a count figure, and the filter to `regionPath` where its module is on; `cuts`: the moments
 * where the asked periods begin and end (whole periods of a series cut no day)
 */
export async function factsSql(ctx: Context, figure: DeclaredFigure, regionPath: string, cuts: readonly Date[] = []) {
  const readable = await ctx.gate.readableSql(figure.moduleId, regionPath, 'f."regionPath"');
  const { facts } = figure.definition as CountFigure;
  return { facts: typeof facts === 'function' ? facts(ctx.clock.now(), cuts) : facts, readable };
}

/** periods of a series: whole periods covering [from, to) in the Asia/Shanghai calendar */
export async function periodStarts(ctx: Context, from: Date, to: Date, interval: Interval): Promise<Date[]> {
  if (!(from < to)) throw new ValidationError([{ path: 'to', message: 'from 应早于 to (from must be before to)' }]);
  const rows = await ctx.prisma.$queryRaw<{ start: Date }[]>`
    SELECT (s AT TIME ZONE 'Asia/Shanghai') AS "start"
      FROM generate_series(date_trunc(${unit(interval)}, ${local(from)}),
                           ${local(to)} - interval '1 microsecond', ${step(interval)}) AS s
     LIMIT ${MAX_PERIODS + 1}`;
  if (rows.length > MAX_PERIODS)
    throw new AppError('LIMIT_EXCEEDED', `一个序列最多 ${MAX_PERIODS} 个时段 (at most ${MAX_PERIODS} periods)`, {
      limit: 'periods',
      max: MAX_PERIODS,
    });
  return rows.map((r) => r.start);
}

/** one count figure per period (zero where nothing happened), in one statement */
export async function countSeries(
  ctx: Context,
  figure: DeclaredFigure,
  regionPath: string,
  from: Date,
  to: Date,
  interval: Interval,
): Promise<Map<number, number>> {
  const { facts, readable } = await factsSql(ctx, figure, regionPath);
  const rows = await ctx.prisma.$queryRaw<{ start: Date; value: number }[]>`
    SELECT (date_trunc(${unit(interval)}, f."at") AT TIME ZONE 'Asia/Shanghai') AS "start",
           sum(f."value")::float8 AS "value"
      FROM (${facts}) f
     WHERE ${readable}
       AND f."at" >= date_trunc(${unit(interval)}, ${local(from)})
       AND f."at" < date_trunc(${unit(interval)}, ${local(to)} - interval '1 microsecond')
                    + ${step(interval)}
     GROUP BY 1`;
  return new Map(rows.map((r) => [r.start.getTime(), r.value]));
}

/** one count figure for each of `regions` in [from, to) and in the period of the same length before it */
export async function countByRegion(
  ctx: Context,
  figure: DeclaredFigure,
  regions: { id: string; path: string }[],
  from: Date,
  to: Date,
): Promise<Map<string, { value: number; previous: number }>> {
  const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
  const { facts, readable } = await factsSql(ctx, figure, '/', [previousFrom, from, to]);
  const rows = await ctx.prisma.$queryRaw<{ path: string; value: number; previous: number }[]>`
    SELECT c.path, coalesce(sum(f."value") FILTER (WHERE f."at" >= ${local(from)}), 0)::float8 AS "value",
           coalesce(sum(f."value") FILTER (WHERE f."at" < ${local(from)}), 0)::float8 AS "previous"
      FROM unnest(${regions.map((r) => r.path)}::text[]) AS c(path)
      LEFT JOIN (${facts}) f
        ON f."regionPath" LIKE c.path || '%' AND ${readable}
       AND f."at" >= ${local(previousFrom)} AND f."at" < ${local(to)}
     GROUP BY c.path`;
  const byPath = new Map(rows.map((r) => [r.path, r]));
  return new Map(regions.map((r) => [r.id, byPath.get(r.path) ?? { value: 0, previous: 0 }]));
}

/** a stored moment (UTC, without a zone) as Asia/Shanghai local time: the `at` of a figure's facts */
export const shanghaiTime = (column: string) =>
  Prisma.raw(`(${column} AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')`);

export const ratioOf = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : null);
