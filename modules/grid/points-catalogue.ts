// 积分规则 and 积分超市: savePointsRule and savePointsStoreItem (township admins), each audited.
import {
  ADMINS,
  AppError,
  Checks,
  conflict,
  forbidden,
  isAdminOf,
  notFound,
  parseId,
  payloadType,
  type Builder,
  type Context,
  type Prisma,
  type WriteUnit,
  write,
} from '../../src/kit/index.js';
import { enabledTownship, MODULE } from './access.js';
import type { GridEnums } from './enums.js';

const catalogueWrite = <T>(ctx: Context, township: { path: string }, work: (w: WriteUnit) => Promise<T>) =>
  write(ctx, { module: MODULE, regionPath: township.path }, work);

interface ItemInput {
  itemId?: string | number | null;
  name: string;
  price: number;
  stockDelta?: number | null;
  active?: boolean | null;
}

/**
 * adds an item, or changes one of the township with a conditional update on the stock, so stockDelta
 * never takes it below zero however many changes and redemptions race (CONFLICT then)
 */
async function saveItem(tx: Prisma.TransactionClient, township: { id: string; path: string }, input: ItemInput) {
  const delta = input.stockDelta ?? 0;
  if (input.itemId) {
    const id = parseId(String(input.itemId), 'PointsStoreItem', 'input.itemId');
    const moved = await tx.pointsStoreItem.updateMany({
      where: { id, townshipId: township.id, stock: { gte: Math.max(0, -delta) } },
      data: {
        name: input.name.trim(),
        price: input.price,
        stock: { increment: delta },
        ...(input.active == null ? {} : { active: input.active }),
      },
    });
    if (moved.count) return id;
    if (!(await tx.pointsStoreItem.findFirst({ where: { id, townshipId: township.id } }))) throw notFound('商品 item');
    throw conflict('库存不足以减少 (stock would go below zero)');
  }
  if (delta < 0) throw new AppError('VALIDATION', 'input.stockDelta: 新商品库存不能为负 (initial stock ≥ 0)');
  const created = await tx.pointsStoreItem.create({
    data: {
      townshipId: township.id,
      regionPath: township.path,
      name: input.name.trim(),
      price: input.price,
      stock: delta,
      active: input.active ?? true,
    },
  });
  return created.id;
}

export function registerPointsCatalogue(builder: Builder, E: GridEnums) {
  const SaveRuleInput = builder.inputType('SavePointsRuleInput', {
    fields: (t) => ({
      townshipId: t.id({ required: true }),
      code: t.string({
        required: true,
        description:
          'unique per township; LAW_STUDY 普法, INCIDENT_REPORT, PATROL and VOLUNTEERING are awarded automatically',
      }),
      name: t.string({ required: true }),
      points: t.field({ type: 'PositiveInt', required: true }),
      capPerPeriod: t.field({ type: 'PositiveInt', required: false }),
      period: t.field({ type: E.PointsPeriod, required: false }),
      active: t.boolean({ required: false }),
    }),
  });
  const SaveItemInput = builder.inputType('SavePointsStoreItemInput', {
    fields: (t) => ({
      townshipId: t.id({ required: true }),
      itemId: t.id({ required: false, description: 'omit to add a new item' }),
      name: t.string({ required: true }),
      price: t.field({ type: 'PositiveInt', required: true }),
      stockDelta: t.int({ required: false, description: '库存增减 (added to the current stock; never below zero)' }),
      active: t.boolean({ required: false }),
    }),
  });

  builder.mutationFields((t) => ({
    savePointsRule: t.field({
      policy: { roles: ADMINS, scope: { region: 'input.townshipId' } },
      description: '积分规则 add or change a township rule by code (township admins)',
      type: payloadType(builder, 'SavePointsRulePayload', 'rule', 'PointsRule'),
      errors: {},
      args: { input: t.arg({ type: SaveRuleInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const code = input.code.trim().toUpperCase();
        new Checks()
          .check(/^[A-Z][A-Z0-9_]{1,39}$/.test(code), 'input.code', '大写字母、数字、下划线 (e.g. LAW_STUDY)')
          .text(input.name, 'input.name', { max: 60 })
          .check(
            (input.capPerPeriod == null) === (input.period == null),
            'input.period',
            '上限与周期须同时填写 (cap and period go together)',
          )
          .throwIfAny();
        const township = await enabledTownship(ctx, input.townshipId);
        if (!isAdminOf(ctx.viewer, township.path))
          throw forbidden('只有乡镇及以上管理员可以设置积分规则 (township admins)');
        const data = {
          name: input.name.trim(),
          points: input.points,
          capPerPeriod: input.capPerPeriod ?? null,
          period: input.period ?? null,
          active: input.active ?? true,
        };
        const rule = await catalogueWrite(ctx, township, async (w) => {
          const r = await w.tx.pointsRule.upsert({
            where: { townshipId_code: { townshipId: township.id, code } },
            create: { townshipId: township.id, regionPath: township.path, code, ...data },
            update: data,
          });
          await w.audit({
            action: 'pointsRule.save',
            entityType: 'PointsRule',
            entityId: r.id,
            regionPath: township.path,
            data: { code, ...data },
          });
          return r;
        });
        return { rule };
      },
    }),
    savePointsStoreItem: t.field({
      policy: { roles: ADMINS, scope: { region: 'input.townshipId' } },
      description: '积分超市商品 add an item or change price/stock (township admins); stockDelta is applied atomically',
      type: payloadType(builder, 'SavePointsStoreItemPayload', 'item', 'PointsStoreItem'),
      errors: {},
      args: { input: t.arg({ type: SaveItemInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.name, 'input.name', { max: 60 }).throwIfAny();
        const township = await enabledTownship(ctx, input.townshipId);
        if (!isAdminOf(ctx.viewer, township.path))
          throw forbidden('只有乡镇及以上管理员可以管理积分超市 (township admins)');
        const delta = input.stockDelta ?? 0;
        const item = await catalogueWrite(ctx, township, async (w) => {
          const id = await saveItem(w.tx, township, input);
          await w.audit({
            action: 'storeItem.save',
            entityType: 'PointsStoreItem',
            entityId: id,
            regionPath: township.path,
            data: { price: input.price, stockDelta: delta },
          });
          return w.tx.pointsStoreItem.findUniqueOrThrow({ where: { id } });
        });
        return { item };
      },
    }),
  }));
}
