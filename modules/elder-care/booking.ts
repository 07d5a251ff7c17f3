// 订餐: bookings hold capacity under concurrency (one conditional UPDATE per booking: N simultaneous
// bookings for C meals book exactly C) and one active booking per person per slot (unique index).
// The price is computed from the township's subsidy table, never typed in.
import {
  ACTORS,
  AppError,
  forbidden,
  guardNode,
  invalidTransition,
  managesPeopleAt,
  managesPerson,
  modelRef,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  STAFF,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { isUniqueViolation, recipientKey, runsFacility, sensitive } from './access.js';
import { ageOn, isoDay, localDay, MODULE, SUB, type Category, type Level, type Meal } from './constants.js';
import type { Enums } from './enums.js';
import { loadFacility } from './facility.js';
import { loadMenu } from './meals.js';
import { computePrice } from './pricing.js';
import { mealPricing } from './rules.js';

const TX = { maxWait: 30_000, timeout: 30_000 };

async function loadBooking(ctx: Context, globalId: string | number, path: string) {
  const b = await ctx.prisma.mealBooking.findUnique({
    where: { id: parseId(String(globalId), 'MealBooking', path) },
    include: { menu: { include: { facility: true } } },
  });
  if (!b) throw notFound('订餐 booking');
  return b;
}

/** the person, those who manage them, and those who run the meal point */
async function mayBookFor(
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
    subGraphs: SUB,
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
    subGraphs: SUB,
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
        await ctx.gate.readableWhere(
          MODULE,
          viewer.role === 'SYSTEM_ADMIN' || facility || personId ? '/' : viewer.regionPath,
          'regionPath',
        ),
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
      subGraphs: SUB,
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
      totalCount: async (_c, args, ctx) => ctx.prisma.mealBooking.count({ where: await where(ctx, args.filter) }),
    }),
  );

  const BookInput = builder.inputType('BookMealInput', {
    subGraphs: SUB,
    fields: (t) => ({
      menuId: t.id({ required: true }),
      personId: t.id({ required: true }),
      delivery: t.boolean({ required: false, description: '送餐 (default false: eat in)' }),
    }),
  });
  const BookingIdInput = (name: string) =>
    builder.inputType(name, { subGraphs: SUB, fields: (t) => ({ bookingId: t.id({ required: true }) }) });
  const BookingPayload = (name: string) => payloadType(builder, name, 'booking', 'MealBooking', { subGraphs: SUB });

  builder.mutationFields((t) => ({
    bookMeal: t.field({
      subGraphs: SUB,
      policy: {
        roles: ACTORS,
        scope: { record: 'MealMenu', id: 'input.menuId' },
        relation: 'a member or resident for themself only; department staff only as staff of the facility operator',
      },
      description:
        "订餐 for an enrolled care recipient (the person, a worker for them, or the meal point's staff), before the cut-off; one per person per meal slot",
      type: BookingPayload('BookMealPayload'),
      errors: {},
      args: { input: t.arg({ type: BookInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        const menu = await loadMenu(ctx, input.menuId, 'input.menuId');
        const personId = parseId(String(input.personId), 'Person', 'input.personId');
        const person = await ctx.prisma.person.findUnique({ where: { id: personId } });
        if (!person) throw notFound('居民 person');
        if (!(await mayBookFor(ctx, person.id, menu.facility)))
          throw forbidden('本人、其社区工作人员或助餐点工作人员可以订餐');
        await ctx.gate.assertEnabled(MODULE, menu.regionPath);
        const recipient = await ctx.prisma.careRecipient.findUnique({ where: { personId } });
        const enrolled =
          recipient &&
          (await ctx.prisma.careEnrollment.count({ where: { recipientId: recipient.id, status: 'ACTIVE' } }));
        if (!recipient || !enrolled)
          throw new AppError('PRECONDITION_FAILED', '仅限登记的服务对象 (enrol the person first)');
        if (now >= menu.cutoffAt)
          throw new AppError('PRECONDITION_FAILED', `订餐已于 ${menu.cutoffAt.toISOString()} 截止 (booking closed)`);
        const slot = `${isoDay(menu.date)}:${menu.meal}`;
        const stamp = now.toISOString();
        if (await ctx.prisma.mealBooking.findFirst({ where: { personId, slot }, select: { id: true } }))
          throw new AppError('CONFLICT', '该餐次已订 (already booked for this meal)');
        const level =
          recipient.assessmentValidUntil && recipient.assessmentValidUntil > now
            ? (recipient.currentLevel as Level | null)
            : null;
        const price = computePrice(await mealPricing(ctx.settings, person.homePath), {
          meal: menu.meal as Meal,
          delivery: !!input.delivery,
          age: ageOn(person.birthDate, menu.date),
          categories: recipient.categories as Category[],
          level,
        });
        try {
          const booking = await ctx.prisma.$transaction(async (tx) => {
            // the capacity guard: one statement, row-locked, holds on PostgreSQL and PGlite alike
            const taken =
              await tx.$executeRaw`UPDATE "MealMenu" SET "booked" = "booked" + 1, "updatedAt" = ${stamp}::timestamp
              WHERE "id" = ${menu.id} AND "booked" < "capacity" AND "cutoffAt" > ${stamp}::timestamp`;
            if (taken !== 1) throw new AppError('LIMIT_EXCEEDED', '已订满 (no meals left)');
            const b = await tx.mealBooking.create({
              data: {
                menuId: menu.id,
                recipientId: recipient.id,
                personId,
                facilityId: menu.facilityId,
                communityId: menu.communityId,
                regionPath: menu.regionPath,
                date: menu.date,
                meal: menu.meal,
                slot,
                delivery: !!input.delivery,
                ...price,
                bookedById: ctx.viewer!.accountId,
                bookedAt: now,
              },
            });
            await ctx.audit(tx, {
              action: 'elderCare.meal.book',
              entityType: 'MealBooking',
              entityId: b.id,
              regionPath: b.regionPath,
              data: { menuId: menu.id, priceFen: b.priceFen },
            });
            return b;
          }, TX);
          return { booking };
        } catch (e) {
          if (isUniqueViolation(e)) throw new AppError('CONFLICT', '该餐次已订 (already booked for this meal)');
          throw e;
        }
      },
    }),
    cancelMealBooking: t.field({
      subGraphs: SUB,
      policy: {
        roles: ACTORS,
        scope: { record: 'MealBooking', id: 'input.bookingId' },
        relation: 'a member or resident for themself only; department staff only as staff of the facility operator',
      },
      description: "取消订餐 before the cut-off (the person, a worker for them, or the meal point's staff)",
      type: BookingPayload('CancelMealBookingPayload'),
      errors: {},
      args: { input: t.arg({ type: BookingIdInput('CancelMealBookingInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        const b = await loadBooking(ctx, input.bookingId, 'input.bookingId');
        if (!(await mayBookFor(ctx, b.personId, b.menu.facility))) throw forbidden('无权取消该订餐');
        await ctx.gate.assertEnabled(MODULE, b.regionPath);
        if (b.status !== 'BOOKED')
          throw invalidTransition(`订餐状态为 ${b.status}，不能取消 (only BOOKED can be cancelled)`);
        if (now >= b.menu.cutoffAt)
          throw new AppError('PRECONDITION_FAILED', '已过订餐截止时间，不能取消 (past the cut-off)');
        const booking = await ctx.prisma.$transaction(async (tx) => {
          const done = await tx.mealBooking.updateMany({
            where: { id: b.id, status: 'BOOKED' },
            data: { status: 'CANCELLED', slot: null, cancelledAt: now },
          });
          if (done.count !== 1) throw invalidTransition('订餐状态已变化 (no longer BOOKED)');
          await tx.$executeRaw`UPDATE "MealMenu" SET "booked" = "booked" - 1, "updatedAt" = ${now.toISOString()}::timestamp WHERE "id" = ${b.menuId} AND "booked" > 0`;
          await ctx.audit(tx, {
            action: 'elderCare.meal.cancel',
            entityType: 'MealBooking',
            entityId: b.id,
            regionPath: b.regionPath,
          });
          return tx.mealBooking.findUniqueOrThrow({ where: { id: b.id } });
        }, TX);
        return { booking };
      },
    }),
    markMealServed: t.field({
      subGraphs: SUB,
      policy: {
        roles: STAFF,
        scope: { record: 'MealBooking', id: 'input.bookingId' },
        relation: 'department staff only as staff of the facility operator',
      },
      description:
        "标记已就餐/已送达 on or after the meal day, once the meal's 留样 is recorded (the meal point's staff or workers of its area)",
      type: BookingPayload('MarkMealServedPayload'),
      errors: {},
      args: { input: t.arg({ type: BookingIdInput('MarkMealServedInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        const b = await loadBooking(ctx, input.bookingId, 'input.bookingId');
        if (!runsFacility(ctx.viewer, b.menu.facility)) throw forbidden('只有助餐点工作人员或该区域的工作人员可以标记');
        await ctx.gate.assertEnabled(MODULE, b.regionPath);
        if (b.status !== 'BOOKED') throw invalidTransition(`订餐状态为 ${b.status} (only BOOKED can be served)`);
        if (b.date.getTime() > localDay(now).getTime())
          throw new AppError('PRECONDITION_FAILED', '用餐日期未到 (the meal day has not come)');
        if (!b.menu.sampleTakenAt)
          throw new AppError('PRECONDITION_FAILED', '该餐未记录留样 (record the food sample first)');
        const booking = await ctx.prisma.$transaction(async (tx) => {
          const done = await tx.mealBooking.updateMany({
            where: { id: b.id, status: 'BOOKED' },
            data: { status: 'SERVED', servedAt: now, servedById: ctx.viewer!.accountId },
          });
          if (done.count !== 1) throw invalidTransition('订餐状态已变化 (no longer BOOKED)');
          await ctx.audit(tx, {
            action: 'elderCare.meal.served',
            entityType: 'MealBooking',
            entityId: b.id,
            regionPath: b.regionPath,
            data: { delivery: b.delivery },
          });
          return tx.mealBooking.findUniqueOrThrow({ where: { id: b.id } });
        }, TX);
        return { booking };
      },
    }),
  }));
}
