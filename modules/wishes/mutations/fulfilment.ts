// 兑现与确认: fulfillWish (the claimant delivers, with evidence) and confirmWish (the requester, or a
// worker on their behalf, acknowledges: 圆梦). Both publish a domain event other modules may hear
// (e.g. points for the claimant).
import { Checks, forbidden, payloadType, ValidationError, type Builder, write } from '../../../src/kit/index.js';
import { isWorkerAt, wishForWrite } from '../access.js';
import { MODULE_ID } from '../model.js';
import { applyTransition } from '../transition.js';
import type { WishRef } from '../wish-node.js';

const MAX_EVIDENCE = 9;

const isWebUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol) && value.length <= 500;
  } catch {
    return false;
  }
};

export function registerFulfilment(builder: Builder, Wish: WishRef) {
  const FulfillWishInput = builder.inputType('FulfillWishInput', {
    description: '兑现微心愿',
    fields: (t) => ({
      wishId: t.id({ required: true }),
      note: t.string({ required: false, description: '兑现说明, up to 500 characters' }),
      evidenceUrls: t.stringList({
        required: false,
        description: `凭证 photo or document links (http/https), at most ${MAX_EVIDENCE}`,
      }),
      fulfilledAt: t.field({
        type: 'DateTime',
        required: false,
        description: '兑现时间 (default now; not before the claim, not in the future)',
      }),
    }),
  });
  const ConfirmWishInput = builder.inputType('ConfirmWishInput', {
    description: '确认圆梦',
    fields: (t) => ({
      wishId: t.id({ required: true }),
      thanks: t.string({ required: false, description: '感谢留言, up to 500 characters' }),
      rating: t.int({ required: false, description: '评价 1–5' }),
    }),
  });

  builder.mutationFields((t) => ({
    fulfillWish: t.field({
      policy: { roles: ['PARTY_MEMBER'], scope: { record: 'Wish', id: 'input.wishId' }, relation: 'the claimant' },
      description: '兑现微心愿 (the claimant): CLAIMED → FULFILLED',
      type: payloadType(builder, 'FulfillWishPayload', 'wish', Wish, {
        description: '兑现结果 the fulfilled wish',
      }),
      errors: {},
      args: { input: t.arg({ type: FulfillWishInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const urls = (input.evidenceUrls ?? []).map((u) => u.trim());
        const checks = new Checks()
          .text(input.note, 'input.note', { max: 500, required: false })
          .check(
            urls.length <= MAX_EVIDENCE,
            'input.evidenceUrls',
            `最多 ${MAX_EVIDENCE} 个 (at most ${MAX_EVIDENCE})`,
          );
        urls.forEach((u, i) =>
          checks.check(isWebUrl(u), `input.evidenceUrls[${i}]`, '应为 http(s) 链接 (an http or https link)'),
        );
        checks.throwIfAny();
        const wish = await wishForWrite(ctx, input.wishId);
        if (!ctx.viewer!.personId || wish.claimantId !== ctx.viewer!.personId)
          throw forbidden('只有认领人可以兑现 (the claimant only)');
        const now = ctx.clock.now();
        const fulfilledAt = input.fulfilledAt ?? now;
        if (fulfilledAt > now || (wish.claimedAt && fulfilledAt < wish.claimedAt)) {
          throw new ValidationError([
            { path: 'input.fulfilledAt', message: '应在认领之后、不晚于现在 (between the claim and now)' },
          ]);
        }
        const note = input.note?.trim() || null;
        const updated = await write(ctx, { module: MODULE_ID, regionPath: wish.regionPath }, async (w) => {
          const done = await applyTransition(w, ctx, wish, 'FULFILLED', {
            data: { fulfilledAt, fulfilmentNote: note, evidenceUrls: urls },
            note,
          });
          await w.publish({
            type: 'wishes.fulfilled',
            regionPath: done.regionPath,
            payload: {
              wishId: done.id,
              communityId: done.communityId,
              claimantId: done.claimantId,
              organizationId: done.organizationId,
              category: done.category,
            },
          });
          return done;
        });
        return { wish: updated };
      },
    }),

    confirmWish: t.field({
      policy: {
        roles: ['COMMUNITY_WORKER', 'PARTY_MEMBER', 'RESIDENT'],
        scope: { record: 'Wish', id: 'input.wishId' },
        relation: 'the requester',
      },
      description: '确认圆梦 (the requester, or a worker of the community on their behalf): FULFILLED → CONFIRMED',
      type: payloadType(builder, 'ConfirmWishPayload', 'wish', Wish, {
        description: '确认结果 the confirmed wish',
      }),
      errors: {},
      args: { input: t.arg({ type: ConfirmWishInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.thanks, 'input.thanks', { max: 500, required: false })
          .check(input.rating == null || (input.rating >= 1 && input.rating <= 5), 'input.rating', '应为 1–5 (1 to 5)')
          .throwIfAny();
        const wish = await wishForWrite(ctx, input.wishId);
        const viewer = ctx.viewer!;
        if (viewer.personId !== wish.requesterId && !isWorkerAt(viewer, wish.regionPath)) {
          throw forbidden('由许愿人或社区工作者确认 (the requester or a worker of the community)');
        }
        const thanks = input.thanks?.trim() || null;
        const updated = await write(ctx, { module: MODULE_ID, regionPath: wish.regionPath }, async (w) => {
          const done = await applyTransition(w, ctx, wish, 'CONFIRMED', {
            data: { confirmedAt: ctx.clock.now(), thanks, rating: input.rating ?? null },
            note: thanks,
          });
          await w.publish({
            type: 'wishes.confirmed',
            regionPath: done.regionPath,
            payload: {
              wishId: done.id,
              communityId: done.communityId,
              claimantId: done.claimantId,
              organizationId: done.organizationId,
              rating: done.rating,
            },
          });
          return done;
        });
        return { wish: updated };
      },
    }),
  }));
}
