// RegionStats.elderCare: aggregates in SQL (COUNT … FILTER; the flows from DailyFigure), only townships where
// elder-care is on.
// Aggregates carry no personal information: analysts may read them.
import {
  addRegionStats,
  dailySums,
  partialDayFacts,
  Prisma,
  type Builder,
  type Context,
  type RegionStatsShape,
} from '../../src/kit/index.js';
import { LEVEL_ORDER, monthStart, MODULE } from './constants.js';
import type { Enums } from './enums.js';

/** a timestamp parameter compared with TIMESTAMP(3) columns (stored as UTC) whatever the session time zone */
const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamp`;

/** "<alias>.regionPath" under the region and outside townships where the module is off */
const scopeSql = (ctx: Context, scope: string, alias: string) =>
  ctx.gate.readableSql(MODULE, scope, `${alias}."regionPath"`);

export interface ElderCareStats {
  dayCareCenters: number;
  mealPoints: number;
  rehabStations: number;
  eldersServed: number;
  coveredElders: number;
  needsCollected: number;
  needsDone: number;
  mealsServed: number;
  mealsDelivered: number;
  visitsDue: number;
  visitsDone: number;
  visitedThisPeriod: number;
  monthlyVisitRate: number | null;
  capabilityLevels: { level: string; count: number }[];
}

const FLOWS = ['needsCollected', 'needsDone', 'mealsServed', 'mealsDelivered', 'visitsDone'].map(
  (f) => `elder-care.${f}`,
);

/** the facts of partial days, through the triggers' own contribution functions (also for Region.ranking) */
export const elderCareDayFacts = partialDayFacts([
  ['ElderNeed', 'submittedAt', 'doneAt'],
  ['MealBooking', 'servedAt'],
  ['CareVisit', 'visitedAt'],
]);

/**
 * The flows (needs, meals, visits) in one statement: whole days from DailyFigure (kept by triggers with the
 * facts), the partial days at the ends of the period from the facts through the same contribution functions.
 */
const flows = (ctx: Context, path: string, from: Date | null, to: Date | null) =>
  dailySums(ctx, {
    moduleId: MODULE,
    regionPath: path,
    from,
    to,
    figures: FLOWS,
    facts: elderCareDayFacts,
  });

export async function elderCareStats(ctx: Context, s: RegionStatsShape): Promise<ElderCareStats> {
  const path = s.region.path;
  const { from, to } = s;
  const now = ctx.clock.now();
  const asOf = to && to < now ? to : now;
  // 月探访率 covers the period given, or the current month (Beijing time) to date
  const vFrom = from ?? monthStart(asOf);
  const vTo = to ?? now;
  const [f, r, n, levels] = await Promise.all([
    ctx.prisma.$queryRaw<{ day: bigint; meal: bigint; rehab: bigint }[]>`
      SELECT COUNT(*) FILTER (WHERE f."kind" = 'DAY_CARE_CENTER') AS day,
             COUNT(*) FILTER (WHERE f."kind" = 'MEAL_POINT') AS meal,
             COUNT(*) FILTER (WHERE f."kind" = 'REHAB_STATION') AS rehab
      FROM "CareFacility" f WHERE f."active" AND ${await scopeSql(ctx, path, 'f')}`,
    ctx.prisma.$queryRaw<{ served: bigint; covered: bigint; due: bigint; visited: bigint }[]>`
      SELECT COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "CareEnrollment" e WHERE e."recipientId" = r."id"
               AND ${to ? Prisma.sql`e."enrolledAt" < ${ts(to)}` : Prisma.sql`TRUE`}
               AND (e."endedAt" IS NULL
                    ${from ? Prisma.sql`OR e."endedAt" >= ${ts(from)}` : Prisma.sql`OR TRUE`}))) AS served,
             COUNT(*) FILTER (WHERE c.covered) AS covered,
             COUNT(*) FILTER (WHERE c.covered AND r."nextVisitDueAt" <= ${ts(asOf)}) AS due,
             COUNT(*) FILTER (WHERE c.covered AND EXISTS (SELECT 1 FROM "CareVisit" v WHERE v."recipientId" = r."id"
               AND v."visitedAt" >= ${ts(vFrom)} AND v."visitedAt" < ${ts(vTo)})) AS visited
      FROM "CareRecipient" r
      CROSS JOIN LATERAL (SELECT r."visitTier" IS NOT NULL AND EXISTS (SELECT 1 FROM "CareEnrollment" e
               WHERE e."recipientId" = r."id" AND e."status" = 'ACTIVE') AS covered) c
      WHERE ${await scopeSql(ctx, path, 'r')}`,
    flows(ctx, path, from, to),
    ctx.prisma.$queryRaw<{ level: string; count: bigint }[]>`
      SELECT r."currentLevel"::text AS level, COUNT(*) AS count FROM "CareRecipient" r
      WHERE r."currentLevel" IS NOT NULL AND r."assessmentValidUntil" > ${ts(asOf)}
        AND ${await scopeSql(ctx, path, 'r')}
      GROUP BY 1`,
  ]);
  const covered = Number(r[0]!.covered);
  const visited = Number(r[0]!.visited);
  const byLevel = new Map(levels.map((l) => [l.level, Number(l.count)]));
  return {
    dayCareCenters: Number(f[0]!.day),
    mealPoints: Number(f[0]!.meal),
    rehabStations: Number(f[0]!.rehab),
    eldersServed: Number(r[0]!.served),
    coveredElders: covered,
    needsCollected: n['elder-care.needsCollected']!,
    needsDone: n['elder-care.needsDone']!,
    mealsServed: n['elder-care.mealsServed']!,
    mealsDelivered: n['elder-care.mealsDelivered']!,
    visitsDue: Number(r[0]!.due),
    visitsDone: n['elder-care.visitsDone']!,
    visitedThisPeriod: visited,
    monthlyVisitRate: covered ? Math.round((visited / covered) * 10_000) / 10_000 : null,
    capabilityLevels: LEVEL_ORDER.map((level) => ({ level, count: byLevel.get(level) ?? 0 })),
  };
}

export function registerStats(builder: Builder, E: Enums) {
  const LevelCount = builder.objectRef<{ level: string; count: number }>('CapabilityLevelCount').implement({
    description: '各能力等级人数 (aggregate)',
    fields: (t) => ({
      level: t.field({ type: E.Level, resolve: (l) => l.level as never }),
      count: t.exposeInt('count'),
    }),
  });
  const int = (t: any, key: keyof ElderCareStats, description: string) =>
    t.int({ description, resolve: (s: ElderCareStats) => s[key] });
  const Stats = builder.objectRef<ElderCareStats>('ElderCareStats').implement({
    description: '康养服务统计 (aggregates only; facilities are counted as they are now, flows within from/to)',
    fields: (t) => ({
      dayCareCenters: int(t, 'dayCareCenters', '日间照料中心数'),
      mealPoints: int(t, 'mealPoints', '助餐服务点数'),
      rehabStations: int(t, 'rehabStations', '残疾人社区康复服务站数'),
      eldersServed: int(t, 'eldersServed', '服务老人数 recipients with an enrolment during the period'),
      coveredElders: int(t, 'coveredElders', '探访关爱对象数 covered elders (with a visit tier) now'),
      needsCollected: int(t, 'needsCollected', '收集涉老服务需求数 needs submitted in the period'),
      needsDone: int(t, 'needsDone', '办结需求数 needs done in the period'),
      mealsServed: int(t, 'mealsServed', '堂食份数 meals served to eat in'),
      mealsDelivered: int(t, 'mealsDelivered', '送餐份数 meals delivered'),
      visitsDue: int(t, 'visitsDue', '应访/逾期人数 covered elders whose visit is due or late (at `to`, or now)'),
      visitsDone: int(t, 'visitsDone', '探访次数 visits made in the period'),
      visitedElders: int(
        t,
        'visitedThisPeriod',
        '已探访对象数 covered elders visited at least once (period, or this month)',
      ),
      monthlyVisitRate: t.float({
        nullable: true,
        description:
          '月探访率 visited covered elders ÷ covered elders, 0–1, for the period given or the current month (target 1.0)',
        resolve: (s) => s.monthlyVisitRate,
      }),
      capabilityLevels: t.field({
        maxItems: 10,
        type: [LevelCount],
        description: '能力等级分布 latest valid assessments by level',
        resolve: (s) => s.capabilityLevels,
      }),
    }),
  });

  addRegionStats(builder, 'elderCare', {
    type: Stats,
    description: '康养服务 figures for the region (townships with elder-care on)',
    resolve: (period, ctx) => elderCareStats(ctx, period),
  });
}
