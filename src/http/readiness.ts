// 就绪检查 /ready: what a load balancer asks before sending traffic. Ready means the database answers,
// every migration shipped with this build is applied (an instance of a newer build waits for them), and
// the background jobs are scheduled (or deliberately not run here). 503 with the same JSON otherwise.
import type { Database } from '../db/index.js';
import { readMigrations } from '../db/migrate.js';
import type { JobRunner } from '../jobs.js';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  migrations: { shipped: number; applied: number; pending: string[] };
  jobs: { scheduled: boolean; ids: string[]; failing: string[] };
}

export function readinessCheck(db: Database, jobs: JobRunner, isStopping: () => boolean) {
  const shipped = readMigrations();
  return async (): Promise<Response> => {
    const body: Readiness = {
      ready: false,
      database: 'unreachable',
      migrations: { shipped: 0, applied: 0, pending: [] },
      jobs: { scheduled: jobs.scheduled, ids: jobs.ids(), failing: [] },
    };
    try {
      const applied = await db.session.query<{ name: string }>('SELECT name FROM "_schema_migrations"');
      body.database = 'ok';
      const names = new Set(applied.map((r) => r.name));
      const files = await shipped;
      body.migrations = {
        shipped: files.length,
        applied: names.size,
        pending: files.filter((m) => !names.has(m.name)).map((m) => m.name),
      };
      const failing = await db.prisma.jobRun.findMany({ where: { lastError: { not: null } }, select: { jobId: true } });
      body.jobs.failing = failing.map((r) => r.jobId);
    } catch {
      // the database is down or not migrated: reported as not ready, never as a crash
    }
    body.ready = body.database === 'ok' && body.migrations.pending.length === 0 && !isStopping();
    return new Response(JSON.stringify(body), {
      status: body.ready ? 200 : 503,
      headers: { 'content-type': 'application/json' },
    });
  };
}
