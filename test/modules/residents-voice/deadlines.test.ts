// 时限不重启: the resolution deadline runs from acceptance (or escalation, by setting); reporting in and
// rework keep it; a reworked case resolved past it is closed late; an urgent safety hazard needs the township.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, regionId, type TestApp } from '../../helpers.js';
import { BEIWUCHA, gridsOf, HOUR, mutate, orgId, setSetting, voiceApp, WEIJIACHANG } from './kit.js';

let t: TestApp;
const clock = new ManualClock();
let wjc: Record<string, string>;
let emergency: string;
const FIELDS = 'id status deadline resolveDueAt overdue closedOnTime reworkCount';
const USERS: Record<string, string> = {
  grid: 'weijiachang-grid',
  worker: 'weijiachang-worker',
  admin: 'beiwucha-admin',
  emergency: 'manas-emergency',
  analyst: 'analyst',
};
// logs in for every call: the manual clock moves past a token's lifetime
const login = (who: string) => t.login(USERS[who]!);
const act = async (who: string, name: string, input: Record<string, unknown>) =>
  mutate(
    t,
    await login(who),
    name,
    input,
    `... on ${name[0]!.toUpperCase()}${name.slice(1)}Payload { incident { ${FIELDS} } }`,
  );
const ms = (iso: string) => new Date(iso).getTime();

async function escalatedAndIn(category = 'ENVIRONMENT', priority = 'NORMAL') {
  const r = await act('grid', 'reportIncident', { gridId: wjc.G01, category, priority, title: '沟渠堵塞' });
  const id = r.incident.id as string;
  await act('worker', 'acceptIncident', { incidentId: id });
  clock.advance(HOUR);
  await act('admin', 'escalateIncident', { incidentId: id, departmentIds: [emergency] });
  clock.advance(HOUR);
  return (await act('emergency', 'reportInIncident', { incidentId: id })).incident;
}

beforeAll(async () => {
  t = await voiceApp({ clock });
  wjc = await gridsOf(t, await login('admin'), WEIJIACHANG);
  emergency = await orgId(t, '玛纳斯县应急管理局');
});
afterAll(() => t.close());

describe('deadlines that do not restart', () => {
  it('keeps the deadline from acceptance through report-in and rework, and closes a late rework as late', async () => {
    clock.advance(2000 * HOUR); // a fresh period for the figures below
    const from = clock.now();
    const accepted = clock.now().getTime();
    const i = await escalatedAndIn();
    expect(ms(i.resolveDueAt)).toBe(accepted + 168 * HOUR); // 7 days from acceptance, not from reporting in
    expect(ms(i.deadline)).toBe(accepted + 168 * HOUR);
    clock.advance(10 * HOUR);
    await act('emergency', 'resolveIncident', { incidentId: i.id, note: '已疏通' });
    clock.advance(160 * HOUR); // past the original deadline
    const rw = await act('worker', 'reworkIncident', { incidentId: i.id, note: '仍堵塞' });
    expect(rw.incident).toMatchObject({ status: 'IN_PROGRESS', reworkCount: 1, overdue: true });
    expect(ms(rw.incident.resolveDueAt)).toBe(accepted + 168 * HOUR);
    await act('emergency', 'resolveIncident', { incidentId: i.id, note: '更换涵管' });
    const c = await act('worker', 'closeIncident', { incidentId: i.id, satisfaction: 'SATISFIED' });
    expect(c.incident).toMatchObject({ status: 'CLOSED', closedOnTime: false });
    const row = await t.db.prisma.incident.findUniqueOrThrow({ where: { id: decodeGlobalID(i.id).id } });
    expect(row.resolveDueAt!.getTime()).toBe(accepted + 168 * HOUR);

    const s = await t.gql(
      `query($r: ID!, $from: DateTime) { region(id: $r) { stats(from: $from) { grid { onTimeClosureRate } } } }`,
      { r: await regionId(t, BEIWUCHA), from: from.toISOString() },
      { token: await login('analyst') },
    );
    expect(s.data.region.stats.grid.onTimeClosureRate).toBe(0); // the one closure was late
  });

  it('a rework within the original deadline is still on time', async () => {
    const i = await escalatedAndIn();
    await act('emergency', 'resolveIncident', { incidentId: i.id, note: '已处理' });
    await act('worker', 'reworkIncident', { incidentId: i.id, note: '不彻底' });
    clock.advance(5 * HOUR);
    await act('emergency', 'resolveIncident', { incidentId: i.id, note: '复查处理' });
    const c = await act('worker', 'closeIncident', { incidentId: i.id });
    expect(c.incident).toMatchObject({ closedOnTime: true, overdue: false });
  });

  it('runs from escalation where the township sets resolveDeadlineFrom = ESCALATION', async () => {
    await setSetting(t, await login('admin'), BEIWUCHA, 'grid', 'resolveDeadlineFrom', 'ESCALATION');
    const r = await act('grid', 'reportIncident', { gridId: wjc.G01, category: 'ENVIRONMENT', title: '秸秆堆放' });
    await act('worker', 'acceptIncident', { incidentId: r.incident.id });
    clock.advance(3 * HOUR);
    const escalatedAt = clock.now().getTime();
    const e = await act('admin', 'escalateIncident', { incidentId: r.incident.id, departmentIds: [emergency] });
    expect(ms(e.incident.resolveDueAt)).toBe(escalatedAt + 168 * HOUR);
    clock.advance(HOUR);
    const lead = await act('emergency', 'reportInIncident', { incidentId: r.incident.id });
    expect(ms(lead.incident.resolveDueAt)).toBe(escalatedAt + 168 * HOUR);
    const bad = await t.gql(
      `mutation($input: SetModuleSettingInput!) { setModuleSetting(input: $input) { __typename
        ... on Error { code } } }`,
      { input: { regionId: await regionId(t, BEIWUCHA), moduleId: 'grid', key: 'resolveDeadlineFrom', value: 'X' } },
      { token: await login('admin') },
    );
    expect(bad.data.setModuleSetting.code).toBe('VALIDATION');
    await setSetting(t, await login('admin'), BEIWUCHA, 'grid', 'resolveDeadlineFrom', null);
  });
});

describe('urgent safety hazards need township verification', () => {
  it('refuses the village closing it (PRECONDITION_FAILED, nothing changes); the township closes it', async () => {
    const i = await escalatedAndIn('SAFETY_HAZARD', 'URGENT');
    await act('emergency', 'resolveIncident', { incidentId: i.id, note: '已移除气瓶' });
    const refused = await mutate(
      t,
      await login('worker'),
      'closeIncident',
      { incidentId: i.id },
      '... on DomainError { details }',
    );
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', details: { missing: ['TOWNSHIP_VERIFICATION'] } });
    const row = await t.db.prisma.incident.findUniqueOrThrow({ where: { id: decodeGlobalID(i.id).id } });
    expect(row.status).toBe('RESOLVED');
    const c = await act('admin', 'closeIncident', { incidentId: i.id, note: '镇安办现场核查' });
    expect(c.incident.status).toBe('CLOSED');
  });

  it('a normal safety hazard is still closed by the village', async () => {
    const r = await act('grid', 'reportIncident', { gridId: wjc.G01, category: 'SAFETY_HAZARD', title: '杂物堆放' });
    await act('worker', 'acceptIncident', { incidentId: r.incident.id });
    expect((await act('worker', 'closeIncident', { incidentId: r.incident.id })).incident.status).toBe('CLOSED');
  });
});
