// 统计缓存: figures-only queries answered from memory while the database is unchanged, per role, area and
// module set; nothing else is ever cached. Which queries count as figures is checked for every field of
// the schema (generated), the behaviour through GraphQL with two app instances on one database.
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  parse,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createApp, type App } from '../../src/app.js';
import { figureTypes, readsOnlyFigures } from '../../src/core/stats-cache.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';

let t: TestApp;
let other: App;
const secret = new TextEncoder().encode('test-secret-test-secret-test-secret!!');

beforeAll(async () => {
  t = await createTestApp({ modules: installedModules, limits: { statsCacheMs: 600_000 } });
  other = await createApp({
    db: t.db,
    modules: installedModules,
    clock: t.clock,
    secret,
    limits: { rateLimit: false, statsCacheMs: 600_000, executionMs: 60_000 },
  });
}, 120_000);
afterAll(() => t.close());

const selectionOf = (f: GraphQLField<unknown, unknown>) =>
  isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`;

describe('which queries are figures (generated from the schema)', () => {
  const schema = () => t.app.registry.full;
  const figures = () => figureTypes(schema());

  it('every root field but region/regionByCode makes a query uncacheable, and so does every mutation', () => {
    const cached = Object.values(schema().getQueryType()!.getFields())
      .filter((f) => readsOnlyFigures(schema(), parse(`{ ${selectionOf(f)} }`)))
      .map((f) => f.name);
    expect(cached.sort()).toEqual(['region', 'regionByCode']);
    const mutation = Object.values(schema().getMutationType()!.getFields())[0]!;
    expect(readsOnlyFigures(schema(), parse(`mutation { ${selectionOf(mutation)} }`))).toBe(false);
    // nothing to keep: a key per `{ __typename }` would cost more than answering it
    expect(readsOnlyFigures(schema(), parse('{ __typename }'))).toBe(false);
    expect(readsOnlyFigures(schema(), parse('{ __typename region(id: "x") { stats { residents } } }'))).toBe(true);
  });

  it('every leaf below RegionStats is a figure; every record (a type with an id) reached from it is not', () => {
    const leaves: string[] = [];
    const records: string[] = [];
    const walk = (type: GraphQLNamedType, path: string[], depth: number) => {
      if (!(isObjectType(type) || isInterfaceType(type)) || depth > 4) return;
      for (const f of Object.values(type.getFields())) {
        const named = getNamedType(f.type);
        const nest = (inner: string) => [...path, inner].reduceRight((acc, p) => `${p} { ${acc} }`);
        const query = (inner: string) => `{ regionByCode(code: "652300") { stats { ${nest(inner)} } } }`;
        if (isLeafType(named)) leaves.push(query(f.name));
        else if (figures().has(named.name)) walk(named, [...path, f.name], depth + 1);
        else records.push(query(`${f.name} { __typename }`));
      }
    };
    walk(schema().getType('RegionStats')!, [], 0);
    expect(leaves.length).toBeGreaterThan(100);
    expect(leaves.filter((q) => !readsOnlyFigures(schema(), parse(q)))).toEqual([]);
    expect(records.filter((q) => readsOnlyFigures(schema(), parse(q)))).toEqual([]);
    for (const name of figures())
      expect(Object.keys((schema().getType(name) as never as { getFields(): object }).getFields())).not.toContain('id');
  });

  it("Region's own scalars and stats are figures; its lists and relations are not", () => {
    const region = schema().getType('Region');
    if (!isObjectType(region)) throw new Error('Region');
    for (const f of Object.values(region.getFields())) {
      const q = parse(`{ regionByCode(code: "652300") { ${selectionOf(f)} } }`);
      expect(readsOnlyFigures(schema(), q), f.name).toBe(isLeafType(getNamedType(f.type)) || f.name === 'stats');
    }
  });
});

const STATS = `query($c: String!) { regionByCode(code: $c) { name stats { communities
  wishes { submitted published claimed } } } }`;

async function viaOther(query: string, variables: Record<string, unknown>, token: string) {
  const response = await other.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

describe('the statistics cache', () => {
  it('answers a repeated figures query in the viewer statement; a commit on any instance recomputes', async () => {
    const analyst = await t.login('analyst');
    // the first reads of pages in a database copied from a dump may set hint bits, which writes WAL and so
    // (rightly: any WAL movement is a miss) makes the next answer a miss; another viewer reads them first
    await t.gql(STATS, { c: '652300' }, { token: await t.login('zhou-admin') });
    const first = await t.db.statements.measure(() => t.gql(STATS, { c: '652300' }, { token: analyst }));
    expect(first.result.errors).toBeUndefined();
    expect(first.statements).toBeGreaterThan(1);
    const again = await t.db.statements.measure(() => t.gql(STATS, { c: '652300' }, { token: analyst }));
    expect(again.result).toEqual(first.result);
    expect(again.statements).toBe(1);

    // a wish submitted through the other instance: this one's next answer counts it
    const resident = await t.login('resident-he');
    const submitted = await viaOther(
      `mutation($i: SubmitWishInput!) { submitWish(input: $i) { __typename } }`,
      {
        i: {
          communityId: await regionId(t, '652301004001'),
          title: '缓存测试',
          category: 'DAILY_NECESSITIES',
          channel: 'ONLINE',
        },
      },
      resident,
    );
    expect(submitted.data?.submitWish.__typename).toBe('SubmitWishPayload');
    const after = await t.db.statements.measure(() => t.gql(STATS, { c: '652300' }, { token: analyst }));
    expect(after.statements).toBeGreaterThan(1);
    expect(after.result.data.regionByCode.stats.wishes.submitted).toBe(
      first.result.data.regionByCode.stats.wishes.submitted + 1,
    );
  });

  it('is per role and area: another viewer never gets an answer computed for someone else', async () => {
    const analyst = await t.login('analyst');
    const worker = await t.login('jingcaicheng-worker');
    await t.gql(STATS, { c: '652301004001' }, { token: analyst });
    const mine = await t.db.statements.measure(() => t.gql(STATS, { c: '652301004001' }, { token: worker }));
    expect(mine.statements).toBeGreaterThan(1);
    expect(mine.result.errors).toBeUndefined();
  });

  it('never caches a query that also reads records', async () => {
    const analyst = await t.login('analyst');
    const q = `query($c: String!) { regionByCode(code: $c) { stats { communities } }
      people(first: 2) { edges { node { name } } } }`;
    await t.gql(q, { c: '652300' }, { token: analyst });
    const again = await t.db.statements.measure(() => t.gql(q, { c: '652300' }, { token: analyst }));
    expect(again.result.errors).toBeUndefined();
    expect(again.statements).toBeGreaterThan(1);
  });

  it('is off with statsCacheMs 0', async () => {
    const off = await createTestApp({ modules: installedModules, limits: { statsCacheMs: 0 } });
    try {
      const analyst = await off.login('analyst');
      await off.gql(STATS, { c: '652300' }, { token: analyst });
      const again = await off.db.statements.measure(() => off.gql(STATS, { c: '652300' }, { token: analyst }));
      expect(again.statements).toBeGreaterThan(1);
    } finally {
      await off.close();
    }
  }, 120_000);
});
