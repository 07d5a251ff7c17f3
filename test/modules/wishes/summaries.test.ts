// 心愿汇总: WishDailyFigures and WishStatusCount follow Wish in every writing transaction (triggers), and
// RegionStats.wishes read from them gives exactly what counting the wishes gives, for any period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, regionId, shanghaiMonthStart as monthStart, type TestApp } from '../../helpers.js';
import { CODES, mutate, ok, publishedWish, startApp } from './support.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
let t: TestApp;
let clock: ManualClock;
let analyst: string;
let resident: string;
let worker: string;
let member: string;
const login = async () => {
  [analyst, resident, worker, member] = await Promise.all(
    ['analyst', 'resident-he', 'jingcaicheng-worker', 'member-pu'].map((u) => t.login(u)),
  );
};
beforeAll(async () => {
  clock = new ManualClock(new Date('2026-11-25T09:30:00Z'));
  t = await startApp(clock);
  await login();
});
afterAll(() => t.close());

const STAGES = '"submitted", "published", "claimed", "fulfilled", "confirmed", "rejected", "withdrawn"';
/** the stages of the wishes counted per community and Asia/Shanghai day or month of submission */
const countedBy = (unit: 'day' | 'month') => `
  SELECT w."regionPath",
         date_trunc('${unit}', w."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date::text AS ${unit},
         count(*)::int AS submitted,
         count(w."publishedAt")::int AS published, count(w."claimedAt")::int AS claimed,
         count(w."fulfilledAt")::int AS fulfilled, count(w."confirmedAt")::int AS confirmed,
         (count(*) FILTER (WHERE w."status" = 'REJECTED'))::int AS rejected,
         (count(*) FILTER (WHERE w."status" = 'WITHDRAWN'))::int AS withdrawn
    FROM "Wish" w GROUP BY 1, 2 ORDER BY 1, 2`;

