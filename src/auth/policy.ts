// Declared policies (权限声明): who may run a root field, and how its target is checked against the
// viewer's region scope. Every Query and Mutation field carries one (src/auth/policy-plugin.ts refuses to
// build a schema otherwise); the authorization matrix test reads them from `field.extensions.policy`.
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Role } from '../../generated/prisma/client.js';
import type { Context } from '../context.js';
import { AppError, ValidationError } from '../errors.js';
import type { Viewer } from './viewer.js';

/** how a target is located in the arguments and checked against the viewer's scope */
export type ScopeRule =
  /** no target in another's area: public reads, login, the viewer's own view */
  | 'NONE'
  /** acts on the viewer's own records only; the resolver finds them from the viewer */
  | 'OWN'
  /**
   * a Region global id at this argument path (e.g. `input.regionId`, `filter.regionId`); absent = own area.
   * `orAbove`: a region above the viewer's area also passes (a township's points store seen from its villages)
   */
  | { region: string; orAbove?: boolean; resolver?: true }
  /**
   * a record global id (or a list of them) at `id`; its region path is read from the model of that name:
   * `path` (default `regionPath`; `homePath` for Person, `path` for Region) or a relation's, e.g.
   * `activity.regionPath`
   */
  | { record: string; id: string; path?: string; resolver?: true };
// `resolver: true`: the target is declared (for the matrix and the module manifest) but the area check is the
// resolver's relation rule, because that authority may cross areas (a township team's leader in a village)

export interface FieldPolicy {
  roles: 'ANYONE' | 'LOGGED_IN' | readonly Role[];
  scope: ScopeRule | readonly ScopeRule[];
  /**
   * a further rule per record that the resolver checks (e.g. "the grid's assigned worker", "the
   * organisation's committee"): allowed roles inside the scope may still get FORBIDDEN or NOT_FOUND
   */
  relation?: string;
}

/** every role, for policies that name them all (e.g. with a relation) */
export const ALL_ROLES: readonly Role[] = [
  'SYSTEM_ADMIN',
  'REGION_ADMIN',
  'COMMUNITY_WORKER',
  'DEPARTMENT_STAFF',
  'ANALYST',
  'PARTY_MEMBER',
  'RESIDENT',
];

/**
 * Roles whose authority is an area (their account's region and below): the generic scope check applies
 * to them. A party member's or resident's authority is personal (own records, claims, committee seats,
 * the community they registered at), so their targets are checked by the resolver's relation rule.
 */
export const AREA_ROLES: readonly Role[] = ['REGION_ADMIN', 'COMMUNITY_WORKER', 'DEPARTMENT_STAFF', 'ANALYST'];

/** the roles a policy admits (anonymous requests are admitted by 'ANYONE' only) */
export const rolesOf = (policy: FieldPolicy): readonly Role[] =>
  policy.roles === 'ANYONE' || policy.roles === 'LOGGED_IN' ? ALL_ROLES : policy.roles;

export const scopeRules = (policy: FieldPolicy): ScopeRule[] =>
  (Array.isArray(policy.scope) ? policy.scope : [policy.scope]) as ScopeRule[];

/** the column holding a model's region path when the rule names none */
const DEFAULT_PATH: Record<string, string> = { Region: 'path', Person: 'homePath' };
/** GraphQL type → Prisma delegate, where the names differ */
const MODEL_OF: Record<string, string> = { AuditEntry: 'auditLog' };

