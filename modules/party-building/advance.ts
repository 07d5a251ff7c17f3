// 进入下一阶段 advanceMembership: 积极分子 / 发展对象 / 预备党员 / 正式党员, dated with the meeting that
// decided it. Every rule of 发展党员工作细则 is checked before the write, and every missing requirement is
// named at once (PRECONDITION_FAILED); the stage change itself goes through the membership's lifecycle.
import {
  Checks,
  invalidTransition,
  parseId,
  parseOptionalId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
  type Context,
  type PartyDevelopmentStep,
  type PartyMembership,
  type Prisma,
} from '../../src/kit/index.js';
import { failIfMissing, meetingRequirement, membershipForWrite, notFuture } from './development.js';
import type { PartyEnums } from './enums.js';
import { applyMembership } from './lifecycles.js';
import {
  ACTIVIST_MIN_YEARS,
  addYears,
  assessmentShortfall,
  isoDate,
  type Missing,
  monthOf,
  nextStage,
  PROBATION_YEARS,
  type Stage,
  TRAINING_MIN_HOURS,
} from './rules.js';
import { partyWrite } from './unit.js';

/** persons who are full members (正式党员) now */
async function fullMembers(ctx: Context, personIds: string[]) {
  if (!personIds.length) return new Set<string>();
  const rows = await ctx.prisma.partyMembership.findMany({
    where: { personId: { in: personIds }, status: 'ACTIVE', stage: 'FULL' },
    select: { personId: true },
  });
  return new Set(rows.map((r) => r.personId));
}

const ids = (list: readonly (string | number)[] | null | undefined, path: string) =>
  (list ?? []).map((id, i) => parseId(String(id), 'Person', `${path}.${i}`));

/** what a decision to move `m` to `target` on `decidedAt` needs, and what it has */
interface Proposal {
  m: PartyMembership;
  target: Stage;
  decidedAt: Date;
  meetingId: string | null;
  contactIds: string[];
  introducerIds: string[];
  /** introducers given in this input (else the file's, checked only where the rules need them) */
  introducersGiven: boolean;
}

