// 公示栏 the public notice board: noticeBoard(regionId, first, after) needs no login and no X-Township
// header (PUBLIC_SUB_GRAPH); its item type has no personal field at all, and townships where the module
// is off are left out. postNotice (村务公开 and others) and fileNoticeObjection (异议, while posted).
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  Checks,
  invalidTransition,
  mustLoad,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  PUBLIC_SUB_GRAPH,
  regionLoader,
  ValidationError,
  write,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { communityForWrite } from './access.js';
import { MODULE_ID, type Enums } from './model.js';

const PUBLIC = [MODULE_ID, PUBLIC_SUB_GRAPH];
const DAY_MS = 86_400_000;

export function registerNotices(builder: Builder, enums: Enums) {
  const Item = builder.prismaObject('NoticeBoardItem', {
    subGraphs: PUBLIC,
    description: '公示栏 one posted notice (public; never carries personal information)',
    fields: (t) => ({
      id: t.id({
        description: '全局 ID (pass it to fileNoticeObjection)',
        resolve: (n) => encodeGlobalID('NoticeBoardItem', n.id),
      }),
      kind: t.expose('kind', { type: enums.NoticeKind, description: '类别' }),
      title: t.exposeString('title', { description: '标题' }),
      body: t.exposeString('body', { description: '内容' }),
      postedAt: t.expose('postedAt', { type: 'DateTime', description: '公示时间' }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime', description: '公示截止 (at least the publication period)' }),
      community: t.prismaField({
        type: 'Region',
        description: '村/社区',
        resolve: (_q, n, _a, ctx) => mustLoad(regionLoader(ctx), n.communityId, 'region'),
      }),
    }),
  });

  builder.queryField('noticeBoard', (t) =>
    t.prismaConnection({
      subGraphs: PUBLIC,
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description: '公示栏: notices of the villages under regionId, newest first; public, no login or header needed',
      type: Item,
      cursor: 'id',
      args: {
        regionId: t.arg.id({ required: true, description: '区划 (a village, a township …)' }),
        kind: t.arg({ type: enums.NoticeKind, required: false }),
        current: t.arg.boolean({ required: false, description: 'true: only notices still posted now' }),
      },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.noticeBoardItem.findMany({
          ...query,
          where: await boardWhere(ctx, args),
          orderBy: [{ postedAt: 'desc' }, { id: 'desc' }],
        }),
    }),
  );
  registerPost(builder, enums, Item);
  registerObjection(builder);
}

async function boardWhere(
  ctx: Context,
  args: { regionId: string | number; kind?: Prisma.NoticeBoardItemWhereInput['kind'] | null; current?: boolean | null },
): Promise<Prisma.NoticeBoardItemWhereInput> {
  const region = await ctx.prisma.region.findUnique({
    where: { id: parseId(String(args.regionId), 'Region', 'regionId') },
  });
  if (!region) throw notFound('区划 region');
  const readable = await ctx.gate.readableWhere(MODULE_ID, region.path, 'regionPath');
  const now = ctx.clock.now();
  return {
    AND: [
      readable as Prisma.NoticeBoardItemWhereInput,
      args.kind ? { kind: args.kind } : {},
      args.current ? { postedAt: { lte: now }, expiresAt: { gt: now } } : {},
    ],
  };
}

function registerPost(builder: Builder, enums: Enums, Item: object) {
  const Input = builder.inputType('PostNoticeInput', {
    description: '发布公示',
    fields: (t) => ({
      communityId: t.id({ required: true }),
      kind: t.field({ type: enums.NoticeKind, required: true, description: 'VILLAGE_FINANCES, PROJECT or OTHER' }),
      title: t.string({ required: true, description: '2–100 characters' }),
      body: t.string({ required: true, description: '2–5000 characters; no personal information (it is public)' }),
      days: t.int({ required: false, description: '公示天数: at least publicationDays (the default)' }),
    }),
  });
  builder.mutationField('postNotice', (t) =>
    t.field({
      policy: { roles: ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER'], scope: { region: 'input.communityId' } },
      description: '发布公示 on the village notice board (resolutions and results are posted by recordDecisionStep)',
      type: payloadType(builder, 'PostNoticePayload', 'notice', Item),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.title, 'input.title', { min: 2, max: 100 })
          .text(input.body, 'input.body', { min: 2, max: 5000 })
          .check(
            input.kind !== 'RESOLUTION' && input.kind !== 'IMPLEMENTATION_RESULT',
            'input.kind',
            '决议与结果由 recordDecisionStep 公示',
          )
          .check(input.days == null || (input.days >= 1 && input.days <= 365), 'input.days', '应为 1–365')
          .throwIfAny();
        const community = await communityForWrite(ctx, input.communityId, 'input.communityId');
        const scope = { module: MODULE_ID, regionPath: community.path, settings: ['publicationDays'] };
        const notice = await write(ctx, scope, async (w) => {
          const minimum = w.settings.publicationDays as number;
          if (input.days != null && input.days < minimum)
            throw new ValidationError([
              { path: 'input.days', message: `至少 ${minimum} 天 (at least the publication period)` },
            ]);
          const created = await w.tx.noticeBoardItem.create({
            data: {
              communityId: community.id,
              regionPath: community.path,
              kind: input.kind,
              title: input.title.trim(),
              body: input.body.trim(),
              postedAt: w.now,
              expiresAt: new Date(w.now.getTime() + (input.days ?? minimum) * DAY_MS),
              postedById: ctx.viewer?.accountId ?? null,
            },
          });
          await w.audit({ action: 'noticePosted', entityType: 'NoticeBoardItem', entityId: created.id });
          return created;
        });
        return { notice };
      },
    }),
  );
}

