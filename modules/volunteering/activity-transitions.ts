// The moves of an activity after creation, on its lifecycle: publish (DRAFT → RECRUITING), insurance (no
// change of status), start (RECRUITING → ONGOING), complete (ONGOING → COMPLETED) and cancel (DRAFT /
// RECRUITING → CANCELLED, cancelling the sign-ups with it). Each is one conditional update on the status
// read: someone else's move in between makes it a CONFLICT.
import {
  ACTORS,
  AppError,
  Checks,
  payloadType,
  type Builder,
  type Context,
  type Prisma,
  type WriteUnit,
  write,
} from '../../src/kit/index.js';
import { organisedActivity } from './activity-mutations.js';
import { type ActivityAction, activityLifecycle } from './lifecycles.js';
import { MODULE } from './shared.js';

type ActivityRow = Prisma.VolunteerActivityGetPayload<object>;

const ORGANISERS = {
  roles: ACTORS,
  scope: { record: 'VolunteerActivity', id: 'input.activityId', resolver: true },
  relation: 'the organiser side: workers of the community, the creator, the team leaders',
} as const;

/** one move of the lifecycle in its own write unit; `then` runs in the same transaction */
const move = (
  ctx: Context,
  activity: ActivityRow,
  action: ActivityAction,
  data: Prisma.VolunteerActivityUpdateManyMutationInput,
  then?: (w: WriteUnit) => Promise<unknown>,
) =>
  write(ctx, { module: MODULE, regionPath: activity.regionPath }, async (w) => {
    const updated = await activityLifecycle.apply(w, ctx, activity, action, { data });
    await then?.(w);
    return updated;
  });

export function registerActivityTransitions(builder: Builder) {
  const Payload = (name: string) => payloadType(builder, name, 'activity', 'VolunteerActivity');
  const IdInput = (name: string) =>
    builder.inputType(name, { fields: (t) => ({ activityId: t.id({ required: true }) }) });
  const CancelInput = builder.inputType('CancelVolunteerActivityInput', {
    fields: (t) => ({
      activityId: t.id({ required: true }),
      reason: t.string({ required: true, description: '取消原因' }),
    }),
  });
  const InsuranceInput = builder.inputType('RecordActivityInsuranceInput', {
    fields: (t) => ({
      activityId: t.id({ required: true }),
      insurer: t.string({ required: true, description: '保险公司' }),
      policyNumber: t.string({ required: true, description: '保单号' }),
    }),
  });

  builder.mutationFields((t) => ({
    publishVolunteerActivity: t.field({
      policy: ORGANISERS,
      description: '发布招募 DRAFT → RECRUITING (organisers; before the start)',
      type: Payload('PublishVolunteerActivityPayload'),
      errors: {},
      args: { input: t.arg({ type: IdInput('PublishVolunteerActivityInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const activity = await organisedActivity(ctx, input.activityId);
        const now = ctx.clock.now();
        if (activity.status === 'DRAFT' && activity.startsAt <= now)
          throw new AppError('PRECONDITION_FAILED', '开始时间已过，不能发布 (the start has passed)');
        return {
          activity: await move(ctx, activity, 'activity.publish', { publishedAt: now }),
        };
      },
    }),
    recordActivityInsurance: t.field({
      policy: ORGANISERS,
      description: '登记意外险 accident insurance for the volunteers (organisers; before the start)',
      type: Payload('RecordActivityInsurancePayload'),
      errors: {},
      args: { input: t.arg({ type: InsuranceInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.insurer, 'input.insurer', { max: 80 })
          .text(input.policyNumber, 'input.policyNumber', { max: 60 })
          .throwIfAny();
        const activity = await organisedActivity(ctx, input.activityId);
        const data = {
          insurer: input.insurer.trim(),
          insurancePolicy: input.policyNumber.trim(),
          insuranceRecordedAt: ctx.clock.now(),
        };
        return { activity: await move(ctx, activity, 'activity.insurance', data) };
      },
    }),
    startVolunteerActivity: t.field({
      policy: ORGANISERS,
      description: '开始活动 RECRUITING → ONGOING (organisers; a risky activity needs insurance recorded)',
      type: Payload('StartVolunteerActivityPayload'),
      errors: {},
      args: { input: t.arg({ type: IdInput('StartVolunteerActivityInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const activity = await organisedActivity(ctx, input.activityId);
        if (activity.status === 'RECRUITING' && activity.risky && !activity.insuranceRecordedAt) {
          throw new AppError('PRECONDITION_FAILED', '有风险的活动须先登记意外险 (record accident insurance first)');
        }
        return { activity: await move(ctx, activity, 'activity.start', { startedAt: ctx.clock.now() }) };
      },
    }),
    completeVolunteerActivity: t.field({
      policy: ORGANISERS,
      description: '结束活动 ONGOING → COMPLETED (organisers); then confirm the hours',
      type: Payload('CompleteVolunteerActivityPayload'),
      errors: {},
      args: { input: t.arg({ type: IdInput('CompleteVolunteerActivityInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const activity = await organisedActivity(ctx, input.activityId);
        return { activity: await move(ctx, activity, 'activity.complete', { completedAt: ctx.clock.now() }) };
      },
    }),
    cancelVolunteerActivity: t.field({
      policy: ORGANISERS,
      description: '取消活动 DRAFT / RECRUITING → CANCELLED with a reason; sign-ups are cancelled too (organisers)',
      type: Payload('CancelVolunteerActivityPayload'),
      errors: {},
      args: { input: t.arg({ type: CancelInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { min: 2, max: 500 }).throwIfAny();
        const activity = await organisedActivity(ctx, input.activityId);
        const now = ctx.clock.now();
        const data = { cancelledAt: now, cancelReason: input.reason.trim() };
        return {
          activity: await move(ctx, activity, 'activity.cancel', data, (w) =>
            w.tx.volunteerEnrollment.updateMany({
              where: { activityId: activity.id, status: 'SIGNED_UP' },
              data: { status: 'CANCELLED', cancelledAt: now },
            }),
          ),
        };
      },
    }),
  }));
}
