// 康养服务指标 for series and rankings: the flows of RegionStats.elderCare (needs, meals, visits) by the
// moment they happened. Stocks (facilities, covered elders) are counted as they are now and are not series.
import { Prisma, shanghaiTime, type FigureDefinition } from '../../src/kit/index.js';

const flow = (name: string, title: string, sql: Prisma.Sql): FigureDefinition => ({ name, title, facts: sql });

export const ELDER_CARE_FIGURES: FigureDefinition[] = [
  flow(
    'needsCollected',
    '收集涉老服务需求数 needs submitted',
    Prisma.sql`SELECT ${shanghaiTime('n."submittedAt"')} AS "at", n."regionPath", 1 AS "value" FROM "ElderNeed" n`,
  ),
  flow(
    'needsDone',
    '办结需求数 needs done',
    Prisma.sql`SELECT ${shanghaiTime('n."doneAt"')} AS "at", n."regionPath", 1 AS "value"
      FROM "ElderNeed" n WHERE n."status" = 'DONE'`,
  ),
  flow(
    'mealsServed',
    '堂食份数 meals served to eat in',
    Prisma.sql`SELECT ${shanghaiTime('b."servedAt"')} AS "at", b."regionPath", 1 AS "value"
      FROM "MealBooking" b WHERE b."status" = 'SERVED' AND NOT b."delivery"`,
  ),
  flow(
    'mealsDelivered',
    '送餐份数 meals delivered',
    Prisma.sql`SELECT ${shanghaiTime('b."servedAt"')} AS "at", b."regionPath", 1 AS "value"
      FROM "MealBooking" b WHERE b."status" = 'SERVED' AND b."delivery"`,
  ),
  flow(
    'visitsDone',
    '探访次数 visits made',
    Prisma.sql`SELECT ${shanghaiTime('v."visitedAt"')} AS "at", v."regionPath", 1 AS "value" FROM "CareVisit" v`,
  ),
  { name: 'needsDoneRate', title: '需求办结率 needs done ÷ needs submitted', ratio: ['needsDone', 'needsCollected'] },
];
