// Pure rules of organisational life (支部工作条例 2018): required meeting frequencies, periods of a year,
// and the compliance of an organisation's meetings with them. No database access here.
import { addDays, dateOnly, monthOf, monthsBetween } from './dates.js';

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
