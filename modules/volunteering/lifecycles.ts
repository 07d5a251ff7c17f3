// The state machines of the volunteering module on the kit (defineLifecycle): every change of status is a
// conditional update on what was read (and the version, for service orders), with its audit entry written
// by the kit inside the write's transaction. An illegal move is INVALID_TRANSITION, a lost race CONFLICT.
import { defineLifecycle, type Context, type Prisma, type Transition, type WriteUnit } from '../../src/kit/index.js';
import { ACTIVITY_STATUS } from './enums.js';

type Activity = Prisma.VolunteerActivityGetPayload<object>;
type Enrollment = Prisma.VolunteerEnrollmentGetPayload<object>;
type Order = Prisma.VolunteerServiceOrderGetPayload<object>;
type Correction = Prisma.VolunteerCorrectionRequestGetPayload<object>;

const label = (text: string) => text.split(' ')[0];

/**
 * The kit audits a transition as `volunteering.<action in lower case>`. Some of these audit actions are
 * older than the kit and audit trails are read by them (volunteering.checkIn, volunteering.correction.answer),
 * so the unit handed to the lifecycle records that name as it was.
 */
const auditingAs = (w: WriteUnit, action: string): WriteUnit => ({
  ...w,
  audit: (entry) => w.audit({ ...entry, action }),
});

// ——— activities: DRAFT → RECRUITING → ONGOING → COMPLETED, or CANCELLED before the start ———

/** the actions are named by their audit action (volunteering.activity.publish …) */
const ACTIVITY_TRANSITIONS = {
  'activity.publish': { from: ['DRAFT'], to: 'RECRUITING' },
  'activity.insurance': { from: ['DRAFT', 'RECRUITING'], to: 'SAME' },
  'activity.start': { from: ['RECRUITING'], to: 'ONGOING' },
  'activity.complete': { from: ['ONGOING'], to: 'COMPLETED' },
  'activity.cancel': { from: ['DRAFT', 'RECRUITING'], to: 'CANCELLED' },
} satisfies Record<string, Transition<Activity['status']>>;
export type ActivityAction = keyof typeof ACTIVITY_TRANSITIONS;

export const activityLifecycle = defineLifecycle<Activity['status'], ActivityAction, Activity>({
  entity: 'VolunteerActivity',
  model: 'volunteerActivity',
  versioned: false,
  states: ACTIVITY_STATUS,
  transitions: ACTIVITY_TRANSITIONS,
  illegal: ({ status }, action) => {
    const to = ACTIVITY_TRANSITIONS[action].to;
    const now = `活动当前为「${label(ACTIVITY_STATUS[status])}」`;
    return to === 'SAME'
      ? `${now}，不能办理 (not allowed while ${status})`
      : `${now}，不能变为「${label(ACTIVITY_STATUS[to])}」 (${status} → ${to} not allowed)`;
  },
});

// ——— enrollments: SIGNED_UP → CHECKED_IN → CHECKED_OUT → CONFIRMED, or CANCELLED (and signed up again) ———

export const ENROLLMENT_STATUS: Record<Enrollment['status'], string> = {
  SIGNED_UP: '已报名',
  CANCELLED: '已取消',
  CHECKED_IN: '已签到',
  CHECKED_OUT: '已签退',
  CONFIRMED: '时长已确认',
};

/** the actions are named by their audit action (volunteering.signUp …) */
const ENROLLMENT_TRANSITIONS = {
  signUp: { from: ['CANCELLED'], to: 'SIGNED_UP' },
  cancelSignUp: { from: ['SIGNED_UP'], to: 'CANCELLED' },
  checkIn: { from: ['SIGNED_UP'], to: 'CHECKED_IN' },
  checkOut: { from: ['CHECKED_IN'], to: 'CHECKED_OUT' },
  confirm: { from: ['CHECKED_IN', 'CHECKED_OUT'], to: 'CONFIRMED' },
} satisfies Record<string, Transition<Enrollment['status']>>;
export type EnrollmentAction = keyof typeof ENROLLMENT_TRANSITIONS;

