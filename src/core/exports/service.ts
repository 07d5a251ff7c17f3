// 导出任务: the background side of exports. createExport inserts a QUEUED row and kicks this instance's
// worker; the worker claims the oldest queued export with `FOR UPDATE SKIP LOCKED` (so with many instances
// each export is generated exactly once), reads the dataset page by page by keyset, and stores the file in
// ExportChunk rows as it goes, updating `progress` and a heartbeat. A RUNNING export whose heartbeat is
// older than `staleMs` (its instance died) is claimed again from scratch. The kernel jobs resume queued
// work on every instance and sweep expired files (their chunks are deleted; the row stays EXPIRED).
import { Prisma, type Export } from '../../../generated/prisma/client.js';
import type { Viewer } from '../../auth/viewer.js';
import type { Clock } from '../../context.js';
import type { Database } from '../../db/index.js';
import type { Logger } from '../../log.js';
import type { JobDefinition, ModuleDefinition } from '../../modules.js';
import { ModuleGate } from '../gate.js';
import { declaredDatasets, offeredColumns, shownValue, type DeclaredDataset } from './datasets.js';
import { ChunkSink, CHUNK_BYTES, csvWriter, xlsxWriter, type FileWriter } from './writers.js';

export interface ExportOptions {
  /** how long a finished file may be downloaded (EXPORT_EXPIRY_MS, default 24 h) */
  expiryMs: number;
  /** exports one account may have queued or running at a time (EXPORT_MAX_RUNNING, default 2) */
  maxRunning: number;
  /** rows read per keyset page */
  pageSize: number;
  chunkBytes: number;
  /** a RUNNING export untouched this long is taken over by another worker */
  staleMs: number;
}

export const EXPORT_DEFAULTS: ExportOptions = {
  expiryMs: 24 * 60 * 60 * 1000,
  maxRunning: 2,
  pageSize: 2000,
  chunkBytes: CHUNK_BYTES,
  staleMs: 2 * 60 * 1000,
};

export function exportOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ExportOptions> {
  const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  const out: Partial<ExportOptions> = {};
  const expiry = num(env.EXPORT_EXPIRY_MS);
  const running = num(env.EXPORT_MAX_RUNNING);
  if (expiry) out.expiryMs = expiry;
  if (running) out.maxRunning = running;
  return out;
}

export interface ExportFilterValue {
  regionId: string | null;
  from: string | null;
  to: string | null;
  status: string | null;
}

