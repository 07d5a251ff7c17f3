// 老年人能力评估 after GB/T 42195-2022: four dimension scores, a total and a level; valid 12 months
// (setting), due earlier when a visit notes changed ability. The latest valid one drives entitlements
// (meal subsidies for 失能). Sensitive: reachable only through CareRecipient.assessment and
// CareRecipient.assessments (the history, assessment-history.ts).
import {
  AppError,
  Checks,
  forbidden,
  managesPeopleAt,
  modelRef,
  notFound,
  parseId,
  STAFF,
  ValidationError,
  write,
  type Builder,
} from '../../src/kit/index.js';
import { isFacilityStaff, named } from './access.js';
import { DIMENSIONS, levelAllowed, levelForTotal, scoreProblems, totalOf, type Scores } from './assessment-rules.js';
import { addMonths, MODULE, type Level } from './constants.js';
import type { Enums } from './enums.js';

export function registerAssessments(builder: Builder, E: Enums) {
  const Dimensions = builder
    .objectRef<{ selfCare: number; mobility: number; mental: number; perception: number }>('CapabilityDimensionScores')
    .implement({
      description: '一级指标得分 the four dimension scores',
      fields: (t) => ({
        selfCare: t.exposeInt('selfCare', { description: DIMENSIONS.selfCare.term + ', 0–32' }),
        mobility: t.exposeInt('mobility', { description: DIMENSIONS.mobility.term + ', 0–16' }),
        mentalState: t.exposeInt('mental', { description: DIMENSIONS.mental.term + ', 0–28' }),
        perceptionSocial: t.exposeInt('perception', { description: DIMENSIONS.perception.term + ', 0–14' }),
      }),
    });

  builder.prismaObject('CapabilityAssessment', {
    description: '老年人能力评估 (GB/T 42195-2022) — sensitive personal information; every read is audited',
    fields: (t) => ({
      level: t.expose('level', { type: E.Level, description: '能力等级' }),
      score: t.exposeInt('totalScore', {
        nullable: true,
        description: '总分 0–90 (null when only the level was recorded)',
      }),
      dimensions: t.field({
        type: Dimensions,
        nullable: true,
        resolve: (a) =>
          a.selfCareScore == null
            ? null
            : {
                selfCare: a.selfCareScore,
                mobility: a.mobilityScore!,
                mental: a.mentalScore!,
                perception: a.perceptionScore!,
              },
      }),
      reason: t.expose('reason', { type: E.Reason }),
      assessedAt: t.field({ type: 'DateTime', description: '评估时间', resolve: (a) => a.assessedAt }),
      validUntil: t.field({ type: 'DateTime', description: '有效期至', resolve: (a) => a.validUntil }),
      assessorName: t.exposeString('assessorName', { nullable: true, description: '评估员' }),
      notes: t.exposeString('notes', { nullable: true, description: '备注' }),
    }),
  });

  const ScoresInput = builder.inputType('CapabilityScoresInput', {
    description: '一级指标得分',
    fields: (t) => ({
      selfCare: t.int({ required: true, description: '自理能力 0–32' }),
      mobility: t.int({ required: true, description: '基础运动能力 0–16' }),
      mental: t.int({ required: true, description: '精神状态 0–28' }),
      perception: t.int({ required: true, description: '感知觉与社会参与 0–14' }),
    }),
  });
  const Input = builder.inputType('RecordCapabilityAssessmentInput', {
    fields: (t) => ({
      personId: t.id({ required: true }),
      level: t.field({
        type: E.Level,
        required: true,
        description:
          'the level of the total, or more severe where the standard raises it (昏迷, 认知障碍, 照护风险事件)',
      }),
      assessedAt: t.field({ type: 'DateTime', required: true }),
      notes: t.string({ required: false }),
      scores: t.field({
        type: ScoresInput,
        required: false,
        description: '四个一级指标得分 (recommended: the total and the level check are derived from them)',
      }),
      reason: t.field({ type: E.Reason, required: false, description: 'default INITIAL for the first, ROUTINE after' }),
      assessorName: t.string({ required: false, description: '评估员 (default: your account)' }),
    }),
  });

  const Payload = builder
    .objectRef<{ assessment: unknown; recipient: unknown }>('RecordCapabilityAssessmentPayload')
    .implement({
      fields: (t) => ({
        assessment: t.field({ type: modelRef(builder, 'CapabilityAssessment'), resolve: (p) => p.assessment as never }),
        recipient: t.field({ type: modelRef(builder, 'CareRecipient'), resolve: (p) => p.recipient as never }),
      }),
    });

  builder.mutationField('recordCapabilityAssessment', (t) =>
    t.field({
      policy: {
        roles: STAFF,
        scope: { record: 'Person', id: 'input.personId' },
        relation: 'department staff only as staff of the facility operator',
      },
      description:
        "记录能力评估 (workers and admins of the person's community, or staff of a facility where they are enrolled)",
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        const scores = (input.scores ?? null) as Scores | null;
        const checks = new Checks()
          .text(input.notes, 'input.notes', { max: 1000, required: false })
          .text(input.assessorName, 'input.assessorName', { max: 40, required: false })
          .check(
            input.assessedAt.getTime() <= now.getTime() + 5 * 60_000,
            'input.assessedAt',
            '不能晚于现在 (not in the future)',
          );
        checks.throwIfAny();
        let total: number | null = null;
        if (scores) {
          const problems = scoreProblems(scores);
          if (problems.length) throw new ValidationError(problems);
          total = totalOf(scores);
          const fromTotal = levelForTotal(total);
          if (!levelAllowed(input.level as Level, fromTotal)) {
            throw new ValidationError([
              {
                path: 'input.level',
                message: `总分 ${total} 对应 ${fromTotal}; 等级只能相同或更重 (the level may only be raised, not lowered)`,
              },
            ]);
          }
        }
        const personId = parseId(String(input.personId), 'Person', 'input.personId');
        const r = await ctx.prisma.careRecipient.findUnique({ where: { personId } });
        if (!r) {
          if (!(await ctx.prisma.person.findUnique({ where: { id: personId }, select: { id: true } })))
            throw notFound('居民 person');
          throw new AppError('PRECONDITION_FAILED', '请先登记为服务对象 (enrol the person first)');
        }
        let allowed = managesPeopleAt(ctx.viewer, r.regionPath);
        if (!allowed && ctx.viewer?.organizationId) {
          const staffFacilities = await ctx.prisma.careEnrollment.findMany({
            where: { recipientId: r.id, status: 'ACTIVE' },
            select: { facility: { select: { operatorId: true } } },
          });
          allowed = staffFacilities.some((e) => isFacilityStaff(ctx.viewer, e.facility));
        }
        if (!allowed) throw forbidden('无权为该居民评估 (workers, admins and facility staff of the person only)');
        const scope = { module: MODULE, regionPath: r.regionPath, settings: ['assessmentValidityMonths'] };
        return write(ctx, scope, async (unit) => {
          const w = named(ctx, unit);
          const validUntil = addMonths(input.assessedAt, w.settings.assessmentValidityMonths as number);
          if (validUntil <= now)
            throw new ValidationError([{ path: 'input.assessedAt', message: '评估已过有效期 (already expired)' }]);
          const previous = await w.tx.capabilityAssessment.count({ where: { recipientId: r.id } });
          const a = await w.tx.capabilityAssessment.create({
            data: {
              recipientId: r.id,
              personId: r.personId,
              communityId: r.communityId,
              regionPath: r.regionPath,
              selfCareScore: scores?.selfCare ?? null,
              mobilityScore: scores?.mobility ?? null,
              mentalScore: scores?.mental ?? null,
              perceptionScore: scores?.perception ?? null,
              totalScore: total,
              level: input.level,
              reason: input.reason ?? (previous ? 'ROUTINE' : 'INITIAL'),
              assessedAt: input.assessedAt,
              validUntil,
              assessorAccountId: ctx.viewer!.accountId,
              assessorName: input.assessorName?.trim() || ctx.viewer!.username,
              notes: input.notes?.trim() || null,
            },
          });
          // the newest assessment (by assessedAt) becomes current; a back-dated one does not replace it
          await w.tx.careRecipient.updateMany({
            where: { id: r.id, OR: [{ assessedAt: null }, { assessedAt: { lte: input.assessedAt } }] },
            data: {
              latestAssessmentId: a.id,
              currentLevel: a.level,
              assessedAt: a.assessedAt,
              assessmentValidUntil: a.validUntil,
              version: { increment: 1 },
            },
          });
          // the level is not written to the audit log: the log is readable by admins who need not see health data
          await w.audit({
            action: 'elderCare.assessment.record',
            entityType: 'Person',
            entityId: r.personId,
            regionPath: r.regionPath,
            data: { assessmentId: a.id },
          });
          return { assessment: a, recipient: await w.tx.careRecipient.findUniqueOrThrow({ where: { id: r.id } }) };
        });
      },
    }),
  );
}
