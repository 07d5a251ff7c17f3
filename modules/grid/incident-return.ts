// 退单: a department escalated to may return the escalation with a reason, once, before reporting in (an
// escalation is "accepted" by reporting in). Its IncidentDepartment row becomes RETURNED; when every
// department has returned it, the incident goes back to ACCEPTED (the lifecycle's RETURN move) for the
// township to escalate again — to others, or to the same department, which then cannot return it twice.
import { Checks, forbidden, invalidTransition, payloadType, type Builder } from '../../src/kit/index.js';
import { keptResolveDue } from './incident-deadlines.js';
import { moveIncident } from './incident-lifecycle.js';
import { escalateAtFor, incidentWrite, loadForWrite, writeEntry } from './incident-service.js';

export function registerReturn(builder: Builder) {
  const Input = builder.inputType('ReturnIncidentEscalationInput', {
    description: '退单: return an escalation to the township with a reason (once, before reporting in)',
    fields: (t) => ({ incidentId: t.id({ required: true }), reason: t.string({ required: true }) }),
  });
  builder.mutationField('returnIncidentEscalation', (t) =>
    t.field({
      policy: {
        roles: ['DEPARTMENT_STAFF'],
        scope: { record: 'Incident', id: 'input.incidentId' },
        relation: 'a department the incident was escalated to, before it reports in',
      },
      description:
        '退单: department staff return an escalation with a reason, once per department, before reporting in; ' +
        'when all have returned it the incident is ACCEPTED again for the township',
      type: payloadType(builder, 'ReturnIncidentEscalationPayload', 'incident', 'Incident'),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { min: 2, max: 500 }).throwIfAny();
        const incident = await loadForWrite(ctx, input.incidentId);
        const orgId = ctx.viewer?.role === 'DEPARTMENT_STAFF' ? ctx.viewer.organizationId : null;
        const row =
          orgId &&
          (await ctx.prisma.incidentDepartment.findUnique({
            where: { incidentId_organizationId: { incidentId: incident.id, organizationId: orgId } },
          }));
        if (!row) throw forbidden('该事件未向您的部门吹哨 (not escalated to your department)');
        if (row.returnedAt) throw invalidTransition('本部门已退过一次单 (your department returned it once already)');
        if (row.role !== 'NOTIFIED') throw invalidTransition('已报到，不能退单 (reported in already: cannot return)');
        const reason = input.reason.trim();
        const updated = await incidentWrite(ctx, incident.regionPath, async (w) => {
          await w.tx.$queryRaw`SELECT id FROM "Incident" WHERE id = ${incident.id} FOR UPDATE`;
          const claimed = await w.tx.incidentDepartment.updateMany({
            where: { id: row.id, role: 'NOTIFIED', returnedAt: null },
            data: { role: 'RETURNED', returnedAt: w.now, returnReason: reason },
          });
          if (claimed.count !== 1) throw invalidTransition('本部门刚刚报到或退单 (reported in or returned meanwhile)');
          const fresh = await w.tx.incident.findUniqueOrThrow({ where: { id: incident.id } });
          const open = await w.tx.incidentDepartment.count({
            where: { incidentId: incident.id, role: { not: 'RETURNED' } },
          });
          await w.audit({
            action: 'incident.returnEscalation',
            entityType: 'Incident',
            entityId: incident.id,
            data: { department: orgId, reason },
          });
          if (open > 0 || fresh.status !== 'ESCALATED') {
            await writeEntry(w.tx, fresh, w.now, ctx.viewer, fresh.status, fresh.status, {
              kind: 'ASSIST',
              note: `退单: ${reason}`,
              departmentId: orgId,
            });
            return fresh;
          }
          const due = await keptResolveDue(w, fresh);
          return moveIncident(
            w,
            ctx,
            fresh,
            'RETURN',
            { deadline: due, escalateAt: escalateAtFor(fresh, due) },
            { note: `退单: ${reason}`, departmentId: orgId },
          );
        });
        return { incident: updated };
      },
    }),
  );
}
