// 回访 by the resident (rateIncidentHandling) and 退单 by a department (returnIncidentEscalation).
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, regionId, type TestApp } from '../../helpers.js';
import { HOUR, mutate, orgId, REPORT_SEL, residentLogin, voiceApp, WEIJIACHANG } from './kit.js';

let t: TestApp;
const clock = new ManualClock();
let emergency: string;
const USERS: Record<string, string> = {
  worker: 'weijiachang-worker',
  admin: 'beiwucha-admin',
  emergency: 'manas-emergency',
};
const FIELDS = 'id status satisfaction satisfactionSource reopenCount reworkCount resolveDueAt closedOnTime';
const act = async (who: string, name: string, input: Record<string, unknown>) =>
  mutate(
    t,
    USERS[who] ? await t.login(USERS[who]!) : who,
    name,
    input,
    `... on ${name[0]!.toUpperCase()}${name.slice(1)}Payload { incident { ${FIELDS} } } ... on DomainError { details }`,
  );
const resident = () => residentLogin(t, 'weijiachang-wei', '魏长山', WEIJIACHANG);

/** a resident's report taken to RESOLVED by 玛纳斯县应急管理局 */
async function resolvedReport(token: string) {
  const r = await mutate(
    t,
    token,
    'reportProblem',
    { communityId: await regionId(t, WEIJIACHANG), category: 'ENVIRONMENT', description: '水渠垃圾堵塞需要清理' },
    REPORT_SEL,
  );
  const id = r.incident.id as string;
  await act('worker', 'acceptIncident', { incidentId: id });
  await act('admin', 'escalateIncident', { incidentId: id, departmentIds: [emergency] });
  await act('emergency', 'reportInIncident', { incidentId: id });
  await act('emergency', 'resolveIncident', { incidentId: id, note: '已清理' });
  return id;
}

beforeAll(async () => {
  t = await voiceApp({ clock });
  emergency = await orgId(t, '玛纳斯县应急管理局');
});
afterAll(() => t.close());

