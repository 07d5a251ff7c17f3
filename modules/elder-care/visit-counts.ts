// 计数: careVisits' totalCount from the kit's counter (visits per region path, no status) when the list is
// "every visit of an area": readers see every visit of their area. A recipient or a period: counted from rows.
import { countedTotal, readerArea, scopeFromFilter, type Context } from '../../src/kit/index.js';
import { MODULE } from './constants.js';

interface VisitArgs {
  regionId?: string | number | null;
  recipientId?: string | number | null;
  from?: Date | null;
  to?: Date | null;
}

/** the counter's answer, or null: the caller counts rows */
export async function countedVisits(ctx: Context, a: VisitArgs): Promise<number | null> {
  const whole = readerArea(ctx);
  if (!whole || a.recipientId != null || a.from || a.to) return null;
  const scope = await scopeFromFilter(ctx, a.regionId, {
    base: whole,
    allowed: (path) => path.startsWith(whole),
    field: 'regionId',
  });
  return countedTotal(ctx, scope, { entity: 'CareVisit', module: MODULE, whole, hiddenOutside: true });
}
