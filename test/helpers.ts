// Test kit: a fresh database per test file (copied from the migrated template), the demo data,
// the app, and small helpers to call GraphQL through yoga.fetch in-process.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { seedDemo } from '../prisma/seed/load.js';
import { createApp, type App } from '../src/app.js';
import type { Clock } from '../src/context.js';
import { openDatabase, type Database } from '../src/db/index.js';
import type { ModuleDefinition } from '../src/modules.js';
import type { Limits } from '../src/limits/config.js';
import { pgliteSeedDump, postgresSeedDb, readDump, seedKey } from './seed-cache.js';

export const DEMO_PASSWORD = 'Test-pass-123';
export const engine = () => inject('engine');

/** the first of d's month in Asia/Shanghai (UTC+8), where the monthly summaries' months begin */
export function shanghaiMonthStart(d: Date): Date {
  const local = new Date(d.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 8 * 3_600_000);
}

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class ManualClock implements Clock {
  constructor(public current = new Date('2026-11-25T02:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestApp {
  app: App;
  db: Database;
  clock: Clock;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GqlResult<T>>;
  /** logs a demo account in and returns its token */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

interface SeedSpec {
  modules: readonly ModuleDefinition[];
  password: string;
  now: Date;
  /** a ManualClock: the seed's time is known, so the seed can be shared */
  fixedClock: boolean;
}

/** a fresh database for one test file: the migrated template, with the demo data when `seed` is given */
async function openTestDatabase(seed: SeedSpec | null): Promise<{ db: Database; drop: () => Promise<void> }> {
  const key = seed && seedKey(seed);
  if (inject('engine') === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const template = key && seed ? await postgresSeedDb(url, inject('template'), key, seed) : inject('template');
    const name = `dangjian_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = await openDatabase({ url: target.toString(), migrate: false, poolSize: 20 });
    if (seed && !key) await seedDemo(db.prisma, seed.modules, seed.password, seed.now);
    const drop = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
    return { db, drop };
  }
  const fresh = async () => {
    const pglite = new PGlite({ loadDataDir: readDump(inject('template')) });
    return { pglite, db: await openDatabase({ pglite, migrate: false }) };
  };
  if (key && seed) {
    const dump = await pgliteSeedDump(inject('template'), key, async () => {
      const { pglite, db } = await fresh();
      await seedDemo(db.prisma, seed.modules, seed.password, seed.now);
      // hint bits set now, once, rather than by the first reads of every copy (which write WAL for them)
      await pglite.exec('VACUUM (FREEZE, ANALYZE)');
      await pglite.exec('CHECKPOINT');
      const blob = await pglite.dumpDataDir('none');
      await db.close();
      return blob;
    });
    const pglite = new PGlite({ loadDataDir: readDump(dump) });
    return { db: await openDatabase({ pglite, migrate: false }), drop: async () => {} };
  }
  const { db } = await fresh();
  if (seed) await seedDemo(db.prisma, seed.modules, seed.password, seed.now);
  return { db, drop: async () => {} };
}

export async function createTestApp(
  options: { modules?: ModuleDefinition[]; seed?: boolean; clock?: Clock; limits?: Partial<Limits> } = {},
): Promise<TestApp> {
  const modules = options.modules ?? [];
  const clock = options.clock ?? new ManualClock();
  const seed =
    options.seed === false
      ? null
      : {
          modules,
          password: DEMO_PASSWORD,
          now: clock.now(),
          fixedClock: clock instanceof ManualClock,
        };
  const { db, drop } = await openTestDatabase(seed);
  // tests send thousands of requests from one address: rate limiting is off unless a test turns it on;
  // storms on a loaded CI machine may queue a read for seconds, so the time budget is generous unless set
  const limits = { rateLimit: false as const, executionMs: 60_000, ...options.limits };
  const app = await createApp({
    db,
    modules,
    clock,
    limits,
    secret: new TextEncoder().encode('test-secret-test-secret-test-secret!!'),
  });

  const gql: TestApp['gql'] = async (query, variables = {}, opts = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const response = await app.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResult;
  };

  const login = async (username: string, password = DEMO_PASSWORD) => {
    const r = await gql(
      `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) {
        __typename ... on LoginPayload { token } ... on Error { code message } } }`,
      { u: username, p: password },
    );
    const token = r.data?.login?.token;
    if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(r)}`);
    return token as string;
  };

  return {
    app,
    db,
    clock,
    gql,
    login,
    close: async () => {
      await app.live.hub.stop();
      await db.close();
      await drop();
    },
  };
}

/** looks a region up by code and returns its global id */
export async function regionId(t: TestApp, code: string): Promise<string> {
  const r = await t.gql(`query($c: String!) { regionByCode(code: $c) { id } }`, { c: code });
  const id = r.data?.regionByCode?.id;
  if (!id) throw new Error(`no region ${code}`);
  return id;
}
