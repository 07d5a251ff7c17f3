// Reading wishes: `wishes` and `wish` on Query, `wishes` on Region (社区的心愿), `claimedWishes` on Person.
// Every list is the viewer's visibility filter AND the module gate AND the caller's filter.
import {
  asksTotalCount,
  childCount,
  childPage,
  type ChildPageSpec,
  countRows,
  forbidden,
  notFound,
  parseId,
  parseOptionalId,
  readsWithinScope,
  sharedSpec,
  within,
  type Builder,
  type Context,
  type Prisma,
  type Wish,
} from '../../src/kit/index.js';
import { canSeeWish, defaultScope, visibleWishesWhere } from './access.js';
import { countedByStatus, statusCounterSql } from './counts.js';
import { MODULE_ID, type WishEnums } from './model.js';
import type { WishRef } from './wish-node.js';

interface WishFilterShape {
  regionId?: string | number | null;
  status?: Prisma.WishWhereInput['status'] | null;
  category?: Prisma.WishWhereInput['category'] | null;
  claimantId?: string | number | null;
  submittedFrom?: Date | null;
  submittedTo?: Date | null;
}

const ORDER: Prisma.WishOrderByWithRelationInput[] = [{ submittedAt: 'desc' }, { id: 'desc' }];

/** the path a list reads under: its filter's region (inside a reader's area), else the given or default scope */
async function listScope(ctx: Context, filter: WishFilterShape | null | undefined, scopePath?: string) {
  const regionId = parseOptionalId(
    filter?.regionId == null ? null : String(filter.regionId),
    'Region',
    'filter.regionId',
  );
  if (!regionId) return scopePath ?? defaultScope(ctx.viewer);
  const region = await ctx.prisma.region.findUnique({ where: { id: regionId } });
  if (!region) throw notFound('区划 region');
  if (readsWithinScope(ctx.viewer) && !within(ctx.viewer, region.path)) throw forbidden('超出辖区 (outside your area)');
  return region.path;
}

/** the where of a wish list: what the viewer may see, inside `scope`, where the module is on, filtered */
async function listWhere(
  ctx: Context,
  filter: WishFilterShape | null | undefined,
  fixed: Prisma.WishWhereInput = {},
  scopePath?: string,
) {
  const scope = await listScope(ctx, filter, scopePath);
  const [visible, readable] = await Promise.all([
    visibleWishesWhere(ctx),
    ctx.gate.readableWhere(MODULE_ID, scope, 'regionPath'),
  ]);
  const claimantId = parseOptionalId(
    filter?.claimantId == null ? null : String(filter.claimantId),
    'Person',
    'filter.claimantId',
  );
  const submitted = {
    ...(filter?.submittedFrom ? { gte: filter.submittedFrom } : {}),
    ...(filter?.submittedTo ? { lt: filter.submittedTo } : {}),
  };
  return {
    AND: [
      visible,
      readable as Prisma.WishWhereInput,
      fixed,
      {
        ...(filter?.status ? { status: filter.status } : {}),
        ...(filter?.category ? { category: filter.category } : {}),
        ...(claimantId ? { claimantId } : {}),
        ...(Object.keys(submitted).length ? { submittedAt: submitted } : {}),
      },
    ],
  } satisfies Prisma.WishWhereInput;
}

/** a list the status counter can count: no filter but region and status */
const byStatusOnly = (f: WishFilterShape | null | undefined) =>
  !f?.category &&
  f?.claimantId == null &&
  !f?.submittedFrom &&
  !f?.submittedTo &&
  typeof (f?.status ?? '') === 'string';
const statusOf = (f: WishFilterShape | null | undefined) => (f?.status as string | null | undefined) ?? null;

type RegionRow = { id: string; path: string; level: string };
/** a community's wishes by their community column (its index serves the order); a larger region's by path */
const parentKey = (region: RegionRow) => (region.level === 'COMMUNITY' ? region.id : region.path);

/**
 * Region.wishes for every region of one page in one statement: the viewer's filter inside their own
 * scope (the same rows as scoping to each region, since readers see only their scope) plus the parent.
 */
function regionWishes(ctx: Context, args: WishFilterShape, region: RegionRow): Promise<ChildPageSpec> {
  const community = region.level === 'COMMUNITY';
  return sharedSpec(ctx, `wishes:Region.wishes:${community}:${JSON.stringify(args)}`, async () => ({
    name: 'wishes:Region.wishes',
    table: 'Wish',
    parentColumn: community ? 'communityId' : 'regionPath',
    match: community ? 'equals' : 'prefix',
    where: await listWhere(ctx, { status: args.status, category: args.category }),
    orderBy: ORDER as ChildPageSpec['orderBy'],
    // the status counter answers the total when the list is "every wish by status" for this viewer
    total: byStatusOnly(args) ? await statusCounterSql(ctx, statusOf(args), community) : undefined,
  }));
}

