// The township and department end of the chain: 街乡吹哨 (escalateIncident), 部门报到
// (reportInIncident: the first department becomes the lead, later ones assist) and 处置反馈
// (resolveIncident, lead department only).
import {
  ADMINS,
  Checks,
  forbidden,
  invalidTransition,
  parseId,
  payloadType,
  ValidationError,
  type Builder,
} from '../../src/kit/index.js';
import { isTownshipAdminOf, townshipOf } from './access.js';
import type { GridEnums } from './enums.js';
import { illegalMessage, incidentLifecycle, moveIncident } from './incident-lifecycle.js';
import { checkAttachments, escalateAtFor, incidentWrite, loadForWrite } from './incident-service.js';
import { resolveClockAt, resolveDue } from './incident-deadlines.js';
import { reportIn } from './incident-report-in.js';
import { addHours, policyFor } from './policy.js';

export function registerDepartmentChain(builder: Builder, _E: GridEnums) {
  const payload = (name: string) => payloadType(builder, name, 'incident', 'Incident');

  const EscalateIncidentInput = builder.inputType('EscalateIncidentInput', {
    description: '街乡吹哨: escalate to one or more departments',
    fields: (t) => ({
      incidentId: t.id({ required: true }),
      departmentIds: t.idList({
        required: true,
        description: 'Organization ids (1–10), e.g. from organizations(filter)',
      }),
      note: t.string({ required: false }),
    }),
  });
  const ReportInIncidentInput = builder.inputType('ReportInIncidentInput', {
    description: '部门报到: your department accepts the escalation',
    fields: (t) => ({ incidentId: t.id({ required: true }), note: t.string({ required: false }) }),
  });
  const ResolveIncidentInput = builder.inputType('ResolveIncidentInput', {
    description: '处置反馈',
    fields: (t) => ({
      incidentId: t.id({ required: true }),
      note: t.string({ required: true }),
      attachmentUrls: t.stringList({ required: false }),
    }),
  });

  builder.mutationFields((t) => ({
    escalateIncident: t.field({
      policy: {
        roles: ADMINS,
        scope: { record: 'Incident', id: 'input.incidentId' },
        relation: 'administrators of the township or above',
      },
      description:
        '街乡吹哨: township admins escalate an accepted incident to departments; each must report in within the policy',
      type: payload('EscalateIncidentPayload'),
      errors: {},
      args: { input: t.arg({ type: EscalateIncidentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const ids = [
          ...new Set(input.departmentIds.map((d, i) => parseId(String(d), 'Organization', `input.departmentIds.${i}`))),
        ];
        new Checks()
          .check(ids.length >= 1 && ids.length <= 10, 'input.departmentIds', '1–10 个部门 (one to ten departments)')
          .text(input.note, 'input.note', { max: 2000, required: false })
          .throwIfAny();
        const incident = await loadForWrite(ctx, input.incidentId);
        if (!isTownshipAdminOf(ctx.viewer, incident.regionPath))
          throw forbidden('只有乡镇街道及以上管理员可以吹哨 (township admins or above only)');
        incidentLifecycle.assert(incident, 'ESCALATE');
        const orgs = await ctx.prisma.organization.findMany({ where: { id: { in: ids } } });
        const township = townshipOf(incident.regionPath);
        const issues = ids.flatMap((id, i) => {
          const o = orgs.find((x) => x.id === id);
          if (!o) return [{ path: `input.departmentIds.${i}`, message: '单位不存在 (no such organisation)' }];
          // a department covering the incident (county bureau, township police station …) or inside its township
          const covers = incident.regionPath.startsWith(o.regionPath) || o.regionPath.startsWith(township);
          return covers
            ? []
            : [
                {
                  path: `input.departmentIds.${i}`,
                  message: `${o.name} 不负责该地区 (does not cover the incident's area)`,
                },
              ];
        });
        if (issues.length) throw new ValidationError(issues);
        const names = ids.map((id) => orgs.find((o) => o.id === id)!.name).join('、');
        const note = [input.note?.trim(), `吹哨部门: ${names}`].filter(Boolean).join(' — ');
        const clock = await resolveClockAt(ctx, incident.regionPath);
        const updated = await incidentWrite(ctx, incident.regionPath, async (w) => {
          const policy = await policyFor(w.tx, incident.regionPath, incident.category, incident.priority);
          const due = addHours(w.now, policy.reportInHours);
          // 办结时限 from escalation where the township says so (once: an incident is escalated once)
          const resolveDueAt = clock === 'ESCALATION' ? await resolveDue(w, incident, incident.complex) : undefined;
          const data = { deadline: due, escalateAt: escalateAtFor(incident, due), resolveDueAt };
          const moved = await moveIncident(w, ctx, incident, 'ESCALATE', data, {
            note,
            departmentId: ids.length === 1 ? ids[0] : null,
          });
          await w.tx.incidentDepartment.createMany({
            data: ids.map((organizationId) => ({
              incidentId: incident.id,
              organizationId,
              regionPath: incident.regionPath,
              notifiedAt: w.now,
              reportInDueAt: due,
            })),
            skipDuplicates: true,
          });
          // escalated again after 退单: a department that returned it is notified again (and cannot return twice)
          await w.tx.incidentDepartment.updateMany({
            where: { incidentId: incident.id, organizationId: { in: ids }, role: 'RETURNED' },
            data: { role: 'NOTIFIED', notifiedAt: w.now, reportInDueAt: due },
          });
          return moved;
        });
        return { incident: updated };
      },
    }),
    reportInIncident: t.field({
      policy: {
        roles: ['DEPARTMENT_STAFF'],
        scope: { record: 'Incident', id: 'input.incidentId' },
        relation: 'a department the incident was escalated to',
      },
      description:
        '部门报到: department staff accept an escalation for their own organisation; ' +
        'the first becomes the lead (主办), later ones assist (协办)',
      type: payload('ReportInIncidentPayload'),
      errors: {},
      args: { input: t.arg({ type: ReportInIncidentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.note, 'input.note', { max: 2000, required: false }).throwIfAny();
        const incident = await loadForWrite(ctx, input.incidentId);
        const viewer = ctx.viewer;
        if (viewer?.role !== 'DEPARTMENT_STAFF' || !viewer.organizationId)
          throw forbidden('只有被吹哨部门的工作人员可以报到 (staff of a department escalated to only)');
        const orgId = viewer.organizationId;
        const row = await ctx.prisma.incidentDepartment.findUnique({
          where: { incidentId_organizationId: { incidentId: incident.id, organizationId: orgId } },
        });
        if (!row) throw forbidden('该事件未向您的部门吹哨 (not escalated to your department)');
        if (incident.status !== 'ESCALATED' && incident.status !== 'IN_PROGRESS')
          throw invalidTransition(illegalMessage(incident.status, '报到 report in', ['ESCALATED', 'IN_PROGRESS']));
        const updated = await incidentWrite(ctx, incident.regionPath, (w) =>
          reportIn(w, ctx, incident.id, row.id, input.note),
        );
        return { incident: updated };
      },
    }),
    resolveIncident: t.field({
      policy: {
        roles: ['DEPARTMENT_STAFF'],
        scope: { record: 'Incident', id: 'input.incidentId' },
        relation: 'the lead department',
      },
      description: '处置反馈: the lead department reports the incident resolved; verification deadline starts',
      type: payload('ResolveIncidentPayload'),
      errors: {},
      args: { input: t.arg({ type: ResolveIncidentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const checks = new Checks().text(input.note, 'input.note', { max: 4000 });
        const attachmentUrls = checkAttachments(checks, input.attachmentUrls, 'input.attachmentUrls');
        checks.throwIfAny();
        const incident = await loadForWrite(ctx, input.incidentId);
        const viewer = ctx.viewer;
        const assigned =
          viewer?.role === 'DEPARTMENT_STAFF' &&
          !!viewer.organizationId &&
          !!(await ctx.prisma.incidentDepartment.findUnique({
            where: { incidentId_organizationId: { incidentId: incident.id, organizationId: viewer.organizationId } },
          }));
        if (!assigned)
          throw forbidden('只有被吹哨部门的工作人员可以反馈处置结果 (staff of a department escalated to only)');
        incidentLifecycle.assert(incident, 'RESOLVE');
        if (viewer!.organizationId !== incident.leadDepartmentId)
          throw forbidden('只有主办部门可以反馈处置结果，协办部门不能 (the lead department only, not assisting ones)');
        const updated = await incidentWrite(ctx, incident.regionPath, async (w) => {
          const policy = await policyFor(w.tx, incident.regionPath, incident.category, incident.priority);
          const data = { resolvedAt: w.now, deadline: addHours(w.now, policy.closeHours), escalateAt: null };
          return moveIncident(w, ctx, incident, 'RESOLVE', data, {
            note: input.note,
            attachmentUrls,
            departmentId: viewer!.organizationId,
          });
        });
        return { incident: updated };
      },
    }),
  }));
}
