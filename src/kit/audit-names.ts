// 审计动作名: a module whose audit actions were named before the kit (party-building writes
// 'party.membership.advanced', not 'party-building.…') keeps those names, so audit queries and reports that
// look for them keep working. The entry is still written by the write unit's transaction; only the
// module-id prefix of `w.audit` (and of a lifecycle's entry, written through `w.audit`) is replaced by `name`.
import type { AuditEntry, Context } from '../context.js';
import type { WriteUnit } from './write.js';

/** `w` whose audit entries are named by `name(action)` instead of being prefixed with the module id */
export function withAuditNames(ctx: Context, w: WriteUnit, name: (action: string) => string): WriteUnit {
  return { ...w, audit: (entry: AuditEntry) => ctx.audit(w.tx, { ...entry, action: name(entry.action) }) };
}
