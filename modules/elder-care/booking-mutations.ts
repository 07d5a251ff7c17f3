// 订餐 mutations: bookings hold capacity under concurrency (one conditional UPDATE per booking: N
// simultaneous bookings for C meals book exactly C) and one active booking per person per slot (unique
// index). The price is computed from the township's subsidy table, never typed in. Cancelling and serving
// are the booking's lifecycle (lifecycles.ts): a lost race is CONFLICT.
import {
  ACTORS,
  AppError,
  forbidden,
  isUniqueViolation,
  notFound,
  parseId,
  payloadType,
  STAFF,
  write,
  type Builder,
  type Context,
} from '../../src/kit/index.js';
import { named, runsFacility } from './access.js';
import { loadBooking, mayBookFor } from './booking.js';
import { ageOn, isoDay, localDay, MODULE, type Category, type Level, type Meal } from './constants.js';
import { BOOKING_AUDIT, BOOKING_RACE, bookingLifecycle } from './lifecycles.js';
import { loadMenu } from './meals.js';
import { computePrice } from './pricing.js';
import { mealPricing } from './rules.js';

const BOOKED_ALREADY = '该餐次已订 (already booked for this meal)';
const FOR_SELF = 'a member or resident for themself only; department staff only as staff of the facility operator';

/** what bookMeal checks and computes before its unit: the menu, the person, the price */
async function prepareBooking(ctx: Context, input: { menuId: string | number; personId: string | number }) {
  const now = ctx.clock.now();
  const menu = await loadMenu(ctx, input.menuId, 'input.menuId');
  const personId = parseId(String(input.personId), 'Person', 'input.personId');
  const person = await ctx.prisma.person.findUnique({ where: { id: personId } });
  if (!person) throw notFound('居民 person');
  if (!(await mayBookFor(ctx, person.id, menu.facility)))
    throw forbidden('本人、其社区工作人员或助餐点工作人员可以订餐');
  // the switch before the preconditions below, as before the kit (write() checks it again)
  await ctx.gate.assertEnabled(MODULE, menu.regionPath);
  const recipient = await ctx.prisma.careRecipient.findUnique({ where: { personId } });
  const enrolled =
    recipient && (await ctx.prisma.careEnrollment.count({ where: { recipientId: recipient.id, status: 'ACTIVE' } }));
  if (!recipient || !enrolled) throw new AppError('PRECONDITION_FAILED', '仅限登记的服务对象 (enrol the person first)');
  if (now >= menu.cutoffAt)
    throw new AppError('PRECONDITION_FAILED', `订餐已于 ${menu.cutoffAt.toISOString()} 截止 (booking closed)`);
  const slot = `${isoDay(menu.date)}:${menu.meal}`;
  if (await ctx.prisma.mealBooking.findFirst({ where: { personId, slot }, select: { id: true } }))
    throw new AppError('CONFLICT', BOOKED_ALREADY);
  const valid = recipient.assessmentValidUntil && recipient.assessmentValidUntil > now;
  const pricing = await mealPricing(ctx.settings, person.homePath);
  return { menu, person, recipient, slot, valid, pricing };
}

