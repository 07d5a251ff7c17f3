// 用时中位数: medianHoursToClaim and medianDaysToFulfil of a cohort, exactly percentile_cont(0.5) of its durations,
// without sorting the cohort. The region's duration histogram of the period (WishDurationMonths/Days, kept for
// every level by triggers; the partial days at its ends from Wish) says which bucket holds the middle and the
// middle's rank inside it; one index walk per measure then starts at that bucket's nearer bound and skips that
// many of the cohort's durations. Rows read grow with the months and the buckets, and with half a bucket's wishes.
import { Prisma, queryRows, splitByDays, wholeDaySummaries, type Context } from '../../src/kit/index.js';
import { MODULE_ID } from './model.js';

export interface Medians {
  medianHoursToClaim: number | null;
  medianDaysToFulfil: number | null;
}

// the intervals the medians are taken over: the same expressions as the indexes the walks read
// (Wish_hours_to_claim_idx, Wish_days_to_fulfil_idx) and as "wish_durations" in the histogram's triggers
const HOURS_TO_CLAIM = Prisma.sql`(extract(epoch FROM w."claimedAt" - w."publishedAt") / 3600)::float8`;
const DAYS_TO_FULFIL = Prisma.sql`(extract(epoch FROM w."fulfilledAt" - w."claimedAt") / 86400)::float8`;

const NONE: Medians = { medianHoursToClaim: null, medianDaysToFulfil: null };

export interface Cohort {
  regionPath: string;
  from: Date | null;
  to: Date | null;
  /** `w` rows of the cohort, given a period: readable under the region, submitted in [from, to) */
  sql: (from: Date | null, to: Date | null) => Promise<Prisma.Sql>;
}

/**
 * The histogram of the cohort's durations as rows (measure, bucket, n): the region's own rows for the whole
 * months and days, less those of switched-off townships below it (counted in the region's rows too), and the
 * wishes of the partial days.
 */
async function histogram(cohort: Cohort, off: readonly string[]): Promise<Prisma.Sql[]> {
  const { days, edges } = splitByDays(cohort.from, cohort.to);
  const own = Prisma.sql`s."regionPath" = ${cohort.regionPath}`;
  const signed = Prisma.sql`s."measure", s."bucket", CASE WHEN ${own} THEN s."n" ELSE -s."n" END AS n`;
  const scope = Prisma.sql`s."regionPath" IN (${Prisma.join([cohort.regionPath, ...off])})`;
  const summaries = wholeDaySummaries(days, { monthly: 'WishDurationMonths', daily: 'WishDurationDays' }, signed, [
    scope,
  ]);
  const facts = await Promise.all(
    edges.map(
      async ([a, b]) => Prisma.sql`SELECT d."measure", "wish_duration_bucket"(d."v") AS bucket, 1 AS n
        FROM "Wish" w CROSS JOIN LATERAL "wish_durations"(w."publishedAt", w."claimedAt", w."fulfilledAt") d
       WHERE ${await cohort.sql(a, b)}`,
    ),
  );
  return [...summaries, ...facts];
}

/**
 * One measure's middle value(s), walking the bucket from its nearer end: upwards from its lower bound, skipping
 * `skip` of the cohort, or downwards from its upper bound, skipping `back` (only when every value read lies in
 * the bucket; the second middle of an even cohort may be the next bucket's first). One reads the one or two
 * middle values (LIMIT `up` or `down`), at most half a bucket's wishes; the other has LIMIT 0, which never starts
 * its scan, though PostgreSQL still checks its OFFSET (hence `back` is never negative). A condition on the
 * direction would, as a one-time filter, put a Result node over the index scan that computes each duration
 * again from the row instead of reading it from the index: 10× slower per row.
 */
const walk = (measure: string, value: Prisma.Sql, present: string, cohort: Prisma.Sql) => {
  const rows = Prisma.sql`FROM "Wish" w WHERE ${cohort} AND ${Prisma.raw(`w."${present}"`)} IS NOT NULL`;
  return Prisma.sql`(SELECT min(x.v) + (max(x.v) - min(x.v)) * 0.5
      FROM middle m CROSS JOIN LATERAL (
        (SELECT ${value} AS v ${rows} AND ${value} >= m.floor ORDER BY ${value} OFFSET m.skip LIMIT m.up)
        UNION ALL
        (SELECT ${value} AS v ${rows} AND ${value} < m.ceil ORDER BY ${value} DESC OFFSET m.back LIMIT m.down)) x
     WHERE m.measure = ${measure})`;
};

/** both medians of the cohort in one statement (one snapshot: the histogram and the walks agree) */
export async function cohortMedians(ctx: Context, cohort: Cohort): Promise<Medians> {
  const off = await ctx.gate.disabledTownshipsWithin(MODULE_ID, cohort.regionPath);
  if (off.some((p) => cohort.regionPath.startsWith(p))) return NONE;
  const parts = await histogram(cohort, off);
  if (!parts.length) return NONE;
  const whole = await cohort.sql(cohort.from, cohort.to);
  // 0-based positions of the middle: first = (total - 1) / 2, and last = first + 1 when total is even (integer
  // division: the sums of bigint are numeric, hence the casts)
  const [row] = await queryRows<Medians>(
    ctx.prisma,
    Prisma.sql`
    WITH h AS (
      SELECT x."measure", x."bucket", sum(x."n")::bigint AS n FROM (${Prisma.join(parts, ' UNION ALL ')}) x
       GROUP BY 1, 2 HAVING sum(x."n") > 0),
    c AS (
      SELECT h.*, (sum(h.n) OVER (PARTITION BY h."measure" ORDER BY h."bucket"))::bigint - h.n AS before,
             (sum(h.n) OVER (PARTITION BY h."measure"))::bigint AS total
        FROM h),
    pos AS (
      SELECT c.*, (c.total - 1) / 2 AS first, (c.total - 1) / 2 + 1 - c.total % 2 AS last FROM c),
    middle AS (
      SELECT p."measure" AS measure, coalesce(("wish_duration_thresholds"())[p."bucket"], '-Infinity') AS floor,
             coalesce(("wish_duration_thresholds"())[p."bucket" + 1], 'Infinity') AS ceil,
             p.first - p.before AS skip, greatest(p.before + p.n - 1 - p.last, 0) AS back,
             CASE WHEN d.from_ceil THEN 0 ELSE p.last - p.first + 1 END AS up,
             CASE WHEN d.from_ceil THEN p.last - p.first + 1 ELSE 0 END AS down
        FROM pos p CROSS JOIN LATERAL (
          SELECT p.last < p.before + p.n AND p.before + p.n - 1 - p.last < p.first - p.before AS from_ceil) d
       WHERE p.before <= p.first AND p.first < p.before + p.n)
    SELECT ${walk('HOURS_TO_CLAIM', HOURS_TO_CLAIM, 'claimedAt', whole)} AS "medianHoursToClaim",
           ${walk('DAYS_TO_FULFIL', DAYS_TO_FULFIL, 'fulfilledAt', whole)} AS "medianDaysToFulfil"`,
  );
  return row!;
}
