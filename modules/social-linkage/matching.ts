// 供需对接: matchNeed takes one place of a resource for one need, atomically. The place is taken by ONE
// conditional UPDATE inside the write's transaction ("used" < "capacity", or a new period): concurrent
// matches queue on the resource's row lock and re-check the condition, so they never exceed the capacity;
// the losers get CONFLICT (CAPACITY_EXHAUSTED) and their need stays OPEN. Engagement lifecycle:
// MATCHED → DELIVERED (the need becomes MET) → FEEDBACK.
import {
  AppError,
  Checks,
  defineLifecycle,
  guardNode,
  MANAGERS,
  notFound,
  parseId,
  payloadType,
  type Builder,
  type Context,
  type ServiceEngagement,
  write,
} from '../../src/kit/index.js';
import { ENGAGEMENT_STATUS_LABELS, MODULE_ID, periodStartOf, type EngagementStatus, type Enums } from './model.js';
import { needLifecycle } from './needs.js';
import { availableAt, servesPath } from './resources.js';
import { assertManages, readsAt, trimOrNull } from './shared.js';

export const engagementLifecycle = defineLifecycle<EngagementStatus, 'DELIVER' | 'FEEDBACK', ServiceEngagement>({
  entity: 'ServiceEngagement',
  model: 'serviceEngagement',
  states: ENGAGEMENT_STATUS_LABELS,
  transitions: {
    DELIVER: { from: ['MATCHED'], to: 'DELIVERED' },
    FEEDBACK: { from: ['DELIVERED'], to: 'FEEDBACK' },
  },
});

const FULL = '该资源本期名额已满 (no places left in this period)';

async function loadForMatch(ctx: Context, needId: string | number, resourceId: string | number) {
  const [need, resource] = await Promise.all([
    ctx.prisma.communityNeed.findUnique({ where: { id: parseId(String(needId), 'CommunityNeed', 'input.needId') } }),
    ctx.prisma.serviceResource.findUnique({
      where: { id: parseId(String(resourceId), 'ServiceResource', 'input.resourceId') },
    }),
  ]);
  if (!need || !readsAt(ctx.viewer, need.regionPath)) throw notFound('需求 need');
  await ctx.gate.assertEnabled(MODULE_ID, need.regionPath);
  assertManages(ctx, need.regionPath);
  if (!resource || !servesPath(resource, need.regionPath)) throw notFound('本社区或本乡镇的资源 resource');
  needLifecycle.assert(need, 'MATCH');
  const now = ctx.clock.now();
  if (resource.category !== need.category && resource.category !== 'OTHER')
    throw new AppError('PRECONDITION_FAILED', '资源类别与需求不符 (the resource serves another category)', {
      reason: 'CATEGORY_MISMATCH',
    });
  if (!availableAt(resource, now))
    throw new AppError('PRECONDITION_FAILED', '资源不在服务期内 (outside the availability window)', {
      reason: 'NOT_AVAILABLE',
    });
  return { need, resource };
}

