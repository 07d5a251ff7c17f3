// Builds the authorization matrix from the schema: for every root field, its declared policy
// (`extensions.policy`), one operation per viewer and location (inside / outside the viewer's area) with
// required arguments generated from their types and the scoped ids taken from real records.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  isInterfaceType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { FieldPolicy, ScopeRule } from '../../src/auth/policy.js';

export type Location = 'inside' | 'outside';

export interface MatrixViewer {
  label: string;
  role: string | null;
  regionId: string | null;
  regionPath: string;
  accountId: string | null;
  personId?: string | null;
  /** treePaths of the party organisations the viewer holds a committee seat in: managed through that relation */
  seatTrees?: string[];
}

/** the Region, Person … an unscoped ID input refers to, guessed from its name */
const REGION_NAMES = new Set(['regionId', 'communityId', 'townshipId', 'parentId']);
const PERSON_NAMES = /^(person|resident|head|host|member|contact|introducer|volunteerPerson|requester|claimant)Ids?$/;
export function guessType(name: string, known: Set<string>): string {
  if (REGION_NAMES.has(name)) return 'Region';
  if (PERSON_NAMES.test(name)) return 'Person';
  const m = /^(.*?)Ids?$/.exec(name);
  const base = m ? m[1]![0]!.toUpperCase() + m[1]!.slice(1) : 'Region';
  return known.has(base) ? base : 'Organization';
}

/** records placed in the party organisation tree (their `treePath`) */
const TREE_TYPES = new Set(['PartyOrganization', 'PartyMembership']);
const PATH_COLUMN: Record<string, string> = { Region: 'path', Person: 'homePath' };
/**
 * Outside the area is not outside the relation: records reached through an activity the viewer organises
 * (its community is theirs, they created it, they lead its team) are the organiser side's wherever they lie.
 * Written positively, as "not organised by": a negated OR over nullable columns drops the NULL rows in SQL.
 */
const notOrganisedBy = (v: MatrixViewer) => ({
  AND: [
    { NOT: { regionPath: { startsWith: v.regionPath } } },
    { OR: [{ createdById: null }, { NOT: { createdById: v.accountId ?? '' } }] },
    { OR: [{ teamId: null }, { team: { members: { none: { personId: v.personId ?? '', role: 'LEADER' } } } }] },
  ],
});
const RELATED: Record<string, (v: MatrixViewer) => object> = {
  VolunteerActivity: notOrganisedBy,
  VolunteerEnrollment: (v) => ({ activity: notOrganisedBy(v) }),
  VolunteerServiceRecord: (v) => ({ OR: [{ activityId: null }, { activity: notOrganisedBy(v) }] }),
};
const delegateOf = (prisma: PrismaClient, type: string) =>
  (prisma as unknown as Record<string, { findFirst(a: unknown): Promise<{ id: string } | null> }>)[
    type === 'AuditEntry' ? 'auditLog' : `${type[0]!.toLowerCase()}${type.slice(1)}`
  ]!;

/** picks real records inside or outside a viewer's area (outside: a disjoint branch, never an ancestor) */
export class RecordPicker {
  private cache = new Map<string, Promise<string | null>>();
  constructor(
    private prisma: PrismaClient,
    /** accounts the matrix logs in with: never the target of account administration */
    private protectedAccounts: string[],
  ) {}

  pick(type: string, viewer: MatrixViewer, where: Location): Promise<string | null> {
    const key = `${type}|${viewer.label}|${where}`;
    let hit = this.cache.get(key);
    if (!hit) this.cache.set(key, (hit = this.load(type, viewer, where)));
    return hit;
  }

