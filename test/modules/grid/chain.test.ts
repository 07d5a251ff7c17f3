// Priority 2: the incident chain 网格发现 → 村社接报 → 街乡吹哨 → 部门报到 → 处置反馈 → 核查结案.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type ManualClock, type TestApp } from '../../helpers.js';
import { BEIWUCHA, gridApp, gridsOf, INCIDENT_FIELDS, mutate, orgId, personId, WEIJIACHANG } from './kit.js';

let t: TestApp;
let tok: Record<string, string>;
let wjc: Record<string, string>;
let emergency: string;
let housing: string;
const HOUR = 3_600_000;

const SEL = (name: string) =>
  `... on ${name[0]!.toUpperCase()}${name.slice(1)}Payload { incident { ${INCIDENT_FIELDS} ` +
  `${name === 'closeIncident' ? 'closedOnTime satisfaction' : ''} } }`;

const act = (name: string, who: string, input: Record<string, unknown>) => mutate(t, tok[who]!, name, input, SEL(name));

async function report(title = '道路塌陷', extra: Record<string, unknown> = {}) {
  const r = await act('reportIncident', 'grid', {
    gridId: wjc.G01,
    category: 'INFRASTRUCTURE',
    title,
    description: '3组村道塌陷约一米',
    ...extra,
  });
  expect(r.__typename).toBe('ReportIncidentPayload');
  return r.incident as { id: string; status: string; deadline: string };
}
async function toEscalated(departments = [emergency, housing]) {
  const i = await report();
  await act('acceptIncident', 'worker', { incidentId: i.id });
  const e = await act('escalateIncident', 'admin', { incidentId: i.id, departmentIds: departments, note: '请速派人' });
  expect(e.incident.status).toBe('ESCALATED');
  return i.id;
}
const snapshot = (id: string) =>
  t.db.prisma.incident.findUniqueOrThrow({
    where: { id: decodeGlobalID(id).id },
    include: { timeline: true, departments: true },
  });

beforeAll(async () => {
  t = await gridApp();
  const users = {
    grid: 'weijiachang-grid',
    worker: 'weijiachang-worker',
    admin: 'beiwucha-admin',
    emergency: 'manas-emergency',
    other: 'tianlong-worker',
    analyst: 'analyst',
  };
  // a second department with a login: 玛纳斯县住建局
  const template = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'manas-emergency' } });
  const org = await t.db.prisma.organization.findFirstOrThrow({ where: { name: '玛纳斯县住建局' } });
  await t.db.prisma.account.create({
    data: {
      username: 'manas-housing',
      passwordHash: template.passwordHash,
      role: 'DEPARTMENT_STAFF',
      regionId: template.regionId,
      regionPath: template.regionPath,
      organizationId: org.id,
    },
  });
  tok = Object.fromEntries(
    await Promise.all(
      Object.entries({ ...users, housing: 'manas-housing' }).map(async ([k, u]) => [k, await t.login(u)]),
    ),
  );
  wjc = await gridsOf(t, tok.admin!, WEIJIACHANG);
  emergency = await orgId(t, '玛纳斯县应急管理局');
  housing = await orgId(t, '玛纳斯县住建局');
});
afterAll(() => t.close());

