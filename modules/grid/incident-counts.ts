// 计数: incidents' totalCount from the kit's status counter when the list is "every incident of an area by
// status" for this viewer — the system admin (everywhere) and area roles (their area: they see nothing
// outside it). Departments and residents see only some incidents; any other filter: counted from rows.
import { countedTotal, readerArea, scopeFromFilter, type Context } from '../../src/kit/index.js';
import { MODULE, requireViewer } from './access.js';

const AREA_ROLES = ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER', 'ANALYST'] as const;

interface Filter {
  regionId?: string | number | null;
  status?: readonly string[] | null;
  [other: string]: unknown;
}

const regionAndStatusOnly = (f: Filter | null | undefined) =>
  Object.entries(f ?? {}).every(([k, v]) => v == null || k === 'regionId' || k === 'status');

/** the counter's answer, or null: the caller counts rows */
export async function countedIncidents(ctx: Context, f: Filter | null | undefined): Promise<number | null> {
  const viewer = requireViewer(ctx);
  const whole = readerArea(ctx, AREA_ROLES);
  if (!whole || !regionAndStatusOnly(f)) return null;
  const areaRole = viewer.role !== 'SYSTEM_ADMIN';
  const scope = await scopeFromFilter(ctx, f?.regionId, {
    base: '/',
    allowed: (path) => !areaRole || path.startsWith(viewer.regionPath),
  });
  const status = f?.status?.length ? f.status : null;
  return countedTotal(ctx, scope, { entity: 'Incident', module: MODULE, status, whole, hiddenOutside: true });
}
