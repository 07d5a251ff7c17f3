// planConsultation → recordConsultation (minutes, participants, outcomes) → updateConsultationOutcome until
// every outcome is closed, which moves the consultation to FOLLOWED_UP in the same write; cancelConsultation.
import {
  Checks,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  write,
  type Builder,
  type Context,
} from '../../src/kit/index.js';
import { assertWrites, communityPartyOrg } from './access.js';
import type { ConsultationRefs } from './consultations.js';
import { consultationLifecycle, outcomeLifecycle } from './lifecycles.js';
import { MODULE_ID, type Enums } from './model.js';

async function consultationForWrite(ctx: Context, globalId: string | number) {
  const c = await ctx.prisma.consultation.findUnique({
    where: { id: parseId(String(globalId), 'Consultation', 'input.consultationId') },
  });
  if (!c || !ctx.viewer || !c.regionPath.startsWith(ctx.viewer.regionPath)) throw notFound('议事会 consultation');
  await ctx.gate.assertEnabled(MODULE_ID, c.regionPath);
  assertWrites(ctx, c.regionPath);
  return c;
}

const WRITERS = ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER'] as const;

export function registerConsultationMutations(builder: Builder, enums: Enums, refs: ConsultationRefs) {
  const Payload = payloadType(builder, 'ConsultationPayload', 'consultation', refs.Consultation, {
    description: '议事会 the changed consultation',
  });
  registerPlan(builder, Payload);
  registerRecord(builder, enums, Payload);
  registerOutcomeUpdate(builder, enums, refs);
}

function registerPlan(builder: Builder, Payload: ReturnType<typeof payloadType>) {
  const Input = builder.inputType('PlanConsultationInput', {
    description: '计划议事会',
    fields: (t) => ({
      venueId: t.id({ required: true, description: '议事点' }),
      topic: t.string({ required: true, description: '议题, 2–100 characters' }),
      scheduledAt: t.field({ type: 'DateTime', required: true, description: '时间' }),
      agenda: t.stringList({ required: false, description: '议程, at most 20 items' }),
      convenorId: t.id({ required: false, description: '召集人: a PartyOrganization of the community' }),
    }),
  });
  const Cancel = builder.inputType('CancelConsultationInput', {
    description: '取消议事会',
    fields: (t) => ({ consultationId: t.id({ required: true }), reason: t.string({ required: true }) }),
  });
  builder.mutationFields((t) => ({
    planConsultation: t.field({
      policy: { roles: WRITERS, scope: { record: 'ConsultationVenue', id: 'input.venueId' } },
      description: '计划议事会 at a venue (PLANNED), convened by the community party organisation',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const agenda = (input.agenda ?? []).map((a) => a.trim()).filter(Boolean);
        const checks = new Checks().text(input.topic, 'input.topic', { min: 2, max: 100 });
        checks.check(agenda.length <= 20, 'input.agenda', '至多 20 项 (at most 20 items)');
        agenda.forEach((a, i) => checks.text(a, `input.agenda.${i}`, { max: 200 }));
        checks.throwIfAny();
        const venue = await ctx.prisma.consultationVenue.findUnique({
          where: { id: parseId(String(input.venueId), 'ConsultationVenue', 'input.venueId') },
        });
        if (!venue) throw notFound('议事点 venue');
        await ctx.gate.assertEnabled(MODULE_ID, venue.regionPath);
        assertWrites(ctx, venue.regionPath);
        const community = await ctx.prisma.region.findUniqueOrThrow({ where: { id: venue.communityId } });
        const convenor = input.convenorId
          ? await communityPartyOrg(ctx, input.convenorId, community, 'input.convenorId')
          : null;
        const consultation = await write(ctx, { module: MODULE_ID, regionPath: venue.regionPath }, async (w) => {
          const created = await w.tx.consultation.create({
            data: {
              venueId: venue.id,
              communityId: venue.communityId,
              regionPath: venue.regionPath,
              topic: input.topic.trim(),
              scheduledAt: input.scheduledAt,
              agenda,
              convenorPartyOrgId: convenor?.id ?? null,
            },
          });
          await w.audit({ action: 'planned', entityType: 'Consultation', entityId: created.id });
          return created;
        });
        return { consultation };
      },
    }),
    cancelConsultation: t.field({
      policy: { roles: WRITERS, scope: { record: 'Consultation', id: 'input.consultationId' } },
      description: '取消议事会: PLANNED → CANCELLED, with a reason',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Cancel, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { min: 2, max: 200 }).throwIfAny();
        const c = await consultationForWrite(ctx, input.consultationId);
        const consultation = await write(ctx, { module: MODULE_ID, regionPath: c.regionPath }, (w) =>
          consultationLifecycle.apply(w, ctx, c, 'CANCEL', { data: { cancelReason: input.reason.trim() } }),
        );
        return { consultation };
      },
    }),
  }));
}

