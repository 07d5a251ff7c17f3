// The cost model counts real page sizes (variables and defaults included) through nesting, lets the pages
// front ends need pass, bounds every list, and refuses with LIMIT_EXCEEDED; the execution budget
// cancels work; rate limits answer 429 with Retry-After.
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLOutputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  admin = await t.login('admin');
});
afterAll(() => t?.close());

const codes = (r: { errors?: { extensions?: { code?: string } }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);
const isList = (type: GraphQLOutputType): boolean => (isNonNullType(type) ? isList(type.ofType) : isListType(type));

describe('every list is bounded', () => {
  it('each list of objects in the full schema is a connection page or declares maxItems', () => {
    const unbounded: string[] = [];
    let lists = 0;
    for (const type of Object.values(t.app.registry.full.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isList(field.type) || !isObjectType(getNamedType(field.type))) continue;
        lists++;
        const edges = field.name === 'edges' && type.name.endsWith('Connection');
        if (!edges && !field.extensions?.maxItems) unbounded.push(`${type.name}.${field.name}`);
      }
    }
    expect(lists).toBeGreaterThan(50);
    expect(unbounded).toEqual([]);
  });

  it('every connection takes a page size', () => {
    for (const type of Object.values(t.app.registry.full.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name.endsWith('Connection')) {
          expect(
            field.args.map((a) => a.name),
            `${type.name}.${field.name}`,
          ).toContain('first');
        }
      }
    }
  });
});

describe('the cost model', () => {
  // 100 regions × 100 wishes × a timeline of up to 50 costs about 1.1 million: far over the limit
  const nested = `query($a: Int, $b: Int) { regions(first: $a) { edges { node { name
    wishes(first: $b) { totalCount edges { node { title status requester { name } timeline { action at } } } } } } } }`;

  it('counts page sizes passed as variables like literals', async () => {
    const literal = await t.gql(
      nested.replace('($a: Int, $b: Int)', '').replace('$a', '100').replace('$b', '100'),
      {},
      { token: admin },
    );
    // the same document accepted with small pages first: a cached validation must not let the large ones through
    const small = await t.gql(nested, { a: 2, b: 2 }, { token: admin });
    expect(small.errors).toBeUndefined();
    const variables = await t.gql(nested, { a: 100, b: 100 }, { token: admin });
    expect(codes(literal)).toContain('LIMIT_EXCEEDED');
    expect(codes(variables)).toContain('LIMIT_EXCEEDED');
    expect(variables.data).toBeUndefined();
  });

  it('counts a connection without first at the default page size, and plain lists at their bound', async () => {
    const r = await t.gql(
      `{ a: regions { edges { node { children { children { children { children { name } } } } } } } }`,
      {},
      { token: admin },
    );
    expect(codes(r)).toContain('LIMIT_EXCEEDED');
    expect(r.errors?.[0]?.message).toMatch(/cost/);
  });

  it('lets the pages front ends need pass: 50 communities × 10 wishes, 20 grids × 100 households', async () => {
    const communities = await t.gql(
      `{ regions(first: 50, filter: { level: COMMUNITY }) { edges { node { name
      wishes(first: 10) { totalCount edges { node { title status requester { name } claimant { name } } } } } } } }`,
      {},
      { token: admin },
    );
    expect(communities.errors).toBeUndefined();
    const grids = await t.gql(
      `query($t: ID!) { grids(first: 20, filter: { regionId: $t }) { totalCount edges { node {
      name code households(first: 100) { totalCount edges { node { id address memberCount } } } } } } }`,
      { t: await regionId(t, '652324104') },
      { token: admin },
    );
    expect(grids.errors).toBeUndefined();
    expect(grids.data.grids.edges.length).toBeGreaterThan(0);
  });

  it('refuses depth, aliases and deep introspection with LIMIT_EXCEEDED', async () => {
    const deep = await t.gql(`{ regions { edges { node { ${'parent { '.repeat(10)}name${' }'.repeat(10)} } } } }`);
    expect(codes(deep)).toContain('LIMIT_EXCEEDED');
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
    expect(codes(await t.gql(`{ ${aliases} }`))).toContain('LIMIT_EXCEEDED');
    const introspection = await t.gql(
      `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`,
    );
    expect(codes(introspection)).toContain('LIMIT_EXCEEDED');
    const viaFragment = await t.gql(`{ __schema { types { ...F } } } fragment F on __Type { fields { type { fields {
      type { fields { name } } } } } }`);
    expect(codes(viaFragment)).toContain('LIMIT_EXCEEDED');
  });
});

describe('the execution budget', () => {
  it('cancels a query whose response outgrows the budget, and the server goes on', async () => {
    const small = await createTestApp({ modules: installedModules, limits: { responseBytes: 2_000 } });
    try {
      const token = await small.login('admin');
      const r = await small.gql('{ people(first: 100) { edges { node { name phone address } } } }', {}, { token });
      expect(codes(r)).toEqual(['LIMIT_EXCEEDED']);
      expect(r.data?.people ?? null).toBeNull();
      const after = await small.gql('{ viewer { account { username } } }', {}, { token });
      expect(after.data.viewer.account.username).toBe('admin');
    } finally {
      await small.close();
    }
  });

  it('cancels a query that runs out of time', async () => {
    const quick = await createTestApp({ modules: installedModules, limits: { executionMs: 1 } });
    try {
      const token = await quick.login('admin');
      const r = await quick.gql(
        `{ regions(first: 50) { edges { node { name stats { residents partyMembers } } } } }`,
        {},
        { token },
      );
      expect(codes(r)).toEqual(['LIMIT_EXCEEDED']);
      expect(r.errors?.[0]?.message).toMatch(/毫秒|took too long/);
    } finally {
      await quick.close();
    }
  });
});

describe('rate limits', () => {
  it('per IP for anonymous requests and per account, with 429, Retry-After and RATE_LIMITED', async () => {
    const limited = await createTestApp({
      limits: {
        rateLimit: {
          anonymous: { burst: 3, perSecond: 0.01 },
          account: { burst: 5, perSecond: 0.01 },
          trustProxyHops: 1,
        },
      },
    });
    try {
      const send = (ip: string, token?: string) =>
        limited.app.yoga.fetch('http://test/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': ip,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
      const token = await limited.login('admin'); // one anonymous request from "unknown"
      const first = await Promise.all([1, 2, 3, 4].map(() => send('10.0.0.1')));
      // concurrent requests take tokens in the order their viewer resolves: count, do not order
      const statuses = (rs: Response[]) => rs.map((r) => r.status).sort();
      expect(statuses(first)).toEqual([200, 200, 200, 429]);
      const refused = first.find((r) => r.status === 429)!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await refused.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
      expect((await send('10.0.0.2')).status).toBe(200);
      const byAccount = await Promise.all([1, 2, 3, 4, 5, 6].map(() => send('10.0.0.1', token)));
      expect(statuses(byAccount)).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