describe('rateIncidentHandling', () => {
  it('the reporter rates once per resolution; the worker may not type it in for them', async () => {
    const { token } = await resident();
    const id = await resolvedReport(token);
    const early = await act(token, 'rateIncidentHandling', { incidentId: id, satisfaction: 'SATISFIED' });
    expect(early.incident).toMatchObject({ satisfaction: 'SATISFIED', satisfactionSource: 'RESIDENT' });
    const twice = await Promise.all(
      [1, 2].map(() => act(token, 'rateIncidentHandling', { incidentId: id, satisfaction: 'DISSATISFIED' })),
    );
    expect(twice.map((r) => r.code)).toEqual(['CONFLICT', 'CONFLICT']);
    const typed = await act('worker', 'closeIncident', { incidentId: id, satisfaction: 'DISSATISFIED' });
    expect(typed.code).toBe('VALIDATION');
    const closed = await act('worker', 'closeIncident', { incidentId: id });
    expect(closed.incident).toMatchObject({
      status: 'CLOSED',
      satisfaction: 'SATISFIED',
      satisfactionSource: 'RESIDENT',
    });
    const other = await residentLogin(t, 'weijiachang-lin', '林秀兰', WEIJIACHANG);
    expect((await act(other.token, 'rateIncidentHandling', { incidentId: id, satisfaction: 'SATISFIED' })).code).toBe(
      'FORBIDDEN',
    );
  });

  it('a dissatisfied resident reopens within the window: rework with the reason, the deadline kept', async () => {
    const { token } = await resident();
    const id = await resolvedReport(token);
    const before = await t.db.prisma.incident.findUniqueOrThrow({ where: { id: decodeGlobalID(id).id } });
    const noReason = await act(token, 'rateIncidentHandling', {
      incidentId: id,
      satisfaction: 'DISSATISFIED',
      reopen: true,
    });
    expect(noReason.code).toBe('VALIDATION');
    const happy = await act(token, 'rateIncidentHandling', {
      incidentId: id,
      satisfaction: 'SATISFIED',
      reopen: true,
      reason: '其实很好',
    });
    expect(happy.code).toBe('VALIDATION');
    const r = await act(token, 'rateIncidentHandling', {
      incidentId: id,
      satisfaction: 'DISSATISFIED',
      reopen: true,
      reason: '垃圾又堆起来了',
    });
    expect(r.incident).toMatchObject({ status: 'IN_PROGRESS', reopenCount: 1, reworkCount: 1 });
    expect(new Date(r.incident.resolveDueAt).getTime()).toBe(before.resolveDueAt!.getTime());
    const tl = await t.gql(
      `query($id: ID!) { incident(id: $id) { timeline { to note } ratings { round reopened } } }`,
      {
        id,
      },
      { token },
    );
    expect(tl.data.incident.timeline.at(-1)).toMatchObject({
      to: 'IN_PROGRESS',
      note: expect.stringContaining('垃圾又堆起来了'),
    });
    expect(tl.data.incident.ratings).toEqual([{ round: 0, reopened: true }]);
    // the next resolution may be rated again
    await act('emergency', 'resolveIncident', { incidentId: id, note: '再次清理并加装拦污网' });
    const again = await act(token, 'rateIncidentHandling', { incidentId: id, satisfaction: 'BASICALLY_SATISFIED' });
    expect(again.incident.satisfaction).toBe('BASICALLY_SATISFIED');
  });

  it('reopens a closed case only within reopenWithinDays (7 by default)', async () => {
    const { token } = await resident();
    const id = await resolvedReport(token);
    await act('worker', 'closeIncident', { incidentId: id });
    clock.advance(8 * 24 * HOUR);
    const fresh = (await resident()).token; // the clock moved past the token's lifetime
    const late = await act(fresh, 'rateIncidentHandling', {
      incidentId: id,
      satisfaction: 'DISSATISFIED',
      reopen: true,
      reason: '太晚了',
    });
    expect(late).toMatchObject({ code: 'PRECONDITION_FAILED', details: { missing: ['REOPEN_WINDOW'] } });
    const id2 = await resolvedReport(fresh);
    await act('worker', 'closeIncident', { incidentId: id2 });
    const reopened = await act(fresh, 'rateIncidentHandling', {
      incidentId: id2,
      satisfaction: 'DISSATISFIED',
      reopen: true,
      reason: '问题没有解决',
    });
    expect(reopened.incident).toMatchObject({ status: 'IN_PROGRESS', closedOnTime: null, reopenCount: 1 });
  });

  it('refuses a rating before the resolution (INVALID_TRANSITION)', async () => {
    const { token } = await resident();
    const r = await mutate(
      t,
      token,
      'reportProblem',
      { communityId: await regionId(t, WEIJIACHANG), category: 'OTHER', description: '尚未处理的问题' },
      REPORT_SEL,
    );
    const early = await act(token, 'rateIncidentHandling', { incidentId: r.incident.id, satisfaction: 'SATISFIED' });
    expect(early.code).toBe('INVALID_TRANSITION');
  });

  it('a worker’s satisfaction on a grid report is recorded as WORKER', async () => {
    const grid = await t.login('weijiachang-grid');
    const grids = await t.gql(
      `query($r: ID!) { grids(filter: { regionId: $r }) { edges { node { id } } } }`,
      {
        r: await regionId(t, WEIJIACHANG),
      },
      { token: grid },
    );
    const rep = await mutate(
      t,
      grid,
      'reportIncident',
      {
        gridId: grids.data.grids.edges[0].node.id,
        category: 'DISPUTE',
        title: '邻里纠纷',
      },
      '... on ReportIncidentPayload { incident { id } }',
    );
    await act('worker', 'acceptIncident', { incidentId: rep.incident.id });
    const c = await act('worker', 'closeIncident', { incidentId: rep.incident.id, satisfaction: 'SATISFIED' });
    expect(c.incident).toMatchObject({ satisfaction: 'SATISFIED', satisfactionSource: 'WORKER' });
  });
});

describe('returnIncidentEscalation 退单', () => {
  it('a department returns once with a reason; all returned → ACCEPTED; escalated again it cannot return', async () => {
    const { token } = await resident();
    const r = await mutate(
      t,
      token,
      'reportProblem',
      { communityId: await regionId(t, WEIJIACHANG), category: 'PUBLIC_ORDER', description: '夜市占道经营' },
      REPORT_SEL,
    );
    const id = r.incident.id;
    await act('worker', 'acceptIncident', { incidentId: id });
    expect((await act('emergency', 'returnIncidentEscalation', { incidentId: id, reason: '非本部门' })).code).toBe(
      'FORBIDDEN',
    ); // not escalated to it yet
    await act('admin', 'escalateIncident', { incidentId: id, departmentIds: [emergency] });
    expect((await act('emergency', 'returnIncidentEscalation', { incidentId: id, reason: '' })).code).toBe(
      'VALIDATION',
    );
    const back = await act('emergency', 'returnIncidentEscalation', { incidentId: id, reason: '属市场监管职责' });
    expect(back.incident.status).toBe('ACCEPTED');
    const row = await t.db.prisma.incidentDepartment.findFirstOrThrow({ where: { incidentId: decodeGlobalID(id).id } });
    expect(row).toMatchObject({ role: 'RETURNED', returnReason: '属市场监管职责' });
    await act('admin', 'escalateIncident', { incidentId: id, departmentIds: [emergency] });
    const twice = await act('emergency', 'returnIncidentEscalation', { incidentId: id, reason: '再退一次' });
    expect(twice.code).toBe('INVALID_TRANSITION');
    const lead = await act('emergency', 'reportInIncident', { incidentId: id });
    expect(lead.incident.status).toBe('IN_PROGRESS');
    expect((await act('emergency', 'returnIncidentEscalation', { incidentId: id, reason: '已报到' })).code).toBe(
      'INVALID_TRANSITION',
    );
  });
});
