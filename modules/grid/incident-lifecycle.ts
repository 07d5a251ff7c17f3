// The incident chain as one state machine (the kit's defineLifecycle): every move is a conditional update
// on (id, status, version) with the stage clock restarted (not the resolution deadline: incident-deadlines.ts),
// one timeline row and one audit entry (`grid.<action>`), inside the mutation's write unit. An illegal move
// is INVALID_TRANSITION; if someone moved the incident since it was read, the update matches no row:
// CONFLICT, and nothing changes.
import {
  defineLifecycle,
  type Context,
  type Incident,
  type Prisma,
  type Transition,
  type WriteUnit,
} from '../../src/kit/index.js';
import { STATUS_TERMS, type IncidentStatusName } from './enums.js';
import { term, writeEntry, type TimelineInput } from './incident-service.js';

export type IncidentAction =
  | 'ACCEPT'
  | 'REJECT'
  | 'ESCALATE'
  | 'REPORT_IN'
  | 'RESOLVE'
  | 'REWORK'
  | 'CLOSE'
  | 'RETURN'
  | 'REOPEN'
  | 'REOPEN_LOCAL';

/** how a step reads in messages: 中文 and English */
const ACTION_TERMS: Record<IncidentAction, string> = {
  ACCEPT: '接报 accept',
  REJECT: '不予受理 reject',
  ESCALATE: '吹哨 escalate',
  REPORT_IN: '报到 report in',
  RESOLVE: '反馈处置 resolve',
  REWORK: '返工 rework',
  CLOSE: '结案 close',
  RETURN: '退单 return the escalation',
  REOPEN: '重新办理 reopen',
  REOPEN_LOCAL: '重新办理 reopen',
};

const TRANSITIONS: Record<IncidentAction, Transition<IncidentStatusName>> = {
  ACCEPT: { from: ['REPORTED'], to: 'ACCEPTED' },
  REJECT: { from: ['REPORTED', 'ACCEPTED'], to: 'REJECTED' },
  ESCALATE: { from: ['ACCEPTED'], to: 'ESCALATED' },
  // the first department to report in becomes the lead; later ones assist without a move (see reportIn)
  REPORT_IN: { from: ['ESCALATED'], to: 'IN_PROGRESS' },
  RESOLVE: { from: ['IN_PROGRESS'], to: 'RESOLVED' },
  REWORK: { from: ['RESOLVED'], to: 'IN_PROGRESS' },
  // from ACCEPTED when the community solved it itself
  CLOSE: { from: ['RESOLVED', 'ACCEPTED'], to: 'CLOSED' },
  // 退单: every department escalated to returned it before reporting in; the township escalates again
  RETURN: { from: ['ESCALATED'], to: 'ACCEPTED' },
  // a dissatisfied resident reopens a closed case (回访): back to the lead department, or to the community
  REOPEN: { from: ['CLOSED'], to: 'IN_PROGRESS' },
  REOPEN_LOCAL: { from: ['CLOSED'], to: 'ACCEPTED' },
};

/** the INVALID_TRANSITION message, also for checks that allow more states than one move (report-in) */
export const illegalMessage = (status: IncidentStatusName, action: string, allowed: readonly string[]) =>
  `事件状态为「${term(status)}」，不能${action} ` +
  `(cannot ${action} an incident in state ${status}; allowed from ${allowed.join(', ')})`;

/** the record handed to the lifecycle: the incident as read, plus what its timeline row carries */
type Moving = Incident & { entry?: TimelineInput };

export const incidentLifecycle = defineLifecycle<IncidentStatusName, IncidentAction, Moving>({
  entity: 'Incident',
  model: 'incident',
  states: STATUS_TERMS,
  transitions: TRANSITIONS,
  illegal: (i, action) => illegalMessage(i.status, ACTION_TERMS[action], TRANSITIONS[action].from),
  timeline: (w, ctx, i, e) => writeEntry(w.tx, i, e.at, ctx.viewer, e.from, e.to, { ...i.entry, note: e.note }),
});

const RACE = '事件已被他人处理，请刷新后重试 (someone else changed the incident first; reload and retry)';

/**
 * Moves `incident` by `action`: `data` is set with the new status (the stage clock restarts), `entry` goes
 * to the timeline (its note also to the audit entry).
 */
export function moveIncident(
  w: WriteUnit,
  ctx: Context,
  incident: Incident,
  action: IncidentAction,
  data: Prisma.IncidentUncheckedUpdateManyInput,
  entry: TimelineInput = {},
) {
  return incidentLifecycle.apply(w, ctx, { ...incident, entry }, action, {
    data: { ...data, stageStartedAt: w.now },
    note: entry.note?.trim() || null,
    conflictMessage: RACE,
  });
}
