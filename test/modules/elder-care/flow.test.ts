// End to end with the demo logins, as a new user would in GraphiQL: the 园林社区 worker opens a
// facility, enrols and assesses an elder, records a service, books a meal, visits (an urgent finding
// opens a need), and the need is assigned, done and rated; the analyst sees the figures, not the health data.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { facilityByName, newApp, ok, personId, YUANLIN } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await newApp();
});
afterAll(() => t.close());

it('yuanlin-worker runs the whole flow', async () => {
  const token = await t.login('yuanlin-worker');
  const yl = await regionId(t, YUANLIN);
  const gql = (q: string, v: Record<string, unknown>) => t.gql(q, v, { token });

  // 1. a facility
  const facility = ok(
    await gql(
      `mutation($i: CreateCareFacilityInput!) { createCareFacility(input: $i) { __typename ... on
        CreateCareFacilityPayload { facility { id name } } ... on Error { code message } } }`,
      {
        i: {
          communityId: yl,
          kind: 'REHAB_STATION',
          name: '园林社区残疾人康复服务站',
          rooms: ['REHABILITATION', 'FITNESS', 'REST'],
          capacity: 12,
          openingHours: '周一至周五 09:00–17:00',
        },
      },
    ),
    'createCareFacility',
  ).facility;

  // 2. an enrolment
  const su = await personId(t, token, '苏文华');
  const recipient = ok(
    await gql(
      `mutation($i: EnrollCareRecipientInput!) { enrollCareRecipient(input: $i) { __typename ... on
        EnrollCareRecipientPayload { recipient { id categories } } ... on Error { code message } } }`,
      {
        i: {
          personId: su,
          facilityId: facility.id,
          categories: ['DISABILITY', 'SEVERE_DISABILITY'],
          emergencyContact: { name: '苏丽', phone: '13999400001', relation: '女儿' },
        },
      },
    ),
    'enrollCareRecipient',
  ).recipient;
  expect(recipient.categories).toEqual(['DISABILITY', 'SEVERE_DISABILITY']);

  // 3. an assessment (GB/T 42195-2022: 18 + 8 + 22 + 10 = 58 → 中度失能)
  const assessed = ok(
    await gql(
      `mutation($i: RecordCapabilityAssessmentInput!) { recordCapabilityAssessment(input: $i) { __typename ... on
        RecordCapabilityAssessmentPayload { assessment { level score } } ... on Error { code message } } }`,
      {
        i: {
          personId: su,
          level: 'MODERATE',
          assessedAt: '2026-11-25T01:00:00Z',
          scores: { selfCare: 18, mobility: 8, mental: 22, perception: 10 },
          notes: '入站评估',
        },
      },
    ),
    'recordCapabilityAssessment',
  );
  expect(assessed.assessment).toEqual({ level: 'MODERATE', score: 58 });

  // 4. a rehabilitation session
  const service = ok(
    await gql(
      `mutation($i: RecordCareServiceInput!) { recordCareService(input: $i) { __typename ... on
        RecordCareServicePayload { service { kind notes facility { name } } } ... on Error { code message } } }`,
      {
        i: {
          recipientId: recipient.id,
          facilityId: facility.id,
          kind: 'REHABILITATION',
          servedAt: '2026-11-25T01:30:00Z',
          notes: '下肢力量训练 30 分钟',
          staffName: '康复师 刘',
        },
      },
    ),
    'recordCareService',
  );
  expect(service.service).toEqual({
    kind: 'REHABILITATION',
    notes: '下肢力量训练 30 分钟',
    facility: { name: '园林社区残疾人康复服务站' },
  });

  // 5. a meal booking for 王孝梅 tomorrow, delivered
  const point = await facilityByName(t, '园林社区老年助餐点', token);
  const menus = await gql(
    `query($id: ID!) { careFacility(id: $id) { menus(from: "2026-11-26", days: 1) { id meal dishes open } } }`,
    { id: point.id },
  );
  const lunch = menus.data.careFacility.menus.find((m: any) => m.meal === 'LUNCH');
  expect(lunch.open).toBe(true);
  const wang = await personId(t, token, '王孝梅');
  const booking = ok(
    await gql(
      `mutation($i: BookMealInput!) { bookMeal(input: $i) { __typename ... on BookMealPayload { booking { status
        delivery priceFen person { name } } } ... on Error { code message } } }`,
      { i: { menuId: lunch.id, personId: wang, delivery: true } },
    ),
    'bookMeal',
  ).booking;
  expect(booking).toEqual({ status: 'BOOKED', delivery: true, priceFen: 1800, person: { name: '王孝梅' } });

  // 6. a visit with an urgent finding → 7. a need, assigned, done, rated
  const visit = ok(
    await gql(
      `mutation($i: RecordCareVisitInput!) { recordCareVisit(input: $i) { __typename ... on RecordCareVisitPayload {
        visit { riskLevel openedNeed { id status kind } } } ... on Error { code message } } }`,
      {
        i: {
          personId: wang,
          visitedAt: '2026-11-25T01:45:00Z',
          riskLevel: 'URGENT',
          mode: 'HOME',
          findings: {
            health: '感冒发热 38.5℃',
            mentalState: '情绪低落',
            safety: { gas: true, water: true, electricity: true, heating: false },
            hygiene: '良好',
            familySupport: '儿子在外地',
          },
          urgentNeed: { kind: 'MEDICAL', description: '暖气不热且发热，需联系物业和社区医生' },
        },
      },
    ),
    'recordCareVisit',
  ).visit;
  expect(visit.openedNeed).toMatchObject({ status: 'OPEN', kind: 'MEDICAL' });
  const orgs = await gql(`{ organizations(filter: { search: "馨悦" }) { edges { node { id } } } }`, {});
  const assigned = ok(
    await gql(
      `mutation($i: AssignElderNeedInput!) { assignElderNeed(input: $i) { __typename ... on AssignElderNeedPayload {
        need { status assigneeName } } ... on Error { code message } } }`,
      {
        i: {
          needId: visit.openedNeed.id,
          organizationId: orgs.data.organizations.edges[0].node.id,
          assigneeName: '馨悦社工 王芳',
        },
      },
    ),
    'assignElderNeed',
  );
  expect(assigned.need).toEqual({ status: 'ASSIGNED', assigneeName: '馨悦社工 王芳' });
  const done = ok(
    await gql(
      `mutation($i: CompleteElderNeedInput!) { completeElderNeed(input: $i) { __typename ... on
        CompleteElderNeedPayload { need { status } } ... on Error { code message } } }`,
      { i: { needId: visit.openedNeed.id, result: '已陪同就医，物业已修复暖气' } },
    ),
    'completeElderNeed',
  );
  expect(done.need.status).toBe('DONE');
  const rated = ok(
    await gql(
      `mutation($i: RecordElderNeedFeedbackInput!) { recordElderNeedFeedback(input: $i) { __typename ... on
        RecordElderNeedFeedbackPayload { need { feedback { satisfaction } } } ... on Error { code message } } }`,
      { i: { needId: visit.openedNeed.id, satisfaction: 5, comment: '谢谢社区' } },
    ),
    'recordElderNeedFeedback',
  );
  expect(rated.need.feedback.satisfaction).toBe(5);

  // the worker sees the new recipient's assessment; the analyst does not, but the figures answer
  const list = `query($r: ID) { careRecipients(filter: { regionId: $r }, first: 10) { edges { node { person { name }
    assessment { level } } } } }`;
  const mine = await gql(list, { r: yl });
  expect(mine.data.careRecipients.edges.find((e: any) => e.node.person.name === '苏文华').node.assessment).toEqual({
    level: 'MODERATE',
  });
  const analyst = await t.login('analyst');
  const theirs = await t.gql(list, { r: yl }, { token: analyst });
  // analysts get masked names (苏**) and no health data at all (PIPL)
  expect(theirs.data.careRecipients.edges.length).toBeGreaterThan(0);
  expect(
    theirs.data.careRecipients.edges.every((e: any) => e.node.assessment === null && e.node.person.name !== '苏文华'),
  ).toBe(true);
  const stats = await t.gql(
    `query($id: ID!) { region(id: $id) { stats { elderCare { rehabStations eldersServed needsCollected needsDone
      visitsDone capabilityLevels { level count } } } } }`,
    { id: yl },
    { token: analyst },
  );
  const s = stats.data.region.stats.elderCare;
  expect(s).toMatchObject({ rehabStations: 1, eldersServed: 5, needsCollected: 1, needsDone: 1 });
  expect(s.capabilityLevels.find((l: any) => l.level === 'MODERATE').count).toBe(2);
  // every state change left an audit row
  const actions = (
    await t.db.prisma.auditLog.findMany({
      where: { action: { startsWith: 'elderCare.' }, NOT: { action: 'elderCare.sensitiveRead' } },
      select: { action: true },
    })
  ).map((a) => a.action);
  expect(new Set(actions)).toEqual(
    new Set([
      'elderCare.facility.create',
      'elderCare.enroll',
      'elderCare.assessment.record',
      'elderCare.service.record',
      'elderCare.meal.book',
      'elderCare.visit.record',
      'elderCare.need.submit',
      'elderCare.need.assign',
      'elderCare.need.done',
      'elderCare.need.feedback',
    ]),
  );
});
