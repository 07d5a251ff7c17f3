// 涉老服务需求: collected from an elder or family (or found on a visit), assigned, done, with the
// elder's feedback. The node and the list here; the lifecycle's mutations are need-mutations.ts.
import {
  countRows,
  forbidden,
  guardNode,
  listWhere,
  managesPeopleAt,
  modelRef,
  notFound,
  parseId,
  parseOptionalId,
  readsWithinScope,
  type Builder,
  type Context,
  type ElderNeed,
  type Prisma,
} from '../../src/kit/index.js';
import { MODULE } from './constants.js';
import type { Enums } from './enums.js';

export const isAssignee = (ctx: Context, n: ElderNeed) =>
  !!ctx.viewer &&
  ((!!n.assigneeAccountId && n.assigneeAccountId === ctx.viewer.accountId) ||
    (!!n.assigneeOrganizationId && n.assigneeOrganizationId === ctx.viewer.organizationId));

/** the person, workers/admins of their community, and whoever the need is assigned to */
const readsDetail = (ctx: Context, n: ElderNeed) =>
  ctx.viewer?.personId === n.personId || managesPeopleAt(ctx.viewer, n.regionPath) || isAssignee(ctx, n);

export async function loadNeed(ctx: Context, globalId: string | number, path: string) {
  const n = await ctx.prisma.elderNeed.findUnique({ where: { id: parseId(String(globalId), 'ElderNeed', path) } });
  if (!n) throw notFound('需求 need');
  return n;
}

export function registerNeeds(builder: Builder, E: Enums) {
  const Feedback = builder
    .objectRef<{ satisfaction: number; comment: string | null; at: Date }>('ElderNeedFeedback')
    .implement({
      description: "老人评价 the elder's feedback on a done need",
      fields: (t) => ({
        satisfaction: t.exposeInt('satisfaction', { description: '满意度 1–5' }),
        comment: t.exposeString('comment', { nullable: true }),
        at: t.field({ type: 'DateTime', resolve: (f) => f.at }),
      }),
    });

  builder.prismaNode('ElderNeed', {
    description: '涉老服务需求 an elder-service need',
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
      scopeWhere = { AND: [scopeWhere, await listWhere(ctx, MODULE, { base: '/' })] };
    } else if (personId && personId === viewer.personId) {
      scopeWhere = await listWhere(ctx, MODULE, { base: '/' });
    } else {
      if (!readsWithinScope(viewer)) throw forbidden('无权查看需求列表');
      scopeWhere = await listWhere(ctx, MODULE, { regionId: f?.regionId });
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
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description:
        '涉老服务需求 newest first (readers within their area; assignees; a person their own). ' +
        'Descriptions only for those entitled.',
      type: 'ElderNeed',
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.elderNeed.findMany({
          ...query,
          where: await where(ctx, args.filter),
          orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'ElderNeed', await where(ctx, args.filter)),
    }),
  );
}
