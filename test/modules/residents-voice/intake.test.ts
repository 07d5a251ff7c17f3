// 居民上报 reportProblem: own community only, every field validated, REPORTED with channel RESIDENT, the daily
// limit under concurrency, following (myReports, masked timeline), anonymity, duplicates, routing to 诉求.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import {
  BEIWUCHA,
  mutate,
  orgId,
  REPORT_SEL,
  residentLogin,
  setModule,
  setSetting,
  voiceApp,
  WEIJIACHANG,
} from './kit.js';

let t: TestApp;
let wei: { token: string; personId: string };
let neighbour: { token: string; personId: string };
let wjcId: string;
const report = (token: string, input: Record<string, unknown>) =>
  mutate(t, token, 'reportProblem', { communityId: wjcId, ...input }, REPORT_SEL);
const reports = () => t.db.prisma.residentReport.count();
const incidents = () => t.db.prisma.incident.count();

beforeAll(async () => {
  t = await voiceApp();
  wei = await residentLogin(t, 'weijiachang-wei', '魏长山', WEIJIACHANG);
  neighbour = await residentLogin(t, 'weijiachang-lin', '林秀兰', WEIJIACHANG);
  wjcId = await regionId(t, WEIJIACHANG);
});
afterAll(() => t.close());

describe('reportProblem', () => {
  it('enters the chain at REPORTED with channel RESIDENT, in the grid of their household', async () => {
    const r = await report(wei.token, {
      category: 'ENVIRONMENT',
      description: '村口垃圾箱满溢三天无人清运',
      location: { latitude: 44.31, longitude: 86.21 },
      attachmentUrls: ['https://img.example.cn/bin.jpg'],
    });
    expect(r.__typename).toBe('ReportProblemPayload');
    expect(r.routedTo).toBeNull();
    expect(r.incident).toMatchObject({ status: 'REPORTED', channel: 'RESIDENT', community: { name: '魏家场村' } });
    expect(r.incident.grid?.code).toMatch(/^G0/); // 魏长山 is 户主 of a household of 魏家场村
    const row = await t.db.prisma.incident.findUniqueOrThrow({ where: { id: decodeGlobalID(r.incident.id).id } });
    expect(row).toMatchObject({ residentId: wei.personId, channel: 'RESIDENT', priority: 'NORMAL' });
    // the village worker sees it in the list to accept
    const list = await t.gql(
      `{ incidents(first: 50, filter: { status: [REPORTED] }) { edges { node { id } } } }`,
      {},
      {
        token: await t.login('weijiachang-worker'),
      },
    );
    expect(list.data.incidents.edges.map((e: any) => e.node.id)).toContain(r.incident.id);
  });

  it('refuses another community, other roles and bad input, writing nothing', async () => {
    const before = [await reports(), await incidents()];
    const other = await mutate(
      t,
      wei.token,
      'reportProblem',
      { communityId: await regionId(t, '652324104201'), category: 'OTHER', description: '不是我的村子' },
      REPORT_SEL,
    );
    expect(other.code).toBe('FORBIDDEN');
    const worker = await report(await t.login('weijiachang-worker'), { category: 'OTHER', description: '工作人员' });
    expect(worker.code).toBe('FORBIDDEN');
    const bad = await t.gql(
      `mutation($i: ReportProblemInput!) { reportProblem(input: $i) { __typename ... on ValidationError { issues {
        path } } } }`,
      {
        i: {
          communityId: wjcId,
          category: 'OTHER',
          description: '短',
          location: { latitude: -33.9, longitude: 18.4 },
          attachmentUrls: ['ftp://x/y.jpg', 'javascript:alert(1)'],
        },
      },
      { token: wei.token },
    );
    expect(bad.data.reportProblem.issues.map((i: any) => i.path).sort()).toEqual([
      'input.attachmentUrls.0',
      'input.attachmentUrls.1',
      'input.description',
      'input.location',
    ]);
    const long = await report(wei.token, { category: 'OTHER', description: '长'.repeat(2001) });
    expect(long.code).toBe('VALIDATION');
    const many = await report(wei.token, {
      category: 'OTHER',
      description: '照片太多了的上报',
      attachmentUrls: Array.from({ length: 10 }, (_, i) => `https://img.example.cn/${i}.jpg`),
    });
    expect(many.code).toBe('VALIDATION');
    expect([await reports(), await incidents()]).toEqual(before);
  });

  it('holds the daily limit under 10 concurrent reports: exactly 3 with a limit of 3', async () => {
    await setSetting(t, await t.login('beiwucha-admin'), BEIWUCHA, 'grid', 'residentDailyReportLimit', 3);
    const storm = await residentLogin(t, 'weijiachang-storm', '魏小峰', WEIJIACHANG);
    const before = await incidents();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        report(storm.token, { category: 'PUBLIC_ORDER', description: `夜间噪音扰民第${i}次` }),
      ),
    );
    const ok = results.filter((r) => r.__typename === 'ReportProblemPayload');
    expect(ok).toHaveLength(3);
    expect(results.filter((r) => r.code === 'LIMIT_EXCEEDED')).toHaveLength(7);
    expect(await incidents()).toBe(before + 3);
    const account = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'weijiachang-storm' } });
    expect(await t.db.prisma.residentReport.count({ where: { accountId: account.id } })).toBe(3);
    await setSetting(t, await t.login('beiwucha-admin'), BEIWUCHA, 'grid', 'residentDailyReportLimit', null);
  });

  it('lets the resident follow their own reports only, with workers’ names masked', async () => {
    const mine = await report(neighbour.token, {
      category: 'INFRASTRUCTURE',
      description: '自来水管冻裂漏水',
      hideFromPublic: true,
    });
    const id = mine.incident.id;
    await mutate(t, await t.login('weijiachang-worker'), 'acceptIncident', { incidentId: id, note: '已联系水管员' });
    const q = `{ myReports(first: 10) { totalCount edges { node { id status reporterHidden timeline { to actorRole
      actor { name organization { name } } } } } } }`;
    const own = await t.gql(q, {}, { token: neighbour.token });
    expect(own.errors).toBeUndefined();
    expect(own.data.myReports.edges.map((e: any) => e.node.id)).toEqual([id]);
    const node = own.data.myReports.edges[0].node;
    expect(node).toMatchObject({ status: 'ACCEPTED', reporterHidden: true });
    const accept = node.timeline.find((s: any) => s.to === 'ACCEPTED');
    expect(accept.actorRole).toBe('COMMUNITY_WORKER');
    const worker = await t.db.prisma.account.findUniqueOrThrow({
      where: { username: 'weijiachang-worker' },
      include: { person: true },
    });
    expect(accept.actor?.name ?? null).not.toBe(worker.person?.name); // masked, never the full name
    const others = await t.gql(q, {}, { token: wei.token });
    expect(others.data.myReports.edges.map((e: any) => e.node.id)).not.toContain(id);
    // anonymous to the public: departments see no reporter; the village worker (manages the area) does
    const emergency = await orgId(t, '玛纳斯县应急管理局');
    await mutate(t, await t.login('beiwucha-admin'), 'escalateIncident', {
      incidentId: id,
      departmentIds: [emergency],
    });
    const rq = `query($id: ID!) { incident(id: $id) { reporter { role name } resident { name } } }`;
    const dept = await t.gql(rq, { id }, { token: await t.login('manas-emergency') });
    expect(dept.data.incident).toEqual({ reporter: null, resident: null });
    const village = await t.gql(rq, { id }, { token: await t.login('weijiachang-worker') });
    expect(village.data.incident.reporter).toMatchObject({ role: 'RESIDENT', name: '林秀兰' });
  });

  it('suggests possible duplicates to the accepting worker, who links them', async () => {
    const a = await report(wei.token, {
      category: 'SAFETY_HAZARD',
      description: '桥头护栏断裂',
      location: { latitude: 44.4, longitude: 86.3 },
    });
    const b = await report(neighbour.token, {
      category: 'SAFETY_HAZARD',
      description: '桥边栏杆坏了很危险',
      location: { latitude: 44.4005, longitude: 86.3005 }, // about 70 m away
    });
    const far = await report(neighbour.token, {
      category: 'SAFETY_HAZARD',
      description: '另一处护栏断裂',
      location: { latitude: 44.5, longitude: 86.3 }, // 11 km away
    });
    const q = `query($id: ID!) { incident(id: $id) { possibleDuplicates { id } } }`;
    const worker = await t.login('weijiachang-worker');
    const seen = await t.gql(q, { id: b.incident.id }, { token: worker });
    const ids = seen.data.incident.possibleDuplicates.map((d: any) => d.id);
    expect(ids).toContain(a.incident.id);
    expect(ids).not.toContain(far.incident.id);
    const byResident = await t.gql(q, { id: b.incident.id }, { token: neighbour.token });
    expect(byResident.data.incident.possibleDuplicates).toEqual([]);
    const sel = '... on LinkDuplicateIncidentPayload { incident { id status duplicateOf { id } } }';
    const self = await mutate(
      t,
      worker,
      'linkDuplicateIncident',
      { incidentId: b.incident.id, duplicateOfId: b.incident.id },
      sel,
    );
    expect(self.code).toBe('NOT_FOUND');
    const byRes = await mutate(
      t,
      neighbour.token,
      'linkDuplicateIncident',
      { incidentId: b.incident.id, duplicateOfId: a.incident.id },
      sel,
    );
    expect(byRes.code).toBe('FORBIDDEN');
    const linked = await mutate(
      t,
      worker,
      'linkDuplicateIncident',
      { incidentId: b.incident.id, duplicateOfId: a.incident.id },
      sel,
    );
    expect(linked.incident).toMatchObject({ status: 'REPORTED', duplicateOf: { id: a.incident.id } });
    const back = await mutate(
      t,
      worker,
      'linkDuplicateIncident',
      { incidentId: a.incident.id, duplicateOfId: b.incident.id },
      sel,
    );
    expect(back.code).toBe('CONFLICT');
  });
});

