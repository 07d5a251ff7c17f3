// 涉老服务需求 mutations: submit, then the need's lifecycle (lifecycles.ts): assign, complete, rate,
// cancel. Every change is the lifecycle's conditional update on (status, version): an illegal move is
// INVALID_TRANSITION, a lost race CONFLICT.
import {
  ACTORS,
  AppError,
  Checks,
  forbidden,
  MANAGERS,
  managesPeopleAt,
  managesPerson,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  SELF_OR_MANAGERS,
  write,
  type ApplyOptions,
  type Builder,
  type Context,
  type ElderNeed,
} from '../../src/kit/index.js';
import { named } from './access.js';
import { MODULE } from './constants.js';
import type { Enums } from './enums.js';
import { NEED_AUDIT, NEED_RACE, needLifecycle } from './lifecycles.js';
import { isAssignee, loadNeed } from './needs.js';

type NeedAction = 'ASSIGN' | 'DONE' | 'FEEDBACK' | 'CANCEL';

/**
 * One transition of a need: INVALID_TRANSITION before the switch is checked (as before the kit), then
 * the lifecycle's conditional update in a write unit; `options` gets the unit's time.
 */
async function transition(ctx: Context, n: ElderNeed, action: NeedAction, options: (now: Date) => ApplyOptions) {
  needLifecycle.assert(n, action);
  return write(ctx, { module: MODULE, regionPath: n.regionPath }, (unit) =>
    needLifecycle.apply(named(ctx, unit, NEED_AUDIT), ctx, n, action, {
      ...options(unit.now),
      conflictMessage: NEED_RACE,
    }),
  );
}

