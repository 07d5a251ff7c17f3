// 登记 mutations: enrolCareRecipient (capped by the facility's capacity), endCareEnrollment, setCareVisitTier.
// Ending and resuming an enrolment is its lifecycle (lifecycles.ts); the enrolment itself is enrol.ts.
import {
  AppError,
  Checks,
  forbidden,
  invalidTransition,
  MANAGERS,
  managesPeopleAt,
  notFound,
  parseId,
  payloadType,
  STAFF,
  write,
  type Builder,
} from '../../src/kit/index.js';
import { isFacilityStaff, named } from './access.js';
import { MODULE, type Tier } from './constants.js';
import { enrol, underRecipient, uniqueEnrolment } from './enrol.js';
import type { Enums } from './enums.js';
import { loadFacility } from './facility.js';
import { ENROLLMENT_AUDIT, enrollmentLifecycle, NOT_ENROLLED } from './lifecycles.js';
import { canSeeRecipient, loadRecipient } from './recipient.js';
import { intervalMs, VISIT_INTERVAL_SETTINGS } from './rules.js';

export function registerEnrollments(builder: Builder, E: Enums) {
  const ContactInput = builder.inputType('CareEmergencyContactInput', {
    fields: (t) => ({
      name: t.string({ required: true }),
      phone: t.string({ required: true }),
      relation: t.string({ required: false }),
    }),
  });
  const EnrollInput = builder.inputType('EnrollCareRecipientInput', {
    fields: (t) => ({
      personId: t.id({ required: true }),
      facilityId: t.id({ required: true }),
      categories: t.field({
        type: [E.Category],
        required: false,
        description: '类别 (replaces the current ones when given)',
      }),
      emergencyContact: t.field({
        type: ContactInput,
        required: false,
        description: '紧急联系人 (required at the first enrolment)',
      }),
      visitTier: t.field({
        type: E.Tier,
        required: false,
        description: '探访等级 (default GENERAL for 独居/空巢/留守/失能/重残/计生特殊家庭)',
      }),
    }),
  });
  const EndInput = builder.inputType('EndCareEnrollmentInput', {
    fields: (t) => ({
      recipientId: t.id({ required: true }),
      facilityId: t.id({ required: true }),
      reason: t.string({ required: false, description: '原因, e.g. 迁出' }),
    }),
  });
  const TierInput = builder.inputType('SetCareVisitTierInput', {
    fields: (t) => ({
      recipientId: t.id({ required: true }),
      tier: t.field({ type: E.Tier, required: false, description: 'null ends 探访关爱 coverage' }),
    }),
  });
  const RecipientPayload = (name: string) => payloadType(builder, name, 'recipient', 'CareRecipient');

  builder.mutationFields((t) => ({
    enrollCareRecipient: t.field({
      policy: { roles: MANAGERS, scope: { record: 'Person', id: 'input.personId' } },
      description: "登记服务对象 at a facility (workers and admins of the person's community)",
      type: RecipientPayload('EnrollCareRecipientPayload'),
      errors: {},
      args: { input: t.arg({ type: EnrollInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const c = input.emergencyContact;
        new Checks()
          .text(c?.name, 'input.emergencyContact.name', { max: 40, required: false })
          .check(
            !c || /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(c.phone.trim()),
            'input.emergencyContact.phone',
            '电话格式不正确',
          )
          .text(c?.relation, 'input.emergencyContact.relation', { max: 20, required: false })
          .throwIfAny();
        const person = await ctx.prisma.person.findUnique({
          where: { id: parseId(String(input.personId), 'Person', 'input.personId') },
        });
        if (!person) throw notFound('居民 person');
        const facility = await loadFacility(ctx, input.facilityId, 'input.facilityId');
        if (!person.homeCommunityId)
          throw new AppError('PRECONDITION_FAILED', '该居民没有居住社区 (the person has no home community)');
        if (!managesPeopleAt(ctx.viewer, person.homePath))
          throw forbidden(
            "只有该居民所在社区的工作人员或上级管理员可以登记 (workers and admins of the person's community)",
          );
        // the facility's township too: write() checks the person's, where the recipient is filed
        await ctx.gate.assertEnabled(MODULE, facility.regionPath);
        const scope = { module: MODULE, regionPath: person.homePath, settings: VISIT_INTERVAL_SETTINGS };
        const recipient = await uniqueEnrolment(() =>
          write(ctx, scope, (w) => enrol(named(ctx, w, ENROLLMENT_AUDIT), ctx, input, person, facility)),
        );
        return { recipient };
      },
    }),
    endCareEnrollment: t.field({
      policy: {
        roles: STAFF,
        scope: { record: 'CareRecipient', id: 'input.recipientId' },
        relation: 'department staff only as staff of the facility operator',
      },
      description: "结束登记 at one facility (workers and admins of the person's community, or the facility's staff)",
      type: RecipientPayload('EndCareEnrollmentPayload'),
      errors: {},
      args: { input: t.arg({ type: EndInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { max: 200, required: false }).throwIfAny();
        const r = await loadRecipient(ctx, input.recipientId, 'input.recipientId');
        const facilityId = parseId(String(input.facilityId), 'CareFacility', 'input.facilityId');
        const facility = await loadFacility(ctx, input.facilityId, 'input.facilityId');
        if (!(await canSeeRecipient(ctx, r))) throw notFound('服务对象 care recipient');
        if (!managesPeopleAt(ctx.viewer, r.regionPath) && !isFacilityStaff(ctx.viewer, facility))
          throw forbidden('无权结束该登记');
        const enrolment = await ctx.prisma.careEnrollment.findUnique({
          where: { recipientId_facilityId: { recipientId: r.id, facilityId } },
        });
        const recipient = await write(ctx, { module: MODULE, regionPath: facility.regionPath }, async (unit) => {
          if (!enrolment) throw invalidTransition(NOT_ENROLLED);
          const w = named(ctx, unit, ENROLLMENT_AUDIT);
          const reason = input.reason?.trim() || null;
          await enrollmentLifecycle.apply(underRecipient(w, r), ctx, enrolment, 'END', {
            data: { endedAt: w.now, endReason: reason },
            note: reason,
            conflictMessage: '登记状态已变化，请重试 (changed meanwhile)',
            audit: { facilityId, reason: input.reason ?? null },
          });
          return w.tx.careRecipient.update({ where: { id: r.id }, data: { version: { increment: 1 } } });
        });
        return { recipient };
      },
    }),
    setCareVisitTier: t.field({
      policy: { roles: MANAGERS, scope: { record: 'CareRecipient', id: 'input.recipientId' } },
      description:
        '设置探访等级 HIGH_RISK / KEY / GENERAL, or null to end coverage (workers and admins of the community)',
      type: RecipientPayload('SetCareVisitTierPayload'),
      errors: {},
      args: { input: t.arg({ type: TierInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const r = await loadRecipient(ctx, input.recipientId, 'input.recipientId');
        if (!managesPeopleAt(ctx.viewer, r.regionPath))
          throw forbidden('只有该社区的工作人员或上级管理员可以设置探访等级');
        const tier = (input.tier ?? null) as Tier | null;
        const scope = { module: MODULE, regionPath: r.regionPath, settings: VISIT_INTERVAL_SETTINGS };
        const recipient = await write(ctx, scope, async (unit) => {
          const w = named(ctx, unit);
          const base = r.lastVisitedAt;
          const next = tier ? (base ? new Date(base.getTime() + intervalMs(w.settings, tier)) : w.now) : null;
          const done = await w.tx.careRecipient.updateMany({
            where: { id: r.id, version: r.version },
            data: { visitTier: tier, nextVisitDueAt: next, version: { increment: 1 } },
          });
          if (done.count !== 1) throw new AppError('CONFLICT', '记录已被修改，请重试 (changed meanwhile)');
          await w.audit({
            action: 'elderCare.visitTier',
            entityType: 'CareRecipient',
            entityId: r.id,
            regionPath: r.regionPath,
            data: { from: r.visitTier, to: tier },
          });
          return w.tx.careRecipient.findUniqueOrThrow({ where: { id: r.id } });
        });
        return { recipient };
      },
    }),
  }));
}
