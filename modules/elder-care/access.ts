// Who may do and read what in elder-care, the region scope of list filters, the batched audit of
// sensitive reads (health data under PIPL) and the names of the module's audit actions.
import {
  auditSensitiveRead,
  managesPeopleAt,
  requestLoader,
  rowLoader,
  scopeFromFilter,
  viewerScope,
  withAuditNames,
  type Context,
  type LinkedPeopleKit,
  type Role,
  type Viewer,
  type WriteUnit,
} from '../../src/kit/index.js';

const AUDIT_PREFIX = 'elderCare.';

/** roles that count as a facility's staff when their account belongs to its operator organisation */
const STAFF_ROLES: Role[] = ['COMMUNITY_WORKER', 'DEPARTMENT_STAFF', 'REGION_ADMIN'];

export interface FacilityLike {
  id: string;
  regionPath: string;
  operatorId: string | null;
}

/** 设施工作人员: an account of the operator organisation */
export const isFacilityStaff = (viewer: Viewer | null, f: { operatorId: string | null }) =>
  !!viewer && !!viewer.organizationId && f.operatorId === viewer.organizationId && STAFF_ROLES.includes(viewer.role);

/** may run a facility's daily work (menus, services, serving meals): its staff, or workers/admins of its area */
export const runsFacility = (viewer: Viewer | null, f: FacilityLike) =>
  managesPeopleAt(viewer, f.regionPath) || isFacilityStaff(viewer, f);

/** 个人信息: the people actively enrolled at facilities an organisation operates (its staff see them, masked) */
export async function facilityPeople({ prisma, organizationId }: LinkedPeopleKit): Promise<string[]> {
  const rows = await prisma.careEnrollment.findMany({
    where: { status: 'ACTIVE', facility: { operatorId: organizationId } },
    select: { personId: true },
  });
  return rows.map((r) => r.personId);
}

/** recipient ids (of those asked) with an active enrolment at a facility the viewer's organisation operates */
function staffOf(ctx: Context) {
  const org = ctx.viewer?.organizationId;
  return requestLoader<string, boolean>(ctx, 'elder-care.staffRecipients', async (ids) => {
    if (!org || !STAFF_ROLES.includes(ctx.viewer!.role)) return ids.map(() => false);
    const rows = await ctx.prisma.careEnrollment.findMany({
      where: { recipientId: { in: [...ids] }, status: 'ACTIVE', facility: { operatorId: org } },
      select: { recipientId: true },
    });
    const hit = new Set(rows.map((r) => r.recipientId));
    return ids.map((id) => hit.has(id));
  });
}

export interface RecipientLike {
  id: string;
  personId: string;
  regionPath: string;
}

/**
 * 健康信息 may be read by the person, the workers of the person's community and admins above them
 * (managesPeopleAt), and the staff of a facility where the person is enrolled. Analysts and everyone
 * else get aggregates only.
 */
export async function readsHealth(ctx: Context, r: RecipientLike): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (viewer.personId === r.personId || managesPeopleAt(viewer, r.regionPath)) return true;
  if (!viewer.organizationId) return false;
  return staffOf(ctx).load(r.id);
}

export interface SensitiveRead {
  /** what was read, e.g. "assessment", "visit.findings", "service.notes" */
  field: string;
  personId: string;
  regionPath: string;
  recordId: string;
}

/** one audit row per sensitive record read, batched per request by the kernel (src/core/privacy.ts) */
export const auditRead = (ctx: Context, read: SensitiveRead): Promise<true> =>
  auditSensitiveRead(ctx, { action: `${AUDIT_PREFIX}sensitiveRead`, ...read });

/** returns `value` when the viewer reads health data of the recipient (and logs the read), else null */
export async function sensitive<T>(
  ctx: Context,
  r: RecipientLike,
  field: string,
  recordId: string,
  value: T,
): Promise<T | null> {
  if (value == null || !(await readsHealth(ctx, r))) return null;
  await auditRead(ctx, { field, personId: r.personId, regionPath: r.regionPath, recordId });
  return value;
}

/** a recipient's privacy key (id, person, home path) by id, batched per request */
export const recipientKey = (ctx: Context, recipientId: string): Promise<RecipientLike | null> =>
  rowLoader<RecipientLike>(ctx, 'elder-care.recipientKey', (ids) =>
    ctx.prisma.careRecipient.findMany({
      where: { id: { in: ids } },
      select: { id: true, personId: true, regionPath: true },
    }),
  ).load(recipientId);

/**
 * The region a list covers: filter.regionId (inside the viewer's area) or the viewer's area. For lists
 * that need the path itself (a health filter is checked against it); the others call listWhere.
 */
export function listScope(ctx: Context, regionId: string | number | null | undefined): Promise<string> {
  const base = viewerScope(ctx);
  return scopeFromFilter(ctx, regionId, { base, allowed: (path) => path.startsWith(base) });
}

/**
 * elder-care's audit actions were named before the kit: `elderCare.<what>`, not `elder-care.<what>`.
 * `w` keeps those names; `names` renames a lifecycle's entries (it passes its action lower-cased).
 */
export function named(ctx: Context, w: WriteUnit, names: Record<string, string> = {}): WriteUnit {
  return withAuditNames(ctx, w, (action) =>
    action.startsWith(AUDIT_PREFIX) ? action : (names[action] ?? `${AUDIT_PREFIX}${action}`),
  );
}
