// npm run bench:token — `{ __typename }` with a bearer token through this server over HTTP, against a bare
// node:http server answering the same bytes (the floor any Node server stands on). Both run as child
// processes pinned to one core (taskset, when present), the load client on the other, A B A B
// (BENCH_ROUNDS × BENCH_MS, BENCH_CONCURRENCY clients). The server uses PostgreSQL (BENCH_DATABASE_URL, or
// the tests' loopback server) with the demo data. Prints req/s of each and the ratio; asserts nothing.
import { execFileSync } from 'node:child_process';
import { httpLoad, loginOverHttp } from './http-client.js';
import { printTable } from './load.js';
import { Children, demoDatabase, pinTo, postGraphql, waitUntilUp } from './servers.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const ROUND_MS = Number(process.env.BENCH_MS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const PASSWORD = 'Bench-pass-1';
const OURS = 'http://127.0.0.1:4110/graphql';
const RAW = 'http://127.0.0.1:4111/graphql';
const children = new Children();
const admin = children.postgresAdmin('54359', '/tmp/dangjian-token-pg');
const RAW_SERVER = `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => {
  s.setHeader('content-type', 'application/json'); s.end('{"data":{"__typename":"Query"}}'); }); })
  .listen(4111, '127.0.0.1')`;

try {
  const url = await demoDatabase(admin, 'bench_token', PASSWORD);
  children.runApi(url, 4110, 1);
  children.run([...pinTo(1), process.execPath, '-e', RAW_SERVER], {});
  await Promise.all([waitUntilUp(OURS), waitUntilUp(RAW)]);
  const token = await loginOverHttp(OURS, 'analyst', PASSWORD);
  const body = JSON.stringify({ query: '{ __typename }' });
  const checked = await postGraphql(OURS, body, token);
  if (checked?.__typename !== 'Query') throw new Error(JSON.stringify(checked).slice(0, 300));
  const rates = { ours: [] as number[], raw: [] as number[] };
  // the load client on the other core than the servers
  if (pinTo(0).length) execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  for (let i = 0; i < ROUNDS; i++) {
    rates.ours.push(await httpLoad(OURS, body, ROUND_MS, CONCURRENCY, token));
    rates.raw.push(await httpLoad(RAW, body, ROUND_MS, CONCURRENCY));
  }
  const mean = (v: number[]) => v.reduce((x, y) => x + y, 0) / v.length;
  console.log(
    `A B A B × ${ROUNDS}, ${ROUND_MS} ms each, ${CONCURRENCY} clients, servers pinned: ${pinTo(1).length > 0}`,
  );
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
  await children.stop();
}
