// What the benchmarks that run servers as child processes share (bench:peer, bench:token): a PostgreSQL server
// (BENCH_DATABASE_URL, or the tests' loopback one), a database with the demo data, this API started as deployed,
// children pinned to a core and stopped with their grandchildren, and waiting until a server answers.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { installedModules } from '../modules/index.js';
import { seedDemo } from '../prisma/seed/load.js';
import { openDatabase } from '../src/db/index.js';

export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret';

/** `taskset -c <core>` when the machine has it, else nothing */
export const pinTo = (core: number) => (existsSync('/usr/bin/taskset') ? ['taskset', '-c', String(core)] : []);

/** children, each in its own process group: npx and tsx start grandchildren that must stop with them */
export class Children {
  private readonly started: ChildProcess[] = [];
  private postgres: NodeJS.ProcessEnv | null = null;

  /** the admin URL of BENCH_DATABASE_URL, or of a loopback server started now on `port` in `dir` */
  postgresAdmin(port: string, dir: string): string {
    if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
    this.postgres = { ...process.env, PGPORT: process.env.PGPORT ?? port, PGDIR: process.env.PGDIR ?? dir };
    return execFileSync('bash', ['scripts/postgres.sh', 'start'], { env: this.postgres }).toString().trim();
  }

  run(command: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }) {
    const child = spawn(command[0]!, command.slice(1), {
      ...options,
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    });
    this.started.push(child);
  }

  /** this API (bin/start.ts) as deployed on `databaseUrl`, pinned to `core` */
  runApi(databaseUrl: string, port: number, core: number) {
    this.run([...pinTo(core), 'npx', 'tsx', 'bin/start.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        JWT_SECRET: BENCH_SECRET,
        // as deployed (GraphQL's production build of its checks, trusted documents); admins and analysts may
        // send any document
        NODE_ENV: 'production',
        RATE_LIMIT: 'off',
        JOBS: 'off',
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
      },
    });
  }

  async stop() {
    for (const c of this.started) if (c.pid) process.kill(-c.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    if (this.postgres) execFileSync('bash', ['scripts/postgres.sh', 'stop'], { env: this.postgres });
  }
}

/** a fresh database `name` on the server of `admin`, migrated and seeded with the demo data: its URL */
export async function demoDatabase(admin: string, name: string, password: string): Promise<string> {
  const root = new pg.Client({ connectionString: admin });
  await root.connect();
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  // BENCH_REUSE=1: a database left by an earlier run is used as it is (its migrations are applied on open)
  if (process.env.BENCH_REUSE && (await root.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) {
    await root.end();
    return url;
  }
  await root.query(`DROP DATABASE IF EXISTS ${name}`);
  await root.query(`CREATE DATABASE ${name}`);
  await root.end();
  const db = await openDatabase({ url });
  await seedDemo(db.prisma, installedModules, password);
  await db.close();
  return url;
}

/** waits until `url` answers a GraphQL POST at all (in production an anonymous ad-hoc query is refused: fine) */
export async function waitUntilUp(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`${url} did not start`);
}

/** POSTs a GraphQL body; the data, or an error naming the server */
export async function postGraphql(url: string, body: string, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const json = (await res.json()) as { data?: any; errors?: unknown[] };
  if (json.errors) throw new Error(`${url}: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json.data;
}
