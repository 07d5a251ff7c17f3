// Nested lists are N+1-free: a page of 50 costs the same number of SQL statements as a page of 5,
// including the batched audit of sensitive reads (one INSERT per list).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { newApp, YUANLIN } from './helpers.js';

let t: TestApp;
let worker: string;
let menuId: string;
beforeAll(async () => {
  t = await newApp();
  worker = await t.login('yuanlin-worker');
  // 60 more assessed elders in 园林社区, all booked for one meal
  const yl = await t.db.prisma.region.findUniqueOrThrow({ where: { code: YUANLIN } });
  const point = await t.db.prisma.careFacility.findFirstOrThrow({ where: { name: '园林社区老年助餐点' } });
  const menu = await t.db.prisma.mealMenu.create({
    data: {
      facilityId: point.id,
      communityId: yl.id,
      regionPath: yl.path,
      date: new Date('2026-12-02T00:00:00Z'),
      meal: 'LUNCH',
      dishes: ['饺子'],
      capacity: 100,
      booked: 60,
      cutoffAt: new Date('2026-12-01T12:00:00Z'),
    },
  });
  menuId = Buffer.from(`MealMenu:${menu.id}`).toString('base64');
  const people = Array.from({ length: 60 }, (_, i) => ({
    id: randomUUID(),
    name: `测试老人${i}`,
    homeCommunityId: yl.id,
    homePath: yl.path,
  }));
  await t.db.prisma.person.createMany({ data: people });
  const at = new Date('2026-10-01T02:00:00Z');
  const rows = people.map((p) => ({ p, r: randomUUID(), a: randomUUID() }));
  await t.db.prisma.careRecipient.createMany({
    data: rows.map(({ p, r, a }) => ({
      id: r,
      personId: p.id,
      communityId: yl.id,
      regionPath: yl.path,
      categories: ['LIVING_ALONE', 'DEPENDENT'] as never[],
      latestAssessmentId: a,
      currentLevel: 'MODERATE' as const,
      assessedAt: at,
      assessmentValidUntil: new Date('2027-10-01T02:00:00Z'),
      visitTier: 'KEY' as const,
      nextVisitDueAt: at,
    })),
  });
  await t.db.prisma.capabilityAssessment.createMany({
    data: rows.map(({ p, r, a }) => ({
      id: a,
      recipientId: r,
      personId: p.id,
      communityId: yl.id,
      regionPath: yl.path,
      level: 'MODERATE' as const,
      totalScore: 50,
      reason: 'INITIAL' as const,
      assessedAt: at,
      validUntil: new Date('2027-10-01T02:00:00Z'),
    })),
  });
  await t.db.prisma.careEnrollment.createMany({
    data: rows.map(({ p, r }) => ({
      recipientId: r,
      facilityId: point.id,
      personId: p.id,
      communityId: yl.id,
      regionPath: yl.path,
      enrolledAt: at,
    })),
  });
  await t.db.prisma.mealBooking.createMany({
    data: rows.map(({ p, r }) => ({
      menuId: menu.id,
      recipientId: r,
      personId: p.id,
      facilityId: point.id,
      communityId: yl.id,
      regionPath: yl.path,
      date: menu.date,
      meal: 'LUNCH' as const,
      slot: '2026-12-02:LUNCH',
      standardPriceFen: 1500,
      subsidyFen: 800,
      priceFen: 700,
      subsidyRule: 'DEPENDENT',
      bookedAt: at,
    })),
  });
});
afterAll(() => t.close());

async function statements(query: string, variables: Record<string, unknown>, token = worker) {
  const { result, statements } = await t.db.statements.measure(() => t.gql(query, variables, { token }));
  expect(result.errors).toBeUndefined();
  return { result, statements };
}

it('careRecipients with person, assessment, categories and enrolments', async () => {
  const q = `query($r: ID, $n: Int) { careRecipients(filter: { regionId: $r }, first: $n) { totalCount edges { node {
    person { name } categories assessment { level score } reassessmentDue emergencyContact { phone } enrollments {
      facility { name } } } } } }`;
  const r = await regionId(t, YUANLIN);
  await statements(q, { r, n: 1 }); // warm the schema cache
  const auditBefore = await t.db.prisma.auditLog.count({ where: { action: 'elderCare.sensitiveRead' } });
  const small = await statements(q, { r, n: 5 });
  const large = await statements(q, { r, n: 50 });
  expect(large.result.data.careRecipients.edges).toHaveLength(50);
  expect(large.result.data.careRecipients.edges.every((e: any) => e.node.assessment)).toBe(true);
  expect(large.statements).toBe(small.statements);
  // every assessment (and 失能 category) read is logged, in one INSERT per request
  const logged = (await t.db.prisma.auditLog.count({ where: { action: 'elderCare.sensitiveRead' } })) - auditBefore;
  expect(logged).toBeGreaterThanOrEqual(55);
  console.log(
    `careRecipients: ${small.statements} statements for 5, ${large.statements} for 50; ${logged} sensitive reads
      audited`,
  );
});

