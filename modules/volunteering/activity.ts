// 志愿服务活动: the node, volunteerActivities / volunteerActivity and Community.volunteerActivities.
import {
  AppError,
  asksTotalCount,
  childCount,
  childPage,
  type ChildPageSpec,
  countRows,
  guardNode,
  parseId,
  parseOptionalId,
  sharedSpec,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { activitiesTotalSql, countedActivities } from './counts.js';
import type { Enums } from './enums.js';
import { ledTeamIds, loaders } from './loaders.js';
import { canOrganize, draftVisibility, enrollmentVisibility, isOrganizer, listScope, MODULE } from './shared.js';

type ActivityRow = Prisma.VolunteerActivityGetPayload<object>;

export function registerActivities(builder: Builder, enums: Enums) {
  builder.prismaNode('VolunteerActivity', {
    description: '志愿服务活动 a volunteer activity of a community (public once published)',
    id: { field: 'id' },
    fields: (t) => ({
      title: t.exposeString('title', { description: '活动名称' }),
      category: t.expose('category', { type: enums.ActivityCategory }),
      status: t.expose('status', { type: enums.ActivityStatus }),
      place: t.exposeString('place', { description: '地点' }),
      description: t.exposeString('description', { nullable: true, description: '活动内容' }),
      startsAt: t.field({ type: 'DateTime', description: '开始时间', resolve: (a) => a.startsAt }),
      endsAt: t.field({ type: 'DateTime', description: '结束时间', resolve: (a) => a.endsAt }),
      capacity: t.exposeInt('capacity', { description: '招募人数 places' }),
      enrolledCount: t.exposeInt('enrolledCount', { description: '已报名人数 places taken' }),
      remainingPlaces: t.int({ description: '剩余名额', resolve: (a) => Math.max(0, a.capacity - a.enrolledCount) }),
      risky: t.exposeBoolean('risky', {
        description: '有风险的活动: accident insurance must be recorded before it starts',
      }),
      insuranceRecorded: t.boolean({ description: '已投保意外险', resolve: (a) => !!a.insuranceRecordedAt }),
      insurer: t.exposeString('insurer', { nullable: true, description: '保险公司' }),
      insurancePolicy: t.exposeString('insurancePolicy', { nullable: true, description: '保单号' }),
      cancelReason: t.exposeString('cancelReason', { nullable: true, description: '取消原因' }),
      publishedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: '发布时间',
        resolve: (a) => a.publishedAt,
      }),
      startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.startedAt }),
      completedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.completedAt }),
      cancelledAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.cancelledAt }),
      createdAt: t.field({ type: 'DateTime', resolve: (a) => a.createdAt }),
      community: t.prismaField({
        type: 'Region',
        description: '所在社区',
        resolve: async (_q, a, _x, ctx) => (await loaders.region(ctx).load(a.communityId))!,
      }),
      team: t.relation('team', { nullable: true, description: '组织队伍' }),
      organizations: t.prismaField({
        maxItems: 20,
        type: ['Organization'],
        description: '主办单位 organising units',
        resolve: async (_q, a, _x, ctx) =>
          (await loaders.organization(ctx).loadMany(a.organizationIds)).flatMap((o) =>
            o && !(o instanceof Error) ? [o] : [],
          ),
      }),
      enrollments: t.relatedConnection('enrollments', {
        description: '报名 enrollments you may see: all for organisers and readers of the area, your own otherwise',
        cursor: 'id',
        totalCount: true,
        args: { status: t.arg({ type: enums.EnrollmentStatus, required: false }) },
        query: (args, ctx) => ({
          where: { AND: [enrollmentVisibility(ctx.viewer), args.status ? { status: args.status } : {}] },
          orderBy: [{ signedUpAt: 'asc' }, { id: 'asc' }],
        }),
      }),
      myEnrollment: t.prismaField({
        type: 'VolunteerEnrollment',
        nullable: true,
        description: '我的报名 the viewer’s own enrollment, if any',
        resolve: async (_q, a, _x, ctx) => loaders.myEnrollment(ctx).load(a.id),
      }),
      viewerIsOrganizer: t.boolean({
        description: '你是否为组织方 whether you may manage this activity (publish, check in, confirm hours)',
        resolve: async (a, _x, ctx) => isOrganizer(ctx.viewer, a, await ledTeamIds(ctx)),
      }),
    }),
  });
  guardNode(builder, 'VolunteerActivity', async (a: ActivityRow, ctx) => {
    await ctx.gate.assertEnabled(MODULE, a.regionPath);
    return a.status !== 'DRAFT' || canOrganize(ctx, a);
  });

  const ActivityFilter = builder.inputType('VolunteerActivityFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划: activities of it and below (default: your area)' }),
      category: t.field({ type: enums.ActivityCategory, required: false }),
      status: t.field({ type: enums.ActivityStatus, required: false }),
      teamId: t.id({ required: false, description: '志愿服务队' }),
      from: t.field({ type: 'DateTime', required: false, description: '开始时间不早于 starts at or after' }),
      to: t.field({ type: 'DateTime', required: false, description: '开始时间早于 starts before' }),
    }),
  });

  type Filter = typeof ActivityFilter.$inferInput;
  /** `readable`: the region filter (the list's scope, outside townships where the module is off) */
  const activityWhere = async (
    ctx: Context,
    readable: Prisma.VolunteerActivityWhereInput,
    f: Partial<Filter> | null | undefined,
  ): Promise<Prisma.VolunteerActivityWhereInput> => {
    if (f?.from && f.to && f.from > f.to)
      throw new AppError('VALIDATION', 'from 应早于 to (from must not be after to)');
    const teamId = parseOptionalId(f?.teamId == null ? null : String(f.teamId), 'VolunteerTeam', 'filter.teamId');
    return {
      AND: [
        readable,
        draftVisibility(ctx.viewer),
        f?.category ? { category: f.category } : {},
        f?.status ? { status: f.status } : {},
        teamId ? { teamId } : {},
        f?.from || f?.to ? { startsAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {},
      ],
    };
  };
  const ORDER: Prisma.VolunteerActivityOrderByWithRelationInput[] = [{ startsAt: 'desc' }, { id: 'asc' }];

  builder.queryFields((t) => ({
    volunteerActivities: t.prismaConnection({
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description: '志愿服务活动列表, newest start first (published activities are public; drafts only for organisers)',
      type: 'VolunteerActivity',
      cursor: 'id',
      args: { filter: t.arg({ type: ActivityFilter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.volunteerActivity.findMany({
          ...query,
          where: await activityWhere(ctx, await listScope(ctx, args.filter?.regionId), args.filter),
          orderBy: ORDER,
        }),
      totalCount: async (_c, args, ctx) =>
        (await countedActivities(ctx, args.filter)) ??
        countRows(
          ctx,
          'VolunteerActivity',
          await activityWhere(ctx, await listScope(ctx, args.filter?.regionId), args.filter),
        ),
    }),
    volunteerActivity: t.prismaField({
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description: '志愿服务活动 (MODULE_DISABLED where the township switched the module off)',
      type: 'VolunteerActivity',
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (query, _r, args, ctx) => {
        const activity = await ctx.prisma.volunteerActivity.findUnique({
          ...query,
          where: { id: parseId(String(args.id), 'VolunteerActivity') },
        });
        if (!activity) return null;
        await ctx.gate.assertEnabled(MODULE, activity.regionPath);
        return activity.status !== 'DRAFT' || (await canOrganize(ctx, activity)) ? activity : null;
      },
    }),
  }));

  /** every region of a page in one statement: the same filter for all (switches anywhere), then the parent */
  const regionActivities = (ctx: Context, args: Partial<Filter>): Promise<ChildPageSpec> =>
    sharedSpec(ctx, `volunteering:Region.volunteerActivities:${JSON.stringify(args)}`, async () => ({
      name: 'volunteering:Region.volunteerActivities',
      table: 'VolunteerActivity',
      parentColumn: 'regionPath',
      match: 'prefix',
      where: await activityWhere(ctx, await ctx.gate.readableWhere(MODULE, '/', 'regionPath'), args),
      orderBy: ORDER as Record<string, 'asc' | 'desc'>[],
      // published statuses are public: the counter answers every region's total
      total: await activitiesTotalSql(ctx, args),
    }));

  builder.prismaObjectField('Region', 'volunteerActivities', (t) =>
    t.prismaConnection({
      description: '志愿服务活动 of this region and below (Community.volunteerActivities)',
      type: 'VolunteerActivity',
      cursor: 'id',
      args: {
        status: t.arg({ type: enums.ActivityStatus, required: false }),
        category: t.arg({ type: enums.ActivityCategory, required: false }),
      },
      resolve: async (query, region, args, ctx, info) => {
        const count = asksTotalCount(info);
        const batched = childPage<ActivityRow>(ctx, await regionActivities(ctx, args), region.path, query, { count });
        if (batched) return (await batched).rows;
        return ctx.prisma.volunteerActivity.findMany({
          ...query,
          where: await activityWhere(ctx, await ctx.gate.readableWhere(MODULE, region.path, 'regionPath'), args),
          orderBy: ORDER,
        });
      },
      totalCount: async (region, args, ctx) =>
        (await childCount(ctx, await regionActivities(ctx, args), region.path)) ??
        countRows(
          ctx,
          'VolunteerActivity',
          await activityWhere(ctx, await ctx.gate.readableWhere(MODULE, region.path, 'regionPath'), args),
        ),
    }),
  );
}
