// The SQL behind RegionStats.grid: scope and period filters, and the figure groups several fields share
// (one query each per stats object, memoised for the request).
import { perRequest, Prisma, type Context } from '../../src/kit/index.js';
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

export const patrolCounts = (s: Shape) =>
  memo(s, 'patrols', async () => {
    const rows = await s.ctx.prisma.$queryRaw<{ kind: string; c: bigint }[]>`
      SELECT p.kind::text AS kind, COUNT(*) AS c FROM "Patrol" p
      WHERE ${await scopeSql(s, 'p')} ${periodSql(s, 'p."visitedAt"')} GROUP BY p.kind`;
    return Object.fromEntries(rows.map((r) => [r.kind, n(r.c)])) as Record<string, number>;
  });

/** one pass over the incidents reported in the period, plus the on-time closure cohort */
export const evaluation = (s: Shape) =>
  memo(s, 'evaluation', async () => {
    const scope = await scopeSql(s, 'i');
    const end = s.to && s.to < s.now ? s.to : s.now;
    const [row] = await s.ctx.prisma.$queryRaw<Record<string, bigint | null>[]>`
      SELECT
        COUNT(*) AS total,
        COUNT(*) FILTER (WHERE i.status <> 'REJECTED') AS admitted,
        COUNT(*) FILTER (WHERE i.status = 'CLOSED') AS closed,
        COUNT(*) FILTER (WHERE i."respondedAt" IS NOT NULL OR i."acceptDeadline" < ${s.now}) AS due_response,
        COUNT(*) FILTER (WHERE i."respondedAt" IS NOT NULL AND i."respondedAt" <= i."acceptDeadline") AS responded,
        COUNT(*) FILTER (WHERE i.status = 'CLOSED' AND i.solved) AS solved,
        COUNT(*) FILTER (WHERE i.satisfaction IS NOT NULL) AS rated,
        COUNT(*) FILTER (WHERE i.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
        COUNT(*) FILTER (WHERE i.status IN ${OPEN} AND i.deadline < ${s.now}) AS overdue,
        COALESCE(SUM(i."reworkCount"), 0) AS reworks,
        (SELECT COUNT(*) FROM "Incident" c WHERE ${await scopeSql(s, 'c')} AND c.status <> 'REJECTED' AND (
            (c."closedAt" IS NOT NULL ${periodSql(s, 'c."closedAt"')})
            OR (c."closedAt" IS NULL AND c."resolveDueAt" < ${end}
              ${s.from ? Prisma.sql`AND c."resolveDueAt" >= ${s.from}` : Prisma.empty}))
        ) AS due_closure,
        (SELECT COUNT(*) FROM "Incident" c
          WHERE ${await scopeSql(s, 'c')} AND c."closedOnTime" ${periodSql(s, 'c."closedAt"')}) AS closed_on_time
      FROM "Incident" i WHERE ${scope} ${periodSql(s, 'i."reportedAt"')}`;
    return row!;
  });
