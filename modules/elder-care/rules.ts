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

export async function visitIntervalMs(s: SettingsReader, tier: Tier, path: string) {
  return (await s.get<number>(MODULE, TIER_KEY[tier], path)) * DAY_MS;
}

export const mealPricing = (s: SettingsReader, path: string) => s.get<MealPricing>(MODULE, 'mealPricing', path);
export const validityMonths = (s: SettingsReader, path: string) =>
  s.get<number>(MODULE, 'assessmentValidityMonths', path);
export const sampleHours = (s: SettingsReader, path: string) => s.get<number>(MODULE, 'foodSampleHours', path);
