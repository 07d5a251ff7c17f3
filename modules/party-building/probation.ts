// 预备期: approveAdmission (the committee above, within 3 months), extendProbation (once, 6–12 months),
// cancelProbation. Each is dated and, where the rules say so, decided by a quorate members' meeting.
import {
  Checks,
  forbidden,
  invalidTransition,
  parseOptionalId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
} from '../../src/kit/index.js';
import { administersArea, committeeSeats } from './access.js';
import { failIfMissing, meetingRequirement, membershipForWrite, notFuture } from './development.js';
import { applyMembership } from './lifecycles.js';
import { addMonths, isoDate, type Missing } from './rules.js';
import { partyWrite } from './unit.js';

/** a decision during probation: the stage stays PROBATIONARY */
const probationDecision = (
  action: 'APPROVED' | 'PROBATION_EXTENDED' | 'PROBATION_CANCELLED',
  decidedAt: Date,
  meetingId: string | null,
  note: string | null | undefined,
) => ({ action, fromStage: 'PROBATIONARY', toStage: 'PROBATIONARY', decidedAt, meetingId, note }) as const;

const probationAudit = (decidedAt: Date) => ({
  fromStage: 'PROBATIONARY',
  toStage: 'PROBATIONARY',
  decidedAt: isoDate(decidedAt),
});