/** Person.claimedWishes for every person of a page in one statement */
const claimedWishes = (ctx: Context, args: WishFilterShape): Promise<ChildPageSpec> =>
  sharedSpec(ctx, `wishes:Person.claimedWishes:${JSON.stringify(args)}`, async () => ({
    name: 'wishes:Person.claimedWishes',
    table: 'Wish',
    parentColumn: 'claimantId',
    match: 'equals',
    where: await listWhere(ctx, { status: args.status, category: args.category }, {}, '/'),
    orderBy: ORDER as ChildPageSpec['orderBy'],
  }));

export function registerQueries(builder: Builder, enums: WishEnums, Wish: WishRef) {
  const WishFilter = builder.inputType('WishFilter', {
    description: '心愿筛选',
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划: wishes of communities under it' }),
      status: t.field({ type: enums.WishStatus, required: false, description: '状态' }),
      category: t.field({ type: enums.WishCategory, required: false, description: '类别' }),
      claimantId: t.id({ required: false, description: '认领人 (Person id)' }),
      submittedFrom: t.field({ type: 'DateTime', required: false, description: '提交时间起 (inclusive)' }),
      submittedTo: t.field({ type: 'DateTime', required: false, description: '提交时间止 (exclusive)' }),
    }),
  });

  builder.queryFields((t) => ({
    wishes: t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description:
        '微心愿列表, newest first: workers, admins, department staff and analysts see their area ' +
        '(analysts and staff with masked names); ' +
        'party members the published wishes of their service community and their own claims; ' +
        'residents their own wishes',
      type: Wish,
      cursor: 'id',
      args: { filter: t.arg({ type: WishFilter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.wish.findMany({ ...query, where: await listWhere(ctx, args.filter), orderBy: ORDER }),
      totalCount: async (_c, { filter }, ctx) =>
        (byStatusOnly(filter) ? await countedByStatus(ctx, await listScope(ctx, filter), statusOf(filter)) : null) ??
        countRows(ctx, 'Wish', await listWhere(ctx, filter)),
    }),
    wish: t.prismaField({
      policy: { roles: 'LOGGED_IN', scope: { record: 'Wish', id: 'id' } },
      description:
        '一个心愿 (null when it does not exist or you may not see it; MODULE_DISABLED where the module is off)',
      type: Wish,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (query, _r, args, ctx) => {
        const wish = await ctx.prisma.wish.findUnique({ ...query, where: { id: parseId(String(args.id), 'Wish') } });
        if (!wish || !(await canSeeWish(ctx, wish))) return null;
        await ctx.gate.assertEnabled(MODULE_ID, wish.regionPath);
        return wish;
      },
    }),
  }));

  builder.prismaObjectField('Region', 'wishes', (t) =>
    t.prismaConnection({
      description: '社区的微心愿 wishes of this community (or of every community below this region) that you may see',
      type: Wish,
      cursor: 'id',
      authScopes: { loggedIn: true },
      args: {
        status: t.arg({ type: enums.WishStatus, required: false }),
        category: t.arg({ type: enums.WishCategory, required: false }),
      },
      resolve: async (query, region, args, ctx, info) => {
        const batched = childPage<Wish>(ctx, await regionWishes(ctx, args, region), parentKey(region), query, {
          count: asksTotalCount(info),
        });
        if (batched) return (await batched).rows;
        return ctx.prisma.wish.findMany({
          ...query,
          where: await listWhere(ctx, args, {}, region.path),
          orderBy: ORDER,
        });
      },
      totalCount: async (region, args, ctx) =>
        (await childCount(ctx, await regionWishes(ctx, args, region), parentKey(region))) ??
        countRows(ctx, 'Wish', await listWhere(ctx, args, {}, region.path)),
    }),
  );

  builder.prismaObjectField('Person', 'claimedWishes', (t) =>
    t.prismaConnection({
      description: '认领的微心愿 wishes this party member claims or has fulfilled (those you may see)',
      type: Wish,
      cursor: 'id',
      args: {
        status: t.arg({ type: enums.WishStatus, required: false }),
        category: t.arg({ type: enums.WishCategory, required: false }),
      },
      resolve: async (query, person, args, ctx, info) => {
        const batched = childPage<Wish>(ctx, await claimedWishes(ctx, args), person.id, query, {
          count: asksTotalCount(info),
        });
        if (batched) return (await batched).rows;
        return ctx.prisma.wish.findMany({
          ...query,
          where: await listWhere(ctx, args, { claimantId: person.id }, '/'),
          orderBy: ORDER,
        });
      },
      totalCount: async (person, args, ctx) =>
        (await childCount(ctx, await claimedWishes(ctx, args), person.id)) ??
        countRows(ctx, 'Wish', await listWhere(ctx, args, { claimantId: person.id }, '/')),
    }),
  );
}
