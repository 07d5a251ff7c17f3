// Shared operations and steps for the wishes tests: every test talks GraphQL to a real database.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { expect } from 'vitest';
import wishes from '../../../modules/wishes/index.js';
import { createTestApp, regionId, type ManualClock, type TestApp } from '../../helpers.js';

export const CODES = {
  jingcaicheng: '652301004001', // 晶彩城社区 (建国路街道)
  jianguolu: '652301004', // 建国路街道
  yuanlin: '652301006001', // 园林社区
  tianlong: '652302100001', // 天龙社区 (甘河子镇)
  ganhezi: '652302100', // 甘河子镇
  beiwucha: '652324104', // 北五岔镇
  weijiachang: '652324104200', // 魏家场村 (北五岔镇)
  manas: '652324', // 玛纳斯县
  prefecture: '652300',
} as const;

/**
 * A fresh app with the demo data. The tests of the other rules submit many wishes for 何福琴 within
 * one (manual-clock) day, so they raise maxSubmissionsPerDay to its maximum at 昌吉州; the tests of the
 * limit itself pass `submissionLimit: null` to keep the default (5).
 */
export async function startApp(clock?: ManualClock, { submissionLimit = 100 as number | null } = {}): Promise<TestApp> {
  const t = await createTestApp({ modules: [wishes], clock });
  if (submissionLimit !== null)
    await setWishSetting(t, await t.login('admin'), CODES.prefecture, 'maxSubmissionsPerDay', submissionLimit);
  return t;
}

/** setModuleSetting for the wishes module at a region (by code); fails the test unless it is accepted */
export async function setWishSetting(t: TestApp, token: string, code: string, key: string, value: number) {
  const r = await t.gql(
    `mutation($i: SetModuleSettingInput!) { setModuleSetting(input: $i) { __typename ... on Error { code message } } }`,
    { i: { regionId: await regionId(t, code), moduleId: 'wishes', key, value } },
    { token },
  );
  expect(r.data?.setModuleSetting?.__typename, JSON.stringify(r)).toBe('SetModuleSettingPayload');
}

const WISH_FIELDS = `id status title description category channel estimatedValue requesterName claimantName
  requester { name } claimant { name } organization { name } community { name }
  claimDueAt rejectionReason thanks rating evidenceUrls
  timeline { action from to note actorRole actorName }`;

const payload = (name: string) => `${name}(input: $i) { __typename
  ... on ${name[0]!.toUpperCase()}${name.slice(1)}Payload { wish { ${WISH_FIELDS} } }
  ... on Error { code message details } ... on ValidationError { issues { path message } } }`;

export const OPS = {
  submit: `mutation($i: SubmitWishInput!) { ${payload('submitWish')} }`,
  review: `mutation($i: ReviewWishInput!) { ${payload('reviewWish')} }`,
  claim: `mutation($i: ClaimWishInput!) { ${payload('claimWish')} }`,
  release: `mutation($i: ReleaseWishClaimInput!) { ${payload('releaseWishClaim')} }`,
  fulfil: `mutation($i: FulfillWishInput!) { ${payload('fulfillWish')} }`,
  confirm: `mutation($i: ConfirmWishInput!) { ${payload('confirmWish')} }`,
  withdraw: `mutation($i: WithdrawWishInput!) { ${payload('withdrawWish')} }`,
  update: `mutation($i: UpdateWishInput!) { ${payload('updateWish')} }`,
  wish: `query($id: ID!) { wish(id: $id) { ${WISH_FIELDS} } }`,
};

export type Op = keyof typeof OPS;

/** runs a mutation and returns its result object (payload or typed error) */
export async function mutate(t: TestApp, op: Op, token: string, input: Record<string, unknown>) {
  const r = await t.gql(OPS[op], { i: input }, { token });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return Object.values(r.data as Record<string, any>)[0];
}

/** runs a mutation that must succeed and returns the wish */
export async function ok(t: TestApp, op: Op, token: string, input: Record<string, unknown>) {
  const result = await mutate(t, op, token, input);
  expect(result.__typename, JSON.stringify(result)).toMatch(/Payload$/);
  return result.wish;
}

/** the global id of a demo person, looked up by a worker who manages them */
export async function personByName(t: TestApp, token: string, name: string) {
  const r = await t.gql(
    `query($s: String!) { people(filter: { search: $s }, first: 5) { edges { node { id name } } } }`,
    { s: name },
    { token },
  );
  const node = r.data.people.edges.find((e: any) => e.node.name === name)?.node;
  if (!node) throw new Error(`no person ${name}: ${JSON.stringify(r)}`);
  return node.id as string;
}

export async function organizationId(t: TestApp, name: string) {
  const r = await t.gql(
    `query($s: String!) { organizations(filter: { search: $s }, first: 5) { edges { node { id name } } } }`,
    { s: name },
  );
  return r.data.organizations.edges.find((e: any) => e.node.name === name).node.id as string;
}

/** submits (as `token`, for `requesterId` or themself) and publishes (as `worker`) a wish */
export async function publishedWish(
  t: TestApp,
  opts: { token: string; worker: string; community: string; requesterId?: string; title?: string },
) {
  const wish = await ok(t, 'submit', opts.token, {
    communityId: await regionId(t, opts.community),
    ...(opts.requesterId ? { requesterId: opts.requesterId } : {}),
    title: opts.title ?? '保温水杯',
    category: 'DAILY_NECESSITIES',
    channel: 'HOME_VISIT',
    estimatedValue: 59,
  });
  return ok(t, 'review', opts.worker, { wishId: wish.id, approve: true });
}

/** a row count, for asserting that a refused mutation changed nothing */
export async function snapshot(t: TestApp, adminToken: string, wishGlobalId: string) {
  const r = await t.gql(OPS.wish, { id: wishGlobalId }, { token: adminToken });
  const events = await t.db.prisma.wishEvent.count();
  const audit = await t.db.prisma.auditLog.count({ where: { action: { startsWith: 'wishes.' } } });
  return { wish: r.data.wish, events, audit };
}

/** the database id inside a global id */
export const dbId = (globalId: string) => decodeGlobalID(globalId).id;
