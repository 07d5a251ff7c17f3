// 涉老服务需求: collected from an elder or family (or found on a visit), assigned, done, with the
// elder's feedback. OPEN → ASSIGNED → DONE, or CANCELLED before DONE; every change is conditional.
import {
  ACTORS,
  AppError,
  Checks,
  forbidden,
  guardNode,
  invalidTransition,
  MANAGERS,
  managesPeopleAt,
  managesPerson,
  modelRef,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  readsWithinScope,
  SELF_OR_MANAGERS,
  type Builder,
  type Context,
  type ElderNeed,
  type Prisma,
} from '../../src/kit/index.js';
import { listScope, readable } from './access.js';
import { MODULE, SUB } from './constants.js';
import type { Enums } from './enums.js';

const isAssignee = (ctx: Context, n: ElderNeed) =>
  !!ctx.viewer &&
  ((!!n.assigneeAccountId && n.assigneeAccountId === ctx.viewer.accountId) ||
    (!!n.assigneeOrganizationId && n.assigneeOrganizationId === ctx.viewer.organizationId));

/** the person, workers/admins of their community, and whoever the need is assigned to */
const readsDetail = (ctx: Context, n: ElderNeed) =>
  ctx.viewer?.personId === n.personId || managesPeopleAt(ctx.viewer, n.regionPath) || isAssignee(ctx, n);

async function loadNeed(ctx: Context, globalId: string | number, path: string) {
  const n = await ctx.prisma.elderNeed.findUnique({ where: { id: parseId(String(globalId), 'ElderNeed', path) } });
  if (!n) throw notFound('需求 need');
  return n;
}

