// 实时推送 of volunteering: `serviceOrdersChanged`, the dispatched service orders (街道派单) as they are
// dispatched and move, for the accepting departments and teams and the township's staff (each order read
// through its normal guard). 通知: the volunteers signed up for an activity when it changes or is cancelled.
import {
  accountsOfPeople,
  changedEvent,
  liveField,
  modelRef,
  STAFF,
  type Builder,
  type NotifyRule,
} from '../../src/kit/index.js';
import { MODULE } from './shared.js';

export const ORDER_CHANGED = changedEvent(MODULE, 'VolunteerServiceOrder');
export const ACTIVITY_CHANGED = changedEvent(MODULE, 'VolunteerActivity');

export function registerLive(builder: Builder) {
  liveField(builder, 'serviceOrdersChanged', {
    type: modelRef(builder, 'VolunteerServiceOrder'),
    module: MODULE,
    description: '服务清单动态 service orders as they are dispatched, accepted, completed or cancelled',
    policy: {
      roles: STAFF,
      scope: 'NONE',
      relation: 'the orders the viewer may read: assigned to their organisation or team, or in their area',
    },
    events: [ORDER_CHANGED],
    match: () => true,
    load: (event, ctx) => ctx.services.live.readNode(ctx, 'VolunteerServiceOrder', String(event.payload.id)),
  });
}

/** who hears about an activity: volunteers still signed up (or checked in), never those who cancelled */
const ATTENDING = ['SIGNED_UP', 'CHECKED_IN'] as const;

/** 通知: an activity the volunteer joined was cancelled or changed (time, place, capacity …) */
export const notifyVolunteers: NotifyRule = async (event, { tx }) => {
  const cancelled = event.payload.to === 'CANCELLED';
  const edited = event.payload.action === 'activity.update';
  if (!cancelled && !edited && event.payload.to !== 'ONGOING') return null;
  const activity = await tx.volunteerActivity.findUnique({ where: { id: String(event.payload.id) } });
  if (!activity) return null;
  const enrolled = await tx.volunteerEnrollment.findMany({
    where: { activityId: activity.id, status: { in: [...ATTENDING, ...(cancelled ? ['CANCELLED' as const] : [])] } },
    select: { personId: true, status: true, cancelledAt: true },
  });
  // a cancelled activity also reaches those whose sign-up it cancelled (same transaction, same instant)
  const people = enrolled
    .filter((e) => e.status !== 'CANCELLED' || (cancelled && e.cancelledAt?.getTime() === event.occurredAt.getTime()))
    .map((e) => e.personId);
  const what = cancelled ? '已取消' : edited ? '有变更' : '已开始';
  return {
    to: await accountsOfPeople(tx, people),
    kind: cancelled ? 'activityCancelled' : 'activityChanged',
    title: `您报名的志愿活动${what}`,
    text: `活动「${activity.title}」${what} (an activity you signed up for ${cancelled ? 'was cancelled' : 'changed'})`,
    link: { type: 'VolunteerActivity', id: activity.id },
  };
};
