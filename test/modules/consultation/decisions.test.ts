// 四议两公开: strictly in order, quorum and majority at their boundaries, rejection and revision, the
// publication period and objections while posted, and two secretaries recording the same step at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, ManualClock, type TestApp } from '../../helpers.js';
import { CODES, mutate, ok, partyOrgOf, regionId, startApp } from './support.js';

let t: TestApp;
let worker: string;
let org: string;
const clock = new ManualClock();
const DAY = 86_400_000;
const D =
  'decision { id status questionsAnswered revisions objectionCount steps { status meetingKind present votesFor } }';

beforeAll(async () => {
  t = await startApp(clock);
  worker = await t.login('weijiachang-worker');
  org = await partyOrgOf(t, worker, CODES.weijiachang);
});
afterAll(() => t.close());

async function propose(title = '村集体土地流转方案', drill = false) {
  const r = await ok(
    t,
    worker,
    'proposeVillageDecision',
    {
      communityId: await regionId(t, CODES.weijiachang),
      partyOrganizationId: org,
      title,
      content: '拟将村集体机动地300亩对外流转，期限五年。',
      drill,
    },
    `... on VillageDecisionPayload { ${D} }`,
  );
  expect(r.decision.status).toBe('PROPOSED');
  return r.decision.id as string;
}

const meeting = (decisionId: string, step: string, members: number, present: number, votesFor: number, extra = {}) => ({
  decisionId,
  step,
  heldOn: '2026-11-25',
  members,
  present,
  votesFor,
  ...extra,
});
const step = (token: string, input: object) =>
  mutate(t, token, 'recordDecisionStep', input, `... on VillageDecisionPayload { ${D} }`);

/** carries a decision through the three meetings */
async function resolved(id: string) {
  for (const s of [
    meeting(id, 'DISCUSSED', 9, 7, 6),
    meeting(id, 'REVIEWED', 30, 20, 15),
    meeting(id, 'RESOLVED', 30, 20, 11, { meetingKind: 'REPRESENTATIVES_MEETING' }),
  ])
    expect((await step(worker, s)).__typename).toBe('VillageDecisionPayload');
}

