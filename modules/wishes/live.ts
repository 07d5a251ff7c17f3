// 实时推送 of wishes: `wishUpdated` (one wish, for whoever may read it) and `wishWallChanged` (the public wall
// of a region: a wish arriving on it, changing on it or leaving it, masked like the wall itself). Both hear
// the lifecycle's generic event `wishes.wishChanged`; 通知: the requester when a wish is claimed or fulfilled.
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  accountsOfPeople,
  changedEvent,
  liveField,
  notFound,
  parseId,
  parseOptionalId,
  PUBLIC_SUB_GRAPH,
  type Builder,
  type NotifyRule,
  type Wish,
} from '../../src/kit/index.js';
import { MODULE_ID, SUB_GRAPHS } from './model.js';

export const WISH_CHANGED = changedEvent(MODULE_ID, 'Wish');
const PUBLIC = [...SUB_GRAPHS, PUBLIC_SUB_GRAPH];
const WALL = 'PUBLISHED';

export function registerLive(builder: Builder, WishRef: unknown, WishWallItem: unknown) {
  liveField<{ wishId: string }>(builder, 'wishUpdated', {
    type: WishRef,
    module: MODULE_ID,
    description: '心愿动态 the wish each time its status changes (if you may read it)',
    policy: { roles: 'LOGGED_IN', scope: { record: 'Wish', id: 'wishId' }, relation: 'whoever may read the wish' },
    args: (a) => ({ wishId: a.id({ required: true }) }),
    events: [WISH_CHANGED],
    prepare: (args) => parseId(String(args.wishId), 'Wish', 'wishId'),
    match: (event, id) => event.payload.id === id,
    load: (event, ctx) => ctx.services.live.readNode(ctx, 'Wish', String(event.payload.id)),
  });

  type Change = { wishId: string; onWall: boolean; item: Wish | null };
  const WishWallChange = builder.objectRef<Change>('WishWallChange').implement({
    subGraphs: PUBLIC,
    description: '心愿墙变化 a wish arrived on the wall, changed on it or left it (claimed, withdrawn …)',
    fields: (t) => ({
      wishId: t.id({ description: '心愿的全局 ID', resolve: (c) => c.wishId }),
      onWall: t.boolean({ description: '是否仍在墙上', resolve: (c) => c.onWall }),
      item: t.field({ type: WishWallItem as never, nullable: true, resolve: (c) => c.item as never }),
    }),
  });
  liveField<{ regionId?: string | null }>(builder, 'wishWallChanged', {
    type: WishWallChange,
    module: MODULE_ID,
    subGraphs: PUBLIC,
    description: '心愿墙实时变化 the wall of a region as it changes; public, masked like wishWall',
    policy: { roles: 'ANYONE', scope: 'NONE' },
    args: (a) => ({ regionId: a.id({ required: false, description: '区划 (default: everywhere)' }) }),
    events: [WISH_CHANGED],
    prepare: async (args, ctx) => {
      const id = parseOptionalId(args.regionId == null ? null : String(args.regionId), 'Region', 'regionId');
      const region = id ? await ctx.prisma.region.findUnique({ where: { id } }) : null;
      if (id && !region) throw notFound('区划 region');
      return region?.path ?? '/';
    },
    match: (event, path: string) =>
      event.regionPath.startsWith(path) && (event.payload.from === WALL || event.payload.to === WALL),
    load: async (event, ctx) => {
      const item = await ctx.prisma.wish.findFirst({ where: { id: String(event.payload.id), status: WALL } });
      return { wishId: encodeGlobalID('Wish', String(event.payload.id)), onWall: !!item, item };
    },
  });
}

const NOTICES: Record<string, { kind: string; title: string; text: (title: string) => string }> = {
  CLAIMED: {
    kind: 'claimed',
    title: '您的微心愿已被认领',
    text: (t) => `心愿「${t}」已被认领，请留意联系 (your wish was claimed)`,
  },
  FULFILLED: {
    kind: 'fulfilled',
    title: '您的微心愿已兑现',
    text: (t) => `心愿「${t}」已兑现，请确认 (your wish was fulfilled: please confirm)`,
  },
};

/** 通知: the requester, when their wish is claimed or fulfilled (the claimant is not named) */
export const notifyRequester: NotifyRule = async (event, { tx }) => {
  const notice = NOTICES[String(event.payload.to)];
  if (!notice || event.payload.from === event.payload.to) return null;
  const wish = await tx.wish.findUnique({ where: { id: String(event.payload.id) } });
  if (!wish) return null;
  return {
    to: await accountsOfPeople(tx, [wish.requesterId]),
    kind: notice.kind,
    title: notice.title,
    text: notice.text(wish.title),
    link: { type: 'Wish', id: wish.id },
  };
};
