// Dates with obvious bounds: nobody registered was born in the future or before 1900, and nobody joined the
// Party before it was founded (1921-07-01) or in the future. "Today" is the Beijing calendar day of the
// request's clock, since a `Date` argument is a calendar day (midnight UTC) in 昌吉州's users' minds.

export const EARLIEST_BIRTH_DATE = new Date('1900-01-01T00:00:00Z');
export const PARTY_FOUNDED = new Date('1921-07-01T00:00:00Z');
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** the calendar day (as midnight UTC, like a `Date` argument) that it is in Beijing at `now` */
export function beijingToday(now: Date): Date {
  const local = new Date(now.getTime() + BEIJING_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** why a calendar day is out of [earliest, today], or null */
export function pastDayProblem(value: Date | null | undefined, now: Date, earliest: Date): string | null {
  if (!value) return null;
  if (Number.isNaN(value.getTime())) return '日期无效 (not a valid date)';
  if (value > beijingToday(now)) return `不能晚于今天 (cannot be in the future, today is ${day(beijingToday(now))})`;
  if (value < earliest) return `不能早于 ${day(earliest)} (cannot be before ${day(earliest)})`;
  return null;
}

export const birthDateProblem = (value: Date | null | undefined, now: Date) =>
  pastDayProblem(value, now, EARLIEST_BIRTH_DATE);