function registerRecord(builder: Builder, enums: Enums, Payload: ReturnType<typeof payloadType>) {
  const Participant = builder.inputType('ConsultationParticipantInput', {
    description: '参与方',
    fields: (t) => ({
      role: t.field({ type: enums.ParticipantRole, required: true }),
      count: t.int({ required: true, description: '人数 1–1000' }),
      organizationId: t.id({ required: false, description: '参与单位 (Organization)' }),
    }),
  });
  const OutcomeInput = builder.inputType('ConsultationOutcomeInput', {
    description: '议定事项',
    fields: (t) => ({
      description: t.string({ required: true, description: '事项, 2–200 characters' }),
      owner: t.string({ required: true, description: '责任方 a body or post, e.g. 村委会' }),
      dueOn: t.field({ type: 'Date', required: false, description: '完成期限' }),
      linkedRecordId: t.id({ required: false, description: '关联记录: a global id of another module’s record' }),
    }),
  });
  const Input = builder.inputType('RecordConsultationInput', {
    description: '记录议事会: it was held',
    fields: (t) => ({
      consultationId: t.id({ required: true }),
      heldAt: t.field({ type: 'DateTime', required: true, description: '召开时间' }),
      minutes: t.string({ required: true, description: '会议纪要, 2–5000 characters' }),
      participants: t.field({ type: [Participant], required: true, description: '参与方, at most 10 roles' }),
      outcomes: t.field({ type: [OutcomeInput], required: true, description: '议定事项, at most 50' }),
    }),
  });
  builder.mutationField('recordConsultation', (t) =>
    t.field({
      policy: { roles: WRITERS, scope: { record: 'Consultation', id: 'input.consultationId' } },
      description: '记录议事会: PLANNED → HELD with minutes, participants by role and outcomes',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const checks = new Checks().text(input.minutes, 'input.minutes', { min: 2, max: 5000 });
        checks.check(input.participants.length <= 10, 'input.participants', '至多 10 项 (at most 10)');
        checks.check(input.outcomes.length <= 50, 'input.outcomes', '至多 50 项 (at most 50)');
        input.participants.forEach((p, i) =>
          checks.check(p.count >= 1 && p.count <= 1000, `input.participants.${i}.count`, '应为 1–1000'),
        );
        input.outcomes.forEach((o, i) => {
          checks.text(o.description, `input.outcomes.${i}.description`, { min: 2, max: 200 });
          checks.text(o.owner, `input.outcomes.${i}.owner`, { min: 2, max: 40 });
          checks.text(o.linkedRecordId?.toString(), `input.outcomes.${i}.linkedRecordId`, {
            max: 200,
            required: false,
          });
        });
        checks.throwIfAny();
        const c = await consultationForWrite(ctx, input.consultationId);
        const participants = input.participants.map((p, i) => ({
          consultationId: c.id,
          role: p.role,
          count: p.count,
          organizationId: parseOptionalId(
            p.organizationId?.toString() ?? null,
            'Organization',
            `input.participants.${i}.organizationId`,
          ),
        }));
        const consultation = await write(ctx, { module: MODULE_ID, regionPath: c.regionPath }, async (w) => {
          const held = await consultationLifecycle.apply(w, ctx, c, 'HOLD', {
            data: { heldAt: input.heldAt, minutes: input.minutes.trim() },
          });
          await w.tx.consultationParticipant.createMany({ data: participants });
          await w.tx.consultationOutcome.createMany({
            data: input.outcomes.map((o) => ({
              consultationId: c.id,
              regionPath: c.regionPath,
              description: o.description.trim(),
              owner: o.owner.trim(),
              dueOn: o.dueOn ?? null,
              linkedRecordId: o.linkedRecordId?.toString() ?? null,
            })),
          });
          return held;
        });
        return { consultation };
      },
    }),
  );
}

