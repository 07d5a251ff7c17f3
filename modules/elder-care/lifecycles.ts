// The three state machines of elder-care on the kit's defineLifecycle: a transition is a conditional update
// on the status read (and the version, for needs); an illegal move is INVALID_TRANSITION, a lost race
// CONFLICT, and the kit writes the audit entry in the write's transaction. Lifecycle audit entries are
// named by the module (access.ts `named`), so the log keeps its `elderCare.…` actions.
import {
  defineLifecycle,
  type CareEnrollment,
  type CareEnrollmentStatus,
  type ElderNeed,
  type ElderNeedStatus,
  type MealBooking,
  type MealBookingStatus,
} from '../../src/kit/index.js';
import { BOOKING_STATUS, NEED_STATUS } from './constants.js';

/** 涉老服务需求: OPEN → ASSIGNED (again, to reassign) → DONE (rated once), or CANCELLED before DONE */
export const needLifecycle = defineLifecycle<ElderNeedStatus, 'ASSIGN' | 'DONE' | 'FEEDBACK' | 'CANCEL', ElderNeed>({
  entity: 'ElderNeed',
  model: 'elderNeed',
  states: NEED_STATUS,
  transitions: {
    ASSIGN: { from: ['OPEN', 'ASSIGNED'], to: 'ASSIGNED' },
    DONE: { from: ['ASSIGNED'], to: 'DONE' },
    // the elder's rating keeps the status, but takes the same conditional update as every transition
    FEEDBACK: { from: ['DONE'], to: 'SAME' },
    CANCEL: { from: ['OPEN', 'ASSIGNED'], to: 'CANCELLED' },
  },
  illegal: (n) => `需求状态为 ${n.status}，不允许此操作 (not allowed from ${n.status})`,
});
/** audit actions of the need's transitions, as they were named before the kit */
export const NEED_AUDIT = {
  assign: 'elderCare.need.assign',
  done: 'elderCare.need.done',
  feedback: 'elderCare.need.feedback',
  cancel: 'elderCare.need.cancel',
};
export const NEED_RACE = '需求已被他人处理 (changed meanwhile)';

/** 订餐: BOOKED → CANCELLED (before the cut-off) or SERVED; the model has no version column */
export const bookingLifecycle = defineLifecycle<MealBookingStatus, 'CANCEL' | 'SERVED', MealBooking>({
  entity: 'MealBooking',
  model: 'mealBooking',
  states: BOOKING_STATUS,
  versioned: false,
  transitions: {
    CANCEL: { from: ['BOOKED'], to: 'CANCELLED' },
    SERVED: { from: ['BOOKED'], to: 'SERVED' },
  },
  illegal: (b, action) =>
    action === 'CANCEL'
      ? `订餐状态为 ${b.status}，不能取消 (only BOOKED can be cancelled)`
      : `订餐状态为 ${b.status} (only BOOKED can be served)`,
});
export const BOOKING_AUDIT = { cancel: 'elderCare.meal.cancel', served: 'elderCare.meal.served' };
export const BOOKING_RACE = '订餐状态已变化 (no longer BOOKED)';

export const NOT_ENROLLED = '该对象未在此设施登记 (no active enrolment there)';

/** 登记 at one facility: ACTIVE → ENDED, and ENDED → ACTIVE when the person is enrolled there again */
export const enrollmentLifecycle = defineLifecycle<CareEnrollmentStatus, 'END' | 'ENROL', CareEnrollment>({
  entity: 'CareEnrollment',
  model: 'careEnrollment',
  states: { ACTIVE: '在册 active', ENDED: '已结束 ended' },
  versioned: false,
  transitions: {
    END: { from: ['ACTIVE'], to: 'ENDED' },
    ENROL: { from: ['ENDED'], to: 'ACTIVE' },
  },
  illegal: (_e, action) => (action === 'END' ? NOT_ENROLLED : '已在该设施登记 (already enrolled there)'),
});
export const ENROLLMENT_AUDIT = { end: 'elderCare.endEnrollment', enrol: 'elderCare.enroll' };
