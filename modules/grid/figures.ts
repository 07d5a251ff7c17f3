// 网格指标 for series and rankings, with the rules of RegionStats.grid (counts over days read from DailyFigure,
// like RegionStats.grid's whole days): incidents are a cohort by report time (of those reported in a period:
// closed, rated, satisfied …), on-time closure by the closing time
// (or the deadline, for those still open past it), patrols by the visit, points by the ledger entry.
// Department figures (部门考核, like the weekly 12345 通报) count the incidents a department was called to
// (the same cohort as RegionStats.grid.departments) and carry its organisation for Region.ranking.
import { dailyFigureFacts, Prisma, shanghaiTime, type FigureDefinition } from '../../src/kit/index.js';
import { gridDayFacts } from './stats-sql.js';

const at = (column: string) => shanghaiTime(`i."${column}"`);
/** a figure counted over days: read from DailyFigure (kept by triggers with the facts, see stats-sql.ts) */
const daily = (name: string, title: string): FigureDefinition => ({
  name,
  title,
  facts: dailyFigureFacts(`grid.${name}`, gridDayFacts),
});
const SATISFIED = Prisma.sql`i."satisfaction" IN ('SATISFIED', 'BASICALLY_SATISFIED')`;

/** an incident a department was called to (lead: it led), as a department fact of the reporting cohort */
const department = (name: string, title: string, where: Prisma.Sql): FigureDefinition => ({
  name,
  title,
  departments: true,
  facts: Prisma.sql`SELECT ${at('reportedAt')} AS "at", i."regionPath", 1 AS "value", d."organizationId"
    FROM "IncidentDepartment" d JOIN "Incident" i ON i."id" = d."incidentId" WHERE ${where}`,
});
const LEAD = Prisma.sql`d."role" = 'LEAD'`;

const INCIDENTS: FigureDefinition[] = [
  daily('incidents', '事件数 incidents reported'),
  daily('admitted', '受理事件数 reported and not rejected'),
  daily('closed', '结案数 of those reported, closed'),
  daily('solved', '解决数 of those closed, solved (回访)'),
  daily('rated', '评价数 of those reported, rated'),
  daily('satisfied', '满意数 satisfied or basically satisfied'),
  {
    // the answered ones are summed by day; the unanswered past the limit depend on the clock (rows)
    name: 'dueResponse',
    title: '应响应数 responded, or past the accept limit',
    facts: (now, cuts) => Prisma.sql`${dailyFigureFacts('grid.responses', gridDayFacts)(now, cuts)}
      UNION ALL SELECT ${at('reportedAt')} AS "at", i."regionPath", 1 AS "value"
      FROM "Incident" i WHERE i."respondedAt" IS NULL AND i."acceptDeadline" < ${now}`,
  },
  daily('responded', '按时响应数 responded within the accept limit'),
  daily('reworkCount', '返工次数 rework of the incidents reported'),
  daily('closedOnTime', '按期结案数 closed on time (by closing time)'),
  {
    name: 'dueClosure',
    title: '应结案数 closed (by closing time), or open past the deadline (by the deadline)',
    facts: (now, cuts) => Prisma.sql`${dailyFigureFacts('grid.closedAdmitted', gridDayFacts)(now, cuts)}
      UNION ALL SELECT ${shanghaiTime('i."resolveDueAt"')} AS "at", i."regionPath", 1 AS "value"
      FROM "Incident" i WHERE i."status" <> 'REJECTED' AND i."closedAt" IS NULL AND i."resolveDueAt" < ${now}`,
  },
  { name: 'closureRate', title: '结案率 closed ÷ admitted', ratio: ['closed', 'admitted'] },
  {
    name: 'onTimeClosureRate',
    title: '按期结案率 closed on time ÷ due for closure',
    ratio: ['closedOnTime', 'dueClosure'],
  },
  { name: 'responseRate', title: '响应率 responded in time ÷ due for a response', ratio: ['responded', 'dueResponse'] },
  { name: 'resolutionRate', title: '解决率 solved ÷ closed', ratio: ['solved', 'closed'] },
  { name: 'satisfactionRate', title: '满意率 satisfied ÷ rated', ratio: ['satisfied', 'rated'] },
];

const WORK: FigureDefinition[] = [
  daily('patrols', '巡查走访 patrols (all kinds)'),
  daily('hazardInspections', '隐患排查 hazard inspections'),
  daily('pointsIssued', '发放积分 points earned'),
  daily('pointsRedeemed', '兑换积分 points redeemed (positive)'),
];

const DEPARTMENTS: FigureDefinition[] = [
  department('departmentNotified', '部门被吹哨次数 incidents a department was called to', Prisma.sql`TRUE`),
  department('departmentLed', '部门主办数 incidents it led', LEAD),
  department('departmentClosed', '部门主办已结案', Prisma.sql`${LEAD} AND i."status" = 'CLOSED'`),
  department('departmentClosedOnTime', '部门主办按期结案', Prisma.sql`${LEAD} AND i."closedOnTime"`),
  department('departmentRated', '部门主办已评价', Prisma.sql`${LEAD} AND i."satisfaction" IS NOT NULL`),
  department('departmentSatisfied', '部门主办满意', Prisma.sql`${LEAD} AND ${SATISFIED}`),
  {
    name: 'departmentOnTimeClosureRate',
    title: '部门按期办结率 closed on time ÷ closed, incidents it led',
    ratio: ['departmentClosedOnTime', 'departmentClosed'],
  },
  {
    name: 'departmentSatisfactionRate',
    title: '部门满意率 satisfied ÷ rated, incidents it led',
    ratio: ['departmentSatisfied', 'departmentRated'],
  },
];

export const GRID_FIGURES: FigureDefinition[] = [...INCIDENTS, ...WORK, ...DEPARTMENTS];
