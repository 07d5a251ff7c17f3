// Demo care recipients: one row set per elder (recipient, enrolments, an assessment, the last visit),
// collected here and written with createMany by the seed.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../src/kit/index.js';
import { levelForTotal } from './assessment-rules.js';
import { DAY_MS, VISIT_COVERED, type Category, type Tier } from './constants.js';
import { INTERVAL } from './seed-data.js';

export type SeedFacility = Prisma.CareFacilityCreateManyInput & { id: string };

export interface SeedElder {
  personId: string;
  community: { id: string; path: string };
  categories: Category[];
  facilities: SeedFacility[];
  scores?: readonly number[];
  tier?: Tier | null;
  lastVisitDaysAgo?: number | null;
  contact: [string, string, string];
  enrolledDaysAgo: number;
}

/**
 * the row lists and `add(elder)`, which appends one elder's rows and returns the recipient id. Enrolments
 * are history (days before `anchor`, in 2024); assessments and visits are current (days before `now`), so
 * reassessments and due visits stay meaningful.
 */
export function careRows(now: Date, anchor: Date) {
  const recipients: Prisma.CareRecipientCreateManyInput[] = [];
  const enrollments: Prisma.CareEnrollmentCreateManyInput[] = [];
  const assessments: Prisma.CapabilityAssessmentCreateManyInput[] = [];
  const visits: Prisma.CareVisitCreateManyInput[] = [];
  const validUntil = (at: Date) =>
    new Date(Date.UTC(at.getUTCFullYear() + 1, at.getUTCMonth(), at.getUTCDate(), at.getUTCHours()));
  const add = (o: SeedElder) => {
    const id = randomUUID();
    const covered = o.categories.some((c) => VISIT_COVERED.includes(c));
    const tier = o.tier !== undefined ? o.tier : covered ? 'GENERAL' : null;
    const enrolledAt = new Date(anchor.getTime() - o.enrolledDaysAgo * DAY_MS);
    const lastVisitedAt =
      tier && o.lastVisitDaysAgo != null ? new Date(now.getTime() - o.lastVisitDaysAgo * DAY_MS) : null;
    let assessment: Partial<Prisma.CareRecipientCreateManyInput> = {};
    if (o.scores) {
      const [selfCare, mobility, mental, perception] = o.scores as [number, number, number, number];
      const total = selfCare + mobility + mental + perception;
      const at = new Date(now.getTime() - ((o.enrolledDaysAgo % 200) + 5) * DAY_MS);
      const a = {
        id: randomUUID(),
        recipientId: id,
        personId: o.personId,
        communityId: o.community.id,
        regionPath: o.community.path,
        selfCareScore: selfCare,
        mobilityScore: mobility,
        mentalScore: mental,
        perceptionScore: perception,
        totalScore: total,
        level: levelForTotal(total),
        reason: 'INITIAL' as const,
        assessedAt: at,
        validUntil: validUntil(at),
        assessorName: '社区评估员',
        notes: '演示数据 demo',
      };
      assessments.push(a);
      assessment = {
        latestAssessmentId: a.id,
        currentLevel: a.level,
        assessedAt: a.assessedAt,
        assessmentValidUntil: a.validUntil,
      };
    }
    recipients.push({
      id,
      personId: o.personId,
      communityId: o.community.id,
      regionPath: o.community.path,
      categories: o.categories,
      emergencyName: o.contact[0],
      emergencyPhone: o.contact[1],
      emergencyRelation: o.contact[2],
      visitTier: tier,
      lastVisitedAt,
      nextVisitDueAt: tier
        ? new Date((lastVisitedAt ?? enrolledAt).getTime() + (lastVisitedAt ? INTERVAL[tier] * DAY_MS : 0))
        : null,
      createdAt: enrolledAt,
      ...assessment,
    });
    for (const f of o.facilities) {
      enrollments.push({
        id: randomUUID(),
        recipientId: id,
        facilityId: f.id,
        personId: o.personId,
        communityId: f.communityId,
        regionPath: f.regionPath,
        enrolledAt,
      });
    }
    if (lastVisitedAt) {
      visits.push({
        id: randomUUID(),
        recipientId: id,
        personId: o.personId,
        communityId: o.community.id,
        regionPath: o.community.path,
        visitorName: '网格员',
        visitedAt: lastVisitedAt,
        mode: 'HOME',
        riskLevel: tier === 'HIGH_RISK' ? 'HIGH' : 'LOW',
        health: '身体状况平稳',
        mentalState: '精神良好',
        gasSafe: true,
        waterSafe: true,
        electricitySafe: true,
        heatingSafe: true,
      });
    }
    return id;
  };
  return { recipients, enrollments, assessments, visits, add };
}
