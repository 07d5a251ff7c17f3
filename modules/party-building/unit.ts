// The module's write unit: the kit's write() at a region of the module (switch, settings, one transaction),
// with the audit actions named as they were before the kit: 'party.<action>', not 'party-building.<action>'
// (audit queries and reports look for these names; see src/kit/audit-names.ts).
import { withAuditNames, write, type Context, type WriteUnit } from '../../src/kit/index.js';
import { MODULE_ID } from './rules.js';

/** names an audit action 'party.<action>' (e.g. 'membership.step' → 'party.membership.step') */
export const partyAction = (action: string) => `party.${action}`;

/** one write of the module at `regionPath`: `w.audit({ action: 'meeting.record' })` logs 'party.meeting.record' */
export function partyWrite<T>(
  ctx: Context,
  regionPath: string,
  work: (w: WriteUnit) => Promise<T>,
  settings?: readonly string[],
): Promise<T> {
  return write(ctx, { module: MODULE_ID, regionPath, settings }, (w) => work(withAuditNames(ctx, w, partyAction)));
}
