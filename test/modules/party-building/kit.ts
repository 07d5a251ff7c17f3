// Helpers shared by the party-building tests.
import { expect } from 'vitest';
import partyBuilding from '../../../modules/party-building/index.js';
import { createTestApp, ManualClock, type TestApp } from '../../helpers.js';

export { partyBuilding };

export async function start() {
  const clock = new ManualClock();
  const t = await createTestApp({ modules: [partyBuilding], clock });
  return { t, clock };
}

/** a party organisation's global id by (part of) its name */
const adminTokens = new WeakMap<TestApp, Promise<string>>();
export function adminToken(t: TestApp) {
  let token = adminTokens.get(t);
  if (!token) adminTokens.set(t, (token = t.login('admin')));
  return token;
}

export async function orgId(t: TestApp, name: string): Promise<string> {
  const r = await t.gql(
    `query($s: String) { partyOrganizations(first: 5, filter: { search: $s }) { edges { node { id name } } } }`,
    { s: name },
    { token: await adminToken(t) },
  );
  const node = r.data?.partyOrganizations?.edges?.[0]?.node;
  if (!node) throw new Error(`no party organisation ${name}: ${JSON.stringify(r)}`);
  return node.id;
}

/** calls a mutation that returns `{ __typename ... on Payload { <selection> } ... on Error { code message } }` */
const INPUT_TYPES: Record<string, string> = { createPerson: 'PersonInput' };
export async function mutate(
  t: TestApp,
  token: string,
  name: string,
  input: Record<string, unknown>,
  selection = '__typename',
) {
  const inputType = INPUT_TYPES[name] ?? `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const payload = `${name[0]!.toUpperCase()}${name.slice(1)}Payload`;
  const r = await t.gql(
    `mutation($input: ${inputType}!) { ${name}(input: $input) { __typename ... on ${payload} { ${selection} }
      ... on Error { code message details } } }`,
    { input },
    { token },
  );
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data[name] as Record<string, any>;
}

export const expectOk = (r: Record<string, any>) => {
  expect(r.code, r.message).toBeUndefined();
  return r;
};
export const expectError = (r: Record<string, any>, code: string, ...mentions: string[]) => {
  expect(r.code, JSON.stringify(r)).toBe(code);
  for (const m of mentions) expect(r.message).toContain(m);
  // development steps also list the missing requirement codes as data, for front ends
  if (code === 'PRECONDITION_FAILED' && r.details?.missing)
    expect(r.details.missing).toEqual(expect.arrayContaining(mentions.filter((m) => /^[A-Z][A-Z0-9_]+$/.test(m))));
  return r;
};

export const ORGS = {
  media: '融媒体中心支部',
  hospital: '人民医院委员会',
  hospitalBranch: '人民医院第一支部',
  marx: '马克思主义学院',
  beiwucha: '北五岔镇委员会',
  weijiachang: '魏家场村',
  damiao: '大庙村',
  binhe: '滨河小区',
  renminlu: '人民路小区',
};

/** active members of an organisation (admin view): [{ membershipId, personId, name, stage }] */
export async function roster(t: TestApp, token: string, id: string) {
  const r = await t.gql(
    `query($id: ID!) { partyOrganization(id: $id) { members(first: 100) { edges { node { id stage person { id
      name } } } } } }`,
    { id },
    { token },
  );
  expect(r.errors).toBeUndefined();
  return (r.data.partyOrganization.members.edges as any[]).map((e) => ({
    membershipId: e.node.id,
    personId: e.node.person.id,
    name: e.node.person.name,
    stage: e.node.stage,
  }));
}