describe('the whole chain', () => {
  it(
    'travels report → accept → escalate → report in → resolve → rework → resolve → close, with a ' + 'timeline',
    async () => {
      const now = t.clock.now().getTime();
      const i = await report('道路塌陷', {
        priority: 'NORMAL',
        attachmentUrls: ['https://img.example.cn/a.jpg'],
        location: { latitude: 44.3, longitude: 86.2 },
      });
      expect(i.status).toBe('REPORTED');
      expect(new Date(i.deadline).getTime()).toBe(now + 2 * HOUR); // 12345: accept within 2 hours

      const a = await act('acceptIncident', 'worker', { incidentId: i.id, note: '已接报' });
      expect(a.incident.status).toBe('ACCEPTED');
      expect(new Date(a.incident.deadline).getTime()).toBe(now + 24 * HOUR); // utilities: 24 hours

      const e = await act('escalateIncident', 'admin', { incidentId: i.id, departmentIds: [emergency, housing] });
      expect(e.incident.departments.map((d: any) => d.role)).toEqual(['NOTIFIED', 'NOTIFIED']);

      const lead = await act('reportInIncident', 'housing', { incidentId: i.id, note: '住建局报到' });
      expect(lead.incident).toMatchObject({ status: 'IN_PROGRESS', leadDepartment: { name: '玛纳斯县住建局' } });
      const assist = await act('reportInIncident', 'emergency', { incidentId: i.id });
      expect(assist.incident.departments.map((d: any) => [d.organization.name, d.role]).sort()).toEqual([
        ['玛纳斯县住建局', 'LEAD'],
        ['玛纳斯县应急管理局', 'ASSISTING'],
      ]);

      expect((await act('resolveIncident', 'emergency', { incidentId: i.id, note: '协办不能反馈' })).code).toBe(
        'FORBIDDEN',
      );
      const r1 = await act('resolveIncident', 'housing', {
        incidentId: i.id,
        note: '已回填',
        attachmentUrls: ['https://img.example.cn/b.jpg'],
      });
      expect(r1.incident.status).toBe('RESOLVED');
      const rw = await act('reworkIncident', 'worker', { incidentId: i.id, note: '回填不实，仍有下沉' });
      expect(rw.incident).toMatchObject({ status: 'IN_PROGRESS', reworkCount: 1 });
      await act('resolveIncident', 'housing', { incidentId: i.id, note: '重新夯实' });
      const c = await act('closeIncident', 'worker', { incidentId: i.id, satisfaction: 'SATISFIED', note: '回访满意' });
      expect(c.incident).toMatchObject({
        status: 'CLOSED',
        closedOnTime: true,
        satisfaction: 'SATISFIED',
        deadline: null,
        overdue: false,
      });

      const tl = await t.gql(
        `query($id: ID!) { incident(id: $id) { open311Status timeline { kind from to note attachmentUrls ` +
          `actorRole actor { name organization { name } } department { name } } } }`,
        { id: i.id },
        { token: tok.admin },
      );
      const steps = tl.data.incident.timeline;
      expect(steps.map((s: any) => `${s.from ?? '-'}>${s.to}${s.kind === 'ASSIST' ? '(assist)' : ''}`)).toEqual([
        '->REPORTED',
        'REPORTED>ACCEPTED',
        'ACCEPTED>ESCALATED',
        'ESCALATED>IN_PROGRESS',
        'IN_PROGRESS>IN_PROGRESS(assist)',
        'IN_PROGRESS>RESOLVED',
        'RESOLVED>IN_PROGRESS',
        'IN_PROGRESS>RESOLVED',
        'RESOLVED>CLOSED',
      ]);
      expect(steps[0]).toMatchObject({
        actorRole: 'COMMUNITY_WORKER',
        actor: { name: '赵刚' },
        attachmentUrls: ['https://img.example.cn/a.jpg'],
      });
      expect(steps[2].note).toMatch(/吹哨部门: 玛纳斯县应急管理局、玛纳斯县住建局/);
      expect(steps[3]).toMatchObject({
        actorRole: 'DEPARTMENT_STAFF',
        actor: { organization: { name: '玛纳斯县住建局' } },
        department: { name: '玛纳斯县住建局' },
      });
      expect(steps[6].note).toBe('回填不实，仍有下沉');
      expect(tl.data.incident.open311Status).toBe('closed');
    },
  );

  it('closes at community level without escalation when the village solves it', async () => {
    const i = await report('邻里噪音', { category: 'DISPUTE' });
    await act('acceptIncident', 'worker', { incidentId: i.id });
    const c = await act('closeIncident', 'worker', { incidentId: i.id, satisfaction: 'BASICALLY_SATISFIED' });
    expect(c.incident).toMatchObject({ status: 'CLOSED', closedOnTime: true, leadDepartment: null, departments: [] });
  });

  it('rejects a duplicate, linked to the original', async () => {
    const original = await report('路灯不亮');
    const dup = await report('路灯不亮(重复)');
    const r = await mutate(
      t,
      tok.worker!,
      'rejectIncident',
      { incidentId: dup.id, reason: 'DUPLICATE', duplicateOfId: original.id, note: '同一路灯' },
      '... on RejectIncidentPayload { incident { status duplicateOf { id } open311Status } }',
    );
    expect(r.incident).toEqual({ status: 'REJECTED', duplicateOf: { id: original.id }, open311Status: 'closed' });
    const missing = await mutate(t, tok.worker!, 'rejectIncident', {
      incidentId: original.id,
      reason: 'DUPLICATE',
      note: 'x',
    });
    expect(missing.code).toBe('VALIDATION');
  });
});

