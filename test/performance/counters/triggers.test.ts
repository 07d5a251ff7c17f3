// 计数器: every table attached with attach_status_counter() (found in pg_trigger, not listed by hand) keeps
// its counter equal to counting its rows — after the seed, after transitions through the API, after a
// refused write and a rolled-back transaction (nothing changes), and under concurrent transitions.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../../modules/index.js';
import { createTestApp, type TestApp } from '../../helpers.js';
import {
  attachedTables,
  counterAndFacts,
  counterSnapshot,
  expectCountersMatchRows,
  mutate,
  statusValues,
  type Attached,
} from './support.js';

/** the tables of the lists that count from the counter (README "How lists stay bounded") */
const LISTED = [
  'CareVisit',
  'Consultation',
  'CommunityNeed',
  'Incident',
  'LivelihoodProject',
  'VolunteerActivity',
  'VolunteerServiceOrder',
];

let t: TestApp;
let tables: Attached[];
const lastStatus = new Map<string, string>();
let grid: string;
let worker: string;
let gridId: string;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  tables = await attachedTables(t);
  // asked before any transaction: the embedded database has one connection, a transaction holds it
  for (const a of tables) if (a.statusColumn) lastStatus.set(a.table, (await statusValues(t, a)).at(-1)!);
  [grid, worker] = await Promise.all([t.login('weijiachang-grid'), t.login('weijiachang-worker')]);
  const r = await t.gql(`{ grids(first: 1, filter: {}) { edges { node { id } } } }`, {}, { token: grid });
  gridId = r.data.grids.edges[0].node.id;
}, 300_000);
afterAll(() => t.close());

const report = async () => {
  const r = await mutate(
    t,
    grid,
    'reportIncident',
    { gridId, category: 'INFRASTRUCTURE', title: '道路塌陷' },
    '... on ReportIncidentPayload { incident { id status } }',
  );
  expect(r.__typename).toBe('ReportIncidentPayload');
  return r.incident.id as string;
};
const accept = (id: string) =>
  mutate(t, worker, 'acceptIncident', { incidentId: id }, '... on AcceptIncidentPayload { incident { status } }');

/** one row of a table moved to another path and (if it has one) another status, in one statement */
function moveOne(db: TestApp['db']['prisma'], a: Attached, offset = 0) {
  const to = lastStatus.get(a.table);
  const status = to ? `, "${a.statusColumn}" = '${to}'` : '';
  return db.$executeRawUnsafe(
    `UPDATE "${a.table}" SET "${a.pathColumn}" = "${a.pathColumn}" || 'moved/'${status}
      WHERE "id" = (SELECT "id" FROM "${a.table}" ORDER BY "id" OFFSET ${offset} LIMIT 1)`,
  );
}

describe('status counters', () => {
  it('every counted list is attached, with an insert, an update and a delete trigger', () => {
    expect(tables.map((a) => a.entity)).toEqual(expect.arrayContaining(LISTED));
    for (const a of tables) expect(a.events.sort(), a.table).toEqual(['DELETE', 'INSERT', 'UPDATE']);
  });

  it('after the seed, every counter equals counting the rows', async () => {
    for (const a of tables.filter((x) => LISTED.includes(x.entity))) {
      const { counter } = await counterAndFacts(t, a);
      expect(counter.length, `${a.table} has demo rows`).toBeGreaterThan(0);
    }
    await expectCountersMatchRows(t, tables);
  });

  it('follows transitions through the API; a refused transition changes nothing', async () => {
    const id = await report();
    expect((await accept(id)).incident.status).toBe('ACCEPTED');
    await expectCountersMatchRows(t, tables);
    const before = await counterSnapshot(t);
    expect((await accept(id)).code).toBe('INVALID_TRANSITION');
    expect(await counterSnapshot(t)).toEqual(before);
  });

  it('inside a transaction the counter follows every statement; a rollback changes nothing', async () => {
    for (const a of tables) {
      const before = await counterSnapshot(t);
      const copy = randomUUID();
      const inside = await t.db.prisma
        .$transaction(
          async (tx) => {
            expect(await moveOne(tx as never, a), a.table).toBe(1);
            // a copy of a row inserted and deleted again: the insert and delete triggers
            await tx.$executeRawUnsafe(
              `INSERT INTO "${a.table}" SELECT (jsonb_populate_record(NULL::"${a.table}",
               to_jsonb(x) || jsonb_build_object('id', $1::text))).* FROM "${a.table}" x ORDER BY "id" LIMIT 1`,
              copy,
            );
            const afterInsert = await counterAndFacts(t, a, tx as never);
            await tx.$executeRawUnsafe(`DELETE FROM "${a.table}" WHERE "id" = $1`, copy);
            const afterDelete = await counterAndFacts(t, a, tx as never);
            throw Object.assign(new Error('rollback'), { seen: [afterInsert, afterDelete] });
          },
          { maxWait: 60_000, timeout: 60_000 },
        )
        .catch((e: { seen?: { counter: unknown; facts: unknown }[] }) => e.seen);
      expect(inside, `${a.table}: the transaction ran`).toHaveLength(2);
      for (const seen of inside!) expect(seen.counter, a.table).toEqual(seen.facts);
      expect(await counterSnapshot(t), `${a.table}: rolled back`).toEqual(before);
    }
  });

  it('concurrent transitions: every counter still equals counting rows', async () => {
    const ids = await Promise.all([0, 1, 2, 3, 4].map(() => report()));
    const results = await Promise.all([...ids.map(accept), ...ids.map(accept)]);
    expect(results.filter((r) => r.__typename === 'AcceptIncidentPayload')).toHaveLength(ids.length);
    for (const r of results.filter((x) => x.__typename !== 'AcceptIncidentPayload'))
      expect(['INVALID_TRANSITION', 'CONFLICT']).toContain(r.code);
    // in SQL, table by table: single-row moves and a many-row statement in concurrent transactions
    const slow = { maxWait: 60_000, timeout: 60_000 };
    for (const a of tables)
      await Promise.all([
        ...[0, 1, 2].map((i) => t.db.prisma.$transaction((tx) => moveOne(tx as never, a, i), slow)),
        t.db.prisma.$executeRawUnsafe(
          `UPDATE "${a.table}" SET "${a.pathColumn}" = "${a.pathColumn}" || 'x/'
            WHERE "id" IN (SELECT "id" FROM "${a.table}" ORDER BY "id" DESC LIMIT 5)`,
        ),
      ]);
    await expectCountersMatchRows(t, tables);
  });
});
