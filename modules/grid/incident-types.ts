// 事件: the Incident node (deadline, overdue, timeline, departments, Open311 mapping) and the
// `incidents` / `incident` queries.
import {
  guardNode,
  managesPerson,
  organizationLoader,
  regionLoader,
  shownName,
  type Builder,
  type Context,
  type Incident,
} from '../../src/kit/index.js';
import { MODULE } from './access.js';
import { OPEN_STATUSES, type GridEnums } from './enums.js';
import { serviceRequest } from './open311-format.js';
import { showsReporter } from './incident-follow.js';
import { canSeeIncident } from './incident-visibility.js';
import { refs } from './refs.js';

export const isOverdue = (i: Pick<Incident, 'deadline' | 'status'>, now: Date) =>
  !!i.deadline && OPEN_STATUSES.includes(i.status) && i.deadline.getTime() < now.getTime();

const loadOrgs = async (ids: string[], ctx: Context) => {
  const rows = await ctx.prisma.organization.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((o) => [o.id, o]));
  return ids.map((id) => byId.get(id) ?? null);
};

interface ActorShape {
  role: string;
  name: string | null;
  organizationId: string | null;
}

/** who acted: role and organisation always; the name in full for those who manage the person, else masked */
const loadActors = async (ids: string[], ctx: Context): Promise<(ActorShape | null)[]> => {
  const person = { select: { id: true, name: true, homePath: true } };
  const rows = await ctx.prisma.account.findMany({ where: { id: { in: ids } }, include: { person } });
  const byId = new Map(rows.map((a) => [a.id, a]));
  return ids.map((id) => {
    const a = byId.get(id);
    if (!a) return null;
    return {
      role: a.role,
      organizationId: a.organizationId,
      name: a.person && shownName(ctx.viewer, a.person, a.person.name),
    };
  });
};

