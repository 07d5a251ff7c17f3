// 实时推送 fan-out: one hub per app instance. Every committed DomainEvent is announced by a trigger on
// channel `domain_event` with its seq (pg_notify is transactional: a rolled-back write announces nothing).
// PostgreSQL: a dedicated connection LISTENs (every instance hears every commit of every instance);
// PGlite: the embedded database's own listen(). The hub reads announced rows by seq, so NOTIFY's 8 KB
// payload limit never matters, and dispatches each seq once to the subscriptions of this instance. The
// LISTEN connection is re-opened after a server restart and the hub catches up by seq. It starts on the
// first subscription, so an instance nobody subscribes to holds no extra connection.
import pg from 'pg';
import type { DomainEvent, Notification } from '../../generated/prisma/client.js';
import type { Clock } from '../context.js';
import type { Database } from '../db/index.js';
import type { Logger } from '../log.js';

export interface LiveEvent {
  seq: bigint;
  type: string;
  regionPath: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface LiveOptions {
  /** 断线重放: at most this many events are replayed for one Last-Event-ID */
  replayLimit: number;
  /** and none older than this (milliseconds, by the app's clock) */
  replayWindowMs: number;
  /** first delay before re-opening a lost LISTEN connection (doubles up to 30 s) */
  reconnectMs: number;
}

export const LIVE_DEFAULTS: LiveOptions = { replayLimit: 500, replayWindowMs: 24 * 3_600_000, reconnectMs: 500 };

export const LIVE_CHANNEL = 'domain_event';
/** seqs remembered as dispatched: a catch-up after a reconnect skips them */
const RECENT = 10_000;
/** how far below the newest dispatched seq a catch-up looks (transactions commit out of seq order) */
const LATE_COMMITS = 1_000n;

interface Listener {
  types: ReadonlySet<string> | null;
  push(event: LiveEvent): void;
  close(): void;
}

const toLive = (row: DomainEvent): LiveEvent => ({
  seq: row.seq,
  type: row.type,
  regionPath: row.regionPath,
  payload: (row.payload ?? {}) as Record<string, unknown>,
  createdAt: row.createdAt,
});

export class LiveHub {
  private readonly listeners = new Set<Listener>();
  private readonly wanted = new Set<bigint>();
  private readonly recent = new Set<bigint>();
  private readonly order: bigint[] = [];
  private readonly inboxes = new Map<bigint, Promise<Notification[]>>();
  private startSeq = 0n;
  private last = 0n;
  private started: Promise<void> | null = null;
  private client: pg.Client | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private reading: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private delay: number;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    readonly options: LiveOptions,
    private readonly logger?: Logger,
  ) {
    this.delay = options.reconnectMs;
  }

  /** starts listening (once); resolves when announcements are being received */
  start(): Promise<void> {
    this.started ??= (async () => {
      const [row] = await this.db.prisma.domainEvent.findMany({ orderBy: { seq: 'desc' }, take: 1 });
      this.startSeq = this.last = row?.seq ?? 0n;
      if (this.db.pglite) this.unlisten = await this.db.pglite.listen(LIVE_CHANNEL, (p) => this.announced(p));
      else await this.connect();
    })();
    return this.started;
  }

  /** whether the LISTEN connection is up (PostgreSQL) or the in-process listener registered (PGlite) */
  get listening(): boolean {
    return !!this.client || !!this.unlisten;
  }

  /** registers a listener for these event types (null: all); returns its removal */
  listen(types: readonly string[] | null, push: (event: LiveEvent) => void, close: () => void): () => void {
    const listener: Listener = { types: types ? new Set(types) : null, push, close };
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /** what a client reconnecting with Last-Event-ID missed: events after `after`, bounded by the window */
  async replay(types: readonly string[] | null, after: bigint): Promise<LiveEvent[]> {
    const since = new Date(this.clock.now().getTime() - this.options.replayWindowMs);
    const rows = await this.db.prisma.domainEvent.findMany({
      where: { seq: { gt: after }, createdAt: { gte: since }, ...(types ? { type: { in: [...types] } } : {}) },
      orderBy: { seq: 'asc' },
      take: this.options.replayLimit,
    });
    return rows.map(toLive);
  }

  /** the notifications an event wrote, read once per instance however many inboxes listen */
  notificationsOf(seq: bigint): Promise<Notification[]> {
    let found = this.inboxes.get(seq);
    if (!found) {
      found = this.db.prisma.notification.findMany({ where: { eventSeq: seq }, orderBy: { id: 'asc' } });
      this.inboxes.set(seq, found);
      if (this.inboxes.size > 64) this.inboxes.delete(this.inboxes.keys().next().value!);
    }
    return found;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.started?.catch(() => undefined);
    for (const l of [...this.listeners]) l.close();
    this.listeners.clear();
    await this.reading?.catch(() => undefined);
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect() {
    const client = new pg.Client({ connectionString: this.db.url });
    client.on('notification', (m) => m.channel === LIVE_CHANNEL && this.announced(m.payload ?? ''));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) return void (await client.end());
    this.client = client;
    this.delay = this.options.reconnectMs;
  }

  /** the LISTEN connection died (server restart, terminated backend): re-open it, then catch up */
  private lost(client: pg.Client, error?: Error) {
    if (this.stopped || (this.client && this.client !== client)) return;
    this.client = null;
    this.logger?.warn({ msg: 'live: LISTEN connection lost', error: error?.message });
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.retry || this.stopped) return;
    this.retry = setTimeout(async () => {
      this.retry = null;
      try {
        await this.connect();
        await this.catchUp();
      } catch (error) {
        this.logger?.warn({ msg: 'live: reconnect failed', error: String(error) });
        this.delay = Math.min(this.delay * 2, 30_000);
        this.scheduleReconnect();
      }
    }, this.delay);
    this.retry.unref?.();
  }

  /** events committed while nobody listened: after the newest seen (less late commits), not yet dispatched */
  private async catchUp() {
    const floor = this.last - LATE_COMMITS > this.startSeq ? this.last - LATE_COMMITS : this.startSeq;
    const rows = await this.db.prisma.domainEvent.findMany({
      where: { seq: { gt: floor } },
      orderBy: { seq: 'asc' },
      take: RECENT,
    });
    this.dispatch(rows);
  }

  private announced(payload: string) {
    let seq: bigint;
    try {
      seq = BigInt(payload);
    } catch {
      return;
    }
    if (this.recent.has(seq) || this.stopped) return;
    this.wanted.add(seq);
    this.pump();
  }

  /** one read at a time; announcements arriving meanwhile are read together by the next round */
  private pump() {
    if (this.reading) return;
    this.reading = (async () => {
      while (this.wanted.size && !this.stopped) {
        const seqs = [...this.wanted];
        this.wanted.clear();
        const rows = await this.db.prisma.domainEvent.findMany({
          where: { seq: { in: seqs } },
          orderBy: { seq: 'asc' },
        });
        this.dispatch(rows);
      }
    })()
      .catch((error) => this.logger?.error({ msg: 'live: reading events failed', error: String(error) }))
      .finally(() => {
        this.reading = null;
        if (this.wanted.size && !this.stopped) this.pump();
      });
  }

  private dispatch(rows: DomainEvent[]) {
    for (const row of rows) {
      if (this.recent.has(row.seq)) continue;
      this.recent.add(row.seq);
      this.order.push(row.seq);
      if (this.order.length > RECENT) this.recent.delete(this.order.shift()!);
      if (row.seq > this.last) this.last = row.seq;
      const event = toLive(row);
      for (const l of this.listeners) if (!l.types || l.types.has(event.type)) l.push(event);
    }
  }
}
