// Activity lifecycle: create (DRAFT) → publish (RECRUITING) → start (ONGOING) → complete (COMPLETED),
// or cancel from DRAFT / RECRUITING. Every transition is a conditional update on the expected status.
import {
  ACTORS,
  AppError,
  Checks,
  forbidden,
  invalidTransition,
  managesPeopleAt,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { ACTIVITY_STATUS, type Enums } from './enums.js';
import { canOrganize, communityArg, ledTeamIds, MODULE, SG } from './shared.js';

type ActivityRow = Prisma.VolunteerActivityGetPayload<object>;
type Status = ActivityRow['status'];

/** loads an activity the viewer organises, in a township where the module is on */
export async function organisedActivity(
  ctx: Context,
  globalId: string | number,
  path = 'input.activityId',
): Promise<ActivityRow> {
  const activity = await ctx.prisma.volunteerActivity.findUnique({
    where: { id: parseId(String(globalId), 'VolunteerActivity', path) },
  });
  if (!activity) throw notFound('志愿服务活动 activity');
  await ctx.gate.assertEnabled(MODULE, activity.regionPath);
  if (!(await canOrganize(ctx, activity))) {
    if (activity.status === 'DRAFT') throw notFound('志愿服务活动 activity');
    throw forbidden('只有组织方可以办理 (organisers only: workers of the community, the creator, team leaders)');
  }
  return activity;
}

const statusName = (s: Status) => ACTIVITY_STATUS[s].split(' ')[0];

/** DRAFT → RECRUITING etc.: one conditional UPDATE; a stale state or a concurrent change gives INVALID_TRANSITION */
async function transition(
  ctx: Context,
  activity: ActivityRow,
  from: Status[],
  data: Prisma.VolunteerActivityUpdateManyMutationInput,
  action: string,
  extra: (tx: Prisma.TransactionClient) => Promise<void> = async () => {},
) {
  return ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.volunteerActivity.updateMany({ where: { id: activity.id, status: { in: from } }, data });
    if (count === 0) {
      const now = await tx.volunteerActivity.findUniqueOrThrow({
        where: { id: activity.id },
        select: { status: true },
      });
      const to = (data.status as Status | undefined) ?? null;
      throw invalidTransition(
        to
          ? `活动当前为「${statusName(now.status)}」，不能变为「${statusName(to)}」 (${now.status} → ${to} not allowed)`
          : `活动当前为「${statusName(now.status)}」，不能办理 (not allowed while ${now.status})`,
      );
    }
    await extra(tx);
    await ctx.audit(tx, {
      action,
      entityType: 'VolunteerActivity',
      entityId: activity.id,
      regionPath: activity.regionPath,
      data: { from: activity.status, to: data.status ?? activity.status },
    });
    return tx.volunteerActivity.findUniqueOrThrow({ where: { id: activity.id } });
  });
}