export function registerBookingMutations(builder: Builder) {
  const BookInput = builder.inputType('BookMealInput', {
    fields: (t) => ({
      menuId: t.id({ required: true }),
      personId: t.id({ required: true }),
      delivery: t.boolean({ required: false, description: '送餐 (default false: eat in)' }),
    }),
  });
  const BookingIdInput = (name: string) =>
    builder.inputType(name, { fields: (t) => ({ bookingId: t.id({ required: true }) }) });
  const BookingPayload = (name: string) => payloadType(builder, name, 'booking', 'MealBooking');

  builder.mutationFields((t) => ({
    bookMeal: t.field({
      policy: { roles: ACTORS, scope: { record: 'MealMenu', id: 'input.menuId' }, relation: FOR_SELF },
      description:
        "订餐 for an enrolled care recipient (the person, a worker for them, or the meal point's staff), " +
        'before the cut-off; one per person per meal slot',
      type: BookingPayload('BookMealPayload'),
      errors: {},
      args: { input: t.arg({ type: BookInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const { menu, person, recipient, slot, valid, pricing } = await prepareBooking(ctx, input);
        const price = computePrice(pricing, {
          meal: menu.meal as Meal,
          delivery: !!input.delivery,
          age: ageOn(person.birthDate, menu.date),
          categories: recipient.categories as Category[],
          level: valid ? (recipient.currentLevel as Level | null) : null,
        });
        try {
          const booking = await write(ctx, { module: MODULE, regionPath: menu.regionPath }, async (unit) => {
            const w = named(ctx, unit);
            const stamp = w.now.toISOString();
            // the capacity guard: one statement, row-locked, holds on PostgreSQL and PGlite alike
            const taken = await w.tx
              .$executeRaw`UPDATE "MealMenu" SET "booked" = "booked" + 1, "updatedAt" = ${stamp}::timestamp
              WHERE "id" = ${menu.id} AND "booked" < "capacity" AND "cutoffAt" > ${stamp}::timestamp`;
            if (taken !== 1) throw new AppError('LIMIT_EXCEEDED', '已订满 (no meals left)');
            const b = await w.tx.mealBooking.create({
              data: {
                menuId: menu.id,
                recipientId: recipient.id,
                personId: person.id,
                facilityId: menu.facilityId,
                communityId: menu.communityId,
                regionPath: menu.regionPath,
                date: menu.date,
                meal: menu.meal,
                slot,
                delivery: !!input.delivery,
                ...price,
                bookedById: ctx.viewer!.accountId,
                bookedAt: w.now,
              },
            });
            await w.audit({
              action: 'elderCare.meal.book',
              entityType: 'MealBooking',
              entityId: b.id,
              regionPath: b.regionPath,
              data: { menuId: menu.id, priceFen: b.priceFen },
            });
            return b;
          });
          return { booking };
        } catch (e) {
          if (isUniqueViolation(e)) throw new AppError('CONFLICT', BOOKED_ALREADY);
          throw e;
        }
      },
    }),
    cancelMealBooking: t.field({
      policy: { roles: ACTORS, scope: { record: 'MealBooking', id: 'input.bookingId' }, relation: FOR_SELF },
      description: "取消订餐 before the cut-off (the person, a worker for them, or the meal point's staff)",
      type: BookingPayload('CancelMealBookingPayload'),
      errors: {},
      args: { input: t.arg({ type: BookingIdInput('CancelMealBookingInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const b = await loadBooking(ctx, input.bookingId, 'input.bookingId');
        if (!(await mayBookFor(ctx, b.personId, b.menu.facility))) throw forbidden('无权取消该订餐');
        const booking = await write(ctx, { module: MODULE, regionPath: b.regionPath }, async (unit) => {
          const w = named(ctx, unit, BOOKING_AUDIT);
          bookingLifecycle.assert(b, 'CANCEL');
          if (w.now >= b.menu.cutoffAt)
            throw new AppError('PRECONDITION_FAILED', '已过订餐截止时间，不能取消 (past the cut-off)');
          const cancelled = await bookingLifecycle.apply(w, ctx, b, 'CANCEL', {
            data: { slot: null, cancelledAt: w.now },
            conflictMessage: BOOKING_RACE,
          });
          await w.tx.$executeRaw`UPDATE "MealMenu" SET "booked" = "booked" - 1,
            "updatedAt" = ${w.now.toISOString()}::timestamp WHERE "id" = ${b.menuId} AND "booked" > 0`;
          return cancelled;
        });
        return { booking };
      },
    }),
    markMealServed: t.field({
      policy: {
        roles: STAFF,
        scope: { record: 'MealBooking', id: 'input.bookingId' },
        relation: 'department staff only as staff of the facility operator',
      },
      description:
        "标记已就餐/已送达 on or after the meal day, once the meal's 留样 is recorded " +
        "(the meal point's staff or workers of its area)",
      type: BookingPayload('MarkMealServedPayload'),
      errors: {},
      args: { input: t.arg({ type: BookingIdInput('MarkMealServedInput'), required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const b = await loadBooking(ctx, input.bookingId, 'input.bookingId');
        if (!runsFacility(ctx.viewer, b.menu.facility)) throw forbidden('只有助餐点工作人员或该区域的工作人员可以标记');
        const booking = await write(ctx, { module: MODULE, regionPath: b.regionPath }, async (unit) => {
          const w = named(ctx, unit, BOOKING_AUDIT);
          bookingLifecycle.assert(b, 'SERVED');
          if (b.date.getTime() > localDay(w.now).getTime())
            throw new AppError('PRECONDITION_FAILED', '用餐日期未到 (the meal day has not come)');
          if (!b.menu.sampleTakenAt)
            throw new AppError('PRECONDITION_FAILED', '该餐未记录留样 (record the food sample first)');
          return bookingLifecycle.apply(w, ctx, b, 'SERVED', {
            data: { servedAt: w.now, servedById: ctx.viewer!.accountId },
            conflictMessage: BOOKING_RACE,
            audit: { delivery: b.delivery },
          });
        });
        return { booking };
      },
    }),
  }));
}
