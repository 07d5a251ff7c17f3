// The demo data's building blocks: look-ups of the core demo rows (regions, organisations, people) and
// helpers that queue volunteers, teams, activities and enrollments as rows for createMany (seed.ts).
import { randomUUID } from 'node:crypto';
import type { Prisma, SeedKit } from '../../src/kit/index.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** 10:00 Beijing time on day `n` of 2024 */
export const day2024 = (n: number, hour = 10) => new Date(Date.UTC(2024, 0, 1 + n, hour - 8));

export async function demoBuilder(kit: SeedKit) {
  const { prisma } = kit;
  const regions = new Map((await prisma.region.findMany()).map((r) => [r.code, r]));
  const region = (code: string) =>
    regions.get(code) ??
    (() => {
      throw new Error(`demo region ${code} missing`);
    })();
  const orgs = new Map((await prisma.organization.findMany()).map((o) => [o.name, o]));
  const org = (name: string) => orgs.get(name)!.id;
  const core = await prisma.person.findMany({
    select: { id: true, name: true, homeCommunityId: true, homePath: true },
  });
  const corePerson = (name: string) => core.find((p) => p.name === name)!;
  const taken = new Set(core.map((p) => p.name));

  const persons: Prisma.PersonCreateManyInput[] = [];
  const volunteers: Prisma.VolunteerCreateManyInput[] = [];
  const members: Prisma.VolunteerTeamMemberCreateManyInput[] = [];
  const activities: Prisma.VolunteerActivityCreateManyInput[] = [];
  const enrollments: Prisma.VolunteerEnrollmentCreateManyInput[] = [];
  const records: Prisma.VolunteerServiceRecordCreateManyInput[] = [];
  const volunteerOf = new Map<string, string>();

  /** registers a person (core or new) as a volunteer at their home community */
  const register = (personId: string, communityCode: string, registeredAt: Date, skills: string[]) => {
    const c = region(communityCode);
    const id = randomUUID();
    volunteers.push({
      id,
      personId,
      communityId: c.id,
      regionPath: c.path,
      skills,
      recordConsentAt: registeredAt,
      registeredAt,
      availability: '周末及节假日',
    });
    volunteerOf.set(personId, id);
    return personId;
  };
  /** a new fictitious party-member volunteer */
  const newVolunteer = (name: string, communityCode: string, i: number, workOrganizationName?: string) => {
    const c = region(communityCode);
    const id = randomUUID();
    persons.push({
      id,
      name,
      gender: i % 2 ? 'MALE' : 'FEMALE',
      ethnicity: /·/.test(name) ? '哈萨克族' : '汉族',
      birthDate: new Date(Date.UTC(1968 + (i % 32), i % 12, 1 + (i % 27))),
      homeCommunityId: c.id,
      homePath: c.path,
      partyMember: true,
      partyJoinedAt: new Date(Date.UTC(1995 + (i % 25), 6, 1)),
      workOrganizationId: workOrganizationName ? org(workOrganizationName) : null,
    });
    return register(
      id,
      communityCode,
      new Date(Date.UTC(2023, 2 + (i % 9), 5)),
      i % 3 ? ['入户走访', '环境整治'] : ['法律咨询', '政策宣传'],
    );
  };
  const teams: Prisma.VolunteerTeamCreateManyInput[] = [];
  const team = (
    code: string,
    name: string,
    kind: Prisma.VolunteerTeamCreateManyInput['kind'],
    leaders: string[],
    rest: string[],
    organizationName?: string,
  ) => {
    const r = region(code);
    const id = randomUUID();
    teams.push({
      id,
      regionId: r.id,
      regionPath: r.path,
      name,
      kind,
      organizationId: organizationName ? org(organizationName) : null,
      description: `${r.name}${name}`,
    });
    for (const [role, list] of [
      ['LEADER', leaders],
      ['MEMBER', rest],
    ] as const) {
      for (const personId of list)
        members.push({
          teamId: id,
          volunteerId: volunteerOf.get(personId)!,
          personId,
          role,
          regionId: r.id,
          regionPath: r.path,
          joinedAt: new Date(Date.UTC(2023, 11, 1)),
        });
    }
    return id;
  };
  /** a completed (or planned) activity; `served` volunteers are enrolled (confirmed when completed: records are
   * derived from the enrollments in SQL, seed.ts) */
  const activity = (
    a: {
      code: string;
      title: string;
      category: Prisma.VolunteerActivityCreateManyInput['category'];
      startsAt: Date;
      hours: number;
      teamId?: string;
      organizationIds?: string[];
      capacity?: number;
      status?: Prisma.VolunteerActivityCreateManyInput['status'];
      risky?: boolean;
      description?: string;
      place?: string;
    },
    served: string[],
  ) => {
    const c = region(a.code);
    const id = randomUUID();
    const endsAt = new Date(a.startsAt.getTime() + Math.max(a.hours, 2) * HOUR);
    const status = a.status ?? 'COMPLETED';
    activities.push({
      id,
      communityId: c.id,
      regionPath: c.path,
      teamId: a.teamId ?? null,
      organizationIds: a.organizationIds ?? [],
      title: a.title,
      category: a.category,
      place: a.place ?? `${c.name}党群服务中心`,
      description: a.description ?? `${a.title}（${c.name}）`,
      startsAt: a.startsAt,
      endsAt,
      capacity: a.capacity ?? Math.max(10, served.length),
      enrolledCount: served.length,
      status,
      risky: a.risky ?? false,
      publishedAt: status === 'DRAFT' ? null : new Date(a.startsAt.getTime() - 7 * DAY),
      startedAt: status === 'COMPLETED' ? a.startsAt : null,
      completedAt: status === 'COMPLETED' ? endsAt : null,
    });
    for (const personId of served) {
      const enrollmentId = randomUUID();
      const done = status === 'COMPLETED';
      enrollments.push({
        id: enrollmentId,
        activityId: id,
        volunteerId: volunteerOf.get(personId)!,
        personId,
        communityId: c.id,
        regionPath: c.path,
        status: done ? 'CONFIRMED' : 'SIGNED_UP',
        signedUpAt: new Date(a.startsAt.getTime() - 3 * DAY),
        checkInAt: done ? a.startsAt : null,
        checkOutAt: done ? new Date(a.startsAt.getTime() + a.hours * HOUR) : null,
      });
    }
    return id;
  };

  return {
    region,
    org,
    corePerson,
    taken,
    register,
    newVolunteer,
    team,
    activity,
    volunteerOf,
    rows: { persons, volunteers, teams, members, activities, enrollments, records },
  };
}

export type DemoBuilder = Awaited<ReturnType<typeof demoBuilder>>;
