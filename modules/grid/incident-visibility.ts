// Who may read which incidents (a Prisma filter, so lists and nested connections stay one query).
import { within, type Incident, type LinkedPeopleKit, type Prisma, type Viewer } from '../../src/kit/index.js';

const NOTHING: Prisma.IncidentWhereInput = { id: { in: [] } };

/**
 * - admins, community workers, analysts: incidents within their area;
 * - department staff: incidents escalated to their organisation;
 * - anyone else (residents, party members): incidents they reported or that concern them (跟踪).
 */
export function incidentVisibility(viewer: Viewer | null): Prisma.IncidentWhereInput {
  if (!viewer) return NOTHING;
  switch (viewer.role) {
    case 'SYSTEM_ADMIN':
      return {};
    case 'REGION_ADMIN':
    case 'COMMUNITY_WORKER':
    case 'ANALYST':
      return { regionPath: { startsWith: viewer.regionPath } };
    case 'DEPARTMENT_STAFF':
      return viewer.organizationId ? { departments: { some: { organizationId: viewer.organizationId } } } : NOTHING;
    default: {
      const own: Prisma.IncidentWhereInput[] = [{ reporterAccountId: viewer.accountId }];
      if (viewer.personId) own.push({ residentId: viewer.personId });
      return { OR: own };
    }
  }
}

/** the same rule for one loaded incident (department membership passed in by the caller) */
export function canSeeIncident(viewer: Viewer | null, incident: Incident, departmentIds: string[]): boolean {
  if (!viewer) return false;
  switch (viewer.role) {
    case 'SYSTEM_ADMIN':
      return true;
    case 'REGION_ADMIN':
    case 'COMMUNITY_WORKER':
    case 'ANALYST':
      return within(viewer, incident.regionPath);
    case 'DEPARTMENT_STAFF':
      return !!viewer.organizationId && departmentIds.includes(viewer.organizationId);
    default:
      return (
        incident.reporterAccountId === viewer.accountId ||
        (!!viewer.personId && incident.residentId === viewer.personId)
      );
  }
}

/** staff see names and details; followers (reporter/resident) see status and timeline with masked names */
export const isIncidentStaff = (viewer: Viewer | null) =>
  !!viewer && ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER', 'DEPARTMENT_STAFF'].includes(viewer.role);

/** 个人信息: the residents and household members of incidents escalated to an organisation (its staff see them) */
export async function incidentPeople({ prisma, organizationId, scope }: LinkedPeopleKit): Promise<string[]> {
  const rows = await prisma.incident.findMany({
    where: { departments: { some: { organizationId } }, regionPath: { startsWith: scope } },
    select: { residentId: true, household: { select: { headId: true, members: { select: { personId: true } } } } },
  });
  return rows
    .flatMap((i) => [i.residentId, i.household?.headId, ...(i.household?.members.map((m) => m.personId) ?? [])])
    .filter((id): id is string => !!id);
}
