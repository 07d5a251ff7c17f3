// Facilities 康养设施 and the 木垒县 figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { facilityByName, MULEI, MULEI_TOWN, newApp, ok, STATS, YUANLIN } from './helpers.js';

let t: TestApp;
let worker: string;
beforeAll(async () => {
  t = await newApp();
  worker = await t.login('yuanlin-worker');
});
afterAll(() => t.close());

const CREATE = `mutation($i: CreateCareFacilityInput!) { createCareFacility(input: $i) {
  __typename ... on CreateCareFacilityPayload { facility { id name kind rooms capacity openingHours mealCutoffTime
    operator { name } community { name } enrolledCount } }
  ... on ValidationError { code issues { path } } ... on Error { code message } } }`;

describe('RegionStats.elderCare', () => {
  it('shows 木垒县 7 / 4 / 2 / 200 / 260 to an analyst (aggregates only)', async () => {
    const r = await t.gql(STATS, { id: await regionId(t, MULEI) }, { token: await t.login('analyst') });
    expect(r.errors).toBeUndefined();
    expect(r.data.region.stats.elderCare).toMatchObject({
      dayCareCenters: 7,
      mealPoints: 4,
      rehabStations: 2,
      eldersServed: 200,
      needsCollected: 260,
    });
  });

  it('rolls up to the prefecture and counts flows inside from/to only', async () => {
    const token = await t.login('zhou-admin');
    const all = (await t.gql(STATS, { id: await regionId(t, '652300') }, { token })).data.region.stats.elderCare;
    expect(all.dayCareCenters).toBe(8); // 7 in 木垒县 + 园林社区日间照料中心
    expect(all.mealPoints).toBe(5);
    expect(all.eldersServed).toBe(204);
    const none = (
      await t.gql(
        STATS,
        { id: await regionId(t, MULEI), from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' },
        { token },
      )
    ).data.region.stats.elderCare;
    expect(none).toMatchObject({
      dayCareCenters: 7,
      eldersServed: 0,
      needsCollected: 0,
      needsDone: 0,
      visitsDone: 0,
      mealsServed: 0,
    });
    const bad = await t.gql(
      STATS,
      { id: await regionId(t, MULEI), from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
      { token },
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });

  it('is refused to residents (the core stats rule)', async () => {
    const r = await t.gql(STATS, { id: await regionId(t, '652301004001') }, { token: await t.login('resident-he') });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('facilities', () => {
  it('lists by region and kind, publicly, with rooms', async () => {
    const q = `query($f: CareFacilityFilter) { careFacilities(filter: $f, first: 50) { totalCount edges { node { name
      kind rooms community { name } } } } }`;
    const meal = await t.gql(q, { f: { regionId: await regionId(t, MULEI), kind: 'MEAL_POINT' } }, { token: worker });
    expect(meal.data.careFacilities.totalCount).toBe(4);
    const anon = await t.gql(
      q,
      { f: { regionId: await regionId(t, MULEI) } },
      { headers: { 'x-township': MULEI_TOWN } },
    );
    expect(anon.data.careFacilities.totalCount).toBe(13);
    const rooms = new Set(anon.data.careFacilities.edges.flatMap((e: any) => e.node.rooms));
    expect([...rooms].sort()).toEqual(['CHESS_CARDS', 'DINING', 'FITNESS', 'READING', 'REHABILITATION', 'REST']);
  });

  it("Community.careFacilities lists a community's facilities (and a county's, by kind)", async () => {
    const q = `query($id: ID!, $k: CareFacilityKind) { region(id: $id) { name careFacilities(kind: $k) { name kind
      enrolledCount operator { name } } } }`;
    const yl = await t.gql(q, { id: await regionId(t, YUANLIN) }, { token: worker });
    expect(yl.data.region.careFacilities.map((f: any) => f.name).sort()).toEqual([
      '园林社区日间照料中心',
      '园林社区老年助餐点',
    ]);
    expect(yl.data.region.careFacilities.find((f: any) => f.kind === 'MEAL_POINT')).toMatchObject({
      enrolledCount: 4,
      operator: { name: '昌吉市馨悦社会工作服务中心' },
    });
    const county = await t.gql(q, { id: await regionId(t, MULEI), k: 'DAY_CARE_CENTER' }, { token: worker });
    expect(county.data.region.careFacilities).toHaveLength(7);
  });

  it('a community worker creates and updates a facility of their community; the write is audited', async () => {
    const org = await t.gql(`{ organizations(filter: { search: "馨悦" }) { edges { node { id } } } }`);
    const created = ok(
      await t.gql(
        CREATE,
        {
          i: {
            communityId: await regionId(t, YUANLIN),
            kind: 'REHAB_STATION',
            name: '园林社区残疾人康复服务站',
            rooms: ['REHABILITATION', 'FITNESS', 'REST', 'REST'],
            capacity: 12,
            openingHours: '周一至周五 09:00–17:00',
            operatorId: org.data.organizations.edges[0].node.id,
          },
        },
        { token: worker },
      ),
      'createCareFacility',
    );
    expect(created.facility).toMatchObject({
      kind: 'REHAB_STATION',
      rooms: ['REHABILITATION', 'FITNESS', 'REST'],
      capacity: 12,
      mealCutoffTime: '09:00',
      community: { name: '园林社区' },
      enrolledCount: 0,
    });
    const upd = await t.gql(
      `mutation($i: UpdateCareFacilityInput!) { updateCareFacility(input: $i) { __typename ... on
        UpdateCareFacilityPayload { facility { rooms capacity } } } }`,
      { i: { facilityId: created.facility.id, rooms: ['REHABILITATION'], capacity: 15 } },
      { token: worker },
    );
    expect(upd.data.updateCareFacility.facility).toEqual({ rooms: ['REHABILITATION'], capacity: 15 });
    const audits = await t.db.prisma.auditLog.count({ where: { action: { startsWith: 'elderCare.facility.' } } });
    expect(audits).toBe(2);
    const one = await t.gql(
      `query($id: ID!) { careFacility(id: $id) { name } node(id: $id) { ... on CareFacility { name } } }`,
      { id: created.facility.id },
      { headers: { 'x-township': '652301006' } },
    );
    expect(one.data).toEqual({
      careFacility: { name: '园林社区残疾人康复服务站' },
      node: { name: '园林社区残疾人康复服务站' },
    });
  });

  it('refuses duplicates, bad input, other communities and analysts — and changes nothing', async () => {
    const before = await t.db.prisma.careFacility.count();
    const base = { communityId: await regionId(t, YUANLIN), kind: 'MEAL_POINT', name: '园林社区老年助餐点' };
    const dup = await t.gql(CREATE, { i: base }, { token: worker });
    expect(dup.data.createCareFacility).toMatchObject({ __typename: 'DomainError', code: 'CONFLICT' });
    const bad = await t.gql(
      CREATE,
      { i: { ...base, name: '新点', capacity: -1, mealCutoffTime: '25:00', phone: '123' } },
      { token: worker },
    );
    expect(bad.data.createCareFacility.code).toBe('VALIDATION');
    expect(bad.data.createCareFacility.issues.map((i: any) => i.path).sort()).toEqual([
      'input.capacity',
      'input.mealCutoffTime',
      'input.phone',
    ]);
    const other = await t.gql(
      CREATE,
      { i: { ...base, name: '别处' } },
      { token: await t.login('jingcaicheng-worker') },
    );
    expect(other.data.createCareFacility.code).toBe('FORBIDDEN');
    const analyst = await t.gql(CREATE, { i: { ...base, name: '别处' } }, { token: await t.login('analyst') });
    expect(analyst.data.createCareFacility.code).toBe('FORBIDDEN');
    const township = await t.gql(
      CREATE,
      { i: { ...base, name: '别处', communityId: await regionId(t, '652301006') } },
      { token: worker },
    );
    // the township lies above the worker's community: outside their area (the policy's scope check)
    expect(township.data.createCareFacility.code).toBe('FORBIDDEN');
    const anon = await t.gql(CREATE, { i: { ...base, name: '别处' } }, { headers: { 'x-township': '652301006' } });
    expect(anon.data.createCareFacility).toMatchObject({ __typename: 'DomainError', code: 'UNAUTHENTICATED' });
    expect(await t.db.prisma.careFacility.count()).toBe(before);
  });

  it('a facility in the list resolves by node id; a wrong id type is a validation error', async () => {
    const f = await facilityByName(t, '园林社区老年助餐点', worker);
    const r = await t.gql(
      `query($id: ID!) { careFacility(id: $id) { name } }`,
      { id: Buffer.from('Person:x').toString('base64') },
      { token: worker },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    expect(f.kind).toBe('MEAL_POINT');
  });
});
