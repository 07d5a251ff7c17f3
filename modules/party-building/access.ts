// Who may see and change what (隐私): membership stages, development files, attendance and dues are
// visible to the organisation's own committee and the committees above it (a PARTY_MEMBER account
// whose person holds a current committee seat), to region administrators and community workers of
// the area, and to the system administrator. Analysts get aggregates only; the public nothing.
// The dues income base (党费计算基数) is for the organisation's own committee only.
import { AppError, forbidden, notFound, perRequest, type Context } from '../../src/kit/index.js';
import { MODULE_ID } from './rules.js';

export interface OrgScope {
  id: string;
  treePath: string;
  regionPath: string;
}

interface Seats {
  /** tree paths of the organisations where the viewer's person holds a current committee seat */
  treePaths: string[];
  orgIds: Set<string>;
}

/** the viewer's committee seats, loaded once per request */
export function committeeSeats(ctx: Context): Promise<Seats> {
  return perRequest(ctx, 'party-building.committeeSeats', async () => {
    const personId = ctx.viewer?.personId;
    if (!personId) return { treePaths: [], orgIds: new Set<string>() };
    const rows = await ctx.prisma.partyCommitteeMember.findMany({
      where: { personId, endedAt: null },
      select: { organization: { select: { id: true, treePath: true } } },
    });
    return { treePaths: rows.map((r) => r.organization.treePath), orgIds: new Set(rows.map((r) => r.organization.id)) };
  });
}

/** region admins and community workers of the area, and the system administrator */
export function administersArea(ctx: Context, regionPath: string): boolean {
  const v = ctx.viewer;
  if (!v) return false;
  if (v.role === 'SYSTEM_ADMIN') return true;
  return (v.role === 'REGION_ADMIN' || v.role === 'COMMUNITY_WORKER') && regionPath.startsWith(v.regionPath);
}

/** may read the organisation's files (stages, development records, attendance) and manage them */
export async function canManageOrg(ctx: Context, org: OrgScope): Promise<boolean> {
  if (administersArea(ctx, org.regionPath)) return true;
  if (ctx.viewer?.role !== 'PARTY_MEMBER') return false;
  const seats = await committeeSeats(ctx);
  return seats.treePaths.some((p) => org.treePath.startsWith(p));
}

/** the organisation's own committee: the only ones who see the dues income base */
export async function sitsOnCommitteeOf(ctx: Context, orgId: string): Promise<boolean> {
  if (!ctx.viewer?.personId) return false;
  return (await committeeSeats(ctx)).orgIds.has(orgId);
}

export async function assertManages(ctx: Context, org: OrgScope, what = '该党组织') {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED', '请先登录 (log in first)');
  if (!(await canManageOrg(ctx, org))) {
    throw forbidden(
      `只有${what}的支部委员会、上级党组织或辖区管理员可以办理 (its committee, the committees above it, or administrators of the area)`,
    );
  }
}

/** loads a party organisation for a write: exists, module on there, viewer manages it */
export async function orgForWrite(ctx: Context, id: string, path = 'input.organizationId') {
  const org = await ctx.prisma.partyOrganization.findUnique({ where: { id } });
  if (!org) throw notFound(`党组织 party organization (${path})`);
  // before the access check, so a switched-off township answers MODULE_DISABLED to everyone
  await ctx.gate.assertEnabled(MODULE_ID, org.regionPath);
  await assertManages(ctx, org);
  return org;
}

/** roles that may see aggregates (counts, rates) of an area */
export function seesAggregates(ctx: Context, regionPath: string): boolean {
  const v = ctx.viewer;
  if (!v) return false;
  if (v.role === 'SYSTEM_ADMIN') return true;
  if (v.role === 'RESIDENT') return false;
  return regionPath.startsWith(v.regionPath) || v.role === 'PARTY_MEMBER';
}
