// The demo figures of the newspaper page, and RegionStats.wishes computed from them in SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import wishes from '../../../modules/wishes/index.js';
import { DEMO_ANCHOR } from '../../../prisma/seed/load.js';
import { createTestApp, type TestApp } from '../../helpers.js';
import { CODES, startApp } from './support.js';

let t: TestApp;
let analyst: string;
beforeAll(async () => {
  t = await startApp();
  analyst = await t.login('analyst');
});
afterAll(() => t.close());

const STATS = `query($c: String!, $from: DateTime, $to: DateTime) {
  regionByCode(code: $c) { stats { wishes(from: $from, to: $to) {
  submitted published claimed fulfilled confirmed rejected withdrawn claimRate medianHoursToClaim medianDaysToFulfil
  topClaimingOrganizations(first: 10) { name count organization { name } } } } } }`;
const stats = async (code: string, vars: Record<string, unknown> = {}, token = analyst) => {
  const r = await t.gql(STATS, { c: code, ...vars }, { token });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.regionByCode.stats.wishes;
};

/** the median the way percentile_cont computes it (interpolated), from the rows themselves */
function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2;
}

describe('demo data: the figures of the page', () => {
  it('园林社区 6 (all claimed), 晶彩城社区 126 in November 2024, 嘉顺社区 1, 天龙社区 21, 塔西河乡学校 30 书包', async () => {
    const byCommunity = await t.db.prisma.wish.groupBy({
      by: ['communityId'],
      _count: { _all: true },
      _min: { submittedAt: true },
      _max: { submittedAt: true },
    });
    const regions = await t.db.prisma.region.findMany({ where: { id: { in: byCommunity.map((b) => b.communityId) } } });
    const counts = Object.fromEntries(
      byCommunity.map((b) => [regions.find((r) => r.id === b.communityId)!.name, b._count._all]),
    );
    expect(counts).toEqual({ 园林社区: 6, 晶彩城社区: 126, 嘉顺社区: 1, 天龙社区: 21, 黄台子村: 30 });
    expect(
      await t.db.prisma.wish.count({
        where: { regionPath: { startsWith: '/652300/652301/652301006/652301006001/' }, claimantId: null },
      }),
    ).toBe(0);
    expect(
      await t.db.prisma.wish.count({
        where: { title: '书包', regionPath: { startsWith: '/652300/652324/652324203/' } },
      }),
    ).toBe(30);
    // the story's people: 王孝梅's rice and oil (confirmed), 何福琴's 护腰带、护膝 by 蒲晓, 张兴德's heater
    const requesters = await t.db.prisma.person.findMany({ where: { name: { in: ['王孝梅', '何福琴', '张兴德'] } } });
    const story = await t.db.prisma.wish.findMany({ where: { requesterId: { in: requesters.map((p) => p.id) } } });
    const people = await t.db.prisma.person.findMany({
      where: { id: { in: story.flatMap((w) => [w.requesterId, w.claimantId!]) } },
    });
    const name = (id: string | null) => people.find((p) => p.id === id)?.name;
    expect(story.map((w) => [w.title, name(w.requesterId), name(w.claimantId), w.status]).sort()).toEqual([
      ['小太阳取暖器', '张兴德', '郭鹏', 'CONFIRMED'],
      ['护腰带、护膝', '何福琴', '蒲晓', 'CONFIRMED'],
      ['米面油', '王孝梅', '马楠', 'CONFIRMED'],
    ]);
    // no demo claim is open: nothing expires when a server starts on the demo data
    expect(await t.db.prisma.wish.count({ where: { status: 'CLAIMED' } })).toBe(0);
  });

  it('loads in a handful of statements', async () => {
    const core = await createTestApp({ modules: [] });
    try {
      const prisma = core.db.prisma;
      const kit = {
        prisma,
        now: core.clock.now(),
        anchor: DEMO_ANCHOR,
        // the events are delivered by the loader (prisma/seed/load.ts), outside the seed's own statements
        publish: async (events: readonly { type: string }[]) => {
          published.push(...events.map((e) => e.type));
        },
        region: (code: string) => prisma.region.findUniqueOrThrow({ where: { code } }),
        person: (name: string) => prisma.person.findFirstOrThrow({ where: { name } }),
        organization: (name: string) => prisma.organization.findFirstOrThrow({ where: { name } }),
        account: (username: string) => prisma.account.findUniqueOrThrow({ where: { username } }),
      };
      const published: string[] = [];
      const started = performance.now();
      const { statements } = await core.db.statements.measure(() => wishes.seed!(kit));
      console.info(`wishes seed: ${statements} statements, ${Math.round(performance.now() - started)} ms`);
      expect(statements).toBeLessThanOrEqual(10);
      expect(await prisma.wish.count()).toBe(184);
      // one claim and one fulfilment event per claimed wish, as the mutations publish them
      const claimed = await prisma.wish.count({ where: { claimantId: { not: null } } });
      expect(published.filter((e) => e === 'wishes.claimed')).toHaveLength(claimed);
      expect(published.filter((e) => e === 'wishes.fulfilled')).toHaveLength(claimed);
    } finally {
      await core.close();
    }
  });
});

