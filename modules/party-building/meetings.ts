// 三会一课 and organisational life: PartyMeeting nodes with attendance and quorum, recordPartyMeeting,
// partyMeetings(filter), PartyOrganization.meetings. Meeting records (date, topic) are visible to
// logged-in non-residents of the area; minutes and attendance only to those who manage the organisation.
import {
  Checks,
  forbidden,
  guardNode,
  notFound,
  parseId,
  parseOptionalId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
  type Context,
  type Prisma,
  mapLoader,
  viewerScope,
} from '../../src/kit/index.js';
import { refs } from './refs.js';
import { canManageOrg, orgForWrite, seesAggregates } from './access.js';
import { failIfMissing } from './development.js';
import type { PartyEnums } from './enums.js';
import { MODULE_ID, SUB } from './rules.js';
import { partyWrite } from './unit.js';

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
    subGraphs: SUB,
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
      subGraphs: SUB,
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
    subGraphs: SUB,
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
      subGraphs: SUB,
      description: '组织的会议 (organised by it; co-hosted ones: partyMeetings(filter: { organizationId }))',
      cursor: 'id',
      totalCount: true,
      args: { kind: t.arg({ type: enums.MeetingKind, required: false }) },
      query: (args) => ({ where: args.kind ? { kind: args.kind } : {}, orderBy: [{ heldAt: 'desc' }, { id: 'asc' }] }),
      authScopes: async (o, _a, ctx) => seesAggregates(ctx, o.regionPath) || canManageOrg(ctx, o),
    }),
  );

  const Filter = builder.inputType('PartyMeetingFilter', {
    subGraphs: SUB,
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
      subGraphs: SUB,
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
      totalCount: async (_c, args, ctx) =>
        ctx.prisma.partyMeeting.count({ where: await meetingWhere(ctx, args.filter) }),
    }),
  );

  const AttendanceInput = builder.inputType('PartyAttendanceInput', {
    subGraphs: SUB,
    fields: (t) => ({
      personId: t.id({ required: true }),
      status: t.field({ type: enums.Attendance, required: true }),
    }),
  });
  const RecordInput = builder.inputType('RecordPartyMeetingInput', {
    subGraphs: SUB,
    description: '记录会议. Members of the organisation not listed in attendance are recorded ABSENT',
    fields: (t) => ({
      organizationId: t.id({ required: true, description: '组织者' }),
      kind: t.field({ type: enums.MeetingKind, required: true }),
      heldAt: t.field({ type: 'DateTime', required: true }),
      place: t.string({ required: true }),
      topic: t.string({ required: true }),
      attendance: t.field({
        type: [AttendanceInput],
        required: false,
        description: '出席 per member (present / excused / absent)',
      }),
      coHostIds: t.idList({ required: false, description: '联合举办的党组织 (joint theme day)' }),
      minutes: t.string({ required: false, description: '会议记录' }),
      hostId: t.id({ required: false, description: '主持人/主讲人 (Person)' }),
      decision: t.string({
        required: false,
        description: '决议: refused without a quorum (more than half of the voting members present)',
      }),
      agreementId: t.id({ required: false, description: '共建协议 (a joint activity under it)' }),
    }),
  });

  builder.mutationField('recordPartyMeeting', (t) =>
    t.field({
      subGraphs: SUB,
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'input.organizationId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description:
        "记录组织生活会议 with attendance and quorum (the organisation's committee, those above, administrators of the area)",
      type: payloadType(builder, 'RecordPartyMeetingPayload', 'meeting', 'PartyMeeting', { subGraphs: SUB }),
      errors: {},
      args: { input: t.arg({ type: RecordInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const attendance = (input.attendance ?? []).map((a, i) => ({
          personId: parseId(String(a.personId), 'Person', `input.attendance.${i}.personId`),
          status: a.status as 'PRESENT' | 'EXCUSED' | 'ABSENT',
        }));
        const coHostIds = [
          ...new Set(
            (input.coHostIds ?? []).map((id, i) => parseId(String(id), 'PartyOrganization', `input.coHostIds.${i}`)),
          ),
        ];
        new Checks()
          .text(input.place, 'input.place', { max: 100 })
          .text(input.topic, 'input.topic', { max: 200 })
          .text(input.minutes, 'input.minutes', { max: 20000, required: false })
          .text(input.decision, 'input.decision', { max: 2000, required: false })
          .check(
            new Set(attendance.map((a) => a.personId)).size === attendance.length,
            'input.attendance',
            '出席人重复 (a person twice)',
          )
          .check(attendance.length <= 2000, 'input.attendance', '最多 2000 人')
          .check(coHostIds.length <= 10, 'input.coHostIds', '最多 10 个联合举办单位')
          .check(input.heldAt <= ctx.clock.now(), 'input.heldAt', '不能记录尚未举行的会议 (not in the future)')
          .throwIfAny();
        const org = await orgForWrite(
          ctx,
          parseId(String(input.organizationId), 'PartyOrganization', 'input.organizationId'),
        );
        if (coHostIds.includes(org.id))
          throw new ValidationError([
            { path: 'input.coHostIds', message: '组织者不必列为联合举办 (the organiser itself)' },
          ]);
        const coHosts = await ctx.prisma.partyOrganization.findMany({ where: { id: { in: coHostIds } } });
        if (coHosts.length !== coHostIds.length) throw notFound('联合举办党组织 co-host');
        for (const c of coHosts)
          await ctx.gate.assertEnabled(MODULE_ID, c.regionPath, `联合举办单位 ${c.name} 所在乡镇`);
        const hostId = parseOptionalId(input.hostId == null ? null : String(input.hostId), 'Person', 'input.hostId');
        const agreementId = parseOptionalId(
          input.agreementId == null ? null : String(input.agreementId),
          'PartyCoBuildingAgreement',
          'input.agreementId',
        );
        if (hostId && !(await ctx.prisma.person.findUnique({ where: { id: hostId }, select: { id: true } })))
          throw notFound('主持人 host');
        if (agreementId) {
          const agreement = await ctx.prisma.partyCoBuildingAgreement.findUnique({ where: { id: agreementId } });
          if (!agreement?.partyIds.includes(org.id))
            throw new ValidationError([
              {
                path: 'input.agreementId',
                message: '应为本组织参加的共建协议 (an agreement this organisation is party to)',
              },
            ]);
        }

        // who belongs: the hosts' rolls (and below), and whom we expect (auto ABSENT when not listed)
        const hostPaths = [org.treePath, ...coHosts.map((c) => c.treePath)];
        const hostIds = new Set([org.id, ...coHostIds]);
        const listed = attendance.map((a) => a.personId);
        const [memberships, roster, seats] = await Promise.all([
          ctx.prisma.partyMembership.findMany({
            where: { personId: { in: listed }, status: 'ACTIVE' },
            select: { id: true, personId: true, organizationId: true, treePath: true, stage: true, groupId: true },
          }),
          ctx.prisma.partyMembership.findMany({
            where: {
              status: 'ACTIVE',
              stage: { in: ['PROBATIONARY', 'FULL'] },
              ...(org.kind === 'GROUP' ? { groupId: org.id } : { organizationId: org.id }),
            },
            select: { id: true, personId: true, organizationId: true, stage: true },
          }),
          ctx.prisma.partyCommitteeMember.findMany({
            where: { organizationId: org.id, endedAt: null },
            select: { personId: true },
          }),
        ]);
        const byPerson = new Map(memberships.map((m) => [m.personId, m]));
        const strangers = listed.filter((p) => {
          const m = byPerson.get(p);
          return (
            !m ||
            !(hostPaths.some((path) => m.treePath.startsWith(path)) || (m.groupId !== null && hostIds.has(m.groupId)))
          );
        });
        if (strangers.length) {
          throw new ValidationError([
            {
              path: 'input.attendance',
              message: `${strangers.length} 人不在举办党组织的名册上 (not on the roll of the hosting organisations)`,
            },
          ]);
        }
        const seatPersons = new Set(seats.map((s) => s.personId));
        const expected =
          input.kind === 'COMMITTEE_MEETING' ? roster.filter((m) => seatPersons.has(m.personId)) : roster;
        const rows = new Map(
          attendance.map((a) => [
            a.personId,
            {
              ...a,
              membershipId: byPerson.get(a.personId)!.id,
              organizationId: byPerson.get(a.personId)!.organizationId,
            },
          ]),
        );
        for (const m of expected)
          if (!rows.has(m.personId))
            rows.set(m.personId, {
              personId: m.personId,
              status: 'ABSENT',
              membershipId: m.id,
              organizationId: m.organizationId,
            });

        // quorum: more than half of those with a vote (full members; committee members at a committee meeting)
        let quorum: { votingMembers: number; votingPresent: number; quorumMet: boolean } | null = null;
        if (input.kind === 'MEMBERS_MEETING' || input.kind === 'COMMITTEE_MEETING') {
          const voters =
            input.kind === 'MEMBERS_MEETING'
              ? roster.filter((m) => m.stage === 'FULL').map((m) => m.personId)
              : [...seatPersons];
          const present = voters.filter((p) => rows.get(p)?.status === 'PRESENT').length;
          quorum = {
            votingMembers: voters.length,
            votingPresent: present,
            quorumMet: voters.length > 0 && present * 2 > voters.length,
          };
        }
        const decision = input.decision?.trim() || null;
        if (decision && !quorum?.quorumMet) {
          failIfMissing([
            {
              code: 'QUORUM',
              message: quorum
                ? `到会有表决权的 ${quorum.votingPresent}/${quorum.votingMembers} 人, 未超过半数, 不能作出决议 (more than half must be present)`
                : "只有党员大会和委员会会议作出决议 (decisions: members' or committee meetings)",
            },
          ]);
        }

        const meeting = await partyWrite(ctx, org.regionPath, async (w) => {
          const m = await w.tx.partyMeeting.create({
            data: {
              organizationId: org.id,
              regionPath: org.regionPath,
              kind: input.kind,
              heldAt: input.heldAt,
              place: input.place.trim(),
              topic: input.topic.trim(),
              hostId,
              minutes: input.minutes?.trim() || null,
              decision,
              agreementId,
              recordedById: ctx.viewer?.accountId ?? null,
              ...(quorum ?? {}),
            },
          });
          await w.tx.partyMeetingHost.createMany({
            data: [org, ...coHosts].map((h, i) => ({
              meetingId: m.id,
              organizationId: h.id,
              regionPath: h.regionPath,
              kind: input.kind,
              heldAt: input.heldAt,
              primary: i === 0,
            })),
          });
          await w.tx.partyMeetingAttendance.createMany({
            data: [...rows.values()].map((a) => ({
              meetingId: m.id,
              personId: a.personId,
              membershipId: a.membershipId,
              organizationId: a.organizationId,
              status: a.status,
              regionPath: org.regionPath,
              heldAt: input.heldAt,
            })),
          });
          await w.audit({
            action: 'meeting.record',
            entityType: 'PartyMeeting',
            entityId: m.id,
            regionPath: org.regionPath,
            data: { kind: input.kind, attendees: rows.size, coHosts: coHostIds.length },
          });
          return m;
        });
        return { meeting };
      },
    }),
  );
}