function registerObjection(builder: Builder) {
  const Objection = builder.objectRef<{ id: string; filedAt: Date }>('NoticeObjection').implement({
    description: '异议 an objection to a posted notice (its content goes to the village’s workers only)',
    fields: (t) => ({
      id: t.id({ resolve: (o) => encodeGlobalID('NoticeObjection', o.id) }),
      filedAt: t.field({ type: 'DateTime', description: '提出时间', resolve: (o) => o.filedAt }),
    }),
  });
  const Input = builder.inputType('FileNoticeObjectionInput', {
    description: '提出异议',
    fields: (t) => ({
      noticeId: t.id({ required: true }),
      content: t.string({ required: true, description: '异议内容, 2–1000 characters' }),
    }),
  });
  builder.mutationField('fileNoticeObjection', (t) =>
    t.field({
      policy: { roles: 'LOGGED_IN', scope: 'NONE', relation: 'any villager while the notice is posted' },
      description: '提出异议 to a notice while it is posted (INVALID_TRANSITION before or after the period)',
      type: payloadType(builder, 'FileNoticeObjectionPayload', 'objection', Objection),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.content, 'input.content', { min: 2, max: 1000 }).throwIfAny();
        const id = parseOptionalId(String(input.noticeId), 'NoticeBoardItem', 'input.noticeId')!;
        const notice = await ctx.prisma.noticeBoardItem.findUnique({ where: { id } });
        if (!notice) throw notFound('公示 notice');
        await ctx.gate.assertEnabled(MODULE_ID, notice.regionPath);
        const now = ctx.clock.now();
        if (now < notice.postedAt || now >= notice.expiresAt)
          throw invalidTransition('公示期外不能提出异议 (objections only while the notice is posted)');
        const objection = await write(ctx, { module: MODULE_ID, regionPath: notice.regionPath }, async (w) => {
          const created = await w.tx.noticeObjection.create({
            data: {
              noticeId: notice.id,
              regionPath: notice.regionPath,
              personId: ctx.viewer?.personId ?? null,
              content: input.content.trim(),
              filedAt: w.now,
            },
          });
          await w.audit({ action: 'objectionFiled', entityType: 'NoticeBoardItem', entityId: notice.id });
          return created;
        });
        return { objection };
      },
    }),
  );
}
