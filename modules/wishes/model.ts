// The wish lifecycle in one place: statuses, the transitions between them, and the GraphQL enums.
//
//   PENDING_REVIEW ─approve→ PUBLISHED ─claim→ CLAIMED ─fulfil→ FULFILLED ─confirm→ CONFIRMED
//         │                     ▲                │
//         └─reject→ REJECTED    └─release/expire─┘
//   PENDING_REVIEW | PUBLISHED | CLAIMED ─withdraw→ WITHDRAWN
//   PENDING_REVIEW (requester, worker) | PUBLISHED (worker) ─edit→ the same status (EDITED, updateWish)
import {
  describedValues as values,
  PUBLIC_SUB_GRAPH,
  type Builder,
  type WishAction,
  type WishStatus,
} from '../../src/kit/index.js';

export const MODULE_ID = 'wishes';
export const SUB_GRAPHS = [MODULE_ID];

export type { WishAction, WishStatus };
/** actions that move a wish from one status to another (SUBMITTED creates it, EDITED keeps the status) */
export type TransitionAction = Exclude<WishAction, 'SUBMITTED' | 'EDITED'>;

export const STATUS_LABELS: Record<WishStatus, string> = {
  PENDING_REVIEW: '待审核 waiting for review by a community worker',
  PUBLISHED: '已发布 published on the wish wall, waiting for a claimant',
  CLAIMED: '已认领 claimed by one party member (一对一认领)',
  FULFILLED: '已兑现 delivered by the claimant, waiting for acknowledgement',
  CONFIRMED: '已确认 acknowledged by the resident or a worker (圆梦)',
  REJECTED: '未通过 rejected at review, with a reason',
  WITHDRAWN: '已撤回 withdrawn by the resident or a worker before fulfilment',
};

export const ACTION_LABELS: Record<WishAction, string> = {
  SUBMITTED: '提交 submitted',
  APPROVED: '审核通过 approved and published',
  REJECTED: '审核未通过 rejected',
  CLAIMED: '认领 claimed',
  CLAIM_RELEASED: '放弃认领 claim released by the claimant',
  CLAIM_EXPIRED: '认领超期 claim deadline passed, back on the wall',
  FULFILLED: '兑现 fulfilled',
  CONFIRMED: '确认圆梦 confirmed',
  WITHDRAWN: '撤回 withdrawn',
  EDITED: '修改 corrected (title, description, category or value); the status stays',
};

/** the only legal transitions: anything else is INVALID_TRANSITION and changes nothing */
export const TRANSITIONS: Record<TransitionAction, { from: readonly WishStatus[]; to: WishStatus }> = {
  APPROVED: { from: ['PENDING_REVIEW'], to: 'PUBLISHED' },
  REJECTED: { from: ['PENDING_REVIEW'], to: 'REJECTED' },
  CLAIMED: { from: ['PUBLISHED'], to: 'CLAIMED' },
  CLAIM_RELEASED: { from: ['CLAIMED'], to: 'PUBLISHED' },
  CLAIM_EXPIRED: { from: ['CLAIMED'], to: 'PUBLISHED' },
  FULFILLED: { from: ['CLAIMED'], to: 'FULFILLED' },
  CONFIRMED: { from: ['FULFILLED'], to: 'CONFIRMED' },
  WITHDRAWN: { from: ['PENDING_REVIEW', 'PUBLISHED', 'CLAIMED'], to: 'WITHDRAWN' },
};

/** statuses in which updateWish may correct a wish: the requester before review, a worker also while published */
export const EDITABLE_BY_REQUESTER: readonly WishStatus[] = ['PENDING_REVIEW'];
export const EDITABLE_BY_WORKER: readonly WishStatus[] = ['PENDING_REVIEW', 'PUBLISHED'];

/** statuses in which a wish has (or had) a claimant: claiming it again is a CONFLICT */
export const TAKEN_STATUSES: readonly WishStatus[] = ['CLAIMED', 'FULFILLED', 'CONFIRMED'];
/** statuses a wish reaches only after publication: visible to the party members of its community */
export const PUBLIC_STATUSES: readonly WishStatus[] = ['PUBLISHED', ...TAKEN_STATUSES];

/** fields cleared when a claim ends without fulfilment (released or expired) */
export const CLEARED_CLAIM = {
  claimantId: null,
  organizationId: null,
  claimNote: null,
  claimedAt: null,
  claimDueAt: null,
} as const;

export const CATEGORY_LABELS = {
  DAILY_NECESSITIES: '生活必需品 daily necessities (米面油, 电饭锅, 取暖器 …)',
  HEALTH: '健康 health (护腰带, 护膝, 血压计 …)',
  EDUCATION: '教育学习 education and study (书包, 文具, 篮球 …)',
  ELDER_CARE: '养老 elder care (泡脚桶, 老年手机 …)',
  DISABILITY_AID: '助残 disability aid (轮椅, 助听器 …)',
  OTHER: '其他 other',
} as const;

export const CHANNEL_LABELS = {
  CHAT_GROUP: '爱心群 community chat group',
  WISH_WALL: '心愿墙 wish wall',
  HOME_VISIT: '走访入户 home visit',
  ONLINE: "线上 online, from the residents' app",
} as const;

/** the module's GraphQL enums (built once per builder) */
export function registerEnums(builder: Builder) {
  return {
    WishStatus: builder.enumType('WishStatus', {
      description: '微心愿状态',
      values: values(STATUS_LABELS),
    }),
    WishAction: builder.enumType('WishAction', {
      description: '心愿流转动作',
      values: values(ACTION_LABELS),
    }),
    // public: the wish wall filters by it (see wall.ts)
    WishCategory: builder.enumType('WishCategory', {
      subGraphs: [...SUB_GRAPHS, PUBLIC_SUB_GRAPH],
      description: '心愿类别',
      values: values(CATEGORY_LABELS),
    }),
    WishChannel: builder.enumType('WishChannel', {
      description: '征集渠道',
      values: values(CHANNEL_LABELS),
    }),
  };
}

export type WishEnums = ReturnType<typeof registerEnums>;
