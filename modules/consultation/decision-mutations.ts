// 四议两公开 writes. recordDecisionStep moves a decision exactly one step along: a step out of order is
// INVALID_TRANSITION (details: expected, got); a step already recorded (someone was first) is CONFLICT; a
// meeting without quorum or majority is PRECONDITION_FAILED (details: reason, required, counts) and the
// matter stays where it was. Publication steps post the notice (决议公开, 实施结果公开) for publicationDays;
// the result may be posted only once the resolution was up for the whole period.
import {
  AppError,
  Checks,
  conflict,
  invalidTransition,
  payloadType,
  ValidationError,
  write,
  type Builder,
  type Context,
  type VillageDecision,
} from '../../src/kit/index.js';
import { communityForWrite, communityPartyOrg, decisionForWrite } from './access.js';
import { registerRejectRevise } from './decision-revise.js';
import type { DecisionRef } from './decisions.js';
import { decisionLifecycle, STEP_ACTION } from './lifecycles.js';
import { DECISION_ORDER, MODULE_ID, type DecisionStatus, type Enums, type MeetingKind } from './model.js';
import { voteFailure, type QuorumRules } from './rules.js';

const WRITERS = ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER'] as const;
const DAY_MS = 86_400_000;
/** the meeting whose quorum applies at each meeting step (RESOLVED: the input names which) */
const MEETING_OF: Partial<Record<DecisionStatus, MeetingKind>> = {
  DISCUSSED: 'TWO_COMMITTEES',
  REVIEWED: 'PARTY_MEMBERS_MEETING',
};

/** the order of 四议两公开: CONFLICT when the step is already behind the matter, INVALID_TRANSITION when ahead */
function assertNextStep(d: VillageDecision, step: DecisionStatus) {
  if (d.status === 'REJECTED') throw invalidTransition('事项未通过，须修改后重新提议 (rejected: revise it first)');
  const at = DECISION_ORDER.indexOf(d.status);
  const to = DECISION_ORDER.indexOf(step);
  if (to <= at) throw conflict(`该步骤已记录 (${step} is already recorded; the matter is ${d.status})`);
  if (to !== at + 1) {
    throw new AppError('INVALID_TRANSITION', `须按顺序进行: 下一步是 ${DECISION_ORDER[at + 1]} (steps go in order)`, {
      expected: DECISION_ORDER[at + 1],
      got: step,
    });
  }
}

export function registerDecisionMutations(builder: Builder, enums: Enums, Decision: DecisionRef) {
  const Payload = payloadType(builder, 'VillageDecisionPayload', 'decision', Decision, {
    description: '四议两公开 事项 the changed decision',
  });
  registerPropose(builder, Payload);
  registerStep(builder, enums, Payload);
  registerRejectRevise(builder, Payload);
}

function registerPropose(builder: Builder, Payload: ReturnType<typeof payloadType>) {
  const Input = builder.inputType('ProposeVillageDecisionInput', {
    description: '党支部提议',
    fields: (t) => ({
      communityId: t.id({ required: true, description: '村' }),
      partyOrganizationId: t.id({ required: true, description: '提议的党组织: a PartyOrganization of the village' }),
      title: t.string({ required: true, description: '事项, 2–100 characters' }),
      content: t.string({ required: true, description: '内容, 2–5000 characters' }),
      drill: t.boolean({ required: false, description: '情景模拟演练 (default false)' }),
    }),
  });
  builder.mutationField('proposeVillageDecision', (t) =>
    t.field({
      policy: { roles: WRITERS, scope: { region: 'input.communityId' } },
      description: '党支部提议 (PROPOSED): the first step of 四议两公开, by a party organisation of the village',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.title, 'input.title', { min: 2, max: 100 })
          .text(input.content, 'input.content', { min: 2, max: 5000 })
          .throwIfAny();
        const community = await communityForWrite(ctx, input.communityId, 'input.communityId');
        const org = await communityPartyOrg(ctx, input.partyOrganizationId, community, 'input.partyOrganizationId');
        const decision = await write(ctx, { module: MODULE_ID, regionPath: community.path }, async (w) => {
          const d = await w.tx.villageDecision.create({
            data: {
              communityId: community.id,
              regionPath: community.path,
              partyOrgId: org.id,
              title: input.title.trim(),
              content: input.content.trim(),
              drill: input.drill ?? false,
              proposedAt: w.now,
            },
          });
          await w.audit({
            action: 'proposed',
            entityType: 'VillageDecision',
            entityId: d.id,
            data: { drill: d.drill },
          });
          return d;
        });
        return { decision };
      },
    }),
  );
}

