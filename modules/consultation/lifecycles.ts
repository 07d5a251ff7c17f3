// The module's state machines on the kit: conditional updates on (id, status, version), so a lost race is
// CONFLICT and an illegal move INVALID_TRANSITION; the kit writes the audit entry in the same transaction.
import { defineLifecycle, type Consultation, type MediationCase, type VillageDecision } from '../../src/kit/index.js';
import type { ConsultationOutcome } from '../../src/kit/index.js';
import { CONSULTATION_STATUSES, DECISION_STATUSES, MEDIATION_STATUSES, OUTCOME_STATUSES } from './model.js';

type CStatus = keyof typeof CONSULTATION_STATUSES;
type OStatus = keyof typeof OUTCOME_STATUSES;
type MStatus = keyof typeof MEDIATION_STATUSES;
type DStatus = keyof typeof DECISION_STATUSES;

/** PLANNED → HELD → FOLLOWED_UP (when its last outcome closes); PLANNED → CANCELLED */
export const consultationLifecycle = defineLifecycle<CStatus, 'HOLD' | 'FOLLOW_UP' | 'CANCEL', Consultation>({
  entity: 'Consultation',
  model: 'consultation',
  states: CONSULTATION_STATUSES,
  transitions: {
    HOLD: { from: ['PLANNED'], to: 'HELD' },
    FOLLOW_UP: { from: ['HELD'], to: 'FOLLOWED_UP' },
    CANCEL: { from: ['PLANNED'], to: 'CANCELLED' },
  },
});

/** OPEN → IN_PROGRESS → DONE; OPEN | IN_PROGRESS → DROPPED; UPDATE keeps the status (note, due date, link) */
export const outcomeLifecycle = defineLifecycle<OStatus, 'START' | 'DONE' | 'DROP' | 'UPDATE', ConsultationOutcome>({
  entity: 'ConsultationOutcome',
  model: 'consultationOutcome',
  states: OUTCOME_STATUSES,
  transitions: {
    START: { from: ['OPEN'], to: 'IN_PROGRESS' },
    DONE: { from: ['OPEN', 'IN_PROGRESS'], to: 'DONE' },
    DROP: { from: ['OPEN', 'IN_PROGRESS'], to: 'DROPPED' },
    UPDATE: { from: ['OPEN', 'IN_PROGRESS'], to: 'SAME' },
  },
});

/** ACCEPTED → MEDIATING → AGREED | FAILED; FAILED → REFERRED; AGREED → FOLLOWED_UP */
export const mediationLifecycle = defineLifecycle<
  MStatus,
  'START' | 'AGREE' | 'FAIL' | 'REFER' | 'FOLLOW_UP',
  MediationCase
>({
  entity: 'MediationCase',
  model: 'mediationCase',
  states: MEDIATION_STATUSES,
  transitions: {
    START: { from: ['ACCEPTED'], to: 'MEDIATING' },
    AGREE: { from: ['MEDIATING'], to: 'AGREED' },
    FAIL: { from: ['MEDIATING'], to: 'FAILED' },
    REFER: { from: ['FAILED'], to: 'REFERRED' },
    FOLLOW_UP: { from: ['AGREED'], to: 'FOLLOWED_UP' },
  },
});

/** 四议两公开: one step at a time (the resolver checks the order), REJECTED → PROPOSED once revised */
export const decisionLifecycle = defineLifecycle<
  DStatus,
  'DISCUSS' | 'REVIEW' | 'RESOLVE' | 'PUBLISH_RESOLUTION' | 'PUBLISH_RESULT' | 'REJECT' | 'REVISE',
  VillageDecision
>({
  entity: 'VillageDecision',
  model: 'villageDecision',
  states: DECISION_STATUSES,
  transitions: {
    DISCUSS: { from: ['PROPOSED'], to: 'DISCUSSED' },
    REVIEW: { from: ['DISCUSSED'], to: 'REVIEWED' },
    RESOLVE: { from: ['REVIEWED'], to: 'RESOLVED' },
    PUBLISH_RESOLUTION: { from: ['RESOLVED'], to: 'RESOLUTION_PUBLISHED' },
    PUBLISH_RESULT: { from: ['RESOLUTION_PUBLISHED'], to: 'RESULT_PUBLISHED' },
    REJECT: { from: ['PROPOSED', 'DISCUSSED', 'REVIEWED'], to: 'REJECTED' },
    REVISE: { from: ['REJECTED'], to: 'PROPOSED' },
  },
});

/** the step action that reaches each status */
export const STEP_ACTION = {
  DISCUSSED: 'DISCUSS',
  REVIEWED: 'REVIEW',
  RESOLVED: 'RESOLVE',
  RESOLUTION_PUBLISHED: 'PUBLISH_RESOLUTION',
  RESULT_PUBLISHED: 'PUBLISH_RESULT',
} as const;
