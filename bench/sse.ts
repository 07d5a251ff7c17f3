// npm run bench:sse — 200 concurrent SSE subscribers on one instance (in-process, the embedded database
// with the demo data, or PostgreSQL with DATABASE_URL): memory before and after they subscribe, and one
// event delivered to all of them. Prints the figures; asserts nothing (README "Live updates" quotes them).
import { PGlite } from '@electric-sql/pglite';
import { installedModules } from '../modules/index.js';
import { seedDemo } from '../prisma/seed/load.js';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/index.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 200);
const PASSWORD = 'Bench-pass-1';
const WALL = `subscription { wishWallChanged { wishId onWall item { title requesterName } } }`;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
function memory(label: string) {
  globalThis.gc?.();
  const m = process.memoryUsage();
  console.log(`${label.padEnd(28)} rss ${mb(m.rss).padStart(9)}   heapUsed ${mb(m.heapUsed).padStart(9)}`);
  return m;
}

const db = process.env.DATABASE_URL
  ? await openDatabase({ url: process.env.DATABASE_URL })
  : await openDatabase({ pglite: new PGlite() });
if (!(await db.prisma.account.count())) await seedDemo(db.prisma, installedModules, PASSWORD, new Date());
const app = await createApp({
  db,
  modules: installedModules,
  secret: new TextEncoder().encode('bench-secret-bench-secret-bench-secret'),
  limits: { rateLimit: false },
});

async function gql(query: string, variables: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await app.yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return (await r.json()) as { data?: any; errors?: unknown[] };
}
const login = async (u: string) =>
  (
    await gql(
      `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) {
        ... on LoginPayload { token } } }`,
      {
        u,
        p: PASSWORD,
      },
    )
  ).data.login.token as string;

/** one subscriber: resolves `received` at its first `event: next` */
async function subscribe() {
  const response = await app.yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
    body: JSON.stringify({ query: WALL }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const received = (async () => {
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      text += decoder.decode(value, { stream: true });
      if (text.includes('event: next')) return performance.now();
    }
  })();
  return { reader, received };
}

const resident = await login('resident-he');
const worker = await login('jingcaicheng-worker');
const community = (await db.prisma.region.findUniqueOrThrow({ where: { code: '652301004001' } })).id;
await app.live.hub.start();
const before = memory('before subscribers');
const subs = await Promise.all(Array.from({ length: SUBSCRIBERS }, subscribe));
const after = memory(`${SUBSCRIBERS} subscribers open`);
console.log(
  `per subscriber: rss ${((after.rss - before.rss) / SUBSCRIBERS / 1024).toFixed(1)} KB, ` +
    `heap ${((after.heapUsed - before.heapUsed) / SUBSCRIBERS / 1024).toFixed(1)} KB ` +
    `(hub listeners: ${app.live.hub.subscriberCount})`,
);

const submitted = await gql(
  `mutation($i: SubmitWishInput!) { submitWish(input: $i) { ... on SubmitWishPayload { wish { id } } } }`,
  {
    i: {
      communityId: Buffer.from(`Region:${community}`).toString('base64'),
      title: '台灯',
      category: 'DAILY_NECESSITIES',
      channel: 'ONLINE',
    },
  },
  resident,
);
const wishId = submitted.data.submitWish.wish.id;
const start = performance.now();
await gql(
  `mutation($i: ReviewWishInput!) { reviewWish(input: $i) { __typename } }`,
  { i: { wishId, approve: true } },
  worker,
);
const times = await Promise.all(subs.map((s) => s.received));
const last = Math.max(...times) - start;
memory('after one event to all');
console.log(`one event (a wish published on the wall) reached all ${SUBSCRIBERS} subscribers in ${last.toFixed(0)} ms`);

await Promise.all(subs.map((s) => s.reader.cancel()));
await app.live.hub.stop();
await db.close();
