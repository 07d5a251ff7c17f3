// CareRecipient.assessments(first, after): the assessment history, newest first, for the readers of
// `assessment` only (null for everyone else, like `assessment`), every assessment returned audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, regionId, type TestApp } from '../../helpers.js';
import { facilityByName, newApp, ok, personId, YUANLIN } from './helpers.js';

let t: TestApp;
let worker: string;
let yl: string;
let wang: string; // 王孝梅's person id
let wangRecipient: string;
beforeAll(async () => {
  t = await newApp();
  worker = await t.login('yuanlin-worker');
  yl = await regionId(t, YUANLIN);
  wang = await personId(t, worker, '王孝梅');
  // her history: an expired one from 2024 (stored directly), the seeded one (~2026-07-23) and three recorded now
  const r = await t.db.prisma.careRecipient.findUniqueOrThrow({
    where: { personId: Buffer.from(wang, 'base64').toString().split(':')[1] },
  });
  wangRecipient = Buffer.from(`CareRecipient:${r.id}`).toString('base64');
  await t.db.prisma.capabilityAssessment.create({
    data: {
      recipientId: r.id,
      personId: r.personId,
      communityId: r.communityId,
      regionPath: r.regionPath,
      level: 'INTACT',
      totalScore: 90,
      reason: 'INITIAL',
      assessedAt: new Date('2024-05-01T02:00:00Z'),
      validUntil: new Date('2025-05-01T02:00:00Z'),
    },
  });
  const ASSESS = `mutation($i: RecordCapabilityAssessmentInput!) { recordCapabilityAssessment(input: $i) { __typename
    ... on Error { code message } } }`;
  for (const [level, assessedAt] of [
    ['MILD', '2026-03-01T02:00:00Z'],
    ['MODERATE', '2026-10-01T02:00:00Z'],
    ['SEVERE', '2026-11-20T02:00:00Z'],
  ] as const) {
    ok(
      await t.gql(ASSESS, { i: { personId: wang, level, assessedAt } }, { token: worker }),
      'recordCapabilityAssessment',
    );
  }
});
afterAll(() => t.close());

const HISTORY = `query($id: ID!, $n: Int, $after: String) { node(id: $id) { ... on CareRecipient { assessment { level }
  assessments(first: $n, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { level score assessedAt reason } } } } } }`;
const historyReads = () =>
  t.db.prisma.auditLog.findMany({
    where: { action: 'elderCare.sensitiveRead', data: { path: ['field'], equals: 'assessments' } },
  });

