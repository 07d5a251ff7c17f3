// Who may do and read what in elder-care, the region scope of list filters, and the batched audit of
// sensitive reads (health data under PIPL).
import DataLoader from 'dataloader';
import {
  auditSensitiveRead,
  forbidden,
  managesPeopleAt,
  notFound,
  parseOptionalId,
  within,
  type Context,
  type LinkedPeopleKit,
  type Role,
  type Viewer,
} from '../../src/kit/index.js';
import { MODULE } from './constants.js';

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

// —— per-request loaders (one DataLoader per context and name) ——
const loaders = new WeakMap<object, Map<string, DataLoader<any, any>>>();
export function requestLoader<K, V>(
  ctx: Context,
  name: string,
  batch: (keys: readonly K[]) => Promise<V[]>,
  options: DataLoader.Options<K, V> = {},
): DataLoader<K, V> {
  let map = loaders.get(ctx);
  if (!map) loaders.set(ctx, (map = new Map()));
  let loader = map.get(name);
  if (!loader) map.set(name, (loader = new DataLoader(batch, options)));
  return loader as DataLoader<K, V>;
}

/** recipient ids (of those asked) with an active enrolment at a facility the viewer's organisation operates */
function staffOf(ctx: Context) {
  const org = ctx.viewer?.organizationId;
  return requestLoader<string, boolean>(ctx, 'staffRecipients', async (ids) => {
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
  auditSensitiveRead(ctx, { action: 'elderCare.sensitiveRead', ...read });

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
export function recipientKey(ctx: Context, recipientId: string): Promise<RecipientLike | null> {
  return requestLoader<string, RecipientLike | null>(ctx, 'recipientKey', async (ids) => {
    const rows = await ctx.prisma.careRecipient.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, personId: true, regionPath: true },
    });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  }).load(recipientId);
}

/** the region a list covers: filter.regionId (inside the viewer's area) or the viewer's area */
export async function listScope(
  ctx: Context,
  regionId: string | number | null | undefined,
  path = 'filter.regionId',
): Promise<string> {
  const viewer = ctx.viewer;
  const own = viewer ? viewer.regionPath : '/';
  const id = parseOptionalId(regionId == null ? null : String(regionId), 'Region', path);
  if (!id) return own;
  const region = await ctx.prisma.region.findUnique({ where: { id }, select: { path: true } });
  if (!region) throw notFound('区划 region');
  if (viewer && !within(viewer, region.path)) throw forbidden('超出辖区 (outside your area)');
  return region.path;
}

/** a Prisma filter: under `scope` and outside townships where elder-care is switched off */
export const readable = (ctx: Context, scope: string) => ctx.gate.readableWhere(MODULE, scope, 'regionPath');

/** single reads of a record in a township where the module is off: MODULE_DISABLED */
export const assertReadable = (ctx: Context, regionPath: string) => ctx.gate.assertEnabled(MODULE, regionPath);

/**
 * A unique-constraint violation, whichever engine reported it: Prisma's P2002 (PostgreSQL adapter) or
 * the raw driver error with SQLSTATE 23505 (the PGlite adapter reports DriverAdapterError).
 */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string; kind?: string } } | null;
  return (
    !!err && (err.code === 'P2002' || err.cause?.code === '23505' || err.cause?.kind === 'UniqueConstraintViolation')
  );
}
