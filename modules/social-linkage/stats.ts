// RegionStats.socialLinkage(from, to): figures for every community under a region, in SQL, outside the
// townships where the module is off. Organisations, workers, stations and resources are counted as they
// stand; needs by when they were recorded in [from, to), projects by their start date in [from, to).
import { addRegionStats, Prisma, type Builder, type Context, type RegionStatsShape } from '../../src/kit/index.js';
import { MODULE_ID } from './model.js';

interface Figures {
  orgFiling: number;
  orgActive: number;
  orgSuspended: number;
  orgDeregistered: number;
  orgRegistered: number;
  orgFiled: number;
  perMin: number | null;
  perMedian: number | null;
  perMax: number | null;
  communities: number;
  assistant: number;
  socialWorker: number;
  senior: number;
  countyCentres: number;
  townshipStations: number;
  communityRooms: number;
  needs: number;
  needsMatched: number;
  medianDaysToMatch: number | null;
  resources: number;
  projects: number;
  projectBudgetYuan: number;
  projectsEvaluated: number;
}

const period = (column: Prisma.Sql, from: Date | null, to: Date | null) =>
  Prisma.join(
    [
      Prisma.sql`TRUE`,
      ...(from ? [Prisma.sql`${column} >= ${from}`] : []),
      ...(to ? [Prisma.sql`${column} < ${to}`] : []),
    ],
    ' AND ',
  );

async function figures(ctx: Context, { region, from, to }: RegionStatsShape): Promise<Figures> {
  const r = (col: string) => ctx.gate.readableSql(MODULE_ID, region.path, col);
  const [org, comm, wrk, st, need, res, proj] = await Promise.all([
    r('o."regionPath"'),
    r('c."path"'),
    r('w."regionPath"'),
    r('s."regionPath"'),
    r('n."regionPath"'),
    r('x."regionPath"'),
    r('p."regionPath"'),
  ]);
  const inPeriod = (column: string) => period(Prisma.raw(column), from, to);
  const [row] = await ctx.prisma.$queryRaw<Figures[]>`
    WITH orgs AS (SELECT o.* FROM "SocialOrganization" o WHERE ${org}),
         per AS (SELECT count(o."id") FILTER (WHERE o."status" <> 'DEREGISTERED')::int AS n
                   FROM "Region" c LEFT JOIN orgs o ON o."communityId" = c."id"
                  WHERE c."level" = 'COMMUNITY' AND ${comm} GROUP BY c."id"),
         needs AS (SELECT n.* FROM "CommunityNeed" n WHERE ${need} AND ${inPeriod('n."recordedAt"')}),
         projects AS (SELECT p.* FROM "LivelihoodProject" p WHERE ${proj} AND ${inPeriod('p."startsOn"')}),
         workers AS (SELECT w."qualification" AS q FROM "SocialWorker" w WHERE ${wrk}),
         stations AS (SELECT s."level" AS l FROM "SocialWorkStation" s WHERE ${st})
    SELECT (SELECT count(*) FILTER (WHERE "status" = 'FILING') FROM orgs)::int AS "orgFiling",
           (SELECT count(*) FILTER (WHERE "status" = 'ACTIVE') FROM orgs)::int AS "orgActive",
           (SELECT count(*) FILTER (WHERE "status" = 'SUSPENDED') FROM orgs)::int AS "orgSuspended",
           (SELECT count(*) FILTER (WHERE "status" = 'DEREGISTERED') FROM orgs)::int AS "orgDeregistered",
           (SELECT count(*) FILTER (WHERE "standing" = 'REGISTERED') FROM orgs)::int AS "orgRegistered",
           (SELECT count(*) FILTER (WHERE "standing" = 'FILED') FROM orgs)::int AS "orgFiled",
           (SELECT min(n) FROM per)::int AS "perMin",
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM per)::float8 AS "perMedian",
           (SELECT max(n) FROM per)::int AS "perMax",
           (SELECT count(*) FROM per)::int AS "communities",
           (SELECT count(*) FILTER (WHERE q = 'ASSISTANT') FROM workers)::int AS "assistant",
           (SELECT count(*) FILTER (WHERE q = 'SOCIAL_WORKER') FROM workers)::int AS "socialWorker",
           (SELECT count(*) FILTER (WHERE q = 'SENIOR') FROM workers)::int AS "senior",
           (SELECT count(*) FILTER (WHERE l = 'COUNTY_CENTRE') FROM stations)::int AS "countyCentres",
           (SELECT count(*) FILTER (WHERE l = 'TOWNSHIP_STATION') FROM stations)::int AS "townshipStations",
           (SELECT count(*) FILTER (WHERE l = 'COMMUNITY_ROOM') FROM stations)::int AS "communityRooms",
           (SELECT count(*) FROM needs)::int AS "needs",
           (SELECT count("matchedAt") FROM needs)::int AS "needsMatched",
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "matchedAt" - "recordedAt") / 86400)
              FROM needs WHERE "matchedAt" IS NOT NULL)::float8 AS "medianDaysToMatch",
           (SELECT count(*) FROM "ServiceResource" x WHERE ${res})::int AS "resources",
           (SELECT count(*) FROM projects)::int AS "projects",
           (SELECT coalesce(sum("budgetYuan"), 0) FROM projects)::float8 AS "projectBudgetYuan",
           (SELECT count(*) FILTER (WHERE "status" = 'EVALUATED') FROM projects)::int AS "projectsEvaluated"`;
  return row!;
}

