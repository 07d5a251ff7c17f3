// 三会一课 and organisational life: PartyMeeting nodes with attendance and quorum, recordPartyMeeting,
// partyMeetings(filter), PartyOrganization.meetings. Meeting records (date, topic) are visible to
// logged-in non-residents of the area; minutes and attendance only to those who manage the organisation.
import {
  countRows,
  forbidden,
  guardNode,
  notFound,
  parseOptionalId,
  type Builder,
  type Context,
  type Prisma,
  mapLoader,
  viewerScope,
} from '../../src/kit/index.js';
import { refs } from './refs.js';
import { canManageOrg, seesAggregates } from './access.js';
import type { PartyEnums } from './enums.js';
import { MODULE_ID } from './rules.js';

const orgScopeOf = (ctx: Context, organizationId: string) =>
  mapLoader<{ id: string; treePath: string; regionPath: string } | null>(
    ctx,
    'party-building.orgScope',
    async (ids) => {
      const rows = await ctx.prisma.partyOrganization.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, treePath: true, regionPath: true },
      });
      return new Map(rows.map((r) => [r.id, r]));
    },
    null,
  ).load(organizationId);

async function managesMeeting(ctx: Context, meeting: { organizationId: string }) {
  const org = await orgScopeOf(ctx, meeting.organizationId);
  return !!org && canManageOrg(ctx, org);
}