describe('two departments racing to report in', () => {
  it(
    'exactly one becomes the lead, the other assists; a department reporting twice is refused (5 ' + 'rounds)',
    async () => {
      for (let round = 0; round < 5; round++) {
        const id = await toEscalated();
        const results = await Promise.all(
          ['emergency', 'housing', 'emergency', 'housing'].map((who) =>
            act('reportInIncident', who, { incidentId: id }),
          ),
        );
        const ok = results.filter((r) => r.__typename === 'ReportInIncidentPayload');
        const refused = results.filter((r) => r.__typename !== 'ReportInIncidentPayload');
        expect(ok).toHaveLength(2);
        expect(refused.map((r) => r.code)).toEqual(['INVALID_TRANSITION', 'INVALID_TRANSITION']);
        const row = await snapshot(id);
        expect(row.status).toBe('IN_PROGRESS');
        expect(row.departments.map((d) => d.role).sort()).toEqual(['ASSISTING', 'LEAD']);
        expect(row.departments.find((d) => d.role === 'LEAD')!.organizationId).toBe(row.leadDepartmentId);
        expect(row.timeline.filter((e) => e.toStatus === 'IN_PROGRESS' && e.kind === 'TRANSITION')).toHaveLength(1);
        expect(row.timeline.filter((e) => e.kind === 'ASSIST')).toHaveLength(1);
      }
    },
  );
});

describe('illegal transitions change nothing', () => {
  it.each([
    ['closeIncident', 'worker', 'REPORTED', {}],
    ['escalateIncident', 'admin', 'REPORTED', { departmentIds: ['EMERGENCY'] }],
    ['reworkIncident', 'worker', 'REPORTED', { note: '返工' }],
    ['resolveIncident', 'emergency', 'ESCALATED', { note: '未报到' }],
    ['acceptIncident', 'worker', 'ESCALATED', {}],
    ['acceptIncident', 'worker', 'CLOSED', {}],
    ['rejectIncident', 'worker', 'CLOSED', { reason: 'NOT_OUR_MATTER', note: '非本级' }],
    ['reportInIncident', 'emergency', 'CLOSED', {}],
  ])('%s by %s on a %s incident → INVALID_TRANSITION', async (name, who, state, extra) => {
    let id: string;
    if (state === 'REPORTED') id = (await report()).id;
    else if (state === 'ESCALATED') id = await toEscalated([emergency]);
    else {
      id = await toEscalated([emergency]);
      await act('reportInIncident', 'emergency', { incidentId: id });
      await act('resolveIncident', 'emergency', { incidentId: id, note: '已处置' });
      await act('closeIncident', 'worker', { incidentId: id });
    }
    const before = await snapshot(id);
    const input = { incidentId: id, ...extra } as Record<string, unknown>;
    if (input.departmentIds) input.departmentIds = [emergency];
    const r = await act(name, who, input);
    expect(r).toMatchObject({ __typename: 'DomainError', code: 'INVALID_TRANSITION' });
    const after = await snapshot(id);
    expect(after.status).toBe(before.status);
    expect(after.version).toBe(before.version);
    expect(after.timeline).toHaveLength(before.timeline.length);
    expect(after.departments).toEqual(before.departments);
  });
});