export const enrollmentLifecycle = defineLifecycle<Enrollment['status'], EnrollmentAction, Enrollment>({
  entity: 'VolunteerEnrollment',
  model: 'volunteerEnrollment',
  versioned: false,
  states: ENROLLMENT_STATUS,
  transitions: ENROLLMENT_TRANSITIONS,
  illegal: ({ status }) => `报名当前为「${ENROLLMENT_STATUS[status]}」 (not allowed while ${status})`,
});

export const moveEnrollment = (
  w: WriteUnit,
  ctx: Context,
  enrollment: Enrollment,
  action: EnrollmentAction,
  options: { data?: Record<string, unknown>; conflictMessage?: string; audit?: Record<string, unknown> } = {},
) =>
  enrollmentLifecycle.apply(auditingAs(w, action), ctx, enrollment, action, {
    ...options,
    audit: { activityId: enrollment.activityId, ...options.audit },
  });

// ——— service orders: DISPATCHED → ACCEPTED → COMPLETED, or CANCELLED by the township before completion;
// DISPATCHED → RETURNED (退单 by the receiving side) → DISPATCHED again (the township dispatches it anew) ———

const ORDER_FROM = {
  'order.accept': ['DISPATCHED'],
  'order.complete': ['ACCEPTED'],
  'order.cancel': ['DISPATCHED', 'ACCEPTED', 'RETURNED'],
  'order.return': ['DISPATCHED'],
  'order.redispatch': ['RETURNED'],
} as const;

export type OrderAction = keyof typeof ORDER_FROM;

export const orderLifecycle = defineLifecycle<Order['status'], OrderAction, Order>({
  entity: 'VolunteerServiceOrder',
  model: 'volunteerServiceOrder',
  states: {
    DISPATCHED: '已派单 dispatched',
    ACCEPTED: '已接单 accepted',
    COMPLETED: '已办结 completed',
    CANCELLED: '已撤销 cancelled',
    RETURNED: '已退单 returned',
  },
  transitions: {
    'order.accept': { from: ORDER_FROM['order.accept'], to: 'ACCEPTED' },
    'order.complete': { from: ORDER_FROM['order.complete'], to: 'COMPLETED' },
    'order.cancel': { from: ORDER_FROM['order.cancel'], to: 'CANCELLED' },
    'order.return': { from: ORDER_FROM['order.return'], to: 'RETURNED' },
    'order.redispatch': { from: ORDER_FROM['order.redispatch'], to: 'DISPATCHED' },
  },
  illegal: (_order, action) => `派单状态已变化 (order is no longer ${ORDER_FROM[action].join(' or ')})`,
});

export const ORDER_RACE = '派单刚被他人办理，请刷新后重试 (the order changed meanwhile; reload and retry)';

// ——— correction requests: OPEN → ACCEPTED or REJECTED, both audited as the answer ———

export const correctionLifecycle = defineLifecycle<Correction['status'], 'ACCEPT' | 'REJECT', Correction>({
  entity: 'VolunteerCorrectionRequest',
  model: 'volunteerCorrectionRequest',
  versioned: false,
  states: { OPEN: '待处理 open', ACCEPTED: '已更正 accepted', REJECTED: '不予更正 rejected' },
  transitions: { ACCEPT: { from: ['OPEN'], to: 'ACCEPTED' }, REJECT: { from: ['OPEN'], to: 'REJECTED' } },
  illegal: ({ status }) => `申请已处理 (${status})`,
});

export const answerCorrection = (
  w: WriteUnit,
  ctx: Context,
  request: Correction,
  accept: boolean,
  options: { data: Record<string, unknown>; audit: Record<string, unknown> },
) =>
  correctionLifecycle.apply(auditingAs(w, 'correction.answer'), ctx, request, accept ? 'ACCEPT' : 'REJECT', {
    ...options,
    conflictMessage: '申请已处理 (answered meanwhile)',
  });
