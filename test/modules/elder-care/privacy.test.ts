// Care recipients, capability assessments (GB/T 42195-2022) and who may read health data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, regionId, type ManualClock, type TestApp } from '../../helpers.js';
import { facilityByName, newApp, ok, personId, YUANLIN } from './helpers.js';

let t: TestApp;
let worker: string;
let analyst: string;
let yl: string;
let mealPoint: string;
let dayCare: string;
beforeAll(async () => {
  t = await newApp();
  worker = await t.login('yuanlin-worker');
  analyst = await t.login('analyst');
  yl = await regionId(t, YUANLIN);
  mealPoint = (await facilityByName(t, '园林社区老年助餐点', worker)).id;
  dayCare = (await facilityByName(t, '园林社区日间照料中心', worker)).id;
});
afterAll(() => t.close());

const LIST = `query($f: CareRecipientFilter, $n: Int) { careRecipients(filter: $f, first: $n) { totalCount edges { node
  {
  id person { name } categories visitTier reassessmentDue emergencyContact { name phone relation }
  assessment { level score assessedAt validUntil dimensions { selfCare mobility mentalState perceptionSocial } }
  enrollments { status facility { name } } } } } }`;
const ENROL = `mutation($i: EnrollCareRecipientInput!) { enrollCareRecipient(input: $i) { __typename
  ... on EnrollCareRecipientPayload { recipient { id categories visitTier nextVisitDueAt enrollments { status facility {
    name } } } }
  ... on ValidationError { issues { path } } ... on Error { code message } } }`;
const ASSESS = `mutation($i: RecordCapabilityAssessmentInput!) { recordCapabilityAssessment(input: $i) { __typename
  ... on RecordCapabilityAssessmentPayload { assessment { level score reason assessorName } recipient { assessment {
    level score } reassessmentDue } }
  ... on ValidationError { issues { path message } } ... on Error { code message } } }`;
const END = `mutation($i: EndCareEnrollmentInput!) { endCareEnrollment(input: $i) { __typename ... on
  EndCareEnrollmentPayload { recipient { enrollments { status endReason } } } ... on Error { code } } }`;

const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1];
const byName = (r: any, name: string) =>
  r.data.careRecipients.edges.map((e: any) => e.node).find((n: any) => n.person.name === name);
const sensitiveReads = () => t.db.prisma.auditLog.count({ where: { action: 'elderCare.sensitiveRead' } });

