// 时限不重启: the resolution deadline (办结时限, `resolveDueAt`) is set once — at acceptance, or at
// escalation where the township's setting `resolveDeadlineFrom` says so — and kept by reporting in and by
// rework (返工, also a resident's reopening): a case sent back is not given a fresh clock, so
// `closedOnTime` (final resolution ≤ the original deadline) and 按期结案率 stay honest.
import { AppError, ValidationError, type Context, type Incident, type WriteUnit } from '../../src/kit/index.js';
import { isTownshipAdminOf, MODULE } from './access.js';
import { moveIncident } from './incident-lifecycle.js';
import { escalateAtFor } from './incident-service.js';
import { addHours, policyFor } from './policy.js';

export type ResolveClock = 'ACCEPTANCE' | 'ESCALATION';

/** the resolution deadline from now, by the policy in force (15 days for a complex matter) */
export async function resolveDue(w: WriteUnit, incident: Incident, complex: boolean) {
  const policy = await policyFor(w.tx, incident.regionPath, incident.category, incident.priority);
  return addHours(w.now, complex ? policy.complexResolveHours : policy.resolveHours);
}

/** where the resolution clock starts in the incident's township (setting, read before the write unit) */
export const resolveClockAt = async (ctx: Context, path: string) =>
  (await ctx.settings.get(MODULE, 'resolveDeadlineFrom', path)) as ResolveClock;

/** the resolution deadline kept by a later step; computed from now only for a record that never had one */
export async function keptResolveDue(w: WriteUnit, incident: Incident) {
  return incident.resolveDueAt ?? (await resolveDue(w, incident, incident.complex));
}

/**
 * 返工 (by the community, or a resident's reopening after 回访): RESOLVED → IN_PROGRESS with the original
 * deadline; when it has already passed, the incident is overdue at once and the sweep supervises it.
 */
export async function reworkMove(
  w: WriteUnit,
  ctx: Context,
  incident: Incident,
  entry: { note?: string | null; attachmentUrls?: string[] },
  extra: Record<string, unknown> = {},
) {
  const due = await keptResolveDue(w, incident);
  const data = { reworkCount: { increment: 1 }, resolvedAt: null, deadline: due, resolveDueAt: due, ...extra };
  return moveIncident(
    w,
    ctx,
    incident,
    'REWORK',
    { ...data, escalateAt: escalateAtFor(incident, due) },
    { ...entry, departmentId: incident.leadDepartmentId },
  );
}

/** 紧急安全隐患 an urgent safety hazard is closed only after verification by the township (乡镇核查) */
export const needsTownshipVerification = (i: Pick<Incident, 'category' | 'priority'>) =>
  i.category === 'SAFETY_HAZARD' && i.priority === 'URGENT';

export function assertVerifiable(ctx: Context, incident: Incident) {
  if (needsTownshipVerification(incident) && !isTownshipAdminOf(ctx.viewer, incident.regionPath)) {
    throw new AppError(
      'PRECONDITION_FAILED',
      '紧急安全隐患须经乡镇街道核查后结案 (an urgent safety hazard is closed by the township after verification)',
      { missing: ['TOWNSHIP_VERIFICATION'] },
    );
  }
}

/**
 * 满意度 at closing: a resident who reported through reportProblem rates it themself (rateIncidentHandling),
 * so a worker may not type it in for them; elsewhere (grid reports, phone follow-ups) the worker's entry is
 * recorded with satisfactionSource WORKER. A resident's earlier rating is kept.
 */
export function workerSatisfaction(incident: Incident, entered: Incident['satisfaction'] | null | undefined) {
  if (entered && incident.channel === 'RESIDENT' && incident.reporterAccountId)
    throw new ValidationError(
      '居民自行评价，工作人员不能代录 (the reporting resident rates it: rateIncidentHandling)',
      'input.satisfaction',
    );
  if (entered) return { satisfaction: entered, satisfactionSource: 'WORKER' as const };
  return { satisfaction: incident.satisfaction, satisfactionSource: incident.satisfactionSource };
}
