// 组织关系转接 transferMembership (in, out, between organisations; history kept) and assignPartyGroup.
// 支部委员会选举: committee.ts.
import {
  Checks,
  invalidTransition,
  notFound,
  parseId,
  parseOptionalId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
  type Context,
  type PartyOrganization,
  type Person,
} from '../../src/kit/index.js';
import { orgForWrite } from './access.js';
import { createMembership, failIfMissing, membershipForWrite } from './development.js';
import { applyMembership, decisionRow } from './lifecycles.js';
import { chinaDate, isoDate, MODULE_ID, monthOf } from './rules.js';
import { partyWrite } from './unit.js';

/** 转入: a party member without a file here joins the receiving organisation's roll as a full member */
function transferIn(ctx: Context, receiving: PartyOrganization, person: Person, at: Date, note: string | null) {
  const recordedById = ctx.viewer?.accountId ?? null;
  const decision = {
    action: 'TRANSFERRED_IN',
    fromStage: null,
    toStage: 'FULL',
    decidedAt: at,
    meetingId: null,
    note,
  } as const;
  return createMembership(
    ctx,
    receiving.regionPath,
    async (tx) => {
      const joined = person.partyJoinedAt ?? at;
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
          duesFromMonth: monthOf(at),
        },
      });
      await tx.partyMembershipTransfer.create({
        data: {
          membershipId: m.id,
          toOrganizationId: receiving.id,
          at,
          note,
          regionPath: receiving.regionPath,
          recordedById,
        },
      });
      await tx.partyStageDecision.create({ data: decisionRow(ctx, m, decision) });
      return m;
    },
    { action: 'membership.transferIn', data: { at: isoDate(at) } },
    person.id,
  );
}

export function registerTransfers(builder: Builder) {
  const TransferInput = builder.inputType('TransferMembershipInput', {
    description:
      '组织关系转接: membershipId + toOrganizationId moves between organisations; membershipId + destination ' +
      'transfers out of this deployment; personId + toOrganizationId transfers an existing party member ' +
      'in',
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
    fields: (t) => ({
      membershipId: t.id({ required: true }),
      groupId: t.id({ required: false, description: '党小组 (null: none)' }),
    }),
  });
  const membershipPayload = (name: string) => payloadType(builder, name, 'membership', 'PartyMembership');

  builder.mutationFields((t) => ({
    transferMembership: t.field({
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
          // the receiving township's switch (the write's own is the sending one's)
          await ctx.gate.assertEnabled(MODULE_ID, to.regionPath);
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
          const membership = await transferIn(ctx, receiving, person, input.at, note);
          return { membership };
        }

        const m = await membershipForWrite(ctx, String(input.membershipId));
        if (m.status !== 'ACTIVE') throw invalidTransition('档案已结束 (the membership is no longer active)');
        if (to && to.id === m.organizationId)
          throw new ValidationError([{ path: 'input.toOrganizationId', message: '已在该党组织 (already there)' }]);
        const membership = await partyWrite(ctx, m.regionPath, async (w) => {
          const updated = await applyMembership(w, ctx, m, to ? 'TRANSFER' : 'TRANSFERRED_OUT', {
            data: to
              ? { organizationId: to.id, regionPath: to.regionPath, treePath: to.treePath, groupId: null }
              : { endedAt: input.at, endNote: input.destination!.trim() },
            audit: { from: m.organizationId, to: to?.id ?? null },
          });
          await w.tx.partyMembershipTransfer.create({
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
          return updated;
        });
        return { membership };
      },
    }),

    assignPartyGroup: t.field({
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
        const membership = await partyWrite(ctx, m.regionPath, (w) =>
          applyMembership(w, ctx, m, 'GROUP', { data: { groupId }, audit: { groupId } }),
        );
        return { membership };
      },
    }),
  }));
}