describe(`四议两公开 (${engine()})`, () => {
  it('goes through all six steps in order, posting the resolution and the result on the notice board', async () => {
    const id = await propose();
    await resolved(id);
    const pub = await step(worker, {
      decisionId: id,
      step: 'RESOLUTION_PUBLISHED',
      heldOn: '2026-11-25',
      noticeBody: '经村民代表会议表决通过',
    });
    expect(pub.decision.status).toBe('RESOLUTION_PUBLISHED');
    // the result only after the resolution was up for the whole period (default 7 days)
    clock.advance(6 * DAY);
    worker = await t.login('weijiachang-worker'); // tokens do not outlive days of manual clock
    const early = await step(worker, {
      decisionId: id,
      step: 'RESULT_PUBLISHED',
      heldOn: '2026-12-01',
      noticeBody: '已实施',
    });
    expect(early).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { reason: 'PUBLICATION_PERIOD', publicationDays: 7 },
    });
    // an objection while posted
    const board = await t.gql(
      `query($r: ID!) { noticeBoard(regionId: $r, first: 5, current: true) { edges { node { id kind title } } } }`,
      { r: await regionId(t, CODES.weijiachang) },
    );
    const notice = board.data.noticeBoard.edges.find((e: any) => e.node.kind === 'RESOLUTION').node;
    const resident = await t.login('weijiachang-grid');
    const objection = await mutate(
      t,
      resident,
      'fileNoticeObjection',
      { noticeId: notice.id, content: '流转价格偏低，建议重新评估' },
      '... on FileNoticeObjectionPayload { objection { id filedAt } }',
    );
    expect(objection.__typename).toBe('FileNoticeObjectionPayload');
    clock.advance(DAY);
    worker = await t.login('weijiachang-worker');
    const done = await step(worker, {
      decisionId: id,
      step: 'RESULT_PUBLISHED',
      heldOn: '2026-12-02',
      noticeBody: '已实施',
    });
    expect(done.decision).toMatchObject({ status: 'RESULT_PUBLISHED', objectionCount: 1 });
    expect(done.decision.steps.map((s: any) => s.status)).toEqual([
      'DISCUSSED',
      'REVIEWED',
      'RESOLVED',
      'RESOLUTION_PUBLISHED',
      'RESULT_PUBLISHED',
    ]);
    // the posting period is over: no more objections
    clock.advance(8 * DAY);
    worker = await t.login('weijiachang-worker');
    const late = await mutate(t, await t.login('weijiachang-grid'), 'fileNoticeObjection', {
      noticeId: notice.id,
      content: '补充意见',
    });
    expect(late.code).toBe('INVALID_TRANSITION');
  });

  it('a step out of order is INVALID_TRANSITION with the expected step, and the matter stays', async () => {
    const id = await propose('村道路灯改造');
    const r = await step(worker, meeting(id, 'REVIEWED', 30, 20, 15));
    expect(r).toMatchObject({ code: 'INVALID_TRANSITION', details: { expected: 'DISCUSSED', got: 'REVIEWED' } });
    const pub = await step(worker, {
      decisionId: id,
      step: 'RESOLUTION_PUBLISHED',
      heldOn: '2026-11-25',
      noticeBody: '提前公示',
    });
    expect(pub.code).toBe('INVALID_TRANSITION');
    const again = await step(worker, meeting(id, 'DISCUSSED', 9, 9, 9));
    expect(again.decision.steps).toHaveLength(1);
  });

  it('村民代表会议: exactly 2/3 present passes, one fewer fails (PRECONDITION_FAILED, the matter stays)', async () => {
    const a = await propose('饮水管网改造');
    await step(worker, meeting(a, 'DISCUSSED', 9, 9, 9));
    await step(worker, meeting(a, 'REVIEWED', 30, 16, 9));
    const short = await step(worker, meeting(a, 'RESOLVED', 30, 19, 19, { meetingKind: 'REPRESENTATIVES_MEETING' }));
    expect(short).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { reason: 'QUORUM', present: 19, members: 30 },
    });
    const exact = await step(worker, meeting(a, 'RESOLVED', 30, 20, 11, { meetingKind: 'REPRESENTATIVES_MEETING' }));
    expect(exact.decision.status).toBe('RESOLVED');
    expect(exact.decision.steps).toHaveLength(3);
  });

  it('majority of those present: a tie fails, one more passes; 党员大会 needs more than half present', async () => {
    const a = await propose('秸秆综合利用');
    const tie = await step(worker, meeting(a, 'DISCUSSED', 10, 10, 5));
    expect(tie).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { reason: 'MAJORITY', present: 10, votesFor: 5 },
    });
    expect((await step(worker, meeting(a, 'DISCUSSED', 10, 10, 6))).decision.status).toBe('DISCUSSED');
    const half = await step(worker, meeting(a, 'REVIEWED', 30, 15, 15));
    expect(half).toMatchObject({ code: 'PRECONDITION_FAILED', details: { reason: 'QUORUM' } });
    expect((await step(worker, meeting(a, 'REVIEWED', 30, 16, 9))).decision.status).toBe('REVIEWED');
  });

  it('村民会议: more than half of the adults, or the representatives of 2/3 of the households', async () => {
    const a = await propose('村规民约修订');
    await step(worker, meeting(a, 'DISCUSSED', 9, 9, 9));
    await step(worker, meeting(a, 'REVIEWED', 30, 30, 30));
    const v = { meetingKind: 'VILLAGERS_MEETING', households: 300, householdsRepresented: 199 };
    const low = await step(worker, meeting(a, 'RESOLVED', 1000, 500, 400, v));
    expect(low).toMatchObject({ code: 'PRECONDITION_FAILED', details: { reason: 'QUORUM' } });
    const byHouseholds = await step(
      worker,
      meeting(a, 'RESOLVED', 1000, 500, 400, { ...v, householdsRepresented: 200 }),
    );
    expect(byHouseholds.decision.status).toBe('RESOLVED');
  });

  it('the quorum is a setting: a township may demand 3/4 of the representatives', async () => {
    const admin = await t.login('beiwucha-admin');
    const rules = {
      present: {
        TWO_COMMITTEES: { fraction: '1/2', strict: true },
        PARTY_MEMBERS_MEETING: { fraction: '1/2', strict: true },
        REPRESENTATIVES_MEETING: { fraction: '3/4', strict: false },
        VILLAGERS_MEETING: { fraction: '1/2', strict: true },
      },
      villagersHouseholds: { fraction: '2/3', strict: false },
      majority: { fraction: '1/2', strict: true },
    };
    const bad = await t.gql(
      `mutation($i: SetModuleSettingInput!) { setModuleSetting(input: $i) { __typename ... on Error { code } } }`,
      {
        i: {
          regionId: await regionId(t, CODES.beiwucha),
          moduleId: 'consultation',
          key: 'quorumRules',
          value: { present: {} },
        },
      },
      { token: admin },
    );
    expect(bad.data.setModuleSetting.code).toBe('VALIDATION');
    const good = await t.gql(
      `mutation($i: SetModuleSettingInput!) { setModuleSetting(input: $i) { __typename } }`,
      {
        i: { regionId: await regionId(t, CODES.beiwucha), moduleId: 'consultation', key: 'quorumRules', value: rules },
      },
      { token: admin },
    );
    expect(good.data.setModuleSetting.__typename).toBe('SetModuleSettingPayload');
    const a = await propose('农机停放场建设');
    await step(worker, meeting(a, 'DISCUSSED', 9, 9, 9));
    await step(worker, meeting(a, 'REVIEWED', 30, 30, 30));
    const r = await step(worker, meeting(a, 'RESOLVED', 40, 29, 29, { meetingKind: 'REPRESENTATIVES_MEETING' }));
    expect(r).toMatchObject({ code: 'PRECONDITION_FAILED', details: { reason: 'QUORUM' } });
    expect(
      (await step(worker, meeting(a, 'RESOLVED', 40, 30, 16, { meetingKind: 'REPRESENTATIVES_MEETING' }))).decision
        .status,
    ).toBe('RESOLVED');
  });

  it('a rejected matter goes back to PROPOSED once revised, and starts again', async () => {
    const a = await propose('村部办公楼扩建');
    await step(worker, meeting(a, 'DISCUSSED', 9, 9, 9));
    const rejected = await ok(
      t,
      worker,
      'rejectVillageDecision',
      { decisionId: a, heldOn: '2026-11-25', reason: '党员大会认为投资过大' },
      `... on VillageDecisionPayload { ${D} }`,
    );
    expect(rejected.decision.status).toBe('REJECTED');
    expect((await step(worker, meeting(a, 'REVIEWED', 30, 20, 15))).code).toBe('INVALID_TRANSITION');
    const again = await mutate(t, worker, 'rejectVillageDecision', {
      decisionId: a,
      heldOn: '2026-11-25',
      reason: '再次',
    });
    expect(again.code).toBe('INVALID_TRANSITION');
    const revised = await ok(
      t,
      worker,
      'reviseVillageDecision',
      { decisionId: a, content: '缩减规模，分两期建设' },
      `... on VillageDecisionPayload { ${D} }`,
    );
    expect(revised.decision).toMatchObject({ status: 'PROPOSED', revisions: 1 });
    expect((await step(worker, meeting(a, 'DISCUSSED', 9, 9, 9))).decision.status).toBe('DISCUSSED');
  });

  it('the proposer must be a party organisation of the village; other villages’ workers may not write', async () => {
    const admin = await t.login('admin');
    const damiaoOrg = await partyOrgOf(t, admin, CODES.damiao);
    const wrong = await mutate(t, worker, 'proposeVillageDecision', {
      communityId: await regionId(t, CODES.weijiachang),
      partyOrganizationId: damiaoOrg,
      title: '测试事项',
      content: '测试内容',
    });
    expect(wrong.code).toBe('VALIDATION');
    const outsider = await mutate(t, await t.login('jingcaicheng-worker'), 'proposeVillageDecision', {
      communityId: await regionId(t, CODES.weijiachang),
      partyOrganizationId: org,
      title: '测试事项',
      content: '测试内容',
    });
    expect(outsider.code).toBe('FORBIDDEN');
  });

  it('drills count their questions answered on site', async () => {
    const a = await propose('演练: 村集体收益分配', true);
    const r = await step(worker, meeting(a, 'DISCUSSED', 9, 9, 9, { questionsAnswered: 4 }));
    expect(r.decision.questionsAnswered).toBe(4);
  });

  it('two secretaries recording the same step at once: one wins, the other gets CONFLICT', async () => {
    const a = await propose('村级光伏项目');
    const other = await t.login('weijiachang-grid');
    const results = await Promise.all([worker, other].map((token) => step(token, meeting(a, 'DISCUSSED', 9, 8, 7))));
    const names = results.map((r) => r.__typename ?? r.code).sort();
    expect(results.filter((r) => r.__typename === 'VillageDecisionPayload')).toHaveLength(1);
    expect(results.filter((r) => r.code === 'CONFLICT')).toHaveLength(1);
    expect(names).toHaveLength(2);
    const winner = results.find((r) => r.decision)!;
    expect(winner.decision.steps).toHaveLength(1);
  });
});
