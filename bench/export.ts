// npm run bench:export: 10⁵ and 10⁶ wishes generated in SQL, each exported as CSV and XLSX (the worker
// paging by keyset into ExportChunk rows) and downloaded through GET /exports/{id}, printing rows/s and the
// peak RSS and JS heap sampled every 20 ms during each run: flat memory means the peaks do not grow with the
// row count. On the embedded database by default (its data lives in the process: RSS includes it; the JS
// heap is the writer's). BENCH_DATABASE_URL=<url of an empty PostgreSQL database> measures the API alone.
// BENCH_ROWS=100000,1000000 (default) sets the sizes.
import { PGlite } from '@electric-sql/pglite';
import wishes from '../modules/wishes/index.js';
import { seedDemo } from '../prisma/seed/load.js';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/index.js';

const PASSWORD = 'Bench-pass-1';
const SIZES = (process.env.BENCH_ROWS ?? '100000,1000000').split(',').map(Number);
const url = process.env.BENCH_DATABASE_URL;
const db = url ? await openDatabase({ url, poolSize: 10 }) : await openDatabase({ pglite: new PGlite() });
if ((await db.prisma.region.count()) === 0) await seedDemo(db.prisma, [wishes], PASSWORD);
const app = await createApp({
  db,
  modules: [wishes],
  secret: new TextEncoder().encode('bench-secret-bench-secret-bench-secret'),
  limits: { rateLimit: false },
});

async function gql(query: string, variables: Record<string, unknown>, token?: string) {
  const res = await app.yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as any;
}

const login = await gql(
  `mutation($u: String!, $p: String!) {
    login(input: { username: $u, password: $p }) { ... on LoginPayload { token } } }`,
  { u: 'zhou-admin', p: PASSWORD },
);
const token = login.data.login.token as string;

/** tops the Wish table up to `n` generated rows (copies of one seeded wish, distinct titles) */
async function generate(n: number) {
  const have = await db.prisma.wish.count();
  if (have >= n) return;
  await db.prisma.$executeRaw`
    INSERT INTO "Wish" (id, "communityId", "regionPath", "requesterId", title, category, channel, status,
                        "submittedAt", "updatedAt", "evidenceUrls", "estimatedValue")
    SELECT gen_random_uuid()::text, w."communityId", w."regionPath", w."requesterId", '心愿 "' || g || '", 测试',
           w.category, w.channel, 'PENDING_REVIEW', now() - g * interval '1 second', now(), '{}', g % 500
      FROM generate_series(1, ${n - have}) g, (SELECT * FROM "Wish" ORDER BY id LIMIT 1) w`;
  // planner statistics, as autovacuum would keep them: an ordered key scan serves every page
  await db.prisma.$executeRaw`ANALYZE "Wish"`;
}

/** runs `work` while sampling memory; returns seconds and the peaks in MB */
async function sampled(work: () => Promise<void>) {
  global.gc?.();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  const started = performance.now();
  await work();
  clearInterval(timer);
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  return { seconds: (performance.now() - started) / 1000, rss: mb(rss), heap: mb(heap) };
}

const CREATE = `mutation($i: CreateExportInput!) { createExport(input: $i) {
  ... on CreateExportPayload { export { id } } ... on Error { code message } } }`;

const rows: string[][] = [['rows', 'format', 'export rows/s', 'peak RSS MB', 'peak heap MB', 'MB', 'download MB/s']];
for (const n of SIZES) {
  await generate(n);
  for (const format of ['CSV', 'XLSX'] as const) {
    let id = '';
    const run = await sampled(async () => {
      const r = await gql(CREATE, { i: { dataset: 'wishes.wishes', format } }, token);
      id = r.data.createExport.export?.id;
      if (!id) throw new Error(JSON.stringify(r));
      await app.exports.idle();
    });
    const e = await gql(`query($id: ID!) { export(id: $id) { status rowCount bytes downloadPath } }`, { id }, token);
    const { status, rowCount, bytes, downloadPath } = e.data.export;
    if (status !== 'READY' || rowCount !== n) throw new Error(JSON.stringify(e));
    let received = 0;
    const dl = await sampled(async () => {
      const res = await app.yoga.fetch(`http://bench${downloadPath}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      for await (const chunk of res.body!) received += chunk.length;
    });
    if (received !== bytes) throw new Error(`downloaded ${received} of ${bytes} bytes`);
    const mb = bytes / 1024 / 1024;
    rows.push([
      String(n),
      format,
      (n / run.seconds).toFixed(0),
      `${run.rss} / ${dl.rss}`,
      `${run.heap} / ${dl.heap}`,
      mb.toFixed(1),
      (mb / dl.seconds).toFixed(1),
    ]);
    console.log(rows.at(-1)!.join('  ')); // as it goes: a 10⁶ run takes minutes
    // the next run starts from an empty table of chunks, as a long-running server would after the sweep
    await db.prisma.exportChunk.deleteMany({ where: { exportId: id } });
  }
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padStart(widths[i]!)).join('  '));
console.log('(peak RSS / heap: during the export / during the download)');
await app.live.hub.stop();
await db.close();
