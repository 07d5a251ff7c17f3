// The township switch (北五岔镇 off: its records hidden, writes refused, events not taken in; 甘河子镇
// unaffected; back on restores everything), needs fed by other modules' events, and RegionStats.socialLinkage
// against the demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { CODES, mutate, ok, startApp } from './support.js';

let t: TestApp;
let zhou: string;
let beiwuchaAdmin: string;
beforeAll(async () => {
  t = await startApp();
  [zhou, beiwuchaAdmin] = await Promise.all(['zhou-admin', 'beiwucha-admin'].map((u) => t.login(u)));
});
afterAll(() => t.close());

const pathOf = async (code: string) => (await t.db.prisma.region.findUniqueOrThrow({ where: { code } })).path;
const publish = (type: string, regionPath: string, payload: Record<string, unknown>) =>
  t.db.prisma.$transaction((tx) => t.app.events.publish(tx, { type, regionPath, payload }, t.clock.now()));

async function setSwitch(enabled: boolean) {
  const r = await t.gql(
    `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) { __typename ... on Error { code message } } }`,
    { i: { regionId: await regionId(t, CODES.beiwucha), moduleId: 'social-linkage', enabled, note: '测试' } },
    { token: beiwuchaAdmin },
  );
  expect(r.data?.setModuleEnabled?.__typename, JSON.stringify(r)).toBe('SetModuleEnabledPayload');
}
const orgCount = async (code: string) => {
  const r = await t.gql(
    `query($r: ID) { socialOrganizations(filter: { regionId: $r }) { totalCount } }`,
    { r: await regionId(t, code) },
    { token: zhou },
  );
  expect(r.errors).toBeUndefined();
  return r.data.socialOrganizations.totalCount as number;
};

describe('module switch per township', () => {
  it('北五岔镇 off hides its records and refuses writes there; 甘河子镇 keeps working; on restores', async () => {
    const before = await orgCount(CODES.beiwucha);
    expect(before).toBeGreaterThan(0);
    await setSwitch(false);
    expect(await orgCount(CODES.beiwucha)).toBe(0);
    const need = { category: 'OTHER', description: '村道路灯维修', source: 'GRID' };
    const refused = await mutate(t, 'need', zhou, { ...need, communityId: await regionId(t, CODES.weijiachang) });
    expect(refused.code).toBe('MODULE_DISABLED');
    await ok(t, 'need', zhou, { ...need, communityId: await regionId(t, CODES.tianlong) });
    // no intake where the module is off
    await publish('wishes.rejected', await pathOf(CODES.weijiachang), { wishId: 'wish-off', category: 'HEALTH' });
    expect(await t.db.prisma.communityNeed.count({ where: { sourceRef: 'wish-off' } })).toBe(0);
    // the village's own schema has no module fields at all
    const v = await t.gql(`{ socialOrganizations { totalCount } }`, {}, { token: await t.login('weijiachang-worker') });
    expect(v.errors?.[0]?.message).toMatch(/Cannot query field/);
    await setSwitch(true);
    expect(await orgCount(CODES.beiwucha)).toBe(before);
  });
});

describe('needs fed by events', () => {
  it('a rejected wish and an elder need left open become OPEN needs, once each', async () => {
    const path = await pathOf(CODES.jingcaicheng);
    for (let i = 0; i < 2; i++) await publish('wishes.rejected', path, { wishId: 'wish-1', category: 'ELDER_CARE' });
    const he = await t.db.prisma.person.findFirstOrThrow({ where: { name: '何福琴' } });
    await publish('elder-care.needLeftOpen', path, { needId: 'elder-1', personId: he.id, category: 'MEAL' });
    await publish('wishes.rejected', path, { nothing: true }); // malformed: ignored
    const rows = await t.db.prisma.communityNeed.findMany({ where: { sourceRef: { in: ['wish-1', 'elder-1'] } } });
    expect(rows.map((r) => [r.source, r.category, r.status]).sort()).toEqual([
      ['ELDER_CARE', 'MEALS_AND_MOBILITY', 'OPEN'],
      ['WISH', 'ELDER_AND_CHILD_CARE', 'OPEN'],
    ]);
    expect(rows.find((r) => r.source === 'ELDER_CARE')!.concernedPersonId).toBe(he.id);
  });
});