describe('RegionStats.wishes', () => {
  it('晶彩城社区: counts, claim rate and medians agree with the rows', async () => {
    const s = await stats(CODES.jingcaicheng);
    expect(s).toMatchObject({
      submitted: 126,
      published: 126,
      claimed: 114,
      fulfilled: 114,
      confirmed: 100,
      rejected: 0,
      withdrawn: 0,
      claimRate: 0.9048,
    });
    const rows = await t.db.prisma.wish.findMany({
      where: { regionPath: { contains: CODES.jingcaicheng }, claimedAt: { not: null } },
    });
    const hours = median(rows.map((w) => (w.claimedAt!.getTime() - w.publishedAt!.getTime()) / 3_600_000));
    const days = median(rows.map((w) => (w.fulfilledAt!.getTime() - w.claimedAt!.getTime()) / 86_400_000));
    expect(s.medianHoursToClaim).toBeCloseTo(hours, 1);
    expect(s.medianDaysToFulfil).toBeCloseTo(days, 1);
    expect(s.topClaimingOrganizations).toEqual([
      { name: '昌吉州融媒体中心', count: 114, organization: { name: '昌吉州融媒体中心' } },
    ]);
  });

  it('rolls up from every community below: 昌吉州, and the period filter (November 2024 in 建国路街道)', async () => {
    const all = await stats(CODES.prefecture);
    expect(all).toMatchObject({ submitted: 184, published: 184, claimed: 172, fulfilled: 172 });
    expect(all.topClaimingOrganizations.map((o: any) => [o.name, o.count])).toEqual([
      ['昌吉州融媒体中心', 114],
      ['福建援疆三明分指挥部', 30],
      ['阜康市住建局', 11],
      ['甘河子镇派出所', 10],
      ['昌吉州人民医院', 5],
      ['新疆农业职业技术大学', 2],
    ]);
    const november = await stats(CODES.jianguolu, { from: '2024-10-31T16:00:00Z', to: '2024-11-30T16:00:00Z' });
    expect(november).toMatchObject({ submitted: 127, claimed: 115 });
    const december = await stats(CODES.jianguolu, { from: '2024-11-30T16:00:00Z', to: '2024-12-31T16:00:00Z' });
    expect(december).toMatchObject({
      submitted: 0,
      claimRate: null,
      medianHoursToClaim: null,
      topClaimingOrganizations: [],
    });
  });

  it('follows Region.stats access rules and checks the period', async () => {
    const resident = await t.login('resident-he');
    const denied = await t.gql(STATS, { c: CODES.jingcaicheng }, { token: resident });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reversed = await t.gql(
      STATS,
      { c: CODES.jingcaicheng, from: '2024-12-01T00:00:00Z', to: '2024-11-01T00:00:00Z' },
      { token: analyst },
    );
    expect(reversed.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});
