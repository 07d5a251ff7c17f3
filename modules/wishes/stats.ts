// RegionStats.wishes(from, to): figures for every community under a region, in SQL. The cohort is the
// wishes submitted in [from, to); each figure counts how many of them reached that stage. Townships
// where the module is off are left out.
import {
  addRegionStats,
  AppError,
  organizationLoader,
  Prisma,
  queryRows,
  splitByDays,
  wholeDaySummaries,
  type Builder,
  type Context,
  type RegionStatsShape,
} from '../../src/kit/index.js';
import { cohortMedians, type Medians } from './medians.js';
import { MODULE_ID } from './model.js';

interface Counts {
  submitted: number;
  published: number;
  claimed: number;
  fulfilled: number;
  confirmed: number;
  rejected: number;
  withdrawn: number;
}

interface WishStatsShape extends Counts {
  /** the cohort filter over Wish w, reused by the medians and topClaimingOrganizations */
  cohort: Prisma.Sql;
  /** computed once, and only when a median is asked for (medians.ts) */
  medians: () => Promise<Medians>;
}

/** `w`.* rows of the cohort: under the region, outside switched-off townships, submitted in the period */
async function cohortSql(ctx: Context, regionPath: string, from: Date | null, to: Date | null): Promise<Prisma.Sql> {
  const parts = [
    await ctx.gate.readableSql(MODULE_ID, regionPath, 'w."regionPath"'),
    ...(from ? [Prisma.sql`w."submittedAt" >= ${from}`] : []),
    ...(to ? [Prisma.sql`w."submittedAt" < ${to}`] : []),
  ];
  return Prisma.join(parts, ' AND ');
}

const SUMMED = Prisma.sql`sum(s."submitted") AS submitted, sum(s."published") AS published,
        sum(s."claimed") AS claimed, sum(s."fulfilled") AS fulfilled, sum(s."confirmed") AS confirmed,
        sum(s."rejected") AS rejected, sum(s."withdrawn") AS withdrawn`;

/**
 * The counts: whole months (Asia/Shanghai) of the period from WishMonthlyFigures, the other whole days from
 * WishDailyFigures (both maintained with every write), the partial days at its ends from Wish itself. Exact, and
 * the rows read grow with the months and the communities, not with the wishes or the days.
 */
async function counts(ctx: Context, regionPath: string, from: Date | null, to: Date | null): Promise<Counts> {
  const { days, edges } = splitByDays(from, to);
  const cohorts = await Promise.all(edges.map(([a, b]) => cohortSql(ctx, regionPath, a, b)));
  const facts = cohorts.map(
    (cohort) => Prisma.sql`SELECT count(*) AS submitted, count(w."publishedAt") AS published,
        count(w."claimedAt") AS claimed, count(w."fulfilledAt") AS fulfilled, count(w."confirmedAt") AS confirmed,
        count(*) FILTER (WHERE w."status" = 'REJECTED') AS rejected,
        count(*) FILTER (WHERE w."status" = 'WITHDRAWN') AS withdrawn
      FROM "Wish" w WHERE ${cohort}`,
  );
  const summaries = wholeDaySummaries(days, { monthly: 'WishMonthlyFigures', daily: 'WishDailyFigures' }, SUMMED, [
    await ctx.gate.readableSql(MODULE_ID, regionPath, 's."regionPath"'),
  ]);
  const parts = [...summaries, ...facts];
  // an empty period (from = to): nothing was submitted in it
  if (!parts.length)
    return { submitted: 0, published: 0, claimed: 0, fulfilled: 0, confirmed: 0, rejected: 0, withdrawn: 0 };
  const [row] = await queryRows<Counts>(
    ctx.prisma,
    Prisma.sql`
    SELECT coalesce(sum(x.submitted), 0)::int AS "submitted", coalesce(sum(x.published), 0)::int AS "published",
           coalesce(sum(x.claimed), 0)::int AS "claimed", coalesce(sum(x.fulfilled), 0)::int AS "fulfilled",
           coalesce(sum(x.confirmed), 0)::int AS "confirmed", coalesce(sum(x.rejected), 0)::int AS "rejected",
           coalesce(sum(x.withdrawn), 0)::int AS "withdrawn"
      FROM (${Prisma.join(parts, ' UNION ALL ')}) x`,
  );
  return row!;
}

