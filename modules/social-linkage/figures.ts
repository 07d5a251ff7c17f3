// 五社联动指标 for series and rankings, with the rules of RegionStats.socialLinkage: needs by when they were
// recorded (of those, matched), livelihood projects by their start date (budget, evaluated). Organisations,
// workers, stations and resources are counted as they stand and are not series.
import { Prisma, shanghaiTime, type FigureDefinition } from '../../src/kit/index.js';

const projects = (name: string, title: string, value: Prisma.Sql, where = Prisma.sql`TRUE`): FigureDefinition => ({
  name,
  title,
  facts: Prisma.sql`SELECT p."startsOn"::timestamp AS "at", p."regionPath", ${value} AS "value"
    FROM "LivelihoodProject" p WHERE ${where}`,
});

export const SOCIAL_LINKAGE_FIGURES: FigureDefinition[] = [
  {
    name: 'needs',
    title: '需求清单 needs recorded',
    facts: Prisma.sql`SELECT ${shanghaiTime('n."recordedAt"')} AS "at", n."regionPath", 1 AS "value"
      FROM "CommunityNeed" n`,
  },
  {
    name: 'needsMatched',
    title: '已对接需求 of those, matched',
    facts: Prisma.sql`SELECT ${shanghaiTime('n."recordedAt"')} AS "at", n."regionPath", 1 AS "value"
      FROM "CommunityNeed" n WHERE n."matchedAt" IS NOT NULL`,
  },
  { name: 'matchRate', title: '需求对接率 matched ÷ recorded', ratio: ['needsMatched', 'needs'] },
  projects('projects', '项目清单 livelihood projects started', Prisma.sql`1`),
  projects('projectBudgetYuan', '项目预算(元) their budget', Prisma.sql`p."budgetYuan"`),
  projects('projectsEvaluated', '已评估项目 of those, evaluated', Prisma.sql`1`, Prisma.sql`p."status" = 'EVALUATED'`),
];
