// Who may see and do what with a wish. Lists use `visibleWishesWhere` (one Prisma filter), single
// records `canSeeWish`; the two state the same rule and are tested together.
//
//   readers (admins, community workers, department staff, analysts): every wish inside their scope
//   residents: the wishes they made
//   party members: the wishes they made, the ones they claim(ed), and the published wishes of their
//     service community (the community they registered at, 到社区报到)
//   names and person objects of the requester and claimant: only those who manage people there
//   (community workers, admins), and the requester and claimant themselves; everyone else gets
//   a masked name (何**).
import {
  managesPeopleAt,
  notFound,
  parseId,
  perRequest,
  READER_ROLES,
  within,
  type Context,
  type Person,
  type Prisma,
  type Viewer,
  type Wish,
} from '../../src/kit/index.js';
import { MODULE_ID, PUBLIC_STATUSES } from './model.js';

/** a community worker (社区工作者) whose area includes `path` */
export const isWorkerAt = (viewer: Viewer | null, path: string) =>
  !!viewer && viewer.role === 'COMMUNITY_WORKER' && within(viewer, path);

/** the viewer's own Person row, read at most once per request */
export const viewerPerson = (ctx: Context): Promise<Person | null> =>
  perRequest(ctx, 'wishes:viewerPerson', () =>
    ctx.viewer?.personId ? ctx.prisma.person.findUnique({ where: { id: ctx.viewer.personId } }) : Promise.resolve(null),
  );

/**
 * 服务社区: the community whose wishes a party member may claim. In-service members (在职党员, with a
 * work organisation) serve where they registered; other members where they live.
 */
export function serviceCommunityOf(
  person: Pick<Person, 'partyMember' | 'registeredCommunityId' | 'workOrganizationId' | 'homeCommunityId'>,
) {
  if (!person.partyMember) return null;
  if (person.registeredCommunityId) return person.registeredCommunityId;
  return person.workOrganizationId ? null : person.homeCommunityId;
}

/** roles that read every wish inside their scope (READER_ROLES of the kernel) */
const isReader = (viewer: Viewer) => READER_ROLES.includes(viewer.role);

const NOTHING: Prisma.WishWhereInput = { id: { in: [] } };

/** every wish the viewer may read, as one filter (the module gate is added by the caller) */
export async function visibleWishesWhere(ctx: Context): Promise<Prisma.WishWhereInput> {
  const viewer = ctx.viewer;
  if (!viewer) return NOTHING;
  if (isReader(viewer)) return { regionPath: { startsWith: viewer.regionPath } };
  if (!viewer.personId) return NOTHING;
  const own: Prisma.WishWhereInput[] = [{ requesterId: viewer.personId }];
  if (viewer.role === 'PARTY_MEMBER') {
    own.push({ claimantId: viewer.personId });
    const me = await viewerPerson(ctx);
    const community = me && serviceCommunityOf(me);
    if (community) own.push({ communityId: community, status: { in: [...PUBLIC_STATUSES] } });
  }
  return { OR: own };
}

/** the same rule for one record */
export async function canSeeWish(ctx: Context, wish: Wish): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (isReader(viewer)) return within(viewer, wish.regionPath);
  if (!viewer.personId) return false;
  if (wish.requesterId === viewer.personId) return true;
  if (viewer.role !== 'PARTY_MEMBER') return false;
  if (wish.claimantId === viewer.personId) return true;
  const me = await viewerPerson(ctx);
  return !!me && serviceCommunityOf(me) === wish.communityId && PUBLIC_STATUSES.includes(wish.status);
}

/** may see the requester's and claimant's names and person records (else: masked name only) */
export const seesPeopleOf = (viewer: Viewer | null, wish: Pick<Wish, 'regionPath' | 'requesterId' | 'claimantId'>) =>
  managesPeopleAt(viewer, wish.regionPath) ||
  (!!viewer?.personId && (viewer.personId === wish.requesterId || viewer.personId === wish.claimantId));

/** the scope a list starts from: a reader's area, or everywhere for the others (their filter narrows it) */
export const defaultScope = (viewer: Viewer | null) => (viewer && isReader(viewer) ? viewer.regionPath : '/');

/**
 * Loads a wish for a mutation: NOT_FOUND when it does not exist or the viewer may not see it (a
 * published wish is public on the wish wall, so it counts as seen), MODULE_DISABLED where the module is off.
 */
export async function wishForWrite(ctx: Context, globalId: string | number, path = 'input.wishId'): Promise<Wish> {
  const wish = await ctx.prisma.wish.findUnique({ where: { id: parseId(String(globalId), 'Wish', path) } });
  if (!wish || (wish.status !== 'PUBLISHED' && !(await canSeeWish(ctx, wish)))) throw notFound('心愿 wish');
  await ctx.gate.assertEnabled(MODULE_ID, wish.regionPath);
  return wish;
}
