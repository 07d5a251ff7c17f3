// 计数: communityNeeds' and livelihoodProjects' totalCount from the kit's status counter when the filter is
// only region (+ status): both lists show every row of the viewer's area to whoever may list them. A
// category filter: counted from rows.
import { countedTotal, scopeFromFilter, viewerScope, type Context } from '../../src/kit/index.js';
import { MODULE_ID } from './model.js';

type Filter = { regionId?: string | number | null; status?: string | null; [other: string]: unknown };

const regionAndStatusOnly = (f: Filter | null | undefined) =>
  Object.entries(f ?? {}).every(([k, v]) => v == null || k === 'regionId' || k === 'status');

/** the counter's answer for `entity` (CommunityNeed, LivelihoodProject), or null: the caller counts rows */
export async function countedInArea(ctx: Context, entity: string, f: Filter | null | undefined) {
  if (!ctx.viewer || !regionAndStatusOnly(f)) return null;
  const whole = viewerScope(ctx);
  const scope = await scopeFromFilter(ctx, f?.regionId, { base: whole, allowed: (path) => path.startsWith(whole) });
  return countedTotal(ctx, scope, { entity, module: MODULE_ID, status: f?.status, whole, hiddenOutside: true });
}