function registerStep(builder: Builder, enums: Enums, Payload: ReturnType<typeof payloadType>) {
  const Input = builder.inputType('RecordDecisionStepInput', {
    description: '记录一步 (two committees, party members, villagers; then the two publications)',
    fields: (t) => ({
      decisionId: t.id({ required: true }),
      step: t.field({ type: enums.DecisionStatus, required: true, description: 'the status the step reaches' }),
      heldOn: t.field({ type: 'Date', required: true, description: '日期' }),
      meetingKind: t.field({
        type: enums.MeetingKind,
        required: false,
        description: 'RESOLVED: REPRESENTATIVES_MEETING or VILLAGERS_MEETING',
      }),
      members: t.int({ required: false, description: '应到人数 (meetings)' }),
      present: t.int({ required: false, description: '实到人数 (meetings)' }),
      households: t.int({ required: false, description: '总户数 (村民会议)' }),
      householdsRepresented: t.int({ required: false, description: '到会户代表 (村民会议)' }),
      votesFor: t.int({ required: false }),
      votesAgainst: t.int({ required: false }),
      abstentions: t.int({ required: false }),
      note: t.string({ required: false }),
      questionsAnswered: t.int({ required: false, description: '现场答疑数 (drills), added to the total' }),
      noticeTitle: t.string({ required: false, description: '公示标题 (publications; default: the matter)' }),
      noticeBody: t.string({ required: false, description: '公示内容 (publications; required there)' }),
    }),
  });
  builder.mutationField('recordDecisionStep', (t) =>
    t.field({
      policy: { roles: WRITERS, scope: { record: 'VillageDecision', id: 'input.decisionId' } },
      description:
        '记录一步 of 四议两公开, strictly in order: INVALID_TRANSITION out of order, CONFLICT if already recorded, ' +
        'PRECONDITION_FAILED without quorum or majority (quorumRules) or before the publication period is over',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        if (input.step === 'PROPOSED' || input.step === 'REJECTED')
          throw new ValidationError([{ path: 'input.step', message: '应为 DISCUSSED … RESULT_PUBLISHED (a step)' }]);
        const d = await decisionForWrite(ctx, input.decisionId);
        assertNextStep(d, input.step);
        const publication = input.step === 'RESOLUTION_PUBLISHED' || input.step === 'RESULT_PUBLISHED';
        stepChecks(input, publication);
        const kind = input.step === 'RESOLVED' ? input.meetingKind : MEETING_OF[input.step];
        const scope = { module: MODULE_ID, regionPath: d.regionPath, settings: ['quorumRules', 'publicationDays'] };
        const decision = await write(ctx, scope, async (w) => {
          if (kind) {
            const failure = voteFailure(w.settings.quorumRules as QuorumRules, kind, {
              members: input.members!,
              present: input.present!,
              households: input.households,
              householdsRepresented: input.householdsRepresented,
              votesFor: input.votesFor!,
            });
            if (failure) throw new AppError('PRECONDITION_FAILED', failureMessage(failure.reason), failure);
          }
          const days = w.settings.publicationDays as number;
          if (input.step === 'RESULT_PUBLISHED') await assertPeriodOver(w.tx, d, w.now, days);
          const next = await decisionLifecycle.apply(w, ctx, d, STEP_ACTION[input.step as keyof typeof STEP_ACTION], {
            data: input.questionsAnswered ? { questionsAnswered: { increment: input.questionsAnswered } } : {},
            note: input.note ?? null,
          });
          await w.tx.villageDecisionStep.create({ data: stepRow(d, input, kind ?? null, ctx, w.now) });
          if (publication) {
            await w.tx.noticeBoardItem.create({
              data: {
                communityId: d.communityId,
                regionPath: d.regionPath,
                kind: input.step === 'RESOLUTION_PUBLISHED' ? 'RESOLUTION' : 'IMPLEMENTATION_RESULT',
                title: input.noticeTitle?.trim() || d.title,
                body: input.noticeBody!.trim(),
                postedAt: w.now,
                expiresAt: new Date(w.now.getTime() + days * DAY_MS),
                decisionId: d.id,
                postedById: ctx.viewer?.accountId ?? null,
              },
            });
          }
          return next;
        });
        return { decision };
      },
    }),
  );
}

