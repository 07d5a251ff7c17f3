// 探访关爱 (民政部等10部门 2022): covered elders have a visit tier whose interval (per-township setting)
// sets the next due date; a visit records findings (sensitive) and a risk level. The node and the lists
// here; recording a visit is visit-record.ts.
import {
  countRows,
  forbidden,
  guardNode,
  listWhere,
  modelRef,
  parseOptionalId,
  readsWithinScope,
  requestLoader,
  type Builder,
  type CareVisit,
  type Context,
  type ElderNeed,
  type Prisma,
} from '../../src/kit/index.js';
import { readsHealth, sensitive } from './access.js';
import { MODULE } from './constants.js';
import type { Enums } from './enums.js';
import { countedVisits } from './visit-counts.js';

const findingsOf = (v: CareVisit) => ({
  health: v.health,
  mentalState: v.mentalState,
  safety: { gas: v.gasSafe, water: v.waterSafe, electricity: v.electricitySafe, heating: v.heatingSafe },
  hygiene: v.hygiene,
  familySupport: v.familySupport,
  notes: v.notes,
  abilityChanged: v.abilityChanged,
});
type Findings = ReturnType<typeof findingsOf>;

export function registerVisits(builder: Builder, E: Enums) {
  const Safety = builder.objectRef<Findings['safety']>('CareVisitSafety').implement({
    description: '安全检查 true = safe, false = hazard found, null = not checked',
    fields: (t) => ({
      gas: t.exposeBoolean('gas', { nullable: true, description: '燃气' }),
      water: t.exposeBoolean('water', { nullable: true, description: '用水' }),
      electricity: t.exposeBoolean('electricity', { nullable: true, description: '用电' }),
      heating: t.exposeBoolean('heating', { nullable: true, description: '取暖' }),
    }),
  });
  const FindingsRef = builder.objectRef<Findings>('CareVisitFindings').implement({
    description: '探访发现 (sensitive: health and living conditions; read audited)',
    fields: (t) => ({
      health: t.exposeString('health', { nullable: true, description: '身体状况' }),
      mentalState: t.exposeString('mentalState', { nullable: true, description: '精神状态' }),
      safety: t.field({ type: Safety, resolve: (f) => f.safety }),
      hygiene: t.exposeString('hygiene', { nullable: true, description: '卫生状况' }),
      familySupport: t.exposeString('familySupport', { nullable: true, description: '家庭支持' }),
      notes: t.exposeString('notes', { nullable: true }),
      abilityChanged: t.exposeBoolean('abilityChanged', { description: '能力变化 (reassessment due)' }),
    }),
  });

  builder.prismaNode('CareVisit', {
    description: '探访记录 one visit to a covered elder',
    id: { field: 'id' },
    fields: (t) => ({
      recipient: t.relation('recipient'),
      visitorName: t.exposeString('visitorName', { nullable: true, description: '探访人' }),
      visitedAt: t.field({ type: 'DateTime', resolve: (v) => v.visitedAt }),
      mode: t.expose('mode', { type: E.VisitMode }),
      riskLevel: t.expose('riskLevel', { type: E.RiskLevel }),
      dueAt: t.field({ type: 'DateTime', nullable: true, description: '本次探访的应访日期', resolve: (v) => v.dueAt }),
      findings: t.field({
        type: FindingsRef,
        nullable: true,
        description: "null unless you may read the person's health data",
        resolve: (v, _a, ctx) =>
          sensitive(
            ctx,
            { id: v.recipientId, personId: v.personId, regionPath: v.regionPath },
            'visit.findings',
            v.id,
            findingsOf(v),
          ),
      }),
      openedNeed: t.field({
        type: modelRef(builder, 'ElderNeed'),
        nullable: true,
        description: '由紧急发现开启的需求',
        resolve: (v, _a, ctx) =>
          requestLoader<string, ElderNeed | null>(ctx, 'elder-care.needByVisit', async (ids) => {
            const rows = await ctx.prisma.elderNeed.findMany({ where: { sourceVisitId: { in: [...ids] } } });
            return ids.map((id) => rows.find((r) => r.sourceVisitId === id) ?? null);
          }).load(v.id) as never,
      }),
    }),
  });
  guardNode(
    builder,
    'CareVisit',
    async (v, ctx) =>
      (await ctx.gate.isEnabledAt(MODULE, v.regionPath)) &&
      ((readsWithinScope(ctx.viewer) && v.regionPath.startsWith(ctx.viewer.regionPath)) ||
        readsHealth(ctx, { id: v.recipientId, personId: v.personId, regionPath: v.regionPath })),
  );

  const listGuard = (ctx: Context) => {
    if (!readsWithinScope(ctx.viewer)) throw forbidden('无权查看探访 (workers, admins, department staff and analysts)');
  };

  builder.queryFields((t) => ({
    overdueVisits: t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'regionId' } },
      description: '应访/逾期 covered elders whose visit is due or late, most overdue first',
      type: 'CareRecipient',
      cursor: 'id',
      args: { regionId: t.arg.id({ required: false, description: '区划 (default: your area)' }) },
      resolve: async (query, _r, args, ctx) => {
        listGuard(ctx);
        return ctx.prisma.careRecipient.findMany({
          ...query,
          where: await overdueWhere(ctx, args.regionId),
          orderBy: [{ nextVisitDueAt: 'asc' }, { id: 'asc' }],
        });
      },
      totalCount: async (_c, args, ctx) => countRows(ctx, 'CareRecipient', await overdueWhere(ctx, args.regionId)),
    }),
    careVisits: t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'regionId' } },
      description: '探访记录 newest first (findings only for those entitled)',
      type: 'CareVisit',
      cursor: 'id',
      args: {
        regionId: t.arg.id({ required: false }),
        recipientId: t.arg.id({ required: false }),
        from: t.arg({ type: 'DateTime', required: false }),
        to: t.arg({ type: 'DateTime', required: false }),
      },
      resolve: async (query, _r, args, ctx) => {
        listGuard(ctx);
        return ctx.prisma.careVisit.findMany({
          ...query,
          where: await visitsWhere(ctx, args),
          orderBy: [{ visitedAt: 'desc' }, { id: 'desc' }],
        });
      },
      totalCount: async (_c, args, ctx) =>
        (await countedVisits(ctx, args)) ?? countRows(ctx, 'CareVisit', await visitsWhere(ctx, args)),
    }),
  }));

  async function overdueWhere(
    ctx: Context,
    regionId: string | number | null | undefined,
  ): Promise<Prisma.CareRecipientWhereInput> {
    return {
      AND: [
        await listWhere(ctx, MODULE, { regionId, field: 'regionId' }),
        { visitTier: { not: null }, nextVisitDueAt: { lte: ctx.clock.now() } },
        { enrollments: { some: { status: 'ACTIVE' } } },
      ],
    };
  }

  async function visitsWhere(
    ctx: Context,
    a: {
      regionId?: string | number | null;
      recipientId?: string | number | null;
      from?: Date | null;
      to?: Date | null;
    },
  ): Promise<Prisma.CareVisitWhereInput> {
    const recipientId = parseOptionalId(
      a.recipientId == null ? null : String(a.recipientId),
      'CareRecipient',
      'recipientId',
    );
    return {
      AND: [
        await listWhere(ctx, MODULE, { regionId: a.regionId, field: 'regionId' }),
        recipientId ? { recipientId } : {},
        a.from || a.to ? { visitedAt: { ...(a.from ? { gte: a.from } : {}), ...(a.to ? { lt: a.to } : {}) } } : {},
      ],
    };
  }
}
