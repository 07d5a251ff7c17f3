// RegionStats.consultation(from, to): figures for every community under a region, in SQL (one statement
// for the totals, one for the categories). Townships where the module is off are left out. Counts only:
// this is what analysts get of mediation.
import { addRegionStats, Prisma, type Builder, type Context, type RegionStatsShape } from '../../src/kit/index.js';
import { MODULE_ID, type Enums } from './model.js';

interface Figures {
  venues: number;
  consultations: number;
  problemsSolved: number;
  disputesAccepted: number;
  disputesResolved: number;
  disputesClosed: number;
  decisions: number;
  decisionsCompleted: number;
  drills: number;
  questionsAnswered: number;
  villagesWithRenewedBoards: number;
}
interface Shape extends Figures {
  period: RegionStatsShape;
}

const RESOLVED = Prisma.sql`('AGREED', 'FOLLOWED_UP')`;
const CLOSED = Prisma.sql`('AGREED', 'FOLLOWED_UP', 'FAILED', 'REFERRED')`;

/** `alias."column"` inside [from, to) */
function inPeriod(alias: string, column: string, from: Date | null, to: Date | null) {
  const col = Prisma.raw(`${alias}."${column}"`);
  return Prisma.join(
    [
      Prisma.sql`${col} IS NOT NULL`,
      ...(from ? [Prisma.sql`${col} >= ${from}`] : []),
      ...(to ? [Prisma.sql`${col} < ${to}`] : []),
    ],
    ' AND ',
  );
}

async function figures(ctx: Context, period: RegionStatsShape): Promise<Shape> {
  const { from, to } = period;
  const on = (alias: string) => ctx.gate.readableSql(MODULE_ID, period.region.path, `${alias}."regionPath"`);
  const [v, c, o, m, d, n] = await Promise.all(['v', 'c', 'o', 'm', 'd', 'n'].map(on));
  const [row] = await ctx.prisma.$queryRaw<Figures[]>`
    SELECT
      (SELECT count(*)::int FROM "ConsultationVenue" v WHERE ${v}) AS "venues",
      (SELECT count(*)::int FROM "Consultation" c
        WHERE ${c} AND ${inPeriod('c', 'heldAt', from, to)}) AS "consultations",
      (SELECT count(*)::int FROM "ConsultationOutcome" o
        WHERE ${o} AND o."status" = 'DONE' AND ${inPeriod('o', 'doneAt', from, to)}) AS "problemsSolved",
      (SELECT count(*)::int FROM "MediationCase" m
        WHERE ${m} AND ${inPeriod('m', 'acceptedAt', from, to)}) AS "disputesAccepted",
      (SELECT count(*)::int FROM "MediationCase" m
        WHERE ${m} AND ${inPeriod('m', 'acceptedAt', from, to)} AND m."status"::text IN ${RESOLVED})
        AS "disputesResolved",
      (SELECT count(*)::int FROM "MediationCase" m
        WHERE ${m} AND ${inPeriod('m', 'acceptedAt', from, to)} AND m."status"::text IN ${CLOSED}) AS "disputesClosed",
      (SELECT count(*)::int FROM "VillageDecision" d
        WHERE ${d} AND NOT d."drill" AND ${inPeriod('d', 'proposedAt', from, to)}) AS "decisions",
      (SELECT count(*)::int FROM "VillageDecision" d
        WHERE ${d} AND NOT d."drill" AND ${inPeriod('d', 'proposedAt', from, to)} AND d."status" = 'RESULT_PUBLISHED')
        AS "decisionsCompleted",
      (SELECT count(*)::int FROM "VillageDecision" d
        WHERE ${d} AND d."drill" AND ${inPeriod('d', 'proposedAt', from, to)})
        AS "drills",
      (SELECT coalesce(sum(d."questionsAnswered"), 0)::int FROM "VillageDecision" d
        WHERE ${d} AND d."drill" AND ${inPeriod('d', 'proposedAt', from, to)}) AS "questionsAnswered",
      (SELECT count(DISTINCT n."communityId")::int FROM "NoticeBoardItem" n
        WHERE ${n} AND ${inPeriod('n', 'postedAt', from, to)}) AS "villagesWithRenewedBoards"`;
  return { ...row!, period };
}

interface CategoryRow {
  category: string;
  accepted: number;
  resolved: number;
}

