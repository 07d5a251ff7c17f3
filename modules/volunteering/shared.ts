// Helpers shared by the files of the volunteering module: ids, per-request loaders, access rules,
// hours arithmetic. Nothing here is exported from index.ts.
import DataLoader from 'dataloader';
import {
  AppError,
  forbidden,
  managesPeopleAt,
  maskName,
  notFound,
  parseId,
  readsWithinScope,
  within,
  type Context,
  type Organization,
  type Person,
  type Prisma,
  type Region,
  type Viewer,
} from '../../src/kit/index.js';

export const MODULE = 'volunteering';
export const SG = [MODULE];

/** interactive transactions wait for a connection under load (many sign-ups at once) */
export const TX = { maxWait: 30_000, timeout: 30_000 } as const;

export const ENROLLED_STATUSES = ['SIGNED_UP', 'CHECKED_IN', 'CHECKED_OUT', 'CONFIRMED'] as const;

// ——— per-request loaders (one SQL statement per nested level, whatever the page size) ———

const caches = new WeakMap<object, Map<string, unknown>>();

function perRequest<T>(ctx: Context, key: string, make: () => T): T {
  let map = caches.get(ctx);
  if (!map) caches.set(ctx, (map = new Map()));
  if (!map.has(key)) map.set(key, make());
  return map.get(key) as T;
}

function byId<T extends { id: string }>(ctx: Context, key: string, fetch: (ids: string[]) => Promise<T[]>) {
  return perRequest(
    ctx,
    key,
    () =>
      new DataLoader<string, T | null>(async (ids) => {
        const rows = await fetch([...ids]);
        const map = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => map.get(id) ?? null);
      }),
  );
}

export const loaders = {
  person: (ctx: Context) =>
    byId<Person>(ctx, 'person', (ids) => ctx.prisma.person.findMany({ where: { id: { in: ids } } })),
  region: (ctx: Context) =>
    byId<Region>(ctx, 'region', (ids) => ctx.prisma.region.findMany({ where: { id: { in: ids } } })),
  organization: (ctx: Context) =>
    byId<Organization>(ctx, 'organization', (ids) => ctx.prisma.organization.findMany({ where: { id: { in: ids } } })),
  /** the Volunteer row of a person (null when not registered) */
  volunteerByPerson: (ctx: Context) =>
    perRequest(
      ctx,
      'volunteerByPerson',
      () =>
        new DataLoader<string, Prisma.VolunteerGetPayload<object> | null>(async (personIds) => {
          const rows = await ctx.prisma.volunteer.findMany({ where: { personId: { in: [...personIds] } } });
          const map = new Map(rows.map((r) => [r.personId, r]));
          return personIds.map((id) => map.get(id) ?? null);
        }),
    ),
  /** verified service hours per volunteer: all time and this calendar year (Beijing time) */
  totals: (ctx: Context) =>
    perRequest(
      ctx,
      'totals',
      () =>
        new DataLoader<string, { total: number; year: number }>(async (volunteerIds) => {
          const ids = [...volunteerIds];
          const [from, to] = yearRange(ctx.clock.now());
          const [all, year] = await Promise.all([
            ctx.prisma.volunteerServiceRecord.groupBy({
              by: ['volunteerId'],
              where: { volunteerId: { in: ids }, kind: 'SERVICE' },
              _sum: { hours: true },
            }),
            ctx.prisma.volunteerServiceRecord.groupBy({
              by: ['volunteerId'],
              where: { volunteerId: { in: ids }, kind: 'SERVICE', startsAt: { gte: from, lt: to } },
              _sum: { hours: true },
            }),
          ]);
          const total = new Map(all.map((r) => [r.volunteerId, hoursOf(r._sum.hours)]));
          const thisYear = new Map(year.map((r) => [r.volunteerId, hoursOf(r._sum.hours)]));
          return ids.map((id) => ({ total: total.get(id) ?? 0, year: thisYear.get(id) ?? 0 }));
        }),
    ),
  /** the viewer's own enrollment per activity */
  myEnrollment: (ctx: Context) =>
    perRequest(
      ctx,
      'myEnrollment',
      () =>
        new DataLoader<string, Prisma.VolunteerEnrollmentGetPayload<object> | null>(async (activityIds) => {
          const personId = ctx.viewer?.personId;
          const rows = personId
            ? await ctx.prisma.volunteerEnrollment.findMany({
                where: { personId, activityId: { in: [...activityIds] } },
              })
            : [];
          const map = new Map(rows.map((r) => [r.activityId, r]));
          return activityIds.map((id) => map.get(id) ?? null);
        }),
    ),
};

