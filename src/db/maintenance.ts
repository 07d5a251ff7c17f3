// 数据库维护 (embedded database): PGlite runs PostgreSQL as one backend inside this process, without the
// autovacuum workers a PostgreSQL server has. Nothing would ever analyse a table, so the planner would guess
// one row for every table and, e.g., build the timeline of every visible wish before sorting and keeping 50
// (13.6 ms of the 50-wish page's SQL on the demo data; 6.5 ms analysed), and nothing would vacuum one, so dead
// rows and unset visibility bits would pile up. This pass does what autovacuum does, with its default
// thresholds: ANALYZE a table once its changes since the last analysis exceed 50 + 10 % of its rows, VACUUM it
// once its dead rows exceed 50 + 20 % (or its inserts since the last vacuum exceed 1 000 + 20 %). It runs once
// a minute (autovacuum's naptime) and after the demo data is loaded; while it works on a table, other
// statements wait, as they wait for any statement on the one connection.
import type { PGlite } from '@electric-sql/pglite';

export interface MaintenanceReport {
  analyzed: string[];
  vacuumed: string[];
}

export const MAINTENANCE_INTERVAL_MS = 60_000;

const DUE = `
  SELECT s.relname AS "table",
         s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
           OR s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0) AS "vacuum",
         s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) AS "analyze"
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
   WHERE s.schemaname = 'public'
   ORDER BY s.relname`;

const quoted = (table: string) => `"${table.replaceAll('"', '""')}"`;

/** one pass over the tables that autovacuum would take now */
export async function maintainEmbedded(pglite: PGlite): Promise<MaintenanceReport> {
  const report: MaintenanceReport = { analyzed: [], vacuumed: [] };
  const due = await pglite.query<{ table: string; vacuum: boolean; analyze: boolean }>(DUE);
  for (const { table, vacuum, analyze } of due.rows) {
    if (vacuum) await pglite.exec(`VACUUM ${analyze ? '(ANALYZE) ' : ''}${quoted(table)}`);
    else if (analyze) await pglite.exec(`ANALYZE ${quoted(table)}`);
    if (vacuum) report.vacuumed.push(table);
    if (analyze) report.analyzed.push(table);
  }
  return report;
}

/**
 * The pass every `everyMs` until the returned stop() (which waits for a pass under way, so the database can be
 * closed after it); a failed pass is reported and the next one tries again.
 */
export function scheduleMaintenance(
  pglite: PGlite,
  onError: (error: unknown) => void,
  everyMs = MAINTENANCE_INTERVAL_MS,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running || pglite.closed) return;
    running = maintainEmbedded(pglite)
      .catch(onError)
      .finally(() => (running = null));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
