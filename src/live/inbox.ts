// 通知收件箱: the viewer's own notifications (newest first, with the unread count), marking them read, and
// `notificationAdded`, the live feed of new ones. Core fields: every logged-in account has an inbox; what
// lands in it is decided by the modules' `notifies` rules (src/live/notify.ts).
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Builder } from '../builder.js';
import type { Context } from '../context.js';
import { guardNode } from '../core/node-guards.js';
import { payloadType } from '../core/errors-graph.js';
import { ValidationError } from '../errors.js';
import { liveField } from './field.js';

const CORE = ['core'];
const own = (ctx: Context): Prisma.NotificationWhereInput => ({ recipientId: ctx.viewer!.accountId });
/** own, of a module that is on where it happened: a switched-off module's stay hidden until it is back on */
async function shown(ctx: Context): Promise<Prisma.NotificationWhereInput> {
  const modules = await Promise.all(
    ctx.gate.modules.map(async (m) => ({ module: m.id, ...(await ctx.gate.readableWhere(m.id, '/', 'regionPath')) })),
  );
  return { ...own(ctx), OR: modules };
}
const unread = async (ctx: Context) =>
  ctx.prisma.notification.count({ where: { ...(await shown(ctx)), readAt: null } });

export function registerInbox(builder: Builder) {
  const Notification = registerNotification(builder);
  registerNotifications(builder);
  registerMarkRead(builder);
  registerNotificationAdded(builder, Notification);
}

function registerNotification(builder: Builder) {
  const Notification = builder.prismaNode('Notification', {
    description: '通知 one entry of your inbox (no personal data of others in its texts)',
    id: { field: 'id' },
    fields: (t) => ({
      type: t.exposeString('type', { description: '类型 "<module>.<kind>", e.g. wishes.claimed' }),
      title: t.exposeString('title', { description: '标题' }),
      text: t.exposeString('text', { description: '内容' }),
      link: t.string({
        nullable: true,
        description: '相关对象 the global id of the record it is about (open it with node(id))',
        resolve: (n) => n.link,
      }),
      read: t.boolean({ description: '已读', resolve: (n) => n.readAt !== null }),
      readAt: t.field({ type: 'DateTime', nullable: true, description: '阅读时间', resolve: (n) => n.readAt }),
      createdAt: t.field({ type: 'DateTime', description: '时间', resolve: (n) => n.createdAt }),
    }),
  });
  guardNode(builder, 'Notification', (n, ctx) => !!ctx.viewer && n.recipientId === ctx.viewer.accountId);
  return Notification;
}

function registerNotifications(builder: Builder) {
  builder.queryField('notifications', (t) =>
    t.prismaConnection(
      {
        subGraphs: CORE,
        policy: { roles: 'LOGGED_IN', scope: 'OWN' },
        description: '我的通知 your notifications, newest first',
        type: 'Notification',
        cursor: 'id',
        args: { unreadOnly: t.arg.boolean({ required: false, description: '只看未读 unread only' }) },
        resolve: async (query, _r, args, ctx) =>
          ctx.prisma.notification.findMany({
            ...query,
            where: { ...(await shown(ctx)), ...(args.unreadOnly ? { readAt: null } : {}) },
            orderBy: [{ createdAt: 'desc' }, { eventSeq: 'desc' }, { id: 'desc' }],
          }),
      },
      {
        fields: (c) => ({
          unreadCount: c.int({
            description: '未读数 unread notifications in total',
            resolve: (_c, _a, ctx) => unread(ctx),
          }),
        }),
      },
    ),
  );
}

function registerMarkRead(builder: Builder) {
  const Input = builder.inputType('MarkNotificationsReadInput', {
    fields: (t) => ({
      ids: t.idList({ required: false, description: '要标记的通知 (at most 100)' }),
      all: t.boolean({ required: false, description: 'true: 全部已读 every unread notification' }),
    }),
  });
  const Result = builder.objectRef<{ marked: number; unreadCount: number }>('NotificationsMarked').implement({
    description: '已读结果',
    fields: (t) => ({
      marked: t.exposeInt('marked', { description: '本次标为已读的条数' }),
      unreadCount: t.exposeInt('unreadCount', { description: '剩余未读' }),
    }),
  });
  const Payload = payloadType(builder, 'MarkNotificationsReadPayload', 'notifications', Result);
  builder.mutationField('markNotificationsRead', (t) =>
    t.field({
      subGraphs: CORE,
      policy: { roles: 'LOGGED_IN', scope: 'OWN' },
      description: '标为已读: the notifications named (your own; others are ignored) or, with `all`, every one',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const ids = (input.ids ?? []).map((id) => notificationId(String(id)));
        if (!input.all && !ids.length) throw new ValidationError('ids 或 all 必填 (name ids or set all)', 'input');
        if (ids.length > 100) throw new ValidationError('至多 100 条 (at most 100 ids)', 'input.ids');
        const marked = await ctx.prisma.notification.updateMany({
          where: { ...own(ctx), readAt: null, ...(input.all ? {} : { id: { in: ids } }) },
          data: { readAt: ctx.clock.now() },
        });
        return { notifications: { marked: marked.count, unreadCount: await unread(ctx) } };
      },
    }),
  );
}

function notificationId(id: string): string {
  try {
    const decoded = decodeGlobalID(id);
    if (decoded.typename === 'Notification') return decoded.id;
  } catch {}
  throw new ValidationError('应为 Notification 的 ID (expected a Notification id)', 'input.ids');
}

function registerNotificationAdded(builder: Builder, Notification: unknown) {
  liveField(builder, 'notificationAdded', {
    type: Notification,
    module: null,
    subGraphs: CORE,
    policy: { roles: 'LOGGED_IN', scope: 'OWN' },
    description: '新通知 your notifications as they arrive (SSE; reconnect with Last-Event-ID to get the missed ones)',
    // every event may notify: the hub reads the event's notifications once for all inboxes of the instance
    events: null,
    match: () => true,
    load: async (event, ctx) => {
      const mine = (await ctx.services.live.hub.notificationsOf(event.seq)).filter(
        (n) => n.recipientId === ctx.viewer?.accountId,
      );
      return mine[0] ?? null;
    },
  });
}