export function registerNeeds(builder: Builder, E: Enums) {
  const Feedback = builder
    .objectRef<{ satisfaction: number; comment: string | null; at: Date }>('ElderNeedFeedback')
    .implement({
      description: "老人评价 the elder's feedback on a done need",
      subGraphs: SUB,
      fields: (t) => ({
        satisfaction: t.exposeInt('satisfaction', { description: '满意度 1–5' }),
        comment: t.exposeString('comment', { nullable: true }),
        at: t.field({ type: 'DateTime', resolve: (f) => f.at }),
      }),
    });

  builder.prismaNode('ElderNeed', {
    description: '涉老服务需求 an elder-service need',
    subGraphs: SUB,
    id: { field: 'id' },
    fields: (t) => ({
      person: t.loadable({
        type: modelRef(builder, 'Person'),
        load: (ids: string[], ctx) => ctx.prisma.person.findMany({ where: { id: { in: ids } } }),
        sort: (p) => p.id,
        resolve: (n) => n.personId,
      }),
      kind: t.expose('kind', { type: E.NeedKind }),
      channel: t.expose('channel', { type: E.NeedChannel }),
      description: t.string({
        nullable: true,
        description: '描述 (the person, workers of their community and the assignee only)',
        resolve: (n, _a, ctx) => (readsDetail(ctx, n) ? n.description : null),
      }),
      status: t.expose('status', { type: E.NeedStatus }),
      submittedAt: t.field({ type: 'DateTime', resolve: (n) => n.submittedAt }),
      assigneeName: t.exposeString('assigneeName', { nullable: true, description: '承办人' }),
      assigneeOrganization: t.loadable({
        type: modelRef(builder, 'Organization'),
        nullable: true,
        description: '承办单位',
        load: (ids: string[], ctx) => ctx.prisma.organization.findMany({ where: { id: { in: ids } } }),
        sort: (o) => o.id,
        resolve: (n) => n.assigneeOrganizationId,
      }),
      assignedAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.assignedAt }),
      doneAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.doneAt }),
      result: t.string({
        nullable: true,
        description: '办理结果',
        resolve: (n, _a, ctx) => (readsDetail(ctx, n) ? n.result : null),
      }),
      feedback: t.field({
        type: Feedback,
        nullable: true,
        resolve: (n) =>
          n.feedbackSatisfaction == null
            ? null
            : { satisfaction: n.feedbackSatisfaction, comment: n.feedbackComment, at: n.feedbackAt! },
      }),
      fromVisit: t.boolean({
        description: '探访中发现 opened by an urgent visit finding',
        resolve: (n) => !!n.sourceVisitId,
      }),
    }),
  });
  guardNode(
    builder,
    'ElderNeed',
    async (n, ctx) =>
      (await ctx.gate.isEnabledAt(MODULE, n.regionPath)) &&
      (readsDetail(ctx, n) || (readsWithinScope(ctx.viewer) && n.regionPath.startsWith(ctx.viewer.regionPath))),
  );

  const Filter = builder.inputType('ElderNeedFilter', {
    subGraphs: SUB,
    fields: (t) => ({
      regionId: t.id({ required: false }),
      status: t.field({ type: E.NeedStatus, required: false }),
      kind: t.field({ type: E.NeedKind, required: false }),
      personId: t.id({ required: false }),
      assignedToMe: t.boolean({
        required: false,
        description: '分派给我或我的单位的 assigned to me or my organisation',
      }),
    }),
  });

  const where = async (
    ctx: Context,
    f: typeof Filter.$inferInput | null | undefined,
  ): Promise<Prisma.ElderNeedWhereInput> => {
    const viewer = ctx.viewer;
    if (!viewer) throw forbidden('请先登录');
    const personId = parseOptionalId(f?.personId == null ? null : String(f.personId), 'Person', 'filter.personId');
    let scopeWhere: Prisma.ElderNeedWhereInput;
    if (f?.assignedToMe) {
      scopeWhere = {
        OR: [
          { assigneeAccountId: viewer.accountId },
          ...(viewer.organizationId ? [{ assigneeOrganizationId: viewer.organizationId }] : []),
        ],
      };
      scopeWhere = { AND: [scopeWhere, await readable(ctx, '/')] };
    } else if (personId && personId === viewer.personId) {
      scopeWhere = await readable(ctx, '/');
    } else {
      if (!readsWithinScope(viewer)) throw forbidden('无权查看需求列表');
      scopeWhere = await readable(ctx, await listScope(ctx, f?.regionId));
    }
    return {
      AND: [
        scopeWhere,
        personId ? { personId } : {},
        f?.status ? { status: f.status } : {},
        f?.kind ? { kind: f.kind } : {},
      ],
    };
  };

  builder.queryField('elderNeeds', (t) =>
    t.prismaConnection({
      subGraphs: SUB,
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description:
        '涉老服务需求 newest first (readers within their area; assignees; a person their own). Descriptions only for those entitled.',
      type: 'ElderNeed',
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.elderNeed.findMany({
          ...query,
          where: await where(ctx, args.filter),
          orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
        }),
      totalCount: async (_c, args, ctx) => ctx.prisma.elderNeed.count({ where: await where(ctx, args.filter) }),
    }),
  );

  const SubmitInput = builder.inputType('SubmitElderNeedInput', {
    subGraphs: SUB,
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
    subGraphs: SUB,
    fields: (t) => ({
      needId: t.id({ required: true }),
      assigneeAccountId: t.id({ required: false, description: '承办人账号 Account id' }),
      organizationId: t.id({ required: false, description: '承办单位 Organization id' }),
      assigneeName: t.string({ required: false, description: '承办人姓名 (e.g. a volunteer without an account)' }),
    }),
  });
  const CompleteInput = builder.inputType('CompleteElderNeedInput', {
    subGraphs: SUB,
    fields: (t) => ({
      needId: t.id({ required: true }),
      result: t.string({ required: true, description: '办理结果' }),
    }),
  });
  const FeedbackInput = builder.inputType('RecordElderNeedFeedbackInput', {
    subGraphs: SUB,
    fields: (t) => ({
      needId: t.id({ required: true }),
      satisfaction: t.int({ required: true, description: '1–5' }),
      comment: t.string({ required: false }),
    }),
  });
  const CancelInput = builder.inputType('CancelElderNeedInput', {
    subGraphs: SUB,
    fields: (t) => ({ needId: t.id({ required: true }), reason: t.string({ required: true }) }),
  });
  const NeedPayload = (name: string) => payloadType(builder, name, 'need', 'ElderNeed', { subGraphs: SUB });

  /** conditional transition: only from the state we read, else INVALID_TRANSITION; nothing else changes */
  async function transition(
    ctx: Context,
    n: ElderNeed,
    from: ElderNeed['status'][],
    data: Prisma.ElderNeedUpdateManyMutationInput,
    action: string,
    extra: Record<string, unknown> = {},
  ) {
    if (!from.includes(n.status))
      throw invalidTransition(`需求状态为 ${n.status}，不允许此操作 (not allowed from ${n.status})`);
    await ctx.gate.assertEnabled(MODULE, n.regionPath);
    return ctx.prisma.$transaction(async (tx) => {
      const done = await tx.elderNeed.updateMany({
        where: { id: n.id, status: n.status, version: n.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (done.count !== 1) throw invalidTransition('需求已被他人处理 (changed meanwhile)');
      await ctx.audit(tx, {
        action,
        entityType: 'ElderNeed',
        entityId: n.id,
        regionPath: n.regionPath,
        data: { from: n.status, ...extra },
      });
      return tx.elderNeed.findUniqueOrThrow({ where: { id: n.id } });
    });
  }

  builder.mutationFields((t) => ({
    submitElderNeed: t.field({
      subGraphs: SUB,
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
        await ctx.gate.assertEnabled(MODULE, person.homePath);
        const self = ctx.viewer!.personId === person.id;
        const need = await ctx.prisma.$transaction(async (tx) => {
          const recipient = await tx.careRecipient.findUnique({ where: { personId: person.id }, select: { id: true } });
          const n = await tx.elderNeed.create({
            data: {
              personId: person.id,
              recipientId: recipient?.id ?? null,
              communityId: person.homeCommunityId!,
              regionPath: person.homePath,
              kind: input.kind,
              channel: input.channel ?? (self ? 'ONLINE' : 'IN_PERSON'),
              description: input.description.trim(),
              submittedById: ctx.viewer!.accountId,
              submittedAt: ctx.clock.now(),
            },
          });
          await ctx.audit(tx, {
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
      subGraphs: SUB,
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
        const need = await transition(
          ctx,
          n,
          ['OPEN', 'ASSIGNED'],
          {
            status: 'ASSIGNED',
            assignedAt: ctx.clock.now(),
            assigneeAccountId: accountId,
            assigneeOrganizationId: organizationId ?? account?.organizationId ?? null,
            assigneeName: input.assigneeName?.trim() || account?.person?.name || account?.username || null,
          },
          'elderCare.need.assign',
          { accountId, organizationId },
        );
        return { need };
      },
    }),
    completeElderNeed: t.field({
      subGraphs: SUB,
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
        const need = await transition(
          ctx,
          n,
          ['ASSIGNED'],
          { status: 'DONE', doneAt: ctx.clock.now(), result: input.result.trim() },
          'elderCare.need.done',
        );
        return { need };
      },
    }),
    recordElderNeedFeedback: t.field({
      subGraphs: SUB,
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
        const need = await transition(
          ctx,
          n,
          ['DONE'],
          {
            feedbackSatisfaction: input.satisfaction,
            feedbackComment: input.comment?.trim() || null,
            feedbackAt: ctx.clock.now(),
          },
          'elderCare.need.feedback',
          { satisfaction: input.satisfaction },
        );
        return { need };
      },
    }),
    cancelElderNeed: t.field({
      subGraphs: SUB,
      policy: { roles: MANAGERS, scope: { record: 'ElderNeed', id: 'input.needId' } },
      description: '撤销需求 OPEN/ASSIGNED → CANCELLED (workers and admins of the community)',
      type: NeedPayload('CancelElderNeedPayload'),
      errors: {},
      args: { input: t.arg({ type: CancelInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.reason, 'input.reason', { max: 200 }).throwIfAny();
        const n = await loadNeed(ctx, input.needId, 'input.needId');
        if (!managesPeopleAt(ctx.viewer, n.regionPath)) throw forbidden('只有该社区的工作人员或上级管理员可以撤销');
        const need = await transition(
          ctx,
          n,
          ['OPEN', 'ASSIGNED'],
          { status: 'CANCELLED', cancelledAt: ctx.clock.now(), result: input.reason.trim() },
          'elderCare.need.cancel',
        );
        return { need };
      },
    }),
  }));
}
