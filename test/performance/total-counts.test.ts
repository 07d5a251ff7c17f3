// 总数: every root list's totalCount equals the rows the list gives when paged through to its end, for
// viewers of every kind (generated from the schema: a list added later is checked without anyone noticing).
// The totals come from counters, from counts asked together (countRows) or from Prisma's count; the rows
// are the oracle.
import { getNamedType, isNonNullType, isObjectType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, type GqlResult, type TestApp } from '../helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
});
afterAll(() => t?.close());

const VIEWERS = ['admin', 'analyst', 'zhou-admin', 'weijiachang-worker', 'weijiachang-resident', null] as const;
const MAX_PAGES = 40;

/** root connections with a totalCount whose arguments may all be left out */
function countedLists() {
  const query = t.app.registry.full.getQueryType()!;
  return Object.values(query.getFields()).filter((f: GraphQLField<unknown, unknown>) => {
    const type = getNamedType(f.type);
    if (!isObjectType(type) || !type.name.endsWith('Connection') || !type.getFields().totalCount) return false;
    return f.args.every((a) => !isNonNullType(a.type));
  });
}

/** the rows of the list paged through to its end, and the total of its first page; null if refused */
async function pagedThrough(field: string, token: string | null) {
  const query = `query($after: String) { l: ${field}(first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }`;
  let after: string | null = null;
  let rows = 0;
  let total: number | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const r: GqlResult = await t.gql(query, { after }, { token });
    if (r.errors?.length || !r.data?.l) return null;
    total ??= r.data.l.totalCount;
    rows += r.data.l.edges.length;
    if (!r.data.l.pageInfo.hasNextPage) return { rows, total };
    after = r.data.l.pageInfo.endCursor;
  }
  throw new Error(`${field}: more than ${MAX_PAGES} pages`);
}

describe('every root list counts the rows it gives', () => {
  it('totalCount = rows paged through, for every viewer that may read the list', async () => {
    const lists = countedLists();
    expect(lists.length).toBeGreaterThan(25);
    const tokens = await Promise.all(VIEWERS.map((v) => (v ? t.login(v) : null)));
    const wrong: string[] = [];
    let checked = 0;
    let nonEmpty = 0;
    for (const list of lists) {
      for (const [i, token] of tokens.entries()) {
        const got = await pagedThrough(list.name, token);
        if (!got) continue;
        checked++;
        if (got.rows) nonEmpty++;
        if (got.total !== got.rows)
          wrong.push(`${list.name} as ${VIEWERS[i] ?? 'anonymous'}: ${got.total} ≠ ${got.rows}`);
      }
    }
    console.log(`total-counts: ${lists.length} lists, ${checked} list × viewer checks, ${nonEmpty} with rows`);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(60);
    expect(nonEmpty).toBeGreaterThan(40);
  }, 300_000);
});
