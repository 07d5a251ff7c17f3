// npm run bench:scale — the listed requests on PostgreSQL at 10⁴, 10⁵ and 10⁶ wishes (BENCH_SIZES to
// choose), generated in SQL on top of the demo data: p50/p99, req/s, statements per request, the rows they
// returned and the buffers they touched (pg_stat_statements), and the
// growth from the smallest to the largest size. BENCH_DATABASE_URL names an admin URL of a server to use;
// without it the loopback server of the tests is started (scripts/postgres.sh). Prints; asserts nothing.
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { openDatabase } from '../src/db/index.js';
import { BENCH_PASSWORD, benchApp } from './in-process.js';
import { demoDatabase } from './servers.js';
import { load, printTable } from './load.js';
import { SCALE_SCENARIOS } from './scenarios.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
// BENCH_ONLY=stats: only the scenarios whose name contains it (a second look at one request)
const SCENARIOS = SCALE_SCENARIOS.filter((s) => s.name.includes(process.env.BENCH_ONLY ?? ''));

const env = {
  ...process.env,
  PGPORT: process.env.PGPORT ?? '54339',
  PGDIR: process.env.PGDIR ?? '/tmp/dangjian-bench',
  PG_EXTRA_OPTS: '-c shared_preload_libraries=pg_stat_statements',
};
const started = !process.env.BENCH_DATABASE_URL;
const admin =
  process.env.BENCH_DATABASE_URL ?? execFileSync('bash', ['scripts/postgres.sh', 'start'], { env }).toString().trim();

/** the extra wishes, spread over every community and the last two years, in one INSERT … SELECT */
async function generateWishes(url: string, total: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('SELECT count(*)::int AS n FROM "Wish"');
  const missing = total - rows[0].n;
  if (missing > 0)
    await client.query(
      `WITH c AS (SELECT array_agg(id ORDER BY code) AS ids, array_agg(path ORDER BY code) AS paths
                    FROM "Region" WHERE level = 'COMMUNITY'),
            p AS (SELECT array_agg(id) AS ids FROM "Person"),
            g AS (SELECT i, (i % array_length(c.ids, 1)) + 1 AS k, random() AS r, c.ids, c.paths, p.ids AS people
                    FROM generate_series(1, $1::int) i, c, p)
       INSERT INTO "Wish" (id, "communityId", "regionPath", "requesterId", title, category, channel, status,
                           "submittedAt", "publishedAt", "claimantId", "claimedAt", "evidenceUrls", "updatedAt")
       SELECT gen_random_uuid()::text, ids[k], paths[k], people[(i % array_length(people, 1)) + 1],
              '生成的心愿 ' || i, (enum_range(NULL::"WishCategory"))[(i % 6) + 1],
              (enum_range(NULL::"WishChannel"))[(i % 4) + 1],
              (enum_range(NULL::"WishStatus"))[(i % 7) + 1],
              now() - (r * interval '730 days'),
              CASE WHEN i % 7 IN (1, 2, 3, 4) THEN now() - (r * interval '720 days') END,
              CASE WHEN i % 7 IN (2, 3, 4) THEN people[((i * 7) % array_length(people, 1)) + 1] END,
              CASE WHEN i % 7 IN (2, 3, 4) THEN now() - (r * interval '710 days') END, '{}', now()
         FROM g`,
      [missing],
    );
  // as autovacuum leaves a table in production: statistics and the visibility map (index-only scans)
  await client.query('VACUUM ANALYZE');
  await client.end();
}

/**
 * What the server did for one request, from pg_stat_statements: statements, rows they returned and 8 kB
 * buffers they touched (hit or read), averaged over `runs`; null when the extension is not preloaded.
 */
async function serverWork(url: string, request: () => Promise<unknown>, runs = 5) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT pg_stat_statements_reset()');
    for (let i = 0; i < runs; i++) await request();
    const { rows } = await client.query(
      `SELECT sum(calls)::float8 AS calls, sum(rows)::float8 AS rows,
              sum(shared_blks_hit + shared_blks_read)::float8 AS blocks
         FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query NOT LIKE '%pg_stat_statements%'`,
    );
    const per = (v: number) => (v / runs).toFixed(0);
    return { rows: per(rows[0].rows), blocks: per(rows[0].blocks) };
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

const p50s = new Map<string, number[]>();
try {
  for (const size of SIZES) {
    const url = await demoDatabase(admin, `bench_${size}`, BENCH_PASSWORD);
    const db = await openDatabase({ url, poolSize: 10 });
    await generateWishes(url, size);
    // and never refuse the largest requests
    const { post, login } = await benchApp(db, { executionMs: 60_000 });
    const rows = [['scenario', 'req/s', 'p50 ms', 'p99 ms', 'SQL/req', 'rows/req', 'blocks/req']];
    for (const s of SCENARIOS) {
      const token = s.user ? await login(s.user) : null;
      await post(s.query, token);
      const { statements } = await db.statements.measure(() => post(s.query, token));
      const work = await serverWork(url, () => post(s.query, token));
      const { perSecond, percentile: pct } = await load(() => post(s.query, token), DURATION_MS, CONCURRENCY);
      p50s.set(s.name, [...(p50s.get(s.name) ?? []), pct(0.5)]);
      rows.push([
        s.name,
        perSecond.toFixed(0),
        pct(0.5).toFixed(1),
        pct(0.99).toFixed(1),
        String(statements),
        work?.rows ?? 'n/a',
        work?.blocks ?? 'n/a',
      ]);
    }
    console.log(
      `\n${size} wishes — PostgreSQL, concurrency ${CONCURRENCY}, ${DURATION_MS} ms each, node ${process.version}`,
    );
    printTable(rows);
    await db.close();
  }
  console.log(`\ngrowth of p50 from ${SIZES[0]} to ${SIZES.at(-1)} wishes`);
  printTable([['scenario', 'growth'], ...[...p50s].map(([n, v]) => [n, `${(v.at(-1)! / v[0]!).toFixed(2)}×`])]);
} finally {
  if (started) execFileSync('bash', ['scripts/postgres.sh', 'stop'], { env });
}
