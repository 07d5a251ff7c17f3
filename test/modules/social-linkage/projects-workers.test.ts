// 民生项目: planned → contracted → in progress (milestone progress) → evaluated, or terminated; 社工 登记
// into the three-level network, with names masked for those who do not manage the person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { CODES, ok, orgId, personId, refused, snapshot, socialOrgId, stationId, startApp } from './support.js';

let t: TestApp;
let worker: string; // jingcaicheng-worker
let admin: string; // zhou-admin
let analyst: string;
beforeAll(async () => {
  t = await startApp();
  [worker, admin, analyst] = await Promise.all(['jingcaicheng-worker', 'zhou-admin', 'analyst'].map((u) => t.login(u)));
});
afterAll(() => t.close());

const projectInput = async (extra: Record<string, unknown> = {}) => ({
  name: '晶彩城社区儿童友好服务项目',
  regionId: await regionId(t, CODES.jingcaicheng),
  purchaserId: await orgId(t, '昌吉州党委社会工作部'),
  providerId: await socialOrgId(t, '晶彩城社区青少年成长驿站'),
  budgetYuan: 120000,
  startsOn: '2026-12-01',
  endsOn: '2027-11-30',
  deliverables: ['四点半课堂', '亲子活动'],
  kpis: [{ name: '服务人次', target: '≥600' }],
  milestones: [
    { title: '招募与培训', dueOn: '2027-01-15' },
    { title: '中期评估', dueOn: '2027-06-01' },
  ],
  ...extra,
});

describe('livelihood projects', () => {
  it('goes planned → contracted → in progress → evaluated', async () => {
    const p = await ok(t, 'project', worker, await projectInput());
    expect(p).toMatchObject({ status: 'PLANNED', budgetYuan: 120000, purchaser: { name: '昌吉州党委社会工作部' } });
    await refused(t, 'advance', worker, { projectId: p.id, action: 'START' }, 'INVALID_TRANSITION');
    await ok(t, 'advance', worker, { projectId: p.id, action: 'CONTRACT' });
    await refused(
      t,
      'advance',
      worker,
      { projectId: p.id, action: 'PROGRESS', progress: [10, 0] },
      'INVALID_TRANSITION',
    );
    await ok(t, 'advance', worker, { projectId: p.id, action: 'START' });
    await refused(t, 'advance', worker, { projectId: p.id, action: 'PROGRESS', progress: [10] }, 'VALIDATION');
    const prog = await ok(t, 'advance', worker, { projectId: p.id, action: 'PROGRESS', progress: [100, 40] });
    expect(prog.milestones.map((m: any) => m.progress)).toEqual([100, 40]);
    expect(prog.status).toBe('IN_PROGRESS');
    await refused(t, 'advance', worker, { projectId: p.id, action: 'EVALUATE' }, 'VALIDATION');
    const done = await ok(t, 'advance', worker, { projectId: p.id, action: 'EVALUATE', evaluationScore: 88 });
    expect(done).toMatchObject({ status: 'EVALUATED', evaluationScore: 88 });
    await refused(t, 'advance', worker, { projectId: p.id, action: 'TERMINATE' }, 'INVALID_TRANSITION');
  });

  it('terminates, and refuses bad input, inactive providers and other areas, changing nothing', async () => {
    const p = await ok(t, 'project', admin, await projectInput({ name: '晶彩城社区助餐项目' }));
    expect((await ok(t, 'advance', admin, { projectId: p.id, action: 'TERMINATE', note: '资金调整' })).status).toBe(
      'TERMINATED',
    );
    const before = await snapshot(t);
    const projects = await t.db.prisma.livelihoodProject.count();
    const bad = await refused(
      t,
      'project',
      worker,
      await projectInput({ budgetYuan: 0, endsOn: '2026-01-01', deliverables: [] }),
      'VALIDATION',
    );
    expect(bad.issues.map((i: any) => i.path).sort()).toEqual([
      'input.budgetYuan',
      'input.deliverables',
      'input.endsOn',
    ]);
    const filing = await t.db.prisma.socialOrganization.findFirstOrThrow({
      where: { status: 'FILING', name: { startsWith: '晶彩城' } },
    });
    const { encodeGlobalID } = await import('@pothos/plugin-relay');
    await refused(
      t,
      'project',
      worker,
      await projectInput({ providerId: encodeGlobalID('SocialOrganization', filing.id) }),
      'PRECONDITION_FAILED',
    );
    await refused(t, 'project', await t.login('yuanlin-worker'), await projectInput(), 'FORBIDDEN');
    await refused(t, 'project', analyst, await projectInput(), 'FORBIDDEN');
    expect(await snapshot(t)).toEqual(before);
    expect(await t.db.prisma.livelihoodProject.count()).toBe(projects);
  });
});

describe('social workers', () => {
  it('registers a person at a station, once; names masked for analysts', async () => {
    const w = await ok(t, 'worker', worker, {
      personId: await personId(t, '何福琴'),
      qualification: 'ASSISTANT',
      stationId: await stationId(t, CODES.jingcaicheng),
    });
    expect(w).toMatchObject({ name: '何福琴', qualification: 'ASSISTANT', station: { level: 'COMMUNITY_ROOM' } });
    await refused(
      t,
      'worker',
      worker,
      {
        personId: await personId(t, '何福琴'),
        qualification: 'SOCIAL_WORKER',
        stationId: await stationId(t, CODES.jingcaicheng),
      },
      'CONFLICT',
    );
    await refused(
      t,
      'worker',
      worker,
      {
        personId: await personId(t, '王孝梅'),
        qualification: 'ASSISTANT',
        stationId: await stationId(t, CODES.yuanlin),
      },
      'NOT_FOUND',
    );
    const q = `query($f: SocialWorkerFilter) { socialWorkers(filter: $f) {
      totalCount edges { node { name person { name } } } } }`;
    const f = { regionId: await regionId(t, CODES.jingcaicheng) };
    const mine = await t.gql(q, { f }, { token: worker });
    expect(mine.data.socialWorkers.edges.map((e: any) => e.node.name).sort()).toEqual(['何福琴', '李静']);
    const theirs = await t.gql(q, { f }, { token: analyst });
    expect(theirs.data.socialWorkers.edges.map((e: any) => e.node.name).sort()).toEqual(['何**', '李*']);
    const st = await t.gql(
      `{ socialWorkStations(first: 100) { totalCount edges { node { level parent { level } } } } }`,
      {},
      { token: admin },
    );
    const levels = st.data.socialWorkStations.edges.map((e: any) => e.node);
    expect(levels.filter((s: any) => s.level === 'COUNTY_CENTRE')).toHaveLength(7);
    expect(
      levels.filter((s: any) => s.level === 'TOWNSHIP_STATION').every((s: any) => s.parent.level === 'COUNTY_CENTRE'),
    ).toBe(true);
  });
});
