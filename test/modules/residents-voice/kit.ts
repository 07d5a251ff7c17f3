// Shared helpers for the residents-voice tests (issue #18): the grid module with party-building.
import { encodeGlobalID } from '@pothos/plugin-relay';
import grid from '../../../modules/grid/index.js';
import partyBuilding from '../../../modules/party-building/index.js';
import { createTestApp, regionId, type TestApp } from '../../helpers.js';

export { grid, partyBuilding };
export { BEIWUCHA, gridsOf, mutate, orgId, WEIJIACHANG } from '../grid/kit.js';
export const HOUR = 3_600_000;

export async function voiceApp(options: Parameters<typeof createTestApp>[0] = {}) {
  return createTestApp({ modules: [grid, partyBuilding], ...options });
}

export async function setSetting(
  t: TestApp,
  token: string,
  code: string,
  moduleId: string,
  key: string,
  value: unknown,
) {
  const r = await t.gql(
    `mutation($input: SetModuleSettingInput!) { setModuleSetting(input: $input) { __typename ... on Error {
      code message } } }`,
    { input: { regionId: await regionId(t, code), moduleId, key, value } },
    { token },
  );
  if (r.data?.setModuleSetting?.__typename !== 'SetModuleSettingPayload') throw new Error(JSON.stringify(r));
}

export const gid = (type: string, id: string) => encodeGlobalID(type, id);
