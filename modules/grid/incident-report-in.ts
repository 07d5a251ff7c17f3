// 部门报到 inside its write unit. Report-ins of one incident take turns on the incident's row lock, so
// each sees what the one before it did: the first department finding the incident ESCALATED without a
// lead becomes the lead (the lifecycle's REPORT_IN move), later ones assist (协办: a timeline row, no move),
// and a department reporting in twice is refused (INVALID_TRANSITION), however close together they come.
import { conflict, invalidTransition, type Context, type WriteUnit } from '../../src/kit/index.js';
import { keptResolveDue } from './incident-deadlines.js';
import { moveIncident } from './incident-lifecycle.js';
import { escalateAtFor, term, writeEntry } from './incident-service.js';

export async function reportIn(w: WriteUnit, ctx: Context, incidentId: string, rowId: string, note?: string | null) {
  const { tx, now } = w;
  await tx.$queryRaw`SELECT id FROM "Incident" WHERE id = ${incidentId} FOR UPDATE`;
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId } });
  const row = await tx.incidentDepartment.findUniqueOrThrow({ where: { id: rowId } });
  if (row.role !== 'NOTIFIED') throw invalidTransition('本部门已报到 (your department already reported in)');
  const claimed = await tx.incidentDepartment.updateMany({
    where: { id: row.id, role: 'NOTIFIED' },
    data: { role: 'ASSISTING', reportedInAt: now },
  });
  if (claimed.count !== 1) throw conflict('本部门刚刚报到 (your department reported in meanwhile)');
  if (incident.status === 'ESCALATED' && !incident.leadDepartmentId) {
    // the resolution deadline runs on from acceptance (or escalation): reporting in does not restart it
    const due = await keptResolveDue(w, incident);
    const data = { leadDepartmentId: row.organizationId, deadline: due, resolveDueAt: due };
    const lead = await moveIncident(
      w,
      ctx,
      incident,
      'REPORT_IN',
      {
        ...data,
        escalateAt: escalateAtFor(incident, due),
      },
      { note, departmentId: row.organizationId },
    );
    await tx.incidentDepartment.update({ where: { id: row.id }, data: { role: 'LEAD' } });
    return lead;
  }
  if (incident.status !== 'IN_PROGRESS' && incident.status !== 'RESOLVED')
    throw invalidTransition(`事件状态为「${term(incident.status)}」，不能报到 (cannot report in now)`);
  await writeEntry(tx, incident, now, ctx.viewer, incident.status, incident.status, {
    kind: 'ASSIST',
    note: note ?? '协办报到',
    departmentId: row.organizationId,
  });
  return incident;
}
