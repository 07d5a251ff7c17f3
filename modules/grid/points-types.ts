// 积分制: points accounts, ledger entries, earning rules and the points store (积分超市) as GraphQL
// types, and the read queries.
import {
  guardNode,
  isAdminOf,
  managesPeopleAt,
  notFound,
  parseId,
  type Builder,
  type Context,
  type Viewer,
} from '../../src/kit/index.js';
import { MODULE, ownTownship, requireViewer, townshipById } from './access.js';
import type { GridEnums } from './enums.js';
import { loadPeople } from './grid-types.js';
import { refs } from './refs.js';

/**
 * the person, staff who manage them, and admins of the township may read an account; an individual's
 * ledger is personal information, so analysts get the figures (RegionStats.grid) instead
 */
export const canReadAccount = (
  viewer: Viewer | null,
  a: { personId: string; regionPath: string },
  townshipPath: string,
) =>
  !!viewer &&
  (viewer.personId === a.personId || managesPeopleAt(viewer, a.regionPath) || isAdminOf(viewer, townshipPath));

export function registerPointsTypes(builder: Builder, E: GridEnums) {
  const R = refs(builder);
  builder.prismaNode('PointsAccount', {
    description: '积分账户 one per person per township; balance = sum of its ledger entries',
    id: { field: 'id' },
    fields: (t) => ({
      person: t.loadable({
        type: R.Person,
        nullable: true,
        description: '持有人 (if you may see that person)',
        load: loadPeople,
        resolve: (a) => a.personId,
      }),
      township: t.prismaField({
        type: 'Region',
        description: '乡镇',
        resolve: (q, a, _x, ctx) => ctx.prisma.region.findUniqueOrThrow({ ...q, where: { id: a.townshipId } }),
      }),
      balance: t.exposeInt('balance', { description: '余额 (never negative)' }),
      ledgerTotal: t.int({
        description: '流水合计 sum of all entries, always equal to balance (for auditors)',
        resolve: async (a, _x, ctx) =>
          (await ctx.prisma.pointsEntry.aggregate({ _sum: { points: true }, where: { accountId: a.id } }))._sum
            .points ?? 0,
      }),
      entries: t.relatedConnection('entries', {
        description: '积分流水 newest first',
        cursor: 'id',
        totalCount: true,
        query: { orderBy: [{ seq: 'desc' }] },
      }),
    }),
  });
  guardNode(builder, 'PointsAccount', async (a, ctx) => {
    const region = await ctx.prisma.region.findUnique({ where: { id: a.townshipId } });
    if (!region || !canReadAccount(ctx.viewer, a, region.path)) return false;
    await ctx.gate.assertEnabled(MODULE, region.path);
    return true;
  });

  builder.prismaNode('PointsEntry', {
    description: '积分流水 an immutable ledger entry (corrections are reversing entries)',
    id: { field: 'id' },
    fields: (t) => ({
      kind: t.field({ type: E.PointsEntryKind, resolve: (e) => e.kind }),
      points: t.exposeInt('points', { description: '积分 signed: earn positive, redeem negative' }),
      balanceAfter: t.exposeInt('balanceAfter', { description: '记账后余额' }),
      rule: t.relation('rule', { nullable: true, description: '积分规则 (EARN)' }),
      item: t.relation('item', { nullable: true, description: '兑换商品 (REDEEM)' }),
      quantity: t.exposeInt('quantity', { nullable: true }),
      note: t.exposeString('note', { nullable: true }),
      createdAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
      reverses: t.relation('reverses', { nullable: true, description: '冲正的原流水' }),
      reversedBy: t.relation('reversedBy', { nullable: true, description: '被此流水冲正' }),
      account: t.relation('account'),
    }),
  });
  guardNode(builder, 'PointsEntry', async (e, ctx) => {
    const account = await ctx.prisma.pointsAccount.findUnique({ where: { id: e.accountId } });
    const region = account && (await ctx.prisma.region.findUnique({ where: { id: account.townshipId } }));
    if (!account || !region || !canReadAccount(ctx.viewer, account, region.path)) return false;
    await ctx.gate.assertEnabled(MODULE, region.path);
    return true;
  });

  builder.prismaNode('PointsRule', {
    description:
      '积分规则 how points are earned in a township (普法 law study, verified incident report, patrol, volunteering …)',
    id: { field: 'id' },
    fields: (t) => ({
      code: t.exposeString('code', {
        description: '规则代码, e.g. LAW_STUDY, INCIDENT_REPORT, PATROL, VOLUNTEERING (per verified hour)',
      }),
      name: t.exposeString('name', { description: '名称' }),
      points: t.exposeInt('points', { description: '每次积分 points per award (per hour for VOLUNTEERING)' }),
      capPerPeriod: t.exposeInt('capPerPeriod', { nullable: true, description: '周期上限 maximum points per period' }),
      period: t.field({ type: E.PointsPeriod, nullable: true, resolve: (r) => r.period }),
      active: t.exposeBoolean('active'),
    }),
  });
  guardNode(builder, 'PointsRule', async (r, ctx) => {
    if (!ctx.viewer) return false;
    await ctx.gate.assertEnabled(MODULE, r.regionPath);
    return true;
  });

  builder.prismaNode('PointsStoreItem', {
    description: '积分超市商品 an item of the township points store',
    id: { field: 'id' },
    fields: (t) => ({
      name: t.exposeString('name', { description: '名称' }),
      price: t.exposeInt('price', { description: '兑换所需积分 points price' }),
      stock: t.exposeInt('stock', { description: '库存 (never negative)' }),
      active: t.exposeBoolean('active', { description: '上架' }),
    }),
  });
  guardNode(builder, 'PointsStoreItem', async (i, ctx) => {
    if (!ctx.viewer) return false;
    await ctx.gate.assertEnabled(MODULE, i.regionPath);
    return true;
  });

  builder.queryFields((t) => ({
    pointsAccount: t.prismaField({
      policy: {
        roles: 'LOGGED_IN',
        scope: [
          { record: 'Person', id: 'personId' },
          { region: 'townshipId', orAbove: true },
        ],
      },
      type: 'PointsAccount',
      nullable: true,
      description:
        '积分账户 of a person in a township (the person, staff who manage them, township admins); null if none yet',
      args: { personId: t.arg.id({ required: true }), townshipId: t.arg.id({ required: true }) },
      resolve: async (q, _r, args, ctx) => {
        requireViewer(ctx);
        const personId = parseId(String(args.personId), 'Person', 'personId');
        const region = await townshipById(ctx, args.townshipId, 'townshipId');
        await ctx.gate.assertEnabled(MODULE, region.path);
        const account = await ctx.prisma.pointsAccount.findUnique({
          ...q,
          where: { personId_townshipId: { personId, townshipId: region.id } },
        });
        if (!account) {
          const person = await ctx.prisma.person.findUnique({ where: { id: personId } });
          if (!person) throw notFound('居民 person');
          return null;
        }
        return canReadAccount(ctx.viewer, account, region.path) ? account : null;
      },
    }),
    pointsRules: t.prismaField({
      maxItems: 200,
      policy: {
        roles: 'LOGGED_IN',
        scope: { region: 'townshipId', orAbove: true },
        relation: 'party members and residents: their own township',
      },
      type: ['PointsRule'],
      description: '积分规则 of a township (empty where the module is off)',
      args: { townshipId: t.arg.id({ required: true }), includeInactive: t.arg.boolean({ required: false }) },
      resolve: async (q, _r, args, ctx: Context) => {
        const region = await ownTownship(ctx, args.townshipId);
        if (!(await ctx.gate.isEnabledAt(MODULE, region.path))) return [];
        return ctx.prisma.pointsRule.findMany({
          ...q,
          where: { townshipId: region.id, ...(args.includeInactive ? {} : { active: true }) },
          orderBy: [{ code: 'asc' }],
        });
      },
    }),
    pointsStoreItems: t.prismaField({
      maxItems: 200,
      policy: {
        roles: 'LOGGED_IN',
        scope: { region: 'townshipId', orAbove: true },
        relation: 'party members and residents: their own township',
      },
      type: ['PointsStoreItem'],
      description: '积分超市 items of a township (empty where the module is off)',
      args: { townshipId: t.arg.id({ required: true }), includeInactive: t.arg.boolean({ required: false }) },
      resolve: async (q, _r, args, ctx: Context) => {
        const region = await ownTownship(ctx, args.townshipId);
        if (!(await ctx.gate.isEnabledAt(MODULE, region.path))) return [];
        return ctx.prisma.pointsStoreItem.findMany({
          ...q,
          where: { townshipId: region.id, ...(args.includeInactive ? {} : { active: true }) },
          orderBy: [{ price: 'asc' }, { name: 'asc' }],
        });
      },
    }),
  }));
}
