// Names, descriptions and small time helpers shared by the elder-care files.
export const MODULE = 'elder-care';
export const SUB = [MODULE];

export const FACILITY_KINDS = {
  DAY_CARE_CENTER: '日间照料中心 day-care centre',
  MEAL_POINT: '助餐服务点 meal point',
  REHAB_STATION: '残疾人社区康复服务站 community rehabilitation station',
} as const;

export const ROOMS = {
  DINING: '餐厅 dining room',
  CHESS_CARDS: '棋牌室 chess and cards',
  READING: '阅览室 reading room',
  FITNESS: '健身室 fitness room',
  REHABILITATION: '康复室 rehabilitation room',
  REST: '休息室 rest room',
} as const;

export const CATEGORIES = {
  LEFT_BEHIND: '留守 left-behind',
  LIVING_ALONE: '独居 living alone',
  EMPTY_NEST: '空巢 empty-nest',
  HARDSHIP: '困难 hardship',
  DEPENDENT: '失能 dependent (sensitive)',
  DISABILITY: '残疾 disability (sensitive)',
  SEVERE_DISABILITY: '重残 severe disability (sensitive)',
  LOW_INCOME: '低保 minimum-living-allowance household',
  EXTREME_POVERTY: '特困 extreme-poverty support',
  FAMILY_PLANNING_SPECIAL: '计划生育特殊家庭 / 计生特扶',
} as const;
export type Category = keyof typeof CATEGORIES;

/**
 * categories that are sensitive personal information (PIPL art. 28): health and disability, and also
 * poverty and family circumstances (低保, 特困, 困难, 独居, 空巢, 留守, 计生特扶) — that is, every category.
 * Shown only to those who may read the person's care data; filtering by one is theirs too.
 */
export const SENSITIVE_CATEGORIES = Object.keys(CATEGORIES) as Category[];
/** groups covered by 探访关爱 (民政部等10部门 2022) */
export const VISIT_COVERED: Category[] = [
  'LIVING_ALONE',
  'EMPTY_NEST',
  'LEFT_BEHIND',
  'DEPENDENT',
  'SEVERE_DISABILITY',
  'FAMILY_PLANNING_SPECIAL',
];

export const LEVELS = {
  INTACT: '能力完好 intact (90)',
  MILD: '轻度失能 mild (66–89)',
  MODERATE: '中度失能 moderate (46–65)',
  SEVERE: '重度失能 severe (30–45)',
  TOTAL: '完全失能 total (0–29)',
} as const;
export type Level = keyof typeof LEVELS;
export const LEVEL_ORDER: Level[] = ['INTACT', 'MILD', 'MODERATE', 'SEVERE', 'TOTAL'];

export const ASSESSMENT_REASONS = {
  INITIAL: '首次评估 first assessment',
  ROUTINE: '常规评估 routine (every 12 months)',
  ABILITY_CHANGED: '状态变化评估 ability changed',
  DISPUTED: '因评估结果有疑问进行的复评 disputed result',
} as const;

export const TIERS = {
  HIGH_RISK: '高风险 high risk (weekly by default)',
  KEY: '重点 key (monthly by default)',
  GENERAL: '一般 general (quarterly by default)',
} as const;
export type Tier = keyof typeof TIERS;

export const SERVICE_KINDS = {
  DAY_CARE: '日间照料 day care',
  MEAL: '助餐 meal',
  RECREATION: '文娱活动 recreation',
  REHABILITATION: '康复训练 rehabilitation session',
  HEALTH_CHECK: '健康检查 health check',
} as const;

export const MEALS = { BREAKFAST: '早餐 breakfast', LUNCH: '午餐 lunch', DINNER: '晚餐 dinner' } as const;
export type Meal = keyof typeof MEALS;

export const BOOKING_STATUS = {
  BOOKED: '已预订 booked',
  CANCELLED: '已取消 cancelled',
  SERVED: '已就餐/已送达 served or delivered',
} as const;

export const NEED_KINDS = {
  MEALS: '助餐 meals',
  DAY_CARE: '日间照料 day care',
  HOME_HELP: '居家上门 home help',
  MEDICAL: '医疗 medical',
  REHABILITATION: '康复 rehabilitation',
  ACCESSIBILITY: '适老化/无障碍 accessibility',
  COMPANIONSHIP: '陪伴 companionship',
  OTHER: '其他 other',
} as const;
export const NEED_CHANNELS = {
  IN_PERSON: '到站/当面 in person',
  PHONE: '电话 phone',
  ONLINE: '线上 online',
  FAMILY: '家属反映 family',
  VISIT: '探访发现 found on a visit',
  GRID: '网格员 grid worker',
} as const;
export const NEED_STATUS = {
  OPEN: '待分派 open',
  ASSIGNED: '已分派 assigned',
  DONE: '已办结 done',
  CANCELLED: '已撤销 cancelled',
} as const;

export const VISIT_MODES = { HOME: '上门 home visit', PHONE: '电话 phone', VIDEO: '视频 video' } as const;
export const RISK_LEVELS = {
  LOW: '低 low',
  MEDIUM: '中 medium',
  HIGH: '高 high (tier becomes HIGH_RISK)',
  URGENT: '紧急 urgent (opens a need at once; tier becomes HIGH_RISK)',
} as const;

export { describedValues as enumValues } from '../../src/kit/index.js';

// —— time: cut-offs and "today" are Beijing time (UTC+8), the official time in 新疆 too ——
export const TZ_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** the calendar day (as a UTC-midnight Date, like @db.Date values) of `at` in Beijing time */
export function localDay(at: Date): Date {
  const shifted = new Date(at.getTime() + TZ_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/** the instant of local time "HH:MM" on the calendar day `day` (UTC-midnight Date) */
export function atLocalTime(day: Date, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(day.getTime() + (h! * 60 + m!) * 60_000 - TZ_OFFSET_MS);
}

/** first instant of the Beijing-time month containing `at` */
export function monthStart(at: Date): Date {
  const shifted = new Date(at.getTime() + TZ_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), 1) - TZ_OFFSET_MS);
}

export const addMonths = (at: Date, months: number) => {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
};

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** age in whole years on `day` */
export function ageOn(birthDate: Date | null, day: Date): number | null {
  if (!birthDate) return null;
  let age = day.getUTCFullYear() - birthDate.getUTCFullYear();
  const m = day.getUTCMonth() - birthDate.getUTCMonth();
  if (m < 0 || (m === 0 && day.getUTCDate() < birthDate.getUTCDate())) age -= 1;
  return age;
}
