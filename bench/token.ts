// npm run bench:token — `{ __typename }` with a bearer token through this server over HTTP, against a bare
// node:http server answering the same bytes (the floor any Node server stands on). Both run as child
// processes pinned to one core (taskset, when present), the load client on the other, A B A B
// (BENCH_ROUNDS × BENCH_MS, BENCH_CONCURRENCY clients). The server uses PostgreSQL (BENCH_DATABASE_URL, or
// the tests' loopback server) with the demo data. Prints req/s of each and the ratio; asserts nothing.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import pg from 'pg';
import { installedModules } from '../modules/index.js';
import { seedDemo } from '../prisma/seed/load.js';
import { openDatabase } from '../src/db/index.js';
import { httpLoad, loginOverHttp } from './http-client.js';
import { printTable } from './load.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const ROUND_MS = Number(process.env.BENCH_MS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const PASSWORD = 'Bench-pass-1';
const OURS = 'http://127.0.0.1:4110/graphql';
const RAW = 'http://127.0.0.1:4111/graphql';
const env = {
  ...process.env,
  PGPORT: process.env.PGPORT ?? '54359',
  PGDIR: process.env.PGDIR ?? '/tmp/dangjian-token-pg',
};
const started = !process.env.BENCH_DATABASE_URL;
const admin =
  process.env.BENCH_DATABASE_URL ?? execFileSync('bash', ['scripts/postgres.sh', 'start'], { env }).toString().trim();
const pin = (core: number) =>
  execFileSync('bash', ['-c', 'command -v taskset || true']).length ? ['taskset', '-c', String(core)] : [];
const children: ChildProcess[] = [];
const run = (command: string[], childEnv: NodeJS.ProcessEnv) => {
  const child = spawn(command[0]!, command.slice(1), {
    env: childEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group: npx and tsx start grandchildren that must stop with it
  });
  children.push(child);
};
const RAW_SERVER = `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => {
  s.setHeader('content-type', 'application/json'); s.end('{"data":{"__typename":"Query"}}'); }); })
  .listen(4111, '127.0.0.1')`;

async function post(url: string, body: string, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

async function ready(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      await post(url, '{"query":"{ __typename }"}');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`${url} did not start`);
}

try {
  const root = new pg.Client({ connectionString: admin });
  await root.connect();
  await root.query('DROP DATABASE IF EXISTS bench_token');
  await root.query('CREATE DATABASE bench_token');
  await root.end();
  const url = admin.replace(/\/[^/]*$/, '/bench_token');
  const db = await openDatabase({ url });
  await seedDemo(db.prisma, installedModules, PASSWORD);
  await db.close();
  const common = { ...process.env, JWT_SECRET: 'bench-secret-bench-secret-bench-secret', LOG_LEVEL: 'warn' };
  run([...pin(1), 'npx', 'tsx', 'bin/start.ts'], {
    ...common,
    DATABASE_URL: url,
    PORT: '4110',
    NODE_ENV: 'production',
    RATE_LIMIT: 'off',
    JOBS: 'off',
    SEED_DEMO: 'false',
  });
  run([...pin(1), process.execPath, '-e', RAW_SERVER], common);
  await Promise.all([ready(OURS), ready(RAW)]);
  const token = await loginOverHttp(OURS, 'analyst', PASSWORD);
  const body = JSON.stringify({ query: '{ __typename }' });
  const checked = await post(OURS, body, token);
  if (checked.data?.__typename !== 'Query') throw new Error(JSON.stringify(checked).slice(0, 300));
  const rates = { ours: [] as number[], raw: [] as number[] };
  // the load client on the other core than the servers
  if (pin(0).length) execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  for (let i = 0; i < ROUNDS; i++) {
    rates.ours.push(await httpLoad(OURS, body, ROUND_MS, CONCURRENCY, token));
    rates.raw.push(await httpLoad(RAW, body, ROUND_MS, CONCURRENCY));
  }
  const mean = (v: number[]) => v.reduce((x, y) => x + y, 0) / v.length;
  console.log(`A B A B × ${ROUNDS}, ${ROUND_MS} ms each, ${CONCURRENCY} clients, servers pinned: ${pin(1).length > 0}`);
  printTable([
    ['request', 'this server req/s', 'node:http req/s', 'ratio'],
    [
      '{ __typename } with a bearer token',
      mean(rates.ours).toFixed(0),
      mean(rates.raw).toFixed(0),
      (mean(rates.ours) / mean(rates.raw)).toFixed(3),
    ],
  ]);
} finally {
  for (const c of children) if (c.pid) process.kill(-c.pid, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  if (started) execFileSync('bash', ['scripts/postgres.sh', 'stop'], { env });
}
