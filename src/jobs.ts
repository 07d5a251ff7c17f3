// Background jobs declared by modules (e.g. releasing expired claims, escalating overdue incidents).
// Work is never held in memory: a job reads what is due from the database at each run, so a restart
// loses nothing. Each run takes a transaction-scoped advisory lock, so with several API instances on
// one PostgreSQL only one runs a given job at a time; jobs also use conditional updates.
import { createHash } from 'node:crypto';
import type { Clock } from './context.js';
import { makeAudit } from './context.js';
import { ModuleGate } from './core/gate.js';
import { SettingsReader } from './core/settings.js';
import type { Database } from './db/index.js';
import type { EventBus } from './events.js';
import type { Logger } from './log.js';
import { metrics } from './metrics.js';
import type { JobDefinition, ModuleDefinition } from './modules.js';
import type { Prisma } from '../generated/prisma/client.js';

const lockKey = (jobId: string) => createHash('sha256').update(`job:${jobId}`).digest().readBigInt64BE(0);

export class JobRunner {
  private readonly jobs = new Map<string, JobDefinition>();
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();
  private stopped = false;
  private started = false;

  constructor(
    private readonly db: Database,
    private readonly modules: readonly ModuleDefinition[],
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly logger?: Logger,
    /** the kernel's own jobs (e.g. core.exports.sweep), run like the modules' */
    kernelJobs: readonly JobDefinition[] = [],
  ) {
    for (const j of kernelJobs) this.jobs.set(j.id, j);
    for (const m of modules) for (const j of m.jobs ?? []) this.jobs.set(j.id, j);
  }

  ids() {
    return [...this.jobs.keys()];
  }

  /** whether this instance schedules the jobs (start() called, stop() not yet) */
  get scheduled() {
    return this.started && !this.stopped;
  }

  /** runs one job now; returns its result, or { skipped: true } when another instance holds it */
  async run(jobId: string): Promise<Record<string, unknown>> {
    try {
      const result = await this.runOnce(jobId);
      metrics.jobRuns.inc({ job: jobId, outcome: result.skipped ? 'skipped' : 'ok' });
      return result;
    } catch (error) {
      metrics.jobRuns.inc({ job: jobId, outcome: 'failed' });
      throw error;
    }
  }

  private async runOnce(jobId: string): Promise<Record<string, unknown>> {
    const job = this.jobs.get(jobId);
    if (!job) throw new Error(`no job ${jobId}`);
    const now = this.clock.now();
    const prisma = this.db.prisma;
    const result = await prisma.$transaction(
      async (tx) => {
        const [{ locked }] = await tx.$queryRaw<
          { locked: boolean }[]
        >`SELECT pg_try_advisory_xact_lock(${lockKey(jobId)}) AS locked`;
        if (!locked) return { skipped: true };
        const gate = new ModuleGate(tx as unknown as typeof prisma, this.modules);
        const audit = makeAudit(null);
        const out =
          (await job.run({
            tx,
            now,
            gate,
            settings: new SettingsReader(tx, this.modules),
            audit: (entry) => audit(tx, entry),
            publish: async (event) => {
              await this.events.publish(tx, event, now);
            },
          })) ?? {};
        await this.events.settle(tx);
        await tx.jobRun.upsert({
          where: { jobId },
          create: { jobId, lastRunAt: now, lastResult: out as Prisma.InputJsonValue },
          update: { lastRunAt: now, lastResult: out as Prisma.InputJsonValue, lastError: null },
        });
        return out;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    return result;
  }

  /** runs every job on its interval until stop() */
  start() {
    this.started = true;
    for (const job of this.jobs.values()) {
      const tick = () => {
        if (this.stopped) return;
        const p = this.run(job.id)
          .then((r) => this.logger?.info({ msg: 'job', job: job.id, result: r }))
          .catch(async (error) => {
            this.logger?.error({ msg: 'job failed', job: job.id, error: String(error) });
            await this.db.prisma.jobRun
              .upsert({
                where: { jobId: job.id },
                create: { jobId: job.id, lastRunAt: this.clock.now(), lastError: String(error) },
                update: { lastError: String(error) },
              })
              .catch(() => undefined);
          })
          .finally(() => {
            this.running.delete(p);
            if (!this.stopped) this.timers.push(setTimeout(tick, job.everyMs));
          });
        this.running.add(p);
      };
      this.timers.push(setTimeout(tick, Math.min(job.everyMs, 5_000)));
    }
  }

  /** stops scheduling and waits for runs in flight */
  async stop() {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    await Promise.allSettled([...this.running]);
  }
}
