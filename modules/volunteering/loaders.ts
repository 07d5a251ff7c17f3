// Per-request loaders of the volunteering module, on the kit's one request cache: one SQL statement per
// nested level, whatever the page size, and nothing kept beyond the request (rows depend on the viewer).
import {
  mapLoader,
  organizationLoader,
  perRequest,
  personLoader,
  regionLoader,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { hoursOf, yearRange } from './hours.js';

type VolunteerRow = Prisma.VolunteerGetPayload<object>;
type EnrollmentRow = Prisma.VolunteerEnrollmentGetPayload<object>;
export interface Totals {
  total: number;
  year: number;
}

/** verified service hours per volunteer: all time and this calendar year (Beijing time) */
async function totalsOf(ctx: Context, ids: string[]): Promise<Map<string, Totals>> {
  const [from, to] = yearRange(ctx.clock.now());
  const sum = (where: Prisma.VolunteerServiceRecordWhereInput) =>
    ctx.prisma.volunteerServiceRecord.groupBy({
      by: ['volunteerId'],
      where: { volunteerId: { in: ids }, kind: 'SERVICE', ...where },
      _sum: { hours: true },
    });
  const [all, year] = await Promise.all([sum({}), sum({ startsAt: { gte: from, lt: to } })]);
  const thisYear = new Map(year.map((r) => [r.volunteerId, hoursOf(r._sum.hours)]));
  return new Map(
    all.map((r) => [r.volunteerId, { total: hoursOf(r._sum.hours), year: thisYear.get(r.volunteerId) ?? 0 }]),
  );
}

export const loaders = {
  person: personLoader,
  region: regionLoader,
  organization: organizationLoader,
  /** the Volunteer row of a person (null when not registered) */
  volunteerByPerson: (ctx: Context) =>
    mapLoader<VolunteerRow | null>(
      ctx,
      'volunteering.volunteerByPerson',
      async (personIds) => {
        const rows = await ctx.prisma.volunteer.findMany({ where: { personId: { in: [...personIds] } } });
        return new Map(rows.map((r) => [r.personId, r]));
      },
      null,
    ),
  totals: (ctx: Context) =>
    mapLoader<Totals>(ctx, 'volunteering.totals', (ids) => totalsOf(ctx, [...ids]), { total: 0, year: 0 }),
  /** the viewer's own enrollment per activity */
  myEnrollment: (ctx: Context) =>
    mapLoader<EnrollmentRow | null>(
      ctx,
      'volunteering.myEnrollment',
      async (activityIds) => {
        const personId = ctx.viewer?.personId;
        const rows = personId
          ? await ctx.prisma.volunteerEnrollment.findMany({ where: { personId, activityId: { in: [...activityIds] } } })
          : [];
        return new Map(rows.map((r) => [r.activityId, r]));
      },
      null,
    ),
};

/** ids of the teams the viewer leads (队长), loaded once per request */
export function ledTeamIds(ctx: Context): Promise<Set<string>> {
  return perRequest(ctx, 'volunteering.ledTeams', async () => {
    const personId = ctx.viewer?.personId;
    if (!personId) return new Set<string>();
    const rows = await ctx.prisma.volunteerTeamMember.findMany({
      where: { personId, role: 'LEADER' },
      select: { teamId: true },
    });
    return new Set(rows.map((r) => r.teamId));
  });
}

/** name the viewer signs with: their own name when linked to a person, else the username */
export async function viewerName(ctx: Context): Promise<string> {
  const v = ctx.viewer!;
  if (v.personId) {
    const p = await loaders.person(ctx).load(v.personId);
    if (p) return p.name;
  }
  return v.username;
}