describe('routing to a residential branch 诉求 (kit intake)', () => {
  it('a livelihood request where a residential branch exists becomes its 诉求; elsewhere an incident', async () => {
    const binhe = await residentLogin(t, 'binhe-zhang', '张桂兰', '652328100001');
    const before = await incidents();
    const r = await mutate(
      t,
      binhe.token,
      'reportProblem',
      {
        communityId: await regionId(t, '652328100001'),
        category: 'LIVELIHOOD',
        description: '小区路灯坏了，老人晚上出行不便',
      },
      REPORT_SEL,
    );
    expect(r).toMatchObject({
      routedTo: 'party-building',
      incident: null,
      residentRequest: { content: '小区路灯坏了，老人晚上出行不便', channel: '居民上报', status: 'OPEN' },
    });
    expect(await incidents()).toBe(before);
    const row = await t.db.prisma.partyResidentRequest.findUniqueOrThrow({
      where: { id: decodeGlobalID(r.residentRequest.id).id },
    });
    expect(row.residentId).toBe(binhe.personId);
    // another category stays an incident; so does livelihood in a village without a residential branch
    const env = await mutate(
      t,
      binhe.token,
      'reportProblem',
      { communityId: await regionId(t, '652328100001'), category: 'ENVIRONMENT', description: '小区垃圾堆放' },
      REPORT_SEL,
    );
    expect(env.incident.status).toBe('REPORTED');
    const village = await report(wei.token, { category: 'LIVELIHOOD', description: '冬季取暖煤不够' });
    expect(village).toMatchObject({ routedTo: null, incident: { channel: 'RESIDENT' } });
  });

  it('stays an incident where party-building is off or the township does not want it', async () => {
    const admin = await t.login('admin');
    const binhe = await residentLogin(t, 'binhe-zhang', '张桂兰', '652328100001');
    const input = { communityId: await regionId(t, '652328100001'), category: 'LIVELIHOOD', description: '楼道灯不亮' };
    await setSetting(t, admin, '652328100', 'party-building', 'takeResidentReports', false);
    const a = await mutate(t, binhe.token, 'reportProblem', input, REPORT_SEL);
    expect(a).toMatchObject({ routedTo: null, incident: { status: 'REPORTED' } });
    await setSetting(t, admin, '652328100', 'party-building', 'takeResidentReports', null);
    await setModule(t, admin, '652328100', 'party-building', false);
    const b = await mutate(
      t,
      binhe.token,
      'reportProblem',
      input,
      '... on ReportProblemPayload { routedTo incident { status } }',
    );
    expect(b).toMatchObject({ routedTo: null, incident: { status: 'REPORTED' } });
    await setModule(t, admin, '652328100', 'party-building', true);
  });
});

describe('module switch', () => {
  it('grid off in 北五岔镇: not in the resident’s schema, nothing written; back on again', async () => {
    const admin = await t.login('beiwucha-admin');
    await setModule(t, admin, BEIWUCHA, 'grid', false);
    const before = await reports();
    // a resident's schema follows their township's switches: the mutation is not there at all
    const r = await t.gql(
      `mutation($i: ReportProblemInput!) { reportProblem(input: $i) { __typename } }`,
      { i: { communityId: wjcId, category: 'OTHER', description: '模块关闭时上报' } },
      { token: wei.token },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    expect(await reports()).toBe(before);
    await setModule(t, admin, BEIWUCHA, 'grid', true);
    expect((await report(wei.token, { category: 'OTHER', description: '模块开启后上报' })).incident.status).toBe(
      'REPORTED',
    );
  });
});
