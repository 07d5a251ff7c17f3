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

/** a resident login for a person living in a community (created by the test: the demo has one resident) */
export async function residentLogin(t: TestApp, username: string, personName: string, communityCode: string) {
  const region = await t.db.prisma.region.findUniqueOrThrow({ where: { code: communityCode } });
  const template = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'resident-he' } });
  let person = await t.db.prisma.person.findFirst({ where: { name: personName } });
  person ??= await t.db.prisma.person.create({
    data: { name: personName, homeCommunityId: region.id, homePath: region.path },
  });
  await t.db.prisma.account.upsert({
    where: { username },
    update: {},
    create: {
      username,
      passwordHash: template.passwordHash,
      role: 'RESIDENT',
      regionId: region.id,
      regionPath: region.path,
      personId: person.id,
    },
  });
  return { token: await t.login(username), personId: person.id };
}

export async function setModule(t: TestApp, token: string, code: string, moduleId: string, enabled: boolean) {
  const r = await t.gql(
    `mutation($r: ID!, $m: String!, $e: Boolean!) { setModuleEnabled(input: { regionId: $r, moduleId: $m, ` +
      `enabled: $e }) { __typename ... on Error { code message } } }`,
    { r: await regionId(t, code), m: moduleId, e: enabled },
    { token },
  );
  if (r.data?.setModuleEnabled?.__typename !== 'SetModuleEnabledPayload') throw new Error(JSON.stringify(r));
}

export const REPORT_SEL =
  '... on ReportProblemPayload { routedTo incident { id status channel reporterHidden deadline grid { code } ' +
  'community { name } } residentRequest { id content channel status } }';
