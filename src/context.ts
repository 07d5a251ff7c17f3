import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { Viewer } from './auth/viewer.js';
import type { ModuleGate } from './core/gate.js';
import type { SettingsReader } from './core/settings.js';
import type { DomainEventInput, EventBus } from './events.js';
import type { RequestBudget } from './limits/budget.js';
import type { LiveService } from './live/service.js';
import type { ExportService } from './core/exports/service.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  regionPath?: string | null;
  data?: Record<string, unknown>;
}

/** what every resolver gets */
export interface Context {
  prisma: PrismaClient;
  viewer: Viewer | null;
  gate: ModuleGate;
  /** 模块参数 effective per township */
  settings: SettingsReader;
  /** ids of the modules in the schema serving this request */
  moduleIds: string[];
  clock: Clock;
  request: Request;
  /** append to the audit log inside the caller's transaction */
  audit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void>;
  /** publish a domain event inside the caller's transaction (see src/events.ts) */
  publish(tx: Prisma.TransactionClient, event: DomainEventInput): Promise<void>;
  /** the request's execution budget (time, response size); absent outside requests */
  budget?: RequestBudget;
  /** kernel services shared by the whole app (tokens, throttle settings) */
  services: AppServices;
}

export interface AppServices {
  events: EventBus;
  /** 实时推送: the subscriptions' event streams (src/live/) */
  live: LiveService;
  /** 数据导出: declared datasets and the export worker (src/core/exports/) */
  exports: ExportService;
}

export function makeAudit(viewer: Viewer | null) {
  return async (tx: Prisma.TransactionClient, entry: AuditEntry) => {
    await tx.auditLog.create({
      data: {
        actorId: viewer?.accountId ?? null,
        action: entry.action,
        entityType: entry.entityType ?? null,
        entityId: entry.entityId ?? null,
        regionPath: entry.regionPath ?? null,
        data: (entry.data ?? {}) as Prisma.InputJsonValue,
      },
    });
  };
}