const HOURS_TO_CLAIM = `extract(epoch FROM w."claimedAt" - w."publishedAt") / 3600`;
const DAYS_TO_FULFIL = `extract(epoch FROM w."fulfilledAt" - w."claimedAt") / 86400`;
/** the duration histograms counted from Wish: per measure, every region a wish lies under, day or month, bucket */
const durationsBy = (unit: 'day' | 'month') => `
  SELECT m.measure, r."path" AS "regionPath",
         date_trunc('${unit}', w."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date::text AS ${unit},
         "wish_duration_bucket"(m.v::float8) AS bucket, count(*)::int AS n
    FROM "Wish" w JOIN "Region" r ON starts_with(w."regionPath", r."path")
   CROSS JOIN LATERAL (VALUES ('HOURS_TO_CLAIM', ${HOURS_TO_CLAIM}),
                              ('DAYS_TO_FULFIL', ${DAYS_TO_FULFIL})) m (measure, v)
   WHERE m.v IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
const durations = (table: string, unit: 'day' | 'month') =>
  `SELECT "measure", "regionPath", "${unit}"::text AS ${unit}, "bucket", "n" FROM "${table}" WHERE "n" <> 0
    ORDER BY 1, 2, 3, 4`;

/** the summaries, and the same figures counted from Wish: they must be equal row for row */
async function summariesAndFacts() {
  const q = <T>(sql: string) => t.db.prisma.$queryRawUnsafe<T[]>(sql);
  const [daily, dailyFacts, status, statusFacts, monthly, monthlyFacts, ...histograms] = await Promise.all([
    q(`SELECT "regionPath", "day"::text AS day, ${STAGES} FROM "WishDailyFigures" WHERE "submitted" <> 0
        ORDER BY 1, 2`),
    q(countedBy('day')),
    q(`SELECT "regionPath", "status"::text, "n" FROM "WishStatusCount" WHERE "n" <> 0 ORDER BY 1, 2`),
    q(`SELECT "regionPath", "status"::text, count(*)::int AS n FROM "Wish" GROUP BY 1, 2 ORDER BY 1, 2`),
    q(`SELECT "regionPath", "month"::text AS month, ${STAGES} FROM "WishMonthlyFigures" WHERE "submitted" <> 0
        ORDER BY 1, 2`),
    q(countedBy('month')),
    q(durations('WishDurationDays', 'day')),
    q(durationsBy('day')),
    q(durations('WishDurationMonths', 'month')),
    q(durationsBy('month')),
  ]);
  return { daily, dailyFacts, status, statusFacts, monthly, monthlyFacts, histograms };
}

async function expectSummariesMatchFacts() {
  const s = await summariesAndFacts();
  expect(s.daily.length).toBeGreaterThan(0);
  expect(s.daily).toEqual(s.dailyFacts);
  expect(s.monthly.length).toBeGreaterThan(0);
  expect(s.monthly).toEqual(s.monthlyFacts);
  expect(s.status).toEqual(s.statusFacts);
  const [days, daysFacts, months, monthsFacts] = s.histograms;
  expect(days!.length).toBeGreaterThan(0);
  expect(days).toEqual(daysFacts);
  expect(months).toEqual(monthsFacts);
}

const COUNTS =
  'submitted published claimed fulfilled confirmed rejected withdrawn medianHoursToClaim medianDaysToFulfil';
const statsOf = async (code: string, from: Date | null, to: Date | null) => {
  const r = await t.gql(
    `query($c: String!, $from: DateTime, $to: DateTime) {
       regionByCode(code: $c) { stats { wishes(from: $from, to: $to) { ${COUNTS} } } } }`,
    { c: code, from: from?.toISOString() ?? null, to: to?.toISOString() ?? null },
    { token: analyst },
  );
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.regionByCode.stats.wishes;
};

const round1 = (n: number | null) => (n == null ? null : Math.round(n * 10) / 10);

/** the oracle: the same counts straight from the wishes of the region (outside `off`), medians by sorting them */
async function countedFromWishes(code: string, from: Date | null, to: Date | null, off: string[] = []) {
  const region = await t.db.prisma.region.findUniqueOrThrow({ where: { code } });
  const where = {
    regionPath: { startsWith: region.path },
    submittedAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) },
    AND: off.map((p) => ({ NOT: { regionPath: { startsWith: p } } })),
  };
  const count = (extra: object) => t.db.prisma.wish.count({ where: { ...where, ...extra } });
  const [medians] = await t.db.prisma.$queryRawUnsafe<{ h: number | null; d: number | null }[]>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (${HOURS_TO_CLAIM})::float8) AS h,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY (${DAYS_TO_FULFIL})::float8) AS d
       FROM "Wish" w
      WHERE starts_with(w."regionPath", $1) AND w."claimedAt" IS NOT NULL
        AND ($2::timestamp IS NULL OR w."submittedAt" >= $2) AND ($3::timestamp IS NULL OR w."submittedAt" < $3)
        AND NOT (w."regionPath" LIKE ANY ($4::text[]))`,
    region.path,
    from,
    to,
    off.map((p) => `${p}%`),
  );
  return {
    medianHoursToClaim: round1(medians!.h),
    medianDaysToFulfil: round1(medians!.d),
    submitted: await count({}),
    published: await count({ publishedAt: { not: null } }),
    claimed: await count({ claimedAt: { not: null } }),
    fulfilled: await count({ fulfilledAt: { not: null } }),
    confirmed: await count({ confirmedAt: { not: null } }),
    rejected: await count({ status: 'REJECTED' }),
    withdrawn: await count({ status: 'WITHDRAWN' }),
  };
}

