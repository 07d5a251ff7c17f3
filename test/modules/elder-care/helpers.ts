// Shared helpers for the elder-care tests.
import elderCare from '../../../modules/elder-care/index.js';
import { createTestApp, regionId, type TestApp } from '../../helpers.js';

export { elderCare };
export const YUANLIN = '652301006001';
export const MULEI = '652328';
export const MULEI_TOWN = '652328100';
export const BEIWUCHA = '652324104';

export const newApp = () => createTestApp({ modules: [elderCare] });

/** the first result of a mutation payload, failing loudly on a typed error */
export function ok<T = any>(r: { data?: any; errors?: unknown }, field: string): T {
  const value = r.data?.[field];
  if (!value || value.code || value.__typename?.endsWith('Error'))
    throw new Error(`${field} failed: ${JSON.stringify(r)}`);
  return value as T;
}

export async function personId(t: TestApp, token: string, name: string, regionCode?: string): Promise<string> {
  const r = await t.gql(
    `query($s: String!, $rid: ID) { people(filter: { search: $s, regionId: $rid }, first: 5) { edges { node { id name }
      } } }`,
    { s: name, rid: regionCode ? await regionId(t, regionCode) : null },
    { token },
  );
  const node = r.data?.people?.edges?.find((e: any) => e.node.name === name)?.node;
  if (!node) throw new Error(`no person ${name}: ${JSON.stringify(r)}`);
  return node.id;
}

export async function facilityByName(t: TestApp, name: string, token: string): Promise<{ id: string; kind: string }> {
  const r = await t.gql(
    `query($s: String!) { careFacilities(filter: { search: $s }, first: 5) { edges { node { id name kind } } } }`,
    { s: name },
    { token },
  );
  const node = r.data?.careFacilities?.edges?.find((e: any) => e.node.name === name)?.node;
  if (!node) throw new Error(`no facility ${name}: ${JSON.stringify(r)}`);
  return node;
}

export const STATS = `query($id: ID!, $from: DateTime, $to: DateTime) { region(id: $id) { stats { elderCare(from: $from,
  to: $to) {
  dayCareCenters mealPoints rehabStations eldersServed coveredElders needsCollected needsDone mealsServed mealsDelivered
  visitsDue visitsDone visitedElders monthlyVisitRate capabilityLevels { level count } } } } }`;

export async function setSwitch(t: TestApp, token: string, code: string, enabled: boolean) {
  const r = await t.gql(
    `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) { __typename ... on Error { code message } } }`,
    { i: { regionId: await regionId(t, code), moduleId: 'elder-care', enabled } },
    { token },
  );
  if (r.data?.setModuleEnabled?.__typename !== 'SetModuleEnabledPayload') throw new Error(JSON.stringify(r));
}