/** the requirements of the target stage that are not met, all of them */
async function missingFor(ctx: Context, p: Proposal): Promise<Missing[]> {
  const { m, target, decidedAt } = p;
  const steps = await ctx.prisma.partyDevelopmentStep.findMany({
    where: { membershipId: m.id },
    orderBy: { at: 'asc' },
  });
  const stepsOf = (kind: string, from: Date) =>
    steps.filter((s: PartyDevelopmentStep) => s.kind === kind && s.at >= from && s.at <= decidedAt);
  const full = await fullMembers(ctx, [...p.contactIds, ...p.introducerIds]);
  const missing: Missing[] = [];
  const need = (ok: unknown, code: string, message: string) => void (!ok && missing.push({ code, message }));
  const meeting = async (kinds: string[], quorum: boolean) => {
    const mm = await meetingRequirement(ctx.prisma, p.meetingId, m.organizationId, kinds, quorum, decidedAt);
    if (mm) missing.push(mm);
  };

  if (target === 'ACTIVIST') {
    need(stepsOf('TALK', m.appliedAt).length, 'TALK', '党组织派人谈话 (a talk with the applicant)');
    need(
      p.contactIds.length >= 1 && p.contactIds.every((x) => full.has(x)),
      'CONTACTS',
      '确定 1–2 名正式党员作培养联系人 (1–2 full members as contacts)',
    );
    await meeting(['COMMITTEE_MEETING', 'MEMBERS_MEETING'], false);
  }
  if (target === 'CANDIDATE') {
    const oneYear = addYears(m.activistAt!, ACTIVIST_MIN_YEARS);
    need(
      decidedAt >= oneYear,
      'ACTIVIST_ONE_YEAR',
      `培养教育考察一年以上, 最早 ${isoDate(oneYear)} (at least one year as activist)`,
    );
    const assessed = stepsOf('ASSESSMENT', m.activistAt!).map((s) => s.at);
    const short = assessmentShortfall(m.activistAt!, assessed, decidedAt);
    const gap = short?.lastGapFrom ? `, ${isoDate(short.lastGapFrom)} 以来超过半年未考察` : '';
    need(
      !short,
      'ASSESSMENT',
      short
        ? `每半年考察一次: 应有 ${short.needed} 次, 已有 ${short.have} 次${gap} (an assessment every 6 months)`
        : '',
    );
    need(
      !p.introducersGiven || p.introducerIds.every((x) => full.has(x)),
      'INTRODUCERS',
      '入党介绍人应为正式党员 (introducers must be full members)',
    );
    await meeting(['COMMITTEE_MEETING', 'MEMBERS_MEETING'], false);
  }
  if (target === 'PROBATIONARY') {
    const from = m.candidateAt!;
    need(
      p.introducerIds.length === 2 && p.introducerIds.every((x) => full.has(x)),
      'INTRODUCERS',
      '两名正式党员作入党介绍人 (two full members as introducers)',
    );
    need(stepsOf('POLITICAL_REVIEW', from).length, 'POLITICAL_REVIEW', '政治审查 (political review of the candidate)');
    const hours = stepsOf('TRAINING', from).reduce((s, x) => s + (x.hours ?? 0), 0);
    need(
      hours >= TRAINING_MIN_HOURS,
      'TRAINING',
      `集中培训不少于 3 天或 24 学时, 现有 ${hours} (training of 3 days or 24 hours)`,
    );
    need(
      stepsOf('PUBLIC_NOTICE', from).length,
      'PUBLIC_NOTICE',
      '对拟发展对象进行公示 (public notice before admission)',
    );
    await meeting(['MEMBERS_MEETING'], true);
  }
  if (target === 'FULL') {
    need(m.approvedAt, 'APPROVAL', '上级党委审批 (approval by the committee above)');
    need(
      m.probationEndsAt && decidedAt >= m.probationEndsAt,
      'PROBATION_ONE_YEAR',
      `预备期一年, ${m.probationEndsAt ? isoDate(m.probationEndsAt) : '—'} 期满 (probation has not ended)`,
    );
    await meeting(['MEMBERS_MEETING'], true);
  }
  return missing;
}

/** the fields the new stage sets */
function stageData(p: Proposal): Prisma.PartyMembershipUpdateManyMutationInput {
  const { target, decidedAt } = p;
  const data: Prisma.PartyMembershipUpdateManyMutationInput = {
    stage: target,
    contactIds: p.contactIds,
    introducerIds: p.introducerIds,
  };
  if (target === 'ACTIVIST') data.activistAt = decidedAt;
  if (target === 'CANDIDATE') data.candidateAt = decidedAt;
  if (target === 'PROBATIONARY')
    Object.assign(data, {
      admittedAt: decidedAt,
      probationEndsAt: addYears(decidedAt, PROBATION_YEARS),
      duesFromMonth: monthOf(decidedAt),
    });
  if (target === 'FULL') data.fullAt = decidedAt;
  return data;
}

type AdvanceInput = {
  membershipId: string | number;
  stage: string;
  decidedAt: Date;
  meetingId?: string | number | null;
  contactIds?: readonly (string | number)[] | null;
  introducerIds?: readonly (string | number)[] | null;
  note?: string | null;
};

