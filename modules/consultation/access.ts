// Who may do what. Writers are those who manage the community's people (its community workers, region
// admins above it). Mediation cases, whose parties are personal information, are seen by those and by
// the case's mediators only; analysts get figures (RegionStats.consultation), never a case.
import { partyOrganizationsByIds } from '../party-building/index.js';
import {
  forbidden,
  managesPeopleAt,
  notFound,
  parseId,
  rowLoader,
  ValidationError,
  type Context,
  type MediationCase,
  type Prisma,
  type Region,
  type Viewer,
} from '../../src/kit/index.js';
import { MODULE_ID } from './model.js';

/** may write consultation records of the community at `path` */
export const writesAt = (viewer: Viewer | null, path: string) => managesPeopleAt(viewer, path);

export function assertWrites(ctx: Context, path: string) {
  if (!writesAt(ctx.viewer, path)) {
    throw forbidden('只有该村/社区的社区工作者或管理员可以操作 (a worker or admin of that community)');
  }
}

/** a community (村/社区) by global id, switched on, that the viewer writes for */
export async function communityForWrite(ctx: Context, globalId: string | number, path: string): Promise<Region> {
  const region = await ctx.prisma.region.findUnique({ where: { id: parseId(String(globalId), 'Region', path) } });
  if (!region) throw notFound('社区 community');
  if (region.level !== 'COMMUNITY') throw new ValidationError([{ path, message: '应为社区/村 (must be a community)' }]);
  await ctx.gate.assertEnabled(MODULE_ID, region.path);
  assertWrites(ctx, region.path);
  return region;
}

export interface PartyOrgSummary {
  id: string;
  name: string;
  regionId: string;
  regionPath: string;
}

/** party organisations (module party-building) by id, one query per request level */
export const partyOrgLoader = (ctx: Context) =>
  rowLoader<PartyOrgSummary>(ctx, 'consultation.partyOrgs', (ids) => partyOrganizationsByIds(ctx, ids));

/** a party organisation of this very community (the "1" of 1+4+N, the proposer of 四议两公开) */
export async function communityPartyOrg(ctx: Context, globalId: string | number, community: Region, path: string) {
  const org = await partyOrgLoader(ctx).load(parseId(String(globalId), 'PartyOrganization', path));
  if (!org) throw notFound('党组织 party organisation');
  if (org.regionId !== community.id) {
    throw new ValidationError([{ path, message: '应为本村/社区的党组织 (a party organisation of this community)' }]);
  }
  return org;
}

/** the mediator person ids of cases, one query per request level */
export const mediatorsOf = (ctx: Context) =>
  rowLoader<{ id: string; personIds: string[] }>(ctx, 'consultation.mediators', async (ids) => {
    const rows = await ctx.prisma.mediationMediator.findMany({ where: { caseId: { in: ids } } });
    return ids.map((id) => ({ id, personIds: rows.filter((r) => r.caseId === id).map((r) => r.personId) }));
  });

export async function isMediatorOf(ctx: Context, c: Pick<MediationCase, 'id'>): Promise<boolean> {
  const personId = ctx.viewer?.personId;
  if (!personId) return false;
  return ((await mediatorsOf(ctx).load(c.id))?.personIds ?? []).includes(personId);
}

/** the case's community managers and its mediators */
export async function canSeeCase(ctx: Context, c: MediationCase): Promise<boolean> {
  return writesAt(ctx.viewer, c.regionPath) || (await isMediatorOf(ctx, c));
}

/** the cases a viewer may list, as one filter (the module gate is added by the caller) */
export function visibleCasesWhere(viewer: Viewer): Prisma.MediationCaseWhereInput {
  const mine: Prisma.MediationCaseWhereInput[] = viewer.personId
    ? [{ mediators: { some: { personId: viewer.personId } } }]
    : [];
  if (managesPeopleAt(viewer, viewer.regionPath)) mine.push({ regionPath: { startsWith: viewer.regionPath } });
  if (viewer.role === 'SYSTEM_ADMIN') mine.push({});
  return mine.length ? { OR: mine } : { id: { in: [] } };
}

/** a case for a mutation: NOT_FOUND unless visible, MODULE_DISABLED where off */
export async function caseForWrite(ctx: Context, globalId: string | number): Promise<MediationCase> {
  const c = await ctx.prisma.mediationCase.findUnique({
    where: { id: parseId(String(globalId), 'MediationCase', 'input.caseId') },
  });
  if (!c || !(await canSeeCase(ctx, c))) throw notFound('调解案件 mediation case');
  await ctx.gate.assertEnabled(MODULE_ID, c.regionPath);
  return c;
}

/** a decision for a mutation: NOT_FOUND outside the viewer's area, MODULE_DISABLED where off, else writers only */
export async function decisionForWrite(ctx: Context, globalId: string | number) {
  const d = await ctx.prisma.villageDecision.findUnique({
    where: { id: parseId(String(globalId), 'VillageDecision', 'input.decisionId') },
  });
  if (!d || !ctx.viewer || !d.regionPath.startsWith(ctx.viewer.regionPath)) throw notFound('事项 village decision');
  await ctx.gate.assertEnabled(MODULE_ID, d.regionPath);
  assertWrites(ctx, d.regionPath);
  return d;
}
