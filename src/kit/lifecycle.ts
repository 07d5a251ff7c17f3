// 状态机: one definition per state machine (wishes, memberships, incidents, needs, orders, activities …).
// A transition is a conditional update on (id, status, version): an illegal move is INVALID_TRANSITION, a
// lost race (someone changed the record since it was read) is CONFLICT, everywhere; the timeline row and
// the audit entry are written by the kit in the same transaction.
import type { Role } from '../../generated/prisma/client.js';
import type { Context } from '../context.js';
import { conflict, forbidden, invalidTransition } from '../errors.js';
import type { WriteUnit } from './write.js';

export interface Transition<S extends string> {
  from: readonly S[];
  to: S | 'SAME';
  /** roles that may take it (the resolver still checks who, e.g. "the claimant") */
  who?: readonly Role[];
}

export interface LifecycleRecord<S extends string> {
  id: string;
  status: S;
  /** optimistic lock; models without one are guarded by their status alone (`versioned: false`) */
  version?: number;
  regionPath: string;
}

export interface TimelineEntry<S extends string, A extends string> {
  action: A;
  from: S;
  to: S;
  at: Date;
  note: string | null;
}

export interface LifecycleDefinition<S extends string, A extends string, R extends LifecycleRecord<S>> {
  /** the GraphQL/audit entity name, e.g. 'Wish' */
  entity: string;
  /** the Prisma delegate name, e.g. 'wish' */
  model: string;
  /** 状态 with their labels: the first word is shown in messages */
  states: Record<S, string>;
  transitions: Record<A, Transition<S>>;
  /** false for models without a `version` column: the update is conditional on the status only */
  versioned?: boolean;
  /** writes the timeline row of one transition */
  timeline?(w: WriteUnit, ctx: Context, record: R, entry: TimelineEntry<S, A>): Promise<unknown>;
  /** the INVALID_TRANSITION message, when the generic one does not read well */
  illegal?(record: Pick<R, 'status'>, action: A): string;
}

export interface ApplyOptions {
  /** fields set together with the new status */
  data?: Record<string, unknown>;
  note?: string | null;
  /** what the loser of a race is told */
  conflictMessage?: string;
  /** extra audit data */
  audit?: Record<string, unknown>;
  /** extra payload of the generic change event (ids a subscriber needs to decide visibility) */
  event?: Record<string, unknown>;
}

type Delegate = { updateManyAndReturn(args: unknown): Promise<unknown[]> };
const label = (text: string) => text.split(' ')[0];

/** the type of the generic transition event: `wishes.wishChanged`, `grid.incidentChanged` … */
export const changedEvent = (module: string, entity: string) =>
  `${module}.${entity[0]!.toLowerCase()}${entity.slice(1)}Changed`;

export function defineLifecycle<S extends string, A extends string, R extends LifecycleRecord<S>>(
  definition: LifecycleDefinition<S, A, R>,
) {
  const { entity, model, states, transitions } = definition;
  const versioned = definition.versioned !== false;

  /** INVALID_TRANSITION unless `action` may be taken from the record's status (and by the viewer's role) */
  function assert(record: Pick<R, 'status'>, action: A, ctx?: Context) {
    const t = transitions[action];
    if (!t.from.includes(record.status)) {
      throw invalidTransition(
        definition.illegal?.(record, action) ??
          `${label(states[record.status])}状态不能${action} (cannot ${action} from ${record.status})`,
      );
    }
    if (ctx && t.who && (!ctx.viewer || !t.who.includes(ctx.viewer.role))) {
      throw forbidden(`无权限 (${action} is for ${t.who.join(', ')})`);
    }
  }

  async function apply(w: WriteUnit, ctx: Context, record: R, action: A, options: ApplyOptions = {}): Promise<R> {
    assert(record, action, ctx);
    const t = transitions[action];
    const to = t.to === 'SAME' ? record.status : t.to;
    const delegate = (w.tx as unknown as Record<string, Delegate>)[model]!;
    const [updated] = (await delegate.updateManyAndReturn({
      where: versioned
        ? { id: record.id, status: record.status, version: record.version }
        : { id: record.id, status: record.status },
      data: versioned ? { ...options.data, status: to, version: { increment: 1 } } : { ...options.data, status: to },
    })) as R[];
    if (!updated)
      throw conflict(
        options.conflictMessage ?? '记录刚被他人更改，请刷新后重试 (it changed meanwhile; reload and retry)',
      );
    const note = options.note ?? null;
    await definition.timeline?.(w, ctx, record, { action, from: record.status, to, at: w.now, note });
    await w.audit({
      action: action.toLowerCase(),
      entityType: entity,
      entityId: record.id,
      regionPath: record.regionPath,
      data: { from: record.status, to, note, ...options.audit },
    });
    // 实时推送: one generic event per transition ("<module>.<entity>Changed"), so every state machine feeds
    // subscriptions and the notification inbox without each module publishing its own
    await w.publish({
      type: changedEvent(w.module, entity),
      regionPath: record.regionPath,
      payload: { id: record.id, entity, action, from: record.status, to, ...options.event },
    });
    return updated;
  }

  return { ...definition, assert, apply };
}
