// 认领: claimWish and releaseWishClaim. One-to-one (一对一精准认领): of any number of simultaneous
// claims on one wish exactly one wins, the others get CONFLICT. The guarantee is the conditional update
// in applyTransition (status = PUBLISHED and the version read); a member's open-claim limit holds under
// concurrency too, because the count and the claim run under a per-member advisory lock.
import {
  AppError,
  Checks,
  conflict,
  forbidden,
  notFound,
  parseOptionalId,
  payloadType,
  type Builder,
  type Context,
  type Person,
  type Wish,
  write,
} from '../../../src/kit/index.js';
import { serviceCommunityOf, viewerPerson, wishForWrite } from '../access.js';
import { CLEARED_CLAIM, MODULE_ID, TAKEN_STATUSES } from '../model.js';
import { applyTransition, assertTransition } from '../transition.js';
import type { WishRef } from '../wish-node.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** the viewer as a claimant: a party member with a service community that is the wish's */
async function claimantFor(ctx: Context, wish: Wish): Promise<Person> {
  if (ctx.viewer!.role !== 'PARTY_MEMBER') throw forbidden('只有党员可以认领 (party members claim wishes)');
  const me = await viewerPerson(ctx);
  if (!me?.partyMember)
    throw new AppError('PRECONDITION_FAILED', '账号未关联党员信息 (your account is not linked to a party member)');
  const community = serviceCommunityOf(me);
  if (!community)
    throw new AppError(
      'PRECONDITION_FAILED',
      '在职党员请先到社区报到 (in-service members register at a community first)',
    );
  if (community !== wish.communityId)
    throw forbidden('只能认领报到社区的心愿 (only wishes of the community where you serve)');
  return me;
}

export function registerClaims(builder: Builder, Wish: WishRef) {
  const ClaimWishInput = builder.inputType('ClaimWishInput', {
    description: '认领微心愿',
    fields: (t) => ({
      wishId: t.id({ required: true }),
      organizationId: t.id({
        required: false,
        description: '认领单位: your own work organisation, or omit to claim in person',
      }),
      note: t.string({ required: false, description: '留言, up to 200 characters' }),
    }),
  });
  const ReleaseWishClaimInput = builder.inputType('ReleaseWishClaimInput', {
    description: '放弃认领',
    fields: (t) => ({ wishId: t.id({ required: true }), reason: t.string({ required: false }) }),
  });

  builder.mutationFields((t) => ({
    claimWish: t.field({
      policy: {
        roles: ['PARTY_MEMBER'],
        scope: { record: 'Wish', id: 'input.wishId' },
        relation: 'wishes of the community the member serves',
      },
      description:
        '认领微心愿 (party members, in the community where they serve): PUBLISHED → CLAIMED. One claimant per wish: ' +
        'losers of a race get CONFLICT. Limited to maxOpenClaims open claims; ' +
        'the claim expires after claimDeadlineDays.',
      type: payloadType(builder, 'ClaimWishPayload', 'wish', Wish, {
        description: '认领结果 the claimed wish',
      }),
      errors: {},
      args: { input: t.arg({ type: ClaimWishInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.note, 'input.note', { max: 200, required: false }).throwIfAny();
        const wish = await wishForWrite(ctx, input.wishId);
        const me = await claimantFor(ctx, wish);
        if (TAKEN_STATUSES.includes(wish.status)) throw conflict('该心愿已被认领 (someone claimed it first)');
        assertTransition(wish, 'CLAIMED');
        const organizationId = parseOptionalId(
          input.organizationId == null ? null : String(input.organizationId),
          'Organization',
          'input.organizationId',
        );
        if (
          organizationId &&
          organizationId !== me.workOrganizationId &&
          organizationId !== ctx.viewer!.organizationId
        ) {
          throw forbidden('只能代表本人所在单位认领 (only on behalf of your own organisation)');
        }
        if (organizationId && !(await ctx.prisma.organization.findUnique({ where: { id: organizationId } })))
          throw notFound('单位 organization');
        const scope = {
          module: MODULE_ID,
          regionPath: wish.regionPath,
          settings: ['maxOpenClaims', 'claimDeadlineDays'],
        };
        const updated = await write(ctx, scope, async (w) => {
          const [maxOpen, deadlineDays, now] = [
            w.settings.maxOpenClaims as number,
            w.settings.claimDeadlineDays as number,
            w.now,
          ];
          await w.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`wishes.claim:${me.id}`}, 0))`;
          const open = await w.tx.wish.count({ where: { claimantId: me.id, status: 'CLAIMED' } });
          if (open >= maxOpen)
            throw new AppError(
              'LIMIT_EXCEEDED',
              `最多同时认领 ${maxOpen} 个心愿 (at most ${maxOpen} open claims; fulfil or release one first)`,
            );
          const claimed = await applyTransition(w, ctx, wish, 'CLAIMED', {
            data: {
              claimantId: me.id,
              organizationId,
              claimNote: input.note?.trim() || null,
              claimedAt: now,
              claimDueAt: new Date(now.getTime() + deadlineDays * DAY_MS),
            },
            note: input.note?.trim() || null,
            conflictMessage: '该心愿已被认领 (someone claimed it first)',
          });
          await w.publish({
            type: 'wishes.claimed',
            regionPath: claimed.regionPath,
            payload: {
              wishId: claimed.id,
              communityId: claimed.communityId,
              claimantId: claimed.claimantId,
              organizationId: claimed.organizationId,
              category: claimed.category,
            },
          });
          return claimed;
        });
        return { wish: updated };
      },
    }),

    releaseWishClaim: t.field({
      policy: { roles: ['PARTY_MEMBER'], scope: { record: 'Wish', id: 'input.wishId' }, relation: 'the claimant' },
      description: '放弃认领 (the claimant): CLAIMED → PUBLISHED, back on the wish wall',
      type: payloadType(builder, 'ReleaseWishClaimPayload', 'wish', Wish, {
        description: '放弃认领结果 the wish, back on the wall',
      }),
      errors: {},
      args: { input: t.arg({ type: ReleaseWishClaimInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { max: 200, required: false }).throwIfAny();
        const wish = await wishForWrite(ctx, input.wishId);
        if (!ctx.viewer!.personId || wish.claimantId !== ctx.viewer!.personId)
          throw forbidden('只有认领人可以放弃认领 (the claimant only)');
        const updated = await write(ctx, { module: MODULE_ID, regionPath: wish.regionPath }, (w) =>
          applyTransition(w, ctx, wish, 'CLAIM_RELEASED', { data: CLEARED_CLAIM, note: input.reason?.trim() || null }),
        );
        return { wish: updated };
      },
    }),
  }));
}
