// The embedded database's autovacuum pass (src/db/maintenance.ts): PGlite has no autovacuum workers, so
// without the pass no table is ever analysed and the planner guesses one row everywhere.
import { describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { seedDemo } from '../../prisma/seed/load.js';
import { maintainEmbedded, scheduleMaintenance } from '../../src/db/maintenance.js';
import { createTestApp, DEMO_PASSWORD, engine } from '../helpers.js';

describe.skipIf(engine() === 'postgres')('embedded database maintenance', () => {
  it('analyses and vacuums what autovacuum would, and then has nothing to do', async () => {
    const t = await createTestApp({ seed: false });
    try {
      const pglite = t.db.pglite!;
      await seedDemo(t.db.prisma, installedModules, DEMO_PASSWORD);
      const tuples = async () =>
        (await pglite.query<{ n: number }>(`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'Wish'`)).rows[0]!
          .n;
      const before = await tuples();
      const report = await t.db.maintain!();
      expect(report.analyzed).toEqual(expect.arrayContaining(['Wish', 'WishEvent', 'Person', 'Region']));
      // more than 1 000 rows inserted: vacuumed too (visibility bits for index-only scans)
      expect(report.vacuumed).toEqual(expect.arrayContaining(['DailyFigure']));
      expect(before).toBeLessThanOrEqual(0);
      expect(await tuples()).toBe(await t.db.prisma.wish.count());
      expect(await t.db.maintain!()).toEqual({ analyzed: [], vacuumed: [] });
      // a later write is picked up by the next pass
      const rows = await t.db.prisma.wishEvent.findMany({ select: { id: true } });
      await t.db.prisma.wishEvent.updateMany({ data: { note: 'x' }, where: { id: { in: rows.map((r) => r.id) } } });
      // (the backend publishes its table statistics at most once a second: a later pass sees them)
      let vacuumed: string[] = [];
      for (let i = 0; i < 50 && !vacuumed.includes('WishEvent'); i++) {
        await new Promise((r) => setTimeout(r, 200));
        vacuumed = (await maintainEmbedded(pglite)).vacuumed;
      }
      expect(vacuumed).toContain('WishEvent');
    } finally {
      await t.close();
    }
  });

  it('runs on its own schedule, and stops before the database closes', async () => {
    const t = await createTestApp({ seed: false });
    try {
      await seedDemo(t.db.prisma, installedModules, DEMO_PASSWORD);
      const errors: unknown[] = [];
      const stop = scheduleMaintenance(t.db.pglite!, (e) => errors.push(e), 20);
      const analysed = async () =>
        (
          await t.db.pglite!.query<{ at: Date | null }>(
            `SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = 'Wish'`,
          )
        ).rows[0]!.at;
      for (let i = 0; i < 500 && !(await analysed()); i++) await new Promise((r) => setTimeout(r, 20));
      await stop();
      expect(await analysed()).not.toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('the session reads pages as memory does (random_page_cost)', async () => {
    const t = await createTestApp({ seed: false });
    try {
      const [row] = (await t.db.pglite!.query<{ v: string }>(`SELECT current_setting('random_page_cost') AS v`)).rows;
      expect(row!.v).toBe('1.1');
    } finally {
      await t.close();
    }
  });
});
