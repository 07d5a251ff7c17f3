// 审核: reviewWish publishes a wish on the wish wall or rejects it with a reason (a community worker
// of that community). Reviewers check that the text carries no personal information: it goes public.
import {
  Checks,
  type Context,
  forbidden,
  payloadType,
  type Builder,
  type Wish,
  write,
  type WriteUnit,
} from '../../../src/kit/index.js';
import { isWorkerAt, wishForWrite } from '../access.js';
import { MODULE_ID } from '../model.js';
import { applyTransition } from '../transition.js';
import type { WishRef } from '../wish-node.js';

export function registerReview(builder: Builder, Wish: WishRef) {
  const ReviewWishInput = builder.inputType('ReviewWishInput', {
    description: '审核微心愿',
    fields: (t) => ({
      wishId: t.id({ required: true }),
      approve: t.boolean({ required: true, description: 'true: 发布 publish; false: 不通过 reject' }),
      reason: t.string({ required: false, description: '原因: required when rejecting, shown to the requester' }),
    }),
  });

  builder.mutationField('reviewWish', (t) =>
    t.field({
      policy: { roles: ['COMMUNITY_WORKER'], scope: { record: 'Wish', id: 'input.wishId' } },
      description: '审核微心愿: PENDING_REVIEW → PUBLISHED or REJECTED (a community worker of that community)',
      type: payloadType(builder, 'ReviewWishPayload', 'wish', Wish, {
        description: '审核结果 the reviewed wish',
      }),
      errors: {},
      args: { input: t.arg({ type: ReviewWishInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { min: 2, max: 200, required: !input.approve }).throwIfAny();
        const wish = await wishForWrite(ctx, input.wishId);
        if (!isWorkerAt(ctx.viewer, wish.regionPath))
          throw forbidden('只有该社区的社区工作者可以审核 (a worker of that community)');
        const now = ctx.clock.now();
        const reason = input.reason?.trim() || null;
        const updated = await write(ctx, { module: MODULE_ID, regionPath: wish.regionPath }, (w) =>
          input.approve
            ? applyTransition(w, ctx, wish, 'APPROVED', { data: { reviewedAt: now, publishedAt: now }, note: reason })
            : rejectWish(w, ctx, wish, now, reason),
        );
        return { wish: updated };
      },
    }),
  );
}

/** 不通过: closed with the reason; the want behind it may still be met elsewhere (五社联动 takes it as a need) */
async function rejectWish(w: WriteUnit, ctx: Context, wish: Wish, now: Date, reason: string | null) {
  const rejected = await applyTransition(w, ctx, wish, 'REJECTED', {
    data: { reviewedAt: now, rejectionReason: reason, closedAt: now },
    note: reason,
  });
  await w.publish({
    type: 'wishes.rejected',
    regionPath: rejected.regionPath,
    payload: { wishId: rejected.id, communityId: rejected.communityId, category: rejected.category },
  });
  return rejected;
}
