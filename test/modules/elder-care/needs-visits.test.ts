// 涉老服务需求 (OPEN → ASSIGNED → DONE + feedback) and 探访关爱 (tiers, intervals per township,
// urgent findings, overdueVisits, monthly visit rate).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type ManualClock, type TestApp } from '../../helpers.js';
import { newApp, ok, personId, YUANLIN } from './helpers.js';

let t: TestApp;
let worker: string;
let analyst: string;
let yl: string;
beforeAll(async () => {
  t = await newApp();
  worker = await t.login('yuanlin-worker');
  analyst = await t.login('analyst');
  yl = await regionId(t, YUANLIN);
});
afterAll(() => t.close());

const NEED_FIELDS = `id status kind channel description result assigneeName assigneeOrganization { name } feedback {
  satisfaction comment } fromVisit person { name }`;
const SUBMIT = `mutation($i: SubmitElderNeedInput!) { submitElderNeed(input: $i) { __typename ... on
  SubmitElderNeedPayload { need { ${NEED_FIELDS} } } ... on Error { code message } } }`;
const ASSIGN = `mutation($i: AssignElderNeedInput!) { assignElderNeed(input: $i) { __typename ... on
  AssignElderNeedPayload { need { ${NEED_FIELDS} } } ... on Error { code message } } }`;
const COMPLETE = `mutation($i: CompleteElderNeedInput!) { completeElderNeed(input: $i) { __typename ... on
  CompleteElderNeedPayload { need { ${NEED_FIELDS} } } ... on Error { code message } } }`;
const FEEDBACK = `mutation($i: RecordElderNeedFeedbackInput!) { recordElderNeedFeedback(input: $i) { __typename ... on
  RecordElderNeedFeedbackPayload { need { ${NEED_FIELDS} } } ... on Error { code message } } }`;
const CANCEL = `mutation($i: CancelElderNeedInput!) { cancelElderNeed(input: $i) { __typename ... on
  CancelElderNeedPayload { need { status } } ... on Error { code message } } }`;
const VISIT = `mutation($i: RecordCareVisitInput!) { recordCareVisit(input: $i) { __typename
  ... on RecordCareVisitPayload { visit { id riskLevel mode visitorName dueAt findings { health mentalState safety { gas
    heating } abilityChanged }
    recipient { visitTier lastVisitedAt nextVisitDueAt reassessmentDue } openedNeed { status kind channel description
      fromVisit } } }
  ... on ValidationError { issues { path } } ... on Error { code message } } }`;
const OVERDUE = `query($r: ID) { overdueVisits(regionId: $r, first: 50) { totalCount edges { node { person { name }
  visitTier nextVisitDueAt } } } }`;
const now = () => (t.clock as ManualClock).now();

