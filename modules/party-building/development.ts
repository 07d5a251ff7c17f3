// 发展党员 (中国共产党发展党员工作细则, 2014): admitApplicant, recordDevelopmentStep, advanceMembership
// (probation: probation.ts). A step taken too early or without what it needs
// is PRECONDITION_FAILED naming every missing requirement; nothing is changed then.
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
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { assertManages, orgForWrite } from './access.js';
import type { PartyEnums } from './enums.js';
import {
  ACTIVIST_MIN_YEARS,
  addYears,
  ageOn,
  assessmentShortfall,
  chinaDate,
  describeMissing,
  isoDate,
  MIN_AGE,
  type Missing,
  MODULE_ID,
  monthOf,
  nextStage,
  PROBATION_YEARS,
  type Stage,
  SUB,
  TRAINING_MIN_HOURS,
} from './rules.js';

type Membership = Prisma.PartyMembershipGetPayload<object>;
type Tx = Prisma.TransactionClient;

/** loads a membership for a change: exists, module on, viewer manages its organisation */
export async function membershipForWrite(
  ctx: Context,
  globalId: string,
  path = 'input.membershipId',
): Promise<Membership> {
  const m = await ctx.prisma.partyMembership.findUnique({ where: { id: parseId(globalId, 'PartyMembership', path) } });
  if (!m) throw notFound('党员档案 membership');
  await ctx.gate.assertEnabled(MODULE_ID, m.regionPath);
  await assertManages(
    ctx,
    { id: m.organizationId, treePath: m.treePath, regionPath: m.regionPath },
    '该党员所在党组织',
  );
  return m;
}

export const failIfMissing = (missing: Missing[]) => {
  if (missing.length)
    throw new AppError('PRECONDITION_FAILED', describeMissing(missing), { missing: missing.map((m) => m.code) });
};

/** the decision must come from a meeting of the organisation, of the right kind, held by the decision date */
export async function meetingRequirement(
  db: Tx | Context['prisma'],
  meetingId: string | null,
  organizationId: string,
  kinds: string[],
  quorum: boolean,
  decidedAt: Date,
): Promise<Missing | null> {
  const code = quorum ? 'MEMBERS_MEETING' : 'MEETING';
  const what = quorum
    ? "支部党员大会讨论通过 (a members' meeting with a quorum)"
    : "支部委员会或党员大会研究决定 (a committee or members' meeting)";
  if (!meetingId) return { code, message: what };
  const meeting = await db.partyMeeting.findUnique({ where: { id: meetingId } });
  if (!meeting || meeting.organizationId !== organizationId)
    return { code, message: `${what}: 会议不是本组织的会议 (not a meeting of this organisation)` };
  if (!kinds.includes(meeting.kind)) return { code, message: `${what}: 会议类别为 ${meeting.kind}` };
  if (chinaDate(meeting.heldAt) > decidedAt)
    return { code, message: `${what}: 会议在决定日期之后 (the meeting is after the decision date)` };
  if (quorum && !meeting.quorumMet)
    return {
      code: 'QUORUM',
      message: '到会有表决权的正式党员未超过半数 (more than half of the voting members must be present)',
    };
  return null;
}

/** persons who are full members (正式党员) now */
async function fullMembers(db: Tx | Context['prisma'], personIds: string[]) {
  if (!personIds.length) return new Set<string>();
  const rows = await db.partyMembership.findMany({
    where: { personId: { in: personIds }, status: 'ACTIVE', stage: 'FULL' },
    select: { personId: true },
  });
  return new Set(rows.map((r) => r.personId));
}

const ids = (list: readonly (string | number)[] | null | undefined, path: string) =>
  (list ?? []).map((id, i) => parseId(String(id), 'Person', `${path}.${i}`));

export const today = (ctx: Context) => chinaDate(ctx.clock.now());
export const notFuture = (ctx: Context, d: Date, path: string) => {
  if (d > today(ctx)) throw new ValidationError([{ path, message: '日期不能晚于今天 (not in the future)' }]);
};

