// 报名 sign-up with a capacity that holds under concurrency, cancel before start, 签到/签退.
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
  guardNode,
  invalidTransition,
  managesPeopleAt,
  managesPerson,
  notFound,
  parseId,
  payloadType,
  ValidationError,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import type { Enums } from './enums.js';
import {
  canOrganize,
  displayName,
  isOrganizer,
  isUniqueViolation,
  ledTeamIds,
  loaders,
  MODULE,
  readsAt,
  servedHours,
  SG,
  TX,
} from './shared.js';

type EnrollmentRow = Prisma.VolunteerEnrollmentGetPayload<object>;
type EnrollmentWithActivity = Prisma.VolunteerEnrollmentGetPayload<{ include: { activity: true } }>;

const STATUS_NAME: Record<EnrollmentRow['status'], string> = {
  SIGNED_UP: '已报名',
  CANCELLED: '已取消',
  CHECKED_IN: '已签到',
  CHECKED_OUT: '已签退',
  CONFIRMED: '时长已确认',
};

/** loads an enrollment with its activity; the viewer must be the volunteer, manage them, or organise the activity */
export async function enrollmentFor(ctx: Context, globalId: string | number, path = 'input.enrollmentId') {
  const enrollment = await ctx.prisma.volunteerEnrollment.findUnique({
    where: { id: parseId(String(globalId), 'VolunteerEnrollment', path) },
    include: { activity: true },
  });
  if (!enrollment) throw notFound('报名 enrollment');
  await ctx.gate.assertEnabled(MODULE, enrollment.regionPath);
  const organiser = await canOrganize(ctx, enrollment.activity);
  const self = ctx.viewer?.personId === enrollment.personId;
  const person = await loaders.person(ctx).load(enrollment.personId);
  const manager = !!person && managesPeopleAt(ctx.viewer, person.homePath);
  if (!organiser && !self && !manager) throw notFound('报名 enrollment');
  return { enrollment, organiser, self, manager };
}