/** ids of the teams the viewer leads (队长), loaded once per request */
export function ledTeamIds(ctx: Context): Promise<Set<string>> {
  return perRequest(ctx, 'ledTeams', async () => {
    const personId = ctx.viewer?.personId;
    if (!personId) return new Set<string>();
    const rows = await ctx.prisma.volunteerTeamMember.findMany({
      where: { personId, role: 'LEADER' },
      select: { teamId: true },
    });
    return new Set(rows.map((r) => r.teamId));
  });
}

// ——— access rules ———

export interface ActivityAccess {
  regionPath: string;
  createdById: string | null;
  teamId: string | null;
}

/** 组织方 the organiser side of an activity: workers and admins over its community, its creator, leaders of its team */
export function isOrganizer(viewer: Viewer | null, activity: ActivityAccess, ledTeams: Set<string>): boolean {
  if (!viewer) return false;
  return (
    managesPeopleAt(viewer, activity.regionPath) ||
    activity.createdById === viewer.accountId ||
    (!!activity.teamId && ledTeams.has(activity.teamId))
  );
}

export const canOrganize = async (ctx: Context, activity: ActivityAccess) =>
  isOrganizer(ctx.viewer, activity, await ledTeamIds(ctx));

/** workers, admins, analysts and department staff read records inside their area */
export const readsAt = (viewer: Viewer | null, path: string): viewer is Viewer =>
  readsWithinScope(viewer) && within(viewer, path);

/** SQL filter: the enrollments a viewer may see (own, within a reader's area, or of activities they organise) */
export function enrollmentVisibility(viewer: Viewer | null): Prisma.VolunteerEnrollmentWhereInput {
  if (!viewer) return { id: { in: [] } };
  const or: Prisma.VolunteerEnrollmentWhereInput[] = [{ activity: { createdById: viewer.accountId } }];
  if (viewer.personId) {
    or.push({ personId: viewer.personId });
    or.push({ activity: { team: { members: { some: { personId: viewer.personId, role: 'LEADER' } } } } });
  }
  if (readsWithinScope(viewer)) or.push({ regionPath: { startsWith: viewer.regionPath } });
  return { OR: or };
}

/** SQL filter: drafts only for their organisers; everything else is a public announcement */
export function draftVisibility(viewer: Viewer | null): Prisma.VolunteerActivityWhereInput {
  const or: Prisma.VolunteerActivityWhereInput[] = [{ status: { not: 'DRAFT' } }];
  if (viewer) {
    or.push({ createdById: viewer.accountId });
    if (['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER'].includes(viewer.role))
      or.push({ regionPath: { startsWith: viewer.regionPath } });
    if (viewer.personId) or.push({ team: { members: { some: { personId: viewer.personId, role: 'LEADER' } } } });
  }
  return { OR: or };
}

/** the full name for those entitled to it (the person, those who manage them, organisers), else 何** */
export const displayName = (name: string, entitled: boolean) => (entitled ? name : maskName(name));

// ——— lookups ———

export async function regionArg(
  ctx: Context,
  globalId: string | number | null | undefined,
  path: string,
): Promise<Region | null> {
  if (globalId == null) return null;
  const region = await ctx.prisma.region.findUnique({ where: { id: parseId(String(globalId), 'Region', path) } });
  if (!region) throw notFound('区划 region');
  return region;
}

export async function communityArg(ctx: Context, globalId: string | number, path: string): Promise<Region> {
  const region = await regionArg(ctx, globalId, path);
  if (region?.level !== 'COMMUNITY')
    throw new AppError('VALIDATION', `${path} 应为社区/村 (must be a community)`, { path });
  return region;
}

/** the default scope of a list: the named region, else the viewer's area, else everything */
export const scopeOf = (ctx: Context, region: Region | null) => region?.path ?? ctx.viewer?.regionPath ?? '/';

/** name the viewer signs with: their own name when linked to a person, else the username */
export async function viewerName(ctx: Context): Promise<string> {
  const v = ctx.viewer!;
  if (v.personId) {
    const p = await loaders.person(ctx).load(v.personId);
    if (p) return p.name;
  }
  return v.username;
}

// ——— hours and time ———

export const hoursOf = (value: Prisma.Decimal | number | string | null | undefined) =>
  value == null ? 0 : Math.round(Number(value) * 100) / 100;

