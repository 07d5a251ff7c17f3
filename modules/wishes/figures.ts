// 微心愿指标 for series and rankings: the stages of the wishes submitted in each period (the cohort of
// RegionStats.wishes), read from WishDailyFigures (one row per community and Asia/Shanghai day).
import { Prisma, type FigureDefinition } from '../../src/kit/index.js';

const stage = (name: string, column: string, title: string): FigureDefinition => ({
  name,
  title,
  facts: Prisma.sql`SELECT s."day"::timestamp AS "at", s."regionPath", s.${Prisma.raw(`"${column}"`)} AS "value"
    FROM "WishDailyFigures" s`,
});

export const WISH_FIGURES: FigureDefinition[] = [
  stage('submitted', 'submitted', '征集数 wishes submitted'),
  stage('published', 'published', '发布数 of those, published'),
  stage('claimed', 'claimed', '认领数 of those, with a standing claim'),
  stage('fulfilled', 'fulfilled', '兑现数 of those, fulfilled'),
  stage('confirmed', 'confirmed', '确认数 of those, acknowledged'),
  stage('rejected', 'rejected', '未通过数'),
  stage('withdrawn', 'withdrawn', '撤回数'),
  { name: 'claimRate', title: '认领率 claimed / published', ratio: ['claimed', 'published'] },
];