export function registerNeedMutations(builder: Builder, E: Enums) {
  const SubmitInput = builder.inputType('SubmitElderNeedInput', {
    fields: (t) => ({
      personId: t.id({ required: true }),
      kind: t.field({ type: E.NeedKind, required: true }),
      description: t.string({ required: true }),
      channel: t.field({
        type: E.NeedChannel,
        required: false,
        description: 'default ONLINE for the person, IN_PERSON for workers',
      }),
    }),
  });
  const AssignInput = builder.inputType('AssignElderNeedInput', {
    fields: (t) => ({
      needId: t.id({ required: true }),
      assigneeAccountId: t.id({ required: false, description: '承办人账号 Account id' }),
      organizationId: t.id({ required: false, description: '承办单位 Organization id' }),
      assigneeName: t.string({ required: false, description: '承办人姓名 (e.g. a volunteer without an account)' }),
    }),
  });
  const CompleteInput = builder.inputType('CompleteElderNeedInput', {
    fields: (t) => ({
      needId: t.id({ required: true }),
      result: t.string({ required: true, description: '办理结果' }),
    }),
  });
  const FeedbackInput = builder.inputType('RecordElderNeedFeedbackInput', {
    fields: (t) => ({
      needId: t.id({ required: true }),
      satisfaction: t.int({ required: true, description: '1–5' }),
      comment: t.string({ required: false }),
    }),
  });
  const CancelInput = builder.inputType('CancelElderNeedInput', {
    fields: (t) => ({ needId: t.id({ required: true }), reason: t.string({ required: true }) }),
  });
  const NeedPayload = (name: string) => payloadType(builder, name, 'need', 'ElderNeed');

  builder.mutationFields((t) => ({
    submitElderNeed: t.field({
      policy: {
        roles: SELF_OR_MANAGERS,
        scope: { record: 'Person', id: 'input.personId' },
        relation: 'a member or resident for themself only',
      },
      description: '提交涉老服务需求 (the elder, or workers and admins of their community)',
      type: NeedPayload('SubmitElderNeedPayload'),
      errors: {},
      args: { input: t.arg({ type: SubmitInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.description, 'input.description', { max: 500 }).throwIfAny();
        const person = await ctx.prisma.person.findUnique({
          where: { id: parseId(String(input.personId), 'Person', 'input.personId') },
        });
        if (!person) throw notFound('居民 person');
        if (!managesPerson(ctx.viewer, person))
          throw forbidden('本人或其社区工作人员可以提交 (the elder or workers of their community)');
        if (!person.homeCommunityId)
          throw new AppError('PRECONDITION_FAILED', '该居民没有居住社区 (no home community)');
        const self = ctx.viewer!.personId === person.id;
        const need = await write(ctx, { module: MODULE, regionPath: person.homePath }, async (unit) => {
          const w = named(ctx, unit);
          const recipient = await w.tx.careRecipient.findUnique({
            where: { personId: person.id },
            select: { id: true },
          });
          const n = await w.tx.elderNeed.create({
            data: {
              personId: person.id,
              recipientId: recipient?.id ?? null,
              communityId: person.homeCommunityId!,
              regionPath: person.homePath,
              kind: input.kind,
              channel: input.channel ?? (self ? 'ONLINE' : 'IN_PERSON'),
              description: input.description.trim(),
              submittedById: ctx.viewer!.accountId,
              submittedAt: w.now,
            },
          });
          await w.audit({
            action: 'elderCare.need.submit',
            entityType: 'ElderNeed',
            entityId: n.id,
            regionPath: n.regionPath,
            data: { kind: n.kind },
          });
          return n;
        });
        return { need };
      },
    }),
    assignElderNeed: t.field({
      policy: { roles: MANAGERS, scope: { record: 'ElderNeed', id: 'input.needId' } },
      description: '分派需求 OPEN/ASSIGNED → ASSIGNED (workers and admins of the community)',
      type: NeedPayload('AssignElderNeedPayload'),
      errors: {},
      args: { input: t.arg({ type: AssignInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const accountId = parseOptionalId(
          input.assigneeAccountId == null ? null : String(input.assigneeAccountId),
          'Account',
          'input.assigneeAccountId',
        );
        const organizationId = parseOptionalId(
          input.organizationId == null ? null : String(input.organizationId),
          'Organization',
          'input.organizationId',
        );
        new Checks()
          .text(input.assigneeName, 'input.assigneeName', { max: 40, required: false })
          .check(
            accountId || organizationId || input.assigneeName?.trim(),
            'input',
            '请指定承办人或承办单位 (an assignee is required)',
          )
          .throwIfAny();
        const n = await loadNeed(ctx, input.needId, 'input.needId');
        if (!managesPeopleAt(ctx.viewer, n.regionPath)) throw forbidden('只有该社区的工作人员或上级管理员可以分派');
        const account = accountId
          ? await ctx.prisma.account.findUnique({ where: { id: accountId }, include: { person: true } })
          : null;
        if (accountId && !account) throw notFound('承办人账号 account');
        if (
          organizationId &&
          !(await ctx.prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true } }))
        )
          throw notFound('承办单位 organization');
        const need = await transition(ctx, n, 'ASSIGN', (now) => ({
          data: {
            assignedAt: now,
            assigneeAccountId: accountId,
            assigneeOrganizationId: organizationId ?? account?.organizationId ?? null,
            assigneeName: input.assigneeName?.trim() || account?.person?.name || account?.username || null,
          },
          audit: { accountId, organizationId },
        }));
        return { need };
      },
    }),
    completeElderNeed: t.field({
      policy: {
        roles: ACTORS,
        scope: { record: 'ElderNeed', id: 'input.needId' },
        relation: 'workers of the area, or the assignee',
      },
      description: '办结需求 ASSIGNED → DONE (the assignee, or workers and admins of the community)',
      type: NeedPayload('CompleteElderNeedPayload'),
      errors: {},
      args: { input: t.arg({ type: CompleteInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.result, 'input.result', { max: 500 }).throwIfAny();
        const n = await loadNeed(ctx, input.needId, 'input.needId');
        if (!managesPeopleAt(ctx.viewer, n.regionPath) && !isAssignee(ctx, n))
          throw forbidden('承办人或社区工作人员可以办结');
        const need = await transition(ctx, n, 'DONE', (now) => ({
          data: { doneAt: now, result: input.result.trim() },
        }));
        return { need };
      },
    }),
    recordElderNeedFeedback: t.field({
      policy: {
        roles: SELF_OR_MANAGERS,
        scope: { record: 'ElderNeed', id: 'input.needId' },
        relation: 'a member or resident for themself only',
      },
      description: '老人评价 on a DONE need, once (the elder, or a worker recording it for them)',
      type: NeedPayload('RecordElderNeedFeedbackPayload'),
      errors: {},
      args: { input: t.arg({ type: FeedbackInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .check(
            Number.isInteger(input.satisfaction) && input.satisfaction >= 1 && input.satisfaction <= 5,
            'input.satisfaction',
            '应为 1–5',
          )
          .text(input.comment, 'input.comment', { max: 300, required: false })
          .throwIfAny();
        const n = await loadNeed(ctx, input.needId, 'input.needId');
        if (ctx.viewer?.personId !== n.personId && !managesPeopleAt(ctx.viewer, n.regionPath))
          throw forbidden('本人或其社区工作人员可以评价');
        if (n.feedbackAt) throw new AppError('CONFLICT', '已评价 (feedback already given)');
        const need = await transition(ctx, n, 'FEEDBACK', (now) => ({
          data: {
            feedbackSatisfaction: input.satisfaction,
            feedbackComment: input.comment?.trim() || null,
            feedbackAt: now,
          },
          audit: { satisfaction: input.satisfaction },
        }));
        return { need };
      },
    }),
    cancelElderNeed: t.field({
      policy: { roles: MANAGERS, scope: { record: 'ElderNeed', id: 'input.needId' } },
      description: '撤销需求 OPEN/ASSIGNED → CANCELLED (workers and admins of the community)',
      type: NeedPayload('CancelElderNeedPayload'),
      errors: {},
      args: { input: t.arg({ type: CancelInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { max: 200 }).throwIfAny();
        const n = await loadNeed(ctx, input.needId, 'input.needId');
        if (!managesPeopleAt(ctx.viewer, n.regionPath)) throw forbidden('只有该社区的工作人员或上级管理员可以撤销');
        const need = await transition(ctx, n, 'CANCEL', (now) => ({
          data: { cancelledAt: now, result: input.reason.trim() },
        }));
        return { need };
      },
    }),
  }));
}
