// 登记 mutations: enrolCareRecipient (capped by the facility's capacity), endCareEnrollment, setCareVisitTier.
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
  type Builder,
} from '../../src/kit/index.js';
import { isFacilityStaff, isUniqueViolation } from './access.js';
import { MODULE, SUB, VISIT_COVERED, type Category, type Tier } from './constants.js';
import type { Enums } from './enums.js';
import { loadFacility } from './facility.js';
import { canSeeRecipient, loadRecipient } from './recipient.js';
import { visitIntervalMs } from './rules.js';

/** enrolments into one facility queue on its row lock: let them wait rather than time out */
const TX = { maxWait: 30_000, timeout: 30_000 };

export function registerEnrollments(builder: Builder, E: Enums) {
  const ContactInput = builder.inputType('CareEmergencyContactInput', {
    subGraphs: SUB,
    fields: (t) => ({
      name: t.string({ required: true }),
      phone: t.string({ required: true }),
      relation: t.string({ required: false }),
    }),
  });
  const EnrollInput = builder.inputType('EnrollCareRecipientInput', {
    subGraphs: SUB,
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
    subGraphs: SUB,
    fields: (t) => ({
      recipientId: t.id({ required: true }),
      facilityId: t.id({ required: true }),
      reason: t.string({ required: false, description: '原因, e.g. 迁出' }),
    }),
  });
  const TierInput = builder.inputType('SetCareVisitTierInput', {
    subGraphs: SUB,
    fields: (t) => ({
      recipientId: t.id({ required: true }),
      tier: t.field({ type: E.Tier, required: false, description: 'null ends 探访关爱 coverage' }),
    }),
  });
  const RecipientPayload = (name: string) =>
    payloadType(builder, name, 'recipient', 'CareRecipient', { subGraphs: SUB });

  const conflict = async <T>(fn: () => Promise<T>) => {
    try {
      return await fn();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', '已在该设施登记 (already enrolled there)');
      throw e;
    }
  };

  builder.mutationFields((t) => ({
    enrollCareRecipient: t.field({
      subGraphs: SUB,
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
        await ctx.gate.assertEnabled(MODULE, facility.regionPath);
        await ctx.gate.assertEnabled(MODULE, person.homePath);
        if (!facility.active) throw new AppError('PRECONDITION_FAILED', '设施已停用 (the facility is closed)');
        const now = ctx.clock.now();
        const recipient = await conflict(() =>
          ctx.prisma.$transaction(async (tx) => {
            // the capacity guard: lock the facility row first (every enrolment there queues behind it), then
            // count its ACTIVE enrolments — holds with many connections (PostgreSQL) and on PGlite alike
            const [locked] = await tx.$queryRaw<{ capacity: number; active: boolean }[]>`
              SELECT "capacity", "active" FROM "CareFacility" WHERE "id" = ${facility.id} FOR UPDATE`;
            if (!locked?.active) throw new AppError('PRECONDITION_FAILED', '设施已停用 (the facility is closed)');
            let r = await tx.careRecipient.findUnique({ where: { personId: person.id } });
            const categories = input.categories
              ? [...new Set(input.categories)]
              : ((r?.categories ?? []) as Category[]);
            const covered = categories.some((x) => VISIT_COVERED.includes(x));
            const tier = (input.visitTier ?? r?.visitTier ?? (covered ? 'GENERAL' : null)) as Tier | null;
            if (!r && !c)
              throw new AppError(
                'VALIDATION',
                'input.emergencyContact: 首次登记须填写紧急联系人 (required at the first enrolment)',
              );
            const data = {
              categories,
              communityId: person.homeCommunityId!,
              regionPath: person.homePath,
              visitTier: tier,
              ...(c
                ? {
                    emergencyName: c.name.trim(),
                    emergencyPhone: c.phone.trim(),
                    emergencyRelation: c.relation?.trim() || null,
                  }
                : {}),
            };
            if (tier && (!r || r.visitTier !== tier || !r.nextVisitDueAt)) {
              Object.assign(data, {
                nextVisitDueAt: r?.lastVisitedAt
                  ? new Date(r.lastVisitedAt.getTime() + (await visitIntervalMs(ctx.settings, tier, person.homePath)))
                  : now,
              });
            }
            if (!tier) Object.assign(data, { nextVisitDueAt: null });
            r = r
              ? await tx.careRecipient.update({ where: { id: r.id }, data: { ...data, version: { increment: 1 } } })
              : await tx.careRecipient.create({ data: { ...data, personId: person.id } });
            const existing = await tx.careEnrollment.findUnique({
              where: { recipientId_facilityId: { recipientId: r.id, facilityId: facility.id } },
            });
            if (existing?.status === 'ACTIVE')
              throw new AppError('CONFLICT', '已在该设施登记 (already enrolled there)');
            if (locked.capacity > 0) {
              const enrolled = await tx.careEnrollment.count({ where: { facilityId: facility.id, status: 'ACTIVE' } });
              if (enrolled >= locked.capacity) {
                throw new AppError('LIMIT_EXCEEDED', `设施已满 ${enrolled}/${locked.capacity} (the facility is full)`, {
                  capacity: locked.capacity,
                  enrolled,
                });
              }
            }
            const enrolment = {
              status: 'ACTIVE' as const,
              enrolledAt: now,
              endedAt: null,
              endReason: null,
              communityId: facility.communityId,
              regionPath: facility.regionPath,
            };
            if (existing) {
              const done = await tx.careEnrollment.updateMany({
                where: { id: existing.id, status: 'ENDED' },
                data: enrolment,
              });
              if (done.count !== 1) throw new AppError('CONFLICT', '登记状态已变化，请重试 (changed meanwhile)');
            } else {
              await tx.careEnrollment.create({
                data: { ...enrolment, recipientId: r.id, facilityId: facility.id, personId: person.id },
              });
            }
            await ctx.audit(tx, {
              action: 'elderCare.enroll',
              entityType: 'CareRecipient',
              entityId: r.id,
              regionPath: r.regionPath,
              data: { facilityId: facility.id, personId: person.id, categories, visitTier: tier },
            });
            return r;
          }, TX),
        );
        return { recipient };
      },
    }),
    endCareEnrollment: t.field({
      subGraphs: SUB,
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
        await ctx.gate.assertEnabled(MODULE, facility.regionPath);
        const recipient = await ctx.prisma.$transaction(async (tx) => {
          const done = await tx.careEnrollment.updateMany({
            where: { recipientId: r.id, facilityId, status: 'ACTIVE' },
            data: { status: 'ENDED', endedAt: ctx.clock.now(), endReason: input.reason?.trim() || null },
          });
          if (done.count !== 1) throw invalidTransition('该对象未在此设施登记 (no active enrolment there)');
          await ctx.audit(tx, {
            action: 'elderCare.endEnrollment',
            entityType: 'CareRecipient',
            entityId: r.id,
            regionPath: r.regionPath,
            data: { facilityId, reason: input.reason ?? null },
          });
          return tx.careRecipient.update({ where: { id: r.id }, data: { version: { increment: 1 } } });
        });
        return { recipient };
      },
    }),
    setCareVisitTier: t.field({
      subGraphs: SUB,
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
        await ctx.gate.assertEnabled(MODULE, r.regionPath);
        const tier = (input.tier ?? null) as Tier | null;
        const base = r.lastVisitedAt ?? null;
        const next = tier
          ? base
            ? new Date(base.getTime() + (await visitIntervalMs(ctx.settings, tier, r.regionPath)))
            : ctx.clock.now()
          : null;
        const recipient = await ctx.prisma.$transaction(async (tx) => {
          const done = await tx.careRecipient.updateMany({
            where: { id: r.id, version: r.version },
            data: { visitTier: tier, nextVisitDueAt: next, version: { increment: 1 } },
          });
          if (done.count !== 1) throw new AppError('CONFLICT', '记录已被修改，请重试 (changed meanwhile)');
          await ctx.audit(tx, {
            action: 'elderCare.visitTier',
            entityType: 'CareRecipient',
            entityId: r.id,
            regionPath: r.regionPath,
            data: { from: r.visitTier, to: tier },
          });
          return tx.careRecipient.findUniqueOrThrow({ where: { id: r.id } });
        });
        return { recipient };
      },
    }),
  }));
}
