// RegionStats.wishes(from, to): figures for every community under a region, in SQL. The cohort is the
// wishes submitted in [from, to); each figure counts how many of them reached that stage. Townships
// where the module is off are left out.
import {
  addRegionStats,
  AppError,
  organizationLoader,
  Prisma,
  type Builder,
  type Context,
  type RegionStatsShape,
} from '../../src/kit/index.js';
import { MODULE_ID } from './model.js';

interface Figures {
  submitted: number;
  published: number;
  claimed: number;
  fulfilled: number;
  confirmed: number;
  rejected: number;
  withdrawn: number;
  medianHoursToClaim: number | null;
  medianDaysToFulfil: number | null;
}

interface WishStatsShape extends Figures {
  /** the cohort filter, reused by topClaimingOrganizations */
  cohort: Prisma.Sql;
}

// the intervals the medians are taken over (fixed SQL, nested into the query text unchanged)
const HOURS_TO_CLAIM = Prisma.sql`(extract(epoch FROM w."claimedAt" - w."publishedAt") / 3600)::float8`;
const DAYS_TO_FULFIL = Prisma.sql`(extract(epoch FROM w."fulfilledAt" - w."claimedAt") / 86400)::float8`;

/** `w`.* rows of the cohort: under the region, outside switched-off townships, submitted in the period */
async function cohortSql(ctx: Context, regionPath: string, from: Date | null, to: Date | null): Promise<Prisma.Sql> {
  const parts = [
    await ctx.gate.readableSql(MODULE_ID, regionPath, 'w."regionPath"'),
    ...(from ? [Prisma.sql`w."submittedAt" >= ${from}`] : []),
    ...(to ? [Prisma.sql`w."submittedAt" < ${to}`] : []),
  ];
  return Prisma.join(parts, ' AND ');
}

async function figures(
  ctx: Context,
  stats: RegionStatsShape,
  from: Date | null,
  to: Date | null,
): Promise<WishStatsShape> {
  if (from && to && from > to) throw new AppError('VALIDATION', 'from 应早于 to (from must not be after to)');
  const cohort = await cohortSql(ctx, stats.region.path, from, to);
  const [row] = await ctx.prisma.$queryRaw<Figures[]>`
    SELECT count(*)::int AS "submitted",
           count(w."publishedAt")::int AS "published",
           count(w."claimedAt")::int AS "claimed",
           count(w."fulfilledAt")::int AS "fulfilled",
           count(w."confirmedAt")::int AS "confirmed",
           (count(*) FILTER (WHERE w."status" = 'REJECTED'))::int AS "rejected",
           (count(*) FILTER (WHERE w."status" = 'WITHDRAWN'))::int AS "withdrawn",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS_TO_CLAIM}) AS "medianHoursToClaim",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS_TO_FULFIL}) AS "medianDaysToFulfil"
      FROM "Wish" w
     WHERE ${cohort}`;
  return { ...row!, cohort };
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
        resolve: (s) => round(s.medianHoursToClaim, 1),
      }),
      medianDaysToFulfil: t.float({
        nullable: true,
        description: '兑现用时中位数 (天) from the claim to its fulfilment',
        resolve: (s) => round(s.medianDaysToFulfil, 1),
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
