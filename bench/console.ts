// npm run bench:console — time to first render of the web console in Debian's chromium, on the embedded
// database with the demo data: from navigation start to the township's module cards (beiwucha-admin) and to the
// figures page's chart and ranking (analyst), each in a fresh browser context (empty cache, as a first visit).
// Prints milliseconds (median of BENCH_ROUNDS, default 5, after one warm-up); asserts nothing (README quotes it).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { chromium, type Browser } from 'playwright-core';
import { installedModules } from '../modules/index.js';
import { seedDemo } from '../prisma/seed/load.js';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/index.js';
import { CONSOLE_DIST } from '../src/http/console.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PASSWORD = 'Bench-pass-1';
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM) throw new Error('bench:console needs Debian chromium (/usr/bin/chromium)');
if (!existsSync(path.join(CONSOLE_DIST, 'index.html'))) {
  execFileSync('npm', ['run', '-s', 'console:build'], { stdio: 'inherit' });
}

const db = await openDatabase({ pglite: new PGlite() });
await seedDemo(db.prisma, installedModules, PASSWORD, new Date());
const app = await createApp({
  db,
  modules: installedModules,
  secret: new TextEncoder().encode('bench-secret-bench-secret-bench-secret'),
  limits: { rateLimit: false },
});
const server = createServer(app.yoga);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function gql(query: string, variables: Record<string, unknown>) {
  const r = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return ((await r.json()) as { data: any }).data;
}

/** a session as the console keeps it, so the measured load starts on the page itself, not the login form */
async function session(username: string) {
  const { login } = await gql(
    `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) {
      ... on LoginPayload { token account { username role region { id code name level } } } } }`,
    { u: username, p: PASSWORD },
  );
  const { account } = login;
  return { token: login.token, username: account.username, role: account.role, region: account.region };
}

/** ms from navigation start until every selector of `ready` matches, in a fresh context */
async function firstRender(browser: Browser, url: string, value: object, ready: string[]): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((s) => sessionStorage.setItem('dangjian.console.session', s), JSON.stringify(value));
  // the moment the element appears, taken in the page (not when the test runner hears of it)
  await context.addInitScript((selectors) => {
    const w = window as unknown as { readyAt?: number };
    new MutationObserver((_, observer) => {
      if (selectors.every((s) => document.querySelector(s))) {
        w.readyAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, ready);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => (window as unknown as { readyAt: number }).readyAt);
  if (process.env.BENCH_TRACE) {
    const entries = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming;
        return `${r.startTime.toFixed(0)}→${r.responseEnd.toFixed(0)} ${r.name.replace(/^https?:\/\/[^/]+/, '')}`;
      }),
    );
    console.log(`  ${url.replace(/^https?:\/\/[^/]+/, '')} ready ${ms.toFixed(0)} ms\n   ${entries.join('\n   ')}`);
  }
  await context.close();
  return ms;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
const admin = await session('beiwucha-admin');
const analyst = await session('analyst');
const cases = [
  {
    name: 'admin: 北五岔镇 module cards',
    url: `/console/modules/${admin.region.id}`,
    s: admin,
    ready: ['article.card'],
  },
  {
    name: 'analyst: 昌吉州 chart + ranking',
    url: `/console/figures/${analyst.region.id}`,
    s: analyst,
    ready: ['.chart canvas', 'table.ranking tbody tr'],
  },
];
console.log(`console first render, ${ROUNDS} rounds each (fresh context, embedded database), median and all:`);
for (const c of cases) {
  const one = () => firstRender(browser, base + c.url, c.s, c.ready);
  await one(); // warm-up: the server's first requests compile queries and fill caches
  const runs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await one());
  const sorted = [...runs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `${c.name.padEnd(34)} ${median.toFixed(0).padStart(5)} ms   (${runs.map((r) => r.toFixed(0)).join(', ')})`,
  );
}
await browser.close();
await new Promise((resolve) => server.close(resolve));
await app.live.hub.stop();
await db.close();
