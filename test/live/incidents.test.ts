// incidentUpdated and incidentsChanged over SSE: the reporter follows each stage, a department receives only
// the incidents escalated to it (nothing of the others), a logged-out viewer's stream ends, and the inbox
// holds the stage, escalation and 超期督办 notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock, TestApp } from '../helpers.js';
import { gridApp, gridsOf, mutate, orgId, WEIJIACHANG } from '../modules/grid/kit.js';
import { SseStream } from './sse.js';

const UPDATED = `subscription($id: ID!) { incidentUpdated(incidentId: $id) { id status supervisionLevel } }`;
const CHANGED = `subscription { incidentsChanged { id status title } }`;
const INBOX = `{ notifications(first: 20) { unreadCount edges { node { id type title text link } } } }`;

let t: TestApp;
let tok: Record<string, string>;
let wjc: Record<string, string>;
let emergency: string;
let housing: string;
const streams: SseStream[] = [];
const open = async (query: string, variables: Record<string, unknown>, token: string) => {
  const s = await SseStream.open(t.app, query, variables, { token });
  streams.push(s);
  return s;
};
const act = (name: string, who: string, input: Record<string, unknown>) =>
  mutate(
    t,
    tok[who]!,
    name,
    input,
    `... on ${name[0]!.toUpperCase()}${name.slice(1)}Payload { incident { id status } }`,
  );

async function accepted(title: string) {
  const r = await act('reportIncident', 'grid', {
    gridId: wjc.G01,
    category: 'INFRASTRUCTURE',
    title,
    description: '村道塌陷',
  });
  await act('acceptIncident', 'worker', { incidentId: r.incident.id });
  return r.incident.id as string;
}
const escalate = (id: string, departmentIds: string[]) =>
  act('escalateIncident', 'admin', { incidentId: id, departmentIds, note: '请速派人' });

beforeAll(async () => {
  t = await gridApp();
  const template = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'manas-emergency' } });
  const org = await t.db.prisma.organization.findFirstOrThrow({ where: { name: '玛纳斯县住建局' } });
  await t.db.prisma.account.create({
    data: { ...template, id: undefined, username: 'manas-housing', organizationId: org.id, personId: null },
  });
  const users = {
    grid: 'weijiachang-grid',
    worker: 'weijiachang-worker',
    admin: 'beiwucha-admin',
    emergency: 'manas-emergency',
    housing: 'manas-housing',
  };
  tok = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await t.login(u)])));
  wjc = await gridsOf(t, tok.admin!, WEIJIACHANG);
  emergency = await orgId(t, '玛纳斯县应急管理局');
  housing = await orgId(t, '玛纳斯县住建局');
});
afterAll(async () => {
  await Promise.all(streams.map((s) => s.close()));
  await t.close();
});

describe('incidentUpdated', () => {
  it('the reporting grid worker follows accept and escalate; the inbox has each stage', async () => {
    const r = await act('reportIncident', 'grid', {
      gridId: wjc.G01,
      category: 'SAFETY_HAZARD',
      title: '电线裸露',
      description: '2组电线裸露',
    });
    const s = await open(UPDATED, { id: r.incident.id }, tok.grid!);
    await act('acceptIncident', 'worker', { incidentId: r.incident.id });
    expect((await s.next()).data.data.incidentUpdated).toMatchObject({ id: r.incident.id, status: 'ACCEPTED' });
    await escalate(r.incident.id, [emergency]);
    expect((await s.next()).data.data.incidentUpdated.status).toBe('ESCALATED');
    const inbox = (await t.gql(INBOX, {}, { token: tok.grid })).data.notifications;
    const mine = inbox.edges.map((e: any) => e.node).filter((n: any) => n.link === r.incident.id);
    expect(mine.map((n: any) => n.type)).toEqual(['grid.incidentStage', 'grid.incidentStage']);
    expect(mine[0].title).toBe('您上报的事件: 街乡吹哨');
  });

  it('refuses a viewer without the role before anything streams (FORBIDDEN)', async () => {
    const id = await accepted('井盖缺失');
    const resident = await t.login('resident-he');
    const s = await open(`subscription { incidentsChanged { id } }`, { id }, resident);
    expect((await s.next()).data.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('incidentsChanged for a department', () => {
  it('receives its own escalations only: nothing of incidents escalated elsewhere or not escalated', async () => {
    const s = await open(CHANGED, {}, tok.emergency!);
    const notEscalated = await accepted('路灯不亮'); // visible to the village, not to a department
    await escalate(await accepted('危房'), [housing]); // escalated to 住建局 only
    const mine = await accepted('山体滑坡隐患');
    await escalate(mine, [emergency]);
    const first = (await s.next()).data.data.incidentsChanged;
    expect(first).toMatchObject({ id: mine, status: 'ESCALATED', title: '山体滑坡隐患' });
    expect(first.id).not.toBe(notEscalated);
    // the escalation reached 住建局's inbox, not 应急管理局's
    const housingInbox = (await t.gql(INBOX, {}, { token: tok.housing })).data.notifications;
    expect(housingInbox.edges.map((e: any) => e.node.type)).toContain('grid.incidentEscalated');
    const emergencyInbox = (await t.gql(INBOX, {}, { token: tok.emergency })).data.notifications;
    const links = emergencyInbox.edges.map((e: any) => e.node.link);
    expect(links).toContain(mine);
    expect(emergencyInbox.edges.every((e: any) => !e.node.text.includes('危房'))).toBe(true);
  });

  it('a viewer who logs out stops receiving: the stream ends at the next event', async () => {
    const token = await t.login('manas-emergency');
    const s = await open(CHANGED, {}, token);
    const logout = await t.gql(`mutation { logout { __typename } }`, {}, { token });
    expect(logout.data.logout.__typename).toBe('LogoutPayload');
    await escalate(await accepted('桥梁裂缝'), [emergency]);
    await expect(s.next()).rejects.toThrow(/completed/);
  });
});

describe('超期督办', () => {
  it('the sweep notifies the grid staff and the subscribers of the incident', async () => {
    const id = await accepted('垃圾堆积');
    // a month later (tokens issued before have expired: log in again)
    (t.clock as ManualClock).advance(30 * 24 * 3_600_000);
    const s = await open(UPDATED, { id }, await t.login('weijiachang-worker'));
    const result = await t.app.jobs.run('grid.escalateOverdue');
    expect(result.escalated).toBeGreaterThanOrEqual(1);
    expect((await s.next()).data.data.incidentUpdated).toMatchObject({ id, supervisionLevel: 'TOWNSHIP' });
    const grid = (await t.gql(INBOX, {}, { token: await t.login('weijiachang-grid') })).data.notifications;
    const supervised = grid.edges.map((e: any) => e.node).filter((n: any) => n.type === 'grid.incidentSupervised');
    expect(supervised.map((n: any) => n.link)).toContain(id);
  });
});