async function figures(
  ctx: Context,
  stats: RegionStatsShape,
  from: Date | null,
  to: Date | null,
): Promise<WishStatsShape> {
  if (from && to && from > to) throw new AppError('VALIDATION', 'from 应早于 to (from must not be after to)');
  const cohort = await cohortSql(ctx, stats.region.path, from, to);
  let medians: Promise<Medians> | undefined;
  return {
    ...(await counts(ctx, stats.region.path, from, to)),
    cohort,
    medians: () =>
      (medians ??= cohortMedians(ctx, {
        regionPath: stats.region.path,
        from,
        to,
        sql: (a, b) => cohortSql(ctx, stats.region.path, a, b),
      })),
  };
}

const round = (n: number | null, digits: number) => (n == null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

export function registerStats(builder: Builder) {
  const OrganizationCount = builder
    .objectRef<{ organizationId: string; name: string; count: number }>('WishOrganizationCount')
    .implement({
      description: '认领单位排行 an organisation and how many wishes its members claimed for it',
      fields: (t) => ({
        name: t.exposeString('name', { description: '单位名称' }),
        count: t.exposeInt('count', { description: '认领数' }),
        organization: t.prismaField({
          type: 'Organization',
          nullable: true,
          resolve: (_q, o, _a, ctx) => organizationLoader(ctx).load(o.organizationId),
        }),
      }),
    });

  const WishStats = builder.objectRef<WishStatsShape>('WishStats').implement({
    description: '微心愿统计 for the wishes submitted in the period, rolled up from every community below the region',
    fields: (t) => ({
      submitted: t.exposeInt('submitted', { description: '征集数 wishes submitted in the period' }),
      published: t.exposeInt('published', { description: '发布数 of those, published' }),
      claimed: t.exposeInt('claimed', {
        description: '认领数 of those, with a standing claim (released or expired claims do not count)',
      }),
      fulfilled: t.exposeInt('fulfilled', { description: '兑现数 of those, fulfilled' }),
      confirmed: t.exposeInt('confirmed', { description: '确认数 of those, acknowledged' }),
      rejected: t.exposeInt('rejected', { description: '未通过数' }),
      withdrawn: t.exposeInt('withdrawn', { description: '撤回数' }),
      claimRate: t.float({
        nullable: true,
        description: '认领率 claimed / published (null when nothing was published)',
        resolve: (s) => (s.published ? round(s.claimed / s.published, 4) : null),
      }),
      medianHoursToClaim: t.float({
        nullable: true,
        description: '认领用时中位数 (小时) from publication to the standing claim',
        resolve: async (s) => round((await s.medians()).medianHoursToClaim, 1),
      }),
      medianDaysToFulfil: t.float({
        nullable: true,
        description: '兑现用时中位数 (天) from the claim to its fulfilment',
        resolve: async (s) => round((await s.medians()).medianDaysToFulfil, 1),
      }),
      topClaimingOrganizations: t.field({
        maxItems: 50,
        type: [OrganizationCount],
        description: '认领单位排行 organisations whose members claimed the most of these wishes',
        args: { first: t.arg.int({ required: false, defaultValue: 5, description: '1–20' }) },
        resolve: async (s, args, ctx) => {
          const limit = Math.min(Math.max(args.first ?? 5, 1), 20);
          return ctx.prisma.$queryRaw<{ organizationId: string; name: string; count: number }[]>`
            SELECT o."id" AS "organizationId", o."name", count(*)::int AS "count"
              FROM "Wish" w JOIN "Organization" o ON o."id" = w."organizationId"
             WHERE ${s.cohort} AND w."claimedAt" IS NOT NULL
             GROUP BY o."id", o."name"
             ORDER BY count(*) DESC, o."name"
             LIMIT ${limit}`;
        },
      }),
    }),
  });

  addRegionStats(builder, 'wishes', {
    type: WishStats,
    description: '微心愿 figures, by submission time',
    resolve: (period, ctx) => figures(ctx, period, period.from, period.to),
  });
}
