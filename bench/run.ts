// npm run bench: throughput, latency and SQL statements per request for typical queries, in-process
// (yoga.fetch) on the embedded database with the demo data. Optional: BENCH_DATABASE_URL=<admin url of an
// empty PostgreSQL database> to run the same against PostgreSQL. Prints a table; asserts nothing.
import { PGlite } from '@electric-sql/pglite';
import { installedModules } from '../modules/index.js';
import { seedDemo } from '../prisma/seed/load.js';
import { openDatabase } from '../src/db/index.js';
import { BENCH_PASSWORD, benchApp } from './in-process.js';
import { load, printTable } from './load.js';
import { scenarios } from './scenarios.js';

const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);

const url = process.env.BENCH_DATABASE_URL;
const db = url ? await openDatabase({ url, poolSize: 20 }) : await openDatabase({ pglite: new PGlite() });
if ((await db.prisma.region.count()) === 0) await seedDemo(db.prisma, installedModules, BENCH_PASSWORD);
// as a running embedded server is a minute after the load (src/db/maintenance.ts)
await db.maintain?.();
const { post, login, fields } = await benchApp(db);

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
