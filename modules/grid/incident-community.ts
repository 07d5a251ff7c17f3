// The community end of the chain: 网格发现 (reportIncident), 村社接报 (acceptIncident), rejectIncident,
// reworkIncident (返工) and 核查结案 (closeIncident).
import {
  Checks,
  forbidden,
  MANAGERS,
  notFound,
  parseId,
  payloadType,
  ValidationError,
  type Builder,
} from '../../src/kit/index.js';
import { assertGridWorker, isCommunityStaffOf, MODULE } from './access.js';
import { SG, type GridEnums } from './enums.js';
import {
  assertStatus,
  checkAttachments,
  checkNewIncident,
  createIncident,
  escalateAtFor,
  loadForWrite,
  resolveConcerned,
  transition,
} from './incident-service.js';
import type { incidentDraftInput } from './patrol.js';
import { addHours, policyFor } from './policy.js';
import { awardByRuleCode } from './points-service.js';

export const TX = { maxWait: 30_000, timeout: 30_000 };

export function registerCommunityChain(builder: Builder, E: GridEnums, Draft: ReturnType<typeof incidentDraftInput>) {
  const payload = (name: string) => payloadType(builder, name, 'incident', 'Incident', { subGraphs: SG });

  const ReportIncidentInput = builder.inputType('ReportIncidentInput', {
    subGraphs: SG,
    description: '网格发现: a grid worker reports an incident in their grid',
    fields: (t) => ({
      gridId: t.id({ required: true }),
      category: t.field({ type: E.IncidentCategory, required: true }),
      priority: t.field({ type: E.IncidentPriority, required: false, description: 'default NORMAL' }),
      title: t.string({ required: true }),
      description: t.string({ required: false }),
      location: t.field({ type: Draft.LocationInput, required: false }),
      occurredAt: t.field({ type: 'DateTime', required: false }),
      attachmentUrls: t.stringList({ required: false }),
      residentId: t.id({ required: false, description: '当事居民 (may follow the incident)' }),
      householdId: t.id({ required: false }),
    }),
  });
  const NoteInput = (name: string, description: string) =>
    builder.inputType(name, {
      subGraphs: SG,
      description,
      fields: (t) => ({
        incidentId: t.id({ required: true }),
        note: t.string({ required: false }),
        attachmentUrls: t.stringList({ required: false }),
      }),
    });
  const AcceptIncidentInput = builder.inputType('AcceptIncidentInput', {
    subGraphs: SG,
    description: '村社接报',
    fields: (t) => ({
      incidentId: t.id({ required: true }),
      note: t.string({ required: false }),
      complex: t.boolean({ required: false, description: '复杂事项: the 15-day resolution limit applies' }),
    }),
  });
  const RejectIncidentInput = builder.inputType('RejectIncidentInput', {
    subGraphs: SG,
    fields: (t) => ({
      incidentId: t.id({ required: true }),
      reason: t.field({ type: E.RejectReason, required: true }),
      duplicateOfId: t.id({ required: false, description: 'required when reason is DUPLICATE' }),
      note: t.string({ required: true }),
    }),
  });
  const ReworkIncidentInput = NoteInput(
    'ReworkIncidentInput',
    '返工: send a resolution back to the department (note required)',
  );
  const CloseIncidentInput = builder.inputType('CloseIncidentInput', {
    subGraphs: SG,
    description: '核查结案',
    fields: (t) => ({
      incidentId: t.id({ required: true }),
      satisfaction: t.field({
        type: E.IncidentSatisfaction,
        required: false,
        description: '满意度 from the follow-up (回访)',
      }),
      solved: t.boolean({ required: false, description: '问题是否解决 (default true)' }),
      note: t.string({ required: false }),
      attachmentUrls: t.stringList({ required: false }),
    }),
  });

  const communityActor = (ctx: Parameters<typeof loadForWrite>[0], path: string, action: string) => {
    if (!isCommunityStaffOf(ctx.viewer, path))
      throw forbidden(
        `只有该村社工作人员或上级管理员可以${action} (community workers of this community or admins above only)`,
      );
  };

  builder.mutationFields((t) => ({
    reportIncident: t.field({
      subGraphs: SG,
      policy: {
        roles: ['REGION_ADMIN', 'COMMUNITY_WORKER'],
        scope: { record: 'Grid', id: 'input.gridId' },
        relation: "the grid's assigned worker",
      },
      description: '网格发现: report an incident (grid workers assigned to the grid)',
      type: payload('ReportIncidentPayload'),
      errors: {},
      args: { input: t.arg({ type: ReportIncidentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const checks = checkNewIncident(new Checks(), input, ctx.clock.now());
        const attachmentUrls = checkAttachments(checks, input.attachmentUrls, 'input.attachmentUrls');
        checks.throwIfAny();
        const grid = await ctx.prisma.grid.findUnique({
          where: { id: parseId(String(input.gridId), 'Grid', 'input.gridId') },
        });
        if (!grid) throw notFound('网格 grid');
        await ctx.gate.assertEnabled(MODULE, grid.regionPath);
        await assertGridWorker(ctx, grid);
        const concerned = await resolveConcerned(ctx, grid, input.residentId, input.householdId);
        const incident = await ctx.prisma.$transaction(
          (tx) =>
            createIncident(ctx, tx, {
              grid,
              category: input.category,
              priority: input.priority ?? 'NORMAL',
              title: input.title,
              description: input.description ?? '',
              latitude: input.location?.latitude,
              longitude: input.location?.longitude,
              occurredAt: input.occurredAt,
              attachmentUrls,
              ...concerned,
            }),
          TX,
        );
        return { incident };
      },
    }),
    acceptIncident: t.field({
      subGraphs: SG,
      policy: { roles: MANAGERS, scope: { record: 'Incident', id: 'input.incidentId' } },
      description: '村社接报: the village/community accepts a report; the resolution deadline starts',
      type: payload('AcceptIncidentPayload'),
      errors: {},
      args: { input: t.arg({ type: AcceptIncidentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.note, 'input.note', { max: 2000, required: false }).throwIfAny();
        const incident = await loadForWrite(ctx, input.incidentId);
        communityActor(ctx, incident.regionPath, '接报');
        assertStatus(incident, ['REPORTED'], '接报 accept');
        const now = ctx.clock.now();
        const complex = input.complex ?? false;
        const updated = await ctx.prisma.$transaction(async (tx) => {
          const policy = await policyFor(tx, incident.regionPath, incident.category, incident.priority);
          const due = addHours(now, complex ? policy.complexResolveHours : policy.resolveHours);
          return transition(
            ctx,
            tx,
            incident,
            'ACCEPTED',
            {
              acceptedAt: now,
              respondedAt: now,
              complex,
              deadline: due,
              resolveDueAt: due,
              escalateAt: escalateAtFor(incident, due),
            },
            { note: input.note },
          );
        }, TX);
        return { incident: updated };
      },
    }),
    rejectIncident: t.field({
      subGraphs: SG,
      policy: { roles: MANAGERS, scope: { record: 'Incident', id: 'input.incidentId' } },
      description: '不予受理: not a matter for us, or a duplicate (linked); from REPORTED or ACCEPTED',
      type: payload('RejectIncidentPayload'),
      errors: {},
      args: { input: t.arg({ type: RejectIncidentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.note, 'input.note', { max: 2000 })
          .check(
            input.reason !== 'DUPLICATE' || input.duplicateOfId,
            'input.duplicateOfId',
            '重复事件须指明原事件 (required for DUPLICATE)',
          )
          .throwIfAny();
        const incident = await loadForWrite(ctx, input.incidentId);
        communityActor(ctx, incident.regionPath, '不予受理');
        assertStatus(incident, ['REPORTED', 'ACCEPTED'], '不予受理 reject');
        let duplicateOfId: string | null = null;
        if (input.reason === 'DUPLICATE') {
          duplicateOfId = parseId(String(input.duplicateOfId), 'Incident', 'input.duplicateOfId');
          const original = await ctx.prisma.incident.findUnique({
            where: { id: duplicateOfId },
            select: { regionPath: true },
          });
          if (!original || duplicateOfId === incident.id) throw notFound('原事件 original incident');
          if (!isCommunityStaffOf(ctx.viewer, original.regionPath))
            throw new ValidationError([
              { path: 'input.duplicateOfId', message: '原事件不在您的辖区 (outside your area)' },
            ]);
        }
        const updated = await ctx.prisma.$transaction(
          (tx) =>
            transition(
              ctx,
              tx,
              incident,
              'REJECTED',
              {
                respondedAt: incident.respondedAt ?? ctx.clock.now(),
                duplicateOfId,
                deadline: null,
                escalateAt: null,
              },
              { note: `${input.reason === 'DUPLICATE' ? '重复事件' : '非本级事项'}: ${input.note.trim()}` },
            ),
          TX,
        );
        return { incident: updated };
      },
    }),
    reworkIncident: t.field({
      subGraphs: SG,
      policy: { roles: MANAGERS, scope: { record: 'Incident', id: 'input.incidentId' } },
      description: '返工: send a RESOLVED incident back to IN_PROGRESS (community workers, township admins)',
      type: payload('ReworkIncidentPayload'),
      errors: {},
      args: { input: t.arg({ type: ReworkIncidentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const checks = new Checks().text(input.note, 'input.note', { max: 2000 });
        const attachmentUrls = checkAttachments(checks, input.attachmentUrls, 'input.attachmentUrls');
        checks.throwIfAny();
        const incident = await loadForWrite(ctx, input.incidentId);
        communityActor(ctx, incident.regionPath, '返工');
        assertStatus(incident, ['RESOLVED'], '返工 rework');
        const now = ctx.clock.now();
        const updated = await ctx.prisma.$transaction(async (tx) => {
          const policy = await policyFor(tx, incident.regionPath, incident.category, incident.priority);
          const due = addHours(now, incident.complex ? policy.complexResolveHours : policy.resolveHours);
          return transition(
            ctx,
            tx,
            incident,
            'IN_PROGRESS',
            {
              reworkCount: { increment: 1 },
              resolvedAt: null,
              deadline: due,
              resolveDueAt: due,
              escalateAt: escalateAtFor(incident, due),
            },
            { note: input.note, attachmentUrls, departmentId: incident.leadDepartmentId },
          );
        }, TX);
        return { incident: updated };
      },
    }),
    closeIncident: t.field({
      subGraphs: SG,
      policy: { roles: MANAGERS, scope: { record: 'Incident', id: 'input.incidentId' } },
      description:
        '核查结案: verify and close (community workers or township admins); from RESOLVED, or from ACCEPTED when the community solved it itself',
      type: payload('CloseIncidentPayload'),
      errors: {},
      args: { input: t.arg({ type: CloseIncidentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const checks = new Checks().text(input.note, 'input.note', { max: 2000, required: false });
        const attachmentUrls = checkAttachments(checks, input.attachmentUrls, 'input.attachmentUrls');
        checks.throwIfAny();
        const incident = await loadForWrite(ctx, input.incidentId);
        communityActor(ctx, incident.regionPath, '结案');
        assertStatus(incident, ['RESOLVED', 'ACCEPTED'], '结案 close');
        const now = ctx.clock.now();
        const resolvedAt = incident.resolvedAt ?? now;
        const updated = await ctx.prisma.$transaction(async (tx) => {
          const closed = await transition(
            ctx,
            tx,
            incident,
            'CLOSED',
            {
              closedAt: now,
              resolvedAt,
              closedOnTime: !!incident.resolveDueAt && resolvedAt.getTime() <= incident.resolveDueAt.getTime(),
              satisfaction: input.satisfaction ?? null,
              solved: input.solved ?? true,
              deadline: null,
              escalateAt: null,
            },
            { note: input.note, attachmentUrls },
          );
          // 积分: a verified report earns the reporter points where the township has an INCIDENT_REPORT rule;
          // verified by someone else — a reporter who closes their own report earns nothing for it
          if (closed.reporterPersonId && closed.reporterPersonId !== ctx.viewer?.personId) {
            await awardByRuleCode(tx, {
              code: 'INCIDENT_REPORT',
              personId: closed.reporterPersonId,
              regionPath: closed.regionPath,
              idempotencyKey: `incident:${closed.id}`,
              at: now,
              actorAccountId: ctx.viewer?.accountId ?? null,
              note: `事件核实: ${closed.title}`,
            });
          }
          return closed;
        }, TX);
        return { incident: updated };
      },
    }),
  }));
}
