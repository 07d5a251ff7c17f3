// 授权矩阵: every Query and Mutation root field × every role (and anonymous) × inside/outside the viewer's
// area, generated from the schema. The expected outcome comes from the policy declared on the field
// (`extensions.policy`), never from this file:
//   role not admitted → UNAUTHENTICATED (anonymous) or FORBIDDEN, and nothing changes;
//   admitted, target outside the area → refused (FORBIDDEN, NOT_FOUND, null or an empty list), nothing changes;
//   admitted, inside → not refused for authorization (FORBIDDEN/UNAUTHENTICATED) — for area roles, unless
//   the policy declares a further per-record `relation`.
import { isObjectType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { AREA_ROLES, rolesOf, type FieldPolicy } from '../../src/auth/policy.js';
import { defineModule } from '../../src/modules.js';
import { SchemaRegistry } from '../../src/schema.js';
import { createTestApp, DEMO_PASSWORD, type GqlResult, type TestApp } from '../helpers.js';
import { buildCase, hasTarget, RecordPicker, rulesOf, type MatrixCase, type MatrixViewer } from './authz-cases.js';

/** one account per role, each with a narrow area so that "outside" exists (the analyst is made here) */
const LOGINS: Record<string, string> = {
  SYSTEM_ADMIN: 'admin',
  REGION_ADMIN: 'beiwucha-admin',
  COMMUNITY_WORKER: 'weijiachang-grid',
  DEPARTMENT_STAFF: 'manas-emergency',
  ANALYST: 'matrix-analyst',
  PARTY_MEMBER: 'member-pu',
  RESIDENT: 'resident-he',
};
const REFUSALS = ['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'];

let t: TestApp;
const tokens = new Map<string, string | null>();
const viewers: MatrixViewer[] = [];
/** anonymous requests name a township so that its modules' fields are in their schema */
let townshipCode = '';

beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  const admin = await t.login('admin');
  const township = await t.db.prisma.region.findFirstOrThrow({ where: { name: '北五岔镇' } });
  townshipCode = township.code;
  const made = await t.gql(
    `mutation($i: CreateAccountInput!) { createAccount(input: $i) { __typename ... on Error { code message } } }`,
    {
      i: { username: 'matrix-analyst', password: DEMO_PASSWORD, role: 'ANALYST', regionId: globalRegion(township.id) },
    },
    { token: admin },
  );
  expect(made.data?.createAccount.__typename).toBe('CreateAccountPayload');
  for (const [role, username] of Object.entries(LOGINS)) {
    const account = await t.db.prisma.account.findUniqueOrThrow({ where: { username } });
    tokens.set(role, await t.login(username));
    const seats = account.personId
      ? await t.db.prisma.partyCommitteeMember.findMany({
          where: { personId: account.personId, endedAt: null },
          select: { organization: { select: { treePath: true } } },
        })
      : [];
    const seatTrees = seats.map((s) => s.organization.treePath);
    viewers.push({
      label: username,
      role,
      regionId: account.regionId,
      regionPath: account.regionPath,
      accountId: account.id,
      personId: account.personId,
      seatTrees,
    });
  }
  tokens.set('anonymous', null);
  viewers.push({ label: 'anonymous', role: null, regionId: null, regionPath: '/', accountId: null });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const globalRegion = (id: string) => Buffer.from(`Region:${id}`).toString('base64');

/** row counts of every table, to prove that refused requests changed nothing */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await t.db.prisma.$queryRawUnsafe<{ name: string }[]>(
    'SELECT table_name::text AS name FROM information_schema.tables ' +
      "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const sql = tables.map((x) => `SELECT '${x.name}' AS name, count(*)::int AS n FROM "${x.name}"`).join(' UNION ALL ');
  const rows = await t.db.prisma.$queryRawUnsafe<{ name: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

/** the error code of a result: a typed mutation error, or the first GraphQL error */
function codeOf(result: GqlResult): string | null {
  const payload = result.data?.r as { code?: string } | null | undefined;
  if (payload && typeof payload === 'object' && 'code' in payload) return payload.code ?? null;
  return result.errors?.[0]?.extensions?.code ?? (result.errors?.length ? 'ERROR' : null);
}

/**
 * refused, or nothing came back (null, an empty connection or list). Area roles are refused by the policy
 * before anything else; a member's or resident's target is checked by the resolver's relation rule, which
 * may first find the input invalid: for them any error counts as not done.
 */
function refusedOrEmpty(result: GqlResult, area: boolean): boolean {
  const code = codeOf(result);
  if (code) return !area || REFUSALS.includes(code);
  const r = result.data?.r as unknown;
  if (r == null) return true;
  if (Array.isArray(r)) return r.length === 0;
  const edges = (r as { edges?: unknown[] }).edges;
  return Array.isArray(edges) && edges.length === 0;
}

/** a target whose area check is the resolver's relation rule (`resolver: true`): refused, but maybe after validation */
const resolverChecked = (p: FieldPolicy) => rulesOf(p).some((r) => typeof r !== 'string' && !!r.resolver);

const admits = (p: FieldPolicy, v: MatrixViewer) =>
  p.roles === 'ANYONE' || (!!v.role && rolesOf(p).includes(v.role as never));

async function runAll(cases: MatrixCase[], parallel = 8) {
  const results: GqlResult[] = [];
  for (let i = 0; i < cases.length; i += parallel) {
    const batch = cases.slice(i, i + parallel);
    const headers = { 'x-township': townshipCode };
    results.push(
      ...(await Promise.all(
        batch.map((c) => t.gql(c.query, c.variables, { token: tokens.get(c.viewer.role ?? 'anonymous'), headers })),
      )),
    );
  }
  return results;
}

const show = (c: MatrixCase, r: GqlResult) =>
  `${c.root}.${c.field} as ${c.viewer.label} (${c.where}): ` +
  JSON.stringify(r.data?.r ?? r.errors?.[0] ?? null).slice(0, 200);

describe('authorization matrix (generated from the declared policies)', () => {
  it('a root field without a declared policy stops the schema from building (fail closed)', () => {
    const unguarded = defineModule({
      id: 'unguarded',
      title: '未声明',
      description: 'a mutation without a policy',
      dependsOn: [],
      register: (b) =>
        b.mutationField('unguardedChange', (f) => f.boolean({ subGraphs: ['unguarded'], resolve: () => true })),
    });
    const build = () =>
      new SchemaRegistry([unguarded], { signToken: async () => ({ token: '', expiresAt: new Date() }) });
    expect(build).toThrow(/Mutation\.unguardedChange declares no policy/);
  });

  const MATRIX = 'every root field declares a policy, and the matrix holds for every role inside and outside its area';
  it(MATRIX, async () => {
    const schema = t.app.registry.full;
    const known = new Set(Object.keys(schema.getTypeMap()).filter((n) => isObjectType(schema.getType(n))));
    const picker = new RecordPicker(t.db.prisma, viewers.map((v) => v.accountId!).filter(Boolean));
    const refusedCases: MatrixCase[] = [];
    const insideCases: MatrixCase[] = [];
    const skipped: string[] = [];
    const roots = [schema.getQueryType()!, schema.getMutationType()!];
    const undeclared = roots.flatMap((r) =>
      Object.values(r.getFields())
        .filter((f) => !f.extensions.policy)
        .map((f) => f.name),
    );
    expect(undeclared).toEqual([]);
    for (const rootType of roots) {
      const root = rootType.name as 'Query' | 'Mutation';
      for (const field of Object.values(rootType.getFields()) as GraphQLField<unknown, unknown>[]) {
        const policy = field.extensions.policy as FieldPolicy;
        for (const viewer of viewers) {
          const locations =
            hasTarget(policy) && viewer.role && viewer.role !== 'SYSTEM_ADMIN'
              ? (['inside', 'outside'] as const)
              : (['inside'] as const);
          for (const where of locations) {
            const c = await buildCase(root, field, viewer, where, picker, known);
            if (!c) {
              skipped.push(`${field.name}/${viewer.label}/${where}`);
              continue;
            }
            if (!admits(policy, viewer) || where === 'outside') refusedCases.push(c);
            else insideCases.push(c);
          }
        }
      }
    }

    // —— refused: the role is not admitted, or the target lies outside the viewer's area ——
    const before = await tableCounts();
    const refusedResults = await runAll(refusedCases);
    const wrong: string[] = [];
    refusedCases.forEach((c, i) => {
      const r = refusedResults[i]!;
      if (!admits(c.policy, c.viewer)) {
        const expected = c.viewer.role ? 'FORBIDDEN' : 'UNAUTHENTICATED';
        if (codeOf(r) !== expected) wrong.push(`expected ${expected}: ${show(c, r)}`);
      } else if (!refusedOrEmpty(r, AREA_ROLES.includes(c.viewer.role as never) && !resolverChecked(c.policy))) {
        wrong.push(`expected refused outside the area: ${show(c, r)}`);
      }
    });
    expect(wrong).toEqual([]);
    // nothing changed: no audit entry, no row anywhere
    expect(await tableCounts()).toEqual(before);

    // —— admitted inside: never refused for authorization reasons (area roles without a relation rule) ——
    const own = (c: MatrixCase) => c.root === 'Mutation' && c.policy.scope === 'OWN';
    // the viewer's own mutations run one at a time, logout last: it ends the token the later cases use
    const lastly = (c: MatrixCase) => (c.field === 'logout' ? 1 : 0);
    const ordered = [
      ...insideCases.filter((c) => !own(c)),
      ...insideCases.filter(own).sort((x, y) => lastly(x) - lastly(y)),
    ];
    const insideResults = [
      ...(await runAll(ordered.filter((c) => !own(c)))),
      ...(await runAll(ordered.filter(own), 1)),
    ];
    const strict = (c: MatrixCase) =>
      !c.policy.relation &&
      (!c.viewer.role || c.viewer.role === 'SYSTEM_ADMIN' || AREA_ROLES.includes(c.viewer.role as never));
    const overRefused = ordered
      .map((c, i) => ({ c, r: insideResults[i]! }))
      .filter(({ c, r }) => strict(c) && ['FORBIDDEN', 'UNAUTHENTICATED'].includes(codeOf(r) ?? ''))
      .map(({ c, r }) => show(c, r));
    expect(overRefused).toEqual([]);

    // the matrix really exercised the schema: most cases found records to aim at
    const total = refusedCases.length + insideCases.length;
    expect(skipped.length).toBeLessThan(total / 5);
    expect(refusedCases.filter((c) => c.where === 'outside').length).toBeGreaterThan(200);
    console.info(
      `authorization matrix: ${total} cases (${refusedCases.length} refused, ${insideCases.length} inside), ` +
        `${skipped.length} without a record`,
    );
  }, 600_000);
});