const failureMessage = (reason: string) =>
  reason === 'QUORUM'
    ? '到会人数不足法定人数，表决无效 (no quorum: the vote does not count)'
    : '赞成票未过到会人数半数，未通过 (no majority of those present)';

function stepChecks(input: Record<string, unknown> & { step: DecisionStatus }, publication: boolean) {
  const n = (v: unknown) => v == null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000);
  const checks = new Checks();
  for (const key of [
    'members',
    'present',
    'households',
    'householdsRepresented',
    'votesFor',
    'votesAgainst',
    'abstentions',
    'questionsAnswered',
  ])
    checks.check(n(input[key]), `input.${key}`, '应为 0–100000 的整数');
  checks.text(input.note as string | null, 'input.note', { max: 500, required: false });
  if (publication) {
    checks.text(input.noticeTitle as string | null, 'input.noticeTitle', { min: 2, max: 100, required: false });
    checks.text(input.noticeBody as string | null, 'input.noticeBody', { min: 2, max: 5000 });
  } else {
    for (const key of ['members', 'present', 'votesFor'])
      checks.check(input[key] != null, `input.${key}`, '必填 required');
    const members = input.members as number;
    const present = input.present as number;
    checks.check(present == null || members == null || present <= members, 'input.present', '不能多于应到人数');
    const votes =
      ((input.votesFor as number) ?? 0) + ((input.votesAgainst as number) ?? 0) + ((input.abstentions as number) ?? 0);
    checks.check(present == null || votes <= present, 'input.votesFor', '票数不能多于实到人数 (votes ≤ present)');
    if (input.step === 'RESOLVED') {
      checks.check(
        input.meetingKind === 'REPRESENTATIVES_MEETING' || input.meetingKind === 'VILLAGERS_MEETING',
        'input.meetingKind',
        '决议须由村民会议或村民代表会议作出 (REPRESENTATIVES_MEETING or VILLAGERS_MEETING)',
      );
    }
  }
  checks.throwIfAny();
}

async function assertPeriodOver(tx: Context['prisma'] | object, d: VillageDecision, now: Date, days: number) {
  const notice = await (tx as Context['prisma']).noticeBoardItem.findFirst({
    where: { decisionId: d.id, kind: 'RESOLUTION' },
    orderBy: { postedAt: 'desc' },
  });
  const due = notice ? new Date(notice.postedAt.getTime() + days * DAY_MS) : now;
  if (now < due) {
    throw new AppError(
      'PRECONDITION_FAILED',
      `决议须公示满 ${days} 天 (the resolution must be posted ${days} days first)`,
      {
        reason: 'PUBLICATION_PERIOD',
        publicationDays: days,
        until: due.toISOString(),
      },
    );
  }
}

function stepRow(d: VillageDecision, input: Record<string, any>, kind: string | null, ctx: Context, now: Date) {
  return {
    decisionId: d.id,
    toStatus: input.step,
    meetingKind: kind,
    heldOn: input.heldOn,
    members: input.members ?? null,
    present: input.present ?? null,
    households: input.households ?? null,
    householdsRepresented: input.householdsRepresented ?? null,
    votesFor: input.votesFor ?? null,
    votesAgainst: input.votesAgainst ?? null,
    abstentions: input.abstentions ?? null,
    note: input.note?.trim() || null,
    actorId: ctx.viewer?.accountId ?? null,
    at: now,
  };
}
