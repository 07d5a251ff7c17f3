import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../../generated/prisma/client.js';
import { maintainEmbedded, type MaintenanceReport, scheduleMaintenance } from './maintenance.js';
import { migrate, type SqlSession } from './migrate.js';
import { countingAdapter, StatementCounter } from './statements.js';
import { watchPool } from '../metrics.js';

export type { PrismaClient } from '../../generated/prisma/client.js';
export { Prisma } from '../../generated/prisma/client.js';

export interface Database {
  engine: 'pglite' | 'postgres';
  prisma: PrismaClient;
  statements: StatementCounter;
  /** a raw SQL session outside Prisma (migrations, readiness ping) */
  session: SqlSession;
  /**
   * a counted read outside Prisma, for the statement every request runs (the viewer). `prepared`: a fixed
   * text run often, kept as a named prepared statement on each PostgreSQL connection (ignored on PGlite)
   */
  read<T>(sql: string, params: unknown[], options?: ReadOptions): Promise<T[]>;
  /** the embedded database itself (backups, in-process LISTEN), absent on PostgreSQL */
  pglite?: PGlite;
  /**
   * 维护: the embedded database's autovacuum pass now (it also runs once a minute; src/db/maintenance.ts), e.g.
   * after loading the demo data; absent on PostgreSQL, whose autovacuum does it
   */
  maintain?(): Promise<MaintenanceReport>;
  /** the PostgreSQL connection string (the live service's LISTEN connection), absent on PGlite */
  url?: string;
  close(): Promise<void>;
}

type DirectRead = Database['read'];
const directReads = new WeakMap<object, DirectRead>();

/**
 * The counted driver read behind the application's root Prisma client, for statements whose rows need no
 * Prisma mapping (src/core/model-rows.ts). None for a transaction's client: that must read in its transaction.
 * On the embedded database a direct read waits for an open transaction to end, as Prisma's own reads do.
 */
export function directRead(prisma: object): DirectRead | undefined {
  return directReads.get(prisma);
}

// a direct read has no Prisma span: it gets its own, like Prisma's (the statement, never its parameters);
// without a tracer provider (tracing off) the API's no-op tracer costs next to nothing
const tracer = trace.getTracer('dangjian-db');
function traced<T>(sql: string, run: () => Promise<T>): Promise<T> {
  const attributes = { 'db.system': 'postgresql', 'db.query.text': sql };
  return tracer.startActiveSpan('db:read', { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await run();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used */
  url?: string;
  /** folder of the embedded database (default: <DATA_DIR>/pglite) */
  pgliteDir?: string;
  /** an already opened PGlite (tests hand in a copy of a migrated template) */
  pglite?: PGlite;
  /** apply pending migrations (default true) */
  migrate?: boolean;
  poolSize?: number;
  log?: (msg: string) => void;
}

export interface ReadOptions {
  prepared?: boolean;
}

export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? 'data');
}

function pgliteSession(db: PGlite): SqlSession {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
  };
}

async function openPglite(options: DatabaseOptions) {
  let db = options.pglite;
  if (!db) {
    const dir = options.pgliteDir ?? path.join(dataDir(), 'pglite');
    await mkdir(dir, { recursive: true });
    db = new PGlite(dir);
  }
  await db.waitReady;
  const pglite = db;
  // its pages live in this process's memory: a random read costs what a sequential one does, and at the
  // default 4 the planner, once the tables are analysed, scanned small tables whole once per parent
  await pglite.exec('SET random_page_cost = 1.1');
  const stopMaintenance = scheduleMaintenance(pglite, (error) =>
    options.log?.(`embedded database maintenance failed: ${(error as Error).message}`),
  );
  return {
    // the adapter is built against an older driver-adapter-utils; the protocol is the same (verified)
    factory: new PrismaPGlite(pglite) as unknown as PrismaPg,
    session: pgliteSession(pglite),
    pglite,
    close: async () => {
      await stopMaintenance();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string, options: DatabaseOptions) {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // an idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next checkout
  pool.on('error', (error) => options.log?.(`idle database connection lost: ${error.message}`));
  const session: SqlSession = {
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
    exec: async (sql) => {
      await pool.query(sql);
    },
  };
  // the viewer's statement on every request: parsed and planned once per connection instead of each time
  // (README "Measured, the per-request path"). Named by its text, so one name never stands for two texts;
  // only fixed texts are passed, so the names stay few. Behind PgBouncer in transaction mode this needs its
  // max_prepared_statements.
  const names = new Map<string, string>();
  const prepared = async <T>(sql: string, params: unknown[]) => {
    let name = names.get(sql);
    if (!name) names.set(sql, (name = `read_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`));
    return (await pool.query({ name, text: sql, values: params })).rows as T[];
  };
  const unwatch = watchPool(() => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }));
  return {
    factory: new PrismaPg(pool),
    session,
    prepared,
    pool,
    close: () => {
      unwatch();
      return pool.end();
    },
  };
}

// a migration holds one connection: BEGIN/COMMIT and the advisory lock must share it
async function migratePostgres(pool: pg.Pool, log?: (msg: string) => void) {
  const client = await pool.connect();
  try {
    const session: SqlSession = {
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
      exec: async (sql) => {
        await client.query(sql);
      },
    };
    await migrate(session, { lock: true, log });
  } finally {
    client.release();
  }
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const statements = new StatementCounter();
  const url = options.url;
  let opened: {
    factory: PrismaPg;
    session: SqlSession;
    prepared?: SqlSession['query'];
    pglite?: PGlite;
    close: () => Promise<void>;
  };
  if (url) {
    const pg = await openPostgres(url, options);
    if (options.migrate !== false) await migratePostgres(pg.pool, options.log);
    opened = pg;
  } else {
    const lite = await openPglite(options);
    if (options.migrate !== false) await migrate(lite.session, { lock: false, log: options.log });
    opened = lite;
  }
  const prisma = new PrismaClient({ adapter: countingAdapter(opened.factory, statements) });
  const read: DirectRead = (sql, params, options) => {
    statements.record(sql);
    const run = options?.prepared && opened.prepared ? opened.prepared : opened.session.query;
    return traced(sql, () => run(sql, params));
  };
  directReads.set(prisma, read);
  return {
    engine: url ? 'postgres' : 'pglite',
    prisma,
    statements,
    session: opened.session,
    read,
    pglite: opened.pglite,
    ...(opened.pglite ? { maintain: () => maintainEmbedded(opened.pglite!) } : {}),
    url,
    close: async () => {
      await prisma.$disconnect();
      await opened.close();
    },
  };
}