const STATS = `query($r: ID!) { region(id: $r) { stats { socialLinkage {
  socialOrganizations { total filing active suspended deregistered registered filed }
  organizationsPerCommunity { communities min median max }
  socialWorkers { total assistant socialWorker senior }
  stations { countyCentres townshipStations communityRooms }
  needs needsMatched matchRate medianDaysToMatch resources projects projectBudgetYuan projectsEvaluated } } } }`;

describe('RegionStats.socialLinkage', () => {
  const stats = async (code: string, token?: string) => {
    const r = await t.gql(STATS, { r: await regionId(t, code) }, { token: token ?? (await t.login('analyst')) });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data.region.stats.socialLinkage;
  };
  it('晶彩城社区: the demo figures', async () => {
    // the event intake above added 2 needs here (recorded now, open)
    const s = await stats(CODES.jingcaicheng);
    expect(s).toMatchObject({
      socialOrganizations: { total: 10, filing: 1, active: 9, suspended: 0, deregistered: 0, registered: 4, filed: 6 },
      organizationsPerCommunity: { communities: 1, min: 10, median: 10, max: 10 },
      socialWorkers: { total: 1, assistant: 1 },
      stations: { countyCentres: 0, townshipStations: 0, communityRooms: 1 },
      needs: 8,
      needsMatched: 3,
      matchRate: 0.375,
      medianDaysToMatch: 2,
      resources: 2,
    });
  });
  it('建国路街道 and the prefecture agree with the database', async () => {
    const s = await stats(CODES.jianguolu);
    expect(s).toMatchObject({ resources: 4, projects: 1, projectBudgetYuan: 300000, projectsEvaluated: 1 });
    expect(s.stations.townshipStations).toBe(1);
    const z = await stats(CODES.prefecture);
    const p = t.db.prisma;
    expect(z.socialOrganizations.total).toBe(await p.socialOrganization.count());
    expect(z.organizationsPerCommunity.communities).toBe(await p.region.count({ where: { level: 'COMMUNITY' } }));
    // 全州174个城乡社区: the demo hierarchy has all of them (prisma/seed/communities.ts)
    expect(z.organizationsPerCommunity.communities).toBe(174);
    const core = await t.gql(
      `query($r: ID!) { region(id: $r) { stats { communities } } }`,
      {
        r: await regionId(t, CODES.prefecture),
      },
      { token: zhou },
    );
    expect(core.data.region.stats.communities).toBe(174);
    expect(z.organizationsPerCommunity.min).toBeGreaterThanOrEqual(5);
    expect(z.organizationsPerCommunity.max).toBe(10);
    expect(z.stations.countyCentres).toBe(7);
    expect(z).toMatchObject({ projects: 3, projectBudgetYuan: 630000, projectsEvaluated: 1 });
    expect(z.socialWorkers).toMatchObject({ total: 4, assistant: 2, socialWorker: 1, senior: 1 });
  });
  it('a period narrows needs and projects', async () => {
    const r = await t.gql(
      `query($r: ID!) { region(id: $r) { stats {
        now: socialLinkage(from: "2026-11-01T00:00:00Z", to: "2026-11-20T00:00:00Z") { needs projects }
        story: socialLinkage(from: "2024-11-21T00:00:00Z", to: "2024-12-20T00:00:00Z") { needs projects } } } }`,
      { r: await regionId(t, CODES.jingcaicheng) },
      { token: await t.login('analyst') },
    );
    // open needs are current: the one recorded 12 days before 2026-11-25 (the 45-day-old one is earlier);
    // matched needs are the 2024 story (demo anchor 2024-12-20): the one matched 20 days before it
    expect(r.data.region.stats).toEqual({ now: { needs: 1, projects: 0 }, story: { needs: 1, projects: 0 } });
  });
});