export function registerEnrollments(builder: Builder, enums: Enums) {
  builder.prismaNode('VolunteerEnrollment', {
    subGraphs: SG,
    description: '报名 one volunteer’s enrollment in one activity',
    id: { field: 'id' },
    fields: (t) => ({
      status: t.expose('status', { type: enums.EnrollmentStatus }),
      signedUpAt: t.field({ type: 'DateTime', description: '报名时间', resolve: (e) => e.signedUpAt }),
      cancelledAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.cancelledAt }),
      checkInAt: t.field({ type: 'DateTime', nullable: true, description: '签到时间', resolve: (e) => e.checkInAt }),
      checkOutAt: t.field({ type: 'DateTime', nullable: true, description: '签退时间', resolve: (e) => e.checkOutAt }),
      activity: t.relation('activity'),
      volunteerName: t.string({
        description: '志愿者姓名 (full for organisers and those who manage the person, else masked)',
        select: { activity: { select: { regionPath: true, createdById: true, teamId: true } } },
        resolve: async (e, _a, ctx) => {
          const p = await loaders.person(ctx).load(e.personId);
          if (!p) return '*';
          return displayName(
            p.name,
            managesPerson(ctx.viewer, p) || isOrganizer(ctx.viewer, e.activity, await ledTeamIds(ctx)),
          );
        },
      }),
      person: t.prismaField({
        type: 'Person',
        nullable: true,
        description: '居民 (only for organisers and those who manage the person, like the full name)',
        select: { activity: { select: { regionPath: true, createdById: true, teamId: true } } },
        resolve: async (_q, e, _a, ctx) => {
          const p = await loaders.person(ctx).load(e.personId);
          return p && (managesPerson(ctx.viewer, p) || isOrganizer(ctx.viewer, e.activity, await ledTeamIds(ctx)))
            ? p
            : null;
        },
      }),
      servedHours: t.float({
        nullable: true,
        description: '签到签退计算的时长(小时) from check-in/out, inside the activity window, to the half hour',
        select: { activity: { select: { startsAt: true, endsAt: true } } },
        resolve: (e) => servedHours(e.activity, e.checkInAt, e.checkOutAt),
      }),
      record: t.relation('record', { nullable: true, description: '志愿服务记录 once the hours are confirmed' }),
    }),
  });
  guardNode(builder, 'VolunteerEnrollment', async (e: EnrollmentRow, ctx) => {
    await ctx.gate.assertEnabled(MODULE, e.regionPath);
    if (ctx.viewer?.personId === e.personId || readsAt(ctx.viewer, e.regionPath)) return true;
    const activity = await ctx.prisma.volunteerActivity.findUnique({ where: { id: e.activityId } });
    return !!activity && canOrganize(ctx, activity);
  });

  const Payload = (name: string) =>
    payloadType<EnrollmentRow>(builder, name, 'enrollment', 'VolunteerEnrollment', { subGraphs: SG });
  const SignUpInput = builder.inputType('SignUpForActivityInput', {
    subGraphs: SG,
    fields: (t) => ({
      activityId: t.id({ required: true }),
      personId: t.id({
        required: false,
        description: '志愿者 (default: yourself; workers may sign up residents they manage)',
      }),
    }),
  });
  const EnrollmentInput = (name: string) =>
    builder.inputType(name, { subGraphs: SG, fields: (t) => ({ enrollmentId: t.id({ required: true }) }) });

  /** SIGNED_UP → CANCELLED etc. as a conditional update on the expected status */
  async function move(
    ctx: Context,
    e: EnrollmentWithActivity,
    from: EnrollmentRow['status'],
    data: Prisma.VolunteerEnrollmentUpdateManyMutationInput,
    action: string,
    extra?: (tx: Prisma.TransactionClient) => Promise<void>,
  ) {
    return ctx.prisma.$transaction(async (tx) => {
      const { count } = await tx.volunteerEnrollment.updateMany({ where: { id: e.id, status: from }, data });
      if (count === 0) {
        const now = await tx.volunteerEnrollment.findUniqueOrThrow({ where: { id: e.id }, select: { status: true } });
        throw invalidTransition(`报名当前为「${STATUS_NAME[now.status]}」 (not allowed while ${now.status})`);
      }
      await extra?.(tx);
      await ctx.audit(tx, {
        action,
        entityType: 'VolunteerEnrollment',
        entityId: e.id,
        regionPath: e.regionPath,
        data: { activityId: e.activityId, from, to: data.status },
      });
      return tx.volunteerEnrollment.findUniqueOrThrow({ where: { id: e.id } });
    }, TX);
  }

  builder.mutationFields((t) => ({
    signUpForActivity: t.field({
      subGraphs: SG,
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
        const now = ctx.clock.now();
        if (activity.status !== 'RECRUITING')
          throw invalidTransition(`活动不在招募中 (activity is ${activity.status})`);
        if (activity.startsAt <= now) throw invalidTransition('活动已开始，报名截止 (sign-up closed at the start)');
        const enrollment = await ctx.prisma.$transaction(async (tx) => {
          const { count } = await tx.volunteerActivity.updateMany({
            where: {
              id: activity.id,
              status: 'RECRUITING',
              startsAt: { gt: now },
              enrolledCount: { lt: tx.volunteerActivity.fields.capacity },
            },
            data: { enrolledCount: { increment: 1 } },
          });
          const existing = await tx.volunteerEnrollment.findUnique({
            where: { activityId_volunteerId: { activityId: activity.id, volunteerId: volunteer.id } },
          });
          if (existing && existing.status !== 'CANCELLED') throw conflict('已报名该活动 (already enrolled)');
          if (count === 0) {
            const fresh = await tx.volunteerActivity.findUniqueOrThrow({ where: { id: activity.id } });
            if (fresh.status !== 'RECRUITING' || fresh.startsAt <= now)
              throw invalidTransition(`报名已截止 (activity is ${fresh.status})`);
            throw new AppError('LIMIT_EXCEEDED', `名额已满 (all ${fresh.capacity} places taken)`, {
              capacity: fresh.capacity,
            });
          }
          let row: EnrollmentRow;
          if (existing) {
            const again = await tx.volunteerEnrollment.updateMany({
              where: { id: existing.id, status: 'CANCELLED' },
              data: { status: 'SIGNED_UP', signedUpAt: now, signedUpById: viewer.accountId, cancelledAt: null },
            });
            if (again.count === 0) throw conflict('已报名该活动 (already enrolled)');
            row = await tx.volunteerEnrollment.findUniqueOrThrow({ where: { id: existing.id } });
          } else {
            try {
              row = await tx.volunteerEnrollment.create({
                data: {
                  activityId: activity.id,
                  volunteerId: volunteer.id,
                  personId,
                  communityId: activity.communityId,
                  regionPath: activity.regionPath,
                  signedUpAt: now,
                  signedUpById: viewer.accountId,
                },
              });
            } catch (e) {
              if (isUniqueViolation(e)) throw conflict('已报名该活动 (already enrolled)');
              throw e;
            }
          }
          await ctx.audit(tx, {
            action: 'volunteering.signUp',
            entityType: 'VolunteerEnrollment',
            entityId: row.id,
            regionPath: row.regionPath,
            data: { activityId: activity.id, volunteerId: volunteer.id },
          });
          return row;
        }, TX);
        return { enrollment };
      },
    }),
    cancelSignUp: t.field({
      subGraphs: SG,
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerEnrollment', id: 'input.enrollmentId', resolver: true },
        relation: 'the volunteer or the organiser',
      },
      description:
        '取消报名 before the activity starts (the volunteer, a worker for them, or the organiser); the place is freed',
      type: Payload('CancelSignUpPayload'),
      errors: {},
      args: { input: t.arg({ type: EnrollmentInput('CancelSignUpInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const { enrollment } = await enrollmentFor(ctx, input.enrollmentId);
        const now = ctx.clock.now();
        if (enrollment.activity.status !== 'RECRUITING' || enrollment.activity.startsAt <= now) {
          throw invalidTransition('活动已开始或已结束，不能取消报名 (only before the start)');
        }
        const updated = await move(
          ctx,
          enrollment,
          'SIGNED_UP',
          { status: 'CANCELLED', cancelledAt: now },
          'volunteering.cancelSignUp',
          async (tx) => {
            await tx.volunteerActivity.updateMany({
              where: { id: enrollment.activityId, enrolledCount: { gt: 0 } },
              data: { enrolledCount: { decrement: 1 } },
            });
          },
        );
        return { enrollment: updated };
      },
    }),
    checkIn: t.field({
      subGraphs: SG,
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerEnrollment', id: 'input.enrollmentId', resolver: true },
        relation: 'the volunteer or the organiser',
      },
      description:
        '签到 while the activity is ONGOING (organisers; the volunteer themself from one hour before the start to the end)',
      type: Payload('CheckInPayload'),
      errors: {},
      args: { input: t.arg({ type: EnrollmentInput('CheckInInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const { enrollment, organiser } = await enrollmentFor(ctx, input.enrollmentId);
        const now = ctx.clock.now();
        if (
          !organiser &&
          (now.getTime() < enrollment.activity.startsAt.getTime() - 3_600_000 || now > enrollment.activity.endsAt)
        ) {
          throw forbidden('不在活动时间内，请由组织方签到 (outside the activity time: ask the organiser)');
        }
        if (enrollment.activity.status !== 'ONGOING')
          throw invalidTransition(`活动未在进行中 (activity is ${enrollment.activity.status})`);
        return {
          enrollment: await move(
            ctx,
            enrollment,
            'SIGNED_UP',
            { status: 'CHECKED_IN', checkInAt: now, checkInById: ctx.viewer!.accountId },
            'volunteering.checkIn',
          ),
        };
      },
    }),
    checkOut: t.field({
      subGraphs: SG,
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerEnrollment', id: 'input.enrollmentId', resolver: true },
        relation: 'the volunteer or the organiser',
      },
      description:
        '签退 after check-in, while ONGOING or after completion (organisers; the volunteer themself until the end)',
      type: Payload('CheckOutPayload'),
      errors: {},
      args: { input: t.arg({ type: EnrollmentInput('CheckOutInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const { enrollment, organiser } = await enrollmentFor(ctx, input.enrollmentId);
        const now = ctx.clock.now();
        if (!organiser && now.getTime() > enrollment.activity.endsAt.getTime() + 3_600_000) {
          throw forbidden('活动已结束，请由组织方签退 (after the end: ask the organiser)');
        }
        if (!['ONGOING', 'COMPLETED'].includes(enrollment.activity.status))
          throw invalidTransition(`活动未开始 (activity is ${enrollment.activity.status})`);
        return {
          enrollment: await move(
            ctx,
            enrollment,
            'CHECKED_IN',
            { status: 'CHECKED_OUT', checkOutAt: now, checkOutById: ctx.viewer!.accountId },
            'volunteering.checkOut',
          ),
        };
      },
    }),
  }));
}
