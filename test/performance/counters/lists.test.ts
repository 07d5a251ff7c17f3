// 计数器 on the lists: every list that counts from StatusCount gives the totalCount its rows give (paged
// through to the end), for readers (from the counter), for viewers who see only some rows (from rows), and
// with a township's modules switched off; all counted totals of one request cost one statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../../modules/index.js';
import { createTestApp, regionId, type TestApp } from '../../helpers.js';

const MANAS = '652324';
const WEIJIACHANG = '652324104200';
const BEIWUCHA = '652324104';
const SWITCHED = ['grid', 'volunteering', 'elder-care', 'social-linkage', 'consultation'];

interface Case {
  label: string;
  /** the connection, `PAGE` where its paging arguments go, `SEL` its selection; `$r` is 玛纳斯县, `$v` 魏家场村 */
  list: string;
  /** login → whether the counter answers (true) or rows are counted (false) */
  viewers: Record<string, boolean>;
}

const readers = (...logins: string[]) => Object.fromEntries(logins.map((l) => [l, true]));
const rowsFor = (...logins: string[]) => Object.fromEntries(logins.map((l) => [l, false]));
const CASES: Case[] = [
  ...['', 'filter: { status: [REPORTED, ACCEPTED] }', 'filter: { regionId: $v }'].map((args) => ({
    label: `incidents(${args})`,
    list: `incidents(PAGE ${args}) SEL`,
    viewers: {
      ...readers('admin', 'zhou-admin', 'analyst', 'weijiachang-worker'),
      ...rowsFor('manas-emergency', 'weijiachang-resident'),
    },
  })),
  {
    label: 'incidents(category)',
    list: 'incidents(PAGE filter: { category: INFRASTRUCTURE }) SEL',
    viewers: rowsFor('admin'),
  },
  {
    label: 'volunteerActivities(status: RECRUITING)',
    list: 'volunteerActivities(PAGE filter: { status: RECRUITING }) SEL',
    viewers: readers('resident-he', 'admin', 'zhou-admin'),
  },
  {
    label: 'volunteerActivities()',
    list: 'volunteerActivities(PAGE) SEL',
    viewers: { ...readers('admin', 'zhou-admin', 'weijiachang-worker'), ...rowsFor('resident-he', 'analyst') },
  },
  {
    label: 'volunteerActivities(玛纳斯县, DRAFT)',
    list: 'volunteerActivities(PAGE filter: { regionId: $r, status: DRAFT }) SEL',
    viewers: { ...readers('admin', 'zhou-admin'), ...rowsFor('weijiachang-worker', 'resident-he') },
  },
  {
    label: 'Region.volunteerActivities(COMPLETED)',
    list: 'region(id: $r) { volunteerActivities(PAGE status: COMPLETED) SEL }',
    viewers: readers('admin', 'zhou-admin'),
  },
  ...['', 'filter: { status: DISPATCHED }'].map((args) => ({
    label: `serviceOrders(${args})`,
    list: `serviceOrders(PAGE ${args}) SEL`,
    viewers: { ...readers('zhou-admin', 'analyst'), ...rowsFor('manas-emergency') },
  })),
  {
    label: 'careVisits()',
    list: 'careVisits(PAGE) SEL',
    viewers: readers('zhou-admin', 'analyst', 'yuanlin-worker'),
  },
  {
    label: 'careVisits(from)',
    list: 'careVisits(PAGE from: "2020-01-01T00:00:00Z") SEL',
    viewers: rowsFor('zhou-admin'),
  },
  ...['', 'filter: { status: OPEN }', 'filter: { regionId: $r }'].map((args) => ({
    label: `communityNeeds(${args})`,
    list: `communityNeeds(PAGE ${args}) SEL`,
    viewers: readers('zhou-admin', 'analyst', 'admin'),
  })),
  {
    label: 'communityNeeds(category)',
    list: 'communityNeeds(PAGE filter: { category: ELDER_AND_CHILD_CARE }) SEL',
    viewers: rowsFor('zhou-admin'),
  },
  ...['', 'filter: { status: IN_PROGRESS }'].map((args) => ({
    label: `livelihoodProjects(${args})`,
    list: `livelihoodProjects(PAGE ${args}) SEL`,
    viewers: readers('zhou-admin', 'resident-he', 'member-pu'),
  })),
  ...['', 'filter: { status: HELD }', 'filter: { regionId: $v }'].map((args) => ({
    label: `consultations(${args})`,
    list: `consultations(PAGE ${args}) SEL`,
    viewers: readers('zhou-admin', 'weijiachang-worker', ...(args.includes('$v') ? [] : ['resident-he'])),
  })),
  {
    label: 'consultations(from)',
    list: 'consultations(PAGE filter: { from: "2020-01-01T00:00:00Z" }) SEL',
    viewers: rowsFor('zhou-admin'),
  },
];

