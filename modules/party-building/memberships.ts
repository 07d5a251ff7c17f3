// 党员档案: PartyMembership nodes with their development file (steps, decisions, transfers),
// organisation rolls (members, groupMembers) and Person.partyMembership. The overdue list: overdue.ts.
import { forbidden, guardNode, type Builder, type Context } from '../../src/kit/index.js';
import { refs } from './refs.js';
import { canManageOrg, sitsOnCommitteeOf } from './access.js';
import type { PartyEnums } from './enums.js';
import { MODULE_ID } from './rules.js';

/** may this viewer read this membership's file: the person themself, or who manages the organisation */
export async function canReadMembership(
  ctx: Context,
  m: { personId: string; treePath: string; regionPath: string; organizationId: string },
) {
  if (!ctx.viewer) return false;
  if (!(await ctx.gate.isEnabledAt(MODULE_ID, m.regionPath))) return false;
  return (
    ctx.viewer.personId === m.personId ||
    canManageOrg(ctx, { id: m.organizationId, treePath: m.treePath, regionPath: m.regionPath })
  );
}

/** the roll and the overdue list: for those who manage the organisation, FORBIDDEN for anyone else */
export async function managesRoll(org: { id: string; treePath: string; regionPath: string }, ctx: Context) {
  if (!(await canManageOrg(ctx, org)))
    throw forbidden(
      '党员名册仅本组织委员会、上级党组织和辖区管理员可见 (the roll is for the committee, those above and administrators)',
    );
  return true;
}

const yuan = (fen: number | null) => (fen == null ? null : fen / 100);