describe('elder-service needs', () => {
  let needId: string;
  it('the worker submits a need for an elder; bad input and strangers are refused', async () => {
    const wang = await personId(t, worker, '王孝梅');
    const bad = await t.gql(SUBMIT, { i: { personId: wang, kind: 'HOME_HELP', description: ' ' } }, { token: worker });
    expect(bad.data.submitElderNeed.code).toBe('VALIDATION');
    const stranger = await t.gql(
      SUBMIT,
      { i: { personId: wang, kind: 'HOME_HELP', description: '换灯泡' } },
      { token: await t.login('jingcaicheng-worker') },
    );
    expect(stranger.data.submitElderNeed.code).toBe('NOT_FOUND'); // a person outside the worker's area
    const r = ok(
      await t.gql(
        SUBMIT,
        { i: { personId: wang, kind: 'HOME_HELP', description: '厨房灯坏了，需上门更换' } },
        { token: worker },
      ),
      'submitElderNeed',
    );
    expect(r.need).toMatchObject({
      status: 'OPEN',
      kind: 'HOME_HELP',
      channel: 'IN_PERSON',
      fromVisit: false,
      person: { name: '王孝梅' },
    });
    needId = r.need.id;
  });

  it('cannot be completed or rated before it is assigned; assigning needs an assignee', async () => {
    expect(
      (await t.gql(COMPLETE, { i: { needId, result: '已换' } }, { token: worker })).data.completeElderNeed.code,
    ).toBe('INVALID_TRANSITION');
    expect(
      (await t.gql(FEEDBACK, { i: { needId, satisfaction: 5 } }, { token: worker })).data.recordElderNeedFeedback.code,
    ).toBe('INVALID_TRANSITION');
    expect((await t.gql(ASSIGN, { i: { needId } }, { token: worker })).data.assignElderNeed.code).toBe('VALIDATION');
    expect(
      (await t.gql(ASSIGN, { i: { needId, assigneeName: '张师傅' } }, { token: analyst })).data.assignElderNeed.code,
    ).toBe('FORBIDDEN');
    const n = await t.db.prisma.elderNeed.findFirstOrThrow({ where: { description: { startsWith: '厨房灯' } } });
    expect(n).toMatchObject({ status: 'OPEN', version: 0, assigneeName: null });
  });

  it("assigned to an in-service party member, done by them, rated by the elder's worker, once", async () => {
    const ma = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'member-ma' } });
    const assigneeAccountId = Buffer.from(`Account:${ma.id}`).toString('base64');
    const a = ok(await t.gql(ASSIGN, { i: { needId, assigneeAccountId } }, { token: worker }), 'assignElderNeed');
    expect(a.need).toMatchObject({
      status: 'ASSIGNED',
      assigneeName: '马楠',
      assigneeOrganization: { name: '昌吉州人民医院' },
    });
    const member = await t.login('member-ma');
    const mine = await t.gql(
      `{ elderNeeds(filter: { assignedToMe: true }) { totalCount edges { node { description } } } }`,
      {},
      { token: member },
    );
    expect(mine.data.elderNeeds.edges[0].node.description).toBe('厨房灯坏了，需上门更换');
    const done = ok(
      await t.gql(COMPLETE, { i: { needId, result: '已上门更换 LED 灯' } }, { token: member }),
      'completeElderNeed',
    );
    expect(done.need).toMatchObject({ status: 'DONE', result: '已上门更换 LED 灯' });
    const fb = ok(
      await t.gql(FEEDBACK, { i: { needId, satisfaction: 5, comment: '很及时' } }, { token: worker }),
      'recordElderNeedFeedback',
    );
    expect(fb.need.feedback).toEqual({ satisfaction: 5, comment: '很及时' });
    expect(
      (await t.gql(FEEDBACK, { i: { needId, satisfaction: 1 } }, { token: worker })).data.recordElderNeedFeedback.code,
    ).toBe('CONFLICT');
    expect((await t.gql(CANCEL, { i: { needId, reason: '重复' } }, { token: worker })).data.cancelElderNeed.code).toBe(
      'INVALID_TRANSITION',
    );
    expect(
      (await t.gql(FEEDBACK, { i: { needId, satisfaction: 9 } }, { token: worker })).data.recordElderNeedFeedback.code,
    ).toBe('VALIDATION');
  });

  it('lists needs in an area; descriptions only for the entitled (the analyst sees kind and status)', async () => {
    const q = `query($f: ElderNeedFilter) { elderNeeds(filter: $f, first: 5) { totalCount edges { node { kind status
      description } } } }`;
    const w = await t.gql(q, { f: { regionId: yl } }, { token: worker });
    expect(w.data.elderNeeds.edges[0].node).toEqual({
      kind: 'HOME_HELP',
      status: 'DONE',
      description: '厨房灯坏了，需上门更换',
    });
    const a = await t.gql(q, { f: { regionId: yl } }, { token: analyst });
    expect(a.data.elderNeeds.edges[0].node).toEqual({ kind: 'HOME_HELP', status: 'DONE', description: null });
    const mulei = await t.gql(q, { f: { regionId: await regionId(t, '652328'), status: 'OPEN' } }, { token: analyst });
    expect(mulei.data.elderNeeds.totalCount).toBe(20);
    expect((await t.gql(q, {}, { token: await t.login('resident-he') })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('visits 探访关爱', () => {
  it('overdueVisits lists covered elders whose visit is due: the high-risk ones visited over a week ago', async () => {
    const r = await t.gql(OVERDUE, { r: yl }, { token: worker });
    expect(r.data.overdueVisits.edges.map((e: any) => e.node.person.name)).toEqual(['马秀英', '刘桂兰']);
    expect(r.data.overdueVisits.edges.every((e: any) => e.node.visitTier === 'HIGH_RISK')).toBe(true);
  });

  it("a visit sets the next due date from the township's interval for the tier", async () => {
    const zhou = await t.login('zhou-admin');
    const set = await t.gql(
      `mutation($i: SetModuleSettingInput!) { setModuleSetting(input: $i) { __typename ... on Error { code message } }
        }`,
      {
        i: {
          regionId: await regionId(t, '652301006'),
          moduleId: 'elder-care',
          key: 'visitIntervalHighRiskDays',
          value: 5,
        },
      },
      { token: zhou },
    );
    expect(set.data.setModuleSetting.__typename).toBe('SetModuleSettingPayload');
    const liu = await personId(t, worker, '刘桂兰');
    const at = new Date(now().getTime() - 3_600_000).toISOString();
    const r = ok(
      await t.gql(
        VISIT,
        {
          i: {
            personId: liu,
            visitedAt: at,
            riskLevel: 'MEDIUM',
            mode: 'PHONE',
            findings: { health: '血压偏高', mentalState: '情绪稳定', safety: { gas: true, heating: false } },
          },
        },
        { token: worker },
      ),
      'recordCareVisit',
    );
    expect(r.visit).toMatchObject({
      riskLevel: 'MEDIUM',
      mode: 'PHONE',
      visitorName: 'yuanlin-worker',
      findings: { health: '血压偏高', safety: { gas: true, heating: false }, abilityChanged: false },
      openedNeed: null,
    });
    expect(r.visit.recipient.visitTier).toBe('HIGH_RISK');
    expect(new Date(r.visit.recipient.nextVisitDueAt).getTime() - new Date(at).getTime()).toBe(5 * 86_400_000);
    const o = await t.gql(OVERDUE, { r: yl }, { token: worker });
    expect(o.data.overdueVisits.edges.map((e: any) => e.node.person.name)).toEqual(['马秀英']);
  });

  it(
    'an urgent finding opens a need in the same step and makes the elder ' +
      'high-risk; changed ability makes reassessment due',
    async () => {
      const wang = await personId(t, worker, '王孝梅');
      const r = ok(
        await t.gql(
          VISIT,
          {
            i: {
              personId: wang,
              visitedAt: now().toISOString(),
              riskLevel: 'URGENT',
              findings: { health: '跌倒后腿部疼痛，行走困难', abilityChanged: true, safety: { gas: false } },
              urgentNeed: { kind: 'MEDICAL', description: '需陪同就医，联系家庭医生' },
            },
          },
          { token: worker },
        ),
        'recordCareVisit',
      );
      expect(r.visit.openedNeed).toEqual({
        status: 'OPEN',
        kind: 'MEDICAL',
        channel: 'VISIT',
        description: '需陪同就医，联系家庭医生',
        fromVisit: true,
      });
      expect(r.visit.recipient).toMatchObject({ visitTier: 'HIGH_RISK', reassessmentDue: true });
      // URGENT without details still opens one
      const ma = await personId(t, worker, '马秀英');
      const r2 = ok(
        await t.gql(
          VISIT,
          { i: { personId: ma, visitedAt: now().toISOString(), riskLevel: 'URGENT', findings: { health: '发烧' } } },
          { token: worker },
        ),
        'recordCareVisit',
      );
      expect(r2.visit.openedNeed).toMatchObject({ kind: 'OTHER', status: 'OPEN' });
      expect((await t.gql(OVERDUE, { r: yl }, { token: worker })).data.overdueVisits.totalCount).toBe(0);
    },
  );

  it(
    'findings are health data: null for the analyst, audited for ' + 'the worker; refused writes change nothing',
    async () => {
      const q = `query($r: ID) { careVisits(regionId: $r, first: 10) { totalCount edges { node { riskLevel findings {
      health } } } } }`;
      const a = await t.gql(q, { r: yl }, { token: analyst });
      expect(a.data.careVisits.edges.every((e: any) => e.node.findings === null)).toBe(true);
      const before = await t.db.prisma.auditLog.count({ where: { action: 'elderCare.sensitiveRead' } });
      const w = await t.gql(q, { r: yl }, { token: worker });
      expect(w.data.careVisits.edges.filter((e: any) => e.node.findings).length).toBe(w.data.careVisits.edges.length);
      expect((await t.db.prisma.auditLog.count({ where: { action: 'elderCare.sensitiveRead' } })) - before).toBe(
        w.data.careVisits.edges.length,
      );
      const visits = await t.db.prisma.careVisit.count();
      const wang = await personId(t, worker, '王孝梅');
      expect(
        (
          await t.gql(
            VISIT,
            { i: { personId: wang, visitedAt: now().toISOString(), riskLevel: 'LOW', findings: {} } },
            { token: analyst },
          )
        ).data.recordCareVisit.code,
      ).toBe('FORBIDDEN');
      const future = await t.gql(
        VISIT,
        { i: { personId: wang, visitedAt: '2030-01-01T00:00:00Z', riskLevel: 'LOW', findings: {} } },
        { token: worker },
      );
      expect(future.data.recordCareVisit.issues[0].path).toBe('input.visitedAt');
      const su = await personId(t, worker, '苏文华');
      expect(
        (
          await t.gql(
            VISIT,
            { i: { personId: su, visitedAt: now().toISOString(), riskLevel: 'LOW', findings: {} } },
            { token: worker },
          )
        ).data.recordCareVisit.code,
      ).toBe('PRECONDITION_FAILED');
      expect(await t.db.prisma.careVisit.count()).toBe(visits);
    },
  );

  it('the monthly visit rate: visited covered elders ÷ covered elders, per period', async () => {
    const q = `query($id: ID!, $from: DateTime, $to: DateTime) { region(id: $id) { stats { elderCare(from: $from, to:
      $to) { coveredElders visitedElders monthlyVisitRate visitsDue visitsDone } } } }`;
    const month = await t.gql(q, { id: yl }, { token: analyst });
    expect(month.data.region.stats.elderCare).toMatchObject({
      coveredElders: 4,
      visitedElders: 4,
      monthlyVisitRate: 1,
      visitsDue: 0,
    });
    const october = await t.gql(
      q,
      { id: yl, from: '2026-09-30T16:00:00Z', to: '2026-10-31T16:00:00Z' },
      { token: analyst },
    );
    expect(october.data.region.stats.elderCare).toMatchObject({ visitedElders: 0, monthlyVisitRate: 0, visitsDone: 0 });
    // after a quiet month everyone is due again
    (t.clock as ManualClock).advance(40 * 86_400_000);
    const later = await t.gql(q, { id: yl }, { token: await t.login('analyst') });
    expect(later.data.region.stats.elderCare).toMatchObject({
      coveredElders: 4,
      visitedElders: 0,
      monthlyVisitRate: 0,
      visitsDue: 4,
    });
  });
});
