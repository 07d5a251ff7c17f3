// The counters' oracle: every table attached with attach_status_counter() is found in pg_trigger (so a
// table attached later is checked by itself), and its counter is compared with counting its rows.
import { expect } from 'vitest';
import type { TestApp } from '../../helpers.js';

export interface Attached {
  table: string;
  entity: string;
  pathColumn: string;
  statusColumn: string;
  /** the trigger events found: INSERT, UPDATE, DELETE */
  events: string[];
}

/** the counted tables, from the triggers that call status_counter_apply */
export async function attachedTables(t: TestApp): Promise<Attached[]> {
  const rows = await t.db.prisma.$queryRawUnsafe<{ table: string; def: string }[]>(
    `SELECT c.relname::text AS "table", pg_get_triggerdef(g.oid) AS def
       FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
      WHERE g.tgfoid = '"status_counter_apply"'::regproc ORDER BY 1, 2`,
  );
  const byTable = new Map<string, Attached>();
  for (const { table, def } of rows) {
    const args = [...def.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!);
    const event = /AFTER (INSERT|UPDATE|DELETE)/.exec(def)![1]!;
    const [entity, pathColumn, statusColumn] = args as [string, string, string];
    const known = byTable.get(table) ?? { table, entity, pathColumn, statusColumn, events: [] };
    expect([known.entity, known.pathColumn, known.statusColumn], `${table}: one counter`).toEqual(args);
    known.events.push(event);
    byTable.set(table, known);
  }
  return [...byTable.values()];
}

const q = (col: string) => `"${col.replace(/"/g, '""')}"`;
const statusOf = (a: Attached, alias: string) => (a.statusColumn ? `${alias}.${q(a.statusColumn)}::text` : `''`);

/** the counter's rows and the rows counted, per (path, status), for one table */
export async function counterAndFacts(t: TestApp, a: Attached, db = t.db.prisma) {
  // one after the other: `db` may be a transaction
  const counter = await db.$queryRawUnsafe<{ path: string; status: string; n: number }[]>(
    `SELECT "regionPath" AS path, "status", "n" FROM "StatusCount"
        WHERE "entity" = $1 AND "n" <> 0 ORDER BY 1, 2`,
    a.entity,
  );
  const facts = await db.$queryRawUnsafe<{ path: string; status: string; n: number }[]>(
    `SELECT t.${q(a.pathColumn)} AS path, ${statusOf(a, 't')} AS status, count(*)::int AS n
         FROM ${q(a.table)} t GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return { counter, facts };
}

/** every attached table's counter equals counting its rows */
export async function expectCountersMatchRows(t: TestApp, tables: Attached[]) {
  for (const a of tables) {
    const { counter, facts } = await counterAndFacts(t, a);
    expect(counter, a.table).toEqual(facts);
  }
}

/** the whole counter table, to prove that a write changed nothing */
export const counterSnapshot = (t: TestApp) =>
  t.db.prisma.$queryRawUnsafe<unknown[]>(
    `SELECT "entity", "regionPath", "status", "n" FROM "StatusCount" WHERE "n" <> 0 ORDER BY 1, 2, 3`,
  );

/** the values of a table's status enum (to move a row to another status in SQL) */
export async function statusValues(t: TestApp, a: Attached): Promise<string[]> {
  const rows = await t.db.prisma.$queryRawUnsafe<{ v: string }[]>(
    `SELECT e.enumlabel::text AS v FROM pg_attribute at JOIN pg_class c ON c.oid = at.attrelid
       JOIN pg_enum e ON e.enumtypid = at.atttypid
      WHERE c.relname = $1 AND at.attname = $2 ORDER BY e.enumsortorder`,
    a.table,
    a.statusColumn,
  );
  return rows.map((r) => r.v);
}

/** a mutation's typed result; throws on GraphQL-level errors */
export async function mutate(t: TestApp, token: string, name: string, input: Record<string, unknown>, sel = '') {
  const r = await t.gql(
    `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ` +
      `... on Error { code message } ${sel} } }`,
    { input },
    { token },
  );
  if (r.errors) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  return r.data[name];
}
