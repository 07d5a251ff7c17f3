// 退单: the department or team an order was dispatched to may return it, with a reason, before accepting it;
// each receiving side may return an order once. The township then dispatches it anew, to a side that has not
// returned it (重新派单), or withdraws it (cancelServiceOrder). Both moves are the order's lifecycle: a
// conditional update on (status, version), so a return racing an acceptance leaves exactly one of them.
import { ACTORS, ADMINS, AppError, Checks, forbidden, payloadType, type Builder } from '../../src/kit/index.js';
import {
  assignedOrder,
  dispatchedOrder,
  moveOrder,
  type OrderRow,
  parseAssignee,
  receivingSide,
} from './order-access.js';

export function registerOrderReturn(builder: Builder) {
  const Payload = (name: string) => payloadType<OrderRow>(builder, name, 'order', 'VolunteerServiceOrder');
  const ReturnInput = builder.inputType('ReturnServiceOrderInput', {
    fields: (t) => ({
      orderId: t.id({ required: true }),
      reason: t.string({ required: true, description: '退单理由 (2–500 characters), e.g. 不属于本部门职责' }),
    }),
  });
  const RedispatchInput = builder.inputType('RedispatchServiceOrderInput', {
    fields: (t) => ({
      orderId: t.id({ required: true }),
      assigneeOrganizationId: t.id({ required: false, description: '新的接单部门 (this or teamId, or both)' }),
      teamId: t.id({ required: false, description: '新的接单志愿服务队' }),
    }),
  });

  builder.mutationFields((t) => ({
    returnServiceOrder: t.field({
      policy: {
        roles: ACTORS,
        scope: { record: 'VolunteerServiceOrder', id: 'input.orderId', resolver: true },
        relation: 'the assigned organisation or team',
      },
      description:
        '退单 DISPATCHED → RETURNED with a reason, before accepting (the assigned department’s staff or the ' +
        'assigned team’s leaders; each of them once per order)',
      type: Payload('ReturnServiceOrderPayload'),
      errors: {},
      args: { input: t.arg({ type: ReturnInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { min: 2, max: 500 }).throwIfAny();
        const order = await assignedOrder(ctx, input.orderId);
        const side = await receivingSide(ctx, order);
        if (!side) throw forbidden('接单部门或队伍退单 (the department or team it was dispatched to)');
        if (order.status === 'DISPATCHED' && order.returnedBy.includes(side))
          throw new AppError('PRECONDITION_FAILED', '每个接单方只能退单一次 (this side has returned the order once)', {
            details: { missing: [{ code: 'RETURNED_ONCE', message: '已退过一次' }] },
          });
        const reason = input.reason.trim();
        return {
          order: await moveOrder(
            ctx,
            order,
            'order.return',
            {
              returnedAt: ctx.clock.now(),
              returnedById: ctx.viewer!.accountId,
              returnReason: reason,
              returnedBy: { push: side },
            },
            { reason, side },
          ),
        };
      },
    }),
    redispatchServiceOrder: t.field({
      policy: { roles: ADMINS, scope: { record: 'VolunteerServiceOrder', id: 'input.orderId' } },
      description:
        '重新派单 RETURNED → DISPATCHED to another department or team (admins of the dispatching township or ' +
        'above); a side that returned the order cannot receive it again',
      type: Payload('RedispatchServiceOrderPayload'),
      errors: {},
      args: { input: t.arg({ type: RedispatchInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const order = await dispatchedOrder(ctx, input.orderId, '重新派单');
        const { organizationId, teamId } = await parseAssignee(ctx, input);
        const refused = [organizationId && `org:${organizationId}`, teamId && `team:${teamId}`].filter(
          (side): side is string => !!side && order.returnedBy.includes(side),
        );
        if (refused.length)
          throw new AppError('PRECONDITION_FAILED', '接单方已退过此单 (that side has returned this order)', {
            details: { missing: refused.map((side) => ({ code: 'RETURNED_BY', message: side })) },
          });
        return {
          order: await moveOrder(
            ctx,
            order,
            'order.redispatch',
            {
              assigneeOrganizationId: organizationId,
              teamId,
              dispatchedAt: ctx.clock.now(),
              dispatchedById: ctx.viewer!.accountId,
            },
            { organizationId, teamId },
          ),
        };
      },
    }),
  }));
}
