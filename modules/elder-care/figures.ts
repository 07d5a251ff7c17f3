// 康养服务指标 for series and rankings: the flows of RegionStats.elderCare (needs, meals, visits) by the
// moment they happened. Stocks (facilities, covered elders) are counted as they are now and are not series.
import { dailyFigureFacts, type FigureDefinition } from '../../src/kit/index.js';
import { elderCareDayFacts } from './stats.js';

/** a flow counted over days: read from DailyFigure (kept by triggers with the facts, like RegionStats) */
const flow = (name: string, title: string): FigureDefinition => ({
  name,
  title,
  facts: dailyFigureFacts(`elder-care.${name}`, elderCareDayFacts),
});

export const ELDER_CARE_FIGURES: FigureDefinition[] = [
  flow('needsCollected', '收集涉老服务需求数 needs submitted'),
  flow('needsDone', '办结需求数 needs done'),
  flow('mealsServed', '堂食份数 meals served to eat in'),
  flow('mealsDelivered', '送餐份数 meals delivered'),
  flow('visitsDone', '探访次数 visits made'),
  { name: 'needsDoneRate', title: '需求办结率 needs done ÷ needs submitted', ratio: ['needsDone', 'needsCollected'] },
];
