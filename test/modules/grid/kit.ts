// Shared helpers for the grid module's tests.
import grid from '../../../modules/grid/index.js';
import { createTestApp, regionId, type TestApp } from '../../helpers.js';

export { grid };

export const WEIJIACHANG = '652324104200';
export const YOUFANGZHUANG = '652324104201';
export const BEIWUCHA = '652324104';

export async function gridApp(options: Parameters<typeof createTestApp>[0] = {}) {
  return createTestApp({ modules: [grid], ...options });
}

/** the grids of a community, by code */
export async function gridsOf(t: TestApp, token: string, communityCode: string): Promise<Record<string, string>> {
  const r = await t.gql(
    `query($r: ID!) { grids(filter: { regionId: $r }, first: 50) { edges { node { id code } } } }`,
    { r: await regionId(t, communityCode) },
    { token },
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return Object.fromEntries(r.data.grids.edges.map((e: any) => [e.node.code, e.node.id]));
}

/** a mutation's typed result; throws on GraphQL-level errors so tests fail loudly */
export async function mutate(t: TestApp, token: string, name: string, input: Record<string, unknown>, selection = '') {
  const r = await t.gql(
    `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ` +
      `... on Error { code message } ${selection} } }`,
    { input },
    { token },
  );
  if (r.errors) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  return r.data[name];
}

export const INCIDENT_FIELDS =
  `id status supervisionLevel deadline overdue reworkCount leadDepartment { ` +
  `name } departments { role organization { name } }`;

export async function personId(t: TestApp, name: string) {
  const row = await t.db.prisma.person.findFirstOrThrow({ where: { name } });
  const { encodeGlobalID } = await import('@pothos/plugin-relay');
  return encodeGlobalID('Person', row.id);
}

export async function orgId(t: TestApp, name: string) {
  const row = await t.db.prisma.organization.findFirstOrThrow({ where: { name } });
  const { encodeGlobalID } = await import('@pothos/plugin-relay');
  return encodeGlobalID('Organization', row.id);
}