it('mealBookings with person and menu', async () => {
  const q = `query($m: ID, $n: Int) { mealBookings(filter: { menuId: $m }, first: $n) { totalCount edges { node { person
    { name } priceFen subsidyRule menu { date booked facility { name } } } } } }`;
  const small = await statements(q, { m: menuId, n: 5 });
  const large = await statements(q, { m: menuId, n: 50 });
  expect(large.result.data.mealBookings.edges).toHaveLength(50);
  expect(large.statements).toBe(small.statements);
  console.log(`mealBookings: ${small.statements} statements for 5, ${large.statements} for 50`);
});

it('overdueVisits, elderNeeds and Community.careFacilities', async () => {
  const overdue = `query($r: ID, $n: Int) { overdueVisits(regionId: $r, first: $n) { edges { node { person { name }
    nextVisitDueAt } } } }`;
  const r = await regionId(t, YUANLIN);
  const a = await statements(overdue, { r, n: 5 });
  const b = await statements(overdue, { r, n: 50 });
  expect(b.result.data.overdueVisits.edges).toHaveLength(50);
  expect(b.statements).toBe(a.statements);
  const needs = `query($r: ID, $n: Int) { elderNeeds(filter: { regionId: $r }, first: $n) { edges { node { person { name
    } assigneeOrganization { name } description } } } }`;
  const analyst = await t.login('analyst');
  const mulei = await regionId(t, '652328');
  const c = await statements(needs, { r: mulei, n: 5 }, analyst);
  const d = await statements(needs, { r: mulei, n: 50 }, analyst);
  expect(d.result.data.elderNeeds.edges).toHaveLength(50);
  expect(d.statements).toBe(c.statements);
  // one community with facilities (滨河社区) vs every community of 木垒县 (13, 滨河 and 人民路 with 13 facilities)
  const communities = `query($n: Int, $s: String) { regions(filter: { level: COMMUNITY, search: $s }, first: $n) { edges
    { node { name careFacilities { name enrolledCount operator { name } community { name } } } } } }`;
  const e = await statements(communities, { n: 1, s: '652328' });
  const f = await statements(communities, { n: 50, s: '652328' });
  expect(f.result.data.regions.edges.length).toBeGreaterThanOrEqual(13);
  expect(f.statements).toBe(e.statements);
  console.log(
    `overdueVisits ${a.statements}/${b.statements}, elderNeeds ${c.statements}/${d.statements}, Community.careFacilities
      ${e.statements}/${f.statements}`,
  );
});

it('careRecipients with assessments(first: 3): the history of each, audited in one batch', async () => {
  // three more (older) assessments for each of the 60 elders: four each, three shown
  const tested = await t.db.prisma.person.findMany({
    where: { name: { startsWith: '测试老人' } },
    select: { id: true },
  });
  const recipients = await t.db.prisma.careRecipient.findMany({ where: { personId: { in: tested.map((p) => p.id) } } });
  expect(recipients).toHaveLength(60);
  await t.db.prisma.capabilityAssessment.createMany({
    data: recipients.flatMap((r) =>
      [1, 2, 3].map((k) => ({
        recipientId: r.id,
        personId: r.personId,
        communityId: r.communityId,
        regionPath: r.regionPath,
        level: 'MILD' as const,
        reason: 'ROUTINE' as const,
        assessedAt: new Date(Date.UTC(2026, 9 - 2 * k, 1)),
        validUntil: new Date(Date.UTC(2027, 9 - 2 * k, 1)),
      })),
    ),
  });
  const q = `query($r: ID, $n: Int) { careRecipients(filter: { regionId: $r }, first: $n) { edges { node { person { name
    } assessments(first: 3) { edges { node { level assessedAt } } } } } } }`;
  const r = await regionId(t, YUANLIN);
  await statements(q, { r, n: 1 });
  const audit = () =>
    t.db.prisma.auditLog.count({
      where: { action: 'elderCare.sensitiveRead', data: { path: ['field'], equals: 'assessments' } },
    });
  const before = await audit();
  const small = await statements(q, { r, n: 5 });
  const middle = await audit();
  const large = await statements(q, { r, n: 50 });
  expect(large.result.data.careRecipients.edges).toHaveLength(50);
  const listed = large.result.data.careRecipients.edges.filter((e: any) => e.node.person.name.startsWith('测试老人'));
  expect(listed.length).toBeGreaterThan(40);
  for (const e of listed)
    expect(e.node.assessments.edges.map((x: any) => x.node.assessedAt.slice(0, 7))).toEqual([
      '2026-10',
      '2026-08',
      '2026-06',
    ]);
  expect(large.statements).toBe(small.statements);
  expect((await audit()) - middle).toBe(
    large.result.data.careRecipients.edges.reduce((n: number, e: any) => n + e.node.assessments.edges.length, 0),
  );
  expect(middle - before).toBe(
    small.result.data.careRecipients.edges.reduce((n: number, e: any) => n + e.node.assessments.edges.length, 0),
  );
  console.log(`careRecipients.assessments(first: 3): ${small.statements} statements for 5, ${large.statements} for 50`);
});