describe('CareRecipient.assessments', () => {
  it(
    'the community worker reads the whole history newest first, ' + 'expired ones included, and pages with after',
    async () => {
      const before = (await historyReads()).length;
      const r = await t.gql(HISTORY, { id: wangRecipient }, { token: worker });
      expect(r.errors).toBeUndefined();
      const h = r.data.node.assessments;
      expect(r.data.node.assessment.level).toBe('SEVERE');
      expect(h.totalCount).toBe(5);
      expect(h.edges.map((e: any) => e.node.assessedAt.slice(0, 10))).toEqual([
        '2026-11-20',
        '2026-10-01',
        expect.stringMatching(/^2026-07/),
        '2026-03-01',
        '2024-05-01',
      ]);
      expect(h.edges.map((e: any) => e.node.level)).toEqual(['SEVERE', 'MODERATE', 'MILD', 'MILD', 'INTACT']);
      expect(h.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
      expect((await historyReads()).length - before).toBe(5);

      const first = (await t.gql(HISTORY, { id: wangRecipient, n: 2 }, { token: worker })).data.node.assessments;
      expect(first.edges.map((e: any) => e.node.level)).toEqual(['SEVERE', 'MODERATE']);
      expect(first.pageInfo).toMatchObject({
        hasNextPage: true,
        hasPreviousPage: false,
        endCursor: first.edges[1].cursor,
      });
      const second = (
        await t.gql(HISTORY, { id: wangRecipient, n: 2, after: first.pageInfo.endCursor }, { token: worker })
      ).data.node.assessments;
      expect(second.edges.map((e: any) => e.node.assessedAt.slice(0, 7))).toEqual([
        expect.stringMatching(/^2026-07/),
        '2026-03',
      ]);
      expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
      const last = (
        await t.gql(HISTORY, { id: wangRecipient, n: 2, after: second.pageInfo.endCursor }, { token: worker })
      ).data.node.assessments;
      expect(last.edges.map((e: any) => e.node.level)).toEqual(['INTACT']);
      expect(last.pageInfo.hasNextPage).toBe(false);
      expect(last.totalCount).toBe(5);
    },
  );

  it(
    'each assessment returned is one audit row (entity = the ' + 'person, field and record id), no level in the log',
    async () => {
      const before = await historyReads();
      const r = await t.gql(HISTORY, { id: wangRecipient, n: 3 }, { token: worker });
      const after = await historyReads();
      const fresh = after.filter((a) => !before.some((b) => b.id === a.id));
      expect(fresh).toHaveLength(3);
      const me = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'yuanlin-worker' } });
      const personRaw = Buffer.from(wang, 'base64').toString().split(':')[1];
      for (const row of fresh)
        expect(row).toMatchObject({
          actorId: me.id,
          entityType: 'Person',
          entityId: personRaw,
          regionPath: expect.stringContaining(YUANLIN),
        });
      const ids = await t.db.prisma.capabilityAssessment.findMany({
        where: { personId: personRaw },
        orderBy: { assessedAt: 'desc' },
        take: 3,
        select: { id: true },
      });
      expect(fresh.map((a) => (a.data as any).recordId).sort()).toEqual(ids.map((a) => a.id).sort());
      expect(JSON.stringify(fresh.map((a) => a.data))).not.toMatch(/SEVERE|MODERATE|MILD/);
      expect(r.data.node.assessments.edges).toHaveLength(3);
    },
  );

  it('null (not FORBIDDEN) for those who may not read health data, like `assessment`; nothing audited', async () => {
    const before = (await historyReads()).length;
    const analyst = await t.login('analyst');
    const list = await t.gql(
      `query($r: ID) { careRecipients(filter: { regionId: $r }, first: 10) { edges { node { person { name } assessment
        { level } assessments(first: 3) { edges { node { level } } } } } } }`,
      { r: yl },
      { token: analyst },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data.careRecipients.edges).toHaveLength(4);
    for (const e of list.data.careRecipients.edges)
      expect(e.node).toMatchObject({ assessment: null, assessments: null });
    const admin = await t.login('admin');
    const orgs = await t.gql(`{ organizations(first: 50) { edges { node { id name } } } }`);
    const org = (name: string) => orgs.data.organizations.edges.find((e: any) => e.node.name === name).node.id;
    const mk = async (username: string, extra: Record<string, unknown>) => {
      const r = await t.gql(
        `mutation($i: CreateAccountInput!) { createAccount(input: $i) { __typename ... on Error { code message } } }`,
        { i: { username, password: DEMO_PASSWORD, ...extra } },
        { token: admin },
      );
      expect(r.data.createAccount.__typename).toBe('CreateAccountPayload');
      return t.login(username);
    };
    const stranger = await mk('hospital-staff', {
      role: 'DEPARTMENT_STAFF',
      regionId: await regionId(t, '652301'),
      organizationId: org('昌吉州人民医院'),
    });
    const seen = await t.gql(HISTORY, { id: wangRecipient }, { token: stranger });
    expect(seen.errors).toBeUndefined();
    expect(seen.data.node).toEqual({ assessment: null, assessments: null });
    expect((await historyReads()).length).toBe(before);

    // the readers of `assessment` read the history: the person herself and the facility's staff
    const self = await mk('wang-xiaomei', { role: 'RESIDENT', regionId: yl, personId: wang });
    expect(
      (await t.gql(HISTORY, { id: wangRecipient, n: 1 }, { token: self })).data.node.assessments.edges[0].node.level,
    ).toBe('SEVERE');
    const staff = await mk('xinyue-staff', {
      role: 'DEPARTMENT_STAFF',
      regionId: await regionId(t, '652301'),
      organizationId: org('昌吉市馨悦社会工作服务中心'),
    });
    const mealPoint = (await facilityByName(t, '园林社区老年助餐点', worker)).id;
    const viaFacility = await t.gql(
      `query($f: ID) { careRecipients(filter: { facilityId: $f }, first: 10) { edges { node { person { name }
        assessments(first: 1) { totalCount edges { node { level } } } } } } }`,
      { f: mealPoint },
      { token: staff },
    );
    expect(viaFacility.errors).toBeUndefined();
    // facility staff get the name masked (王**: PIPL) but, as readers of `assessment`, the history
    const wangRow = viaFacility.data.careRecipients.edges.find((e: any) => e.node.assessments?.totalCount === 5).node;
    expect(wangRow.person.name).toBe('王**');
    expect(wangRow.assessments).toEqual({ totalCount: 5, edges: [{ node: { level: 'SEVERE' } }] });
    expect((await historyReads()).length - before).toBe(1 + 4); // the resident's one + one per recipient at the point
  });

  it('bad paging arguments are VALIDATION errors; first: 0 gives an empty page', async () => {
    const bad = await t.gql(HISTORY, { id: wangRecipient, after: 'not-a-cursor' }, { token: worker });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    const negative = await t.gql(HISTORY, { id: wangRecipient, n: -1 }, { token: worker });
    expect(negative.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    const backwards = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on CareRecipient { assessments(last: 2) { edges { cursor } } } } }`,
      { id: wangRecipient },
      { token: worker },
    );
    expect(backwards.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    const none = (await t.gql(HISTORY, { id: wangRecipient, n: 0 }, { token: worker })).data.node.assessments;
    expect(none).toMatchObject({ totalCount: 5, edges: [], pageInfo: { hasNextPage: true } });
  });
});
