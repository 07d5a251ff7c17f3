// 订阅流: one GraphQL subscription = one stream of hub events, filtered for the viewer. Each event is checked
// when it is delivered, not when the subscription began: the viewer is read again from the token (logout,
// disable or password change ends the stream), the owning module's switch at the event's township, and the
// record is loaded through the module's normal read path (null: not for this viewer, skipped). A client
// reconnecting with Last-Event-ID (the SSE id is the event seq) first gets what it missed from the outbox,
// within the hub's replay window, each event once.
import { Repeater } from 'graphql-yoga';
import type { Context } from '../context.js';
import type { LiveEvent, LiveHub } from './hub.js';

export interface LiveSpec {
  /** the module whose switch at the event's region decides (null: core) */
  module: string | null;
  /** event types this subscription hears (null: all) */
  events: readonly string[] | null;
  /** cheap test on the payload, before anything is read: does the event concern this subscription */
  match(event: LiveEvent): boolean;
  /** what to deliver, read with the delivery's fresh context; null when this viewer may not see it */
  load(event: LiveEvent, ctx: Context): Promise<unknown | null>;
}

/** what the subscription's resolver gets: the value and the seq that becomes the SSE id */
export interface LiveItem {
  seq: bigint;
  value: unknown;
  /** the delivery's context: the subscription's resolvers answer with it (fresh viewer, switches, caches) */
  ctx: Context;
}

/** the context of one delivery: viewer and switches read again; null when the token no longer counts */
export type Refresh = (ctx: Context) => Promise<Context | null>;

/** events a slow client may have queued before its stream is ended (it reconnects with Last-Event-ID) */
const MAX_QUEUE = 1_000;
/** how long one live event's viewer read is shared by the subscriptions of the same token */
const FRESH_MS = 1_000;

export function lastEventId(request: Request): bigint | null {
  const raw = request.headers.get('last-event-id')?.trim();
  return raw && /^\d{1,19}$/.test(raw) ? BigInt(raw) : null;
}

/** a record as node(id) reads it for this context (guard and module switch), or null */
export type ReadNode = (ctx: Context, typename: string, id: string) => Promise<Record<string, unknown> | null>;

export class LiveService {
  /** delivery contexts of the latest events, shared by the subscriptions of one token (or of anonymous) */
  private readonly fresh = new Map<string, Promise<Context | null>>();

  constructor(
    readonly hub: LiveHub,
    private readonly refresh: Refresh,
    /** for a module's load(): the record through its type's normal read guard */
    readonly readNode: ReadNode,
  ) {}

  /**
   * Listening starts before this resolves (so before the SSE response exists): nothing committed after the
   * subscription was accepted is missed. The queue is drained by the returned iterator.
   */
  async stream(ctx: Context, spec: LiveSpec): Promise<AsyncIterable<LiveItem>> {
    await this.hub.start();
    const queue: LiveEvent[] = [];
    let wake: (() => void) | null = null;
    let overflow = false;
    let closed = false;
    const remove = this.hub.listen(
      spec.events,
      (event) => {
        if (!spec.match(event)) return;
        if (queue.length >= MAX_QUEUE) overflow = true;
        else queue.push(event);
        wake?.();
      },
      () => {
        closed = true;
        wake?.();
      },
    );
    let replayed: Set<bigint>;
    try {
      replayed = await this.replayed(ctx, spec, queue);
    } catch (error) {
      remove();
      throw error;
    }
    const repeater = new Repeater<LiveItem>(async (push, stop) => {
      let ended = false;
      stop.then(() => {
        ended = true;
        wake?.();
      });
      try {
        while (!ended && !closed && !overflow) {
          const event = queue.shift();
          if (!event) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            continue;
          }
          // replayed first, then live: a live event the replay already delivered is skipped (exactly once)
          if (!event.payload.__replay && replayed.delete(event.seq)) continue;
          const outcome = await this.deliver(ctx, spec, event);
          if (outcome === 'END') break;
          if (outcome) await push(outcome);
        }
      } finally {
        remove();
        stop();
      }
    });
    // a stream cancelled before it was ever read must still stop listening
    const finish = repeater.return.bind(repeater);
    repeater.return = (value?: unknown) => {
      remove();
      return finish(value as never);
    };
    return repeater;
  }

  /** puts the missed events in front of the queue; returns their seqs (live copies are then skipped) */
  private async replayed(ctx: Context, spec: LiveSpec, queue: LiveEvent[]): Promise<Set<bigint>> {
    const after = lastEventId(ctx.request);
    if (after === null) return new Set();
    const missed = (await this.hub.replay(spec.events, after)).filter((e) => spec.match(e));
    queue.unshift(...missed.map((e) => ({ ...e, payload: { ...e.payload, __replay: true } })));
    return new Set(missed.map((e) => e.seq));
  }

  /**
   * one viewer read per live event and token, however many of that viewer's subscriptions hear it at once;
   * kept only briefly, so a later delivery of the same event reads again
   */
  private freshContext(ctx: Context, seq: bigint): Promise<Context | null> {
    const h = ctx.request.headers;
    const key = `${seq}|${h.get('authorization') ?? ''}|${h.get('x-township') ?? ''}|${ctx.viewer?.accountId ?? ''}`;
    let found = this.fresh.get(key);
    if (!found) {
      found = this.refresh(ctx);
      this.fresh.set(key, found);
      setTimeout(() => this.fresh.delete(key), FRESH_MS).unref();
      if (this.fresh.size > 512) this.fresh.delete(this.fresh.keys().next().value!);
    }
    return found;
  }

  private async deliver(ctx: Context, spec: LiveSpec, event: LiveEvent): Promise<LiveItem | null | 'END'> {
    // a replay is checked on its own: the viewer and switches now, not as they were when the event was live
    const fresh = await (event.payload.__replay ? this.refresh(ctx) : this.freshContext(ctx, event.seq));
    if (!fresh) return 'END';
    if (spec.module && !(await fresh.gate.isEnabledAt(spec.module, event.regionPath))) return null;
    const { __replay: _, ...payload } = event.payload;
    // a record that cannot be read (deleted, guard refuses, module off) is simply not delivered
    const value = await spec.load({ ...event, payload }, fresh).catch(() => null);
    return value == null ? null : { seq: event.seq, value, ctx: fresh };
  }
}
