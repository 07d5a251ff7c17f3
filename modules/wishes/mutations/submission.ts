// 提交与撤回: submitWish (a resident, or a community worker on a resident's behalf) and withdrawWish
// (the requester or a worker, before fulfilment). Submissions are limited per requester and 24 hours
// (maxSubmissionsPerDay); the count and the insert run under a per-requester advisory lock, so the
// limit holds for simultaneous submissions too.
import {
  AppError,
  Checks,
  forbidden,
  notFound,
  parseId,
  payloadType,
  ValidationError,
  type Builder,
  write,
} from '../../../src/kit/index.js';
import { isWorkerAt, wishForWrite } from '../access.js';
import { MODULE_ID, type WishEnums } from '../model.js';
import { actorOf, applyTransition, timelineRow } from '../transition.js';
import type { WishRef } from '../wish-node.js';
import { wishFieldChecks } from './wish-fields.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function registerSubmission(builder: Builder, enums: WishEnums, Wish: WishRef) {
  const SubmitWishInput = builder.inputType('SubmitWishInput', {
    description: '提交微心愿',
    fields: (t) => ({
      communityId: t.id({ required: true, description: "社区/村: the requester's home community" }),
      requesterId: t.id({ required: false, description: '许愿人 (Person); omit to submit your own wish' }),
      title: t.string({ required: true, description: '心愿, 2–40 characters, e.g. 护腰带、护膝' }),
      description: t.string({
        required: false,
        description: '说明, up to 500 characters; no phone numbers or addresses (it is published)',
      }),
      category: t.field({ type: enums.WishCategory, required: true }),
      channel: t.field({
        type: enums.WishChannel,
        required: true,
        description: '征集渠道: 爱心群, 心愿墙, 走访入户 or online',
      }),
      estimatedValue: t.float({ required: false, description: '预估价值 (元), 0–100000' }),
    }),
  });
  const WithdrawWishInput = builder.inputType('WithdrawWishInput', {
    description: '撤回微心愿',
    fields: (t) => ({
      wishId: t.id({ required: true }),
      reason: t.string({ required: false, description: '原因 (shown in the timeline)' }),
    }),
  });

  builder.mutationFields((t) => ({
    submitWish: t.field({
      policy: {
        roles: ['COMMUNITY_WORKER', 'PARTY_MEMBER', 'RESIDENT'],
        scope: { region: 'input.communityId' },
        relation: 'a member or resident for themself only',
      },
      description:
        "提交微心愿: by the resident themself, or by a community worker of that community on a resident's behalf. " +
        'Starts PENDING_REVIEW. ' +
        'At most maxSubmissionsPerDay wishes per requester within 24 hours (LIMIT_EXCEEDED).',
      type: payloadType(builder, 'SubmitWishPayload', 'wish', Wish, {
        description: '提交结果 the submitted wish',
      }),
      errors: {},
      args: { input: t.arg({ type: SubmitWishInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const viewer = ctx.viewer!;
        wishFieldChecks(input).throwIfAny();
        const communityId = parseId(String(input.communityId), 'Region', 'input.communityId');
        const requesterId = input.requesterId
          ? parseId(String(input.requesterId), 'Person', 'input.requesterId')
          : viewer.personId;
        if (!requesterId)
          throw new ValidationError([
            { path: 'input.requesterId', message: '必填 (required: your account has no person)' },
          ]);
        const community = await ctx.prisma.region.findUnique({ where: { id: communityId } });
        if (!community) throw notFound('社区 community');
        if (community.level !== 'COMMUNITY')
          throw new ValidationError([{ path: 'input.communityId', message: '应为社区/村 (must be a community)' }]);
        await ctx.gate.assertEnabled(MODULE_ID, community.path);
        const own = requesterId === viewer.personId;
        if (!own && !isWorkerAt(viewer, community.path)) {
          throw forbidden('由本人或该社区的社区工作者提交 (the resident themself, or a worker of that community)');
        }
        const requester = await ctx.prisma.person.findUnique({ where: { id: requesterId } });
        if (!requester) throw notFound('许愿人 requester');
        if (requester.homeCommunityId !== community.id) {
          throw new ValidationError([
            {
              path: 'input.communityId',
              message: '许愿人不住在该社区 (the requester does not live in this community)',
            },
          ]);
        }
        const scope = { module: MODULE_ID, regionPath: community.path, settings: ['maxSubmissionsPerDay'] };
        const wish = await write(ctx, scope, async (w) => {
          const maxPerDay = w.settings.maxSubmissionsPerDay as number;
          const now = w.now;
          // the count and the insert under a per-requester lock: simultaneous submissions take turns
          await w.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`wishes.submit:${requesterId}`}, 0))`;
          const recent = await w.tx.wish.count({
            where: { requesterId, submittedAt: { gt: new Date(now.getTime() - DAY_MS) } },
          });
          if (recent >= maxPerDay) {
            throw new AppError(
              'LIMIT_EXCEEDED',
              `每人 24 小时内最多提交 ${maxPerDay} 个心愿 (at most ${maxPerDay} wishes per requester within 24 hours)`,
              { limit: maxPerDay },
            );
          }
          const created = await w.tx.wish.create({
            data: {
              communityId: community.id,
              regionPath: community.path,
              requesterId,
              submittedById: viewer.accountId,
              title: input.title.trim(),
              description: input.description?.trim() || null,
              category: input.category,
              channel: input.channel,
              estimatedValue: input.estimatedValue ?? null,
              submittedAt: now,
            },
          });
          await w.tx.wishEvent.create({
            data: timelineRow(created, {
              action: 'SUBMITTED',
              from: null,
              to: 'PENDING_REVIEW',
              at: now,
              actor: actorOf(ctx),
            }),
          });
          await w.audit({
            action: 'submitted',
            entityType: 'Wish',
            entityId: created.id,
            regionPath: created.regionPath,
            data: { own },
          });
          return created;
        });
        return { wish };
      },
    }),

    withdrawWish: t.field({
      policy: {
        roles: ['COMMUNITY_WORKER', 'PARTY_MEMBER', 'RESIDENT'],
        scope: { record: 'Wish', id: 'input.wishId' },
        relation: 'the requester',
      },
      description: '撤回微心愿: the requester or a worker of the community, before it is fulfilled',
      type: payloadType(builder, 'WithdrawWishPayload', 'wish', Wish, {
        description: '撤回结果 the withdrawn wish',
      }),
      errors: {},
      args: { input: t.arg({ type: WithdrawWishInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { max: 200, required: false }).throwIfAny();
        const wish = await wishForWrite(ctx, input.wishId);
        const viewer = ctx.viewer!;
        if (viewer.personId !== wish.requesterId && !isWorkerAt(viewer, wish.regionPath)) {
          throw forbidden('只有许愿人或社区工作者可以撤回 (the requester or a worker of the community)');
        }
        const note = input.reason?.trim() || null;
        const updated = await write(ctx, { module: MODULE_ID, regionPath: wish.regionPath }, (w) =>
          applyTransition(w, ctx, wish, 'WITHDRAWN', { data: { closedAt: ctx.clock.now() }, note }),
        );
        return { wish: updated };
      },
    }),
  }));
}
