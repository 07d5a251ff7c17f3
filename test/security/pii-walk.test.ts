// 个人信息保护 (PIPL): a walk over every field each role can reach, generated from that role's schema.
// Every root query and `node(id)` of every Node type is asked with nested objects to a bounded depth
// and real ids from the database; the oracle (pii-oracle.ts) then looks for any raw personal or
// sensitive value of a person the viewer is not entitled to. A field added later is walked by itself.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, type TestApp } from '../helpers.js';
import { loadOracle, manages, viewerFacts, violations, type Oracle } from './pii-oracle.js';
import { walkQueries, type IdSource } from './walk.js';

let t: TestApp;
let oracle: Oracle;
const samples = new Map<string, string[]>();

/** raw ids per type: for Person the ones whose leak matters most (tagged, cared for, with a points ledger) */
async function loadSamples() {
  const p = t.db.prisma;
  const beiwucha = '/652300/652324/652324104/';
  const disabled = await p.person.findFirstOrThrow({
    where: { tags: { has: 'DISABLED' }, homePath: { startsWith: beiwucha } },
  });
  const cared = await p.careRecipient.findFirstOrThrow({
    where: { categories: { hasSome: ['LOW_INCOME', 'EXTREME_POVERTY'] } },
  });
  const points = await p.pointsAccount.findFirstOrThrow({
    where: { entries: { some: {} } },
    orderBy: { balance: 'desc' },
  });
  samples.set('Person', [disabled.id, cared.personId, points.personId]);
  const township = await p.region.findFirstOrThrow({ where: { code: '652324104' } });
  samples.set('Township', [township.id]);
  samples.set('Region', [(await p.region.findFirstOrThrow({ where: { code: '652300' } })).id, township.id]);
  samples.set(
    'Community',
    (await p.region.findMany({ where: { code: { in: ['652324104201', '652301004001'] } } })).map((r) => r.id),
  );
  const delegates = p as unknown as Record<string, { findMany?: (a: unknown) => Promise<{ id: string }[]> }>;
  for (const type of Object.keys(t.app.registry.full.getTypeMap())) {
    if (samples.has(type)) continue;
    const model = type === 'AuditEntry' ? 'auditLog' : type[0]!.toLowerCase() + type.slice(1);
    const rows = await delegates[model]
      ?.findMany?.({ take: 2, orderBy: { id: 'asc' }, select: { id: true } })
      .catch(() => null);
    if (rows?.length)
      samples.set(
        type,
        rows.map((r) => r.id),
      );
  }
}

const nodeType = (name: string) => (name === 'Township' || name === 'Community' ? 'Region' : name);
const ids: IdSource = (argName, target) => {
  const type = argName === 'townshipId' ? 'Township' : argName === 'communityId' ? 'Community' : target;
  const raw = type ? samples.get(type) : undefined;
  if (!raw) return null;
  if (type === 'Township') return [raw[0]!, raw[0]!, raw[0]!].map((id) => encodeGlobalID('Region', id));
  return raw.map((id) => encodeGlobalID(nodeType(type!), id));
};
const nodeIds = (typename: string) => (samples.get(typename) ?? []).map((id) => encodeGlobalID(typename, id));

beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  oracle = await loadOracle(t.db.prisma);
  await loadSamples();
}, 120_000);
afterAll(() => t.close());

/** runs every generated query as one viewer; a query refused by the limits is retried shallower */
async function walkAs(username: string | null) {
  const token = username ? await t.login(username) : null;
  const headers: Record<string, string> = username ? {} : { 'x-township': '652324104' };
  const me = await t.gql(`{ viewer { modules } }`, {}, { token, headers });
  const schema = t.app.registry.schemaFor(me.data.viewer.modules);
  const viewer = await viewerFacts(t.db.prisma, username);
  const found: string[] = [];
  let asked = 0;
  for (const q of walkQueries(schema, ids, nodeIds)) {
    for (const depth of [7, 5, 3]) {
      const r = await t.gql(q.build(depth), {}, { token, headers });
      const limited = r.errors?.some(
        (e) =>
          ['LIMIT_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED'].includes(e.extensions?.code ?? '') ||
          /depth|cost|alias|complex/i.test(e.message),
      );
      if (limited && depth > 3) continue;
      asked++;
      found.push(...violations(oracle, viewer, r.data).map((v) => `${q.label}${v}`));
      break;
    }
  }
  return { found: [...new Set(found)], asked, viewer };
}

describe('no role reads personal information it is not entitled to (walk over every reachable field)', () => {
  // the roles an attacker holds most easily, plus a worker and a township admin (entitled to their own area only)
  const ROLES: (string | null)[] = [
    'analyst',
    'manas-emergency',
    'member-pu',
    'resident-he',
    'yuanlin-worker',
    'beiwucha-admin',
    null,
  ];
  for (const username of ROLES) {
    it(`as ${username ?? 'anonymous'}`, async () => {
      const { found, asked } = await walkAs(username);
      expect(asked).toBeGreaterThan(20);
      // one line per leaking field (indices and names folded), so the message lists every hole at once
      const holes = [
        ...new Set(
          found.map((v) => v.replace(/\[\d+\]|\.[rn]\d+\b|_\d+\b/g, '').replace(/ of .*| inside .*|\(".*/, '')),
        ),
      ];
      expect(holes, `${found.length} violations, e.g. ${found.slice(0, 3).join('; ')}`).toEqual([]);
    }, 300_000);
  }

  it('the oracle sees the data: an admin, entitled to everything, does get clear names, tags and ledgers', async () => {
    const { found } = await walkAs('admin');
    expect(found).toEqual([]);
    const viewer = await viewerFacts(t.db.prisma, 'analyst');
    const admin = await t.login('admin');
    const person = encodeGlobalID('Person', samples.get('Person')![0]!);
    const r = await t.gql(
      `query($id: ID!) { node(id: $id) { __typename id ... on Person { name tags phone } } }`,
      { id: person },
      { token: admin },
    );
    expect(r.data.node.tags).toContain('DISABLED');
    // the same answer given to an analyst would be flagged on every count
    expect(violations(oracle, viewer, r.data).length).toBeGreaterThanOrEqual(3);
    expect(manages(viewer, oracle.people.get(samples.get('Person')![0]!)!)).toBe(false);
  }, 300_000);
});
