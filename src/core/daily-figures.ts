// 日汇总: sums of a module's figures over a period read from DailyFigure (one row per figure, community and
// Asia/Shanghai day, kept by statement triggers on the fact tables: see the daily_figures migration) and its
// monthly roll-up MonthlyFigure (same trigger). Whole months come from the roll-up, the other whole days from
// the days, the partial first and last day of the period from the facts, through the same contribution
// functions the triggers use, so a period of any length reads rows in proportion to its months and
// communities, not to its facts. One statement per call.
import { Prisma } from '../../generated/prisma/client.js';
import type { Context } from '../context.js';
import { shanghaiTime } from './figures.js';
import { queryRows } from './model-rows.js';

const DAY_MS = 86_400_000;
// Asia/Shanghai is UTC+8 all year (no daylight saving since 1991)
const SHANGHAI_MS = 8 * 3_600_000;
const isoDay = (d: Date) => new Date(d.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);
const floorDay = (d: Date) => new Date(Math.floor((d.getTime() + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS);
const ceilDay = (d: Date) => new Date(Math.ceil((d.getTime() + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS);

export interface PeriodSplit {
  /** whole days [from, to) as Asia/Shanghai dates (null: open); null when the period holds no whole day */
  days: { from: string | null; to: string | null } | null;
  /** the partial days at the ends: moments [from, to) to be read from the facts */
  edges: [Date, Date][];
}

/** a period [from, to) (null: open) as whole Asia/Shanghai days and the partial days at its ends */
export function splitByDays(from: Date | null, to: Date | null): PeriodSplit {
  const fullFrom = from && ceilDay(from);
  const fullTo = to && floorDay(to);
  if (from && to && fullFrom! >= fullTo!) return { days: null, edges: from < to ? [[from, to]] : [] };
  const edges: [Date, Date][] = [];
  if (from && from < fullFrom!) edges.push([from, fullFrom!]);
  if (to && fullTo! < to) edges.push([fullTo!, to]);
  return { days: { from: fullFrom && isoDay(fullFrom), to: fullTo && isoDay(fullTo) }, edges };
}

// Date.UTC carries month 12 into January of the next year
const nextMonth = (day: string) => new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7), 1)).toISOString().slice(0, 10);
const monthFloor = (day: string) => `${day.slice(0, 8)}01`;
const monthCeil = (day: string) => (day.endsWith('-01') ? day : nextMonth(day));

type DayRange = [from: string | null, to: string | null];

/**
 * Whole days [from, to) (Asia/Shanghai dates, null: open) as the whole calendar months inside them (`months`,
 * first days, for the monthly roll-ups) and the days before and after those (`days`), so that a period of
 * years reads one summary row per community and month plus at most two months of days.
 */
export function monthsAndDays(from: string | null, to: string | null): { months: DayRange[]; days: DayRange[] } {
  const m0 = from && monthCeil(from);
  const m1 = to && monthFloor(to);
  if (m0 && m1 && m0 >= m1) return { months: [], days: [[from, to]] };
  const days: DayRange[] = [];
  if (from && from < m0!) days.push([from, m0]);
  if (to && m1! < to) days.push([m1, to]);
  return { months: [[m0, m1]], days };
}

/** `column >= from AND column < to` over Asia/Shanghai dates, for the ends that are not open */
const dateRangeSql = (column: string, [from, to]: DayRange): Prisma.Sql[] => [
  ...(from ? [Prisma.sql`${Prisma.raw(column)} >= ${from}::date`] : []),
  ...(to ? [Prisma.sql`${Prisma.raw(column)} < ${to}::date`] : []),
];

/**
 * `SELECT <select> FROM <table> s WHERE <scope>` over the whole days of a period (splitByDays): its whole months
 * from the monthly roll-up (column "month"), the other days from the daily summary (column "day"); none when
 * the period holds no whole day.
 */
export function wholeDaySummaries(
  days: PeriodSplit['days'],
  tables: { monthly: string; daily: string },
  select: Prisma.Sql,
  scope: readonly Prisma.Sql[],
): Prisma.Sql[] {
  if (!days) return [];
  const { months, days: around } = monthsAndDays(days.from, days.to);
  const from = (table: string, column: string, r: DayRange) =>
    Prisma.sql`SELECT ${select} FROM ${Prisma.raw(`"${table}"`)} s
      WHERE ${Prisma.join([...scope, ...dateRangeSql(`s."${column}"`, r)], ' AND ')}`;
  return [...months.map((r) => from(tables.monthly, 'month', r)), ...around.map((r) => from(tables.daily, 'day', r))];
}

export interface DailySumsOptions {
  moduleId: string;
  regionPath: string;
  from: Date | null;
  to: Date | null;
  /** the DailyFigure names to sum (`<module>.<figure>`) */
  figures: readonly string[];
  /**
   * the facts of a partial day: SELECT rows of type "DailyFigureDelta" (figure, "regionPath", at, value) whose
   * moment may fall in [from, to), e.g. `SELECT d.* FROM "Patrol" p CROSS JOIN LATERAL "Patrol_figures"(p) d
   * WHERE p."visitedAt" >= from AND p."visitedAt" < to`; the moment, figure and scope are filtered here
   */
  facts: PartialDayFacts;
}

/**
 * the facts of a partial day: SELECT rows of type "DailyFigureDelta" (figure, "regionPath", at, value) whose
 * moment may fall in [from, to), through the contribution functions the summary's triggers use
 */
export type PartialDayFacts = (from: Date, to: Date) => Prisma.Sql;

/**
 * The PartialDayFacts of a module's fact tables: for each `[table, ...moments]`, the contributions
 * ("<table>_figures", the trigger's own function) of its rows with one of those moments in [from, to).
 */
export const partialDayFacts =
  (sources: readonly (readonly [table: string, ...moments: string[]])[]): PartialDayFacts =>
  (from, to) =>
    Prisma.join(
      sources.map(([table, ...moments]) => {
        const within = moments.map(
          (m) => Prisma.sql`(${Prisma.raw(`x."${m}"`)} >= ${from} AND ${Prisma.raw(`x."${m}"`)} < ${to})`,
        );
        return Prisma.sql`SELECT d.* FROM ${Prisma.raw(`"${table}" x CROSS JOIN LATERAL "${table}_figures"(x) d`)}
          WHERE ${Prisma.join(within, ' OR ')}`;
      }),
      ' UNION ALL ',
    );

/** the sum of each figure under the region (townships with the module on) over the period; 0 where none */
export async function dailySums(ctx: Context, o: DailySumsOptions): Promise<Record<string, number>> {
  const { days, edges } = splitByDays(o.from, o.to);
  const scope = [
    Prisma.sql`s."figure" = ANY(${o.figures as string[]}::text[])`,
    await ctx.gate.readableSql(o.moduleId, o.regionPath, 's."regionPath"'),
  ];
  const parts = wholeDaySummaries(
    days,
    { monthly: 'MonthlyFigure', daily: 'DailyFigure' },
    Prisma.sql`s."figure", s."value"`,
    scope,
  );
  for (const [a, b] of edges) {
    parts.push(Prisma.sql`SELECT e."figure", e."value" FROM (${o.facts(a, b)}) e
      WHERE e."figure" = ANY(${o.figures as string[]}::text[]) AND e."at" >= ${a} AND e."at" < ${b}
        AND ${await ctx.gate.readableSql(o.moduleId, o.regionPath, 'e."regionPath"')}`);
  }
  const sums = Object.fromEntries(o.figures.map((f) => [f, 0]));
  if (!parts.length) return sums;
  const rows = await queryRows<{ figure: string; value: number }>(
    ctx.prisma,
    Prisma.sql`SELECT x."figure", sum(x."value")::float8 AS "value" FROM (${Prisma.join(parts, ' UNION ALL ')}) x
     GROUP BY x."figure"`,
  );
  for (const r of rows) sums[r.figure] = r.value;
  return sums;
}

/** the Asia/Shanghai days [start, end) that a cut falls inside (a cut at midnight cuts no day) */
function cutDays(cuts: readonly Date[]): [Date, Date][] {
  const starts = new Set(cuts.filter((c) => floorDay(c).getTime() !== c.getTime()).map((c) => floorDay(c).getTime()));
  return [...starts].map((s) => [new Date(s), new Date(s + DAY_MS)]);
}

/**
 * The facts of a count figure (series, rankings) read from DailyFigure: one row per community and day ("at":
 * its midnight, Asia/Shanghai local). A ranking's period may begin or end inside a day (`cuts`): those days
 * are read from the facts with their own moments, so that a day counts on the side of the cut it happened on.
 */
export const dailyFigureFacts =
  (figure: string, partialDays: PartialDayFacts) =>
  (_now: Date, cuts: readonly Date[] = []): Prisma.Sql => {
    const days = cutDays(cuts);
    const notCut = days.length
      ? Prisma.sql` AND s."day" <> ALL(${days.map(([a]) => isoDay(a))}::date[])`
      : Prisma.empty;
    const summary = Prisma.sql`SELECT s."day"::timestamp AS "at", s."regionPath", s."value" FROM "DailyFigure" s
      WHERE s."figure" = ${figure}${notCut}`;
    const cut = days.map(
      ([a, b]) => Prisma.sql`SELECT ${shanghaiTime('e."at"')} AS "at", e."regionPath", e."value"
        FROM (${partialDays(a, b)}) e WHERE e."figure" = ${figure} AND e."at" >= ${a} AND e."at" < ${b}`,
    );
    return Prisma.join([summary, ...cut], ' UNION ALL ');
  };
