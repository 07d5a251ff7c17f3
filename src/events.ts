// Domain events between modules, without imports between them. ctx.publish() writes the event to the
// DomainEvent table and runs every subscriber inside the publisher's transaction, so an event is never
// lost and never half-applied: the publishing change and its consequences commit or roll back together.
// Subscribers run only for modules enabled in the township the event happened in.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { metrics } from './metrics.js';
import { ModuleGate } from './core/gate.js';
import type { ModuleDefinition } from './modules.js';

export interface DomainEventInput {
  /** "<module>.<pastTense>", e.g. "volunteering.hoursVerified" */
  type: string;
  /** where it happened (a community path): decides which townships' modules hear it */
  regionPath: string;
  payload: Record<string, unknown>;
}

export interface DeliveredEvent extends DomainEventInput {
  id: string;
  /** the outbox order (DomainEvent.seq): SSE ids and Last-Event-ID replay use it */
  seq?: bigint;
  /** when it happened, by the publisher's clock (the injected clock in tests) */
  occurredAt: Date;
}

export type EventHandler = (event: DeliveredEvent, tx: Prisma.TransactionClient) => Promise<void>;

/**
 * runs once at the end of a write unit or job, still inside its transaction, over the events it published
 * (the notification inbox: a lifecycle event is published mid-mutation, before the rows it names are complete)
 */
export type SettleHandler = (events: DeliveredEvent[], tx: Prisma.TransactionClient) => Promise<void>;

export class EventBus {
  private readonly handlers = new Map<string, { moduleId: string; handle: EventHandler }[]>();
  private readonly pending = new WeakMap<object, DeliveredEvent[]>();
  private readonly settlers: SettleHandler[] = [];

  constructor(private readonly modules: readonly ModuleDefinition[]) {
    for (const m of modules) {
      for (const [type, handle] of Object.entries(m.on ?? {})) {
        const list = this.handlers.get(type) ?? [];
        list.push({ moduleId: m.id, handle });
        this.handlers.set(type, list);
      }
    }
  }

  async publish(tx: Prisma.TransactionClient, input: DomainEventInput, occurredAt: Date): Promise<DeliveredEvent> {
    // counted when written: an event whose transaction then rolls back was counted too (rare: a failed write)
    metrics.events.inc({ type: input.type });
    // the switches are read through the transaction: a read outside it would wait for it on PGlite
    const gate = new ModuleGate(tx as unknown as PrismaClient, this.modules);
    const handlers = this.handlers.get(input.type) ?? [];
    // an event nobody handles in-process (most lifecycle events) is delivered when written: one statement
    const row = await tx.domainEvent.create({
      data: {
        type: input.type,
        regionPath: input.regionPath,
        payload: input.payload as Prisma.InputJsonValue,
        createdAt: occurredAt,
        ...(handlers.length ? {} : { deliveredAt: new Date(), attempts: 1 }),
      },
    });
    const event: DeliveredEvent = { ...input, id: row.id, seq: row.seq, occurredAt };
    if (this.settlers.length) {
      const list = this.pending.get(tx) ?? [];
      list.push(event);
      this.pending.set(tx, list);
    }
    if (!handlers.length) return event;
    for (const { moduleId, handle } of handlers) {
      if (await gate.isEnabledAt(moduleId, input.regionPath)) await handle(event, tx);
    }
    await tx.domainEvent.update({ where: { id: row.id }, data: { deliveredAt: new Date(), attempts: 1 } });
    return event;
  }

  /** adds a kernel subscriber run by settle() (the notifier) */
  onSettle(handler: SettleHandler) {
    this.settlers.push(handler);
  }

  /** runs the settle handlers over what `tx` published; called by the write unit and the job runner */
  async settle(tx: Prisma.TransactionClient): Promise<void> {
    const events = this.pending.get(tx);
    if (!events?.length) return;
    this.pending.delete(tx);
    for (const handler of this.settlers) await handler(events, tx);
  }
}