const refused = (code: 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND', message: string, policy: string) =>
  new AppError(code, message, { policy });

/** UNAUTHENTICATED or FORBIDDEN when the viewer's role is not admitted */
export function checkRoles(policy: FieldPolicy, viewer: Viewer | null) {
  if (policy.roles === 'ANYONE') return;
  if (!viewer) throw refused('UNAUTHENTICATED', '请先登录 (log in first)', 'roles');
  if (!rolesOf(policy).includes(viewer.role)) {
    throw refused('FORBIDDEN', `无权限 (not allowed for role ${viewer.role})`, 'roles');
  }
}

/** the value at a dotted argument path, e.g. `input.wishId` */
export function argAt(args: Record<string, unknown>, path: string): unknown {
  let value: unknown = args;
  for (const key of path.split('.')) {
    if (value == null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** a global id as a client sent it (string) or as the relay plugin decoded it ({ typename, id }) */
function localId(value: unknown, typename: string, path: string): string {
  let decoded: { typename: string; id: string } | null = null;
  if (value && typeof value === 'object' && 'typename' in value) decoded = value as { typename: string; id: string };
  else {
    try {
      decoded = decodeGlobalID(String(value));
    } catch {
      decoded = null;
    }
  }
  if (!decoded?.id || decoded.typename !== typename) {
    throw new ValidationError([{ path, message: `应为 ${typename} 的 ID (expected a ${typename} id)` }]);
  }
  return decoded.id;
}

/** reads a record's region path through a dotted column path (`regionPath`, `activity.regionPath`) */
async function regionPathOf(ctx: Context, typename: string, id: string, column: string): Promise<string | null> {
  const model = MODEL_OF[typename] ?? `${typename[0]!.toLowerCase()}${typename.slice(1)}`;
  const delegate = (ctx.prisma as unknown as Record<string, { findUnique?: (a: unknown) => Promise<unknown> }>)[model];
  if (!delegate?.findUnique) throw new Error(`policy: no Prisma model for ${typename}`);
  const keys = column.split('.');
  const select = keys.reduceRight<Record<string, unknown>>(
    (inner, key, i) => ({ [key]: i === keys.length - 1 ? true : { select: inner } }),
    {},
  );
  let value: unknown = await delegate.findUnique({ where: { id }, select });
  for (const key of keys) value = value == null ? null : (value as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

/**
 * The generic scope check, for area roles: a named region outside the viewer's area is FORBIDDEN
 * (regions are public, so nothing is revealed); a record outside it is NOT_FOUND, exactly like a
 * record that does not exist, so an id probe learns nothing.
 */
export async function checkScope(policy: FieldPolicy, ctx: Context, args: Record<string, unknown>) {
  const viewer = ctx.viewer;
  if (!viewer || !AREA_ROLES.includes(viewer.role)) return;
  const inside = (path: string | null) => !!path && path.startsWith(viewer.regionPath);
  for (const rule of scopeRules(policy)) {
    if (typeof rule === 'string' || rule.resolver) continue;
    const argPath = 'region' in rule ? rule.region : rule.id;
    const raw = argAt(args, argPath);
    const values = raw == null ? [] : Array.isArray(raw) ? raw : [raw];
    for (const value of values) {
      if (value == null) continue;
      if ('region' in rule) {
        const path = await regionPathOf(ctx, 'Region', localId(value, 'Region', argPath), 'path');
        if (!path) throw refused('NOT_FOUND', '区划 region 不存在 (not found)', 'scope');
        const above = 'orAbove' in rule && rule.orAbove && viewer.regionPath.startsWith(path);
        if (!inside(path) && !above) throw refused('FORBIDDEN', `超出辖区 (${argPath} is outside your area)`, 'scope');
      } else {
        const column = rule.path ?? DEFAULT_PATH[rule.record] ?? 'regionPath';
        const path = await regionPathOf(ctx, rule.record, localId(value, rule.record, argPath), column);
        if (!inside(path)) throw refused('NOT_FOUND', `${rule.record} 不存在或不可见 (not found)`, 'scope');
      }
    }
  }
}

// —— the role lists policies name most often ——
/** 管理员: the system administrator and region administrators */
export const ADMINS: readonly Role[] = ['SYSTEM_ADMIN', 'REGION_ADMIN'];
/** those who manage the people of an area (managesPeopleAt): admins and community workers */
export const MANAGERS: readonly Role[] = ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER'];
/** the staff who work with a module's records: managers and department (incl. facility) staff */
export const STAFF: readonly Role[] = [...MANAGERS, 'DEPARTMENT_STAFF'];
/** roles that read records of others inside their area (masked where they do not manage) */
export const READERS: readonly Role[] = [...STAFF, 'ANALYST'];
/** the person themself (member or resident) or those who manage them */
export const SELF_OR_MANAGERS: readonly Role[] = [...MANAGERS, 'PARTY_MEMBER', 'RESIDENT'];
/** everyone who may act, not only read: every role but the analyst */
export const ACTORS: readonly Role[] = [...STAFF, 'PARTY_MEMBER', 'RESIDENT'];
/** 党组织: managers of the area, and party members through a committee seat */
export const PARTY_WORKERS: readonly Role[] = [...MANAGERS, 'PARTY_MEMBER'];
