// The two sides of a service order and what each may act on: the receiving side (the assigned department's
// staff, the assigned team's leaders) and the dispatching township's admins. Shared by dispatch, accept,
// complete, cancel, 退单 and re-dispatch, so every move loads and checks an order the same way.
import {
  forbidden,
  isAdminOf,
  notFound,
  parseId,
  parseOptionalId,
  type Context,
  type Prisma,
  ValidationError,
  write,
} from '../../src/kit/index.js';
import { ORDER_RACE, type OrderAction, orderLifecycle } from './lifecycles.js';
import { ledTeamIds, loaders } from './loaders.js';
import { canSeeOrder, isAssignee } from './orders.js';
import { MODULE } from './shared.js';

export type OrderRow = Prisma.VolunteerServiceOrderGetPayload<object>;

const loadOrder = async (ctx: Context, globalId: string | number) => {
  const order = await ctx.prisma.volunteerServiceOrder.findUnique({
    where: { id: parseId(String(globalId), 'VolunteerServiceOrder', 'input.orderId') },
  });
  if (!order) throw notFound('派单 order');
  // before the access check, so a switched-off township answers MODULE_DISABLED to everyone
  await ctx.gate.assertEnabled(MODULE, order.regionPath);
  return order;
};

/** an order the viewer may act on as the receiving side (admins over the order included) */
export async function assignedOrder(ctx: Context, globalId: string | number) {
  const order = await loadOrder(ctx, globalId);
  const led = await ledTeamIds(ctx);
  if (!canSeeOrder(ctx, order, led)) throw notFound('派单 order');
  if (!isAssignee(ctx, order, led)) throw forbidden('接单部门或队伍办理 (the assigned department or team)');
  return order;
}

/** the receiving side the viewer acts for, as stored in `returnedBy`: its department, else a team it leads */
export async function receivingSide(ctx: Context, order: OrderRow): Promise<string | null> {
  if (order.assigneeOrganizationId && ctx.viewer?.organizationId === order.assigneeOrganizationId)
    return `org:${order.assigneeOrganizationId}`;
  if (order.teamId && (await ledTeamIds(ctx)).has(order.teamId)) return `team:${order.teamId}`;
  return null;
}

/** an order the viewer may act on as an admin of the dispatching township (or above) */
export async function dispatchedOrder(ctx: Context, globalId: string | number, what: string) {
  const order = await loadOrder(ctx, globalId);
  const township = await loaders.region(ctx).load(order.townshipId);
  if (!township || !isAdminOf(ctx.viewer, township.path)) {
    if (!canSeeOrder(ctx, order, await ledTeamIds(ctx))) throw notFound('派单 order');
    throw forbidden(`派单乡镇街道的管理员${what} (admins of the dispatching township or above)`);
  }
  return order;
}

/** the receiving department and/or team of a dispatch: at least one, both must exist */
export async function parseAssignee(
  ctx: Context,
  input: { assigneeOrganizationId?: string | number | null; teamId?: string | number | null },
) {
  if (input.assigneeOrganizationId == null && input.teamId == null)
    throw new ValidationError([
      { path: 'input.assigneeOrganizationId', message: '请指定接单部门或队伍 (a department or a team)' },
    ]);
  const organizationId = parseOptionalId(
    input.assigneeOrganizationId == null ? null : String(input.assigneeOrganizationId),
    'Organization',
    'input.assigneeOrganizationId',
  );
  const teamId = parseOptionalId(input.teamId == null ? null : String(input.teamId), 'VolunteerTeam', 'input.teamId');
  if (organizationId && !(await loaders.organization(ctx).load(organizationId)))
    throw notFound('接单部门 organization');
  if (teamId && !(await ctx.prisma.volunteerTeam.findUnique({ where: { id: teamId } })))
    throw notFound('志愿服务队 team');
  return { organizationId, teamId };
}

/** one move of the order's lifecycle (conditional on its status and version) in its own write unit */
export const moveOrder = (
  ctx: Context,
  order: OrderRow,
  action: OrderAction,
  data: Prisma.VolunteerServiceOrderUncheckedUpdateManyInput,
  audit: Record<string, unknown> = {},
) =>
  write(ctx, { module: MODULE, regionPath: order.regionPath }, (w) =>
    orderLifecycle.apply(w, ctx, order, action, { data, audit, conflictMessage: ORDER_RACE }),
  );
