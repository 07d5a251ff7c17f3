// 通知: modules declare in their manifest which events notify whom (`notifies`, keyed by event type). The
// kernel runs these rules at the end of the write unit or job that published the events, inside its
// transaction (a rolled-back write notifies nobody), only where the declaring module is enabled, and writes
// one Notification row per recipient. Texts name the record, never a third party (the rules' duty).
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { ModuleGate } from '../core/gate.js';
import type { DeliveredEvent } from '../events.js';
import type { ModuleDefinition } from '../modules.js';

export interface NotificationDraft {
  /** recipient Account ids (duplicates and nulls are dropped) */
  to: readonly (string | null | undefined)[];
  /** appended to the module id: the notification's type, e.g. `claimed` → `wishes.claimed` */
  kind: string;
  title: string;
  text: string;
  /** the record it is about (its global id becomes `link`) */
  link?: { type: string; id: string } | null;
}

export interface NotifyKit {
  tx: Prisma.TransactionClient;
}

export type NotifyRule = (
  event: DeliveredEvent,
  kit: NotifyKit,
) => Promise<NotificationDraft | readonly NotificationDraft[] | null>;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** the kernel subscriber (EventBus.onSettle) that turns events into inbox rows */
export function notifier(modules: readonly ModuleDefinition[]) {
  const rules = new Map<string, { module: string; rule: NotifyRule }[]>();
  for (const m of modules) {
    for (const [type, rule] of Object.entries(m.notifies ?? {})) {
      rules.set(type, [...(rules.get(type) ?? []), { module: m.id, rule }]);
    }
  }
  return async (events: DeliveredEvent[], tx: Prisma.TransactionClient) => {
    const gate = new ModuleGate(tx as unknown as PrismaClient, modules);
    const rows: Prisma.NotificationCreateManyInput[] = [];
    for (const event of events) {
      for (const { module, rule } of rules.get(event.type) ?? []) {
        if (!(await gate.isEnabledAt(module, event.regionPath))) continue;
        const drafts = await rule(event, { tx });
        const list: readonly NotificationDraft[] = drafts == null ? [] : Array.isArray(drafts) ? drafts : [drafts];
        for (const d of list) {
          for (const recipientId of new Set(d.to.filter((a: string | null | undefined): a is string => !!a))) {
            rows.push({
              recipientId,
              module,
              type: `${module}.${d.kind}`,
              title: d.title,
              text: d.text,
              link: d.link ? globalId(d.link.type, d.link.id) : null,
              regionPath: event.regionPath,
              eventSeq: event.seq ?? 0n,
              createdAt: event.occurredAt,
            });
          }
        }
      }
    }
    if (rows.length) await tx.notification.createMany({ data: rows });
  };
}

/** the accounts of these people (residents and members log in with an account linked to their Person) */
export async function accountsOfPeople(
  tx: Prisma.TransactionClient,
  personIds: readonly (string | null | undefined)[],
): Promise<string[]> {
  const ids = personIds.filter((p): p is string => !!p);
  if (!ids.length) return [];
  const rows = await tx.account.findMany({ where: { personId: { in: ids }, disabled: false }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** the staff accounts of these organisations (a department is notified through its staff) */
export async function staffOf(tx: Prisma.TransactionClient, organizationIds: readonly string[]): Promise<string[]> {
  if (!organizationIds.length) return [];
  const rows = await tx.account.findMany({
    where: { organizationId: { in: [...organizationIds] }, role: 'DEPARTMENT_STAFF', disabled: false },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
