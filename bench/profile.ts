// Profiling aid: runs one request N times in-process against PostgreSQL (PROFILE_DB = admin URL; a database
// profile_demo is created and seeded once) or the embedded database, and prints CPU ms per request.
// PROFILE_OUT: a CPU profile; PROFILE_HEAP: a sampled allocation profile; PROFILE_SQL: print the statements.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { installedModules } from '../modules/index.js';
import { seedDemo } from '../prisma/seed/load.js';
import { openDatabase } from '../src/db/index.js';
import { BENCH_PASSWORD, benchApp } from './in-process.js';

// Without PROFILE_DB: the embedded database in memory, seeded each run.
async function profiledDatabase() {
  const admin = process.env.PROFILE_DB;
  if (!admin) return openDatabase({ pglite: new PGlite() });
  const url = admin.replace(/\/[^/]*$/, '/profile_demo');
  const root = new pg.Client({ connectionString: admin });
  await root.connect();
  const exists = (await root.query("SELECT 1 FROM pg_database WHERE datname = 'profile_demo'")).rowCount;
  if (!exists) await root.query('CREATE DATABASE profile_demo');
  await root.end();
  return openDatabase({ url, poolSize: 10 });
}
const db = await profiledDatabase();
if ((await db.prisma.region.count()) === 0) await seedDemo(db.prisma, installedModules, BENCH_PASSWORD);
await db.maintain?.();
const { post, login } = await benchApp(db);
const token = await login(process.env.PROFILE_USER ?? 'admin');
const query = process.env.PROFILE_QUERY!;
const n = Number(process.env.PROFILE_N ?? 300);
for (let i = 0; i < 20; i++) await post(query, token);
if (process.env.PROFILE_SQL) {
  db.statements.onStatement = (sql) =>
    console.log(`SQL: ${sql.replace(/\s+/g, ' ').slice(0, Number(process.env.PROFILE_SQL))}`);
  await post(query, token);
  db.statements.onStatement = undefined;
}
const session = new Session();
if (process.env.PROFILE_OUT) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
// PROFILE_HEAP=<file>: where the garbage comes from (sampled allocations, kept or not).
if (process.env.PROFILE_HEAP) {
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < n; i++) await post(query, token);
const c = process.cpuUsage(c0);
console.log(
  `${n} requests: ${((c.user + c.system) / 1000 / n).toFixed(2)} ms CPU, ` +
    `${((performance.now() - t0) / n).toFixed(2)} ms wall each`,
);
if (process.env.PROFILE_OUT) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
}
if (process.env.PROFILE_HEAP) {
  const { profile } = await session.post('HeapProfiler.stopSampling');
  writeFileSync(process.env.PROFILE_HEAP, JSON.stringify(profile));
}
await db.close();
