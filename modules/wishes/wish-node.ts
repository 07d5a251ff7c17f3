// GraphQL types `Wish` (a Relay node) and `WishEvent` (one timeline entry).
import {
  discloseName,
  guardNode,
  maskName,
  mustLoad,
  organizationLoader,
  personLoader,
  regionLoader,
  type Builder,
  type Context,
  type Wish,
} from '../../src/kit/index.js';
import { canSeeWish, seesPeopleOf } from './access.js';
import { MODULE_ID, type WishEnums } from './model.js';

export function registerWishTypes(builder: Builder, enums: WishEnums) {
  builder.prismaObject('WishEvent', {
    description: '心愿流转记录 one entry of a wish timeline: who, when, from, to, note',
    fields: (t) => ({
      action: t.expose('action', { type: enums.WishAction, description: '动作' }),
      from: t.expose('fromStatus', {
        type: enums.WishStatus,
        nullable: true,
        description: '原状态 (null for the submission)',
      }),
      to: t.expose('toStatus', { type: enums.WishStatus, description: '新状态' }),
      at: t.expose('at', { type: 'DateTime', description: '时间' }),
      note: t.exposeString('note', { nullable: true, description: '说明 reason, note or thanks' }),
      // a String: the kernel keeps its Role enum ref to itself (see the module README, kernel wishes)
      actorRole: t.exposeString('actorRole', {
        nullable: true,
        description:
          '操作人角色: a Role value (COMMUNITY_WORKER, PARTY_MEMBER, RESIDENT …); null for the system (claim-expiry job)',
      }),
      actorName: t.string({
        nullable: true,
        description:
          '操作人 the person who acted: in full for the actor and for those who see the people of this wish, ' +
          'otherwise masked',
        select: { wish: { select: { regionPath: true, requesterId: true, claimantId: true } } },
        resolve: async (e, _a, ctx) => {
          if (!e.actorPersonId) return null;
          const person = await mustLoad(personLoader(ctx), e.actorPersonId, 'person');
          return ctx.viewer?.personId === e.actorPersonId || seesPeopleOf(ctx.viewer, e.wish)
            ? person.name
            : maskName(person.name);
        },
      }),
    }),
  });

  // requester and claimant: the person only for those entitled (seesPeopleOf), a masked name for the rest
  const personOf = (ctx: Context, w: Wish, personId: string | null) => {
    if (!personId || !seesPeopleOf(ctx.viewer, w)) return null;
    discloseName(ctx, personId); // requester and claimant know each other by name
    return personLoader(ctx).load(personId);
  };
  const nameOf = async (ctx: Context, w: Wish, personId: string) => {
    const person = await mustLoad(personLoader(ctx), personId, 'person');
    return seesPeopleOf(ctx.viewer, w) ? person.name : maskName(person.name);
  };

  const WishRef = builder.prismaNode('Wish', {
    description:
      "微心愿 a resident's small wish: collected, reviewed and published by the community, " +
      'claimed one-to-one by a party member, fulfilled and acknowledged',
    id: { field: 'id' },
    fields: (t) => ({
      title: t.exposeString('title', { description: '心愿 what is wished for, e.g. 护腰带、护膝' }),
      description: t.exposeString('description', { nullable: true, description: '详细说明' }),
      category: t.expose('category', { type: enums.WishCategory, description: '类别' }),
      channel: t.expose('channel', { type: enums.WishChannel, description: '征集渠道' }),
      estimatedValue: t.float({
        nullable: true,
        description: '预估价值 (元, yuan)',
        resolve: (w) => (w.estimatedValue == null ? null : Number(w.estimatedValue)),
      }),
      status: t.expose('status', { type: enums.WishStatus, description: '状态' }),
      community: t.prismaField({
        type: 'Region',
        description: '所在社区/村',
        resolve: (_q, w, _a, ctx) => mustLoad(regionLoader(ctx), w.communityId, 'region'),
      }),
      requester: t.prismaField({
        type: 'Person',
        nullable: true,
        description:
          '许愿人 (only for those who manage people of this community, and the requester and claimant themselves)',
        resolve: (_q, w, _a, ctx) => personOf(ctx, w, w.requesterId),
      }),
      requesterName: t.string({
        description: '许愿人姓名: in full for those entitled, otherwise masked (何**)',
        resolve: (w, _a, ctx) => nameOf(ctx, w, w.requesterId),
      }),
      submittedAt: t.expose('submittedAt', { type: 'DateTime', description: '提交时间' }),
      publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true, description: '发布时间' }),
      rejectionReason: t.exposeString('rejectionReason', { nullable: true, description: '未通过原因' }),
      claimant: t.prismaField({
        type: 'Person',
        nullable: true,
        description: '认领人 (same visibility as the requester)',
        resolve: (_q, w, _a, ctx) => personOf(ctx, w, w.claimantId),
      }),
      claimantName: t.string({
        nullable: true,
        description: '认领人姓名: in full or masked, like requesterName',
        resolve: (w, _a, ctx) => (w.claimantId ? nameOf(ctx, w, w.claimantId) : null),
      }),
      organization: t.prismaField({
        type: 'Organization',
        nullable: true,
        description: "认领单位 the claimant's organisation, when they claimed on its behalf",
        resolve: (_q, w, _a, ctx) => (w.organizationId ? organizationLoader(ctx).load(w.organizationId) : null),
      }),
      claimNote: t.exposeString('claimNote', { nullable: true, description: '认领留言' }),
      claimedAt: t.expose('claimedAt', { type: 'DateTime', nullable: true, description: '认领时间' }),
      claimDueAt: t.expose('claimDueAt', {
        type: 'DateTime',
        nullable: true,
        description: '认领期限: after it the claim returns to the wall',
      }),
      fulfilledAt: t.expose('fulfilledAt', { type: 'DateTime', nullable: true, description: '兑现时间' }),
      fulfilmentNote: t.exposeString('fulfilmentNote', { nullable: true, description: '兑现说明' }),
      evidenceUrls: t.exposeStringList('evidenceUrls', { description: '兑现凭证 photos or documents' }),
      confirmedAt: t.expose('confirmedAt', { type: 'DateTime', nullable: true, description: '确认时间' }),
      thanks: t.exposeString('thanks', { nullable: true, description: '感谢留言' }),
      rating: t.exposeInt('rating', { nullable: true, description: '评价 1–5' }),
      timeline: t.relation('events', {
        maxItems: 50,
        description: '流转记录, oldest first',
        query: { take: 50, orderBy: { seq: 'asc' } },
      }),
    }),
  });

  // node(id): whoever may read the wish, and only where the module is on
  guardNode(builder, 'Wish', async (wish: Wish, ctx) => {
    if (!(await canSeeWish(ctx, wish))) return false;
    await ctx.gate.assertEnabled(MODULE_ID, wish.regionPath);
    return true;
  });

  return WishRef;
}

export type WishRef = ReturnType<typeof registerWishTypes>;
