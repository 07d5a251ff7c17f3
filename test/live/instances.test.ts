// Across instances: a subscription on instance A hears a write on instance B (two createApp on one
// PostgreSQL database, LISTEN/NOTIFY; on PGlite both are the one app, in-process listen). A client that
// lost A reconnects to B with Last-Event-ID and gets what it missed exactly once, then the live events.
// On PostgreSQL the LISTEN connection is killed and comes back, catching up by seq.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import wishes from '../../modules/wishes/index.js';
import { createApp, type App } from '../../src/app.js';
import { openDatabase, type Database } from '../../src/db/index.js';
import { engine, type TestApp } from '../helpers.js';
import { CODES, ok, organizationId, publishedWish, startApp } from '../modules/wishes/support.js';
import { SseStream } from './sse.js';

const WISH_UPDATED = `subscription($id: ID!) { wishUpdated(wishId: $id) { id status } }`;
const SECRET = new TextEncoder().encode('test-secret-test-secret-test-secret!!');

let t: TestApp; // instance B (and A on PGlite)
let a: App;
let aDb: Database | null = null;
let resident: string;
let worker: string;
let member: string;
const streams: SseStream[] = [];

beforeAll(async () => {
  t = await startApp();
  if (engine() === 'postgres') {
    aDb = await openDatabase({ url: t.db.url!, migrate: false, poolSize: 5 });
    a = await createApp({ db: aDb, modules: [wishes], clock: t.clock, secret: SECRET, limits: { rateLimit: false } });
  } else {
    a = t.app;
  }
  [resident, worker, member] = await Promise.all(
    ['resident-he', 'jingcaicheng-worker', 'member-pu'].map((u) => t.login(u)),
  );
});
afterAll(async () => {
  await Promise.all(streams.map((s) => s.close()));
  await closeA();
  await t.close();
});
async function closeA() {
  if (!aDb) return;
  await a.live.hub.stop();
  await aDb.close();
  aDb = null;
}
const open = async (app: App, id: string, lastEventId?: string) => {
  const s = await SseStream.open(app, WISH_UPDATED, { id }, { token: resident, lastEventId });
  streams.push(s);
  return s;
};

describe('two instances, one database', () => {
  it('subscribe on A, write on B, receive on A; reconnect to B with Last-Event-ID: the missed once', async () => {
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng });
    const media = await organizationId(t, '昌吉州融媒体中心');
    const onA = await open(a, wish.id);
    await ok(t, 'claim', member, { wishId: wish.id, organizationId: media });
    const claimed = await onA.next();
    expect(claimed.data.data.wishUpdated.status).toBe('CLAIMED');
    expect(claimed.id).toMatch(/^\d+$/);

    // A goes away (its stream closes; on PostgreSQL the whole instance); meanwhile B fulfils
    await onA.close();
    await closeA();
    await ok(t, 'fulfil', member, { wishId: wish.id, note: '已送达', evidenceUrls: ['https://example.org/p.jpg'] });

    const onB = await open(t.app, wish.id, claimed.id!);
    const missed = await onB.next();
    expect(missed.data.data.wishUpdated.status).toBe('FULFILLED');
    expect(BigInt(missed.id!)).toBeGreaterThan(BigInt(claimed.id!));
    await ok(t, 'confirm', resident, { wishId: wish.id, thanks: '谢谢', rating: 5 });
    // the next message is the live one: the replayed FULFILLED is not delivered a second time
    const live = await onB.next();
    expect(live.data.data.wishUpdated.status).toBe('CONFIRMED');
    expect(onB.pending).toBe(0);
  });
});

describe.runIf(engine() === 'postgres')('the LISTEN connection', () => {
  it('is re-opened after the server ends it, and catches up on what was committed meanwhile', async () => {
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng });
    const s = await open(t.app, wish.id);
    const killed = await t.db.session.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
    );
    expect(killed[0]!.n).toBeGreaterThanOrEqual(1);
    const media = await organizationId(t, '昌吉州融媒体中心');
    await ok(t, 'claim', member, { wishId: wish.id, organizationId: media });
    // the publication's own announcement may still have been on its way to the ended connection: the
    // catch-up then delivers it too (the wish as it is at delivery), ahead of the claim
    let message = await s.next();
    if (message.data.data.wishUpdated.status === 'PUBLISHED') message = await s.next();
    expect(message.data.data.wishUpdated.status).toBe('CLAIMED');
  });
});
