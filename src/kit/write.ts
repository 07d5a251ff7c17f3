// 写入单元 (Decidim's traceability in Pothos form): every module write goes through kit.write, which checks
// the module switch, reads the settings it needs, then opens ONE transaction with one option set, and
// records audit entries and domain events through `w` inside it. Reads happen before the transaction on
// purpose: the embedded database has one connection, so a read outside an open transaction would wait
// for it. Nothing a module writes escapes the audit, and no module opens a transaction itself.
import type { Prisma } from '../../generated/prisma/client.js';
import type { AuditEntry, Context } from '../context.js';
import type { DomainEventInput } from '../events.js';

/** the one transaction option set: long waits for the embedded database's single connection under load */
export const WRITE_TX_OPTIONS = { maxWait: 60_000, timeout: 30_000 } as const;

export interface WriteScope {
  /** the module writing (its switch is checked; audit actions and events are prefixed with it) */
  module: string;
  /** where the write happens: a community or region path */
  regionPath: string;
  /** settings read before the transaction, handed to the work as `w.settings` */
  settings?: readonly string[];
}

export interface WriteUnit {
  /** the module writing (lifecycle events are named after it) */
  module: string;
  tx: Prisma.TransactionClient;
  now: Date;
  /** the settings named in the scope, effective at its region */
  settings: Record<string, unknown>;
  /** an audit entry inside the transaction; `action` is prefixed with the module id, the region defaults */
  audit(entry: AuditEntry): Promise<void>;
  /** a domain event inside the transaction; its type must start with the module id */
  publish(event: Omit<DomainEventInput, 'regionPath'> & { regionPath?: string }): Promise<void>;
}

const prefixed = (module: string, action: string) => (action.startsWith(`${module}.`) ? action : `${module}.${action}`);

export async function write<T>(ctx: Context, scope: WriteScope, work: (w: WriteUnit) => Promise<T>): Promise<T> {
  await ctx.gate.assertEnabled(scope.module, scope.regionPath);
  const settings: Record<string, unknown> = {};
  for (const key of scope.settings ?? []) settings[key] = await ctx.settings.get(scope.module, key, scope.regionPath);
  const now = ctx.clock.now();
  return ctx.prisma.$transaction(async (tx) => {
    const result = await work(unitOf(ctx, scope, tx, now, settings));
    // kernel subscribers of the unit's events (the notification inbox), inside the same transaction
    await ctx.services.events.settle(tx);
    return result;
  }, WRITE_TX_OPTIONS);
}

/**
 * the unit of `scope.module` over an open transaction: used by the kit when one module's write hands part
 * of its work to another module inside the same transaction (intake routing), so each writes its own audit
 */
export function unitOf(
  ctx: Context,
  scope: WriteScope,
  tx: Prisma.TransactionClient,
  now: Date,
  settings: Record<string, unknown> = {},
): WriteUnit {
  return {
    module: scope.module,
    tx,
    now,
    settings,
    audit: (entry) =>
      ctx.audit(tx, {
        ...entry,
        action: prefixed(scope.module, entry.action),
        regionPath: entry.regionPath ?? scope.regionPath,
      }),
    publish: (event) => {
      if (!event.type.startsWith(`${scope.module}.`)) {
        throw new Error(`module ${scope.module} may only publish its own events, not ${event.type}`);
      }
      return ctx.publish(tx, { ...event, regionPath: event.regionPath ?? scope.regionPath });
    },
  };
}