function registerOutcomeUpdate(builder: Builder, enums: Enums, refs: ConsultationRefs) {
  const Input = builder.inputType('UpdateConsultationOutcomeInput', {
    description: '更新议定事项的落实情况',
    fields: (t) => ({
      outcomeId: t.id({ required: true }),
      status: t.field({ type: enums.OutcomeStatus, required: false, description: 'IN_PROGRESS, DONE or DROPPED' }),
      note: t.string({ required: false, description: '落实情况, up to 500 characters' }),
      dueOn: t.field({ type: 'Date', required: false }),
      linkedRecordId: t.id({ required: false, description: '关联记录 (global id)' }),
    }),
  });
  const ACTION = { IN_PROGRESS: 'START', DONE: 'DONE', DROPPED: 'DROP' } as const;
  builder.mutationField('updateConsultationOutcome', (t) =>
    t.field({
      policy: { roles: WRITERS, scope: { record: 'ConsultationOutcome', id: 'input.outcomeId' } },
      description:
        '更新议定事项 (落实回访): status, note, due date or link; the last outcome closed moves the consultation to FOLLOWED_UP',
      type: payloadType(builder, 'UpdateConsultationOutcomePayload', 'outcome', refs.Outcome),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const checks = new Checks().text(input.note, 'input.note', { max: 500, required: false });
        checks.check(input.status !== 'OPEN', 'input.status', '不能改回 OPEN (cannot reopen)');
        checks.throwIfAny();
        const id = parseId(String(input.outcomeId), 'ConsultationOutcome', 'input.outcomeId');
        const outcome = await ctx.prisma.consultationOutcome.findUnique({
          where: { id },
          include: { consultation: true },
        });
        if (!outcome || !ctx.viewer || !outcome.regionPath.startsWith(ctx.viewer.regionPath))
          throw notFound('议定事项 outcome');
        await ctx.gate.assertEnabled(MODULE_ID, outcome.regionPath);
        assertWrites(ctx, outcome.regionPath);
        const { consultation, ...row } = outcome;
        if (consultation.status !== 'HELD') consultationLifecycle.assert(consultation, 'FOLLOW_UP');
        const action = input.status ? ACTION[input.status as keyof typeof ACTION] : 'UPDATE';
        const data = {
          ...(input.note != null ? { note: input.note.trim() } : {}),
          ...(input.dueOn ? { dueOn: input.dueOn } : {}),
          ...(input.linkedRecordId ? { linkedRecordId: String(input.linkedRecordId) } : {}),
          ...(action === 'DONE' ? { doneAt: ctx.clock.now() } : {}),
        };
        const updated = await write(ctx, { module: MODULE_ID, regionPath: row.regionPath }, async (w) => {
          const next = await outcomeLifecycle.apply(w, ctx, row, action, { data, note: input.note ?? null });
          const open = await w.tx.consultationOutcome.count({
            where: { consultationId: consultation.id, status: { in: ['OPEN', 'IN_PROGRESS'] } },
          });
          if (open === 0) await consultationLifecycle.apply(w, ctx, consultation, 'FOLLOW_UP');
          return next;
        });
        return { outcome: updated };
      },
    }),
  );
}
