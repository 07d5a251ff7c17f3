// 服务清单派单 "街道派单、部门接单": a township dispatches a resident need to a department or a team,
// which accepts it, assigns volunteers and reports it done with outcome counters. The township may
// withdraw (撤销) an order that is not yet completed.
import {
  ACTORS,
  ADMINS,
  AppError,
  Checks,
  forbidden,
  guardNode,
  invalidTransition,
  isAdminOf,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  readsWithinScope,
  within,
  type Builder,
  type Context,
  type LinkedPeopleKit,
  type Prisma,
} from '../../src/kit/index.js';
import type { Enums } from './enums.js';
import { ledTeamIds, loaders, MODULE, regionArg, SG, TX } from './shared.js';

type OrderRow = Prisma.VolunteerServiceOrderGetPayload<object>;

/** the accepting side: staff of the assigned organisation, leaders of the assigned team, admins over the order */
const isAssignee = (ctx: Context, o: OrderRow, led: Set<string>) =>
  !!ctx.viewer &&
  ((!!o.assigneeOrganizationId && ctx.viewer.organizationId === o.assigneeOrganizationId) ||
    (!!o.teamId && led.has(o.teamId)) ||
    isAdminOf(ctx.viewer, o.regionPath));

const canSeeOrder = (ctx: Context, o: OrderRow, led: Set<string>) =>
  isAssignee(ctx, o, led) || (readsWithinScope(ctx.viewer) && within(ctx.viewer, o.regionPath));