describe('actors outside the chain are FORBIDDEN', () => {
  it('refuses the wrong role or the wrong area at every step, changing nothing', async () => {
    const i = await report();
    expect((await act('acceptIncident', 'emergency', { incidentId: i.id })).code).toBe('FORBIDDEN');
    expect((await act('acceptIncident', 'other', { incidentId: i.id })).code).toBe('NOT_FOUND'); // outside their area
    expect((await act('acceptIncident', 'analyst', { incidentId: i.id })).code).toBe('FORBIDDEN');
    await act('acceptIncident', 'worker', { incidentId: i.id });
    expect((await act('escalateIncident', 'worker', { incidentId: i.id, departmentIds: [emergency] })).code).toBe(
      'FORBIDDEN',
    );
    expect((await act('escalateIncident', 'grid', { incidentId: i.id, departmentIds: [emergency] })).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await act('escalateIncident', 'admin', { incidentId: i.id, departmentIds: [await orgId(t, '木垒县民政局')] }))
        .code,
    ).toBe('VALIDATION');
    await act('escalateIncident', 'admin', { incidentId: i.id, departmentIds: [housing] });
    // 应急管理局 was not whistled for this one
    expect((await act('reportInIncident', 'emergency', { incidentId: i.id })).code).toBe('FORBIDDEN');
    expect((await act('reportInIncident', 'worker', { incidentId: i.id })).code).toBe('FORBIDDEN');
    await act('reportInIncident', 'housing', { incidentId: i.id });
    expect((await act('resolveIncident', 'emergency', { incidentId: i.id, note: 'x' })).code).toBe('FORBIDDEN');
    await act('resolveIncident', 'housing', { incidentId: i.id, note: '已处置' });
    expect((await act('closeIncident', 'housing', { incidentId: i.id })).code).toBe('FORBIDDEN');
    expect((await act('reworkIncident', 'emergency', { incidentId: i.id, note: 'x' })).code).toBe('FORBIDDEN');
    const row = await snapshot(i.id);
    expect(row.status).toBe('RESOLVED');
    expect(row.timeline).toHaveLength(5);
  });

  it('analysts read incidents without personal information', async () => {
    const r = await t.gql(
      `{ incidents(first: 100) { edges { node { resident { name } reporter { name } timeline { actor { name ` +
        `} } } } } }`,
      {},
      { token: tok.analyst },
    );
    const nodes = r.data.incidents.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(10);
    for (const n of nodes) {
      expect(n.resident).toBeNull();
      if (n.reporter) expect(n.reporter.name).toMatch(/^.\*+$/);
      for (const e of n.timeline) if (e.actor?.name) expect(e.actor.name).toMatch(/^.\*+$/);
    }
  });

  it('departments see only what was escalated to them', async () => {
    const r = await t.gql(
      `{ incidents(first: 100) { totalCount edges { node { departments { organization { name } } } } } }`,
      {},
      { token: tok.housing },
    );
    expect(r.data.incidents.totalCount).toBeGreaterThan(0);
    for (const e of r.data.incidents.edges)
      expect(e.node.departments.map((d: any) => d.organization.name)).toContain('玛纳斯县住建局');
  });
});

describe('deadline policy as data', () => {
  it('a township admin sets a category policy; new stages use it, stored deadlines do not move', async () => {
    const before = await report('旧规则下的事件', { category: 'ENVIRONMENT' });
    const set = await mutate(
      t,
      tok.admin!,
      'setIncidentDeadlinePolicy',
      {
        regionId: await regionId(t, BEIWUCHA),
        category: 'ENVIRONMENT',
        acceptHours: 1,
        reportInHours: 1,
        resolveHours: 48,
        complexResolveHours: 96,
        closeHours: 24,
      },
      '... on SetIncidentDeadlinePolicyPayload { policy { category priority acceptHours region { name } } }',
    );
    expect(set.policy).toEqual({
      category: 'ENVIRONMENT',
      priority: null,
      acceptHours: 1,
      region: { name: '北五岔镇' },
    });
    const now = t.clock.now().getTime();
    const i = await report('垃圾堆放', { category: 'ENVIRONMENT' });
    expect(new Date(i.deadline).getTime()).toBe(now + HOUR);
    const a = await act('acceptIncident', 'worker', { incidentId: i.id });
    expect(new Date(a.incident.deadline).getTime()).toBe(now + 48 * HOUR);
    const urgent = await report('垃圾着火', { category: 'ENVIRONMENT', priority: 'URGENT' });
    // the prefecture's URGENT row is more specific on priority
    expect(new Date(urgent.deadline).getTime()).toBe(now + 2 * HOUR);
    const old = await snapshot(before.id);
    expect(old.deadline!.getTime()).toBe(new Date(before.deadline).getTime());
    const list = await t.gql(
      `query($r: ID!) { incidentDeadlinePolicies(regionId: $r) { category priority resolveHours region { name } } }`,
      { r: await regionId(t, WEIJIACHANG) },
      { token: tok.worker },
    );
    expect(list.data.incidentDeadlinePolicies).toHaveLength(4);
    const denied = await mutate(t, tok.worker!, 'setIncidentDeadlinePolicy', {
      regionId: await regionId(t, BEIWUCHA),
      acceptHours: 1,
      reportInHours: 1,
      resolveHours: 1,
      complexResolveHours: 1,
      closeHours: 1,
    });
    expect(denied.code).toBe('FORBIDDEN');
  });
});