/** reads and checks the input against the file: the next stage only, dates in order, people who may vouch */
async function proposalOf(ctx: Context, input: AdvanceInput): Promise<Proposal> {
  const m = await membershipForWrite(ctx, String(input.membershipId));
  if (m.status !== 'ACTIVE') throw invalidTransition('档案已结束 (the membership is no longer active)');
  const target = input.stage as Stage;
  if (nextStage(m.stage) !== target)
    throw invalidTransition(
      `只能从 ${m.stage} 进入 ${nextStage(m.stage) ?? '—'} (stages cannot be skipped or reversed)`,
    );
  const contactIds = input.contactIds ? ids(input.contactIds, 'input.contactIds') : m.contactIds;
  const introducerIds = input.introducerIds ? ids(input.introducerIds, 'input.introducerIds') : m.introducerIds;
  if (contactIds.includes(m.personId) || introducerIds.includes(m.personId))
    throw new ValidationError('本人不能作联系人或介绍人 (not the person themself)', 'input');
  if (new Set(introducerIds).size !== introducerIds.length)
    throw new ValidationError('两名介绍人应为不同的人 (two different people)', 'input.introducerIds');
  const meetingId = parseOptionalId(
    input.meetingId == null ? null : String(input.meetingId),
    'PartyMeeting',
    'input.meetingId',
  );
  const previous = {
    ACTIVIST: m.appliedAt,
    CANDIDATE: m.activistAt,
    PROBATIONARY: m.candidateAt,
    FULL: m.admittedAt,
    APPLICANT: m.appliedAt,
  }[target]!;
  if (input.decidedAt < previous)
    throw new ValidationError([
      { path: 'input.decidedAt', message: `不能早于上一阶段 ${isoDate(previous)} (before the previous stage)` },
    ]);
  const introducersGiven = !!input.introducerIds;
  return { m, target, decidedAt: input.decidedAt, meetingId, contactIds, introducerIds, introducersGiven };
}

export function registerAdvance(builder: Builder, enums: PartyEnums) {
  const AdvanceInput = builder.inputType('AdvanceMembershipInput', {
    fields: (t) => ({
      membershipId: t.id({ required: true }),
      stage: t.field({ type: enums.Stage, required: true, description: '目标阶段 (the next stage only)' }),
      decidedAt: t.field({ type: 'Date', required: true, description: '决定日期' }),
      meetingId: t.id({ required: false, description: '作出决定的会议 (required by the rules for every stage)' }),
      contactIds: t.idList({ required: false, description: '培养联系人 1–2 full members (ACTIVIST)' }),
      introducerIds: t.idList({
        required: false,
        description: '入党介绍人 2 full members (CANDIDATE or PROBATIONARY)',
      }),
      note: t.string({ required: false }),
    }),
  });

  builder.mutationField('advanceMembership', (t) =>
    t.field({
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyMembership', id: 'input.membershipId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description:
        '进入下一阶段 (积极分子 / 发展对象 / 预备党员 / 正式党员), dated with the meeting that decided it; ' +
        'every rule of 发展党员工作细则 is checked',
      type: payloadType(builder, 'AdvanceMembershipPayload', 'membership', 'PartyMembership'),
      errors: {},
      args: { input: t.arg({ type: AdvanceInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.note, 'input.note', { max: 500, required: false })
          .check((input.contactIds ?? []).length <= 2, 'input.contactIds', '培养联系人 1–2 名 (one or two contacts)')
          .check(
            input.introducerIds == null || input.introducerIds.length === 2,
            'input.introducerIds',
            '入党介绍人为 2 名 (exactly two introducers)',
          )
          .throwIfAny();
        notFuture(ctx, input.decidedAt, 'input.decidedAt');
        const p = await proposalOf(ctx, input);
        failIfMissing(await missingFor(ctx, p));
        const { m, target, decidedAt } = p;
        const membership = await partyWrite(ctx, m.regionPath, async (w) => {
          const updated = await applyMembership(w, ctx, m, 'ADVANCED', {
            data: stageData(p),
            decision: {
              action: 'ADVANCED',
              fromStage: m.stage,
              toStage: target,
              decidedAt,
              meetingId: p.meetingId,
              note: input.note,
            },
            audit: { fromStage: m.stage, toStage: target, decidedAt: isoDate(decidedAt) },
          });
          // admitted as a probationary member: a party member from that day
          if (target === 'PROBATIONARY')
            await w.tx.person.update({
              where: { id: m.personId },
              data: { partyMember: true, partyJoinedAt: decidedAt },
            });
          return updated;
        });
        return { membership };
      },
    }),
  );
}