export function registerOrders(builder: Builder, enums: Enums) {
  builder.prismaNode('VolunteerServiceOrder', {
    subGraphs: SG,
    description:
      '服务清单派单 a resident need dispatched by a township (街道派单) and accepted by a department or team (部门接单)',
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
    subGraphs: SG,
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
    const region = await regionArg(ctx, f?.regionId, 'filter.regionId');
    const led = [...(await ledTeamIds(ctx))];
    const mine: Prisma.VolunteerServiceOrderWhereInput[] = [];
    if (readsWithinScope(viewer)) mine.push({ regionPath: { startsWith: viewer.regionPath } });
    if (viewer.organizationId) mine.push({ assigneeOrganizationId: viewer.organizationId });
    if (led.length) mine.push({ teamId: { in: led } });
    return {
      AND: [
        await ctx.gate.readableWhere(MODULE, region?.path ?? '/', 'regionPath'),
        mine.length ? { OR: mine } : { id: { in: [] } },
        f?.status ? { status: f.status } : {},
      ],
    };
  };

  builder.queryField('serviceOrders', (t) =>
    t.prismaConnection({
      subGraphs: SG,
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description:
        '服务清单派单 (townships and readers: their area; departments and teams: orders assigned to them), newest first',
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
        ctx.prisma.volunteerServiceOrder.count({ where: await orderWhere(ctx, args.filter) }),
    }),
  );

  const Payload = (name: string) =>
    payloadType<OrderRow>(builder, name, 'order', 'VolunteerServiceOrder', { subGraphs: SG });
  const DispatchInput = builder.inputType('DispatchServiceOrderInput', {
    subGraphs: SG,
    fields: (t) => ({
      townshipId: t.id({ required: true, description: '派单乡镇街道' }),
      communityId: t.id({ required: false, description: '需求所在社区 (in that township)' }),
      assigneeOrganizationId: t.id({ required: false, description: '接单部门 (this or teamId, or both)' }),
      teamId: t.id({ required: false, description: '接单志愿服务队' }),
      title: t.string({ required: true }),
      description: t.string({ required: false }),
      dueAt: t.field({ type: 'DateTime', required: false, description: '办结时限' }),
    }),
  });
  const AcceptInput = builder.inputType('AcceptServiceOrderInput', {
    subGraphs: SG,
    fields: (t) => ({
      orderId: t.id({ required: true }),
      volunteerPersonIds: t.idList({ required: false, description: '派出的志愿者 (registered volunteers)' }),
    }),
  });
  const CompleteInput = builder.inputType('CompleteServiceOrderInput', {
    subGraphs: SG,
    fields: (t) => ({
      orderId: t.id({ required: true }),
      result: t.string({ required: true, description: '办理结果' }),
      householdsVisited: t.field({ type: 'NonNegativeInt', required: false, description: '走访户数' }),
      suggestions: t.field({ type: 'NonNegativeInt', required: false, description: '收集意见建议' }),
      disputesResolved: t.field({ type: 'NonNegativeInt', required: false, description: '化解矛盾纠纷' }),
      mattersDone: t.field({ type: 'NonNegativeInt', required: false, description: '办实事' }),
    }),
  });

  const CancelInput = builder.inputType('CancelServiceOrderInput', {
    subGraphs: SG,
    fields: (t) => ({
      orderId: t.id({ required: true }),
      reason: t.string({ required: true, description: '撤销原因 (2–500 characters)' }),
    }),
  });

  /** loads an order the viewer may act on as the accepting side */
  const assignedOrder = async (ctx: Context, globalId: string | number) => {
    const order = await ctx.prisma.volunteerServiceOrder.findUnique({
      where: { id: parseId(String(globalId), 'VolunteerServiceOrder', 'input.orderId') },
    });
    if (!order) throw notFound('派单 order');
    await ctx.gate.assertEnabled(MODULE, order.regionPath);
    const led = await ledTeamIds(ctx);
    if (!canSeeOrder(ctx, order, led)) throw notFound('派单 order');
    if (!isAssignee(ctx, order, led)) throw forbidden('接单部门或队伍办理 (the assigned department or team)');
    return order;
  };

  const move = (
    ctx: Context,
    order: OrderRow,
    from: OrderRow['status'] | OrderRow['status'][],
    data: Prisma.VolunteerServiceOrderUpdateManyMutationInput,
    action: string,
    audited: Record<string, unknown> = {},
  ) =>
    ctx.prisma.$transaction(async (tx) => {
      const { count } = await tx.volunteerServiceOrder.updateMany({
        where: { id: order.id, status: { in: [from].flat() }, version: order.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw invalidTransition(`派单状态已变化 (order is no longer ${[from].flat().join(' or ')})`);
      await ctx.audit(tx, {
        action,
        entityType: 'VolunteerServiceOrder',
        entityId: order.id,
        regionPath: order.regionPath,
        data: { from: order.status, to: data.status, ...audited },
      });
      return tx.volunteerServiceOrder.findUniqueOrThrow({ where: { id: order.id } });
    }, TX);

  builder.mutationFields((t) => ({
    dispatchServiceOrder: t.field({
      subGraphs: SG,
      policy: { roles: ADMINS, scope: { region: 'input.townshipId' } },
      description: '街道派单 (admins of the township or above) to a department and/or a volunteer team',
      type: Payload('DispatchServiceOrderPayload'),
      errors: {},
      args: { input: t.arg({ type: DispatchInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        new Checks()
          .text(input.title, 'input.title', { max: 100 })
          .text(input.description, 'input.description', { max: 2000, required: false })
          .check(
            input.assigneeOrganizationId != null || input.teamId != null,
            'input.assigneeOrganizationId',
            '请指定接单部门或队伍 (a department or a team)',
          )
          .check(!input.dueAt || input.dueAt > now, 'input.dueAt', '时限应在将来')
          .throwIfAny();
        const township = (await regionArg(ctx, input.townshipId, 'input.townshipId'))!;
        if (township.level !== 'TOWNSHIP')
          throw new AppError('VALIDATION', 'townshipId 应为乡镇街道 (must be a township)', {
            path: 'input.townshipId',
          });
        if (!isAdminOf(ctx.viewer, township.path)) throw forbidden('乡镇街道管理员派单 (township admins dispatch)');
        const community = await regionArg(ctx, input.communityId, 'input.communityId');
        if (community && (community.level !== 'COMMUNITY' || community.parentId !== township.id))
          throw new AppError('VALIDATION', '社区不在该乡镇 (community outside the township)', {
            path: 'input.communityId',
          });
        const regionPath = community?.path ?? township.path;
        await ctx.gate.assertEnabled(MODULE, regionPath);
        const organizationId = parseOptionalId(
          input.assigneeOrganizationId == null ? null : String(input.assigneeOrganizationId),
          'Organization',
          'input.assigneeOrganizationId',
        );
        const teamId = parseOptionalId(
          input.teamId == null ? null : String(input.teamId),
          'VolunteerTeam',
          'input.teamId',
        );
        if (organizationId && !(await loaders.organization(ctx).load(organizationId)))
          throw notFound('接单部门 organization');
        if (teamId && !(await ctx.prisma.volunteerTeam.findUnique({ where: { id: teamId } })))
          throw notFound('志愿服务队 team');
        const order = await ctx.prisma.$transaction(async (tx) => {
          const o = await tx.volunteerServiceOrder.create({
            data: {
              townshipId: township.id,
              communityId: community?.id ?? null,
              regionPath,
              title: input.title.trim(),
              description: input.description?.trim() || null,
              dueAt: input.dueAt ?? null,
              assigneeOrganizationId: organizationId,
              teamId,
              dispatchedById: ctx.viewer!.accountId,
              dispatchedAt: now,
            },
          });
          await ctx.audit(tx, {
            action: 'volunteering.order.dispatch',
            entityType: 'VolunteerServiceOrder',
            entityId: o.id,
            regionPath,
            data: { title: o.title, organizationId, teamId },
          });
          return o;
        });
        return { order };
      },
    }),
    acceptServiceOrder: t.field({
      subGraphs: SG,
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerServiceOrder', id: 'input.orderId', resolver: true },
        relation: 'the assigned organisation or team',
      },
      description: '部门接单 DISPATCHED → ACCEPTED, assigning volunteers (the assigned department or team)',
      type: Payload('AcceptServiceOrderPayload'),
      errors: {},
      args: { input: t.arg({ type: AcceptInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const order = await assignedOrder(ctx, input.orderId);
        const personIds = [
          ...new Set(
            (input.volunteerPersonIds ?? []).map((id, i) =>
              parseId(String(id), 'Person', `input.volunteerPersonIds.${i}`),
            ),
          ),
        ];
        new Checks().check(personIds.length <= 200, 'input.volunteerPersonIds', '最多 200 人').throwIfAny();
        if (
          personIds.length &&
          (await ctx.prisma.volunteer.count({ where: { personId: { in: personIds } } })) !== personIds.length
        ) {
          throw new AppError('PRECONDITION_FAILED', '所派人员须为已注册志愿者 (assign registered volunteers only)');
        }
        return {
          order: await move(
            ctx,
            order,
            'DISPATCHED',
            {
              status: 'ACCEPTED',
              acceptedAt: ctx.clock.now(),
              acceptedById: ctx.viewer!.accountId,
              assignedPersonIds: personIds,
            },
            'volunteering.order.accept',
          ),
        };
      },
    }),
    completeServiceOrder: t.field({
      subGraphs: SG,
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerServiceOrder', id: 'input.orderId', resolver: true },
        relation: 'the assigned organisation or team',
      },
      description: '办结 ACCEPTED → COMPLETED with the result and outcome counters (the assigned department or team)',
      type: Payload('CompleteServiceOrderPayload'),
      errors: {},
      args: { input: t.arg({ type: CompleteInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const counts = {
          householdsVisited: input.householdsVisited ?? 0,
          suggestions: input.suggestions ?? 0,
          disputesResolved: input.disputesResolved ?? 0,
          mattersDone: input.mattersDone ?? 0,
        };
        new Checks()
          .text(input.result, 'input.result', { min: 2, max: 2000 })
          .check(
            Object.values(counts).every((n) => n <= 100_000),
            'input',
            '每项最多 100000',
          )
          .throwIfAny();
        const order = await assignedOrder(ctx, input.orderId);
        return {
          order: await move(
            ctx,
            order,
            'ACCEPTED',
            {
              status: 'COMPLETED',
              completedAt: ctx.clock.now(),
              completedById: ctx.viewer!.accountId,
              result: input.result.trim(),
              ...counts,
            },
            'volunteering.order.complete',
          ),
        };
      },
    }),
    cancelServiceOrder: t.field({
      subGraphs: SG,
      policy: { roles: ADMINS, scope: { record: 'VolunteerServiceOrder', id: 'input.orderId' } },
      description:
        '撤销派单 DISPATCHED / ACCEPTED → CANCELLED with a reason (admins of the dispatching township or above); a completed order cannot be withdrawn',
      type: Payload('CancelServiceOrderPayload'),
      errors: {},
      args: { input: t.arg({ type: CancelInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { min: 2, max: 500 }).throwIfAny();
        const order = await ctx.prisma.volunteerServiceOrder.findUnique({
          where: { id: parseId(String(input.orderId), 'VolunteerServiceOrder', 'input.orderId') },
        });
        if (!order) throw notFound('派单 order');
        await ctx.gate.assertEnabled(MODULE, order.regionPath);
        const township = await loaders.region(ctx).load(order.townshipId);
        if (!township || !isAdminOf(ctx.viewer, township.path)) {
          if (!canSeeOrder(ctx, order, await ledTeamIds(ctx))) throw notFound('派单 order');
          throw forbidden('派单乡镇街道的管理员撤销 (admins of the dispatching township or above)');
        }
        if (order.status !== 'DISPATCHED' && order.status !== 'ACCEPTED') {
          throw invalidTransition(
            order.status === 'COMPLETED'
              ? '已办结的派单不能撤销 (a completed order cannot be cancelled)'
              : '派单已撤销 (already cancelled)',
          );
        }
        const reason = input.reason.trim();
        return {
          order: await move(
            ctx,
            order,
            ['DISPATCHED', 'ACCEPTED'],
            {
              status: 'CANCELLED',
              cancelledAt: ctx.clock.now(),
              cancelledById: ctx.viewer!.accountId,
              cancelReason: reason,
            },
            'volunteering.order.cancel',
            { reason },
          ),
        };
      },
    }),
  }));
}

/** 个人信息: the volunteers assigned to service orders an organisation accepted (its staff see them) */
export async function orderPeople({ prisma, organizationId, scope }: LinkedPeopleKit): Promise<string[]> {
  const where = { assigneeOrganizationId: organizationId, regionPath: { startsWith: scope } };
  return (await prisma.volunteerServiceOrder.findMany({ where, select: { assignedPersonIds: true } })).flatMap(
    (o) => o.assignedPersonIds,
  );
}
