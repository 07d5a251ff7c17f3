// /ready for load balancers: database, migrations shipped vs applied, job scheduling, and 503 while draining.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers.js';
import { readMigrations } from '../../src/db/migrate.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const ready = async () => {
  const r = await t.app.yoga.fetch('http://test/ready');
  return { status: r.status, body: (await r.json()) as Record<string, any> };
};

describe('/ready', () => {
  it('reports the database, every shipped migration applied, and the jobs', async () => {
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.database).toBe('ok');
    const shipped = (await readMigrations()).length;
    expect(body.migrations).toEqual({ shipped, applied: shipped, pending: [] });
    expect(body.jobs.scheduled).toBe(false);
  });

  it('is not ready while a migration of this build is missing, nor once shutdown has begun', async () => {
    const [last] = (await readMigrations()).slice(-1);
    await t.db.session.query('DELETE FROM "_schema_migrations" WHERE name = $1', [last!.name]);
    const missing = await ready();
    expect(missing.status).toBe(503);
    expect(missing.body.migrations.pending).toEqual([last!.name]);
    await t.db.session.query('INSERT INTO "_schema_migrations" (name, checksum) VALUES ($1, $2)', [
      last!.name,
      last!.checksum,
    ]);
    expect((await ready()).status).toBe(200);
    t.app.drain();
    const draining = await ready();
    expect(draining.status).toBe(503);
    expect(draining.body.database).toBe('ok');
  });
});