export function registerIncidentTypes(builder: Builder, E: GridEnums) {
  const R = refs(builder);
  const Actor = builder.objectRef<ActorShape>('IncidentActor').implement({
    description: '经办人 who acted (names masked for residents following an incident)',
    fields: (t) => ({
      role: t.string({ description: '角色 Role of the account (SYSTEM for the sweep)', resolve: (a) => a.role }),
      name: t.string({
        nullable: true,
        description: '姓名 (in full for those who manage the person, else the surname only)',
        resolve: (a) => a.name,
      }),
      organization: t.loadable({
        type: R.Organization,
        nullable: true,
        load: loadOrgs,
        resolve: (a) => a.organizationId,
      }),
    }),
  });

  builder.prismaObject('IncidentEntry', {
    description: '时间线 one step of an incident: who, when, from, to, note, attachments',
    fields: (t) => ({
      id: t.exposeID('id'),
      at: t.field({ type: 'DateTime', description: '时间', resolve: (e) => e.at }),
      kind: t.field({ type: E.IncidentEntryKind, resolve: (e) => e.kind }),
      from: t.field({ type: E.IncidentStatus, nullable: true, description: '原状态', resolve: (e) => e.fromStatus }),
      to: t.field({ type: E.IncidentStatus, description: '新状态', resolve: (e) => e.toStatus }),
      note: t.exposeString('note', { nullable: true, description: '说明' }),
      attachmentUrls: t.exposeStringList('attachmentUrls', { description: '附件' }),
      level: t.field({
        type: E.SupervisionLevel,
        nullable: true,
        description: '督办层级 after a SUPERVISION step',
        resolve: (e) => e.level,
      }),
      actor: t.loadable({
        type: Actor,
        nullable: true,
        description: '经办人 (null: the system sweep)',
        load: loadActors,
        resolve: (e) => e.actorAccountId,
      }),
      actorRole: t.string({ description: '经办角色', resolve: (e) => e.actorRole ?? 'SYSTEM' }),
      department: t.loadable({
        type: R.Organization,
        nullable: true,
        description: '相关部门',
        load: loadOrgs,
        resolve: (e) => e.departmentId,
      }),
    }),
  });

  builder.prismaObject('IncidentDepartment', {
    description: '吹哨部门 a department the incident was escalated to',
    fields: (t) => ({
      role: t.field({ type: E.DepartmentRole, description: '主办/协办', resolve: (d) => d.role }),
      notifiedAt: t.field({ type: 'DateTime', resolve: (d) => d.notifiedAt }),
      reportInDueAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: '报到时限',
        resolve: (d) => d.reportInDueAt,
      }),
      reportedInAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: '报到时间',
        resolve: (d) => d.reportedInAt,
      }),
      organization: t.loadable({
        type: R.Organization,
        load: async (ids: string[], ctx: Context) => (await loadOrgs(ids, ctx)) as never,
        resolve: (d) => d.organizationId,
      }),
    }),
  });

  const Location = builder.objectRef<{ latitude: number; longitude: number }>('IncidentLocation').implement({
    description: '位置 WGS-84',
    fields: (t) => ({
      latitude: t.float({ resolve: (l) => l.latitude }),
      longitude: t.float({ resolve: (l) => l.longitude }),
    }),
  });

  builder.prismaNode('Incident', {
    description: '事件: 网格发现 → 村社接报 → 街乡吹哨 → 部门报到 → 处置反馈 → 核查结案',
    id: { field: 'id' },
    fields: (t) => ({
      title: t.exposeString('title', { description: '标题' }),
      description: t.exposeString('description', { description: '描述' }),
      category: t.field({ type: E.IncidentCategory, resolve: (i) => i.category }),
      priority: t.field({ type: E.IncidentPriority, resolve: (i) => i.priority }),
      status: t.field({ type: E.IncidentStatus, resolve: (i) => i.status }),
      location: t.field({
        type: Location,
        nullable: true,
        resolve: (i) =>
          i.latitude != null && i.longitude != null ? { latitude: i.latitude, longitude: i.longitude } : null,
      }),
      occurredAt: t.field({ type: 'DateTime', description: '发生时间', resolve: (i) => i.occurredAt }),
      reportedAt: t.field({ type: 'DateTime', description: '上报时间', resolve: (i) => i.reportedAt }),
      attachmentUrls: t.exposeStringList('attachmentUrls', { description: '附件' }),
      grid: t.relation('grid', {
        nullable: true,
        description: "网格 (null: a resident's report outside a known grid)",
      }),
      community: t.loadable({
        type: R.Region,
        description: '社区/村',
        load: async (ids: string[], ctx: Context) => {
          const rows = await ctx.prisma.region.findMany({ where: { id: { in: ids } } });
          const byId = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => byId.get(id)!);
        },
        resolve: (i) => i.communityId,
      }),
      reporter: t.loadable({
        type: Actor,
        nullable: true,
        description:
          '上报人 (网格员 or the resident; null when a resident asked to stay anonymous, ' +
          'except to them and those who manage the area)',
        load: loadActors,
        resolve: (i, _a, ctx) => (showsReporter(ctx, i) ? i.reporterAccountId : null),
      }),
      resident: t.loadable({
        type: R.Person,
        nullable: true,
        description: '当事居民 (only for that person, those who manage them, and the departments handling it)',
        load: async (ids: string[], ctx: Context) => {
          const rows = await ctx.prisma.person.findMany({ where: { id: { in: ids } } });
          const byId = new Map(rows.map((p) => [p.id, p]));
          return ids.map((id) => {
            const p = byId.get(id);
            return p && (managesPerson(ctx.viewer, p) || ctx.viewer?.role === 'DEPARTMENT_STAFF') ? p : null;
          });
        },
        // an anonymous reporter who is also the resident concerned stays hidden here too
        resolve: (i, _a, ctx) =>
          i.hideReporter && i.residentId === i.reporterPersonId && !showsReporter(ctx, i) ? null : i.residentId,
      }),
      household: t.relation('household', {
        nullable: true,
        description: '相关户 (address masked unless you manage the community)',
      }),
      deadline: t.field({
        type: 'DateTime',
        nullable: true,
        description: '当前环节时限 deadline of the current stage (set when it started)',
        resolve: (i) => i.deadline,
      }),
      overdue: t.boolean({
        description: '是否超期 derived at read time from the deadline',
        resolve: (i, _a, ctx) => isOverdue(i, ctx.clock.now()),
      }),
      acceptDeadline: t.field({ type: 'DateTime', description: '接报时限', resolve: (i) => i.acceptDeadline }),
      resolveDueAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: '办结时限',
        resolve: (i) => i.resolveDueAt,
      }),
      acceptedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.acceptedAt }),
      resolvedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.resolvedAt }),
      closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.closedAt }),
      closedOnTime: t.boolean({ nullable: true, description: '按期结案', resolve: (i) => i.closedOnTime }),
      complex: t.exposeBoolean('complex', { description: '复杂事项 (15-day limit)' }),
      supervisionLevel: t.field({
        type: E.SupervisionLevel,
        description: '督办层级',
        resolve: (i) => i.supervisionLevel,
      }),
      satisfaction: t.field({
        type: E.IncidentSatisfaction,
        nullable: true,
        description: '满意度',
        resolve: (i) => i.satisfaction,
      }),
      solved: t.boolean({ nullable: true, description: '是否解决 (回访)', resolve: (i) => i.solved }),
      reworkCount: t.exposeInt('reworkCount', { description: '返工次数' }),
      leadDepartment: t.loadable({
        type: R.Organization,
        nullable: true,
        description: '主办部门',
        load: loadOrgs,
        resolve: (i) => i.leadDepartmentId,
      }),
      departments: t.relation('departments', {
        maxItems: 50,
        description: '吹哨部门 (lead, assisting, notified)',
        query: { take: 50, orderBy: { notifiedAt: 'asc' } },
      }),
      duplicateOf: t.relation('duplicateOf', { nullable: true, description: '重复于' }),
      timeline: t.relation('timeline', {
        maxItems: 100,
        description: '时间线 every step, oldest first',
        query: { take: 100, orderBy: { seq: 'asc' } },
      }),
      open311Status: t.field({
        type: E.Open311Status,
        description: 'Open311 GeoReport v2 status: closed for CLOSED and REJECTED, else open',
        resolve: (i) => (i.status === 'CLOSED' || i.status === 'REJECTED' ? 'closed' : 'open'),
      }),
      expectedDatetime: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'Open311 expected_datetime: the resolution deadline (or the current stage deadline)',
        resolve: (i) => i.resolveDueAt ?? i.deadline,
      }),
      open311: t.field({
        type: 'JSON',
        description:
          'Open311 GeoReport v2 service request (snake_case keys as in the standard; also GET /open311/v2/requests)',
        resolve: async (i, _a, ctx) => {
          const [agency, community] = await Promise.all([
            i.leadDepartmentId ? organizationLoader(ctx).load(i.leadDepartmentId) : null,
            regionLoader(ctx).load(i.communityId),
          ]);
          return serviceRequest(i, { agency: agency?.name ?? null, community: community ?? null });
        },
      }),
    }),
  });
  guardNode(builder, 'Incident', async (i, ctx) => {
    const departments =
      ctx.viewer?.role === 'DEPARTMENT_STAFF'
        ? (await ctx.prisma.incidentDepartment.findMany({ where: { incidentId: i.id } })).map((d) => d.organizationId)
        : [];
    if (!canSeeIncident(ctx.viewer, i, departments)) return false;
    await ctx.gate.assertEnabled(MODULE, i.regionPath);
    return true;
  });
}
