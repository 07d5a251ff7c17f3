// 发展党员 (中国共产党发展党员工作细则, 2014): admitApplicant and recordDevelopmentStep here, advanceMembership
// in advance.ts, probation in probation.ts. A step taken too early or without what it needs is
// PRECONDITION_FAILED naming every missing requirement; nothing is changed then.
import {
  AppError,
  Checks,
  invalidTransition,
  isUniqueViolation,
  notFound,
  parseId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
  type Context,
  type PartyMembership,
  type Prisma,
} from '../../src/kit/index.js';
import { assertManages, orgForWrite } from './access.js';
import type { PartyEnums } from './enums.js';
import { applyMembership, decisionRow } from './lifecycles.js';
import {
  ageOn,
  chinaDate,
  describeMissing,
  isoDate,
  MIN_AGE,
  type Missing,
  MODULE_ID,
  type Stage,
  TRAINING_MIN_HOURS,
} from './rules.js';
import { partyWrite } from './unit.js';

type Db = Prisma.TransactionClient | Context['prisma'];

/** loads a membership for a change: exists, module on, viewer manages its organisation */
export async function membershipForWrite(
  ctx: Context,
  globalId: string,
  path = 'input.membershipId',
): Promise<PartyMembership> {
  const m = await ctx.prisma.partyMembership.findUnique({ where: { id: parseId(globalId, 'PartyMembership', path) } });
  if (!m) throw notFound('党员档案 membership');
  // before the access check, so a switched-off township answers MODULE_DISABLED to everyone
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
  db: Db,
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

export const today = (ctx: Context) => chinaDate(ctx.clock.now());
export const notFuture = (ctx: Context, d: Date, path: string) => {
  if (d > today(ctx)) throw new ValidationError([{ path, message: '日期不能晚于今天 (not in the future)' }]);
};

const ON_A_ROLL = '此人已在党组织档案中 (already on a roll)';

/** a new file (admitted applicant or member transferred in): one ACTIVE file per person, also under a race */
export async function createMembership(
  ctx: Context,
  regionPath: string,
  work: (tx: Prisma.TransactionClient) => Promise<PartyMembership>,
  audit: { action: string; data: Record<string, unknown> },
  personId: string,
) {
  try {
    return await partyWrite(ctx, regionPath, async (w) => {
      if (await w.tx.partyMembership.findFirst({ where: { personId, status: 'ACTIVE' } }))
        throw new AppError('CONFLICT', ON_A_ROLL);
      const m = await work(w.tx);
      await w.audit({ ...audit, entityType: 'PartyMembership', entityId: m.id, regionPath: m.regionPath });
      return m;
    });
  } catch (e) {
    // two creations that both found no file: the partial unique index on ACTIVE files lets one through
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', ON_A_ROLL);
    throw e;
  }
}

/** the stages a development step belongs to, and the requirement code named when it comes too early or late */
const STEP_STAGES: Record<string, Stage[]> = {
  TALK: ['APPLICANT'],
  ASSESSMENT: ['ACTIVIST', 'CANDIDATE', 'PROBATIONARY'],
  POLITICAL_REVIEW: ['CANDIDATE'],
  TRAINING: ['CANDIDATE'],
  PUBLIC_NOTICE: ['CANDIDATE'],
};

function assertStepFits(m: PartyMembership, kind: string, at: Date) {
  const stages = STEP_STAGES[kind]!;
  if (!stages.includes(m.stage)) {
    const code =
      stages[0] === 'CANDIDATE' ? 'STAGE_CANDIDATE' : stages[0] === 'ACTIVIST' ? 'STAGE_ACTIVIST' : 'STAGE_APPLICANT';
    failIfMissing([
      {
        code,
        message:
          `${kind} 只适用于 ${stages.join('/')} 阶段, 当前为 ${m.stage} ` + '(too early or too late for this step)',
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
  if (at < since)
    throw new ValidationError([
      { path: 'input.at', message: `不能早于本阶段开始日期 ${isoDate(since)} (before this stage began)` },
    ]);
}

export function registerDevelopment(builder: Builder, enums: PartyEnums) {
  const payload = (name: string) => payloadType(builder, name, 'membership', 'PartyMembership');
  const AdmitInput = builder.inputType('AdmitApplicantInput', {
    description: '接收入党申请',
    fields: (t) => ({
      personId: t.id({ required: true }),
      organizationId: t.id({ required: true, description: '党支部' }),
      appliedAt: t.field({ type: 'Date', required: true, description: '递交入党申请书日期' }),
      note: t.string({ required: false }),
    }),
  });

  const StepInput = builder.inputType('RecordDevelopmentStepInput', {
    fields: (t) => ({
      membershipId: t.id({ required: true }),
      kind: t.field({ type: enums.StepKind, required: true }),
      at: t.field({ type: 'Date', required: true }),
      note: t.string({ required: false }),
      hours: t.float({ required: false, description: '培训学时 (TRAINING; default 24 = 3 days)' }),
    }),
  });

  builder.mutationFields((t) => ({
    admitApplicant: t.field({
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
        const decision = {
          action: 'APPLIED',
          fromStage: null,
          toStage: 'APPLICANT',
          decidedAt: input.appliedAt,
          meetingId: null,
          note: input.note,
        } as const;
        const membership = await createMembership(
          ctx,
          org.regionPath,
          async (tx) => {
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
            await tx.partyStageDecision.create({ data: decisionRow(ctx, m, decision) });
            return m;
          },
          {
            action: 'membership.applied',
            data: { fromStage: null, toStage: 'APPLICANT', decidedAt: isoDate(input.appliedAt) },
          },
          person.id,
        );
        return { membership };
      },
    }),

    recordDevelopmentStep: t.field({
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
        assertStepFits(m, input.kind, input.at);
        const membership = await partyWrite(ctx, m.regionPath, async (w) => {
          // the step bumps the file's version: a step and a stage change never pass each other
          const updated = await applyMembership(w, ctx, m, 'STEP', {
            audit: { kind: input.kind, at: isoDate(input.at) },
          });
          await w.tx.partyDevelopmentStep.create({
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
          return updated;
        });
        return { membership };
      },
    }),
  }));
}