export function registerMeetings(builder: Builder, enums: PartyEnums) {
  const R = refs(builder);
  builder.prismaObject('PartyMeetingAttendance', {
    description: '出席记录',
    fields: (t) => ({
      status: t.expose('status', { type: enums.Attendance }),
      person: t.loadable({
        type: R.Person,
        load: (ids: string[], ctx) => ctx.prisma.person.findMany({ where: { id: { in: ids } } }),
        sort: (p) => p.id,
        resolve: (a) => a.personId,
      }),
      organization: t.loadable({
        type: R.PartyOrganization,
        nullable: true,
        description: '出席人所在党组织',
        load: (ids: string[], ctx) => ctx.prisma.partyOrganization.findMany({ where: { id: { in: ids } } }),
        sort: (o) => o.id,
        resolve: (a) => a.organizationId,
      }),
    }),
  });

  const Summary = builder
    .objectRef<{ PRESENT: number; EXCUSED: number; ABSENT: number }>('PartyAttendanceSummary')
    .implement({
      description: '出席人数 (aggregate)',
      fields: (t) => ({
        present: t.int({ resolve: (s) => s.PRESENT }),
        excused: t.int({ resolve: (s) => s.EXCUSED }),
        absent: t.int({ resolve: (s) => s.ABSENT }),
      }),
    });
  const summaries = (ctx: Context) =>
    mapLoader(
      ctx,
      'party-building.attendanceSummary',
      async (ids) => {
        const rows = await ctx.prisma.partyMeetingAttendance.groupBy({
          by: ['meetingId', 'status'],
          where: { meetingId: { in: [...ids] } },
          _count: { _all: true },
        });
        const map = new Map<string, { PRESENT: number; EXCUSED: number; ABSENT: number }>();
        for (const r of rows) {
          const s = map.get(r.meetingId) ?? { PRESENT: 0, EXCUSED: 0, ABSENT: 0 };
          s[r.status] = r._count._all;
          map.set(r.meetingId, s);
        }
        return map;
      },
      { PRESENT: 0, EXCUSED: 0, ABSENT: 0 },
    );

  const guard = async (m: { organizationId: string }, ctx: Context) => {
    if (!(await managesMeeting(ctx, m)))
      throw forbidden(
        '出席和记录仅本组织委员会、上级党组织和辖区管理员可见 (the committee, those above and administrators)',
      );
    return true;
  };

  builder.prismaNode('PartyMeeting', {
    description: '组织生活会议 三会一课 / 主题党日 / 组织生活会 / 民主评议党员',
    id: { field: 'id' },
    fields: (t) => ({
      organization: t.relation('organization', { description: '组织者' }),
      kind: t.expose('kind', { type: enums.MeetingKind }),
      heldAt: t.expose('heldAt', { type: 'DateTime', description: '时间' }),
      place: t.exposeString('place', { description: '地点' }),
      topic: t.exposeString('topic', { description: '主题' }),
      host: t.loadable({
        type: R.Person,
        nullable: true,
        description: '主持人/主讲人',
        load: (ids: string[], ctx) => ctx.prisma.person.findMany({ where: { id: { in: ids } } }),
        sort: (p) => p.id,
        resolve: (m) => m.hostId,
      }),
      coHosts: t.field({
        maxItems: 20,
        type: [R.PartyOrganization],
        description: '联合举办的党组织 (a joint theme day across units)',
        select: { hosts: { where: { primary: false }, select: { organization: true } } },
        resolve: (m) => m.hosts.map((h) => h.organization),
      }),
      decision: t.exposeString('decision', { nullable: true, description: '决议' }),
      votingMembers: t.exposeInt('votingMembers', {
        nullable: true,
        description: '有表决权的人数 (full members; committee members for a committee meeting)',
      }),
      votingPresent: t.exposeInt('votingPresent', { nullable: true, description: '到会有表决权的人数' }),
      quorumMet: t.exposeBoolean('quorumMet', {
        nullable: true,
        description: '到会超过半数 quorum (more than half of the voting members present)',
      }),
      attendanceSummary: t.field({
        type: Summary,
        description: '出席人数',
        resolve: (m, _a, ctx) => summaries(ctx).load(m.id),
      }),
      minutes: t.string({
        nullable: true,
        description: '会议记录',
        authScopes: (m, _a, ctx) => guard(m, ctx),
        resolve: (m) => m.minutes,
      }),
      attendance: t.relation('attendance', {
        maxItems: 300,
        description: '出席记录 per member',
        query: { take: 300, orderBy: [{ status: 'asc' }, { personId: 'asc' }] },
        authScopes: (m, _a, ctx) => guard(m, ctx),
      }),
      agreement: t.prismaField({
        type: 'PartyCoBuildingAgreement',
        nullable: true,
        description: '所属共建协议',
        resolve: (q, m, _a, ctx) =>
          m.agreementId ? ctx.prisma.partyCoBuildingAgreement.findUnique({ ...q, where: { id: m.agreementId } }) : null,
      }),
    }),
  });
  guardNode(
    builder,
    'PartyMeeting',
    async (m, ctx) =>
      (await ctx.gate.isEnabledAt(MODULE_ID, m.regionPath)) &&
      (seesAggregates(ctx, m.regionPath) || managesMeeting(ctx, m)),
  );

  builder.prismaObjectField('PartyOrganization', 'meetings', (t) =>
    t.relatedConnection('meetings', {
      description: '组织的会议 (organised by it; co-hosted ones: partyMeetings(filter: { organizationId }))',
      cursor: 'id',
      totalCount: true,
      args: { kind: t.arg({ type: enums.MeetingKind, required: false }) },
      query: (args) => ({ where: args.kind ? { kind: args.kind } : {}, orderBy: [{ heldAt: 'desc' }, { id: 'asc' }] }),
      authScopes: async (o, _a, ctx) => seesAggregates(ctx, o.regionPath) || canManageOrg(ctx, o),
    }),
  );

  const Filter = builder.inputType('PartyMeetingFilter', {
    fields: (t) => ({
      organizationId: t.id({ required: false, description: '组织或联合举办的党组织' }),
      regionId: t.id({ required: false }),
      kind: t.field({ type: enums.MeetingKind, required: false }),
      from: t.field({ type: 'DateTime', required: false }),
      to: t.field({ type: 'DateTime', required: false }),
    }),
  });

  async function meetingWhere(
    ctx: Context,
    f: typeof Filter.$inferInput | null | undefined,
  ): Promise<Prisma.PartyMeetingWhereInput> {
    const v = ctx.viewer!;
    let scope = viewerScope(ctx);
    const orgId = parseOptionalId(
      f?.organizationId == null ? null : String(f.organizationId),
      'PartyOrganization',
      'filter.organizationId',
    );
    if (orgId && v.role === 'PARTY_MEMBER') {
      const org = await orgScopeOf(ctx, orgId);
      // a committee seat manages its organisation wherever it lies; the region filter still narrows
      if (org && (await canManageOrg(ctx, org))) scope = '/';
    }
    const regionId = parseOptionalId(f?.regionId == null ? null : String(f.regionId), 'Region', 'filter.regionId');
    if (regionId) {
      const region = await ctx.prisma.region.findUnique({ where: { id: regionId } });
      if (!region) throw notFound('区划 region');
      if (!region.path.startsWith(scope) && !scope.startsWith(region.path)) return { id: { in: [] } };
      if (region.path.startsWith(scope)) scope = region.path;
    }
    if (v.role === 'RESIDENT' || (v.role === 'PARTY_MEMBER' && !orgId))
      throw forbidden('会议列表: 按党组织查询 (members of a committee: filter by organisation)');
    return {
      AND: [
        await ctx.gate.readableWhere(MODULE_ID, scope, 'regionPath'),
        orgId ? { hosts: { some: { organizationId: orgId } } } : {},
        f?.kind ? { kind: f.kind } : {},
        f?.from ? { heldAt: { gte: f.from } } : {},
        f?.to ? { heldAt: { lt: f.to } } : {},
      ],
    };
  }

  builder.queryField('partyMeetings', (t) =>
    t.prismaConnection({
      policy: {
        roles: 'LOGGED_IN',
        scope: [{ region: 'filter.regionId' }, { record: 'PartyOrganization', id: 'filter.organizationId' }],
      },
      description: '会议列表 within your area (incl. meetings co-hosted by the organisation), newest first',
      type: 'PartyMeeting',
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.partyMeeting.findMany({
          ...query,
          where: await meetingWhere(ctx, args.filter),
          orderBy: [{ heldAt: 'desc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'PartyMeeting', await meetingWhere(ctx, args.filter)),
    }),
  );
}
