// Every change of a wish's status goes through here: a conditional update on (id, status, version),
// one timeline row and one audit entry, inside the caller's transaction. If anybody changed the wish
// since it was read, the update matches no row and the caller gets CONFLICT with nothing changed.
import { conflict, invalidTransition, type Context, type Prisma, type Role, type Wish } from '../../src/kit/index.js';
import { ACTION_LABELS, STATUS_LABELS, TRANSITIONS, type TransitionAction, type WishAction, type WishStatus } from './model.js';

/** throws INVALID_TRANSITION unless `action` is allowed from the wish's current status */
export function assertTransition(wish: Pick<Wish, 'status'>, action: TransitionAction) {
  if (!TRANSITIONS[action].from.includes(wish.status)) {
    throw invalidTransition(
      `${short(STATUS_LABELS[wish.status])}的心愿不能${short(ACTION_LABELS[action])} (cannot ${action.toLowerCase().replace('_', ' ')} a ${wish.status} wish)`,
    );
  }
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

export async function applyTransition(
  tx: Prisma.TransactionClient,
  ctx: Context,
  wish: Wish,
  action: TransitionAction,
  options: TransitionOptions = {},
): Promise<Wish> {
  assertTransition(wish, action);
  return conditionalChange(tx, ctx, wish, action, TRANSITIONS[action].to, options, {});
}

/**
 * 修改: a correction that keeps the status (updateWish). The same conditional update on
 * (status, version), so a review or withdrawal that lands first makes it a CONFLICT, and vice versa;
 * the timeline entry is EDITED with from = to = the current status. `changes` goes to the audit log.
 */
export async function applyEdit(
  tx: Prisma.TransactionClient,
  ctx: Context,
  wish: Wish,
  options: TransitionOptions & { changes: Record<string, { from: unknown; to: unknown }> },
): Promise<Wish> {
  return conditionalChange(tx, ctx, wish, 'EDITED', wish.status, options, { changes: options.changes });
}

async function conditionalChange(
  tx: Prisma.TransactionClient,
  ctx: Context,
  wish: Wish,
  action: Exclude<WishAction, 'SUBMITTED'>,
  to: WishStatus,
  options: TransitionOptions,
  auditExtra: Record<string, unknown>,
): Promise<Wish> {
  const [updated] = await tx.wish.updateManyAndReturn({
    where: { id: wish.id, status: wish.status, version: wish.version },
    data: { ...options.data, status: to, version: { increment: 1 } },
  });
  if (!updated) throw conflict(options.conflictMessage ?? '心愿刚被他人更改，请刷新后重试 (the wish changed meanwhile; reload and retry)');
  await tx.wishEvent.create({
    data: timelineRow(wish, { action, from: wish.status, to, at: ctx.clock.now(), actor: actorOf(ctx), note: options.note }),
  });
  await ctx.audit(tx, {
    action: `wishes.${action.toLowerCase()}`,
    entityType: 'Wish',
    entityId: wish.id,
    regionPath: wish.regionPath,
    data: { from: wish.status, to, note: options.note ?? null, ...auditExtra },
  });
  return updated;
}
