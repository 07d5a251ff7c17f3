// 签到/签退: check-in while the activity is ONGOING, check-out after check-in (ONGOING or after completion).
// Organisers may do both at any time of the activity; the volunteer themself only around its time window.
import {
  ACTORS,
  forbidden,
  invalidTransition,
  payloadType,
  type Builder,
  type Prisma,
  write,
} from '../../src/kit/index.js';
import { enrollmentFor } from './enrollment.js';
import { moveEnrollment } from './lifecycles.js';
import { MODULE } from './shared.js';

type EnrollmentRow = Prisma.VolunteerEnrollmentGetPayload<object>;

const HOUR = 3_600_000;

export function registerAttendance(builder: Builder) {
  const Payload = (name: string) => payloadType<EnrollmentRow>(builder, name, 'enrollment', 'VolunteerEnrollment');
  const EnrollmentInput = (name: string) =>
    builder.inputType(name, { fields: (t) => ({ enrollmentId: t.id({ required: true }) }) });
  const policy = {
    roles: ACTORS,
    scope: { record: 'VolunteerEnrollment', id: 'input.enrollmentId', resolver: true },
    relation: 'the volunteer or the organiser',
  } as const;

  builder.mutationFields((t) => ({
    checkIn: t.field({
      policy,
      description:
        '签到 while the activity is ONGOING ' +
        '(organisers; the volunteer themself from one hour before the start to the end)',
      type: Payload('CheckInPayload'),
      errors: {},
      args: { input: t.arg({ type: EnrollmentInput('CheckInInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const { enrollment, organiser } = await enrollmentFor(ctx, input.enrollmentId);
        const { activity } = enrollment;
        const now = ctx.clock.now();
        if (!organiser && (now.getTime() < activity.startsAt.getTime() - HOUR || now > activity.endsAt)) {
          throw forbidden('不在活动时间内，请由组织方签到 (outside the activity time: ask the organiser)');
        }
        if (activity.status !== 'ONGOING') throw invalidTransition(`活动未在进行中 (activity is ${activity.status})`);
        const data = { checkInAt: now, checkInById: ctx.viewer!.accountId };
        return {
          enrollment: await write(ctx, { module: MODULE, regionPath: enrollment.regionPath }, (w) =>
            moveEnrollment(w, ctx, enrollment, 'checkIn', { data }),
          ),
        };
      },
    }),
    checkOut: t.field({
      policy,
      description:
        '签退 after check-in, while ONGOING or after completion (organisers; the volunteer themself until the end)',
      type: Payload('CheckOutPayload'),
      errors: {},
      args: { input: t.arg({ type: EnrollmentInput('CheckOutInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const { enrollment, organiser } = await enrollmentFor(ctx, input.enrollmentId);
        const now = ctx.clock.now();
        if (!organiser && now.getTime() > enrollment.activity.endsAt.getTime() + HOUR) {
          throw forbidden('活动已结束，请由组织方签退 (after the end: ask the organiser)');
        }
        if (!['ONGOING', 'COMPLETED'].includes(enrollment.activity.status))
          throw invalidTransition(`活动未开始 (activity is ${enrollment.activity.status})`);
        const data = { checkOutAt: now, checkOutById: ctx.viewer!.accountId };
        return {
          enrollment: await write(ctx, { module: MODULE, regionPath: enrollment.regionPath }, (w) =>
            moveEnrollment(w, ctx, enrollment, 'checkOut', { data }),
          ),
        };
      },
    }),
  }));
}