describe('following an incident, Open311 and overdue', () => {
  it("the resident concerned follows status and timeline without other people's details", async () => {
    // a grid in 晶彩城社区 with 李静 (jingcaicheng-worker) as its grid worker
    const worker = await t.login('jingcaicheng-worker');
    const community = await regionId(t, '652301004001');
    const g = await mutate(
      t,
      worker,
      'createGrid',
      { communityId: community, code: 'JC1', name: '晶彩城第1网格', kind: 'URBAN' },
      '... on CreateGridPayload { grid { id } }',
    );
    await mutate(t, await t.login('zhou-admin'), 'assignGridStaff', {
      gridId: g.grid.id,
      personId: await personId(t, '李静'),
      role: 'FULL_TIME',
      startDate: '2026-01-01',
    });
    const rep = await mutate(
      t,
      worker,
      'reportIncident',
      { gridId: g.grid.id, category: 'LIVELIHOOD', title: '公租房暖气不热', residentId: await personId(t, '何福琴') },
      '... on ReportIncidentPayload { incident { id } }',
    );
    const id = rep.incident.id;
    await mutate(t, worker, 'acceptIncident', { incidentId: id, note: '已联系物业' });

    const resident = await t.login('resident-he');
    const q =
      `query($id: ID!) { incident(id: $id) { status open311Status expectedDatetime resident { name ` +
      `phone } reporter { name role } timeline { to actor { name } note } } }`;
    const r = await t.gql(q, { id }, { token: resident });
    expect(r.errors).toBeUndefined();
    expect(r.data.incident).toMatchObject({
      status: 'ACCEPTED',
      open311Status: 'open',
      resident: { name: '何福琴', phone: '13579926810' },
      reporter: { name: '李*', role: 'COMMUNITY_WORKER' },
    });
    expect(r.data.incident.expectedDatetime).toBeTruthy();
    expect(r.data.incident.timeline.map((e: any) => e.actor.name)).toEqual(['李*', '李*']);
    const mine = await t.gql(`{ incidents(first: 10) { totalCount edges { node { id } } } }`, {}, { token: resident });
    expect(mine.data.incidents.edges.map((e: any) => e.node.id)).toEqual([id]);
    // another resident of the same community sees nothing
    const other = await t.gql(q, { id }, { token: await t.login('member-pu') });
    expect(other.data.incident).toBeNull();
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token: await t.login('member-pu') });
    expect(node.data.node).toBeNull();
  });

  it('overdue is derived at read time from the stored deadline', async () => {
    const i = await report('井盖缺失');
    const q = `query($id: ID!) { incident(id: $id) { overdue deadline } }`;
    expect((await t.gql(q, { id: i.id }, { token: tok.worker })).data.incident.overdue).toBe(false);
    (t.clock as ManualClock).advance(3 * HOUR);
    expect((await t.gql(q, { id: i.id }, { token: tok.worker })).data.incident).toEqual({
      overdue: true,
      deadline: i.deadline,
    });
    const list = await t.gql(
      `{ incidents(filter: { overdue: true }, first: 100) { edges { node { id overdue } } } }`,
      {},
      { token: tok.worker },
    );
    expect(list.data.incidents.edges.map((e: any) => e.node.id)).toContain(i.id);
    expect(list.data.incidents.edges.every((e: any) => e.node.overdue)).toBe(true);
  });
});
