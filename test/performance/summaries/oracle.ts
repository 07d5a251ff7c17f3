// The oracle of the daily summaries: every DailyFigure written independently of the trigger functions, as
// the facts it sums (the rules of RegionStats before the summaries: figure, fact table, the moment it counts
// at, what it adds, which rows). Used to compare DailyFigure row for row and RegionStats for any period.
import { Prisma } from '../../../generated/prisma/client.js';
import type { TestApp } from '../../helpers.js';

interface Fact {
  figure: string;
  from: string;
  at: string;
  value?: string;
  where?: string;
}

const INCIDENT_STATUSES = ['REPORTED', 'ACCEPTED', 'ESCALATED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED'];
const incident = (figure: string, where: string, value = '1'): Fact => ({
  figure: `grid.${figure}`,
  from: '"Incident" x',
  at: 'x."reportedAt"',
  value,
  where,
});
const SATISFIED = `x."satisfaction" IN ('SATISFIED', 'BASICALLY_SATISFIED')`;
const DONE_ORDER = { from: '"VolunteerServiceOrder" x', at: 'x."completedAt"', where: `x."status" = 'COMPLETED'` };
const MEALS = { from: '"MealBooking" x', at: 'x."servedAt"' };

export const FACTS: Fact[] = [
  incident('incidents', 'TRUE'),
  ...INCIDENT_STATUSES.map((s) => incident(`status.${s}`, `x."status" = '${s}'`)),
  incident('admitted', `x."status" <> 'REJECTED'`),
  incident('closed', `x."status" = 'CLOSED'`),
  incident('solved', `x."status" = 'CLOSED' AND x."solved"`),
  incident('rated', `x."satisfaction" IS NOT NULL`),
  incident('satisfied', SATISFIED),
  incident('responded', `x."respondedAt" <= x."acceptDeadline"`),
  incident('responses', `x."respondedAt" IS NOT NULL`),
  incident('reworkCount', 'TRUE', 'x."reworkCount"'),
  { figure: 'grid.closedOnTime', from: '"Incident" x', at: 'x."closedAt"', where: 'x."closedOnTime"' },
  { figure: 'grid.closedAdmitted', from: '"Incident" x', at: 'x."closedAt"', where: `x."status" <> 'REJECTED'` },
  { figure: 'grid.patrols', from: '"Patrol" x', at: 'x."visitedAt"' },
  {
    figure: 'grid.hazardInspections',
    from: '"Patrol" x',
    at: 'x."visitedAt"',
    where: `x."kind" = 'HAZARD_INSPECTION'`,
  },
  {
    figure: 'grid.pointsIssued',
    from: '"PointsEntry" x',
    at: 'x."createdAt"',
    value: 'x."points"',
    where: `x."kind" = 'EARN'`,
  },
  {
    figure: 'grid.pointsRedeemed',
    from: '"PointsEntry" x',
    at: 'x."createdAt"',
    value: '-x."points"',
    where: `x."kind" = 'REDEEM'`,
  },
  { figure: 'volunteering.volunteers', from: '"Volunteer" x', at: 'x."registeredAt"' },
  {
    figure: 'volunteering.activities',
    from: '"VolunteerActivity" x',
    at: 'x."startsAt"',
    where: `x."status" IN ('RECRUITING', 'ONGOING', 'COMPLETED')`,
  },
  {
    figure: 'volunteering.completedActivities',
    from: '"VolunteerActivity" x',
    at: 'x."startsAt"',
    where: `x."status" = 'COMPLETED'`,
  },
  {
    figure: 'volunteering.enrollments',
    from: '"VolunteerEnrollment" x',
    at: 'x."signedUpAt"',
    where: `x."status" <> 'CANCELLED'`,
  },
  {
    figure: 'volunteering.verifiedHours',
    from: '"VolunteerServiceRecord" x',
    at: 'x."startsAt"',
    value: 'x."hours"',
    where: `x."kind" = 'SERVICE'`,
  },
  {
    figure: 'volunteering.serviceOrders',
    from: '"VolunteerServiceOrder" x',
    at: 'x."dispatchedAt"',
    where: `x."status" <> 'CANCELLED'`,
  },
  { figure: 'volunteering.completedServiceOrders', ...DONE_ORDER },
  ...['householdsVisited', 'suggestions', 'disputesResolved', 'mattersDone'].map((f) => ({
    figure: `volunteering.${f}`,
    ...DONE_ORDER,
    value: `x."${f}"`,
  })),
  { figure: 'volunteering.certificates', from: '"VolunteerCertificate" x', at: 'x."issuedAt"' },
  { figure: 'elder-care.needsCollected', from: '"ElderNeed" x', at: 'x."submittedAt"' },
  { figure: 'elder-care.needsDone', from: '"ElderNeed" x', at: 'x."doneAt"', where: `x."status" = 'DONE'` },
  { figure: 'elder-care.mealsServed', ...MEALS, where: `x."status" = 'SERVED' AND NOT x."delivery"` },
  { figure: 'elder-care.mealsDelivered', ...MEALS, where: `x."status" = 'SERVED' AND x."delivery"` },
  { figure: 'elder-care.visitsDone', from: '"CareVisit" x', at: 'x."visitedAt"' },
];

