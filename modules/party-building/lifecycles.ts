// The module's state machines on the kit (defineLifecycle): a conditional update on (id, status[, version]);
// an illegal move is INVALID_TRANSITION, a lost race CONFLICT; the kit writes the audit entry, named as
// before the kit ('party.membership.advanced', 'party.project.update', 'party.request.answer').
import {
  type ApplyOptions,
  type Context,
  defineLifecycle,
  type ImprovementStatus,
  type PartyImprovementProject,
  type PartyMembership,
  type PartyMembershipStatus,
  type PartyRequestStatus,
  type PartyResidentRequest,
  type StageDecisionAction,
  withAuditNames,
  type WriteUnit,
} from '../../src/kit/index.js';
import type { Stage } from './rules.js';

// ——— 党员档案: the file is ACTIVE while on a roll; stage changes, steps and edits keep it ACTIVE ———

/** a dated stage decision (PartyStageDecision), the membership's timeline */
export interface Decision {
  action: StageDecisionAction;
  fromStage: Stage | null;
  toStage: Stage;
  decidedAt: Date;
  meetingId: string | null;
  note: string | null | undefined;
}

/** the decision row of a membership (also for a file that is being created: APPLIED, TRANSFERRED_IN) */
export const decisionRow = (ctx: Context, m: PartyMembership, d: Decision) => ({
  membershipId: m.id,
  action: d.action,
  fromStage: d.fromStage,
  toStage: d.toStage,
  decidedAt: d.decidedAt,
  meetingId: d.meetingId,
  note: d.note?.trim() || null,
  organizationId: m.organizationId,
  regionPath: m.regionPath,
  recordedById: ctx.viewer?.accountId ?? null,
});

type MembershipRecord = PartyMembership & { decision?: Decision };
type MembershipAction =
  | 'STEP'
  | 'ADVANCED'
  | 'APPROVED'
  | 'PROBATION_EXTENDED'
  | 'PROBATION_CANCELLED'
  | 'TRANSFER'
  | 'TRANSFERRED_OUT'
  | 'GROUP'
  | 'DUES_BASE';

const ON_ROLL = ['ACTIVE'] as const;
const ANY_STATUS = ['ACTIVE', 'TRANSFERRED_OUT', 'CANCELLED', 'WITHDRAWN'] as const;

export const membershipLifecycle = defineLifecycle<PartyMembershipStatus, MembershipAction, MembershipRecord>({
  entity: 'PartyMembership',
  model: 'partyMembership',
  states: {
    ACTIVE: '在册 on the roll',
    TRANSFERRED_OUT: '已转出 transferred out',
    CANCELLED: '已取消资格 cancelled',
    WITHDRAWN: '已撤回 withdrawn',
  },
  transitions: {
    STEP: { from: ON_ROLL, to: 'SAME' },
    ADVANCED: { from: ON_ROLL, to: 'SAME' },
    APPROVED: { from: ON_ROLL, to: 'SAME' },
    PROBATION_EXTENDED: { from: ON_ROLL, to: 'SAME' },
    PROBATION_CANCELLED: { from: ON_ROLL, to: 'CANCELLED' },
    TRANSFER: { from: ON_ROLL, to: 'SAME' },
    TRANSFERRED_OUT: { from: ON_ROLL, to: 'TRANSFERRED_OUT' },
    GROUP: { from: ON_ROLL, to: 'SAME' },
    // the dues base may be corrected on a closed file too (arrears are still owed)
    DUES_BASE: { from: ANY_STATUS, to: 'SAME' },
  },
  illegal: () => '档案已结束 (the membership is no longer active)',
  // a stage decision is the membership's timeline; steps, transfers and edits have none
  timeline: (w, ctx, m) =>
    m.decision ? w.tx.partyStageDecision.create({ data: decisionRow(ctx, m, m.decision) }) : Promise.resolve(),
});