/** whole-day, partial-day, open, whole-month and mixed periods over the span of the wishes */
async function demoPeriods() {
  const bounds = await t.db.prisma.wish.aggregate({ _min: { submittedAt: true }, _max: { submittedAt: true } });
  const first = bounds._min.submittedAt!.getTime();
  const last = bounds._max.submittedAt!.getTime();
  const at = (f: number) => new Date(first + Math.round((last - first) * f));
  // midnight in Asia/Shanghai (UTC+8), where the summary's days begin; UTC midnights are partial days there
  const midnight = (d: Date) => new Date(Math.floor((d.getTime() + 8 * HOUR) / DAY) * DAY - 8 * HOUR);
  const utcMidnight = (d: Date) => new Date(Math.floor(d.getTime() / DAY) * DAY);
  const periods: [Date | null, Date | null][] = [
    [null, null],
    [midnight(at(0.1)), midnight(at(0.9))], // whole days only
    [at(0.13), at(0.77)], // partial days at both ends
    [at(0.5), new Date(at(0.5).getTime() + 5 * HOUR)], // inside one day
    [null, at(0.6)],
    [at(0.4), null],
    [midnight(at(0.3)), new Date(midnight(at(0.3)).getTime() + DAY)], // exactly one day
    [utcMidnight(at(0.2)), utcMidnight(at(0.8))],
    [monthStart(at(0.15)), monthStart(at(0.85))], // whole months only
    [monthStart(at(0.35)), new Date(monthStart(at(0.35)).getTime() + 3 * DAY)], // days of one month
    [new Date(monthStart(at(0.45)).getTime() - 2 * DAY), at(0.7)], // days, months, days and a partial day
  ];
  return periods;
}

describe('wish summaries (maintained by triggers in the writing transaction)', () => {
  it('the demo data: summaries equal the facts; stats equal counting for whole, partial and open periods', async () => {
    await expectSummariesMatchFacts();
    const periods = await demoPeriods();
    for (const code of [CODES.prefecture, CODES.jingcaicheng, CODES.manas]) {
      for (const [from, to] of periods) {
        expect(await statsOf(code, from, to), `${code} ${from?.toISOString()}–${to?.toISOString()}`).toEqual(
          await countedFromWishes(code, from, to),
        );
      }
    }
  });

  it('every transition moves the summaries with its wish, concurrent ones too; a failed write none', async () => {
    // submitted today: the stats of today's partial day come from the facts, of yesterday from the summaries
    const wishes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng, title: `汇总测试${i}` }),
      ),
    );
    const rejected = await ok(t, 'submit', resident, await submitInput());
    await ok(t, 'review', worker, { wishId: rejected.id, approve: false, reason: '不符合征集范围' });
    const withdrawn = await ok(t, 'submit', resident, await submitInput());
    await ok(t, 'withdraw', resident, { wishId: withdrawn.id });
    await expectSummariesMatchFacts();

    // concurrent claims of different wishes of one community and day (one summary row), and a lost race
    const claims = await Promise.all([
      ...wishes.slice(0, 4).map((w) => mutate(t, 'claim', member, { wishId: w.id })),
      mutate(t, 'claim', member, { wishId: wishes[0].id }),
    ]);
    expect(claims.filter((c) => c.__typename === 'ClaimWishPayload')).toHaveLength(4);
    await expectSummariesMatchFacts();

    await ok(t, 'release', member, { wishId: wishes[3].id, reason: '时间冲突，无法兑现' });
    await ok(t, 'fulfil', member, { wishId: wishes[0].id, note: '已送达' });
    await ok(t, 'confirm', resident, { wishId: wishes[0].id, rating: 5 });
    await expectSummariesMatchFacts();

    // a refused transition changes nothing
    const before = await summariesAndFacts();
    expect((await mutate(t, 'confirm', resident, { wishId: wishes[1].id, rating: 5 })).code).toBeDefined();
    expect(await summariesAndFacts()).toEqual(before);

    // the expiry job updates many wishes in one statement
    clock.advance(40 * DAY);
    await login();
    const { expired } = (await t.app.jobs.run('wishes.expireClaims')) as { expired: number };
    expect(expired).toBe(2);
    await expectSummariesMatchFacts();

    // and stats over the days of the test agree with counting
    const today = new Date(Math.floor(Date.parse('2026-11-25T09:30:00Z') / DAY) * DAY);
    for (const [from, to] of [
      [new Date(today.getTime() - DAY), new Date(today.getTime() + DAY)],
      [new Date(today.getTime() + 9 * HOUR), new Date(today.getTime() + 10 * HOUR)],
    ] as const) {
      expect(await statsOf(CODES.jingcaicheng, from, to)).toEqual(
        await countedFromWishes(CODES.jingcaicheng, from, to),
      );
    }
  });
});