export function registerMatching(builder: Builder, enums: Enums) {
  const Engagement = builder.prismaNode('ServiceEngagement', {
    description: '供需对接 one need served by one resource (one place of its capacity)',
    id: { field: 'id' },
    fields: (t) => ({
      need: t.relation('need', { description: '需求' }),
      resource: t.relation('resource', { description: '资源' }),
      status: t.expose('status', { type: enums.EngagementStatus, description: '状态' }),
      matchedAt: t.expose('matchedAt', { type: 'DateTime', description: '对接时间' }),
      deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true, description: '服务时间' }),
      deliveryNote: t.exposeString('deliveryNote', { nullable: true, description: '服务说明' }),
      feedbackAt: t.expose('feedbackAt', { type: 'DateTime', nullable: true, description: '评价时间' }),
      rating: t.exposeInt('rating', { nullable: true, description: '满意度 1–5' }),
      feedback: t.exposeString('feedback', { nullable: true, description: '评价' }),
    }),
  });
  guardNode(builder, 'ServiceEngagement', async (e: ServiceEngagement, ctx) => {
    if (!readsAt(ctx.viewer, e.regionPath)) return false;
    await ctx.gate.assertEnabled(MODULE_ID, e.regionPath);
    return true;
  });
  const payload = (name: string) => payloadType(builder, name, 'engagement', Engagement, { description: '供需对接' });

  const MatchInput = builder.inputType('MatchNeedInput', {
    description: '供需对接',
    fields: (t) => ({ needId: t.id({ required: true }), resourceId: t.id({ required: true }) }),
  });
  const DeliveryInput = builder.inputType('RecordEngagementDeliveryInput', {
    description: '记录服务完成',
    fields: (t) => ({
      engagementId: t.id({ required: true }),
      note: t.string({ required: false, description: '≤200' }),
    }),
  });
  const FeedbackInput = builder.inputType('RecordEngagementFeedbackInput', {
    description: '记录服务评价',
    fields: (t) => ({
      engagementId: t.id({ required: true }),
      rating: t.int({ required: true, description: '满意度 1–5' }),
      feedback: t.string({ required: false, description: '≤200' }),
    }),
  });

  const engagementFor = async (ctx: Context, id: string | number) => {
    const e = await ctx.prisma.serviceEngagement.findUnique({
      where: { id: parseId(String(id), 'ServiceEngagement', 'input.engagementId') },
      include: { need: true },
    });
    if (!e || !readsAt(ctx.viewer, e.regionPath)) throw notFound('对接 engagement');
    assertManages(ctx, e.regionPath);
    return e;
  };

  builder.mutationFields((t) => ({
    matchNeed: t.field({
      policy: { roles: MANAGERS, scope: { record: 'CommunityNeed', id: 'input.needId' } },
      description:
        '供需对接 (workers and admins of the need’s community): takes one place of the resource for the need, ' +
        'OPEN → MATCHED. No places left: CONFLICT with details.reason CAPACITY_EXHAUSTED; nothing changes.',
      type: payload('MatchNeedPayload'),
      errors: {},
      args: { input: t.arg({ type: MatchInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const { need, resource } = await loadForMatch(ctx, input.needId, input.resourceId);
        const engagement = await write(ctx, { module: MODULE_ID, regionPath: need.regionPath }, async (w) => {
          const start = periodStartOf(resource.period, w.now);
          // the one statement that takes a place: the row lock serialises concurrent matches on a resource
          const taken = await w.tx.$executeRaw`
            UPDATE "ServiceResource"
               SET "used" = CASE WHEN "periodStart" < ${start} THEN 1 ELSE "used" + 1 END,
                   "periodStart" = GREATEST("periodStart", ${start})
             WHERE "id" = ${resource.id} AND ("periodStart" < ${start} OR "used" < "capacity")`;
          if (taken !== 1)
            throw new AppError('CONFLICT', FULL, { reason: 'CAPACITY_EXHAUSTED', capacity: resource.capacity });
          await needLifecycle.apply(w, ctx, need, 'MATCH', {
            data: { matchedAt: w.now },
            conflictMessage: '该需求刚被对接 (the need was matched meanwhile)',
          });
          const created = await w.tx.serviceEngagement.create({
            data: {
              needId: need.id,
              resourceId: resource.id,
              regionPath: need.regionPath,
              matchedAt: w.now,
              matchedById: ctx.viewer!.accountId,
            },
          });
          await w.audit({
            action: 'engagement.match',
            entityType: 'ServiceEngagement',
            entityId: created.id,
            data: { needId: need.id, resourceId: resource.id },
          });
          return created;
        });
        return { engagement };
      },
    }),
    recordEngagementDelivery: t.field({
      policy: { roles: MANAGERS, scope: { record: 'ServiceEngagement', id: 'input.engagementId' } },
      description: '记录服务完成 (workers and admins): MATCHED → DELIVERED; the need becomes MET',
      type: payload('RecordEngagementDeliveryPayload'),
      errors: {},
      args: { input: t.arg({ type: DeliveryInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.note, 'input.note', { max: 200, required: false }).throwIfAny();
        const { need, ...e } = await engagementFor(ctx, input.engagementId);
        const updated = await write(ctx, { module: MODULE_ID, regionPath: e.regionPath }, async (w) => {
          const done = await engagementLifecycle.apply(w, ctx, e, 'DELIVER', {
            data: { deliveredAt: w.now, deliveryNote: trimOrNull(input.note) },
          });
          await needLifecycle.apply(w, ctx, need, 'MEET', { data: { metAt: w.now } });
          return done;
        });
        return { engagement: updated };
      },
    }),
    recordEngagementFeedback: t.field({
      policy: { roles: MANAGERS, scope: { record: 'ServiceEngagement', id: 'input.engagementId' } },
      description: '记录服务评价 (workers and admins, from the resident): DELIVERED → FEEDBACK',
      type: payload('RecordEngagementFeedbackPayload'),
      errors: {},
      args: { input: t.arg({ type: FeedbackInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .check(Number.isInteger(input.rating) && input.rating >= 1 && input.rating <= 5, 'input.rating', '应为 1–5')
          .text(input.feedback, 'input.feedback', { max: 200, required: false })
          .throwIfAny();
        const { need: _n, ...e } = await engagementFor(ctx, input.engagementId);
        const updated = await write(ctx, { module: MODULE_ID, regionPath: e.regionPath }, (w) =>
          engagementLifecycle.apply(w, ctx, e, 'FEEDBACK', {
            data: { feedbackAt: w.now, rating: input.rating, feedback: trimOrNull(input.feedback) },
          }),
        );
        return { engagement: updated };
      },
    }),
  }));
  return Engagement;
}
