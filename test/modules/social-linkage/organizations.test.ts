// 社会组织: 备案 → confirmed → suspended → resumed → deregistered, 登记 (new and upgrade), the refusals,
// and the contact person masked by the core rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { CODES, dbId, FIELDS, ok, personId, refused, snapshot, socialOrgId, startApp } from './support.js';

let t: TestApp;
let worker: string; // jingcaicheng-worker (李静), 晶彩城社区
let other: string; // yuanlin-worker, 园林社区
let analyst: string;
let zhou: string; // zhou-admin
let member: string; // member-pu, a party member registered at 晶彩城社区
let community: string;
beforeAll(async () => {
  t = await startApp();
  [worker, other, analyst, member, zhou] = await Promise.all(
    ['jingcaicheng-worker', 'yuanlin-worker', 'analyst', 'member-pu', 'zhou-admin'].map((u) => t.login(u)),
  );
  community = await regionId(t, CODES.jingcaicheng);
});
afterAll(() => t.close());

const filing = (extra: Record<string, unknown> = {}) => ({
  communityId: community,
  name: '晶彩城社区邻里议事会',
  kind: 'MUTUAL_AID',
  serviceAreas: ['CULTURE', 'HOUSEKEEPING'],
  ...extra,
});

describe('lifecycle', () => {
  it('files, confirms, suspends, resumes and deregisters; every step audited', async () => {
    const org = await ok(t, 'file', worker, filing({ filedWithId: await regionId(t, CODES.jianguolu) }));
    expect(org).toMatchObject({ standing: 'FILED', status: 'FILING', filedWith: { name: '建国路街道' } });
    // a filing cannot be suspended, only confirmed or deregistered
    await refused(t, 'change', worker, { organizationId: org.id, action: 'SUSPEND' }, 'INVALID_TRANSITION');
    for (const [action, status] of [
      ['ACTIVATE', 'ACTIVE'],
      ['SUSPEND', 'SUSPENDED'],
      ['RESUME', 'ACTIVE'],
      ['DEREGISTER', 'DEREGISTERED'],
    ] as const) {
      expect((await ok(t, 'change', worker, { organizationId: org.id, action, note: '两委会议' })).status).toBe(status);
    }
    await refused(t, 'change', worker, { organizationId: org.id, action: 'RESUME' }, 'INVALID_TRANSITION');
    await refused(
      t,
      'register',
      worker,
      { organizationId: org.id, registrationNumber: '52652301MJ99901' },
      'INVALID_TRANSITION',
    );
    const actions = await t.db.prisma.auditLog.findMany({
      where: { entityId: dbId(org.id) },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(
      ['activate', 'deregister', 'organization.file', 'resume', 'suspend'].map((a) => `social-linkage.${a}`).sort(),
    );
  });

  it('registers a new organisation as ACTIVE, and upgrades a filed one', async () => {
    const reg = await ok(t, 'register', worker, {
      ...filing({ name: '晶彩城社区养老服务中心', kind: 'SERVICE', serviceAreas: ['ELDER_AND_CHILD_CARE'] }),
      registrationNumber: '52652301MJ12345',
    });
    expect(reg).toMatchObject({ standing: 'REGISTERED', status: 'ACTIVE', registrationNumber: '52652301MJ12345' });
    const filed = await ok(
      t,
      'file',
      worker,
      filing({ name: '晶彩城社区跑步协会', kind: 'CULTURE_SPORTS', serviceAreas: ['FITNESS'] }),
    );
    const upgraded = await ok(t, 'register', worker, {
      organizationId: filed.id,
      registrationNumber: '52652301MJ54321',
    });
    expect(upgraded).toMatchObject({ id: filed.id, standing: 'REGISTERED', status: 'ACTIVE' });
  });

  it('refuses bad input, duplicates, other areas and other roles, changing nothing', async () => {
    const before = await snapshot(t);
    const bad = await refused(t, 'file', worker, filing({ name: 'x', serviceAreas: [] }), 'VALIDATION');
    expect(bad.issues.map((i: any) => i.path).sort()).toEqual(['input.name', 'input.serviceAreas']);
    await refused(t, 'register', worker, { ...filing(), registrationNumber: 'no' }, 'VALIDATION');
    await refused(t, 'file', worker, filing({ name: '晶彩城社区睦邻互助会' }), 'CONFLICT'); // seeded
    await refused(t, 'file', other, filing(), 'FORBIDDEN');
    await refused(t, 'file', worker, filing({ filedWithId: await regionId(t, CODES.yuanlin) }), 'VALIDATION');
    await refused(t, 'file', worker, filing({ communityId: await regionId(t, CODES.jianguolu) }), 'FORBIDDEN');
    await refused(t, 'file', zhou, filing({ communityId: await regionId(t, CODES.jianguolu) }), 'VALIDATION');
    await refused(t, 'file', analyst, filing(), 'FORBIDDEN');
    const seeded = await socialOrgId(t, '晶彩城社区睦邻互助会');
    await refused(t, 'change', other, { organizationId: seeded, action: 'SUSPEND' }, 'NOT_FOUND');
    expect(await snapshot(t)).toEqual(before);
  });
});

describe('contact persons (个人信息)', () => {
  const list = `query($f: SocialOrganizationFilter) { socialOrganizations(filter: $f, first: 50) {
    totalCount edges { node { ${FIELDS.ORG} } } } }`;
  const mutualAid = async (token: string) => {
    const r = await t.gql(list, { f: { regionId: community, serviceArea: 'HOUSEKEEPING' } }, { token });
    expect(r.errors).toBeUndefined();
    return r.data.socialOrganizations.edges.map((e: any) => e.node).find((o: any) => o.name === '晶彩城社区睦邻互助会');
  };
  it('shows the contact in full to the community worker, masked to analysts and members', async () => {
    expect(await mutualAid(worker)).toMatchObject({ contactName: '何福琴', contactPerson: { name: '何福琴' } });
    expect(await mutualAid(analyst)).toMatchObject({ contactName: '何**', contactPerson: { name: '何**' } });
    expect(await mutualAid(member)).toMatchObject({ contactName: '何**', contactPerson: null });
  });
  it('a contact must be someone the worker may see', async () => {
    const he = await personId(t, '何福琴');
    const org = await ok(t, 'file', worker, filing({ name: '晶彩城社区手工坊', contactPersonId: he }));
    expect(org.contactName).toBe('何福琴');
    const wang = await personId(t, '王孝梅'); // 园林社区
    await refused(t, 'file', worker, filing({ name: '晶彩城社区合唱团', contactPersonId: wang }), 'NOT_FOUND');
  });
  it('filters by status and service area', async () => {
    const r = await t.gql(list, { f: { regionId: community, status: 'FILING' } }, { token: worker });
    expect(r.data.socialOrganizations.edges.every((e: any) => e.node.status === 'FILING')).toBe(true);
    const s = await t.gql(list, { f: { regionId: community, serviceArea: 'FITNESS' } }, { token: worker });
    expect(s.data.socialOrganizations.edges.every((e: any) => e.node.serviceAreas.includes('FITNESS'))).toBe(true);
    expect(s.data.socialOrganizations.totalCount).toBeGreaterThan(0);
    const out = await t.gql(list, { f: { regionId: await regionId(t, CODES.yuanlin) } }, { token: worker });
    expect(out.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
