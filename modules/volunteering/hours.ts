// Hours, time and star levels of the volunteering module: arithmetic on service records, and the two
// rules that keep records true (nobody certifies their own hours; more than attended needs approval).
import { AppError, forbidden, type Context, type Prisma } from '../../src/kit/index.js';

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
      `超过实际服务时长 ${attended} 小时，须经他人批准的更正申请 ` +
        '(more than attended needs an approved correction request)',
      { attendedHours: attended },
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
