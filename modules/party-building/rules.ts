// Pure rules of the module: dates in China time, the development timetable (发展党员工作细则 2014),
// dues (党费 2008), meeting periods (支部工作条例 2018). No database access here.

export const MODULE_ID = 'party-building';
export const SUB = [MODULE_ID];

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
  `条件不满足 missing requirement${missing.length > 1 ? 's' : ''}: ${missing.map((m) => `${m.code} (${m.message})`).join('; ')}`;

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

// ——— organisational life 三会一课 ———

export type Every = 'MONTH' | 'QUARTER' | 'YEAR';
export interface MeetingRequirement {
  every: Every;
  times: number;
}
export interface MeetingFrequencies {
  kinds: Record<string, MeetingRequirement>;
  /** 书记每年至少讲一次党课 */
  secretaryLecturesPerYear: number;
}

/** 中国共产党支部工作条例（试行）arts. 11–17 and common practice */
export const DEFAULT_FREQUENCIES: MeetingFrequencies = {
  kinds: {
    MEMBERS_MEETING: { every: 'QUARTER', times: 1 },
    COMMITTEE_MEETING: { every: 'MONTH', times: 1 },
    GROUP_MEETING: { every: 'MONTH', times: 1 },
    PARTY_LECTURE: { every: 'QUARTER', times: 1 },
    THEME_DAY: { every: 'MONTH', times: 1 },
    ORGANIZATIONAL_LIFE_MEETING: { every: 'YEAR', times: 1 },
    DEMOCRATIC_REVIEW: { every: 'YEAR', times: 1 },
  },
  secretaryLecturesPerYear: 1,
};

export const MEETING_KINDS = Object.keys(DEFAULT_FREQUENCIES.kinds);

export function validateFrequencies(v: unknown): string | null {
  const f = v as MeetingFrequencies;
  if (!f || typeof f !== 'object' || !f.kinds || typeof f.kinds !== 'object')
    return '应为 { kinds, secretaryLecturesPerYear }';
  for (const [k, r] of Object.entries(f.kinds)) {
    if (!MEETING_KINDS.includes(k)) return `未知会议类别 ${k} (unknown kind)`;
    if (
      !r ||
      !['MONTH', 'QUARTER', 'YEAR'].includes(r.every) ||
      !Number.isInteger(r.times) ||
      r.times < 0 ||
      r.times > 31
    )
      return `${k}: every 应为 MONTH/QUARTER/YEAR, times 0–31`;
  }
  if (!Number.isInteger(f.secretaryLecturesPerYear) || f.secretaryLecturesPerYear < 0)
    return 'secretaryLecturesPerYear 应为非负整数';
  return null;
}

/** which meeting kinds an organisation must hold: branches hold all but group meetings, groups hold group meetings */
export function applicableKinds(orgKind: string, hasCommittee: boolean): string[] {
  if (orgKind === 'GROUP') return ['GROUP_MEETING'];
  const committee = hasCommittee ? ['COMMITTEE_MEETING'] : [];
  if (orgKind === 'BRANCH' || orgKind === 'JOINT_BRANCH') {
    return [
      'MEMBERS_MEETING',
      ...committee,
      'PARTY_LECTURE',
      'THEME_DAY',
      'ORGANIZATIONAL_LIFE_MEETING',
      'DEMOCRATIC_REVIEW',
    ];
  }
  return committee; // 党委、党总支: their committee meets monthly
}

export interface Period {
  key: string;
  start: Date;
  end: Date;
}

/** the periods of a year (dates in China time, end exclusive) */
export function periodsOf(year: number, every: Every): Period[] {
  if (every === 'YEAR')
    return [{ key: String(year), start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) }];
  if (every === 'QUARTER') {
    return [0, 1, 2, 3].map((q) => ({
      key: `${year}-Q${q + 1}`,
      start: new Date(Date.UTC(year, q * 3, 1)),
      end: new Date(Date.UTC(year, q * 3 + 3, 1)),
    }));
  }
  return Array.from({ length: 12 }, (_, m) => ({
    key: `${year}-${String(m + 1).padStart(2, '0')}`,
    start: new Date(Date.UTC(year, m, 1)),
    end: new Date(Date.UTC(year, m + 1, 1)),
  }));
}

export interface RequirementReport {
  kind: string;
  every: Every;
  times: number;
  bySecretary: boolean;
  required: number;
  held: number;
  missed: number;
  periods: { period: string; held: number; due: boolean; met: boolean }[];
}

export interface ComplianceReport {
  year: number;
  requirements: RequirementReport[];
  required: number;
  held: number;
  complianceRate: number | null;
}

/**
 * Compliance of one organisation for one year. `counts` maps "KIND|YYYY-MM" to meetings held that
 * month (China time) and "SECRETARY_LECTURE|YYYY-MM" to lectures its secretary gave. A period is due
 * once it has ended (and started on or after the founding date); a period still running counts only
 * when already met, so the current month never lowers the rate.
 */
export function complianceOf(
  year: number,
  kinds: string[],
  frequencies: MeetingFrequencies,
  counts: Map<string, number>,
  today: Date,
  foundedOn: Date,
): ComplianceReport {
  const requirements: RequirementReport[] = [];
  const monthsIn = (p: Period) => monthsBetween(monthOf(p.start), monthOf(addDays(p.end, -1)));
  const evaluate = (kind: string, key: string, every: Every, times: number, bySecretary: boolean) => {
    const periods: RequirementReport['periods'] = [];
    let required = 0;
    let held = 0;
    for (const p of periodsOf(year, every)) {
      if (p.start > today) break;
      if (p.end <= foundedOn) continue;
      const n = monthsIn(p).reduce((s, m) => s + (counts.get(`${key}|${m}`) ?? 0), 0);
      const met = n >= times;
      const due = (p.end <= today && p.start >= dateOnly(foundedOn)) || met;
      if (due) {
        required += 1;
        if (met) held += 1;
      }
      periods.push({ period: p.key, held: n, due, met });
    }
    requirements.push({ kind, every, times, bySecretary, required, held, missed: required - held, periods });
  };
  for (const kind of kinds) {
    const r = frequencies.kinds[kind];
    if (!r || r.times === 0) continue;
    evaluate(kind, kind, r.every, r.times, false);
  }
  if (kinds.includes('PARTY_LECTURE') && frequencies.secretaryLecturesPerYear > 0) {
    evaluate('PARTY_LECTURE', 'SECRETARY_LECTURE', 'YEAR', frequencies.secretaryLecturesPerYear, true);
  }
  const required = requirements.reduce((s, r) => s + r.required, 0);
  const held = requirements.reduce((s, r) => s + r.held, 0);
  return { year, requirements, required, held, complianceRate: required ? held / required : null };
}

// ——— organisations ———

export const BRANCH_MIN_FULL_MEMBERS = 3;
export const COMMITTEE_FROM_FULL_MEMBERS = 7;
export const COMMITTEE_MIN = 3;
export const COMMITTEE_MAX = 5;
export const JOINT_BRANCH_MAX_UNITS = 5;
/** 支部委员会任期: 村和社区 5 年, 其他 3 年 */
export const termYearsFor = (regionLevel: string) => (regionLevel === 'COMMUNITY' ? 5 : 3);