  private async load(type: string, viewer: MatrixViewer, where: Location): Promise<string | null> {
    if (type === 'Region' && where === 'inside' && viewer.regionId) return encodeGlobalID('Region', viewer.regionId);
    const column = PATH_COLUMN[type] ?? 'regionPath';
    const ancestors = viewer.regionPath
      .split('/')
      .filter(Boolean)
      .map((_, i, all) => `/${all.slice(0, i + 1).join('/')}/`);
    const scope =
      where === 'inside'
        ? { [column]: { startsWith: viewer.regionPath } }
        : { NOT: [{ [column]: { startsWith: viewer.regionPath } }, { [column]: { in: ['/', ...ancestors] } }] };
    const extra = type === 'Account' ? { id: { notIn: this.protectedAccounts } } : {};
    // outside the area is not outside the relation: a committee seat manages its tree wherever it lies
    const seats = where === 'outside' && TREE_TYPES.has(type) ? (viewer.seatTrees ?? []) : [];
    const unrelated = [
      ...seats.map((p) => ({ NOT: { treePath: { startsWith: p } } })),
      ...(where === 'outside' && RELATED[type] ? [RELATED[type](viewer)] : []),
    ];
    const row = await delegateOf(this.prisma, type).findFirst({
      where: { ...scope, ...extra, ...(unrelated.length ? { AND: unrelated } : {}) },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    return row ? encodeGlobalID(type, row.id) : null;
  }
}

export const rulesOf = (p: FieldPolicy): ScopeRule[] => (Array.isArray(p.scope) ? p.scope : [p.scope]) as ScopeRule[];
const targeted = (p: FieldPolicy) => rulesOf(p).filter((r): r is Exclude<ScopeRule, string> => typeof r !== 'string');

/** a value for a required input of this type; ids from `idFor` */
async function valueFor(
  type: GraphQLInputType,
  name: string,
  idFor: (name: string) => Promise<string | null>,
): Promise<unknown> {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [await valueFor(inner.ofType as GraphQLInputType, name, idFor)];
  if (isEnumType(inner))
    return inner.getValues()[0]!.value === undefined ? inner.getValues()[0]!.name : inner.getValues()[0]!.name;
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) {
      if (!isNonNullType(f.type) || f.defaultValue !== undefined) continue;
      out[f.name] = await valueFor(f.type, f.name, idFor);
    }
    return out;
  }
  if (!isScalarType(inner)) return null;
  switch (inner.name) {
    case 'ID':
      return idFor(name);
    case 'Int':
    case 'NonNegativeInt':
    case 'PositiveInt':
      return 1;
    case 'Float':
    case 'NonNegativeFloat':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2026-11-26T02:00:00.000Z';
    case 'Date':
      return '2026-11-26';
    case 'JSON':
      return {};
    case 'Latitude':
      return 44.2;
    case 'Longitude':
      return 87.3;
    default:
      return '矩阵测试 matrix';
  }
}

/** sets `value` at a dotted path, creating the objects on the way */
function setAt(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
}

/** a selection that makes the resolver run and shows whether anything came back */
function selection(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isUnionType(named)) return '{ __typename ... on Error { code } }';
  if (isObjectType(named) || isInterfaceType(named)) {
    const fields = named.getFields();
    if (fields.edges) return '{ edges { cursor } }';
    return fields.id ? '{ __typename id }' : '{ __typename }';
  }
  return '';
}

export interface MatrixCase {
  field: string;
  root: 'Query' | 'Mutation';
  policy: FieldPolicy;
  viewer: MatrixViewer;
  where: Location;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * One case per location the policy can distinguish: 'inside' always, 'outside' when a scope rule names a
 * target. null when a scoped record of that kind does not exist for the viewer (reported by the test).
 */
export async function buildCase(
  root: 'Query' | 'Mutation',
  field: GraphQLField<unknown, unknown>,
  viewer: MatrixViewer,
  where: Location,
  picker: RecordPicker,
  known: Set<string>,
): Promise<MatrixCase | null> {
  const policy = field.extensions.policy as FieldPolicy;
  const anchor: MatrixViewer = viewer.role ? viewer : { ...viewer, label: 'anonymous', regionPath: '/' };
  // unscoped ids: a record inside the viewer's area, else any record of that type
  const everywhere: MatrixViewer = { ...anchor, label: 'anywhere', regionPath: '/' };
  const idFor = async (name: string) =>
    (await picker.pick(guessType(name, known), anchor, 'inside')) ??
    picker.pick(guessType(name, known), everywhere, 'inside');
  const variables: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (isNonNullType(arg.type) && arg.defaultValue === undefined)
      variables[arg.name] = await valueFor(arg.type, arg.name, idFor);
  }
  for (const rule of targeted(policy)) {
    const type = 'region' in rule ? 'Region' : rule.record;
    const argPath = 'region' in rule ? rule.region : rule.id;
    const id = await picker.pick(type, anchor, where);
    if (!id) return null;
    const arg = field.args.find((a) => a.name === argPath.split('.')[0]);
    const list = arg && isListAt(arg.type, argPath.split('.').slice(1));
    setAt(variables, argPath, list ? [id] : id);
  }
  const used = field.args.filter((a) => a.name in variables);
  const defs = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const op = root === 'Query' ? 'query' : 'mutation';
  const head = `${op} Matrix${defs ? `(${defs})` : ''}`;
  const query = `${head} { r: ${field.name}${call ? `(${call})` : ''} ${selection(field.type)} }`;
  return { field: field.name, root, policy, viewer, where, query, variables };
}

/** whether the input at this path below an argument is a list (e.g. `partyIds`) */
function isListAt(type: GraphQLInputType, path: string[]): boolean {
  let t: GraphQLInputType = isNonNullType(type) ? type.ofType : type;
  for (const key of path) {
    if (!isInputObjectType(t)) return false;
    const f = t.getFields()[key];
    if (!f) return false;
    t = isNonNullType(f.type) ? f.type.ofType : f.type;
  }
  return isListType(t);
}

export const hasTarget = (p: FieldPolicy) => targeted(p).length > 0;
