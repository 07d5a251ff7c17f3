// 记录探访: a visit records findings (sensitive) and a risk level, and sets the next due date from the
// tier's interval (per-township setting); HIGH/URGENT raise the tier to HIGH_RISK and an urgent finding
// opens a need in the same unit.
import {
  AppError,
  Checks,
  forbidden,
  notFound,
  parseId,
  payloadType,
  STAFF,
  write,
  type Builder,
} from '../../src/kit/index.js';
import { named, readsHealth } from './access.js';
import { MODULE, type Tier } from './constants.js';
import type { Enums } from './enums.js';
import { intervalMs, VISIT_INTERVAL_SETTINGS } from './rules.js';

export function registerVisitRecord(builder: Builder, E: Enums) {
  const SafetyInput = builder.inputType('CareVisitSafetyInput', {
    fields: (t) => ({
      gas: t.boolean({ required: false }),
      water: t.boolean({ required: false }),
      electricity: t.boolean({ required: false }),
      heating: t.boolean({ required: false }),
    }),
  });
  const FindingsInput = builder.inputType('CareVisitFindingsInput', {
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
    fields: (t) => ({ kind: t.field({ type: E.NeedKind, required: true }), description: t.string({ required: true }) }),
  });
  const Input = builder.inputType('RecordCareVisitInput', {
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
      policy: {
        roles: STAFF,
        scope: { record: 'Person', id: 'input.personId' },
        relation: 'department staff only as staff of the facility operator',
      },
      description:
        "记录探访 (workers and admins of the person's community, or staff of a facility where they are enrolled)",
      type: payloadType(builder, 'RecordCareVisitPayload', 'visit', 'CareVisit'),
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
        const raise = input.riskLevel === 'HIGH' || input.riskLevel === 'URGENT';
        const tier = (raise ? 'HIGH_RISK' : r.visitTier) as Tier | null;
        const last = r.lastVisitedAt && r.lastVisitedAt > input.visitedAt ? r.lastVisitedAt : input.visitedAt;
        const openNeed = input.riskLevel === 'URGENT' || !!input.urgentNeed;
        const scope = { module: MODULE, regionPath: r.regionPath, settings: VISIT_INTERVAL_SETTINGS };
        const visit = await write(ctx, scope, async (unit) => {
          const w = named(ctx, unit);
          const next = tier ? new Date(last.getTime() + intervalMs(w.settings, tier)) : null;
          const v = await w.tx.careVisit.create({
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
          const done = await w.tx.careRecipient.updateMany({
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
          await w.audit({
            action: 'elderCare.visit.record',
            entityType: 'CareVisit',
            entityId: v.id,
            regionPath: v.regionPath,
            data: { riskLevel: v.riskLevel, tier, openNeed },
          });
          if (openNeed) {
            const n = await w.tx.elderNeed.create({
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
                submittedAt: w.now,
                sourceVisitId: v.id,
              },
            });
            await w.audit({
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
