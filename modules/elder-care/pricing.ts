// 助餐价格: the price an elder pays is computed from the township's table (模块参数 mealPricing),
// never typed in. Amounts are integers in 分 (fen, 0.01 元).
import type { SettingDefinition } from '../../src/kit/index.js';
import { atLeast } from './assessment-rules.js';
import { CATEGORIES, LEVEL_ORDER, type Category, type Level, type Meal } from './constants.js';

export interface SubsidyRule {
  /** stable code stored on the booking, e.g. "AGE_80" */
  code: string;
  /** shown to people: 高龄, 低保, 特困, 失能, 计生特扶 … */
  label: string;
  /** age band on the meal day (inclusive) */
  minAge?: number;
  maxAge?: number;
  /** a recipient category the rule requires */
  category?: Category;
  /** the latest valid capability assessment must be at least this level */
  minLevel?: Level;
  /** 补贴 in fen per meal */
  subsidyFen: number;
}

export interface MealPricing {
  /** 标准价 per meal in fen */
  prices: Record<Meal, number>;
  /** 送餐费 in fen */
  deliveryFeeFen: number;
  rules: SubsidyRule[];
  /** HIGHEST: the single largest subsidy applies (就高不叠加); SUM: matching subsidies add up */
  stacking: 'HIGHEST' | 'SUM';
}

/** illustrative default for 昌吉州; townships override it with setModuleSetting */
export const DEFAULT_PRICING: MealPricing = {
  prices: { BREAKFAST: 500, LUNCH: 1500, DINNER: 1200 },
  deliveryFeeFen: 300,
  stacking: 'HIGHEST',
  rules: [
    { code: 'AGE_80', label: '高龄 80–89 岁', minAge: 80, maxAge: 89, subsidyFen: 300 },
    { code: 'AGE_90', label: '高龄 90 岁以上', minAge: 90, subsidyFen: 600 },
    { code: 'LOW_INCOME', label: '低保', category: 'LOW_INCOME', subsidyFen: 600 },
    { code: 'EXTREME_POVERTY', label: '特困', category: 'EXTREME_POVERTY', subsidyFen: 1500 },
    { code: 'DEPENDENT', label: '失能 (评估中度及以上)', minLevel: 'MODERATE', subsidyFen: 800 },
    { code: 'FAMILY_PLANNING', label: '计生特扶', category: 'FAMILY_PLANNING_SPECIAL', subsidyFen: 400 },
  ],
};

const isFen = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000;

export const mealPricingSetting: SettingDefinition = {
  description:
    '助餐价格与补贴表 meal prices (fen) and subsidy rules by age band and category (高龄, 低保, 特困, 失能, 计生特扶 …)',
  kind: 'json',
  default: DEFAULT_PRICING,
  validate(value) {
    const v = value as Partial<MealPricing> | null;
    if (!v || typeof v !== 'object') return '应为对象 { prices, deliveryFeeFen, rules, stacking }';
    if (!v.prices || !(['BREAKFAST', 'LUNCH', 'DINNER'] as const).every((m) => isFen(v.prices![m])))
      return 'prices: BREAKFAST/LUNCH/DINNER 应为 0–100000 分';
    if (!isFen(v.deliveryFeeFen)) return 'deliveryFeeFen 应为 0–100000 分';
    if (v.stacking !== 'HIGHEST' && v.stacking !== 'SUM') return 'stacking 应为 HIGHEST 或 SUM';
    if (!Array.isArray(v.rules) || v.rules.length > 50) return 'rules 应为最多 50 条的数组';
    const codes = new Set<string>();
    for (const [i, r] of v.rules.entries()) {
      if (!r || typeof r.code !== 'string' || !/^[A-Z0-9_]{1,40}$/.test(r.code) || codes.has(r.code))
        return `rules[${i}].code 应为唯一的大写代码`;
      codes.add(r.code);
      if (typeof r.label !== 'string' || !r.label.trim()) return `rules[${i}].label 必填`;
      if (!isFen(r.subsidyFen)) return `rules[${i}].subsidyFen 应为 0–100000 分`;
      if (r.minAge != null && !(Number.isInteger(r.minAge) && r.minAge >= 0 && r.minAge <= 150))
        return `rules[${i}].minAge 应为 0–150`;
      if (r.maxAge != null && !(Number.isInteger(r.maxAge) && r.maxAge >= (r.minAge ?? 0) && r.maxAge <= 150))
        return `rules[${i}].maxAge 应不小于 minAge`;
      if (r.category != null && !(r.category in CATEGORIES))
        return `rules[${i}].category 未知 (${Object.keys(CATEGORIES).join(', ')})`;
      if (r.minLevel != null && !LEVEL_ORDER.includes(r.minLevel))
        return `rules[${i}].minLevel 未知 (${LEVEL_ORDER.join(', ')})`;
      if (r.minAge == null && r.maxAge == null && r.category == null && r.minLevel == null)
        return `rules[${i}] 至少需要一个条件 (age, category or minLevel)`;
    }
    return null;
  },
};

export interface PriceInput {
  meal: Meal;
  delivery: boolean;
  age: number | null;
  categories: Category[];
  /** level of the latest valid assessment, null when none is valid */
  level: Level | null;
}

export interface Price {
  standardPriceFen: number;
  deliveryFeeFen: number;
  subsidyFen: number;
  priceFen: number;
  /** codes of the rules that applied, joined with "+" */
  subsidyRule: string | null;
}

export function ruleMatches(r: SubsidyRule, p: PriceInput): boolean {
  if ((r.minAge != null || r.maxAge != null) && p.age == null) return false;
  if (r.minAge != null && p.age! < r.minAge) return false;
  if (r.maxAge != null && p.age! > r.maxAge) return false;
  if (r.category != null && !p.categories.includes(r.category)) return false;
  if (r.minLevel != null && !atLeast(p.level, r.minLevel)) return false;
  return true;
}

export function computePrice(table: MealPricing, p: PriceInput): Price {
  const standardPriceFen = table.prices[p.meal];
  const deliveryFeeFen = p.delivery ? table.deliveryFeeFen : 0;
  const matching = table.rules.filter((r) => ruleMatches(r, p));
  let applied: SubsidyRule[] = [];
  if (table.stacking === 'SUM') applied = matching;
  else if (matching.length) applied = [matching.reduce((best, r) => (r.subsidyFen > best.subsidyFen ? r : best))];
  const gross = standardPriceFen + deliveryFeeFen;
  const subsidyFen = Math.min(
    gross,
    applied.reduce((s, r) => s + r.subsidyFen, 0),
  );
  return {
    standardPriceFen,
    deliveryFeeFen,
    subsidyFen,
    priceFen: gross - subsidyFen,
    subsidyRule: applied.length ? applied.map((r) => r.code).join('+') : null,
  };
}
