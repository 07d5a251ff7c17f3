// Shared operations for the social-linkage tests: every test talks GraphQL to a real database.
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { expect } from 'vitest';
import socialLinkage from '../../../modules/social-linkage/index.js';
import { createTestApp, type ManualClock, type TestApp } from '../../helpers.js';

export const CODES = {
  jingcaicheng: '652301004001', // 晶彩城社区 (建国路街道)
  jiashun: '652301004002', // 嘉顺社区 (建国路街道)
  jianguolu: '652301004',
  yuanlin: '652301006001', // 园林社区 (绿洲路街道)
  tianlong: '652302100001',
  beiwucha: '652324104',
  weijiachang: '652324104200',
  prefecture: '652300',
} as const;

export const startApp = (clock?: ManualClock) => createTestApp({ modules: [socialLinkage], clock });

const ERR = '... on Error { code message details } ... on ValidationError { issues { path message } }';
const ORG =
  'id name kind standing status registrationNumber serviceAreas contactName contactPerson { name } filedWith { name }';
const NEED =
  'id category status summary description peopleCount concernedPerson { name } urgency source matchedAt metAt';
const ENG = `id status rating feedback deliveredAt need { id status } resource { id remaining }`;
const PROJECT =
  'id name status budgetYuan evaluationScore milestones { title progress } provider { name } purchaser { name }';
const m = (name: string, input: string, field: string, fields: string) =>
  `mutation($i: ${input}!) { ${name}(input: $i) { __typename
    ... on ${name[0]!.toUpperCase()}${name.slice(1)}Payload { ${field} { ${fields} } } ${ERR} } }`;

export const OPS = {
  file: m('fileSocialOrganization', 'FileSocialOrganizationInput', 'organization', ORG),
  register: m('registerSocialOrganization', 'RegisterSocialOrganizationInput', 'organization', ORG),
  change: m('changeSocialOrganizationStatus', 'ChangeSocialOrganizationStatusInput', 'organization', ORG),
  worker: m(
    'registerSocialWorker',
    'RegisterSocialWorkerInput',
    'socialWorker',
    'id name qualification station { name level }',
  ),
  need: m('recordCommunityNeed', 'RecordCommunityNeedInput', 'need', NEED),
  offer: m(
    'offerServiceResource',
    'OfferServiceResourceInput',
    'resource',
    'id title providerName remaining reach capacity',
  ),
  match: m('matchNeed', 'MatchNeedInput', 'engagement', ENG),
  deliver: m('recordEngagementDelivery', 'RecordEngagementDeliveryInput', 'engagement', ENG),
  feedback: m('recordEngagementFeedback', 'RecordEngagementFeedbackInput', 'engagement', ENG),
  project: m('createLivelihoodProject', 'CreateLivelihoodProjectInput', 'project', PROJECT),
  advance: m('advanceLivelihoodProject', 'AdvanceLivelihoodProjectInput', 'project', PROJECT),
};
export type Op = keyof typeof OPS;
export const FIELDS = { ORG, NEED };

/** runs a mutation and returns its result object (payload or typed error) */
export async function mutate(t: TestApp, op: Op, token: string, input: Record<string, unknown>) {
  const r = await t.gql(OPS[op], { i: input }, { token });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return Object.values(r.data as Record<string, any>)[0];
}

/** runs a mutation that must succeed and returns the changed object */
export async function ok(t: TestApp, op: Op, token: string, input: Record<string, unknown>) {
  const result = await mutate(t, op, token, input);
  expect(result.__typename, JSON.stringify(result)).toMatch(/Payload$/);
  return Object.values(result).find((v) => v && typeof v === 'object') as any;
}

/** runs a mutation that must fail with `code` */
export async function refused(t: TestApp, op: Op, token: string, input: Record<string, unknown>, code: string) {
  const result = await mutate(t, op, token, input);
  expect(result.code, JSON.stringify(result)).toBe(code);
  return result;
}

export const dbId = (globalId: string) => decodeGlobalID(globalId).id;
export const gid = (type: string, id: string) => encodeGlobalID(type, id);

/** the global id of a demo row, straight from the database */
export async function personId(t: TestApp, name: string) {
  return gid('Person', (await t.db.prisma.person.findFirstOrThrow({ where: { name } })).id);
}
export async function orgId(t: TestApp, name: string) {
  return gid('Organization', (await t.db.prisma.organization.findFirstOrThrow({ where: { name } })).id);
}
export async function socialOrgId(t: TestApp, name: string) {
  return gid('SocialOrganization', (await t.db.prisma.socialOrganization.findFirstOrThrow({ where: { name } })).id);
}
export async function stationId(t: TestApp, code: string) {
  const region = await t.db.prisma.region.findUniqueOrThrow({ where: { code } });
  return gid(
    'SocialWorkStation',
    (await t.db.prisma.socialWorkStation.findUniqueOrThrow({ where: { regionId: region.id } })).id,
  );
}

/** counts that a refused mutation must leave unchanged */
export async function snapshot(t: TestApp) {
  const p = t.db.prisma;
  const [orgs, needs, engagements, used, audit] = await Promise.all([
    p.socialOrganization.findMany({ select: { status: true, version: true }, orderBy: { id: 'asc' } }),
    p.communityNeed.findMany({ select: { status: true, version: true }, orderBy: { id: 'asc' } }),
    p.serviceEngagement.count(),
    p.serviceResource.aggregate({ _sum: { used: true } }),
    p.auditLog.count({ where: { action: { startsWith: 'social-linkage.' } } }),
  ]);
  return { orgs, needs, engagements, used: used._sum.used, audit };
}
