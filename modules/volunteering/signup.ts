// 报名 and 取消报名: sign-up with a capacity that holds under concurrency, and cancelling before the start.
//
// Capacity: the sign-up transaction first runs ONE conditional UPDATE
//   enrolledCount = enrolledCount + 1 WHERE status = RECRUITING AND startsAt > now AND enrolledCount < capacity
// which row-locks the activity, so concurrent sign-ups for one activity queue behind each other and
// each sees the committed count. The (activityId, volunteerId) unique constraint makes a second
// enrollment of the same person impossible; if anything fails the increment rolls back with it.
import {
  ACTORS,
  AppError,
  canSeePerson,
  conflict,
  forbidden,
  invalidTransition,
  isUniqueViolation,
  managesPeopleAt,
  notFound,
  parseId,
  payloadType,
  ValidationError,
  type Builder,
  type Context,
  type Prisma,
  type Viewer,
  type WriteUnit,
  write,
} from '../../src/kit/index.js';
import { enrollmentFor } from './enrollment.js';
import { moveEnrollment } from './lifecycles.js';
import { loaders } from './loaders.js';
import { canOrganize, MODULE } from './shared.js';

type EnrollmentRow = Prisma.VolunteerEnrollmentGetPayload<object>;
type ActivityRow = Prisma.VolunteerActivityGetPayload<object>;
type VolunteerRow = Prisma.VolunteerGetPayload<object>;

const ALREADY = '已报名该活动 (already enrolled)';

/** the activity, the person and their volunteer row, once the viewer may sign that person up for it */
async function signUpTarget(ctx: Context, input: { activityId: string | number; personId?: string | number | null }) {
  const viewer = ctx.viewer!;
  const activityId = parseId(String(input.activityId), 'VolunteerActivity', 'input.activityId');
  const personId =
    input.personId == null ? viewer.personId : parseId(String(input.personId), 'Person', 'input.personId');
  if (!personId)
    throw new ValidationError([
      { path: 'input.personId', message: '请指定志愿者 (your account is not linked to a person)' },
    ]);
  const activity = await ctx.prisma.volunteerActivity.findUnique({ where: { id: activityId } });
  if (!activity) throw notFound('志愿服务活动 activity');
  await ctx.gate.assertEnabled(MODULE, activity.regionPath);
  const organiser = await canOrganize(ctx, activity);
  if (activity.status === 'DRAFT' && !organiser) throw notFound('志愿服务活动 activity');
  const person = await loaders.person(ctx).load(personId);
  if (!person || !(await canSeePerson(ctx, person))) throw notFound('居民 person');
  if (personId !== viewer.personId && !managesPeopleAt(viewer, person.homePath) && !organiser) {
    throw forbidden('本人报名，或由所在社区工作人员、活动组织方代为报名 (yourself, or a worker for a resident)');
  }
  const volunteer = await loaders.volunteerByPerson(ctx).load(personId);
  if (!volunteer) throw new AppError('PRECONDITION_FAILED', '请先注册志愿者 (register as a volunteer first)');
  return { activity, volunteer, personId };
}