export function registerMemberships(builder: Builder, enums: PartyEnums) {
  const R = refs(builder);
  const personLoad = {
    type: R.Person,
    load: (ids: string[], ctx: Context) => ctx.prisma.person.findMany({ where: { id: { in: ids } } }),
    sort: (p: { id: string }) => p.id,
  };
  builder.prismaObject('PartyDevelopmentStep', {
    description: '发展党员工作记录 谈话/考察/政审/培训/公示',
    fields: (t) => ({
      id: t.exposeID('id'),
      kind: t.expose('kind', { type: enums.StepKind }),
      at: t.field({ type: 'Date', description: '日期', resolve: (s) => s.at }),
      stage: t.expose('stage', { type: enums.Stage, description: '记录时所处阶段' }),
      hours: t.exposeFloat('hours', { nullable: true, description: '培训学时' }),
      note: t.exposeString('note', { nullable: true }),
    }),
  });

  builder.prismaObject('PartyStageDecision', {
    description: '阶段决定 (dated, with the meeting that decided it)',
    fields: (t) => ({
      id: t.exposeID('id'),
      action: t.expose('action', { type: enums.DecisionAction }),
      fromStage: t.expose('fromStage', { type: enums.Stage, nullable: true }),
      toStage: t.expose('toStage', { type: enums.Stage }),
      decidedAt: t.field({ type: 'Date', description: '决定日期', resolve: (d) => d.decidedAt }),
      meeting: t.prismaField({
        type: 'PartyMeeting',
        nullable: true,
        description: '作出决定的会议',
        resolve: (q, d, _a, ctx) =>
          d.meetingId ? ctx.prisma.partyMeeting.findUnique({ ...q, where: { id: d.meetingId } }) : null,
      }),
      note: t.exposeString('note', { nullable: true }),
    }),
  });

  builder.prismaObject('PartyMembershipTransfer', {
    description: '组织关系转接 one move of the membership',
    fields: (t) => ({
      id: t.exposeID('id'),
      at: t.field({ type: 'Date', resolve: (x) => x.at }),
      from: t.prismaField({
        type: 'PartyOrganization',
        nullable: true,
        description: '转出党组织 (null: from outside)',
        resolve: (q, x, _a, ctx) =>
          x.fromOrganizationId
            ? ctx.prisma.partyOrganization.findUnique({ ...q, where: { id: x.fromOrganizationId } })
            : null,
      }),
      to: t.prismaField({
        type: 'PartyOrganization',
        nullable: true,
        description: '转入党组织 (null: out of this deployment, see destination)',
        resolve: (q, x, _a, ctx) =>
          x.toOrganizationId
            ? ctx.prisma.partyOrganization.findUnique({ ...q, where: { id: x.toOrganizationId } })
            : null,
      }),
      destination: t.exposeString('destination', { nullable: true, description: '转往 (outside this deployment)' }),
      note: t.exposeString('note', { nullable: true }),
    }),
  });

  builder.prismaNode('PartyMembership', {
    description:
      "党员档案 a membership and its development file (the person, their organisation's committee and those " +
      'above, administrators of the area)',
    id: { field: 'id' },
    fields: (t) => ({
      person: t.loadable({ ...personLoad, description: '党员/申请人', resolve: (m) => m.personId }),
      organization: t.relation('organization', { description: '所在党组织' }),
      group: t.relation('group', { nullable: true, description: '党小组' }),
      stage: t.expose('stage', { type: enums.Stage }),
      status: t.expose('status', { type: enums.Status }),
      appliedAt: t.field({ type: 'Date', description: '递交入党申请', resolve: (m) => m.appliedAt }),
      activistAt: t.field({
        type: 'Date',
        nullable: true,
        description: '确定为入党积极分子',
        resolve: (m) => m.activistAt,
      }),
      candidateAt: t.field({
        type: 'Date',
        nullable: true,
        description: '确定为发展对象',
        resolve: (m) => m.candidateAt,
      }),
      admittedAt: t.field({
        type: 'Date',
        nullable: true,
        description: '支部大会接收为预备党员',
        resolve: (m) => m.admittedAt,
      }),
      approvedAt: t.field({ type: 'Date', nullable: true, description: '上级党委审批', resolve: (m) => m.approvedAt }),
      probationEndsAt: t.field({
        type: 'Date',
        nullable: true,
        description: '预备期满',
        resolve: (m) => m.probationEndsAt,
      }),
      probationExtendedMonths: t.exposeInt('probationExtendedMonths', {
        nullable: true,
        description: '延长预备期 (月)',
      }),
      fullAt: t.field({ type: 'Date', nullable: true, description: '转为正式党员', resolve: (m) => m.fullAt }),
      endedAt: t.field({ type: 'Date', nullable: true, resolve: (m) => m.endedAt }),
      contacts: t.loadable({
        maxItems: 10,
        ...personLoad,
        type: [R.Person],
        description: '培养联系人',
        resolve: (m) => m.contactIds,
      }),
      introducers: t.loadable({
        maxItems: 5,
        ...personLoad,
        type: [R.Person],
        description: '入党介绍人',
        resolve: (m) => m.introducerIds,
      }),
      steps: t.relation('steps', {
        maxItems: 100,
        description: '发展工作记录',
        query: { take: 100, orderBy: [{ at: 'asc' }, { createdAt: 'asc' }] },
      }),
      decisions: t.relation('decisions', {
        maxItems: 50,
        description: '阶段决定',
        query: { take: 50, orderBy: [{ decidedAt: 'asc' }, { createdAt: 'asc' }] },
      }),
      transfers: t.relation('transfers', {
        maxItems: 50,
        description: '组织关系转接记录',
        query: { take: 50, orderBy: [{ at: 'asc' }, { createdAt: 'asc' }] },
      }),
      duesCategory: t.expose('duesCategory', { type: enums.DuesCategory, nullable: true, description: '党费类别' }),
      monthlyDuesYuan: t.float({
        nullable: true,
        description: '月缴党费 (元)',
        resolve: (m) => yuan(m.monthlyDuesFen),
      }),
      incomeBaseYuan: t.float({
        nullable: true,
        description: "党费计算基数 (元): only the organisation's own committee sees it; null for everyone else",
        resolve: async (m, _a, ctx) =>
          (await sitsOnCommitteeOf(ctx, m.organizationId)) ? yuan(m.incomeBaseFen) : null,
      }),
    }),
  });
  guardNode(builder, 'PartyMembership', (m, ctx) => canReadMembership(ctx, m));

  builder.prismaObjectFields('PartyOrganization', (t) => ({
    members: t.relatedConnection('memberships', {
      description: '党员名册 people on the roll (active), optionally of one stage',
      cursor: 'id',
      totalCount: true,
      args: { stage: t.arg({ type: enums.Stage, required: false }) },
      query: (args) => ({
        where: { status: 'ACTIVE', ...(args.stage ? { stage: args.stage } : {}) },
        orderBy: [{ id: 'asc' }],
      }),
      authScopes: (org, _a, ctx) => managesRoll(org, ctx),
    }),
    groupMembers: t.relatedConnection('groupMemberships', {
      description: '党小组成员 (for a GROUP: members assigned to it)',
      cursor: 'id',
      totalCount: true,
      query: () => ({ where: { status: 'ACTIVE' }, orderBy: [{ id: 'asc' }] }),
      authScopes: (org, _a, ctx) => managesRoll(org, ctx),
    }),
  }));

  builder.prismaObjectField('Person', 'partyMembership', (t) =>
    t.loadable({
      type: R.PartyMembership,
      nullable: true,
      description:
        "党员档案 (the person themself, their organisation's committee and those above, administrators of the area)",
      load: async (personIds: string[], ctx) => {
        const rows = await ctx.prisma.partyMembership.findMany({
          where: { personId: { in: personIds }, status: 'ACTIVE' },
        });
        const visible = await Promise.all(rows.map(async (m) => ((await canReadMembership(ctx, m)) ? m : null)));
        const byPerson = new Map(visible.filter((m) => m !== null).map((m) => [m!.personId, m!]));
        return personIds.map((id) => byPerson.get(id) ?? null);
      },
      resolve: (p) => p.id,
    }),
  );
}
