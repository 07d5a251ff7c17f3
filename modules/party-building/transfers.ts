// 组织关系转接 transferMembership (in, out, between organisations; history kept), assignPartyGroup,
// and electPartyCommittee (支部委员会选举).
import {
  AppError,
  Checks,
  invalidTransition,
  notFound,
  parseId,
  parseOptionalId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
} from '../../src/kit/index.js';
import { orgForWrite } from './access.js';
import { failIfMissing, meetingRequirement, membershipForWrite } from './development.js';
import type { PartyEnums } from './enums.js';
import {
  addYears,
  chinaDate,
  COMMITTEE_FROM_FULL_MEMBERS,
  COMMITTEE_MAX,
  COMMITTEE_MIN,
  isoDate,
  type Missing,
  monthOf,
  SUB,
  termYearsFor,
} from './rules.js';

export function registerTransfers(builder: Builder, enums: PartyEnums) {
  const TransferInput = builder.inputType('TransferMembershipInput', {
    subGraphs: SUB,
    description:
      '组织关系转接: membershipId + toOrganizationId moves between organisations; membershipId + destination transfers out of this deployment; personId + toOrganizationId transfers an existing party member in',
    fields: (t) => ({
      membershipId: t.id({ required: false }),
      personId: t.id({ required: false, description: '转入: a party member without a file here' }),
      toOrganizationId: t.id({ required: false, description: '转入党组织' }),
      destination: t.string({ required: false, description: '转往 (outside this deployment)' }),
      at: t.field({ type: 'Date', required: true }),
      note: t.string({ required: false }),
    }),
  });
  const GroupInput = builder.inputType('AssignPartyGroupInput', {
    subGraphs: SUB,
    fields: (t) => ({
      membershipId: t.id({ required: true }),
      groupId: t.id({ required: false, description: '党小组 (null: none)' }),
    }),
  });
  const SeatInput = builder.inputType('PartyCommitteeSeatInput', {
    subGraphs: SUB,
    fields: (t) => ({
      personId: t.id({ required: true }),
      role: t.field({ type: enums.CommitteeRole, required: true }),
    }),
  });
  const ElectInput = builder.inputType('ElectPartyCommitteeInput', {
    subGraphs: SUB,
    description:
      "委员会选举 by the members' meeting: 3–5 members with 7+ full members, otherwise a secretary (and a deputy)",
    fields: (t) => ({
      organizationId: t.id({ required: true }),
      electedAt: t.field({ type: 'Date', required: true }),
      meetingId: t.id({ required: false, description: '选举的支部党员大会 (quorum needed)' }),
      members: t.field({ type: [SeatInput], required: true }),
    }),
  });
  const membershipPayload = (name: string) =>
    payloadType(builder, name, 'membership', 'PartyMembership', { subGraphs: SUB });

  builder.mutationFields((t) => ({
    transferMembership: t.field({
      subGraphs: SUB,
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'input.toOrganizationId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description:
        '组织关系转接 (the committee of the sending organisation; for a transfer in, of the receiving one). History is kept',
      type: membershipPayload('TransferMembershipPayload'),
      errors: {},
      args: { input: t.arg({ type: TransferInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .check(
            !!input.membershipId !== !!input.personId,
            'input.membershipId',
            '给出 membershipId 或 personId 之一 (one of membershipId, personId)',
          )
          .check(
            !!input.toOrganizationId !== !!input.destination?.trim(),
            'input.toOrganizationId',
            '给出 toOrganizationId 或 destination 之一 (one of them)',
          )
          .check(
            !input.personId || !!input.toOrganizationId,
            'input.toOrganizationId',
            '转入需要接收党组织 (a transfer in needs the receiving organisation)',
          )
          .text(input.destination, 'input.destination', { max: 100, required: false })
          .throwIfAny();
        if (input.at > chinaDate(ctx.clock.now()))
          throw new ValidationError([{ path: 'input.at', message: '日期不能晚于今天 (not in the future)' }]);
        const toId = parseOptionalId(
          input.toOrganizationId == null ? null : String(input.toOrganizationId),
          'PartyOrganization',
          'input.toOrganizationId',
        );
        const to = toId ? await ctx.prisma.partyOrganization.findUnique({ where: { id: toId } }) : null;
        if (toId && !to) throw notFound('接收党组织 organization');
        if (to) {
          await ctx.gate.assertEnabled('party-building', to.regionPath);
          if (to.kind === 'GROUP')
            throw new ValidationError([
              { path: 'input.toOrganizationId', message: '组织关系转入党支部等, 不转入党小组 (not to a group)' },
            ]);
        }
        const note = input.note?.trim() || null;
        const recordedById = ctx.viewer?.accountId ?? null;

        if (input.personId) {
          const receiving = await orgForWrite(ctx, to!.id, 'input.toOrganizationId');
          const person = await ctx.prisma.person.findUnique({
            where: { id: parseId(String(input.personId), 'Person', 'input.personId') },
          });
          if (!person) throw notFound('居民 person');
          if (!person.partyMember)
            failIfMissing([
              {
                code: 'PARTY_MEMBER',
                message: '只有党员可以转入组织关系 (party members only; applicants use admitApplicant)',
              },
            ]);
          try {
            const membership = await ctx.prisma.$transaction(async (tx) => {
              if (await tx.partyMembership.findFirst({ where: { personId: person.id, status: 'ACTIVE' } }))
                throw new AppError('CONFLICT', '此人已在党组织档案中 (already on a roll)');
              const joined = person.partyJoinedAt ?? input.at;
              const m = await tx.partyMembership.create({
                data: {
                  personId: person.id,
                  organizationId: receiving.id,
                  regionPath: receiving.regionPath,
                  treePath: receiving.treePath,
                  stage: 'FULL',
                  appliedAt: joined,
                  admittedAt: joined,
                  fullAt: joined,
                  duesFromMonth: monthOf(input.at),
                },
              });
              await tx.partyMembershipTransfer.create({
                data: {
                  membershipId: m.id,
                  toOrganizationId: receiving.id,
                  at: input.at,
                  note,
                  regionPath: receiving.regionPath,
                  recordedById,
                },
              });
              await tx.partyStageDecision.create({
                data: {
                  membershipId: m.id,
                  action: 'TRANSFERRED_IN',
                  toStage: 'FULL',
                  decidedAt: input.at,
                  note,
                  organizationId: receiving.id,
                  regionPath: receiving.regionPath,
                  recordedById,
                },
              });
              await ctx.audit(tx, {
                action: 'party.membership.transferIn',
                entityType: 'PartyMembership',
                entityId: m.id,
                regionPath: receiving.regionPath,
                data: { at: isoDate(input.at) },
              });
              return m;
            });
            return { membership };
          } catch (e) {
            if ((e as { code?: string }).code === 'P2002')
              throw new AppError('CONFLICT', '此人已在党组织档案中 (already on a roll)');
            throw e;
          }
        }

        const m = await membershipForWrite(ctx, String(input.membershipId));
        if (m.status !== 'ACTIVE') throw invalidTransition('档案已结束 (the membership is no longer active)');
        if (to && to.id === m.organizationId)
          throw new ValidationError([{ path: 'input.toOrganizationId', message: '已在该党组织 (already there)' }]);
        const membership = await ctx.prisma.$transaction(async (tx) => {
          const { count } = await tx.partyMembership.updateMany({
            where: { id: m.id, version: m.version, status: 'ACTIVE' },
            data: to
              ? {
                  organizationId: to.id,
                  regionPath: to.regionPath,
                  treePath: to.treePath,
                  groupId: null,
                  version: { increment: 1 },
                }
              : {
                  status: 'TRANSFERRED_OUT',
                  endedAt: input.at,
                  endNote: input.destination!.trim(),
                  version: { increment: 1 },
                },
          });
          if (count !== 1) throw new AppError('CONFLICT', '档案已被他人修改 (changed by someone else first)');
          await tx.partyMembershipTransfer.create({
            data: {
              membershipId: m.id,
              fromOrganizationId: m.organizationId,
              toOrganizationId: to?.id ?? null,
              destination: to ? null : input.destination!.trim(),
              at: input.at,
              note,
              regionPath: to?.regionPath ?? m.regionPath,
              recordedById,
            },
          });
          await ctx.audit(tx, {
            action: to ? 'party.membership.transfer' : 'party.membership.transferOut',
            entityType: 'PartyMembership',
            entityId: m.id,
            regionPath: m.regionPath,
            data: { from: m.organizationId, to: to?.id ?? null },
          });
          return tx.partyMembership.findUniqueOrThrow({ where: { id: m.id } });
        });
        return { membership };
      },
    }),

    assignPartyGroup: t.field({
      subGraphs: SUB,
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyMembership', id: 'input.membershipId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: "编入党小组 (a GROUP under the member's organisation), or null to leave it",
      type: membershipPayload('AssignPartyGroupPayload'),
      errors: {},
      args: { input: t.arg({ type: GroupInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const m = await membershipForWrite(ctx, String(input.membershipId));
        const groupId = parseOptionalId(
          input.groupId == null ? null : String(input.groupId),
          'PartyOrganization',
          'input.groupId',
        );
        if (groupId) {
          const group = await ctx.prisma.partyOrganization.findUnique({ where: { id: groupId } });
          if (group?.kind !== 'GROUP' || group.parentId !== m.organizationId) {
            throw new ValidationError([
              { path: 'input.groupId', message: "应为本支部下设的党小组 (a group of the member's own branch)" },
            ]);
          }
        }
        const membership = await ctx.prisma.$transaction(async (tx) => {
          const { count } = await tx.partyMembership.updateMany({
            where: { id: m.id, version: m.version, status: 'ACTIVE' },
            data: { groupId, version: { increment: 1 } },
          });
          if (count !== 1) throw new AppError('CONFLICT', '档案已被他人修改 (changed by someone else first)');
          await ctx.audit(tx, {
            action: 'party.membership.group',
            entityType: 'PartyMembership',
            entityId: m.id,
            regionPath: m.regionPath,
            data: { groupId },
          });
          return tx.partyMembership.findUniqueOrThrow({ where: { id: m.id } });
        });
        return { membership };
      },
    }),

    electPartyCommittee: t.field({
      subGraphs: SUB,
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'input.organizationId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description:
        '选举委员会: 7+ full members elect 3–5 (secretary, deputy, organisation, publicity, discipline); smaller branches a secretary (and deputy). Term 5 years in villages and communities, 3 elsewhere',
      type: payloadType(builder, 'ElectPartyCommitteePayload', 'organization', 'PartyOrganization', { subGraphs: SUB }),
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
        const organization = await ctx.prisma.$transaction(async (tx) => {
          await tx.partyCommitteeMember.updateMany({
            where: { organizationId: org.id, endedAt: null },
            data: { endedAt: ctx.clock.now() },
          });
          await tx.partyCommitteeMember.createMany({
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
          await ctx.audit(tx, {
            action: 'party.committee.elect',
            entityType: 'PartyOrganization',
            entityId: org.id,
            regionPath: org.regionPath,
            data: { seats: seats.length, termEndsAt: isoDate(termEndsAt) },
          });
          return tx.partyOrganization.findUniqueOrThrow({ where: { id: org.id } });
        });
        return { organization };
      },
    }),
  }));
}
