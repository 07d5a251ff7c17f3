// The one place that says what each declared figure equals (its oracle), so the generated tests cover every
// figure: a RegionStats field of the same meaning (`module.field` of Region.stats), the ratio of two such
// fields, a direct SQL count (no RegionStats counterpart), a part of a ratio checked through that ratio, or
// a department figure checked against RegionStats.grid.departments (ranking.test.ts).
import { Prisma } from '../../generated/prisma/client.js';

export type Oracle =
  | { stats: string }
  | { statsRatio: [string, string] }
  | { sql: Prisma.Sql }
  | { partOf: string }
  | { department: string };

const same = (...metrics: string[]) =>
  Object.fromEntries(metrics.map((m) => [m, { stats: statsPath(m) }])) as Record<string, Oracle>;

/** `party-building.meetingsHeld` → `partyBuilding.meetingsHeld` (the field of RegionStats) */
export function statsPath(metric: string) {
  const [module, field] = metric.split('.');
  return `${module!.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}.${field}`;
}

const meetings = (kind: string): Oracle => ({
  sql: Prisma.sql`SELECT m."heldAt" AS "at", m."regionPath", 1 AS "value" FROM "PartyMeeting" m
    WHERE m."kind"::text = ${kind}`,
});

export const ORACLES: Record<string, Oracle> = {
  ...same(
    'wishes.submitted',
    'wishes.published',
    'wishes.claimed',
    'wishes.fulfilled',
    'wishes.confirmed',
    'wishes.rejected',
    'wishes.withdrawn',
    'wishes.claimRate',
  ),
  ...same(
    'elder-care.needsCollected',
    'elder-care.needsDone',
    'elder-care.mealsServed',
    'elder-care.mealsDelivered',
    'elder-care.visitsDone',
  ),
  'elder-care.needsDoneRate': { statsRatio: ['elderCare.needsDone', 'elderCare.needsCollected'] },
  ...same(
    'volunteering.activities',
    'volunteering.completedActivities',
    'volunteering.enrollments',
    'volunteering.verifiedHours',
  ),
  ...same(
    'party-building.meetingsHeld',
    'party-building.admitted',
    'party-building.inServiceRegistered',
    'party-building.requestsReceived',
    'party-building.requestsAnswered',
    'party-building.projectInvestmentYuan',
  ),
  'party-building.membersMeetings': meetings('MEMBERS_MEETING'),
  'party-building.committeeMeetings': meetings('COMMITTEE_MEETING'),
  'party-building.groupMeetings': meetings('GROUP_MEETING'),
  'party-building.partyLectures': meetings('PARTY_LECTURE'),
  'party-building.themeDays': meetings('THEME_DAY'),
  'party-building.duesPaidYuan': {
    sql: Prisma.sql`SELECT d."paidAt" AS "at", d."regionPath", d."amountFen" / 100.0 AS "value"
      FROM "PartyDuesPayment" d`,
  },
  ...same(
    'grid.incidents',
    'grid.reworkCount',
    'grid.closureRate',
    'grid.onTimeClosureRate',
    'grid.responseRate',
    'grid.resolutionRate',
    'grid.satisfactionRate',
    'grid.patrols',
    'grid.hazardInspections',
    'grid.pointsIssued',
    'grid.pointsRedeemed',
  ),
  'grid.admitted': { partOf: 'grid.closureRate' },
  'grid.closed': { partOf: 'grid.closureRate' },
  'grid.solved': { partOf: 'grid.resolutionRate' },
  'grid.rated': { partOf: 'grid.satisfactionRate' },
  'grid.satisfied': { partOf: 'grid.satisfactionRate' },
  'grid.dueResponse': { partOf: 'grid.responseRate' },
  'grid.responded': { partOf: 'grid.responseRate' },
  'grid.closedOnTime': { partOf: 'grid.onTimeClosureRate' },
  'grid.dueClosure': { partOf: 'grid.onTimeClosureRate' },
  'grid.departmentNotified': { department: 'notified' },
  'grid.departmentLed': { department: 'lead' },
  'grid.departmentClosed': { department: 'closed' },
  'grid.departmentClosedOnTime': { partOf: 'grid.departmentOnTimeClosureRate' },
  'grid.departmentRated': { partOf: 'grid.departmentSatisfactionRate' },
  'grid.departmentSatisfied': { partOf: 'grid.departmentSatisfactionRate' },
  'grid.departmentOnTimeClosureRate': { department: 'onTimeClosureRate' },
  'grid.departmentSatisfactionRate': { department: 'satisfactionRate' },
  ...same(
    'consultation.consultations',
    'consultation.problemsSolved',
    'consultation.disputesAccepted',
    'consultation.disputesResolved',
    'consultation.mediationSuccessRate',
    'consultation.decisions',
    'consultation.decisionsCompleted',
    'consultation.drills',
    'consultation.questionsAnswered',
  ),
  'consultation.disputesClosed': { partOf: 'consultation.mediationSuccessRate' },
  ...same(
    'social-linkage.needs',
    'social-linkage.needsMatched',
    'social-linkage.matchRate',
    'social-linkage.projects',
    'social-linkage.projectBudgetYuan',
    'social-linkage.projectsEvaluated',
  ),
};

/** the Region.stats selection that reads every `stats` and `statsRatio` oracle */
export function statsSelection(): string {
  const paths = Object.values(ORACLES).flatMap((o) =>
    'stats' in o ? [o.stats] : 'statsRatio' in o ? o.statsRatio : [],
  );
  const byModule = new Map<string, Set<string>>();
  for (const p of paths) {
    const [m, f] = p.split('.');
    byModule.set(m!, (byModule.get(m!) ?? new Set()).add(f!));
  }
  return [...byModule].map(([m, fields]) => `${m} { ${[...fields].join(' ')} }`).join(' ');
}
