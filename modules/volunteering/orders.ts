// 服务清单派单 "街道派单、部门接单": the order node, who sees it, and the list. The township dispatches, the
// department or team accepts and completes, the township may withdraw (order-mutations.ts).
import {
  countRows,
  guardNode,
  isAdminOf,
  readsWithinScope,
  within,
  type Builder,
  type Context,
  type LinkedPeopleKit,
  type Prisma,
} from '../../src/kit/index.js';
import { countedOrders } from './counts.js';
import type { Enums } from './enums.js';
import { ledTeamIds, loaders } from './loaders.js';
import { listScope, MODULE } from './shared.js';

type OrderRow = Prisma.VolunteerServiceOrderGetPayload<object>;

/** the accepting side: staff of the assigned organisation, leaders of the assigned team, admins over the order */
export const isAssignee = (ctx: Context, o: OrderRow, led: Set<string>) =>
  !!ctx.viewer &&
  ((!!o.assigneeOrganizationId && ctx.viewer.organizationId === o.assigneeOrganizationId) ||
    (!!o.teamId && led.has(o.teamId)) ||
    isAdminOf(ctx.viewer, o.regionPath));

export const canSeeOrder = (ctx: Context, o: OrderRow, led: Set<string>) =>
  isAssignee(ctx, o, led) || (readsWithinScope(ctx.viewer) && within(ctx.viewer, o.regionPath));

export function registerOrders(builder: Builder, enums: Enums) {
  builder.prismaNode('VolunteerServiceOrder', {
    description:
      '服务清单派单 a resident need dispatched by a township (街道派单) ' +
      'and accepted by a department or team (部门接单)',
    id: { field: 'id' },
    fields: (t) => ({
      title: t.exposeString('title', { description: '事项' }),
      description: t.exposeString('description', { nullable: true, description: '需求说明' }),
      status: t.expose('status', { type: enums.OrderStatus }),
      dueAt: t.field({ type: 'DateTime', nullable: true, description: '办结时限', resolve: (o) => o.dueAt }),
      overdue: t.boolean({
        description: '已超时',
        resolve: (o, _a, ctx) =>
          !!o.dueAt && (o.status === 'DISPATCHED' || o.status === 'ACCEPTED') && o.dueAt < ctx.clock.now(),
      }),
      township: t.prismaField({
        type: 'Region',
        description: '派单乡镇街道',
        resolve: async (_q, o, _a, ctx) => (await loaders.region(ctx).load(o.townshipId))!,
      }),
      community: t.prismaField({
        type: 'Region',
        nullable: true,
        description: '需求所在社区',
        resolve: (_q, o, _a, ctx) => (o.communityId ? loaders.region(ctx).load(o.communityId) : null),
      }),
      assigneeOrganization: t.prismaField({
        type: 'Organization',
        nullable: true,
        description: '接单部门',
        resolve: (_q, o, _a, ctx) =>
          o.assigneeOrganizationId ? loaders.organization(ctx).load(o.assigneeOrganizationId) : null,
      }),
      team: t.relation('team', { nullable: true, description: '接单队伍' }),
      assignedVolunteerCount: t.int({ description: '派出志愿者人数', resolve: (o) => o.assignedPersonIds.length }),
      dispatchedAt: t.field({ type: 'DateTime', resolve: (o) => o.dispatchedAt }),
      acceptedAt: t.field({ type: 'DateTime', nullable: true, resolve: (o) => o.acceptedAt }),
      completedAt: t.field({ type: 'DateTime', nullable: true, resolve: (o) => o.completedAt }),
      result: t.exposeString('result', { nullable: true, description: '办理结果' }),
      cancelledAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: '撤销时间',
        resolve: (o) => o.cancelledAt,
      }),
      cancelReason: t.exposeString('cancelReason', { nullable: true, description: '撤销原因' }),
      returnedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: '退单时间 (the last return)',
        resolve: (o) => o.returnedAt,
      }),
      returnReason: t.exposeString('returnReason', { nullable: true, description: '退单理由 (the last return)' }),
      returnCount: t.int({ description: '退单次数 (each receiving side once)', resolve: (o) => o.returnedBy.length }),
      householdsVisited: t.exposeInt('householdsVisited', { description: '走访户数' }),
      suggestions: t.exposeInt('suggestions', { description: '收集意见建议' }),
      disputesResolved: t.exposeInt('disputesResolved', { description: '化解矛盾纠纷' }),
      mattersDone: t.exposeInt('mattersDone', { description: '办实事' }),
    }),
  });
  guardNode(builder, 'VolunteerServiceOrder', async (o: OrderRow, ctx) => {
    await ctx.gate.assertEnabled(MODULE, o.regionPath);
    return canSeeOrder(ctx, o, await ledTeamIds(ctx));
  });

  const OrderFilter = builder.inputType('ServiceOrderFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划 (default: your area plus orders assigned to you)' }),
      status: t.field({ type: enums.OrderStatus, required: false }),
    }),
  });

  const orderWhere = async (
    ctx: Context,
    f: typeof OrderFilter.$inferInput | null | undefined,
  ): Promise<Prisma.VolunteerServiceOrderWhereInput> => {
    const viewer = ctx.viewer!;
    // the named region or everywhere: who sees what is decided by `mine` (their area, or assigned to them)
    const readable = await listScope(ctx, f?.regionId, { base: '/' });
    const led = [...(await ledTeamIds(ctx))];
    const mine: Prisma.VolunteerServiceOrderWhereInput[] = [];
    if (readsWithinScope(viewer)) mine.push({ regionPath: { startsWith: viewer.regionPath } });
    if (viewer.organizationId) mine.push({ assigneeOrganizationId: viewer.organizationId });
    if (led.length) mine.push({ teamId: { in: led } });
    return {
      AND: [readable, mine.length ? { OR: mine } : { id: { in: [] } }, f?.status ? { status: f.status } : {}],
    };
  };

  builder.queryField('serviceOrders', (t) =>
    t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description:
        '服务清单派单 (townships and readers: their area; departments and teams: orders assigned to them), ' +
        'newest first',
      type: 'VolunteerServiceOrder',
      cursor: 'id',
      args: { filter: t.arg({ type: OrderFilter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.volunteerServiceOrder.findMany({
          ...query,
          where: await orderWhere(ctx, args.filter),
          orderBy: [{ dispatchedAt: 'desc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) =>
        (await countedOrders(ctx, args.filter)) ??
        countRows(ctx, 'VolunteerServiceOrder', await orderWhere(ctx, args.filter)),
    }),
  );
}

/** 个人信息: the volunteers assigned to service orders an organisation accepted (its staff see them) */
export async function orderPeople({ prisma, organizationId, scope }: LinkedPeopleKit): Promise<string[]> {
  const where = { assigneeOrganizationId: organizationId, regionPath: { startsWith: scope } };
  return (await prisma.volunteerServiceOrder.findMany({ where, select: { assignedPersonIds: true } })).flatMap(
    (o) => o.assignedPersonIds,
  );
}
