// 志愿服务指标 for series and rankings, with the same rules as RegionStats.volunteering: activities by
// their start (published ones), sign-ups by their time (not cancelled), service hours by the service's start
// (the rules live in the contribution functions of the daily_figures migration).
import { dailyFigureFacts, type FigureDefinition } from '../../src/kit/index.js';
import { volunteeringDayFacts } from './stats.js';

/** a figure counted over days: read from DailyFigure (kept by triggers with the facts, like RegionStats) */
const daily = (name: string, title: string): FigureDefinition => ({
  name,
  title,
  facts: dailyFigureFacts(`volunteering.${name}`, volunteeringDayFacts),
});

export const VOLUNTEERING_FIGURES: FigureDefinition[] = [
  daily('activities', '志愿服务活动数 activities (published, by start)'),
  daily('completedActivities', '已完成活动数 completed activities'),
  daily('enrollments', '报名人次 sign-ups (not cancelled)'),
  daily('verifiedHours', '志愿服务时长(小时) verified service hours'),
];