/** 1 January to 1 January of the current year in Beijing time (UTC+8) */
export function yearRange(now: Date): [Date, Date] {
  const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  return [new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000), new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000)];
}

/** full years between a birth date and `now` */
export function ageOn(birthDate: Date, now: Date): number {
  let age = now.getUTCFullYear() - birthDate.getUTCFullYear();
  const m = now.getUTCMonth() - birthDate.getUTCMonth();
  if (m < 0 || (m === 0 && now.getUTCDate() < birthDate.getUTCDate())) age -= 1;
  return age;
}

/**
 * Hours served from check-in/out: only time inside the activity window counts (travel before and
 * after is excluded), rounded to the nearest half hour.
 */
export function servedHours(
  activity: { startsAt: Date; endsAt: Date },
  checkInAt: Date | null,
  checkOutAt: Date | null,
): number | null {
  if (!checkInAt || !checkOutAt) return null;
  const start = Math.max(checkInAt.getTime(), activity.startsAt.getTime());
  const end = Math.min(checkOutAt.getTime(), activity.endsAt.getTime());
  return Math.max(0, Math.round(((end - start) / 3_600_000) * 2) / 2);
}

/**
 * 实际服务时长: the attended time inside the activity's window (check-in/out clipped to its start/end),
 * the most an organiser may confirm on their own (《志愿服务记录与证明出具办法》: records must be true).
 * Without a check-out the organiser vouches until the end (or now, if earlier); more needs a correction
 * request approved by someone else.
 */
export function attendedHours(
  activity: { startsAt: Date; endsAt: Date },
  enrollment: { checkInAt: Date | null; checkOutAt: Date | null },
  now: Date,
): number {
  const until = enrollment.checkOutAt ?? new Date(Math.min(now.getTime(), activity.endsAt.getTime()));
  return servedHours(activity, enrollment.checkInAt, until) ?? 0;
}

/** 不得自行证明: nobody confirms, corrects or approves hours of their own service */
export function assertNotOwnRecord(ctx: Context, personId: string) {
  if (ctx.viewer?.personId === personId)
    throw forbidden('不能确认或更正本人的服务时长 (nobody certifies their own hours)');
}

/**
 * An organiser alone may lower a service record's hours or keep them within the attended time; raising
 * them beyond both needs a correction request (requestServiceRecordCorrection) approved by someone else.
 */
export async function assertWithinAttended(
  ctx: Context,
  record: {
    kind: string;
    hours: Prisma.Decimal | number;
    enrollmentId: string | null;
    activity: { startsAt: Date; endsAt: Date } | null;
  },
  hours: number,
) {
  if (record.kind !== 'SERVICE' || !record.enrollmentId || !record.activity) return;
  const times = await ctx.prisma.volunteerEnrollment.findUnique({
    where: { id: record.enrollmentId },
    select: { checkInAt: true, checkOutAt: true },
  });
  const attended = attendedHours(record.activity, times ?? { checkInAt: null, checkOutAt: null }, ctx.clock.now());
  const cap = Math.max(attended, hoursOf(record.hours));
  if (hours > cap) {
    throw new AppError(
      'PRECONDITION_FAILED',
      `超过实际服务时长 ${attended} 小时，须经他人批准的更正申请 (more than attended needs an approved correction request)`,
      {
        attendedHours: attended,
      },
    );
  }
}

export const DEFAULT_STAR_THRESHOLDS = [100, 300, 600, 1000, 1500];

/** 星级: how many thresholds the cumulative hours reach (0–5) */
export const starLevelOf = (hours: number, thresholds: number[]) => thresholds.filter((t) => hours >= t).length;

export function validateStarThresholds(value: unknown): string | null {
  if (!Array.isArray(value) || value.length !== 5)
    return '应为 5 个数字的数组 (five numbers: hours for one to five stars)';
  if (!value.every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 100_000))
    return '每项应为 0–100000 之间的正数 (positive hours up to 100000)';
  for (let i = 1; i < value.length; i++) if (value[i] <= value[i - 1]) return '应严格递增 (strictly increasing)';
  return null;
}

/** a unique-constraint violation, as reported by the PostgreSQL adapter (P2002) or the PGlite one (SQLSTATE 23505) */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string; kind?: string; originalCode?: string } } | null;
  return (
    !!err &&
    (err.code === 'P2002' ||
      err.cause?.code === '23505' ||
      err.cause?.originalCode === '23505' ||
      err.cause?.kind === 'UniqueConstraintViolation')
  );
}
