// 四议两公开 VillageDecision: the village decision procedure with each step's date, attendance and votes.
// Decisions carry no personal information (votes are counts): anyone logged in reads those of their area.
import {
  guardNode,
  listWhere,
  mustLoad,
  regionLoader,
  within,
  type Builder,
  type Prisma,
} from '../../src/kit/index.js';
import { partyOrgLoader } from './access.js';
import { MODULE_ID, type Enums } from './model.js';

export function registerDecisionTypes(builder: Builder, enums: Enums) {
  builder.prismaObject('VillageDecisionStep', {
    description: '一步 one step of 四议两公开: date, attendance and votes',
    fields: (t) => ({
      status: t.expose('toStatus', { type: enums.DecisionStatus, description: '到达的步骤' }),
      meetingKind: t.string({
        nullable: true,
        description: '会议类别 (a VillageMeetingKind value; null for publications and rejections)',
        resolve: (s) => s.meetingKind,
      }),
      heldOn: t.expose('heldOn', { type: 'Date', description: '日期' }),
      members: t.exposeInt('members', { nullable: true, description: '应到人数' }),
      present: t.exposeInt('present', { nullable: true, description: '实到人数' }),
      households: t.exposeInt('households', { nullable: true, description: '总户数 (村民会议)' }),
      householdsRepresented: t.exposeInt('householdsRepresented', { nullable: true, description: '到会户代表' }),
      votesFor: t.exposeInt('votesFor', { nullable: true, description: '赞成' }),
      votesAgainst: t.exposeInt('votesAgainst', { nullable: true, description: '反对' }),
      abstentions: t.exposeInt('abstentions', { nullable: true, description: '弃权' }),
      note: t.exposeString('note', { nullable: true, description: '说明' }),
    }),
  });

  const Decision = builder.prismaNode('VillageDecision', {
    description: '四议两公开 事项 a village matter decided by the 4+2 procedure, strictly in order',
    id: { field: 'id' },
    fields: (t) => ({
      title: t.exposeString('title', { description: '事项' }),
      content: t.exposeString('content', { description: '内容' }),
      community: t.prismaField({
        type: 'Region',
        description: '村',
        resolve: (_q, d, _a, ctx) => mustLoad(regionLoader(ctx), d.communityId, 'region'),
      }),
      proposedBy: t.string({
        description: '提议的党组织 (party-building)',
        resolve: async (d, _a, ctx) => (await partyOrgLoader(ctx).load(d.partyOrgId))?.name ?? '',
      }),
      status: t.expose('status', { type: enums.DecisionStatus, description: '进度' }),
      drill: t.exposeBoolean('drill', { description: '情景模拟演练' }),
      questionsAnswered: t.exposeInt('questionsAnswered', { description: '现场答疑数 (drills)' }),
      proposedAt: t.expose('proposedAt', { type: 'DateTime', description: '提议时间' }),
      rejectedReason: t.exposeString('rejectedReason', { nullable: true, description: '未通过原因' }),
      revisions: t.exposeInt('revisions', { description: '修改后重新提议次数' }),
      steps: t.relation('steps', {
        maxItems: 50,
        description: '步骤, oldest first',
        query: { take: 50, orderBy: { seq: 'asc' } },
      }),
      objectionCount: t.int({
        description: '异议数 objections filed against its notices',
        select: { notices: { select: { _count: { select: { objections: true } } } } } as never,
        resolve: (d) =>
          (d as unknown as { notices: { _count: { objections: number } }[] }).notices.reduce(
            (n, x) => n + x._count.objections,
            0,
          ),
      }),
    }),
  });
  guardNode(builder, 'VillageDecision', async (d, ctx) => {
    if (!ctx.viewer || !within(ctx.viewer, d.regionPath)) return false;
    await ctx.gate.assertEnabled(MODULE_ID, d.regionPath);
    return true;
  });

  const Filter = builder.inputType('VillageDecisionFilter', {
    description: '四议两公开筛选',
    fields: (t) => ({
      regionId: t.id({ required: false }),
      status: t.field({ type: enums.DecisionStatus, required: false }),
      drill: t.boolean({ required: false, description: '只看演练 (true) 或只看真实事项 (false)' }),
    }),
  });
  builder.queryField('villageDecisions', (t) =>
    t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description: '四议两公开 事项 of your area, newest first',
      type: Decision,
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, { filter }, ctx) => {
        const where: Prisma.VillageDecisionWhereInput = {
          AND: [
            (await listWhere(ctx, MODULE_ID, { regionId: filter?.regionId })) as object,
            {
              ...(filter?.status ? { status: filter.status } : {}),
              ...(filter?.drill != null ? { drill: filter.drill } : {}),
            },
          ],
        };
        return ctx.prisma.villageDecision.findMany({
          ...query,
          where,
          orderBy: [{ proposedAt: 'desc' }, { id: 'desc' }],
        });
      },
    }),
  );
  return Decision;
}

export type DecisionRef = ReturnType<typeof registerDecisionTypes>;
