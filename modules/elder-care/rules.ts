// 模块参数 of elder-care (per township, inherited from county/prefecture) and the rules they drive.
import { integerSetting, type SettingDefinition, type SettingsReader } from '../../src/kit/index.js';
import { DAY_MS, MODULE, type Tier } from './constants.js';
import { mealPricingSetting, type MealPricing } from './pricing.js';

export const settings: Record<string, SettingDefinition> = {
  visitIntervalHighRiskDays: integerSetting('探访间隔·高风险 (天) visit interval for HIGH_RISK elders, days', 7, 1, 92),
  visitIntervalKeyDays: integerSetting('探访间隔·重点 (天) visit interval for KEY elders, days', 30, 1, 183),
  visitIntervalGeneralDays: integerSetting('探访间隔·一般 (天) visit interval for GENERAL elders, days', 90, 1, 366),
  assessmentValidityMonths: integerSetting('能力评估有效期 (月) months an assessment stays valid', 12, 1, 36),
  foodSampleHours: integerSetting('留样时间 (小时) hours a food sample is kept', 48, 48, 168),
  mealPricing: mealPricingSetting,
};

const TIER_KEY: Record<Tier, string> = {
  HIGH_RISK: 'visitIntervalHighRiskDays',
  KEY: 'visitIntervalKeyDays',
  GENERAL: 'visitIntervalGeneralDays',
};

/** the settings a write that sets a visit due date names, handed to it as `w.settings` */
export const VISIT_INTERVAL_SETTINGS = Object.values(TIER_KEY);
/** the visit interval of `tier`, from a write unit's settings (VISIT_INTERVAL_SETTINGS) */
export const intervalMs = (settings: Record<string, unknown>, tier: Tier) =>
  (settings[TIER_KEY[tier]] as number) * DAY_MS;

export const mealPricing = (s: SettingsReader, path: string) => s.get<MealPricing>(MODULE, 'mealPricing', path);
