// 心愿墙 wishWall: the public view of published wishes, usable without logging in (anonymous requests
// name their township in the X-Township header to get the module's fields). It is its own type,
// `WishWallItem`, so no personal field of `Wish` can be reached from it: the requester appears only as
// a masked name, never with phone or address.
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  countRows,
  maskName,
  mustLoad,
  notFound,
  parseOptionalId,
  personLoader,
  PUBLIC_SUB_GRAPH,
  regionLoader,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { countedByStatus } from './counts.js';
import { MODULE_ID, SUB_GRAPHS, type WishEnums } from './model.js';

// public without X-Township too (the type, its connection's field and the enum it uses)
const PUBLIC = [...SUB_GRAPHS, PUBLIC_SUB_GRAPH];

export function registerWishWall(builder: Builder, enums: WishEnums) {
  const WishWallItem = builder.prismaObject('Wish', {
    variant: 'WishWallItem',
    subGraphs: PUBLIC,
    description: '心愿墙上的心愿 a published wish as the public sees it (no personal information)',
    fields: (t) => ({
      id: t.id({
        description: '心愿的全局 ID (the Wish id: pass it to claimWish)',
        resolve: (w) => encodeGlobalID('Wish', w.id),
      }),
      title: t.exposeString('title', { description: '心愿' }),
      description: t.exposeString('description', { nullable: true, description: '说明 (reviewed before publication)' }),
      category: t.expose('category', { type: enums.WishCategory }),
      estimatedValue: t.float({
        nullable: true,
        description: '预估价值 (元)',
        resolve: (w) => (w.estimatedValue == null ? null : Number(w.estimatedValue)),
      }),
      publishedAt: t.field({
        type: 'DateTime',
        description: '发布时间',
        resolve: (w) => w.publishedAt ?? w.submittedAt,
      }),
      community: t.prismaField({
        type: 'Region',
        description: '社区/村',
        resolve: (_q, w, _a, ctx) => mustLoad(regionLoader(ctx), w.communityId, 'region'),
      }),
      requesterName: t.string({
        description: '许愿人 masked (何**)',
        resolve: async (w, _a, ctx) => maskName((await mustLoad(personLoader(ctx), w.requesterId, 'person')).name),
      }),
    }),
  });

  builder.queryField('wishWall', (t) =>
    t.prismaConnection({
      subGraphs: PUBLIC,
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description: '心愿墙: published wishes waiting for a claimant, newest first; public, no login needed',
      type: WishWallItem,
      cursor: 'id',
      args: {
        regionId: t.arg.id({
          required: false,
          description: '区划: wishes of communities under it (default: everywhere the module is on)',
        }),
        category: t.arg({ type: enums.WishCategory, required: false }),
      },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.wish.findMany({
          ...query,
          where: await wallWhere(ctx, args),
          orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        }),
      totalCount: async (_r, args, ctx) =>
        (args.category
          ? null
          : await countedByStatus(ctx, await wallPath(ctx, args), 'PUBLISHED', { everyone: true })) ??
        countRows(ctx, 'Wish', await wallWhere(ctx, args)),
    }),
  );
  return WishWallItem;
}

/** the wall's region path ('/' for the whole wall) */
async function wallPath(ctx: Context, args: { regionId?: string | number | null }): Promise<string> {
  const regionId = parseOptionalId(args.regionId == null ? null : String(args.regionId), 'Region', 'regionId');
  const region = regionId ? await ctx.prisma.region.findUnique({ where: { id: regionId } }) : null;
  if (regionId && !region) throw notFound('区划 region');
  return region?.path ?? '/';
}

async function wallWhere(
  ctx: Context,
  args: { regionId?: string | number | null; category?: Prisma.WishWhereInput['category'] | null },
): Promise<Prisma.WishWhereInput> {
  const readable = await ctx.gate.readableWhere(MODULE_ID, await wallPath(ctx, args), 'regionPath');
  return {
    AND: [
      readable as Prisma.WishWhereInput,
      { status: 'PUBLISHED', ...(args.category ? { category: args.category } : {}) },
    ],
  };
}
