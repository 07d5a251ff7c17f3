// 支部委员会选举 electPartyCommittee: by a quorate members' meeting; 3–5 members where the branch has 7+
// full members, otherwise a secretary (and a deputy). Terms: 5 years in villages and communities, 3 elsewhere.
import {
  Checks,
  parseId,
  parseOptionalId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
} from '../../src/kit/index.js';
import { orgForWrite } from './access.js';
import { failIfMissing, meetingRequirement } from './development.js';
import type { PartyEnums } from './enums.js';
import {
  addYears,
  chinaDate,
  COMMITTEE_FROM_FULL_MEMBERS,
  COMMITTEE_MAX,
  COMMITTEE_MIN,
  isoDate,
  type Missing,
  termYearsFor,
} from './rules.js';
import { partyWrite } from './unit.js';

export function registerCommittee(builder: Builder, enums: PartyEnums) {
  const SeatInput = builder.inputType('PartyCommitteeSeatInput', {
    fields: (t) => ({
      personId: t.id({ required: true }),
      role: t.field({ type: enums.CommitteeRole, required: true }),
    }),
  });
  const ElectInput = builder.inputType('ElectPartyCommitteeInput', {
    description:
      "委员会选举 by the members' meeting: 3–5 members with 7+ full members, otherwise a secretary (and a deputy)",
    fields: (t) => ({
      organizationId: t.id({ required: true }),
      electedAt: t.field({ type: 'Date', required: true }),
      meetingId: t.id({ required: false, description: '选举的支部党员大会 (quorum needed)' }),
      members: t.field({ type: [SeatInput], required: true }),
    }),
  });

  builder.mutationField('electPartyCommittee', (t) =>
    t.field({
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'input.organizationId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description:
        '选举委员会: 7+ full members elect 3–5 (secretary, deputy, organisation, publicity, discipline); ' +
        'smaller branches a secretary (and deputy). Term 5 years in villages and communities, 3 elsewhere',
      type: payloadType(builder, 'ElectPartyCommitteePayload', 'organization', 'PartyOrganization'),
      errors: {},
      args: { input: t.arg({ type: ElectInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const seats = input.members.map((s, i) => ({
          personId: parseId(String(s.personId), 'Person', `input.members.${i}.personId`),
          role: s.role as string,
        }));
        const roleCount = (r: string) => seats.filter((s) => s.role === r).length;
        new Checks()
          .check(
            new Set(seats.map((s) => s.personId)).size === seats.length,
            'input.members',
            '委员重复 (a person twice)',
          )
          .check(roleCount('SECRETARY') === 1, 'input.members', '应有且只有一名书记 (exactly one secretary)')
          .check(roleCount('DEPUTY_SECRETARY') <= 2, 'input.members', '副书记至多 2 名')
          .throwIfAny();
        if (input.electedAt > chinaDate(ctx.clock.now()))
          throw new ValidationError([{ path: 'input.electedAt', message: '日期不能晚于今天 (not in the future)' }]);
        const org = await orgForWrite(
          ctx,
          parseId(String(input.organizationId), 'PartyOrganization', 'input.organizationId'),
        );
        if (org.kind === 'GROUP')
          throw new ValidationError([
            {
              path: 'input.organizationId',
              message: '党小组设组长, 不设委员会 (groups have a leader, not a committee)',
            },
          ]);
        const memberRows = await ctx.prisma.partyMembership.findMany({
          where: { status: 'ACTIVE', stage: 'FULL', treePath: { startsWith: org.treePath } },
          select: { personId: true, organizationId: true },
        });
        const ownFull = memberRows.filter((r) => r.organizationId === org.id).length;
        const eligible = new Set(memberRows.map((r) => r.personId));
        const branch = org.kind === 'BRANCH' || org.kind === 'JOINT_BRANCH';
        const missing: Missing[] = [];
        if (
          branch &&
          ownFull >= COMMITTEE_FROM_FULL_MEMBERS &&
          (seats.length < COMMITTEE_MIN || seats.length > COMMITTEE_MAX)
        ) {
          missing.push({
            code: 'COMMITTEE_SIZE',
            message: `支部委员会由 ${COMMITTEE_MIN}–${COMMITTEE_MAX} 人组成 (3–5 members)`,
          });
        }
        if (
          branch &&
          ownFull < COMMITTEE_FROM_FULL_MEMBERS &&
          (seats.length > 2 || seats.some((s) => s.role !== 'SECRETARY' && s.role !== 'DEPUTY_SECRETARY'))
        ) {
          missing.push({
            code: 'COMMITTEE_SIZE',
            message: `正式党员 7 人以上方设支部委员会, 现有 ${ownFull}; 只选书记 (和副书记) (a committee needs 7+ full members)`,
          });
        }
        if (!branch && seats.length < COMMITTEE_MIN)
          missing.push({ code: 'COMMITTEE_SIZE', message: '党委、党总支委员会至少 3 人 (at least 3)' });
        const notFull = seats.filter((s) => !eligible.has(s.personId));
        if (notFull.length)
          missing.push({
            code: 'FULL_MEMBERS',
            message: `委员应为本组织正式党员 (${notFull.length} 人不是) (committee members must be full members here)`,
          });
        const meetingId = parseOptionalId(
          input.meetingId == null ? null : String(input.meetingId),
          'PartyMeeting',
          'input.meetingId',
        );
        const mm = await meetingRequirement(ctx.prisma, meetingId, org.id, ['MEMBERS_MEETING'], true, input.electedAt);
        if (mm) missing.push(mm);
        failIfMissing(missing);
        const termEndsAt = addYears(input.electedAt, termYearsFor(org.regionLevel));
        const organization = await partyWrite(ctx, org.regionPath, async (w) => {
          // the new committee replaces the sitting one from today
          await w.tx.partyCommitteeMember.updateMany({
            where: { organizationId: org.id, endedAt: null },
            data: { endedAt: w.now },
          });
          await w.tx.partyCommitteeMember.createMany({
            data: seats.map((s) => ({
              organizationId: org.id,
              personId: s.personId,
              role: s.role as never,
              electedAt: input.electedAt,
              termEndsAt,
              meetingId,
              regionPath: org.regionPath,
            })),
          });
          await w.audit({
            action: 'committee.elect',
            entityType: 'PartyOrganization',
            entityId: org.id,
            regionPath: org.regionPath,
            data: { seats: seats.length, termEndsAt: isoDate(termEndsAt) },
          });
          return w.tx.partyOrganization.findUniqueOrThrow({ where: { id: org.id } });
        });
        return { organization };
      },
    }),
  );
}
