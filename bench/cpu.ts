// npm run bench:cpu: process CPU time per request for each scenario of bench/scenarios.ts, in-process
// (yoga.fetch) on the embedded database with the demo data, one request at a time. Wall-clock req/s on a
// machine shared with other work moves with the neighbours' load; the CPU this process spends per request
// (process.cpuUsage: user + system, all threads, PGlite included since it runs in-process) moves far less,
// so it is the figure to compare before/after a change such as a Prisma upgrade. Prints a table; asserts
// nothing. BENCH_N requests per scenario (default 50) after BENCH_WARMUP (default 3) unmeasured ones;
// "first ms" is the CPU of the very first request of the scenario (cold query plans, schema caches).
import { PGlite } from '@electric-sql/pglite';
import { installedModules } from '../modules/index.js';
import { seedDemo } from '../prisma/seed/load.js';
import { openDatabase } from '../src/db/index.js';
import { BENCH_PASSWORD, benchApp } from './in-process.js';
import { printTable } from './load.js';
import { scenarios } from './scenarios.js';

const N = Number(process.env.BENCH_N ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);

const db = await openDatabase({ pglite: new PGlite() });
await seedDemo(db.prisma, installedModules, BENCH_PASSWORD);
// as a running embedded server is a minute after the load (src/db/maintenance.ts)
await db.maintain?.();
const { post, login, fields } = await benchApp(db);

/** CPU milliseconds (user + system) that `fn` costs this process */
async function cpu(fn: () => Promise<unknown>) {
  const before = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const rows: string[][] = [['scenario', 'first ms', 'CPU ms/req', 'wall ms/req']];
let total = 0;
for (const s of scenarios) {
  if (s.needs && !fields.includes(s.needs)) continue;
  const token = s.user ? await login(s.user) : null;
  const first = await cpu(() => post(s.query, token));
  for (let i = 1; i < WARMUP; i++) await post(s.query, token);
  const t0 = performance.now();
  const used = await cpu(async () => {
    for (let i = 0; i < N; i++) await post(s.query, token);
  });
  const wall = (performance.now() - t0) / N;
  total += used / N;
  rows.push([s.name, first.toFixed(1), (used / N).toFixed(2), wall.toFixed(2)]);
}
rows.push(['sum of CPU ms/req', '', total.toFixed(2), '']);
console.log(
  `engine: ${db.engine}, ${N} sequential requests per scenario after ${WARMUP} warm-up, node ${process.version}`,
);
printTable(rows);
await db.close();