/** audit names of the actions whose name is not 'party.membership.<action in lower case>' */
const MEMBERSHIP_AUDIT: Record<string, string> = {
  transferred_out: 'party.membership.transferOut',
  dues_base: 'party.dues.base',
};
const membershipAudit = (action: string) => MEMBERSHIP_AUDIT[action] ?? `party.membership.${action}`;

export const CHANGED = '档案已被他人修改 (changed by someone else first)';

/** a change of the file through its lifecycle; `decision` adds the dated stage decision */
export function applyMembership(
  w: WriteUnit,
  ctx: Context,
  m: PartyMembership,
  action: MembershipAction,
  options: ApplyOptions & { decision?: Decision } = {},
) {
  const { decision, ...rest } = options;
  return membershipLifecycle.apply(withAuditNames(ctx, w, membershipAudit), ctx, { ...m, decision }, action, {
    conflictMessage: CHANGED,
    ...rest,
  });
}

// ——— 小区改造项目: forward only (PLANNED → IN_PROGRESS → COMPLETED), optimistic version ———

type ProjectAction = 'STARTED' | 'COMPLETED' | 'UPDATED' | 'REPLANNED';
const PROJECT_TARGET: Record<ProjectAction, ImprovementStatus | null> = {
  STARTED: 'IN_PROGRESS',
  COMPLETED: 'COMPLETED',
  UPDATED: null,
  REPLANNED: 'PLANNED',
};

export const projectLifecycle = defineLifecycle<ImprovementStatus, ProjectAction, PartyImprovementProject>({
  entity: 'PartyImprovementProject',
  model: 'partyImprovementProject',
  states: { PLANNED: '计划 planned', IN_PROGRESS: '实施中 in progress', COMPLETED: '已完成 completed' },
  transitions: {
    STARTED: { from: ['PLANNED'], to: 'IN_PROGRESS' },
    COMPLETED: { from: ['PLANNED', 'IN_PROGRESS'], to: 'COMPLETED' },
    UPDATED: { from: ['PLANNED', 'IN_PROGRESS', 'COMPLETED'], to: 'SAME' },
    // back to planning: never, once started
    REPLANNED: { from: [], to: 'PLANNED' },
  },
  illegal: (p, action) => `项目状态只能向前 (${p.status} → ${PROJECT_TARGET[action]} is backwards)`,
});

/** the action that moves a project to `status` (the same status: an update of its outputs) */
export const projectAction = (from: ImprovementStatus, to: ImprovementStatus | null | undefined): ProjectAction =>
  !to || to === from ? 'UPDATED' : to === 'COMPLETED' ? 'COMPLETED' : to === 'PLANNED' ? 'REPLANNED' : 'STARTED';

export function applyProject(
  w: WriteUnit,
  ctx: Context,
  p: PartyImprovementProject,
  action: ProjectAction,
  options: ApplyOptions,
) {
  // every move of a project was one audit action, 'party.project.update', and stays so
  const named = withAuditNames(ctx, w, () => 'party.project.update');
  return projectLifecycle.apply(named, ctx, p, action, {
    conflictMessage: '项目已被他人修改, 请刷新 (changed by someone else first)',
    ...options,
  });
}

// ——— 居民诉求: answered once; the table has no version column, the status guards it ———

export const requestLifecycle = defineLifecycle<PartyRequestStatus, 'ANSWERED', PartyResidentRequest>({
  entity: 'PartyResidentRequest',
  model: 'partyResidentRequest',
  versioned: false,
  states: { OPEN: '待答复 open', ANSWERED: '已答复 answered' },
  transitions: { ANSWERED: { from: ['OPEN'], to: 'ANSWERED' } },
  illegal: () => '诉求已答复 (already answered)',
});

export function answerRequest(w: WriteUnit, ctx: Context, r: PartyResidentRequest, options: ApplyOptions) {
  return requestLifecycle.apply(
    withAuditNames(ctx, w, () => 'party.request.answer'),
    ctx,
    r,
    'ANSWERED',
    {
      conflictMessage: '诉求刚被他人答复 (answered by someone else meanwhile)',
      ...options,
    },
  );
}
