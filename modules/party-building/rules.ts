// Pure rules of the module: dates in China time, the development timetable (发展党员工作细则 2014),
// dues (党费 2008), meeting periods (支部工作条例 2018). No database access here.

export const MODULE_ID = 'party-building';
export const SUB = [MODULE_ID];

// dates in China time and months: dates.ts, re-exported here
import { addMonths } from './dates.js';
export * from './dates.js';

// ——— development of new members 发展党员 ———

export const STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'] as const;
export type Stage = (typeof STAGES)[number];
export const nextStage = (s: Stage): Stage | null => STAGES[STAGES.indexOf(s) + 1] ?? null;

export const MIN_AGE = 18;
export const TALK_WITHIN_MONTHS = 1;
export const ASSESSMENT_EVERY_MONTHS = 6;
export const ACTIVIST_MIN_YEARS = 1;
export const TRAINING_MIN_HOURS = 24; // 3 days or 24 class hours
export const APPROVAL_WITHIN_MONTHS = 3;
export const PROBATION_YEARS = 1;

export interface Missing {
  /** stable requirement code, e.g. TALK, ASSESSMENT, INTRODUCERS */
  code: string;
  message: string;
}

/** what the message of a PRECONDITION_FAILED says: every missing requirement, code first */
export const describeMissing = (missing: Missing[]) =>
  `条件不满足 missing requirement${missing.length > 1 ? 's' : ''}: ` +
  missing.map((m) => `${m.code} (${m.message})`).join('; ');

export function ageOn(birthDate: Date, on: Date): number {
  let age = on.getUTCFullYear() - birthDate.getUTCFullYear();
  const before =
    on.getUTCMonth() < birthDate.getUTCMonth() ||
    (on.getUTCMonth() === birthDate.getUTCMonth() && on.getUTCDate() < birthDate.getUTCDate());
  if (before) age -= 1;
  return age;
}

/**
 * 考察: an activist is assessed every 6 months. By `until` there must be one assessment for every
 * full half-year since `activistAt`, the latest no more than 6 months back. Returns what is short, or null.
 */
export function assessmentShortfall(
  activistAt: Date,
  assessments: Date[],
  until: Date,
): { needed: number; have: number; lastGapFrom: Date | null } | null {
  const within = assessments.filter((a) => a >= activistAt && a <= until).sort((a, b) => a.getTime() - b.getTime());
  let needed = 0;
  while (addMonths(activistAt, (needed + 1) * ASSESSMENT_EVERY_MONTHS) <= until) needed++;
  const last = within.length ? within[within.length - 1]! : activistAt;
  const stale = addMonths(last, ASSESSMENT_EVERY_MONTHS) < until;
  if (within.length >= needed && !stale) return null;
  return { needed, have: within.length, lastGapFrom: stale ? last : null };
}

// ——— dues 党费 (关于中国共产党党费收缴、使用和管理的规定, 2008) ———

export interface DuesBand {
  /** monthly income up to and including this amount (yuan); null = no upper bound */
  upTo: number | null;
  rate: number;
}
export interface DuesRateTable {
  salaried: DuesBand[];
  retired: DuesBand[];
  /** fixed monthly amounts in yuan for students, the unemployed and people on 低保 */
  fixed: Record<string, number>;
  /** farmers pay an amount in this range (yuan) */
  farmer: { min: number; max: number };
}

export const DEFAULT_DUES_RATES: DuesRateTable = {
  salaried: [
    { upTo: 3000, rate: 0.005 },
    { upTo: 5000, rate: 0.01 },
    { upTo: 10000, rate: 0.015 },
    { upTo: null, rate: 0.02 },
  ],
  retired: [
    { upTo: 5000, rate: 0.005 },
    { upTo: null, rate: 0.01 },
  ],
  fixed: { STUDENT: 0.2, UNEMPLOYED: 0.2, LOW_INCOME: 0.2 },
  farmer: { min: 0.2, max: 1 },
};

export function validateDuesTable(v: unknown): string | null {
  const t = v as DuesRateTable;
  const bands = (b: unknown) =>
    Array.isArray(b) &&
    b.length > 0 &&
    b.every(
      (x) =>
        x && typeof x.rate === 'number' && x.rate >= 0 && x.rate < 1 && (x.upTo === null || typeof x.upTo === 'number'),
    ) &&
    b[b.length - 1].upTo === null;
  if (!t || typeof t !== 'object') return '应为对象 (an object)';
  if (!bands(t.salaried) || !bands(t.retired))
    return 'salaried/retired 应为费率档次, 最后一档 upTo 为 null (rate bands, the last with upTo null)';
  if (!t.fixed || typeof t.fixed !== 'object' || !Object.values(t.fixed).every((x) => typeof x === 'number' && x > 0))
    return 'fixed 应为正数金额 (positive amounts)';
  if (!t.farmer || !(t.farmer.min > 0) || !(t.farmer.max >= t.farmer.min)) return 'farmer 应为 { min, max } (a range)';
  return null;
}

/** the monthly amount in fen, or a message naming what is missing */
export function monthlyDuesFen(
  table: DuesRateTable,
  category: string,
  incomeBaseFen: number | null | undefined,
  farmerAmountFen: number | null | undefined,
): { fen: number } | { error: string } {
  if (category === 'SALARIED' || category === 'RETIRED') {
    if (incomeBaseFen == null) return { error: '在职和离退休党员需要党费计算基数 (an income base is needed)' };
    const yuan = incomeBaseFen / 100;
    const bands = category === 'SALARIED' ? table.salaried : table.retired;
    const band = bands.find((b) => b.upTo === null || yuan <= b.upTo)!;
    return { fen: Math.max(1, Math.round(incomeBaseFen * band.rate)) };
  }
  if (category === 'FARMER') {
    const { min, max } = table.farmer;
    if (farmerAmountFen == null) return { error: `农民党员每月 ${min}–${max} 元, 请填写金额 (give the amount)` };
    if (farmerAmountFen < Math.round(min * 100) || farmerAmountFen > Math.round(max * 100))
      return { error: `农民党员每月 ${min}–${max} 元 (between ${min} and ${max} yuan)` };
    return { fen: farmerAmountFen };
  }
  const fixed = table.fixed[category];
  if (fixed == null) return { error: `费率表没有类别 ${category} (the rate table has no such category)` };
  return { fen: Math.round(fixed * 100) };
}

export const MAX_BACK_PAYMENT_MONTHS = 6;

// ——— organisational life 三会一课: rules-meetings.ts, re-exported here so the module has one rules import ———
export * from './rules-meetings.js';

// ——— organisations ———

export const BRANCH_MIN_FULL_MEMBERS = 3;
export const COMMITTEE_FROM_FULL_MEMBERS = 7;
export const COMMITTEE_MIN = 3;
export const COMMITTEE_MAX = 5;
export const JOINT_BRANCH_MAX_UNITS = 5;
/** 支部委员会任期: 村和社区 5 年, 其他 3 年 */
export const termYearsFor = (regionLevel: string) => (regionLevel === 'COMMUNITY' ? 5 : 3);
