// 提交与撤回: submitWish (a resident, or a community worker on a resident's behalf) and withdrawWish
// (the requester or a worker, before fulfilment).
import type { Builder } from '../../../src/builder.js';
import { Checks, forbidden, notFound, ValidationError } from '../../../src/errors.js';
import { payloadType } from '../../../src/core/errors-graph.js';
import { parseId } from '../../../src/core/lookup.js';
import { isWorkerAt, wishForWrite } from '../access.js';
import { MODULE_ID, SUB_GRAPHS, TX_OPTIONS, type WishEnums } from '../model.js';
import { actorOf, applyTransition, timelineRow } from '../transition.js';
import type { WishRef } from '../wish-node.js';

export function registerSubmission(builder: Builder, enums: WishEnums, Wish: WishRef) {
  const SubmitWishInput = builder.inputType('SubmitWishInput', {
    subGraphs: SUB_GRAPHS,
    description: '提交微心愿',
    fields: (t) => ({
      communityId: t.id({ required: true, description: '社区/村: the requester\'s home community' }),
      requesterId: t.id({ required: false, description: '许愿人 (Person); omit to submit your own wish' }),
      title: t.string({ required: true, description: '心愿, 2–40 characters, e.g. 护腰带、护膝' }),
      description: t.string({ required: false, description: '说明, up to 500 characters; no phone numbers or addresses (it is published)' }),
      category: t.field({ type: enums.WishCategory, required: true }),
      channel: t.field({ type: enums.WishChannel, required: true, description: '征集渠道: 爱心群, 心愿墙, 走访入户 or online' }),
      estimatedValue: t.float({ required: false, description: '预估价值 (元), 0–100000' }),
    }),
  });
  const WithdrawWishInput = builder.inputType('WithdrawWishInput', {
    subGraphs: SUB_GRAPHS,
    description: '撤回微心愿',
    fields: (t) => ({
      wishId: t.id({ required: true }),
      reason: t.string({ required: false, description: '原因 (shown in the timeline)' }),
    }),
  });

  builder.mutationFields((t) => ({
    submitWish: t.field({
      subGraphs: SUB_GRAPHS,
      description: '提交微心愿: by the resident themself, or by a community worker of that community on a resident\'s behalf. Starts PENDING_REVIEW.',
      type: payloadType(builder, 'SubmitWishPayload', 'wish', Wish, { subGraphs: SUB_GRAPHS, description: '提交结果 the submitted wish' }),
      errors: {},
      authScopes: { loggedIn: true },
      args: { input: t.arg({ type: SubmitWishInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const viewer = ctx.viewer!;
        new Checks()
          .text(input.title, 'input.title', { min: 2, max: 40 })
          .text(input.description, 'input.description', { max: 500, required: false })
          .check(input.estimatedValue == null || (input.estimatedValue >= 0 && input.estimatedValue <= 100_000), 'input.estimatedValue', '应为 0–100000 元')
          .throwIfAny();
        const communityId = parseId(String(input.communityId), 'Region', 'input.communityId');
        const requesterId = input.requesterId ? parseId(String(input.requesterId), 'Person', 'input.requesterId') : viewer.personId;
        if (!requesterId) throw new ValidationError([{ path: 'input.requesterId', message: '必填 (required: your account has no person)' }]);
        const community = await ctx.prisma.region.findUnique({ where: { id: communityId } });
        if (!community) throw notFound('社区 community');
        if (community.level !== 'COMMUNITY') throw new ValidationError([{ path: 'input.communityId', message: '应为社区/村 (must be a community)' }]);
        await ctx.gate.assertEnabled(MODULE_ID, community.path);
        const own = requesterId === viewer.personId;
        if (!own && !isWorkerAt(viewer, community.path)) {
          throw forbidden('由本人或该社区的社区工作者提交 (the resident themself, or a worker of that community)');
        }
        const requester = await ctx.prisma.person.findUnique({ where: { id: requesterId } });
        if (!requester) throw notFound('许愿人 requester');
        if (requester.homeCommunityId !== community.id) {
          throw new ValidationError([{ path: 'input.communityId', message: '许愿人不住在该社区 (the requester does not live in this community)' }]);
        }
        const now = ctx.clock.now();
        const wish = await ctx.prisma.$transaction(async (tx) => {
          const created = await tx.wish.create({
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
          await tx.wishEvent.create({ data: timelineRow(created, { action: 'SUBMITTED', from: null, to: 'PENDING_REVIEW', at: now, actor: actorOf(ctx) }) });
          await ctx.audit(tx, { action: 'wishes.submitted', entityType: 'Wish', entityId: created.id, regionPath: created.regionPath, data: { own } });
          return created;
        }, TX_OPTIONS);
        return { wish };
      },
    }),

    withdrawWish: t.field({
      subGraphs: SUB_GRAPHS,
      description: '撤回微心愿: the requester or a worker of the community, before it is fulfilled',
      type: payloadType(builder, 'WithdrawWishPayload', 'wish', Wish, { subGraphs: SUB_GRAPHS, description: '撤回结果 the withdrawn wish' }),
      errors: {},
      authScopes: { loggedIn: true },
      args: { input: t.arg({ type: WithdrawWishInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { max: 200, required: false }).throwIfAny();
        const wish = await wishForWrite(ctx, input.wishId);
        const viewer = ctx.viewer!;
        if (viewer.personId !== wish.requesterId && !isWorkerAt(viewer, wish.regionPath)) {
          throw forbidden('只有许愿人或社区工作者可以撤回 (the requester or a worker of the community)');
        }
        const note = input.reason?.trim() || null;
        const updated = await ctx.prisma.$transaction(
          (tx) => applyTransition(tx, ctx, wish, 'WITHDRAWN', { data: { closedAt: ctx.clock.now() }, note }),
          TX_OPTIONS,
        );
        return { wish: updated };
      },
    }),
  }));
}
