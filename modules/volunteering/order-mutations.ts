// 服务清单派单 "街道派单、部门接单": a township dispatches a resident need to a department or a team,
// which accepts it, assigns volunteers and reports it done with outcome counters. The township may
// withdraw (撤销) an order that is not yet completed. Every move is the order's lifecycle: a conditional
// update on (status, version), so of a completion and a withdrawal at the same moment exactly one wins.
import {
  ACTORS,
  ADMINS,
  AppError,
  Checks,
  forbidden,
  invalidTransition,
  isAdminOf,
  parseId,
  payloadType,
  type Builder,
  write,
} from '../../src/kit/index.js';
import { assignedOrder, dispatchedOrder, moveOrder, type OrderRow, parseAssignee } from './order-access.js';
import { MODULE, regionArg } from './shared.js';

export function registerOrderMutations(builder: Builder) {
  const Payload = (name: string) => payloadType<OrderRow>(builder, name, 'order', 'VolunteerServiceOrder');
  const DispatchInput = builder.inputType('DispatchServiceOrderInput', {
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
    fields: (t) => ({
      orderId: t.id({ required: true }),
      volunteerPersonIds: t.idList({ required: false, description: '派出的志愿者 (registered volunteers)' }),
    }),
  });
  const CompleteInput = builder.inputType('CompleteServiceOrderInput', {
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
    fields: (t) => ({
      orderId: t.id({ required: true }),
      reason: t.string({ required: true, description: '撤销原因 (2–500 characters)' }),
    }),
  });

  builder.mutationFields((t) => ({
    dispatchServiceOrder: t.field({
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
        const { organizationId, teamId } = await parseAssignee(ctx, input);
        const order = await write(ctx, { module: MODULE, regionPath }, async (w) => {
          const o = await w.tx.volunteerServiceOrder.create({
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
          await w.audit({
            action: 'order.dispatch',
            entityType: 'VolunteerServiceOrder',
            entityId: o.id,
            regionPath,
            data: { title: o.title, organizationId, teamId },
          });
          // 实时推送: a new order is an order change (the lifecycle publishes the later moves)
          const move = {
            id: o.id,
            entity: 'VolunteerServiceOrder',
            action: 'order.dispatch',
            from: null,
            to: o.status,
          };
          await w.publish({ type: 'volunteering.volunteerServiceOrderChanged', payload: move });
          return o;
        });
        return { order };
      },
    }),
    acceptServiceOrder: t.field({
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
          order: await moveOrder(ctx, order, 'order.accept', {
            acceptedAt: ctx.clock.now(),
            acceptedById: ctx.viewer!.accountId,
            assignedPersonIds: personIds,
          }),
        };
      },
    }),
    completeServiceOrder: t.field({
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
          order: await moveOrder(ctx, order, 'order.complete', {
            completedAt: ctx.clock.now(),
            completedById: ctx.viewer!.accountId,
            result: input.result.trim(),
            ...counts,
          }),
        };
      },
    }),
    cancelServiceOrder: t.field({
      policy: { roles: ADMINS, scope: { record: 'VolunteerServiceOrder', id: 'input.orderId' } },
      description:
        '撤销派单 DISPATCHED / ACCEPTED / RETURNED → CANCELLED with a reason (admins of the dispatching township ' +
        'or above); a completed order cannot be withdrawn',
      type: Payload('CancelServiceOrderPayload'),
      errors: {},
      args: { input: t.arg({ type: CancelInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { min: 2, max: 500 }).throwIfAny();
        const order = await dispatchedOrder(ctx, input.orderId, '撤销');
        if (order.status === 'COMPLETED' || order.status === 'CANCELLED') {
          throw invalidTransition(
            order.status === 'COMPLETED'
              ? '已办结的派单不能撤销 (a completed order cannot be cancelled)'
              : '派单已撤销 (already cancelled)',
          );
        }
        const reason = input.reason.trim();
        return {
          order: await moveOrder(
            ctx,
            order,
            'order.cancel',
            {
              cancelledAt: ctx.clock.now(),
              cancelledById: ctx.viewer!.accountId,
              cancelReason: reason,
            },
            { reason },
          ),
        };
      },
    }),
  }));
}
