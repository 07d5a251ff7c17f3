// RegionStats.grid(from, to): SQL aggregates over the region, only in townships where the module is on.
// Stock figures (grids, households) are as of now; workers are those active during the period;
// flows (patrols, incidents, points) fall in the period. Evaluation after GB/T 30428-style figures.
import { addRegionStats, type Builder } from '../../src/kit/index.js';
import { MODULE } from './access.js';
import { n, OPEN, pending, periodSql, rate, scopeSql, type Shape, staffCounts, STATUSES, sums } from './stats-sql.js';
import type { GridEnums } from './enums.js';
import { registerResidentStats } from './stats-residents.js';

export function registerStats(builder: Builder, E: GridEnums) {
  const StatusCount = builder.objectRef<{ status: string; count: number }>('IncidentStatusCount').implement({
    fields: (t) => ({
      status: t.field({ type: E.IncidentStatus, resolve: (r) => r.status as never }),
      count: t.int({ resolve: (r) => r.count }),
    }),
  });
  const StageMedian = builder
    .objectRef<{ stage: string; medianHours: number; count: number }>('IncidentStageMedian')
    .implement({
      description: '环节用时中位数 median hours an incident spent in a stage (status) before the next step',
      fields: (t) => ({
        stage: t.field({ type: E.IncidentStatus, resolve: (r) => r.stage as never }),
        medianHours: t.float({ resolve: (r) => r.medianHours }),
        count: t.int({ description: '样本数', resolve: (r) => r.count }),
      }),
    });
  type Dept = Record<string, unknown> & { id: string };
  const DepartmentEvaluation = builder.objectRef<Dept>('DepartmentEvaluation').implement({
    description: '部门考核 figures of one department over incidents escalated to it',
    fields: (t) => ({
      department: t.prismaField({
        type: 'Organization',
        resolve: (q, d, _a, ctx) => ctx.prisma.organization.findUniqueOrThrow({ ...q, where: { id: d.id } }),
      }),
      notified: t.int({ description: '被吹哨次数', resolve: (d) => n(d.notified) }),
      lead: t.int({ description: '主办', resolve: (d) => n(d.lead) }),
      assisting: t.int({ description: '协办', resolve: (d) => n(d.assisting) }),
      responseRate: t.float({
        nullable: true,
        description: '响应率 reported in within the report-in limit',
        resolve: (d) => rate(d.on_time_report_in, d.due_report_in),
      }),
      closed: t.int({ description: '主办已结案', resolve: (d) => n(d.closed) }),
      onTimeClosureRate: t.float({
        nullable: true,
        description: '按期结案率 (lead)',
        resolve: (d) => rate(d.closed_on_time, d.closed),
      }),
      reworkCount: t.int({ description: '返工次数 (lead)', resolve: (d) => n(d.reworks) }),
      overdue: t.int({ description: '超期 (lead, open)', resolve: (d) => n(d.overdue) }),
      resolutionRate: t.float({ nullable: true, description: '解决率', resolve: (d) => rate(d.solved, d.closed) }),
      satisfactionRate: t.float({ nullable: true, description: '满意率', resolve: (d) => rate(d.satisfied, d.rated) }),
    }),
  });

  const GridStats = builder.objectRef<Shape>('GridStats').implement({
    description: '网格管理统计 grid figures for a region (townships where the module is on)',
    fields: (t) => ({
      grids: t.int({
        description: '网格数',
        resolve: async (s) => s.ctx.prisma.grid.count({ where: await s.ctx.gate.readableWhere(MODULE, s.path) }),
      }),
      households: t.int({
        description: '覆盖户数 households covered',
        resolve: async (s) => s.ctx.prisma.household.count({ where: await s.ctx.gate.readableWhere(MODULE, s.path) }),
      }),
      gridLeaders: t.int({ description: '网格长', resolve: async (s) => (await staffCounts(s)).LEADER ?? 0 }),
      fullTimeWorkers: t.int({
        description: '专职网格员 (active in the period, or now)',
        resolve: async (s) => (await staffCounts(s)).FULL_TIME ?? 0,
      }),
      partTimeWorkers: t.int({
        description: '兼职网格员',
        resolve: async (s) => (await staffCounts(s)).PART_TIME ?? 0,
      }),
      instructors: t.int({ description: '网格指导员', resolve: async (s) => (await staffCounts(s)).INSTRUCTOR ?? 0 }),
      patrols: t.int({ description: '巡查走访 (all kinds)', resolve: async (s) => (await sums(s)).patrols! }),
      hazardInspections: t.int({
        description: '隐患排查',
        resolve: async (s) => (await sums(s)).hazardInspections!,
      }),
      incidents: t.int({
        description: '事件数 reported in the period',
        resolve: async (s) => (await sums(s)).incidents!,
      }),
      incidentsByStatus: t.field({
        maxItems: 10,
        type: [StatusCount],
        description: '按状态 incidents reported in the period by current status',
        resolve: async (s) => {
          const by = await sums(s);
          return STATUSES.map((status) => ({ status, count: by[`status.${status}`]! }));
        },
      }),
      overdue: t.int({
        description: '超期 open incidents past their stage deadline now',
        resolve: async (s) => n((await pending(s)).overdue),
      }),
      closureRate: t.float({
        nullable: true,
        description: '结案率 closed / reported (excluding rejected)',
        resolve: async (s) => {
          const e = await sums(s);
          return rate(e.closed, e.admitted);
        },
      }),
      onTimeClosureRate: t.float({
        nullable: true,
        description: '按期结案率 closed on time / due for closure (closed in the period, or due in it and still open)',
        resolve: async (s) => {
          const [e, p] = await Promise.all([sums(s), pending(s)]);
          return rate(e.closedOnTime, e.closedAdmitted! + n(p.late_closure));
        },
      }),
      reworkCount: t.int({ description: '返工次数', resolve: async (s) => (await sums(s)).reworkCount! }),
      responseRate: t.float({
        nullable: true,
        description: '响应率 accepted or rejected within the accept limit / due for a response',
        resolve: async (s) => {
          const [e, p] = await Promise.all([sums(s), pending(s)]);
          return rate(e.responded, e.responses! + n(p.late_response));
        },
      }),
      resolutionRate: t.float({
        nullable: true,
        description: '解决率 solved (回访) / closed',
        resolve: async (s) => {
          const e = await sums(s);
          return rate(e.solved, e.closed);
        },
      }),
      satisfactionRate: t.float({
        nullable: true,
        description: '满意率 satisfied or basically satisfied / rated',
        resolve: async (s) => {
          const e = await sums(s);
          return rate(e.satisfied, e.rated);
        },
      }),
      medianHoursByStage: t.field({
        maxItems: 10,
        type: [StageMedian],
        description: '各环节用时中位数 (hours)',
        resolve: async (s) => {
          const rows = await s.ctx.prisma.$queryRaw<{ stage: string; median: number; c: bigint }[]>`
            WITH steps AS (
              SELECT e."toStatus" AS stage, e.at,
                LEAD(e.at) OVER (PARTITION BY e."incidentId" ORDER BY e.seq) AS next_at
              FROM "IncidentEntry" e JOIN "Incident" i ON i.id = e."incidentId"
              WHERE e.kind = 'TRANSITION' AND ${await scopeSql(s, 'i')} ${periodSql(s, 'i."reportedAt"')})
            SELECT stage::text AS stage,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (next_at - at)) / 3600.0) AS median,
              COUNT(*) AS c
            FROM steps WHERE next_at IS NOT NULL GROUP BY stage ORDER BY stage`;
          return rows.map((r) => ({
            stage: r.stage,
            medianHours: Math.round(Number(r.median) * 100) / 100,
            count: n(r.c),
          }));
        },
      }),
      departments: t.field({
        maxItems: 200,
        type: [DepartmentEvaluation],
        description: '部门考核 per department escalated to, incidents reported in the period',
        resolve: async (s) =>
          s.ctx.prisma.$queryRaw<Dept[]>`
            SELECT d."organizationId" AS id,
              COUNT(*) AS notified,
              COUNT(*) FILTER (WHERE d.role = 'LEAD') AS lead,
              COUNT(*) FILTER (WHERE d.role = 'ASSISTING') AS assisting,
              COUNT(*) FILTER (WHERE d."reportedInAt" IS NOT NULL OR d."reportInDueAt" < ${s.now}) AS due_report_in,
              COUNT(*) FILTER (WHERE d."reportedInAt" IS NOT NULL AND d."reportedInAt" <= d."reportInDueAt")
                AS on_time_report_in,
              COUNT(*) FILTER (WHERE d.role = 'LEAD' AND i.status = 'CLOSED') AS closed,
              COUNT(*) FILTER (WHERE d.role = 'LEAD' AND i."closedOnTime") AS closed_on_time,
              COALESCE(SUM(i."reworkCount") FILTER (WHERE d.role = 'LEAD'), 0) AS reworks,
              COUNT(*) FILTER (WHERE d.role = 'LEAD' AND i.status IN ${OPEN} AND i.deadline < ${s.now}) AS overdue,
              COUNT(*) FILTER (WHERE d.role = 'LEAD' AND i.status = 'CLOSED' AND i.solved) AS solved,
              COUNT(*) FILTER (WHERE d.role = 'LEAD' AND i.satisfaction IS NOT NULL) AS rated,
              COUNT(*) FILTER (WHERE d.role = 'LEAD' AND i.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED'))
                AS satisfied
            FROM "IncidentDepartment" d JOIN "Incident" i ON i.id = d."incidentId"
            WHERE ${await scopeSql(s, 'i')} ${periodSql(s, 'i."reportedAt"')}
            GROUP BY d."organizationId" ORDER BY COUNT(*) DESC, d."organizationId"`,
      }),
      pointsIssued: t.int({
        description: '发放积分 points earned in the period',
        resolve: async (s) => (await sums(s)).pointsIssued!,
      }),
      pointsRedeemed: t.int({
        description: '兑换积分 points redeemed in the period (positive)',
        resolve: async (s) => (await sums(s)).pointsRedeemed!,
      }),
    }),
  });

  registerResidentStats(builder, E, GridStats);
  addRegionStats(builder, 'grid', {
    type: GridStats,
    description: '网格管理 grid figures',
    resolve: (period, ctx) => ({
      path: period.region.path,
      from: period.from,
      to: period.to,
      now: ctx.clock.now(),
      ctx,
    }),
  });
}
