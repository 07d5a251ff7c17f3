// The SQL behind RegionStats.grid: scope and period filters, and the figure groups several fields share
// (one query each per stats object, memoised for the request).
import { dailySums, partialDayFacts, perRequest, Prisma, type Context } from '../../src/kit/index.js';
import { MODULE } from './access.js';

export interface Shape {
  path: string;
  from: Date | null;
  to: Date | null;
  now: Date;
  ctx: Context;
}

export const OPEN = Prisma.raw(`('REPORTED','ACCEPTED','ESCALATED','IN_PROGRESS','RESOLVED')`);
export const n = (v: unknown) => Number(v ?? 0);
export const rate = (num: unknown, den: unknown) =>
  n(den) > 0 ? Math.round((n(num) / n(den)) * 10_000) / 10_000 : null;

/** one query per figure group and stats object (region and period), shared by the fields that read it */
const memo = <T>(s: Shape, key: string, fn: () => Promise<T>): Promise<T> => perRequest(s, key, fn);

/** `<alias>."regionPath"` inside the region and outside townships where the module is off */
export const scopeSql = (s: Shape, alias: string) => s.ctx.gate.readableSql(MODULE, s.path, `${alias}."regionPath"`);

export function periodSql(s: Shape, column: string) {
  const col = Prisma.raw(column);
  const from = s.from ? Prisma.sql`AND ${col} >= ${s.from}` : Prisma.empty;
  const to = s.to ? Prisma.sql`AND ${col} < ${s.to}` : Prisma.empty;
  return Prisma.sql`${from} ${to}`;
}

export const staffCounts = (s: Shape) =>
  memo(s, 'staff', async () => {
    const start = s.from ?? s.now;
    const end = s.to ?? s.now;
    const rows = await s.ctx.prisma.$queryRaw<{ role: string; people: bigint }[]>`
      SELECT g.role::text AS role, COUNT(DISTINCT g."personId") AS people FROM "GridStaff" g
      WHERE ${await scopeSql(s, 'g')} AND g."startDate" <= ${end} AND (g."endDate" IS NULL OR g."endDate" > ${start})
      GROUP BY g.role`;
    return Object.fromEntries(rows.map((r) => [r.role, n(r.people)])) as Record<string, number>;
  });

export const STATUSES = ['REPORTED', 'ACCEPTED', 'ESCALATED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED'];
/** the figures summed over days (DailyFigure, kept by the triggers of the daily_figures migration) */
const SUMMED = [
  ...['incidents', 'admitted', 'closed', 'solved', 'rated', 'satisfied', 'responded', 'responses', 'reworkCount'],
  ...['closedOnTime', 'closedAdmitted', 'patrols', 'hazardInspections', 'pointsIssued', 'pointsRedeemed'],
  ...STATUSES.map((st) => `status.${st}`),
].map((f) => `grid.${f}`);

/** the facts of partial days, through the triggers' own contribution functions (also for Region.ranking) */
export const gridDayFacts = partialDayFacts([
  ['Incident', 'reportedAt', 'closedAt'],
  ['Patrol', 'visitedAt'],
  ['PointsEntry', 'createdAt'],
]);

/**
 * The flows of the period in one statement: whole days from DailyFigure, the partial days at its ends from
 * the facts (the rows whose report, closing, visit or ledger moment falls in them) through the trigger's own
 * contribution functions. Keys without the `grid.` prefix.
 */
export const sums = (s: Shape) =>
  memo(s, 'sums', async () => {
    const all = await dailySums(s.ctx, {
      moduleId: MODULE,
      regionPath: s.path,
      from: s.from,
      to: s.to,
      figures: SUMMED,
      facts: gridDayFacts,
    });
    return Object.fromEntries(Object.entries(all).map(([k, v]) => [k.slice('grid.'.length), v]));
  });

/**
 * What depends on the request's clock cannot be summed ahead: incidents still unanswered past the accept
 * limit, open past the stage deadline, or unclosed past the resolution deadline. Read from the rows, only
 * when a field asks (those rows are the unfinished ones).
 */
export const pending = (s: Shape) =>
  memo(s, 'pending', async () => {
    const end = s.to && s.to < s.now ? s.to : s.now;
    const [row] = await s.ctx.prisma.$queryRaw<Record<string, bigint | null>[]>`
      SELECT
        COUNT(*) FILTER (WHERE i."respondedAt" IS NULL AND i."acceptDeadline" < ${s.now}
          ${periodSql(s, 'i."reportedAt"')}) AS late_response,
        COUNT(*) FILTER (WHERE i.status IN ${OPEN} AND i.deadline < ${s.now} ${periodSql(s, 'i."reportedAt"')})
          AS overdue,
        COUNT(*) FILTER (WHERE i."closedAt" IS NULL AND i.status <> 'REJECTED' AND i."resolveDueAt" < ${end}
          ${s.from ? Prisma.sql`AND i."resolveDueAt" >= ${s.from}` : Prisma.empty}) AS late_closure
      FROM "Incident" i
      WHERE ${await scopeSql(s, 'i')} AND (i."respondedAt" IS NULL OR i."closedAt" IS NULL OR i.status IN ${OPEN})`;
    return row!;
  });