const factsSql = () =>
  FACTS.map(
    (f) => `SELECT '${f.figure}' AS figure, x."regionPath", ${f.at} AS at, (${f.value ?? '1'})::numeric AS value
      FROM ${f.from} WHERE ${f.at} IS NOT NULL AND (${f.where ?? 'TRUE'})`,
  ).join(' UNION ALL ');

export type Row = { figure: string; regionPath: string; day: string; value: number };

/** DailyFigure (`unit` month: MonthlyFigure) as it is, and as the facts say it should be (non-zero, key order) */
export async function summaryAndFacts(
  t: TestApp,
  unit: 'day' | 'month' = 'day',
): Promise<{ summary: Row[]; facts: Row[] }> {
  const local = `(f.at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')`;
  const [summary, facts] = await Promise.all([
    t.db.prisma.$queryRawUnsafe<Row[]>(
      `SELECT "figure", "regionPath", "${unit}"::text AS day, "value"::float8 AS value
         FROM "${unit === 'day' ? 'DailyFigure' : 'MonthlyFigure'}" WHERE "value" <> 0 ORDER BY 1, 2, 3`,
    ),
    t.db.prisma.$queryRawUnsafe<Row[]>(
      `SELECT f.figure, f."regionPath", date_trunc('${unit}', ${local})::date::text AS day,
              sum(f.value)::float8 AS value
         FROM (${factsSql()}) f GROUP BY 1, 2, 3 HAVING sum(f.value) <> 0 ORDER BY 1, 2, 3`,
    ),
  ]);
  return { summary, facts };
}

/** each figure summed from the facts under `path` in [from, to), leaving out the paths in `off` */
export async function counted(
  t: TestApp,
  path: string,
  from: Date | null,
  to: Date | null,
  off: string[] = [],
): Promise<Record<string, number>> {
  const rows = await t.db.prisma.$queryRaw<{ figure: string; value: number }[]>`
    SELECT f.figure, sum(f.value)::float8 AS value FROM (${Prisma.raw(factsSql())}) f
     WHERE f."regionPath" LIKE ${`${path}%`}
       ${from ? Prisma.sql`AND f.at >= ${from}` : Prisma.empty} ${to ? Prisma.sql`AND f.at < ${to}` : Prisma.empty}
       ${off.length ? Prisma.sql`AND NOT f."regionPath" LIKE ANY(${off.map((p) => `${p}%`)}::text[])` : Prisma.empty}
     GROUP BY 1`;
  const all = Object.fromEntries(FACTS.map((f) => [f.figure, 0]));
  for (const r of rows) all[r.figure] = r.value;
  return all;
}