export class ExportService {
  readonly datasets: Map<string, DeclaredDataset>;
  readonly options: ExportOptions;
  /** tests hold the worker to look at QUEUED exports; kick() then does nothing until resumed */
  paused = false;
  private loop: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: Database,
    private readonly modules: readonly ModuleDefinition[],
    private readonly clock: Clock,
    options: Partial<ExportOptions> = {},
    private readonly logger?: Logger,
  ) {
    this.datasets = declaredDatasets(modules);
    this.options = { ...EXPORT_DEFAULTS, ...options };
  }

  /** starts this instance's worker if idle (it runs until no export is waiting) */
  kick() {
    if (this.paused) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    this.loop = this.work().finally(() => {
      this.loop = null;
    });
  }

  /** resolves when this instance's worker has nothing left to do */
  async idle() {
    while (this.loop) await this.loop;
  }

  private async work() {
    do {
      this.again = false;
      for (let e = await this.claim(); e; e = await this.claim()) await this.generate(e);
    } while (this.again && !this.paused);
  }

  private async claim(): Promise<Export | null> {
    const now = this.clock.now();
    const stale = new Date(now.getTime() - this.options.staleMs);
    const [row] = await this.db.prisma.$queryRaw<{ id: string }[]>`
      UPDATE "Export" SET status = 'RUNNING', "startedAt" = ${now}, "heartbeatAt" = ${now}, progress = 0, bytes = 0
       WHERE id = (SELECT id FROM "Export"
                    WHERE (status = 'QUEUED' OR (status = 'RUNNING' AND "heartbeatAt" < ${stale}))
                      AND "expiresAt" > ${now}
                    ORDER BY "createdAt" FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id`;
    if (!row) return null;
    // a takeover starts the file again
    await this.db.prisma.exportChunk.deleteMany({ where: { exportId: row.id } });
    return this.db.prisma.export.findUnique({ where: { id: row.id } });
  }

  private async generate(e: Export) {
    // startedAt fences this run: after a takeover the old worker's writes match nothing
    const mine = { id: e.id, status: 'RUNNING' as const, startedAt: e.startedAt };
    try {
      const rowCount = await this.write(e);
      await this.db.prisma.export.updateMany({
        where: mine,
        data: { status: 'READY', rowCount, progress: rowCount, finishedAt: this.clock.now() },
      });
    } catch (error) {
      this.logger?.error({ msg: 'export failed', exportId: e.id, error: String(error) });
      const { count } = await this.db.prisma.export.updateMany({
        where: mine,
        data: { status: 'FAILED', error: String(error).slice(0, 500), finishedAt: this.clock.now() },
      });
      if (count) await this.db.prisma.exportChunk.deleteMany({ where: { exportId: e.id } });
    }
  }

  /** the requester as of now (a disabled account exports nothing) */
  private async viewerOf(accountId: string): Promise<Viewer> {
    const a = await this.db.prisma.account.findUnique({ where: { id: accountId } });
    if (!a || a.disabled) throw new Error('账号不可用 (the account is disabled)');
    const { id, username, role, regionId, organizationId, personId } = a;
    const regionPath = role === 'SYSTEM_ADMIN' ? '/' : a.regionPath;
    return { accountId: id, username, role, regionId, regionPath, organizationId, personId };
  }

  /** pages through the dataset into the file; returns the number of rows */
  private async write(e: Export): Promise<number> {
    const dataset = this.datasets.get(e.dataset);
    if (!dataset) throw new Error(`dataset ${e.dataset} is no longer installed`);
    const viewer = await this.viewerOf(e.accountId);
    const gate = new ModuleGate(this.db.prisma, this.modules);
    const filter = e.filter as unknown as ExportFilterValue;
    const sql = await dataset.definition.rows({
      viewer,
      scope: e.regionPath,
      readable: (column) => gate.readableSql(dataset.moduleId, e.regionPath, column),
      from: filter.from ? new Date(filter.from) : null,
      to: filter.to ? new Date(filter.to) : null,
      status: filter.status,
    });
    const columns = offeredColumns(viewer.role, dataset);
    let seq = 0;
    let rows = 0;
    const sink = new ChunkSink(async (data) => {
      // as base64 text: the PGlite adapter refuses a bytea parameter; PostgreSQL decodes it server-side.
      // Fenced like touch(): a worker whose run was taken over inserts nothing and stops.
      const text = data.toString('base64');
      const started = e.startedAt!.toISOString();
      const inserted = await this.db.prisma.$executeRaw`
        INSERT INTO "ExportChunk" ("exportId", seq, data)
        SELECT ${e.id}, ${seq++}, decode(${text}, 'base64') FROM "Export" x
         WHERE x.id = ${e.id} AND x.status = 'RUNNING'
           AND x."startedAt" = (${started}::timestamptz AT TIME ZONE 'UTC')`;
      if (!inserted) throw new Error('export is no longer running here');
    }, this.options.chunkBytes);
    const writer: FileWriter = e.format === 'CSV' ? csvWriter(sink) : xlsxWriter(sink, dataset.definition.title);
    await writer.header(columns);
    for (let after: string | null = null; ; ) {
      const page: Record<string, unknown>[] = await this.db.prisma.$queryRaw`
        SELECT * FROM (${sql}) d
         WHERE ${after == null ? Prisma.sql`TRUE` : Prisma.sql`d."_key" > ${after}`}
         ORDER BY d."_key" LIMIT ${this.options.pageSize}`;
      if (!page.length) break;
      await writer.rows(
        columns,
        page.map((r) => columns.map((c) => shownValue(c, r[c.id]))),
      );
      rows += page.length;
      after = String(page[page.length - 1]!._key);
      await this.touch(e, rows, sink.total);
      if (page.length < this.options.pageSize) break;
    }
    await writer.end();
    await this.touch(e, rows, sink.total);
    return rows;
  }

  /** progress and heartbeat; stops the run when the export was taken over or swept meanwhile */
  private async touch(e: Export, progress: number, bytes: number) {
    const { count } = await this.db.prisma.export.updateMany({
      where: { id: e.id, status: 'RUNNING', startedAt: e.startedAt },
      data: { progress, bytes: BigInt(bytes), heartbeatAt: this.clock.now() },
    });
    if (!count) throw new Error('export is no longer running here');
  }

  /** deletes the files of expired exports; returns how many */
  async sweep(tx: Prisma.TransactionClient, now: Date) {
    const due = await tx.export.findMany({
      where: { expiresAt: { lte: now }, status: { not: 'EXPIRED' } },
      select: { id: true },
      take: 500,
    });
    const ids = due.map((d) => d.id);
    if (!ids.length) return 0;
    await tx.exportChunk.deleteMany({ where: { exportId: { in: ids } } });
    await tx.export.updateMany({ where: { id: { in: ids } }, data: { status: 'EXPIRED' } });
    return ids.length;
  }

  /** the kernel's jobs: sweep expired files; pick up queued work (after a restart, or queued elsewhere) */
  jobs(): JobDefinition[] {
    return [
      {
        id: 'core.exports.sweep',
        description: '导出文件过期清理 deletes the files of expired exports',
        everyMs: 10 * 60 * 1000,
        run: async ({ tx, now }) => ({ expired: await this.sweep(tx, now) }),
      },
      {
        id: 'core.exports.resume',
        description: '导出任务续跑 starts queued exports and takes over stalled ones',
        everyMs: 30 * 1000,
        run: async () => {
          this.kick();
          return {};
        },
      },
    ];
  }
}
