// The community end of the chain: 村社接报 (acceptIncident), rejectIncident, reworkIncident (返工) and
// 核查结案 (closeIncident). Each is one write unit around one lifecycle move (incident-lifecycle.ts).
import {
  Checks,
  type Context,
  forbidden,
  type Incident,
  MANAGERS,
  notFound,
  parseId,
  payloadType,
  ValidationError,
  type Builder,
  type WriteUnit,
} from '../../src/kit/index.js';
import { isCommunityStaffOf } from './access.js';
import type { GridEnums } from './enums.js';
import { incidentLifecycle, moveIncident } from './incident-lifecycle.js';
import { assertVerifiable, resolveDue, reworkMove, workerSatisfaction } from './incident-deadlines.js';
import { checkAttachments, escalateAtFor, incidentWrite, loadForWrite } from './incident-service.js';
import { awardByRuleCode } from './points-service.js';

const communityActor = (ctx: Context, path: string, action: string) => {
  if (!isCommunityStaffOf(ctx.viewer, path))
    throw forbidden(
      `只有该村社工作人员或上级管理员可以${action} (community workers of this community or admins above only)`,
    );
};

/**
 * 积分: a verified report earns the reporter points where the township has an INCIDENT_REPORT rule;
 * verified by someone else — a reporter who closes their own report earns nothing for it
 */
async function rewardReporter(w: WriteUnit, ctx: Context, closed: Incident) {
  if (!closed.reporterPersonId || closed.reporterPersonId === ctx.viewer?.personId) return;
  await awardByRuleCode(w.tx, {
    code: 'INCIDENT_REPORT',
    personId: closed.reporterPersonId,
    regionPath: closed.regionPath,
    idempotencyKey: `incident:${closed.id}`,
    at: w.now,
    actorAccountId: ctx.viewer?.accountId ?? null,
    note: `事件核实: ${closed.title}`,
  });
}

export function registerCommunityChain(builder: Builder, E: GridEnums) {
  const payload = (name: string) => payloadType(builder, name, 'incident', 'Incident');
  const NoteInput = (name: string, description: string) =>
    builder.inputType(name, {
      description,
      fields: (t) => ({
        incidentId: t.id({ required: true }),
        note: t.string({ required: false }),
        attachmentUrls: t.stringList({ required: false }),
      }),
    });
  const AcceptIncidentInput = builder.inputType('AcceptIncidentInput', {
    description: '村社接报',
    fields: (t) => ({
      incidentId: t.id({ required: true }),
      note: t.string({ required: false }),
      complex: t.boolean({ required: false, description: '复杂事项: the 15-day resolution limit applies' }),
    }),
  });
  const RejectIncidentInput = builder.inputType('RejectIncidentInput', {
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

  builder.mutationFields((t) => ({
    acceptIncident: t.field({
      policy: { roles: MANAGERS, scope: { record: 'Incident', id: 'input.incidentId' } },
      description: '村社接报: the village/community accepts a report; the resolution deadline starts',
      type: payload('AcceptIncidentPayload'),
      errors: {},
      args: { input: t.arg({ type: AcceptIncidentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.note, 'input.note', { max: 2000, required: false }).throwIfAny();
        const incident = await loadForWrite(ctx, input.incidentId);
        communityActor(ctx, incident.regionPath, '接报');
        incidentLifecycle.assert(incident, 'ACCEPT');
        const complex = input.complex ?? false;
        const updated = await incidentWrite(ctx, incident.regionPath, async (w) => {
          const due = await resolveDue(w, incident, complex);
          const data = { acceptedAt: w.now, respondedAt: w.now, complex, deadline: due, resolveDueAt: due };
          return moveIncident(
            w,
            ctx,
            incident,
            'ACCEPT',
            { ...data, escalateAt: escalateAtFor(incident, due) },
            {
              note: input.note,
            },
          );
        });
        return { incident: updated };
      },
    }),
    rejectIncident: t.field({
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
        incidentLifecycle.assert(incident, 'REJECT');
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
        const reason = input.reason === 'DUPLICATE' ? '重复事件' : '非本级事项';
        const updated = await incidentWrite(ctx, incident.regionPath, (w) =>
          moveIncident(
            w,
            ctx,
            incident,
            'REJECT',
            { respondedAt: incident.respondedAt ?? w.now, duplicateOfId, deadline: null, escalateAt: null },
            { note: `${reason}: ${input.note.trim()}` },
          ),
        );
        return { incident: updated };
      },
    }),
    reworkIncident: t.field({
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
        incidentLifecycle.assert(incident, 'REWORK');
        const updated = await incidentWrite(ctx, incident.regionPath, (w) =>
          reworkMove(w, ctx, incident, { note: input.note, attachmentUrls }),
        );
        return { incident: updated };
      },
    }),
    closeIncident: t.field({
      policy: { roles: MANAGERS, scope: { record: 'Incident', id: 'input.incidentId' } },
      description:
        '核查结案: verify and close (community workers or township admins); ' +
        'from RESOLVED, or from ACCEPTED when the community solved it itself',
      type: payload('CloseIncidentPayload'),
      errors: {},
      args: { input: t.arg({ type: CloseIncidentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const checks = new Checks().text(input.note, 'input.note', { max: 2000, required: false });
        const attachmentUrls = checkAttachments(checks, input.attachmentUrls, 'input.attachmentUrls');
        checks.throwIfAny();
        const incident = await loadForWrite(ctx, input.incidentId);
        communityActor(ctx, incident.regionPath, '结案');
        incidentLifecycle.assert(incident, 'CLOSE');
        assertVerifiable(ctx, incident);
        const satisfaction = workerSatisfaction(incident, input.satisfaction);
        const updated = await incidentWrite(ctx, incident.regionPath, async (w) => {
          const resolvedAt = incident.resolvedAt ?? w.now;
          const closedOnTime = !!incident.resolveDueAt && resolvedAt.getTime() <= incident.resolveDueAt.getTime();
          const closed = await moveIncident(
            w,
            ctx,
            incident,
            'CLOSE',
            {
              closedAt: w.now,
              resolvedAt,
              closedOnTime,
              ...satisfaction,
              solved: input.solved ?? true,
              deadline: null,
              escalateAt: null,
            },
            { note: input.note, attachmentUrls },
          );
          await rewardReporter(w, ctx, closed);
          return closed;
        });
        return { incident: updated };
      },
    }),
  }));
}
