// 助餐菜单: a meal point publishes a daily menu per meal with a capacity and a booking cut-off;
// the food-safety sample 留样 (kept 48 hours) is recorded per meal before anything is served.
import {
  AppError,
  Checks,
  forbidden,
  guardNode,
  notFound,
  parseId,
  payloadType,
  STAFF,
  write,
  type Builder,
  type Context,
} from '../../src/kit/index.js';
import { named, runsFacility } from './access.js';
import { atLocalTime, DAY_MS, localDay, MODULE, type Meal } from './constants.js';
import type { Enums } from './enums.js';
import { loadFacility } from './facility.js';
import { mealPricing } from './rules.js';

export async function loadMenu(ctx: Context, globalId: string | number, path: string) {
  const menu = await ctx.prisma.mealMenu.findUnique({
    where: { id: parseId(String(globalId), 'MealMenu', path) },
    include: { facility: true },
  });
  if (!menu) throw notFound('菜单 menu');
  return menu;
}

export function registerMeals(builder: Builder, E: Enums) {
  const Sample = builder.objectRef<{ takenAt: Date; keepUntil: Date; note: string | null }>('FoodSample').implement({
    description: '留样 food-safety sample of one meal, kept 48 hours (setting foodSampleHours)',
    fields: (t) => ({
      takenAt: t.field({ type: 'DateTime', resolve: (s) => s.takenAt }),
      keepUntil: t.field({ type: 'DateTime', description: '留样至', resolve: (s) => s.keepUntil }),
      note: t.exposeString('note', { nullable: true }),
    }),
  });

  builder.prismaNode('MealMenu', {
    description: '助餐菜单 one meal of one day at a meal point (public)',
    id: { field: 'id' },
    fields: (t) => ({
      facility: t.relation('facility'),
      date: t.field({ type: 'Date', resolve: (m) => m.date }),
      meal: t.expose('meal', { type: E.Meal }),
      dishes: t.exposeStringList('dishes', { description: '菜品' }),
      capacity: t.exposeInt('capacity', { description: '供应份数' }),
      booked: t.exposeInt('booked', { description: '已订份数' }),
      available: t.int({ description: '剩余份数', resolve: (m) => Math.max(0, m.capacity - m.booked) }),
      cutoffAt: t.field({ type: 'DateTime', description: '订餐截止', resolve: (m) => m.cutoffAt }),
      open: t.boolean({
        description: '可预订 before the cut-off with meals left',
        resolve: (m, _a, ctx) => ctx.clock.now() < m.cutoffAt && m.booked < m.capacity,
      }),
      standardPriceFen: t.int({
        description: "标准价 (分) from the township's table; what an elder pays depends on their subsidies",
        resolve: async (m, _a, ctx) => (await mealPricing(ctx.settings, m.regionPath)).prices[m.meal as Meal],
      }),
      sample: t.field({
        type: Sample,
        nullable: true,
        description: '留样记录',
        resolve: (m) =>
          m.sampleTakenAt ? { takenAt: m.sampleTakenAt, keepUntil: m.sampleKeepUntil!, note: m.sampleNote } : null,
      }),
    }),
  });
  guardNode(builder, 'MealMenu', (m, ctx) => ctx.gate.isEnabledAt(MODULE, m.regionPath));

  const PublishInput = builder.inputType('PublishMealMenuInput', {
    fields: (t) => ({
      facilityId: t.id({ required: true }),
      date: t.field({ type: 'Date', required: true }),
      meal: t.field({ type: E.Meal, required: true }),
      dishes: t.stringList({ required: true, description: '菜品, 1–20' }),
      capacity: t.int({ required: true, description: '供应份数 1–2000' }),
      cutoffAt: t.field({
        type: 'DateTime',
        required: false,
        description: "订餐截止 (default: the facility's cut-off time)",
      }),
    }),
  });
  const SampleInput = builder.inputType('RecordFoodSampleInput', {
    fields: (t) => ({
      menuId: t.id({ required: true }),
      takenAt: t.field({ type: 'DateTime', required: false, description: 'default: now' }),
      note: t.string({ required: false, description: 'e.g. 每样 125 克, 冷藏 0–8℃' }),
    }),
  });

  builder.mutationFields((t) => ({
    publishMealMenu: t.field({
      policy: {
        roles: STAFF,
        scope: { record: 'CareFacility', id: 'input.facilityId' },
        relation: 'department staff only as staff of the facility operator',
      },
      description:
        "发布菜单 (the meal point's staff or workers of its area). Publishing the same date and meal again " +
        'updates dishes, capacity (not below the booked count) and cut-off.',
      type: payloadType(builder, 'PublishMealMenuPayload', 'menu', 'MealMenu'),
      errors: {},
      args: { input: t.arg({ type: PublishInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        const dishes = input.dishes.map((d) => d.trim()).filter(Boolean);
        new Checks()
          .check(
            dishes.length >= 1 && dishes.length <= 20 && dishes.every((d) => [...d].length <= 40),
            'input.dishes',
            '1–20 道菜，每道 40 字以内',
          )
          .check(
            Number.isInteger(input.capacity) && input.capacity >= 1 && input.capacity <= 2000,
            'input.capacity',
            '应为 1–2000',
          )
          .check(input.date.getTime() >= localDay(now).getTime(), 'input.date', '不能早于今天 (not in the past)')
          .check(input.date.getTime() <= localDay(now).getTime() + 60 * DAY_MS, 'input.date', '最多提前 60 天')
          .check(
            !input.cutoffAt || input.cutoffAt.getTime() <= input.date.getTime() + DAY_MS,
            'input.cutoffAt',
            '不能晚于用餐当天 (not after the meal day)',
          )
          .throwIfAny();
        const facility = await loadFacility(ctx, input.facilityId, 'input.facilityId');
        if (!runsFacility(ctx.viewer, facility)) throw forbidden('只有设施工作人员或该区域的工作人员可以发布菜单');
        const cutoffAt =
          input.cutoffAt ??
          atLocalTime(new Date(input.date.getTime() - facility.mealCutoffDaysBefore * DAY_MS), facility.mealCutoffTime);
        const menu = await write(ctx, { module: MODULE, regionPath: facility.regionPath }, async (unit) => {
          const w = named(ctx, unit);
          // after the switch, as before the kit
          if (facility.kind !== 'MEAL_POINT' && !facility.rooms.includes('DINING'))
            throw new AppError(
              'PRECONDITION_FAILED',
              '该设施不提供助餐 (a meal point, or a facility with a dining room)',
            );
          if (!facility.active) throw new AppError('PRECONDITION_FAILED', '设施已停用 (the facility is closed)');
          const existing = await w.tx.mealMenu.findUnique({
            where: { facilityId_date_meal: { facilityId: facility.id, date: input.date, meal: input.meal } },
          });
          let id: string;
          if (existing) {
            const done = await w.tx.mealMenu.updateMany({
              where: { id: existing.id, booked: { lte: input.capacity } },
              data: { dishes, capacity: input.capacity, ...(input.cutoffAt ? { cutoffAt } : {}) },
            });
            if (done.count !== 1)
              throw new AppError(
                'LIMIT_EXCEEDED',
                `已订 ${existing.booked} 份，供应份数不能更少 (capacity below the booked count)`,
              );
            id = existing.id;
          } else {
            if (cutoffAt <= now)
              throw new AppError('VALIDATION', 'input.cutoffAt: 订餐截止时间已过 (the cut-off has passed)');
            id = (
              await w.tx.mealMenu.create({
                data: {
                  facilityId: facility.id,
                  communityId: facility.communityId,
                  regionPath: facility.regionPath,
                  date: input.date,
                  meal: input.meal,
                  dishes,
                  capacity: input.capacity,
                  cutoffAt,
                  publishedById: ctx.viewer!.accountId,
                },
              })
            ).id;
          }
          await w.audit({
            action: existing ? 'elderCare.menu.update' : 'elderCare.menu.publish',
            entityType: 'MealMenu',
            entityId: id,
            regionPath: facility.regionPath,
            data: { capacity: input.capacity, dishes },
          });
          return w.tx.mealMenu.findUniqueOrThrow({ where: { id } });
        });
        return { menu };
      },
    }),
    recordFoodSample: t.field({
      policy: {
        roles: STAFF,
        scope: { record: 'MealMenu', id: 'input.menuId' },
        relation: 'department staff only as staff of the facility operator',
      },
      description: '记录留样 for one meal (kept foodSampleHours, default 48); required before meals are marked served',
      type: payloadType(builder, 'RecordFoodSamplePayload', 'menu', 'MealMenu'),
      errors: {},
      args: { input: t.arg({ type: SampleInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        const takenAt = input.takenAt ?? now;
        new Checks()
          .text(input.note, 'input.note', { max: 200, required: false })
          .check(takenAt.getTime() <= now.getTime() + 5 * 60_000, 'input.takenAt', '不能晚于现在 (not in the future)')
          .throwIfAny();
        const m = await loadMenu(ctx, input.menuId, 'input.menuId');
        if (!runsFacility(ctx.viewer, m.facility)) throw forbidden('只有设施工作人员或该区域的工作人员可以记录留样');
        const scope = { module: MODULE, regionPath: m.regionPath, settings: ['foodSampleHours'] };
        const menu = await write(ctx, scope, async (unit) => {
          const w = named(ctx, unit);
          const keepUntil = new Date(takenAt.getTime() + (w.settings.foodSampleHours as number) * 3_600_000);
          const done = await w.tx.mealMenu.updateMany({
            where: { id: m.id, sampleTakenAt: null },
            data: {
              sampleTakenAt: takenAt,
              sampleKeepUntil: keepUntil,
              sampleNote: input.note?.trim() || null,
              sampleById: ctx.viewer!.accountId,
            },
          });
          if (done.count !== 1) throw new AppError('CONFLICT', '该餐已留样 (a sample is already recorded)');
          await w.audit({
            action: 'elderCare.menu.sample',
            entityType: 'MealMenu',
            entityId: m.id,
            regionPath: m.regionPath,
            data: { takenAt, keepUntil },
          });
          return w.tx.mealMenu.findUniqueOrThrow({ where: { id: m.id } });
        });
        return { menu };
      },
    }),
  }));
}
