// Shared setup for the consultation tests: the app with party-building (its dependency) and the demo data.
import { expect } from 'vitest';
import consultation from '../../../modules/consultation/index.js';
import partyBuilding from '../../../modules/party-building/index.js';
import { createTestApp, regionId, type ManualClock, type TestApp } from '../../helpers.js';

export const CODES = {
  prefecture: '652300',
  beiwucha: '652324104',
  weijiachang: '652324104200',
  youfangzhuang: '652324104201',
  tianjiajing: '652324104202',
  damiao: '652324104204',
  jingcaicheng: '652301004001',
} as const;

export const startApp = (clock?: ManualClock) => createTestApp({ modules: [partyBuilding, consultation], clock });

const ERR = '... on Error { code message details } ... on ValidationError { issues { path message } }';

/** runs a mutation `name(input: $i)` selecting `fields` on its payload; returns the result object */
export async function mutate(t: TestApp, token: string | null, name: string, input: object, fields = '__typename') {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const r = await t.gql(
    `mutation($i: ${type}!) { r: ${name}(input: $i) { __typename ${fields} ${ERR} } }`,
    { i: input },
    { token },
  );
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.r;
}

/** like mutate, but the mutation must succeed */
export async function ok(t: TestApp, token: string, name: string, input: object, fields: string) {
  const r = await mutate(t, token, name, input, fields);
  expect(r.__typename, JSON.stringify(r)).toMatch(/Payload$/);
  return r;
}

/** a query that must not error */
export async function query(t: TestApp, token: string | null, q: string, variables: object = {}) {
  const r = await t.gql(q, variables as Record<string, unknown>, { token });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}

/** the global id of a village's party organisation (party-building), as its worker sees it */
export async function partyOrgOf(t: TestApp, token: string, code: string) {
  const r = await t.gql(
    `query($r: ID!) { partyOrganizations(filter: { regionId: $r }, first: 5) { edges { node { id name } } } }`,
    { r: await regionId(t, code) },
    { token },
  );
  const node = r.data?.partyOrganizations?.edges?.[0]?.node;
  if (!node) throw new Error(`no party organisation at ${code}: ${JSON.stringify(r)}`);
  return node.id as string;
}

export { regionId };