const round = (n: number | null, digits: number) => (n == null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

export function registerStats(builder: Builder) {
  const ByStatus = builder.objectRef<Figures>('SocialOrganizationCounts').implement({
    description: '社会组织数 by status and standing',
    fields: (t) => ({
      total: t.int({
        description: '合计 (incl. deregistered)',
        resolve: (f) => f.orgFiling + f.orgActive + f.orgSuspended + f.orgDeregistered,
      }),
      filing: t.exposeInt('orgFiling', { description: '备案中' }),
      active: t.exposeInt('orgActive', { description: '正常' }),
      suspended: t.exposeInt('orgSuspended', { description: '暂停' }),
      deregistered: t.exposeInt('orgDeregistered', { description: '注销' }),
      registered: t.exposeInt('orgRegistered', { description: '登记' }),
      filed: t.exposeInt('orgFiled', { description: '备案' }),
    }),
  });
  const PerCommunity = builder.objectRef<Figures>('OrganizationsPerCommunity').implement({
    description: '每社区社会组织数 (not deregistered), over every community of the region',
    fields: (t) => ({
      communities: t.exposeInt('communities', { description: '社区数' }),
      min: t.int({ nullable: true, resolve: (f) => f.perMin }),
      median: t.float({ nullable: true, resolve: (f) => round(f.perMedian, 1) }),
      max: t.int({ nullable: true, resolve: (f) => f.perMax }),
    }),
  });
  const Workers = builder.objectRef<Figures>('SocialWorkerCounts').implement({
    description: '社工数 by qualification',
    fields: (t) => ({
      total: t.int({ resolve: (f) => f.assistant + f.socialWorker + f.senior }),
      assistant: t.exposeInt('assistant', { description: '助理社会工作师' }),
      socialWorker: t.exposeInt('socialWorker', { description: '社会工作师' }),
      senior: t.exposeInt('senior', { description: '高级社会工作师' }),
    }),
  });
  const Stations = builder.objectRef<Figures>('SocialWorkStationCounts').implement({
    description: '服务站点数 by level',
    fields: (t) => ({
      countyCentres: t.exposeInt('countyCentres', { description: '县级中心' }),
      townshipStations: t.exposeInt('townshipStations', { description: '乡镇(街道)站' }),
      communityRooms: t.exposeInt('communityRooms', { description: '社区(村)室' }),
    }),
  });
  const Stats = builder.objectRef<Figures>('SocialLinkageStats').implement({
    description: '五社联动 figures, rolled up from every community below the region',
    fields: (t) => ({
      socialOrganizations: t.field({ type: ByStatus, resolve: (f) => f, description: '社会组织' }),
      organizationsPerCommunity: t.field({ type: PerCommunity, resolve: (f) => f, description: '每社区社会组织数' }),
      socialWorkers: t.field({ type: Workers, resolve: (f) => f, description: '社工' }),
      stations: t.field({ type: Stations, resolve: (f) => f, description: '三级服务网络' }),
      needs: t.exposeInt('needs', { description: '需求数 recorded in the period' }),
      needsMatched: t.exposeInt('needsMatched', { description: '已对接 of those, matched' }),
      matchRate: t.float({
        nullable: true,
        description: '对接率 matched / needs',
        resolve: (f) => (f.needs ? round(f.needsMatched / f.needs, 4) : null),
      }),
      medianDaysToMatch: t.float({
        nullable: true,
        description: '对接用时中位数 (天)',
        resolve: (f) => round(f.medianDaysToMatch, 1),
      }),
      resources: t.exposeInt('resources', { description: '服务资源数' }),
      projects: t.exposeInt('projects', { description: '民生项目数 starting in the period' }),
      projectBudgetYuan: t.exposeFloat('projectBudgetYuan', { description: '项目预算合计 (元)' }),
      projectsEvaluated: t.exposeInt('projectsEvaluated', { description: '已评估项目数' }),
    }),
  });
  addRegionStats(builder, 'socialLinkage', {
    type: Stats,
    description: '五社联动 figures (needs by record time, projects by start date)',
    resolve: (p, ctx) => figures(ctx, p),
  });
}
