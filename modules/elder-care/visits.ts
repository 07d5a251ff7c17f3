// 探访关爱 (民政部等10部门 2022): covered elders have a visit tier whose interval (per-township setting)
// sets the next due date; a visit records findings (sensitive) and a risk level; HIGH/URGENT raise the
// tier to HIGH_RISK and an urgent finding opens a need in the same transaction.
import {
  AppError,
  Checks,
  forbidden,
  guardNode,
  modelRef,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  readsWithinScope,
  STAFF,
  type Builder,
  type CareVisit,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { listScope, readable, readsHealth, requestLoader, sensitive } from './access.js';
import { MODULE, SUB, type Tier } from './constants.js';
import type { Enums } from './enums.js';
import { visitIntervalMs } from './rules.js';

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
    subGraphs: SUB,
    fields: (t) => ({
      gas: t.exposeBoolean('gas', { nullable: true, description: '燃气' }),
      water: t.exposeBoolean('water', { nullable: true, description: '用水' }),
      electricity: t.exposeBoolean('electricity', { nullable: true, description: '用电' }),
      heating: t.exposeBoolean('heating', { nullable: true, description: '取暖' }),
    }),
  });
  const FindingsRef = builder.objectRef<Findings>('CareVisitFindings').implement({
    description: '探访发现 (sensitive: health and living conditions; read audited)',
    subGraphs: SUB,
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
    subGraphs: SUB,
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
          requestLoader<string, unknown>(ctx, 'needByVisit', async (ids) => {
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
      subGraphs: SUB,
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
      totalCount: async (_c, args, ctx) =>
        ctx.prisma.careRecipient.count({ where: await overdueWhere(ctx, args.regionId) }),
    }),
    careVisits: t.prismaConnection({
      subGraphs: SUB,
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
      totalCount: async (_c, args, ctx) => ctx.prisma.careVisit.count({ where: await visitsWhere(ctx, args) }),
    }),
  }));

  async function overdueWhere(
    ctx: Context,
    regionId: string | number | null | undefined,
  ): Promise<Prisma.CareRecipientWhereInput> {
    return {
      AND: [
        await readable(ctx, await listScope(ctx, regionId, 'regionId')),
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
        await readable(ctx, await listScope(ctx, a.regionId, 'regionId')),
        recipientId ? { recipientId } : {},
        a.from || a.to ? { visitedAt: { ...(a.from ? { gte: a.from } : {}), ...(a.to ? { lt: a.to } : {}) } } : {},
      ],
    };
  }

  const SafetyInput = builder.inputType('CareVisitSafetyInput', {
    subGraphs: SUB,
    fields: (t) => ({
      gas: t.boolean({ required: false }),
      water: t.boolean({ required: false }),
      electricity: t.boolean({ required: false }),
      heating: t.boolean({ required: false }),
    }),
  });
  const FindingsInput = builder.inputType('CareVisitFindingsInput', {
    subGraphs: SUB,
    fields: (t) => ({
      health: t.string({ required: false, description: '身体状况' }),
      mentalState: t.string({ required: false, description: '精神状态' }),
      safety: t.field({ type: SafetyInput, required: false, description: '安全: 燃气、水、电、取暖' }),
      hygiene: t.string({ required: false }),
      familySupport: t.string({ required: false }),
      notes: t.string({ required: false }),
      abilityChanged: t.boolean({ required: false, description: '能力变化: makes a reassessment due now' }),
    }),
  });
  const UrgentInput = builder.inputType('CareVisitUrgentNeedInput', {
    subGraphs: SUB,
    fields: (t) => ({ kind: t.field({ type: E.NeedKind, required: true }), description: t.string({ required: true }) }),
  });
  const Input = builder.inputType('RecordCareVisitInput', {
    subGraphs: SUB,
    fields: (t) => ({
      personId: t.id({ required: true }),
      visitedAt: t.field({ type: 'DateTime', required: true }),
      findings: t.field({ type: FindingsInput, required: true }),
      riskLevel: t.field({ type: E.RiskLevel, required: true }),
      mode: t.field({ type: E.VisitMode, required: false, description: 'default HOME' }),
      visitorName: t.string({ required: false, description: 'default: your account' }),
      urgentNeed: t.field({
        type: UrgentInput,
        required: false,
        description: '紧急需求: opens a need in the same step (also opened for URGENT without it)',
      }),
    }),
  });

  builder.mutationField('recordCareVisit', (t) =>
    t.field({
      subGraphs: SUB,
      policy: {
        roles: STAFF,
        scope: { record: 'Person', id: 'input.personId' },
        relation: 'department staff only as staff of the facility operator',
      },
      description:
        "记录探访 (workers and admins of the person's community, or staff of a facility where they are enrolled)",
      type: payloadType(builder, 'RecordCareVisitPayload', 'visit', 'CareVisit', { subGraphs: SUB }),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        const f = input.findings;
        const checks = new Checks().check(
          input.visitedAt.getTime() <= now.getTime() + 5 * 60_000,
          'input.visitedAt',
          '不能晚于现在 (not in the future)',
        );
        for (const k of ['health', 'mentalState', 'hygiene', 'familySupport', 'notes'] as const)
          checks.text(f[k], `input.findings.${k}`, { max: 500, required: false });
        checks.text(input.visitorName, 'input.visitorName', { max: 40, required: false });
        if (input.urgentNeed) checks.text(input.urgentNeed.description, 'input.urgentNeed.description', { max: 500 });
        checks.throwIfAny();
        const personId = parseId(String(input.personId), 'Person', 'input.personId');
        const r = await ctx.prisma.careRecipient.findUnique({ where: { personId } });
        if (!r) {
          if (!(await ctx.prisma.person.findUnique({ where: { id: personId }, select: { id: true } })))
            throw notFound('居民 person');
          throw new AppError('PRECONDITION_FAILED', '请先登记为服务对象 (enrol the person first)');
        }
        if (ctx.viewer?.personId === r.personId || !(await readsHealth(ctx, r)))
          throw forbidden('无权记录该居民的探访 (workers, admins and facility staff of the person)');
        await ctx.gate.assertEnabled(MODULE, r.regionPath);
        const raise = input.riskLevel === 'HIGH' || input.riskLevel === 'URGENT';
        const tier = (raise ? 'HIGH_RISK' : r.visitTier) as Tier | null;
        const last = r.lastVisitedAt && r.lastVisitedAt > input.visitedAt ? r.lastVisitedAt : input.visitedAt;
        const next = tier ? new Date(last.getTime() + (await visitIntervalMs(ctx.settings, tier, r.regionPath))) : null;
        const openNeed = input.riskLevel === 'URGENT' || !!input.urgentNeed;
        const visit = await ctx.prisma.$transaction(async (tx) => {
          const v = await tx.careVisit.create({
            data: {
              recipientId: r.id,
              personId: r.personId,
              communityId: r.communityId,
              regionPath: r.regionPath,
              visitorAccountId: ctx.viewer!.accountId,
              visitorName: input.visitorName?.trim() || ctx.viewer!.username,
              visitedAt: input.visitedAt,
              mode: input.mode ?? 'HOME',
              riskLevel: input.riskLevel,
              health: f.health?.trim() || null,
              mentalState: f.mentalState?.trim() || null,
              gasSafe: f.safety?.gas ?? null,
              waterSafe: f.safety?.water ?? null,
              electricitySafe: f.safety?.electricity ?? null,
              heatingSafe: f.safety?.heating ?? null,
              hygiene: f.hygiene?.trim() || null,
              familySupport: f.familySupport?.trim() || null,
              notes: f.notes?.trim() || null,
              abilityChanged: !!f.abilityChanged,
              dueAt: r.nextVisitDueAt,
            },
          });
          const done = await tx.careRecipient.updateMany({
            where: { id: r.id, version: r.version },
            data: {
              lastVisitedAt: last,
              nextVisitDueAt: next,
              visitTier: tier,
              ...(f.abilityChanged ? { abilityChangedAt: input.visitedAt } : {}),
              version: { increment: 1 },
            },
          });
          if (done.count !== 1) throw new AppError('CONFLICT', '该对象刚被他人更新，请重试 (changed meanwhile, retry)');
          await ctx.audit(tx, {
            action: 'elderCare.visit.record',
            entityType: 'CareVisit',
            entityId: v.id,
            regionPath: v.regionPath,
            data: { riskLevel: v.riskLevel, tier, openNeed },
          });
          if (openNeed) {
            const n = await tx.elderNeed.create({
              data: {
                personId: r.personId,
                recipientId: r.id,
                communityId: r.communityId,
                regionPath: r.regionPath,
                kind: input.urgentNeed?.kind ?? 'OTHER',
                channel: 'VISIT',
                description:
                  input.urgentNeed?.description.trim() || '探访发现紧急情况，请尽快处理 (urgent finding on a visit)',
                submittedById: ctx.viewer!.accountId,
                submittedAt: now,
                sourceVisitId: v.id,
              },
            });
            await ctx.audit(tx, {
              action: 'elderCare.need.submit',
              entityType: 'ElderNeed',
              entityId: n.id,
              regionPath: n.regionPath,
              data: { kind: n.kind, fromVisit: v.id },
            });
          }
          return v;
        });
        return { visit };
      },
    }),
  );
}