export function registerProbation(builder: Builder) {
  const payload = (name: string) => payloadType(builder, name, 'membership', 'PartyMembership');
  const ApproveInput = builder.inputType('ApproveAdmissionInput', {
    fields: (t) => ({
      membershipId: t.id({ required: true }),
      approvedAt: t.field({
        type: 'Date',
        required: true,
        description: '上级党委审批日期 (within 3 months of admission)',
      }),
      note: t.string({ required: false }),
    }),
  });
  const ExtendInput = builder.inputType('ExtendProbationInput', {
    fields: (t) => ({
      membershipId: t.id({ required: true }),
      months: t.int({ required: true, description: '延长 6–12 个月 (once only)' }),
      decidedAt: t.field({ type: 'Date', required: true }),
      meetingId: t.id({ required: false, description: '支部党员大会' }),
      note: t.string({ required: false }),
    }),
  });
  const CancelInput = builder.inputType('CancelProbationInput', {
    fields: (t) => ({
      membershipId: t.id({ required: true }),
      decidedAt: t.field({ type: 'Date', required: true }),
      meetingId: t.id({ required: false, description: '支部党员大会' }),
      note: t.string({ required: false }),
    }),
  });

  builder.mutationFields((t) => ({
    approveAdmission: t.field({
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyMembership', id: 'input.membershipId' },
        relation: 'the committee above the branch',
      },
      description: '上级党委审批接收预备党员 (the committee above, within 3 months of admission)',
      type: payload('ApproveAdmissionPayload'),
      errors: {},
      args: { input: t.arg({ type: ApproveInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        notFuture(ctx, input.approvedAt, 'input.approvedAt');
        const m = await membershipForWrite(ctx, String(input.membershipId));
        if (!administersArea(ctx, m.regionPath)) {
          const above = (await committeeSeats(ctx)).treePaths.some((p) => m.treePath.startsWith(p) && p !== m.treePath);
          if (!above) throw forbidden('由上级党委审批 (the committee above approves, not the branch itself)');
        }
        if (m.stage !== 'PROBATIONARY' || m.approvedAt)
          throw invalidTransition('只有待审批的预备党员可以审批 (only an unapproved probationary member)');
        if (input.approvedAt < m.admittedAt!)
          throw new ValidationError([
            { path: 'input.approvedAt', message: '不能早于支部大会接收日期 (before the admission)' },
          ]);
        const late = input.approvedAt > addMonths(m.admittedAt!, 3);
        const note = [input.note?.trim(), late ? '超过三个月审批 (approved after 3 months)' : null]
          .filter(Boolean)
          .join('; ');
        const membership = await partyWrite(ctx, m.regionPath, (w) =>
          applyMembership(w, ctx, m, 'APPROVED', {
            data: { approvedAt: input.approvedAt },
            decision: probationDecision('APPROVED', input.approvedAt, null, note || null),
            audit: probationAudit(input.approvedAt),
          }),
        );
        return { membership };
      },
    }),

    extendProbation: t.field({
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyMembership', id: 'input.membershipId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: "延长预备期 6–12 个月, once, decided by the members' meeting when probation ends",
      type: payload('ExtendProbationPayload'),
      errors: {},
      args: { input: t.arg({ type: ExtendInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .check(
            Number.isInteger(input.months) && input.months >= 6 && input.months <= 12,
            'input.months',
            '延长 6–12 个月 (6–12 months)',
          )
          .throwIfAny();
        notFuture(ctx, input.decidedAt, 'input.decidedAt');
        const m = await membershipForWrite(ctx, String(input.membershipId));
        if (m.stage !== 'PROBATIONARY' || m.status !== 'ACTIVE')
          throw invalidTransition('只有预备党员可以延长预备期 (probationary members only)');
        if (m.probationExtendedMonths)
          throw invalidTransition('预备期只能延长一次 (probation can be extended once only)');
        const meetingId = parseOptionalId(
          input.meetingId == null ? null : String(input.meetingId),
          'PartyMeeting',
          'input.meetingId',
        );
        const missing: Missing[] = [];
        if (input.decidedAt < m.probationEndsAt!)
          missing.push({
            code: 'PROBATION_ONE_YEAR',
            message: `预备期 ${isoDate(m.probationEndsAt!)} 期满时讨论 (decided when probation ends)`,
          });
        const mm = await meetingRequirement(
          ctx.prisma,
          meetingId,
          m.organizationId,
          ['MEMBERS_MEETING'],
          true,
          input.decidedAt,
        );
        if (mm) missing.push(mm);
        failIfMissing(missing);
        const membership = await partyWrite(ctx, m.regionPath, (w) =>
          applyMembership(w, ctx, m, 'PROBATION_EXTENDED', {
            data: {
              probationExtendedMonths: input.months,
              probationEndsAt: addMonths(m.probationEndsAt!, input.months),
            },
            decision: probationDecision(
              'PROBATION_EXTENDED',
              input.decidedAt,
              meetingId,
              input.note ?? `延长 ${input.months} 个月`,
            ),
            audit: probationAudit(input.decidedAt),
          }),
        );
        return { membership };
      },
    }),

    cancelProbation: t.field({
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyMembership', id: 'input.membershipId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: "取消预备党员资格 (members' meeting with a quorum); the person is no longer a party member",
      type: payload('CancelProbationPayload'),
      errors: {},
      args: { input: t.arg({ type: CancelInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        notFuture(ctx, input.decidedAt, 'input.decidedAt');
        const m = await membershipForWrite(ctx, String(input.membershipId));
        if (m.stage !== 'PROBATIONARY' || m.status !== 'ACTIVE')
          throw invalidTransition('只有预备党员可以取消资格 (probationary members only)');
        const meetingId = parseOptionalId(
          input.meetingId == null ? null : String(input.meetingId),
          'PartyMeeting',
          'input.meetingId',
        );
        const mm = await meetingRequirement(
          ctx.prisma,
          meetingId,
          m.organizationId,
          ['MEMBERS_MEETING'],
          true,
          input.decidedAt,
        );
        failIfMissing(mm ? [mm] : []);
        const membership = await partyWrite(ctx, m.regionPath, async (w) => {
          const updated = await applyMembership(w, ctx, m, 'PROBATION_CANCELLED', {
            data: { endedAt: input.decidedAt, endNote: input.note?.trim() || '取消预备党员资格' },
            decision: probationDecision('PROBATION_CANCELLED', input.decidedAt, meetingId, input.note),
            audit: probationAudit(input.decidedAt),
          });
          // no longer a party member
          await w.tx.person.update({ where: { id: m.personId }, data: { partyMember: false, partyJoinedAt: null } });
          return updated;
        });
        return { membership };
      },
    }),
  }));
}