describe('reading care recipients', () => {
  it(
    'the community worker sees assessments, sensitive categories and the ' +
      'emergency contact; each read is audited in one batch',
    async () => {
      const before = await sensitiveReads();
      const r = await t.gql(LIST, { f: { regionId: yl }, n: 50 }, { token: worker });
      expect(r.errors).toBeUndefined();
      expect(r.data.careRecipients.totalCount).toBe(4);
      const wang = byName(r, '王孝梅');
      expect(wang).toMatchObject({
        categories: ['EMPTY_NEST'],
        visitTier: 'KEY',
        reassessmentDue: false,
        emergencyContact: { name: '李明', phone: '13899461288', relation: '儿子' },
      });
      expect(wang.assessment).toMatchObject({
        level: 'MILD',
        score: 78,
        dimensions: { selfCare: 28, mobility: 14, mentalState: 24, perceptionSocial: 12 },
      });
      expect(byName(r, '刘桂兰').categories).toEqual(['LIVING_ALONE', 'DEPENDENT']);
      // 4 assessments + 4 category lists (every care category is sensitive: 空巢, 独居, 失能 …)
      expect((await sensitiveReads()) - before).toBe(8);
      const row = await t.db.prisma.auditLog.findFirst({
        where: { action: 'elderCare.sensitiveRead', data: { path: ['field'], equals: 'assessment' } },
        orderBy: { at: 'desc' },
      });
      const me = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'yuanlin-worker' } });
      expect(row).toMatchObject({
        actorId: me.id,
        entityType: 'Person',
        regionPath: expect.stringContaining('652301006001'),
      });
    },
  );

  it('an analyst gets masked names and no assessment, category or contact — and nothing is audited', async () => {
    const wangId = byName(await t.gql(LIST, { f: { regionId: yl }, n: 50 }, { token: worker }), '王孝梅').id;
    const before = await sensitiveReads();
    const r = await t.gql(LIST, { f: { regionId: yl }, n: 50 }, { token: analyst });
    expect(r.errors).toBeUndefined();
    expect(r.data.careRecipients.totalCount).toBe(4);
    for (const e of r.data.careRecipients.edges) {
      expect(e.node).toMatchObject({
        assessment: null,
        reassessmentDue: null,
        categories: null,
        emergencyContact: null,
      });
      expect(e.node.person.name).toMatch(/^.\*+$/);
    }
    expect(await sensitiveReads()).toBe(before);
    // filtering by a health attribute would reveal it: refused
    const byLevel = await t.gql(LIST, { f: { regionId: yl, level: 'SEVERE' } }, { token: analyst });
    expect(byLevel.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byCategory = await t.gql(LIST, { f: { regionId: yl, category: 'DEPENDENT' } }, { token: analyst });
    expect(byCategory.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // node(id) gives the same answer
    const node = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on CareRecipient { person { name } assessment { level } } } }`,
      { id: wangId },
      { token: analyst },
    );
    expect(node.data.node).toEqual({ person: { name: '王**' }, assessment: null });
  });

  it('health filters work for the worker; a worker of another township cannot list or fetch', async () => {
    const severe = await t.gql(LIST, { f: { regionId: yl, level: 'SEVERE' } }, { token: worker });
    expect(severe.data.careRecipients.edges.map((e: any) => e.node.person.name)).toEqual(['马秀英']);
    const dep = await t.gql(
      LIST,
      { f: { regionId: yl, category: 'DEPENDENT', facilityId: mealPoint } },
      { token: worker },
    );
    expect(dep.data.careRecipients.totalCount).toBe(1);
    const other = await t.login('jingcaicheng-worker');
    const list = await t.gql(LIST, { f: { regionId: yl } }, { token: other });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const id = byName(await t.gql(LIST, { f: { regionId: yl } }, { token: worker }), '王孝梅').id;
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token: other });
    expect(node.data.node).toBeNull();
  });

  it(
    "admins above the community, the facility's staff and the " + 'person herself read it; other staff do not',
    async () => {
      const zhou = await t.login('zhou-admin');
      expect(byName(await t.gql(LIST, { f: { regionId: yl } }, { token: zhou }), '王孝梅').assessment.level).toBe(
        'MILD',
      );
      const admin = await t.login('admin');
      const mk = async (username: string, extra: Record<string, unknown>) => {
        const r = await t.gql(
          `mutation($i: CreateAccountInput!) { createAccount(input: $i) { __typename ... on Error { code message } } }`,
          { i: { username, password: DEMO_PASSWORD, ...extra } },
          { token: admin },
        );
        expect(r.data.createAccount.__typename).toBe('CreateAccountPayload');
        return t.login(username);
      };
      const orgs = await t.gql(`{ organizations(first: 50) { edges { node { id name } } } }`);
      const org = (name: string) => orgs.data.organizations.edges.find((e: any) => e.node.name === name).node.id;
      const staff = await mk('xinyue-staff', {
        role: 'DEPARTMENT_STAFF',
        regionId: await regionId(t, '652301'),
        organizationId: org('昌吉市馨悦社会工作服务中心'),
      });
      const viaFacility = await t.gql(LIST, { f: { facilityId: mealPoint, level: 'SEVERE' } }, { token: staff });
      expect(viaFacility.errors).toBeUndefined();
      expect(viaFacility.data.careRecipients.edges[0].node.assessment).toMatchObject({ level: 'SEVERE', score: 34 });
      const stranger = await mk('hospital-staff', {
        role: 'DEPARTMENT_STAFF',
        regionId: await regionId(t, '652301'),
        organizationId: org('昌吉州人民医院'),
      });
      const listed = await t.gql(LIST, { f: { regionId: yl } }, { token: stranger });
      const wangRecipient = byName(await t.gql(LIST, { f: { regionId: yl } }, { token: worker }), '王孝梅').id;
      const wangRow = (r: any) =>
        r.data.careRecipients.edges.map((e: any) => e.node).find((n: any) => n.id === wangRecipient);
      expect(wangRow(listed)).toMatchObject({ assessment: null, categories: null, emergencyContact: null });
      expect(
        (await t.gql(LIST, { f: { facilityId: mealPoint, level: 'SEVERE' } }, { token: stranger })).errors?.[0]
          ?.extensions?.code,
      ).toBe('FORBIDDEN');
      const wangId = await personId(t, worker, '王孝梅');
      const self = await mk('wang-xiaomei', { role: 'RESIDENT', regionId: yl, personId: wangId });
      const id = wangRow(listed).id;
      const own = await t.gql(
        `query($id: ID!) { node(id: $id) { ... on CareRecipient { assessment { level } emergencyContact { phone } } }
          }`,
        { id },
        { token: self },
      );
      expect(own.data.node).toEqual({ assessment: { level: 'MILD' }, emergencyContact: { phone: '13899461288' } });
      expect((await t.gql(LIST, {}, { token: self })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    },
  );
});

describe('enrolment and assessment', () => {
  let su: string;
  let recipientId: string;
  beforeAll(async () => {
    su = await personId(t, worker, '苏文华');
  });

  it('assessing someone not enrolled fails with PRECONDITION_FAILED', async () => {
    const r = await t.gql(
      ASSESS,
      { i: { personId: su, level: 'MILD', assessedAt: '2026-11-20T02:00:00Z' } },
      { token: worker },
    );
    expect(r.data.recordCapabilityAssessment.code).toBe('PRECONDITION_FAILED');
  });

  it(
    'enrols with categories and a contact; refuses a second enrolment at the same ' +
      'facility, a first one without contact, and other communities',
    async () => {
      const noContact = await t.gql(
        ENROL,
        { i: { personId: su, facilityId: dayCare, categories: ['DISABILITY'] } },
        { token: worker },
      );
      expect(noContact.data.enrollCareRecipient.__typename).toBe('DomainError');
      expect(noContact.data.enrollCareRecipient.code).toBe('VALIDATION');
      const badPhone = await t.gql(
        ENROL,
        { i: { personId: su, facilityId: dayCare, emergencyContact: { name: '苏明', phone: '12' } } },
        { token: worker },
      );
      expect(badPhone.data.enrollCareRecipient.issues.map((i: any) => i.path)).toEqual([
        'input.emergencyContact.phone',
      ]);
      const other = await t.gql(
        ENROL,
        { i: { personId: su, facilityId: dayCare, emergencyContact: { name: '苏明', phone: '13900000000' } } },
        { token: await t.login('jingcaicheng-worker') },
      );
      expect(other.data.enrollCareRecipient.code).toBe('NOT_FOUND'); // a person outside the worker's area
      expect(await t.db.prisma.careRecipient.count({ where: { personId: rawId(su) } })).toBe(0);
      const r = ok(
        await t.gql(
          ENROL,
          {
            i: {
              personId: su,
              facilityId: dayCare,
              categories: ['DISABILITY', 'LIVING_ALONE'],
              emergencyContact: { name: '苏明', phone: '13900000000', relation: '弟弟' },
            },
          },
          { token: worker },
        ),
        'enrollCareRecipient',
      );
      expect(r.recipient).toMatchObject({
        categories: ['DISABILITY', 'LIVING_ALONE'],
        visitTier: 'GENERAL',
        enrollments: [{ status: 'ACTIVE', facility: { name: '园林社区日间照料中心' } }],
      });
      expect(r.recipient.nextVisitDueAt).toBe((t.clock as ManualClock).now().toISOString());
      recipientId = r.recipient.id;
      const again = await t.gql(ENROL, { i: { personId: su, facilityId: dayCare } }, { token: worker });
      expect(again.data.enrollCareRecipient.code).toBe('CONFLICT');
      const second = ok(
        await t.gql(ENROL, { i: { personId: su, facilityId: mealPoint } }, { token: worker }),
        'enrollCareRecipient',
      );
      expect(second.recipient.enrollments).toHaveLength(2);
    },
  );

  it(
    'records an assessment: the total decides the lowest level ' + 'allowed; the standard may raise it, never lower it',
    async () => {
      const scores = { selfCare: 20, mobility: 10, mental: 20, perception: 10 }; // 60 → MODERATE
      const lower = await t.gql(
        ASSESS,
        { i: { personId: su, level: 'MILD', assessedAt: '2026-11-20T02:00:00Z', scores } },
        { token: worker },
      );
      expect(lower.data.recordCapabilityAssessment.issues[0].path).toBe('input.level');
      const range = await t.gql(
        ASSESS,
        {
          i: {
            personId: su,
            level: 'TOTAL',
            assessedAt: '2026-11-20T02:00:00Z',
            scores: { ...scores, selfCare: 33, perception: -1 },
          },
        },
        { token: worker },
      );
      expect(range.data.recordCapabilityAssessment.issues.map((i: any) => i.path).sort()).toEqual([
        'input.scores.perception',
        'input.scores.selfCare',
      ]);
      const future = await t.gql(
        ASSESS,
        { i: { personId: su, level: 'MILD', assessedAt: '2027-01-01T00:00:00Z' } },
        { token: worker },
      );
      expect(future.data.recordCapabilityAssessment.code).toBe('VALIDATION');
      const byAnalyst = await t.gql(
        ASSESS,
        { i: { personId: su, level: 'MILD', assessedAt: '2026-11-20T02:00:00Z' } },
        { token: analyst },
      );
      expect(byAnalyst.data.recordCapabilityAssessment.code).toBe('FORBIDDEN');
      expect(await t.db.prisma.capabilityAssessment.count({ where: { recipientId: rawId(recipientId) } })).toBe(0);
      const okRaised = ok(
        await t.gql(
          ASSESS,
          {
            i: {
              personId: su,
              level: 'SEVERE',
              assessedAt: '2026-11-20T02:00:00Z',
              scores,
              notes: '认知障碍确诊, 上调一级',
            },
          },
          { token: worker },
        ),
        'recordCapabilityAssessment',
      );
      expect(okRaised.assessment).toEqual({
        level: 'SEVERE',
        score: 60,
        reason: 'INITIAL',
        assessorName: 'yuanlin-worker',
      });
      expect(okRaised.recipient).toEqual({ assessment: { level: 'SEVERE', score: 60 }, reassessmentDue: false });
      // a back-dated assessment is kept in history but does not replace the newer one
      const old = ok(
        await t.gql(
          ASSESS,
          { i: { personId: su, level: 'MILD', assessedAt: '2026-06-01T02:00:00Z' } },
          { token: worker },
        ),
        'recordCapabilityAssessment',
      );
      expect(old.assessment.reason).toBe('ROUTINE');
      expect(old.recipient.assessment.level).toBe('SEVERE');
      // the level feeds the analyst's aggregates, not the analyst's view of the person
      const stats = await t.gql(
        `query($id: ID!) { region(id: $id) { stats { elderCare { capabilityLevels { level count } } } } }`,
        { id: yl },
        { token: analyst },
      );
      expect(stats.data.region.stats.elderCare.capabilityLevels.find((l: any) => l.level === 'SEVERE').count).toBe(2);
      const audit = await t.db.prisma.auditLog.findFirst({
        where: { action: 'elderCare.assessment.record' },
        orderBy: { at: 'desc' },
      });
      expect(JSON.stringify(audit?.data)).not.toContain('SEVERE');
    },
  );

  it('ends an enrolment once (INVALID_TRANSITION after) and re-enrols', async () => {
    const end = await t.gql(
      END,
      { i: { recipientId, facilityId: mealPoint, reason: '改为送餐到家' } },
      { token: worker },
    );
    expect(end.data.endCareEnrollment.recipient.enrollments).toEqual(
      expect.arrayContaining([{ status: 'ENDED', endReason: '改为送餐到家' }]),
    );
    const again = await t.gql(END, { i: { recipientId, facilityId: mealPoint } }, { token: worker });
    expect(again.data.endCareEnrollment.code).toBe('INVALID_TRANSITION');
    const back = ok(
      await t.gql(ENROL, { i: { personId: su, facilityId: mealPoint } }, { token: worker }),
      'enrollCareRecipient',
    );
    expect(back.recipient.enrollments.every((e: any) => e.status === 'ACTIVE')).toBe(true);
  });

  it('after 12 months the assessment is no longer valid: null, and reassessment is due', async () => {
    (t.clock as ManualClock).advance(366 * 86_400_000);
    worker = await t.login('yuanlin-worker'); // tokens expire too
    const r = await t.gql(LIST, { f: { regionId: yl } }, { token: worker });
    const wang = byName(r, '王孝梅');
    expect(wang.assessment).toBeNull();
    expect(wang.reassessmentDue).toBe(true);
    const sev = await t.gql(LIST, { f: { regionId: yl, level: 'MILD' } }, { token: worker });
    expect(sev.data.careRecipients.totalCount).toBe(0);
  });
});
