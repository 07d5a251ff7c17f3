// The real entry point in a child process: first start seeds, SIGTERM shuts down cleanly, and an
// embedded database killed in the middle of writes opens again with every committed row.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engine } from '../helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'dangjian-e2e-'));
const port = 42000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${port}`;
// generated at first start and kept in DATA_DIR/demo-password (no DEMO_PASSWORD set)
let password = '';

const exits = new WeakMap<ChildProcess, Promise<number | null>>();

function start(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      DEMO_PASSWORD: '',
      NODE_ENV: '',
      SEED_DEMO: '',
      HOST: '',
      DATABASE_URL: '',
      JWT_SECRET: '',
      JOBS: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exits.set(child, new Promise((resolve) => child.once('exit', (code) => resolve(code))));
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    child.stdout!.on('data', () => {
      if (out.includes('is running')) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
}

const exited = (child: ChildProcess) => exits.get(child)!;

async function gql(query: string, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as any;
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// the entry point uses the embedded database; the PostgreSQL run covers the same code through the suite
describe.skipIf(engine() === 'postgres')('npm start', () => {
  let token = '';

  it('starts on an empty data folder, applies migrations, loads the demo data and prints the logins', async () => {
    const { child, output } = await start();
    expect(output()).toContain('applied migration');
    expect(output()).toContain('beiwucha-admin');
    password = readFileSync(path.join(dataDir, 'demo-password'), 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(output()).toContain(password); // shown once, when it was just generated
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('党建引领基层治理');
    expect(html).toContain('claimWish'); // module examples join the opening operations
    const login = await gql(
      `mutation { login(input: { username: "zhou-admin", password: "${password}" }) {
        ... on LoginPayload { token } } }`,
    );
    token = login.data.login.token;
    expect(token).toBeTruthy();
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(output()).toContain('stopped cleanly');
  });

  it('keeps its data and its token secret across restarts, and survives kill -9 during writes', async () => {
    const { child, output } = await start();
    expect(output()).not.toContain(password);
    expect(output()).toContain('demo-password');
    // same secret from the data folder: the old token still works
    expect((await gql(`{ viewer { account { username } } }`, token)).data.viewer.account.username).toBe('zhou-admin');
    const community = (await gql(`{ regionByCode(code: "652301004001") { id } }`)).data.regionByCode.id;
    const created: string[] = [];
    const writes = Array.from({ length: 40 }, async (_, i) => {
      const r = await gql(
        `mutation { createPerson(input: { name: "写入${i}", homeCommunityId: "${community}" }) {
          ... on CreatePersonPayload { person { id } } } }`,
        token,
      ).catch(() => null);
      if (r?.data?.createPerson?.person) created.push(r.data.createPerson.person.id);
    });
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGKILL');
    await Promise.allSettled(writes);
    await exited(child);

    const again = await start();
    const count = await gql(`{ people(filter: { search: "写入" }, first: 100) { totalCount } }`, token);
    expect(count.data.people.totalCount).toBeGreaterThanOrEqual(created.length);
    again.child.kill('SIGTERM');
    expect(await exited(again.child)).toBe(0);
  });
});