export function registerActivityMutations(builder: Builder, enums: Enums) {
  const Payload = (name: string) => payloadType(builder, name, 'activity', 'VolunteerActivity', { subGraphs: SG });
  const IdInput = (name: string) =>
    builder.inputType(name, { subGraphs: SG, fields: (t) => ({ activityId: t.id({ required: true }) }) });

  const CreateInput = builder.inputType('CreateVolunteerActivityInput', {
    subGraphs: SG,
    fields: (t) => ({
      communityId: t.id({ required: true, description: '所在社区' }),
      teamId: t.id({
        required: false,
        description: '组织队伍 (its community or township must contain the activity’s community)',
      }),
      title: t.string({ required: true }),
      category: t.field({ type: enums.ActivityCategory, required: true }),
      place: t.string({ required: true }),
      startsAt: t.field({ type: 'DateTime', required: true }),
      endsAt: t.field({ type: 'DateTime', required: true }),
      capacity: t.field({ type: 'PositiveInt', required: true, description: '招募人数 (1–10000)' }),
      description: t.string({ required: false }),
      risky: t.boolean({
        required: false,
        description: '有风险 (e.g. work at height, water, traffic): insurance must be recorded before the start',
      }),
      organizationIds: t.idList({ required: false, description: '主办单位' }),
    }),
  });
  const CancelInput = builder.inputType('CancelVolunteerActivityInput', {
    subGraphs: SG,
    fields: (t) => ({
      activityId: t.id({ required: true }),
      reason: t.string({ required: true, description: '取消原因' }),
    }),
  });
  const InsuranceInput = builder.inputType('RecordActivityInsuranceInput', {
    subGraphs: SG,
    fields: (t) => ({
      activityId: t.id({ required: true }),
      insurer: t.string({ required: true, description: '保险公司' }),
      policyNumber: t.string({ required: true, description: '保单号' }),
    }),
  });

  builder.mutationFields((t) => ({
    createVolunteerActivity: t.field({
      subGraphs: SG,
      policy: {
        roles: ACTORS,
        scope: { region: 'input.communityId', resolver: true },
        relation: 'workers of the community, or the leaders of the team',
      },
      description: '创建志愿服务活动 (DRAFT): workers and admins of the community, or leaders of the team',
      type: Payload('CreateVolunteerActivityPayload'),
      errors: {},
      args: { input: t.arg({ type: CreateInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        new Checks()
          .text(input.title, 'input.title', { max: 100 })
          .text(input.place, 'input.place', { max: 200 })
          .text(input.description, 'input.description', { max: 2000, required: false })
          .check(input.capacity <= 10_000, 'input.capacity', '最多 10000 人')
          .check(input.startsAt > now, 'input.startsAt', '开始时间应在将来 (must be in the future)')
          .check(input.endsAt > input.startsAt, 'input.endsAt', '结束时间应晚于开始时间 (after the start)')
          .check(
            input.endsAt.getTime() - input.startsAt.getTime() <= 31 * 86_400_000,
            'input.endsAt',
            '活动最长 31 天 (at most 31 days)',
          )
          .check((input.organizationIds ?? []).length <= 10, 'input.organizationIds', '最多 10 个主办单位')
          .throwIfAny();
        const community = await communityArg(ctx, input.communityId, 'input.communityId');
        const teamId = parseOptionalId(
          input.teamId == null ? null : String(input.teamId),
          'VolunteerTeam',
          'input.teamId',
        );
        const team = teamId ? await ctx.prisma.volunteerTeam.findUnique({ where: { id: teamId } }) : null;
        if (teamId && !team) throw notFound('志愿服务队 team');
        if (team && !community.path.startsWith(team.regionPath))
          throw new AppError('VALIDATION', '该队不属于活动所在社区或乡镇 (the team belongs elsewhere)', {
            path: 'input.teamId',
          });
        if (!managesPeopleAt(ctx.viewer, community.path) && !(team && (await ledTeamIds(ctx)).has(team.id))) {
          throw forbidden('该社区工作人员或队长可以创建 (workers of the community or the team’s leaders)');
        }
        await ctx.gate.assertEnabled(MODULE, community.path);
        const organizationIds = [
          ...new Set(
            (input.organizationIds ?? []).map((id, i) =>
              parseId(String(id), 'Organization', `input.organizationIds.${i}`),
            ),
          ),
        ];
        if (
          organizationIds.length &&
          (await ctx.prisma.organization.count({ where: { id: { in: organizationIds } } })) !== organizationIds.length
        ) {
          throw notFound('主办单位 organization');
        }
        const activity = await ctx.prisma.$transaction(async (tx) => {
          const a = await tx.volunteerActivity.create({
            data: {
              communityId: community.id,
              regionPath: community.path,
              teamId: team?.id ?? null,
              organizationIds,
              title: input.title.trim(),
              category: input.category,
              place: input.place.trim(),
              description: input.description?.trim() || null,
              startsAt: input.startsAt,
              endsAt: input.endsAt,
              capacity: input.capacity,
              risky: input.risky ?? false,
              createdById: ctx.viewer!.accountId,
            },
          });
          await ctx.audit(tx, {
            action: 'volunteering.activity.create',
            entityType: 'VolunteerActivity',
            entityId: a.id,
            regionPath: a.regionPath,
            data: { title: a.title },
          });
          return a;
        });
        return { activity };
      },
    }),
    publishVolunteerActivity: t.field({
      subGraphs: SG,
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerActivity', id: 'input.activityId', resolver: true },
        relation: 'the organiser side: workers of the community, the creator, the team leaders',
      },
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
          activity: await transition(
            ctx,
            activity,
            ['DRAFT'],
            { status: 'RECRUITING', publishedAt: now },
            'volunteering.activity.publish',
          ),
        };
      },
    }),
    recordActivityInsurance: t.field({
      subGraphs: SG,
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerActivity', id: 'input.activityId', resolver: true },
        relation: 'the organiser side: workers of the community, the creator, the team leaders',
      },
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
        return {
          activity: await transition(
            ctx,
            activity,
            ['DRAFT', 'RECRUITING'],
            {
              insurer: input.insurer.trim(),
              insurancePolicy: input.policyNumber.trim(),
              insuranceRecordedAt: ctx.clock.now(),
            },
            'volunteering.activity.insurance',
          ),
        };
      },
    }),
    startVolunteerActivity: t.field({
      subGraphs: SG,
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerActivity', id: 'input.activityId', resolver: true },
        relation: 'the organiser side: workers of the community, the creator, the team leaders',
      },
      description: '开始活动 RECRUITING → ONGOING (organisers; a risky activity needs insurance recorded)',
      type: Payload('StartVolunteerActivityPayload'),
      errors: {},
      args: { input: t.arg({ type: IdInput('StartVolunteerActivityInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const activity = await organisedActivity(ctx, input.activityId);
        if (activity.status === 'RECRUITING' && activity.risky && !activity.insuranceRecordedAt) {
          throw new AppError('PRECONDITION_FAILED', '有风险的活动须先登记意外险 (record accident insurance first)');
        }
        return {
          activity: await transition(
            ctx,
            activity,
            ['RECRUITING'],
            { status: 'ONGOING', startedAt: ctx.clock.now() },
            'volunteering.activity.start',
          ),
        };
      },
    }),
    completeVolunteerActivity: t.field({
      subGraphs: SG,
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerActivity', id: 'input.activityId', resolver: true },
        relation: 'the organiser side: workers of the community, the creator, the team leaders',
      },
      description: '结束活动 ONGOING → COMPLETED (organisers); then confirm the hours',
      type: Payload('CompleteVolunteerActivityPayload'),
      errors: {},
      args: { input: t.arg({ type: IdInput('CompleteVolunteerActivityInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const activity = await organisedActivity(ctx, input.activityId);
        return {
          activity: await transition(
            ctx,
            activity,
            ['ONGOING'],
            { status: 'COMPLETED', completedAt: ctx.clock.now() },
            'volunteering.activity.complete',
          ),
        };
      },
    }),
    cancelVolunteerActivity: t.field({
      subGraphs: SG,
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerActivity', id: 'input.activityId', resolver: true },
        relation: 'the organiser side: workers of the community, the creator, the team leaders',
      },
      description: '取消活动 DRAFT / RECRUITING → CANCELLED with a reason; sign-ups are cancelled too (organisers)',
      type: Payload('CancelVolunteerActivityPayload'),
      errors: {},
      args: { input: t.arg({ type: CancelInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { min: 2, max: 500 }).throwIfAny();
        const activity = await organisedActivity(ctx, input.activityId);
        const now = ctx.clock.now();
        return {
          activity: await transition(
            ctx,
            activity,
            ['DRAFT', 'RECRUITING'],
            { status: 'CANCELLED', cancelledAt: now, cancelReason: input.reason.trim() },
            'volunteering.activity.cancel',
            async (tx) => {
              await tx.volunteerEnrollment.updateMany({
                where: { activityId: activity.id, status: 'SIGNED_UP' },
                data: { status: 'CANCELLED', cancelledAt: now },
              });
            },
          ),
        };
      },
    }),
  }));
}