async function byCategory(ctx: Context, period: RegionStatsShape): Promise<CategoryRow[]> {
  const m = await ctx.gate.readableSql(MODULE_ID, period.region.path, 'm."regionPath"');
  return ctx.prisma.$queryRaw<CategoryRow[]>`
    SELECT m."category"::text AS "category", count(*)::int AS "accepted",
           (count(*) FILTER (WHERE m."status"::text IN ${RESOLVED}))::int AS "resolved"
      FROM "MediationCase" m
     WHERE ${m} AND ${inPeriod('m', 'acceptedAt', period.from, period.to)}
     GROUP BY m."category" ORDER BY m."category"`;
}

async function byStatus(ctx: Context, period: RegionStatsShape): Promise<{ status: string; count: number }[]> {
  const m = await ctx.gate.readableSql(MODULE_ID, period.region.path, 'm."regionPath"');
  return ctx.prisma.$queryRaw`
    SELECT m."status"::text AS "status", count(*)::int AS "count"
      FROM "MediationCase" m
     WHERE ${m} AND ${inPeriod('m', 'acceptedAt', period.from, period.to)}
     GROUP BY m."status" ORDER BY m."status"`;
}

export function registerStats(builder: Builder, enums: Enums) {
  const StatusCount = builder.objectRef<{ status: string; count: number }>('MediationStatusCount').implement({
    description: '按结果的纠纷数 disputes accepted in the period, by where they stand now (counts only)',
    fields: (t) => ({
      status: t.field({ type: enums.MediationStatus, resolve: (r) => r.status as never }),
      count: t.exposeInt('count', { description: '件数' }),
    }),
  });
  const Category = builder.objectRef<CategoryRow>('MediationCategoryCount').implement({
    description: '按类别的纠纷数 disputes of one category: accepted and resolved (counts only)',
    fields: (t) => ({
      category: t.field({ type: enums.MediationCategory, resolve: (r) => r.category as never }),
      accepted: t.exposeInt('accepted', { description: '受理' }),
      resolved: t.exposeInt('resolved', { description: '调解成功' }),
    }),
  });
  const Stats = builder.objectRef<Shape>('ConsultationStats').implement({
    description: '议事协商统计 rolled up from every community below the region',
    fields: (t) => ({
      venues: t.exposeInt('venues', { description: '议事点 venues (all, not only of the period)' }),
      consultations: t.exposeInt('consultations', { description: '议事会 consultations held in the period' }),
      problemsSolved: t.exposeInt('problemsSolved', {
        description: '解决群众急难愁盼问题 outcomes done in the period',
      }),
      disputesAccepted: t.exposeInt('disputesAccepted', { description: '受理纠纷 cases accepted in the period' }),
      disputesResolved: t.exposeInt('disputesResolved', { description: '化解纠纷 of those, agreed (and followed up)' }),
      mediationSuccessRate: t.float({
        nullable: true,
        description: '调解成功率 resolved / closed (agreed, failed or referred); null when none closed',
        resolve: (s) =>
          s.disputesClosed ? Math.round((s.disputesResolved / s.disputesClosed) * 10_000) / 10_000 : null,
      }),
      decisions: t.exposeInt('decisions', { description: '四议两公开 事项 proposed in the period (drills apart)' }),
      decisionsCompleted: t.exposeInt('decisionsCompleted', { description: 'of those, with the result published' }),
      drills: t.exposeInt('drills', { description: '情景模拟演练 drills proposed in the period' }),
      questionsAnswered: t.exposeInt('questionsAnswered', {
        description: '现场答疑 questions answered in those drills',
      }),
      villagesWithRenewedBoards: t.exposeInt('villagesWithRenewedBoards', {
        description: '公示栏更新的村 villages that posted a notice in the period',
      }),
      disputesByCategory: t.field({
        type: [Category],
        maxItems: 10,
        description: '按类别 cases accepted in the period, by category',
        resolve: (s, _a, ctx) => byCategory(ctx, s.period),
      }),
      disputesByOutcome: t.field({
        type: [StatusCount],
        maxItems: 10,
        description: '按结果 cases accepted in the period, by status (agreed, failed, referred …)',
        resolve: (s, _a, ctx) => byStatus(ctx, s.period),
      }),
    }),
  });
  addRegionStats(builder, 'consultation', {
    type: Stats,
    description: '议事协商 figures',
    resolve: (period, ctx) => figures(ctx, period),
  });
}
