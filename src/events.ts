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
  /** when it happened, by the publisher's clock (the injected clock in tests) */
  occurredAt: Date;
}

export type EventHandler = (event: DeliveredEvent, tx: Prisma.TransactionClient) => Promise<void>;

export class EventBus {
  private readonly handlers = new Map<string, { moduleId: string; handle: EventHandler }[]>();

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
    const row = await tx.domainEvent.create({
      data: {
        type: input.type,
        regionPath: input.regionPath,
        payload: input.payload as Prisma.InputJsonValue,
        createdAt: occurredAt,
      },
    });
    const event: DeliveredEvent = { ...input, id: row.id, occurredAt };
    for (const { moduleId, handle } of this.handlers.get(input.type) ?? []) {
      if (await gate.isEnabledAt(moduleId, input.regionPath)) await handle(event, tx);
    }
    await tx.domainEvent.update({ where: { id: row.id }, data: { deliveredAt: new Date(), attempts: 1 } });
    return event;
  }
}