let t: TestApp;
const tokens = new Map<string, string | null>();
let vars: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  const logins = new Set(['beiwucha-admin', ...CASES.flatMap((c) => Object.keys(c.viewers))]);
  for (const login of logins) tokens.set(login, await t.login(login));
  vars = { r: await regionId(t, MANAS), v: await regionId(t, WEIJIACHANG) };
}, 300_000);
afterAll(() => t.close());

const TYPES: Record<string, string> = { a: 'String', r: 'ID!', v: 'ID!' };
/** `query($a: String, …)` with the variables the text uses (GraphQL refuses unused ones) */
const declared = (text: string) => {
  const used = Object.keys(TYPES).filter((k) => new RegExp(`\\$${k}\\b`).test(text));
  return used.length ? `query(${used.map((k) => `$${k}: ${TYPES[k]}`).join(', ')})` : 'query';
};

const shaped = (c: Case, page: string, selection: string) => c.list.replace('PAGE', page).replace('SEL', selection);

/** runs `text` and returns the one connection in its answer */
async function connection(text: string, token: string | null, after: string | null = null) {
  const r = await t.gql(`${declared(text)} { ${text} }`, { ...vars, a: after }, { token });
  if (r.errors) throw new Error(`${text}: ${JSON.stringify(r.errors)}`);
  let node: any = r.data;
  while (node && !('edges' in node || 'totalCount' in node)) node = Object.values(node)[0];
  return node;
}

/** the totalCount, how it was counted, and the rows the list shows when paged to its end */
async function measure(c: Case, token: string | null) {
  const sql: string[] = [];
  t.db.statements.onStatement = (s) => sql.push(s);
  const total = (await connection(shaped(c, 'first: 1,', '{ totalCount }'), token)).totalCount as number;
  t.db.statements.onStatement = undefined;
  const fromCounter = sql.some((s) => s.includes('"StatusCount"'));
  let rows = 0;
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const text = shaped(c, 'first: 100, after: $a,', '{ edges { cursor } pageInfo { hasNextPage endCursor } }');
    const conn = await connection(text, token, after);
    rows += conn.edges.length;
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return { total, rows, fromCounter };
}

/** `skip`: viewers inside a switched-off township (their schema has no such list) */
async function checkAll(skip = (_login: string) => false) {
  const totals: Record<string, number> = {};
  for (const c of CASES)
    for (const [login, counter] of Object.entries(c.viewers)) {
      if (skip(login)) continue;
      const m = await measure(c, tokens.get(login)!);
      const label = `${c.label} as ${login}`;
      expect({ total: m.total, fromCounter: m.fromCounter }, label).toEqual({ total: m.rows, fromCounter: counter });
      totals[label] = m.total;
    }
  return totals;
}

async function switchBeiwucha(enabled: boolean) {
  const b = await regionId(t, BEIWUCHA);
  for (const moduleId of SWITCHED) {
    const r = await t.gql(
      `mutation($r: ID!, $m: String!, $e: Boolean!) { setModuleEnabled(input: { regionId: $r, moduleId: $m,
         enabled: $e }) { __typename ... on Error { code } } }`,
      { r: b, m: moduleId, e: enabled },
      { token: tokens.get('beiwucha-admin')! },
    );
    expect(r.data?.setModuleEnabled.__typename, moduleId).toBe('SetModuleEnabledPayload');
  }
}

describe('lists counted from the counter', () => {
  let before: Record<string, number>;
  it('every totalCount equals the rows the list shows, for readers and for others', async () => {
    before = await checkAll();
    expect(Object.values(before).some((n) => n > 0)).toBe(true);
  }, 600_000);

  it('with 北五岔镇 switched off: the same, and its rows are no longer counted', async () => {
    await switchBeiwucha(false);
    try {
      const off = await checkAll((login) => login.startsWith('weijiachang-'));
      expect(Object.keys(off).filter((k) => off[k]! < before[k]!).length).toBeGreaterThan(0);
    } finally {
      await switchBeiwucha(true);
    }
  }, 600_000);

  it('every counted total of one request: one statement', async () => {
    // lists without a filter region: a region named in a filter is looked up first, and lists whose lookups
    // land in another round trip are answered by a second counter statement
    const counted = CASES.filter((c) => c.viewers['zhou-admin'] && !/\$[rv]/.test(c.list));
    expect(counted.length).toBeGreaterThan(8);
    const text = counted.map((c, i) => `l${i}: ${shaped(c, 'first: 1,', '{ totalCount }')}`).join('\n');
    const token = tokens.get('zhou-admin')!;
    await t.gql(`${declared(text)} { ${text} }`, vars, { token });
    const sql: string[] = [];
    t.db.statements.onStatement = (s) => sql.push(s);
    const r = await t.gql(`${declared(text)} { ${text} }`, vars, { token });
    t.db.statements.onStatement = undefined;
    expect(r.errors).toBeUndefined();
    expect(sql.filter((s) => s.includes('"StatusCount"'))).toHaveLength(1);
    expect(sql.filter((s) => /count\(/i.test(s))).toEqual([]);
  });
});
