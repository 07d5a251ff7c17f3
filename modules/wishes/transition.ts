// Every change of a wish's status goes through its lifecycle (the kit's defineLifecycle): a conditional
// update on (id, status, version), one timeline row and one audit entry, inside the write's transaction.
// If anybody changed the wish since it was read, the update matches no row: CONFLICT, nothing changed.
import {
  defineLifecycle,
  type Context,
  type Prisma,
  type Role,
  type Wish,
  type WriteUnit,
} from '../../src/kit/index.js';
import {
  ACTION_LABELS,
  STATUS_LABELS,
  TRANSITIONS,
  type TransitionAction,
  type WishAction,
  type WishStatus,
} from './model.js';

/** throws INVALID_TRANSITION unless `action` is allowed from the wish's current status */
export function assertTransition(wish: Pick<Wish, 'status'>, action: TransitionAction) {
  wishLifecycle.assert(wish, action);
}

const short = (label: string) => label.split(' ')[0];

export interface Actor {
  accountId: string | null;
  personId: string | null;
  role: Role | null;
}

export const actorOf = (ctx: Context): Actor => ({
  accountId: ctx.viewer?.accountId ?? null,
  personId: ctx.viewer?.personId ?? null,
  role: ctx.viewer?.role ?? null,
});

/** the timeline row of one transition (also used by the seed and the expiry job) */
export function timelineRow(
  wish: Pick<Wish, 'id' | 'communityId' | 'regionPath'>,
  entry: { action: WishAction; from: WishStatus | null; to: WishStatus; at: Date; actor: Actor; note?: string | null },
): Prisma.WishEventCreateManyInput {
  return {
    wishId: wish.id,
    communityId: wish.communityId,
    regionPath: wish.regionPath,
    action: entry.action,
    fromStatus: entry.from,
    toStatus: entry.to,
    at: entry.at,
    actorId: entry.actor.accountId,
    actorPersonId: entry.actor.personId,
    actorRole: entry.actor.role,
    note: entry.note ?? null,
  };
}

export interface TransitionOptions {
  /** fields set together with the new status */
  data?: Prisma.WishUpdateManyMutationInput & { claimantId?: string | null; organizationId?: string | null };
  /** shown in the timeline */
  note?: string | null;
  /** what the loser of a race is told */
  conflictMessage?: string;
}

const ALL_STATUSES = Object.keys(STATUS_LABELS) as WishStatus[];

/**
 * The wish's state machine on the kit: a conditional update on (status, version), the timeline row and
 * the audit entry in the write's transaction. 修改 (EDITED, updateWish) keeps the status but takes the
 * same conditional update, so a review or withdrawal that lands first makes it a CONFLICT, and vice versa.
 */
export const wishLifecycle = defineLifecycle<WishStatus, Exclude<WishAction, 'SUBMITTED'>, Wish>({
  entity: 'Wish',
  model: 'wish',
  states: STATUS_LABELS,
  transitions: { ...TRANSITIONS, EDITED: { from: ALL_STATUSES, to: 'SAME' } },
  illegal: (wish, action) =>
    `${short(STATUS_LABELS[wish.status])}的心愿不能${short(ACTION_LABELS[action])} ` +
    `(cannot ${action.toLowerCase().replace('_', ' ')} a ${wish.status} wish)`,
  timeline: (w, ctx, wish, e) => w.tx.wishEvent.create({ data: timelineRow(wish, { ...e, actor: actorOf(ctx) }) }),
});

const RACE = '心愿刚被他人更改，请刷新后重试 (the wish changed meanwhile; reload and retry)';

export function applyTransition(
  w: WriteUnit,
  ctx: Context,
  wish: Wish,
  action: TransitionAction,
  options: TransitionOptions = {},
) {
  return wishLifecycle.apply(w, ctx, wish, action, { ...options, conflictMessage: options.conflictMessage ?? RACE });
}

/** 修改: a correction that keeps the status (updateWish); `changes` goes to the audit log */
export function applyEdit(
  w: WriteUnit,
  ctx: Context,
  wish: Wish,
  options: TransitionOptions & { changes: Record<string, { from: unknown; to: unknown }> },
) {
  const { changes, ...rest } = options;
  return wishLifecycle.apply(w, ctx, wish, 'EDITED', {
    ...rest,
    conflictMessage: rest.conflictMessage ?? RACE,
    audit: { changes },
  });
}
