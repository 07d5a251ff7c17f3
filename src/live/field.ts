// 订阅字段: how a module adds a subscription. It is a Subscription root field on the module-scoped builder
// (so it belongs to the module's sub-graph and disappears where the module is off), declares its policy
// like every Query and Mutation field (checked when subscribing), and names the events it hears, how an
// event is matched to its arguments and how the record is read for the viewer at delivery time.
import type { FieldPolicy } from '../auth/policy.js';
import type { Builder } from '../builder.js';
import type { Context } from '../context.js';
import type { LiveEvent } from './hub.js';
import type { LiveItem } from './service.js';
import type { LiveEventIdCarrier } from './sse.js';

export type { LiveEvent };

export interface LiveFieldOptions<Args> {
  /** the GraphQL type delivered (an object ref) */
  type: unknown;
  description: string;
  policy: FieldPolicy;
  /** the module whose switch decides, at the event's region; null for core fields */
  module: string | null;
  subGraphs?: string[];
  args?: (t: any) => Record<string, unknown>;
  /** domain event types heard (e.g. `wishes.wishChanged`, see changedEvent) */
  events: readonly string[] | null;
  /** called once when subscribing (argument checks, the region's path …); its result is handed to match/load */
  prepare?(args: Args, ctx: Context): Promise<unknown> | unknown;
  match(event: LiveEvent, prepared: any): boolean;
  /** the value for this viewer, read with the delivery's context (null: not delivered) */
  load(event: LiveEvent, ctx: Context, prepared: any): Promise<unknown | null>;
}

export function liveField<Args = Record<string, unknown>>(
  builder: Builder,
  name: string,
  options: LiveFieldOptions<Args>,
) {
  builder.subscriptionField(name, (t) =>
    t.field({
      type: options.type as never,
      description: options.description,
      policy: options.policy,
      ...(options.subGraphs ? { subGraphs: options.subGraphs } : {}),
      args: (options.args?.(t.arg) ?? {}) as never,
      subscribe: async (_root: unknown, args: Args, ctx: Context) => {
        const prepared = await options.prepare?.(args, ctx);
        return ctx.services.live.stream(ctx, {
          module: options.module,
          events: options.events,
          match: (event) => options.match(event, prepared),
          load: (event, fresh) => options.load(event, fresh, prepared),
        });
      },
      resolve: (item: LiveItem, _args: unknown, ctx: Context) => {
        (ctx as LiveEventIdCarrier).liveEventId = String(item.seq);
        // the fields below answer for this event like one request: the viewer and switches as just read,
        // fresh per-request caches (keyed by `request`) and a fresh response budget
        const { viewer, gate, settings, request } = item.ctx;
        Object.assign(ctx, { viewer, gate, settings, request, budget: ctx.budget?.renew() });
        return item.value as never;
      },
    } as never),
  );
}