async function submitInput() {
  const community = await t.db.prisma.region.findUniqueOrThrow({ where: { code: CODES.jingcaicheng } });
  return {
    communityId: Buffer.from(`Region:${community.id}`).toString('base64'),
    title: '汇总测试',
    category: 'DAILY_NECESSITIES',
    channel: 'HOME_VISIT',
  };
}

describe('totalCount from WishStatusCount', () => {
  const STATUSES = [null, 'PENDING_REVIEW', 'PUBLISHED', 'CLAIMED', 'FULFILLED', 'CONFIRMED', 'REJECTED', 'WITHDRAWN'];
  const LIST = `query($s: WishStatus) { wishes(first: 1, filter: { status: $s }) { totalCount } }`;
  const NESTED = `query($c: String!, $s: WishStatus) {
    regionByCode(code: $c) { wishes(first: 1, status: $s) { totalCount } } }`;

  /** the oracle: the wishes counted row by row, under a path, outside the townships where the module is off */
  async function counted(path: string, status: string | null, off: string[] = []) {
    return t.db.prisma.wish.count({
      where: {
        regionPath: { startsWith: path },
        ...(status ? { status: status as never } : {}),
        AND: off.map((p) => ({ NOT: { regionPath: { startsWith: p } } })),
      },
    });
  }

  async function expectExact(off: string[]) {
    for (const [username, code] of [
      ['analyst', CODES.prefecture],
      ['zhou-admin', CODES.prefecture],
      ['jingcaicheng-worker', CODES.jingcaicheng],
    ] as const) {
      const token = await t.login(username);
      const account = await t.db.prisma.account.findUniqueOrThrow({ where: { username } });
      if (off.some((p) => account.regionPath.startsWith(p))) {
        // the module is off where this worker works: no wish list at all, not an empty one
        expect((await t.gql(LIST, {}, { token })).errors?.length, username).toBeGreaterThan(0);
        continue;
      }
      for (const status of STATUSES) {
        const root = await t.gql(LIST, { s: status }, { token });
        expect(root.data?.wishes.totalCount, `${username} ${status}`).toBe(
          await counted(account.regionPath, status, off),
        );
        const nested = await t.gql(NESTED, { c: code, s: status }, { token });
        const region = await t.db.prisma.region.findUniqueOrThrow({ where: { code } });
        expect(nested.data?.regionByCode.wishes.totalCount, `${username} ${code} ${status}`).toBe(
          await counted(region.path, status, off),
        );
      }
    }
    const wall = await t.gql(`{ wishWall(first: 1) { totalCount } }`, {});
    expect(wall.data?.wishWall.totalCount).toBe(await counted('/', 'PUBLISHED', off));
  }

  it('readers and the wall get exact totals by status; a switched-off township drops out of them', async () => {
    await expectExact([]);
    const admin = await t.login('admin');
    const township = await t.db.prisma.region.findUniqueOrThrow({ where: { code: CODES.jianguolu } });
    const r = await t.gql(
      `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) { __typename } }`,
      { i: { regionId: await regionId(t, CODES.jianguolu), moduleId: 'wishes', enabled: false, note: '汇总测试' } },
      { token: admin },
    );
    expect(r.data?.setModuleEnabled.__typename).toBe('SetModuleEnabledPayload');
    await expectExact([township.path]);
    const periods = await demoPeriods();
    for (const code of [CODES.prefecture, CODES.jianguolu, CODES.jingcaicheng]) {
      for (const [from, to] of periods.slice(0, 4)) {
        expect(await statsOf(code, from, to), `${code} ${from?.toISOString()}–${to?.toISOString()}`).toEqual(
          await countedFromWishes(code, from, to, [township.path]),
        );
      }
    }
  });
});