/** inside the unit: take a place (or say why there is none), then enrol, or re-enrol a cancelled sign-up */
async function enrol(
  w: WriteUnit,
  ctx: Context,
  { activity, volunteer, personId }: { activity: ActivityRow; volunteer: VolunteerRow; personId: string },
  viewer: Viewer,
): Promise<EnrollmentRow> {
  const { count } = await w.tx.volunteerActivity.updateMany({
    where: {
      id: activity.id,
      status: 'RECRUITING',
      startsAt: { gt: w.now },
      enrolledCount: { lt: w.tx.volunteerActivity.fields.capacity },
    },
    data: { enrolledCount: { increment: 1 } },
  });
  const existing = await w.tx.volunteerEnrollment.findUnique({
    where: { activityId_volunteerId: { activityId: activity.id, volunteerId: volunteer.id } },
  });
  if (existing && existing.status !== 'CANCELLED') throw conflict(ALREADY);
  if (count === 0) {
    const fresh = await w.tx.volunteerActivity.findUniqueOrThrow({ where: { id: activity.id } });
    if (fresh.status !== 'RECRUITING' || fresh.startsAt <= w.now)
      throw invalidTransition(`报名已截止 (activity is ${fresh.status})`);
    throw new AppError('LIMIT_EXCEEDED', `名额已满 (all ${fresh.capacity} places taken)`, {
      capacity: fresh.capacity,
    });
  }
  const signedUp = { signedUpAt: w.now, signedUpById: viewer.accountId };
  if (existing) {
    return moveEnrollment(w, ctx, existing, 'signUp', {
      data: { ...signedUp, cancelledAt: null },
      conflictMessage: ALREADY,
      audit: { volunteerId: volunteer.id },
    });
  }
  let row: EnrollmentRow;
  try {
    row = await w.tx.volunteerEnrollment.create({
      data: {
        activityId: activity.id,
        volunteerId: volunteer.id,
        personId,
        communityId: activity.communityId,
        regionPath: activity.regionPath,
        ...signedUp,
      },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(ALREADY);
    throw e;
  }
  await w.audit({
    action: 'signUp',
    entityType: 'VolunteerEnrollment',
    entityId: row.id,
    regionPath: row.regionPath,
    data: { activityId: activity.id, volunteerId: volunteer.id },
  });
  return row;
}

export function registerSignUps(builder: Builder) {
  const Payload = (name: string) => payloadType<EnrollmentRow>(builder, name, 'enrollment', 'VolunteerEnrollment');
  const SignUpInput = builder.inputType('SignUpForActivityInput', {
    fields: (t) => ({
      activityId: t.id({ required: true }),
      personId: t.id({
        required: false,
        description: '志愿者 (default: yourself; workers may sign up residents they manage)',
      }),
    }),
  });
  const CancelInput = builder.inputType('CancelSignUpInput', {
    fields: (t) => ({ enrollmentId: t.id({ required: true }) }),
  });

  builder.mutationFields((t) => ({
    signUpForActivity: t.field({
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerActivity', id: 'input.activityId', resolver: true },
        relation: 'a member or resident for themself only, or the organiser',
      },
      description:
        '报名 (yourself, or a resident you manage): LIMIT_EXCEEDED when full, CONFLICT when already enrolled',
      type: Payload('SignUpForActivityPayload'),
      errors: {},
      args: { input: t.arg({ type: SignUpInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const target = await signUpTarget(ctx, input);
        const now = ctx.clock.now();
        if (target.activity.status !== 'RECRUITING')
          throw invalidTransition(`活动不在招募中 (activity is ${target.activity.status})`);
        if (target.activity.startsAt <= now)
          throw invalidTransition('活动已开始，报名截止 (sign-up closed at the start)');
        const scope = { module: MODULE, regionPath: target.activity.regionPath };
        return { enrollment: await write(ctx, scope, (w) => enrol(w, ctx, target, ctx.viewer!)) };
      },
    }),
    cancelSignUp: t.field({
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerEnrollment', id: 'input.enrollmentId', resolver: true },
        relation: 'the volunteer or the organiser',
      },
      description:
        '取消报名 before the activity starts (the volunteer, a worker for them, or the organiser); the place is freed',
      type: Payload('CancelSignUpPayload'),
      errors: {},
      args: { input: t.arg({ type: CancelInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const { enrollment } = await enrollmentFor(ctx, input.enrollmentId);
        const now = ctx.clock.now();
        if (enrollment.activity.status !== 'RECRUITING' || enrollment.activity.startsAt <= now) {
          throw invalidTransition('活动已开始或已结束，不能取消报名 (only before the start)');
        }
        const updated = await write(ctx, { module: MODULE, regionPath: enrollment.regionPath }, async (w) => {
          const cancelled = await moveEnrollment(w, ctx, enrollment, 'cancelSignUp', { data: { cancelledAt: now } });
          // the place goes back to the activity in the same transaction
          await w.tx.volunteerActivity.updateMany({
            where: { id: enrollment.activityId, enrolledCount: { gt: 0 } },
            data: { enrolledCount: { decrement: 1 } },
          });
          return cancelled;
        });
        return { enrollment: updated };
      },
    }),
  }));
}
