import type { Role } from '../../generated/prisma/client.js';

/** who is asking: resolved from the bearer token and the account row on every request */
export interface Viewer {
  accountId: string;
  username: string;
  role: Role;
  regionId: string;
  /** the scope: every region whose path starts with this */
  regionPath: string;
  organizationId: string | null;
  personId: string | null;
  /** the token this request presented (what `logout` ends); absent for viewers made in tests/jobs */
  session?: { jti: string; expiresAt: Date };
}

export const ROLE_RANK: Record<Role, number> = {
  SYSTEM_ADMIN: 100,
  REGION_ADMIN: 80,
  COMMUNITY_WORKER: 60,
  DEPARTMENT_STAFF: 40,
  ANALYST: 40,
  PARTY_MEMBER: 20,
  RESIDENT: 10,
};

const PEOPLE_MANAGERS: Role[] = ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER'];

export const within = (viewer: Viewer, path: string) => path.startsWith(viewer.regionPath);

/** region administrators (and the system administrator) of `path` or of a region above it */
export const isAdminOf = (viewer: Viewer | null, path: string) =>
  !!viewer && (viewer.role === 'SYSTEM_ADMIN' || (viewer.role === 'REGION_ADMIN' && within(viewer, path)));

/** may see full personal information of people living under `path`, and edit them */
export const managesPeopleAt = (viewer: Viewer | null, path: string) =>
  !!viewer && PEOPLE_MANAGERS.includes(viewer.role) && (viewer.role === 'SYSTEM_ADMIN' || within(viewer, path));

export const managesPerson = (viewer: Viewer | null, person: { id: string; homePath: string }) =>
  !!viewer && (viewer.personId === person.id || managesPeopleAt(viewer, person.homePath));

/** roles that may list records of others inside their scope (masked where they do not manage) */
export const READER_ROLES: Role[] = ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER', 'DEPARTMENT_STAFF', 'ANALYST'];
export const readsWithinScope = (viewer: Viewer | null): viewer is Viewer =>
  !!viewer && READER_ROLES.includes(viewer.role);
