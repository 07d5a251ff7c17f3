// 订餐 MealBooking: the node and the list (the meal point's staff, workers of its area, the person);
// the bookings themselves are booking-mutations.ts.
import {
  countRows,
  forbidden,
  guardNode,
  listWhere,
  managesPeopleAt,
  managesPerson,
  modelRef,
  notFound,
  parseId,
  parseOptionalId,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { recipientKey, runsFacility, sensitive } from './access.js';
import { MODULE } from './constants.js';
import type { Enums } from './enums.js';
import { loadFacility } from './facility.js';
import { loadMenu } from './meals.js';

export async function loadBooking(ctx: Context, globalId: string | number, path: string) {
  const b = await ctx.prisma.mealBooking.findUnique({
    where: { id: parseId(String(globalId), 'MealBooking', path) },
    include: { menu: { include: { facility: true } } },
  });
  if (!b) throw notFound('订餐 booking');
  return b;
}

/** the person, those who manage them, and those who run the meal point */
export async function mayBookFor(
  ctx: Context,
  personId: string,
  facility: { id: string; regionPath: string; operatorId: string | null } | null,
) {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (viewer.personId === personId || (facility && runsFacility(viewer, facility))) return true;
  const person = await ctx.prisma.person.findUnique({ where: { id: personId }, select: { id: true, homePath: true } });
  return !!person && managesPerson(viewer, person);
}

export function registerBookings(builder: Builder, E: Enums) {
  builder.prismaNode('MealBooking', {
    description: "订餐 one person's booking of one meal",
    id: { field: 'id' },
    fields: (t) => ({
      menu: t.relation('menu'),
      person: t.loadable({
        type: modelRef(builder, 'Person'),
        load: (ids: string[], ctx) => ctx.prisma.person.findMany({ where: { id: { in: ids } } }),
        sort: (p) => p.id,
        resolve: (b) => b.personId,
      }),
      date: t.field({ type: 'Date', resolve: (b) => b.date }),
      meal: t.expose('meal', { type: E.Meal }),
      delivery: t.exposeBoolean('delivery', { description: '送餐 delivered home (false: eat in 堂食)' }),
      status: t.expose('status', { type: E.BookingStatus }),
      standardPriceFen: t.exposeInt('standardPriceFen', { description: '标准价 (分)' }),
      deliveryFeeFen: t.exposeInt('deliveryFeeFen', { description: '送餐费 (分)' }),
      subsidyFen: t.exposeInt('subsidyFen', { description: '补贴 (分)' }),
      priceFen: t.exposeInt('priceFen', { description: '个人支付 (分) = 标准价 + 送餐费 − 补贴, computed' }),
      subsidyRule: t.string({
        nullable: true,
        description: '适用补贴规则 (may reveal 失能: entitled viewers only, read audited)',
        resolve: async (b, _a, ctx) => {
          if (!b.subsidyRule) return null;
          // the booking's path is the meal point's; health access follows the person's home community
          const r = await recipientKey(ctx, b.recipientId);
          return r ? sensitive(ctx, r, 'booking.subsidyRule', b.id, b.subsidyRule) : null;
        },
      }),
      bookedAt: t.field({ type: 'DateTime', resolve: (b) => b.bookedAt }),
      cancelledAt: t.field({ type: 'DateTime', nullable: true, resolve: (b) => b.cancelledAt }),
      servedAt: t.field({ type: 'DateTime', nullable: true, description: '就餐/送达时间', resolve: (b) => b.servedAt }),
    }),
  });
  guardNode(
    builder,
    'MealBooking',
    async (b, ctx) =>
      (await ctx.gate.isEnabledAt(MODULE, b.regionPath)) &&
      (ctx.viewer?.personId === b.personId || managesPeopleAt(ctx.viewer, b.regionPath)),
  );

  const Filter = builder.inputType('MealBookingFilter', {
    fields: (t) => ({
      menuId: t.id({ required: false }),
      facilityId: t.id({ required: false }),
      date: t.field({ type: 'Date', required: false }),
      personId: t.id({ required: false, description: '本人的订餐 (yours, or of a person you manage)' }),
      status: t.field({ type: E.BookingStatus, required: false }),
    }),
  });

  const where = async (
    ctx: Context,
    f: typeof Filter.$inferInput | null | undefined,
  ): Promise<Prisma.MealBookingWhereInput> => {
    const viewer = ctx.viewer;
    if (!viewer) throw forbidden('请先登录');
    const menu = f?.menuId ? await loadMenu(ctx, f.menuId, 'filter.menuId') : null;
    const facility =
      menu?.facility ?? (f?.facilityId ? await loadFacility(ctx, f.facilityId, 'filter.facilityId') : null);
    const personId = parseOptionalId(f?.personId == null ? null : String(f.personId), 'Person', 'filter.personId');
    let scope: Prisma.MealBookingWhereInput;
    if (facility) {
      if (!runsFacility(viewer, facility) && personId !== viewer.personId)
        throw forbidden('只有设施工作人员或该区域的工作人员可以查看订餐');
      scope = { facilityId: facility.id };
    } else if (personId) {
      if (!(await mayBookFor(ctx, personId, null))) throw forbidden('无权查看该居民的订餐');
      scope = { personId };
    } else {
      if (!managesPeopleAt(viewer, viewer.regionPath))
        throw forbidden('请指定设施、菜单或居民 (give a facility, menu or person)');
      scope = {};
    }
    return {
      AND: [
        // a facility's or a person's bookings wherever they are; otherwise the viewer's area
        await listWhere(ctx, MODULE, facility || personId ? { base: '/' } : {}),
        scope,
        menu ? { menuId: menu.id } : {},
        personId ? { personId } : {},
        f?.date ? { date: f.date } : {},
        f?.status ? { status: f.status } : {},
      ],
    };
  };

  builder.queryField('mealBookings', (t) =>
    t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { record: 'CareFacility', id: 'filter.facilityId' } },
      description: "订餐列表 (a meal point's staff and the workers of its area; a person sees their own)",
      type: 'MealBooking',
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.mealBooking.findMany({
          ...query,
          where: await where(ctx, args.filter),
          orderBy: [{ date: 'asc' }, { meal: 'asc' }, { bookedAt: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'MealBooking', await where(ctx, args.filter)),
    }),
  );
}