/** conditional update: refuses when someone else changed the membership first */
export async function update(tx: Tx, m: Membership, data: Prisma.PartyMembershipUpdateManyMutationInput) {
  const { count } = await tx.partyMembership.updateMany({
    where: { id: m.id, version: m.version, status: 'ACTIVE' },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new AppError('CONFLICT', '档案已被他人修改, 请刷新 (changed by someone else first)');
  return tx.partyMembership.findUniqueOrThrow({ where: { id: m.id } });
}

export async function decide(
  ctx: Context,
  tx: Tx,
  m: Membership,
  action: string,
  fromStage: Stage | null,
  toStage: Stage,
  decidedAt: Date,
  meetingId: string | null,
  note: string | null | undefined,
) {
  await tx.partyStageDecision.create({
    data: {
      membershipId: m.id,
      action: action as never,
      fromStage,
      toStage,
      decidedAt,
      meetingId,
      note: note?.trim() || null,
      organizationId: m.organizationId,
      regionPath: m.regionPath,
      recordedById: ctx.viewer?.accountId ?? null,
    },
  });
  await ctx.audit(tx, {
    action: `party.membership.${action.toLowerCase()}`,
    entityType: 'PartyMembership',
    entityId: m.id,
    regionPath: m.regionPath,
    data: { fromStage, toStage, decidedAt: isoDate(decidedAt) },
  });
}

export function registerDevelopment(builder: Builder, enums: PartyEnums) {
  const payload = (name: string) => payloadType(builder, name, 'membership', 'PartyMembership', { subGraphs: SUB });
  const AdmitInput = builder.inputType('AdmitApplicantInput', {
    subGraphs: SUB,
    description: '接收入党申请',
    fields: (t) => ({
      personId: t.id({ required: true }),
      organizationId: t.id({ required: true, description: '党支部' }),
      appliedAt: t.field({ type: 'Date', required: true, description: '递交入党申请书日期' }),
      note: t.string({ required: false }),
    }),
  });

  const StepInput = builder.inputType('RecordDevelopmentStepInput', {
    subGraphs: SUB,
    fields: (t) => ({
      membershipId: t.id({ required: true }),
      kind: t.field({ type: enums.StepKind, required: true }),
      at: t.field({ type: 'Date', required: true }),
      note: t.string({ required: false }),
      hours: t.float({ required: false, description: '培训学时 (TRAINING; default 24 = 3 days)' }),
    }),
  });

  const AdvanceInput = builder.inputType('AdvanceMembershipInput', {
    subGraphs: SUB,
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

  builder.mutationFields((t) => ({
    admitApplicant: t.field({
      subGraphs: SUB,
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'input.organizationId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description:
        '接收入党申请: an applicant aged 18+ enters the file as APPLICANT (the branch committee or administrators)',
      type: payload('AdmitApplicantPayload'),
      errors: {},
      args: { input: t.arg({ type: AdmitInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        notFuture(ctx, input.appliedAt, 'input.appliedAt');
        const org = await orgForWrite(
          ctx,
          parseId(String(input.organizationId), 'PartyOrganization', 'input.organizationId'),
        );
        if (org.kind === 'GROUP')
          throw new ValidationError([
            { path: 'input.organizationId', message: '入党申请应向党支部提出 (apply to a branch, not a group)' },
          ]);
        const person = await ctx.prisma.person.findUnique({
          where: { id: parseId(String(input.personId), 'Person', 'input.personId') },
        });
        if (!person) throw notFound('居民 person');
        if (person.partyMember)
          throw new AppError('CONFLICT', '已是党员 (already a party member): use transferMembership');
        const missing: Missing[] = [];
        if (!person.birthDate)
          missing.push({ code: 'AGE_18', message: '出生日期未登记, 无法确认年满十八岁 (birth date unknown)' });
        else if (ageOn(person.birthDate, input.appliedAt) < MIN_AGE)
          missing.push({ code: 'AGE_18', message: '申请时应年满十八岁 (must be 18 or older)' });
        failIfMissing(missing);
        try {
          const membership = await ctx.prisma.$transaction(async (tx) => {
            if (await tx.partyMembership.findFirst({ where: { personId: person.id, status: 'ACTIVE' } })) {
              throw new AppError('CONFLICT', '此人已在党组织档案中 (already on a roll)');
            }
            const m = await tx.partyMembership.create({
              data: {
                personId: person.id,
                organizationId: org.id,
                regionPath: org.regionPath,
                treePath: org.treePath,
                stage: 'APPLICANT',
                appliedAt: input.appliedAt,
              },
            });
            await decide(ctx, tx, m, 'APPLIED', null, 'APPLICANT', input.appliedAt, null, input.note);
            return m;
          });
          return { membership };
        } catch (e) {
          if ((e as { code?: string }).code === 'P2002')
            throw new AppError('CONFLICT', '此人已在党组织档案中 (already on a roll)');
          throw e;
        }
      },
    }),

    recordDevelopmentStep: t.field({
      subGraphs: SUB,
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyMembership', id: 'input.membershipId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description:
        '记录发展工作: 谈话 TALK (applicant), 考察 ASSESSMENT (activist onwards), 政审 / 培训 / 公示 (candidate)',
      type: payload('RecordDevelopmentStepPayload'),
      errors: {},
      args: { input: t.arg({ type: StepInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.note, 'input.note', { max: 500, required: false })
          .check(
            input.hours == null || (input.hours > 0 && input.hours <= 200),
            'input.hours',
            '学时应为 0–200 (hours 0–200)',
          )
          .throwIfAny();
        notFuture(ctx, input.at, 'input.at');
        const m = await membershipForWrite(ctx, String(input.membershipId));
        if (m.status !== 'ACTIVE') throw invalidTransition('档案已结束 (the membership is no longer active)');
        const allowed: Record<string, Stage[]> = {
          TALK: ['APPLICANT'],
          ASSESSMENT: ['ACTIVIST', 'CANDIDATE', 'PROBATIONARY'],
          POLITICAL_REVIEW: ['CANDIDATE'],
          TRAINING: ['CANDIDATE'],
          PUBLIC_NOTICE: ['CANDIDATE'],
        };
        const stages = allowed[input.kind]!;
        if (!stages.includes(m.stage)) {
          const code =
            stages[0] === 'CANDIDATE'
              ? 'STAGE_CANDIDATE'
              : stages[0] === 'ACTIVIST'
                ? 'STAGE_ACTIVIST'
                : 'STAGE_APPLICANT';
          failIfMissing([
            {
              code,
              message: `${input.kind} 只适用于 ${stages.join('/')} 阶段, 当前为 ${m.stage} (too early or too late for this step)`,
            },
          ]);
        }
        const since =
          {
            APPLICANT: m.appliedAt,
            ACTIVIST: m.activistAt,
            CANDIDATE: m.candidateAt,
            PROBATIONARY: m.admittedAt,
            FULL: m.fullAt,
          }[m.stage] ?? m.appliedAt;
        if (input.at < since)
          throw new ValidationError([
            { path: 'input.at', message: `不能早于本阶段开始日期 ${isoDate(since)} (before this stage began)` },
          ]);
        const membership = await ctx.prisma.$transaction(async (tx) => {
          const updated = await update(tx, m, {});
          await tx.partyDevelopmentStep.create({
            data: {
              membershipId: m.id,
              kind: input.kind,
              at: input.at,
              stage: m.stage,
              hours: input.kind === 'TRAINING' ? (input.hours ?? TRAINING_MIN_HOURS) : (input.hours ?? null),
              note: input.note?.trim() || null,
              organizationId: m.organizationId,
              regionPath: m.regionPath,
              recordedById: ctx.viewer?.accountId ?? null,
            },
          });
          await ctx.audit(tx, {
            action: 'party.membership.step',
            entityType: 'PartyMembership',
            entityId: m.id,
            regionPath: m.regionPath,
            data: { kind: input.kind, at: isoDate(input.at) },
          });
          return updated;
        });
        return { membership };
      },
    }),

    advanceMembership: t.field({
      subGraphs: SUB,
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyMembership', id: 'input.membershipId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description:
        '进入下一阶段 (积极分子 / 发展对象 / 预备党员 / 正式党员), dated with the meeting that decided it; every rule of 发展党员工作细则 is checked',
      type: payload('AdvanceMembershipPayload'),
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
        const decidedAt = input.decidedAt;
        const previous = {
          ACTIVIST: m.appliedAt,
          CANDIDATE: m.activistAt,
          PROBATIONARY: m.candidateAt,
          FULL: m.admittedAt,
          APPLICANT: m.appliedAt,
        }[target]!;
        if (decidedAt < previous)
          throw new ValidationError([
            { path: 'input.decidedAt', message: `不能早于上一阶段 ${isoDate(previous)} (before the previous stage)` },
          ]);

        const steps = await ctx.prisma.partyDevelopmentStep.findMany({
          where: { membershipId: m.id },
          orderBy: { at: 'asc' },
        });
        const stepsOf = (kind: string, from: Date) =>
          steps.filter((s) => s.kind === kind && s.at >= from && s.at <= decidedAt);
        const full = await fullMembers(ctx.prisma, [...contactIds, ...introducerIds]);
        const missing: Missing[] = [];
        const need = (ok: unknown, code: string, message: string) => void (!ok && missing.push({ code, message }));
        const meeting = (kinds: string[], quorum: boolean) =>
          meetingRequirement(ctx.prisma, meetingId, m.organizationId, kinds, quorum, decidedAt);

        if (target === 'ACTIVIST') {
          need(stepsOf('TALK', m.appliedAt).length, 'TALK', '党组织派人谈话 (a talk with the applicant)');
          need(
            contactIds.length >= 1 && contactIds.every((p) => full.has(p)),
            'CONTACTS',
            '确定 1–2 名正式党员作培养联系人 (1–2 full members as contacts)',
          );
          const mm = await meeting(['COMMITTEE_MEETING', 'MEMBERS_MEETING'], false);
          if (mm) missing.push(mm);
        }
        if (target === 'CANDIDATE') {
          const oneYear = addYears(m.activistAt!, ACTIVIST_MIN_YEARS);
          need(
            decidedAt >= oneYear,
            'ACTIVIST_ONE_YEAR',
            `培养教育考察一年以上, 最早 ${isoDate(oneYear)} (at least one year as activist)`,
          );
          const short = assessmentShortfall(
            m.activistAt!,
            stepsOf('ASSESSMENT', m.activistAt!).map((s) => s.at),
            decidedAt,
          );
          need(
            !short,
            'ASSESSMENT',
            short
              ? `每半年考察一次: 应有 ${short.needed} 次, 已有 ${short.have} 次${short.lastGapFrom ? `, ${isoDate(short.lastGapFrom)} 以来超过半年未考察` : ''} (an assessment every 6 months)`
              : '',
          );
          need(
            !input.introducerIds || introducerIds.every((p) => full.has(p)),
            'INTRODUCERS',
            '入党介绍人应为正式党员 (introducers must be full members)',
          );
          const mm = await meeting(['COMMITTEE_MEETING', 'MEMBERS_MEETING'], false);
          if (mm) missing.push(mm);
        }
        if (target === 'PROBATIONARY') {
          const from = m.candidateAt!;
          need(
            introducerIds.length === 2 && introducerIds.every((p) => full.has(p)),
            'INTRODUCERS',
            '两名正式党员作入党介绍人 (two full members as introducers)',
          );
          need(
            stepsOf('POLITICAL_REVIEW', from).length,
            'POLITICAL_REVIEW',
            '政治审查 (political review of the candidate)',
          );
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
          const mm = await meeting(['MEMBERS_MEETING'], true);
          if (mm) missing.push(mm);
        }
        if (target === 'FULL') {
          need(m.approvedAt, 'APPROVAL', '上级党委审批 (approval by the committee above)');
          need(
            m.probationEndsAt && decidedAt >= m.probationEndsAt,
            'PROBATION_ONE_YEAR',
            `预备期一年, ${m.probationEndsAt ? isoDate(m.probationEndsAt) : '—'} 期满 (probation has not ended)`,
          );
          const mm = await meeting(['MEMBERS_MEETING'], true);
          if (mm) missing.push(mm);
        }
        failIfMissing(missing);

        const data: Prisma.PartyMembershipUpdateManyMutationInput = { stage: target, contactIds, introducerIds };
        if (target === 'ACTIVIST') data.activistAt = decidedAt;
        if (target === 'CANDIDATE') data.candidateAt = decidedAt;
        if (target === 'PROBATIONARY')
          Object.assign(data, {
            admittedAt: decidedAt,
            probationEndsAt: addYears(decidedAt, PROBATION_YEARS),
            duesFromMonth: monthOf(decidedAt),
          });
        if (target === 'FULL') data.fullAt = decidedAt;
        const membership = await ctx.prisma.$transaction(async (tx) => {
          const updated = await update(tx, m, data);
          if (target === 'PROBATIONARY')
            await tx.person.update({
              where: { id: m.personId },
              data: { partyMember: true, partyJoinedAt: decidedAt },
            });
          await decide(ctx, tx, m, 'ADVANCED', m.stage, target, decidedAt, meetingId, input.note);
          return updated;
        });
        return { membership };
      },
    }),
  }));
}
