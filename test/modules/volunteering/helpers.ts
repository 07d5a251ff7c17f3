// Shared bits of the volunteering tests.
import volunteering from '../../../modules/volunteering/index.js';
import { createTestApp, ManualClock, regionId, type TestApp } from '../../helpers.js';

export { volunteering };
export const NOW = new Date('2026-11-25T02:00:00Z');

export async function app(clock = new ManualClock(new Date(NOW))) {
  const t = await createTestApp({ modules: [volunteering], clock });
  return { t, clock };
}

/** the global id of a demo person by name (through the people list of the system admin) */
export async function personId(t: TestApp, token: string, name: string): Promise<string> {
  const r = await t.gql(
    `query($s: String!) { people(filter: { search: $s }, first: 5) { edges { node { id name } } } }`,
    { s: name },
    { token },
  );
  const node = r.data?.people?.edges?.find((e: { node: { name: string } }) => e.node.name === name)?.node;
  if (!node) throw new Error(`no person ${name}: ${JSON.stringify(r)}`);
  return node.id;
}

export { regionId };

/** fails with the whole response when a mutation did not return its payload */
export function ok<T = any>(r: { data?: any; errors?: unknown }, field: string, typename?: string): T {
  const v = r.data?.[field];
  if (!v || (typename ? v.__typename !== typename : 'code' in v))
    throw new Error(`${field} failed: ${JSON.stringify(r)}`);
  return v as T;
}

export const CREATE_ACTIVITY = `mutation($input: CreateVolunteerActivityInput!) {
  createVolunteerActivity(input: $input) {
  __typename ... on CreateVolunteerActivityPayload { activity { id status title capacity enrolledCount } }
  ... on Error { code message } ... on ValidationError { issues { path message } } } }`;

export const SIGN_UP = `mutation($input: SignUpForActivityInput!) { signUpForActivity(input: $input) {
  __typename ... on SignUpForActivityPayload { enrollment { id status } } ... on Error { code message } } }`;

export const activityMutation = (
  name: string,
  payload: string,
) => `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) {
  __typename ... on ${payload} { activity { id status enrolledCount insuranceRecorded } }
  ... on Error { code message } } }`;

/** the database id inside a Relay global id */
export const parseGlobal = (globalId: string) =>
  Buffer.from(globalId, 'base64').toString('utf8').split(':').slice(1).join(':');
