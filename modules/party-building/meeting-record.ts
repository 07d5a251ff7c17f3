// 记录组织生活会议 recordPartyMeeting: attendance checked against the hosts' rolls (members not listed are
// recorded ABSENT), the quorum of members' and committee meetings, co-hosts and the co-building agreement.
import {
  Checks,
  type Context,
  notFound,
  parseId,
  parseOptionalId,
  PARTY_WORKERS,
  type PartyOrganization,
  payloadType,
  ValidationError,
  type Builder,
} from '../../src/kit/index.js';
import { orgForWrite } from './access.js';
import { failIfMissing } from './development.js';
import type { PartyEnums } from './enums.js';
import { MODULE_ID } from './rules.js';
import { partyWrite } from './unit.js';

type Listed = { personId: string; status: 'PRESENT' | 'EXCUSED' | 'ABSENT' };
type Row = Listed & { membershipId: string; organizationId: string };
type Quorum = { votingMembers: number; votingPresent: number; quorumMet: boolean } | null;

/** the organiser, its co-hosts (the module on where each sits), the host and the agreement, all checked */
async function hostsOf(ctx: Context, input: RecordInputShape, coHostIds: string[]) {
  const org = await orgForWrite(
    ctx,
    parseId(String(input.organizationId), 'PartyOrganization', 'input.organizationId'),
  );
  if (coHostIds.includes(org.id))
    throw new ValidationError([{ path: 'input.coHostIds', message: '组织者不必列为联合举办 (the organiser itself)' }]);
  const coHosts = await ctx.prisma.partyOrganization.findMany({ where: { id: { in: coHostIds } } });
  if (coHosts.length !== coHostIds.length) throw notFound('联合举办党组织 co-host');
  for (const c of coHosts) await ctx.gate.assertEnabled(MODULE_ID, c.regionPath, `联合举办单位 ${c.name} 所在乡镇`);
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

  return { org, coHosts, hostId, agreementId };
}

/** attendance rows: the listed people (on a host's roll) and everyone expected but not listed, ABSENT */
async function attendanceOf(
  ctx: Context,
  kind: string,
  org: PartyOrganization,
  coHosts: PartyOrganization[],
  coHostIds: string[],
  attendance: Listed[],
) {
  // who belongs: the hosts' rolls (and below), and whom we expect (auto ABSENT when not listed)
  const hostPaths = [org.treePath, ...coHosts.map((c) => c.treePath)];
  const hostIds = new Set<string>([org.id, ...coHostIds]);
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
      !m || !(hostPaths.some((path) => m.treePath.startsWith(path)) || (m.groupId !== null && hostIds.has(m.groupId)))
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
  const expected = kind === 'COMMITTEE_MEETING' ? roster.filter((m) => seatPersons.has(m.personId)) : roster;
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
  return { rows, roster, seatPersons };
}

/** more than half of those with a vote: full members; committee members at a committee meeting */
function quorumOf(
  kind: string,
  roster: { personId: string; stage: string }[],
  seatPersons: Set<string>,
  rows: Map<string, Row>,
): Quorum {
  if (kind !== 'MEMBERS_MEETING' && kind !== 'COMMITTEE_MEETING') return null;
  const voters =
    kind === 'MEMBERS_MEETING' ? roster.filter((m) => m.stage === 'FULL').map((m) => m.personId) : [...seatPersons];
  const present = voters.filter((p) => rows.get(p)?.status === 'PRESENT').length;
  return {
    votingMembers: voters.length,
    votingPresent: present,
    quorumMet: voters.length > 0 && present * 2 > voters.length,
  };
}

type RecordInputShape = {
  organizationId: string | number;
  kind: string;
  heldAt: Date;
  place: string;
  topic: string;
  attendance?: readonly { personId: string | number; status: string }[] | null;
  coHostIds?: readonly (string | number)[] | null;
  minutes?: string | null;
  hostId?: string | number | null;
  decision?: string | null;
  agreementId?: string | number | null;
};

export function registerMeetingRecord(builder: Builder, enums: PartyEnums) {
  const AttendanceInput = builder.inputType('PartyAttendanceInput', {
    fields: (t) => ({
      personId: t.id({ required: true }),
      status: t.field({ type: enums.Attendance, required: true }),
    }),
  });
  const RecordInput = builder.inputType('RecordPartyMeetingInput', {
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
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'input.organizationId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description:
        "记录组织生活会议 with attendance and quorum (the organisation's committee, those above, administrators of the area)",
      type: payloadType(builder, 'RecordPartyMeetingPayload', 'meeting', 'PartyMeeting'),
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
        const { org, coHosts, hostId, agreementId } = await hostsOf(ctx, input, coHostIds);
        const { rows, roster, seatPersons } = await attendanceOf(ctx, input.kind, org, coHosts, coHostIds, attendance);
        const quorum = quorumOf(input.kind, roster, seatPersons, rows);
        const decision = input.decision?.trim() || null;
        if (decision && !quorum?.quorumMet) {
          failIfMissing([
            {
              code: 'QUORUM',
              message: quorum
                ? `到会有表决权的 ${quorum.votingPresent}/${quorum.votingMembers} 人, 未超过半数, 不能作出决议 ` +
                  '(more than half must be present)'
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
