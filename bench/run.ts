// npm run bench: throughput, latency and SQL statements per request for typical queries, in-process
// (yoga.fetch) on the embedded database with the demo data. Optional: BENCH_DATABASE_URL=<admin url of an
// empty PostgreSQL database> to run the same against PostgreSQL. Prints a table; asserts nothing.
import { PGlite } from '@electric-sql/pglite';
import { installedModules } from '../modules/index.js';
import { seedDemo } from '../prisma/seed/load.js';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/index.js';
import { load, printTable } from './load.js';
import { scenarios } from './scenarios.js';

const PASSWORD = 'Bench-pass-1';
const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);

const url = process.env.BENCH_DATABASE_URL;
const db = url ? await openDatabase({ url, poolSize: 20 }) : await openDatabase({ pglite: new PGlite() });
if ((await db.prisma.region.count()) === 0) await seedDemo(db.prisma, installedModules, PASSWORD);
const app = await createApp({
  db,
  modules: installedModules,
  secret: new TextEncoder().encode('bench-secret-bench-secret-bench-secret'),
  // measure the work, not the statistics cache (a read-only bench would be all hits)
  // and not the rate limiter (every in-process request comes from the same unknown address)
  limits: { statsCacheMs: 0, rateLimit: false },
});
const fields = Object.keys(app.registry.full.getQueryType()!.getFields());

async function post(query: string, token: string | null) {
  const res = await app.yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
}

async function login(user: string) {
  const res = await app.yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { login(input: { username: "${user}", password: "${PASSWORD}" }) {
        ... on LoginPayload { token } } }`,
    }),
  });
  return ((await res.json()) as any).data.login.token as string;
}

const rows: string[][] = [['scenario', 'req/s', 'p50 ms', 'p95 ms', 'SQL/req']];
for (const s of scenarios) {
  if (s.needs && !fields.includes(s.needs)) continue;
  const token = s.user ? await login(s.user) : null;
  await post(s.query, token); // warm-up (schema cache, prepared plans)
  const { statements } = await db.statements.measure(() => post(s.query, token));
  const { perSecond, percentile } = await load(() => post(s.query, token), DURATION_MS, CONCURRENCY);
  const pct = (p: number) => percentile(p).toFixed(1);
  rows.push([s.name, perSecond.toFixed(0), pct(0.5), pct(0.95), String(statements)]);
}
console.log(
  `engine: ${db.engine}, concurrency ${CONCURRENCY}, ${DURATION_MS} ms per scenario, node ${process.version}`,
);
printTable(rows);
console.log(`rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
await db.close();
