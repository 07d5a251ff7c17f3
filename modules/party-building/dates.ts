// Dates in China time (UTC+8) as date-only values (UTC midnight), and "YYYY-MM" months. Pure functions.

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;

/** the calendar date (UTC midnight) of an instant in China time (UTC+8) */
export function chinaDate(at: Date): Date {
  const shifted = new Date(at.getTime() + CHINA_OFFSET);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/** a date-only value (UTC midnight) */
export const dateOnly = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb) */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last)));
}
export const addYears = (d: Date, years: number) => addMonths(d, years * 12);
export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** "YYYY-MM" of a date-only value */
export const monthOf = (d: Date) => d.toISOString().slice(0, 7);
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
/** inclusive list of months from..to ("YYYY-MM") */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1200; m = nextMonth(m)) out.push(m);
  return out;
}
export const validMonth = (m: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m);
