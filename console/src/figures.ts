// What the figures page asks: a calendar year in Asia/Shanghai (the demo data tells 2024's story) per interval.
export const YEARS = [2024, 2025, 2026];
export const INTERVALS = [
  ['MONTH', '月 month'],
  ['QUARTER', '季度 quarter'],
  ['WEEK', '周 week'],
] as const;

export const CHILD_LEVEL: Record<string, string | undefined> = {
  PREFECTURE: 'COUNTY',
  COUNTY: 'TOWNSHIP',
  TOWNSHIP: 'COMMUNITY',
};

/** [from, to) of a year, Asia/Shanghai midnight */
export const yearRange = (year: number) => ({
  from: `${year - 1}-12-31T16:00:00.000Z`,
  to: `${year}-12-31T16:00:00.000Z`,
});

const day = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' });
const month = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'short' });

export const periodLabel = (iso: string, interval: string) =>
  interval === 'WEEK' ? day.format(new Date(iso)) : month.format(new Date(iso));

export const formatValue = (v: number | null) =>
  v === null ? '—' : Number.isInteger(v) ? String(v) : v.toLocaleString('zh-CN', { maximumFractionDigits: 3 });

export interface Figure {
  metric: string;
  title: string;
  module: string;
  kind: string;
}
