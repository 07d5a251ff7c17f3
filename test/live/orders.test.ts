// serviceOrdersChanged for a department: it receives the orders dispatched to it and their moves (each read
// through the order's own guard); a resident may not subscribe.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock, TestApp } from '../helpers.js';
import { app, ok, personId, regionId } from '../modules/volunteering/helpers.js';
import { SseStream } from './sse.js';

const DISPATCH = `mutation($input: DispatchServiceOrderInput!) { dispatchServiceOrder(input: $input) { __typename
  ... on DispatchServiceOrderPayload { order { id status } } ... on Error { code message } } }`;
const ACCEPT = `mutation($input: AcceptServiceOrderInput!) { acceptServiceOrder(input: $input) { __typename
  ... on AcceptServiceOrderPayload { order { status } } ... on Error { code } } }`;
const CHANGED = `subscription { serviceOrdersChanged { id status title } }`;

let t: TestApp;
let clock: ManualClock;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let stream: SseStream | null = null;

beforeAll(async () => {
  ({ t, clock } = await app());
  for (const u of ['admin', 'beiwucha-admin', 'manas-emergency']) tokens[u] = await t.login(u);
  ids.beiwucha = await regionId(t, '652324104');
  ids.weijiachang = await regionId(t, '652324104200');
  const org = await t.db.prisma.organization.findFirstOrThrow({ where: { name: '玛纳斯县应急管理局' } });
  ids.emergency = encodeGlobalID('Organization', org.id);
  ids.zhao = await personId(t, tokens.admin!, '赵刚');
});
afterAll(async () => {
  await stream?.close();
  await t.close();
});

async function dispatch(title: string, assignee: Record<string, unknown>) {
  const input = {
    townshipId: ids.beiwucha,
    communityId: ids.weijiachang,
    title,
    dueAt: new Date(clock.now().getTime() + 5 * 86_400_000).toISOString(),
    ...assignee,
  };
  const r = await t.gql(DISPATCH, { input }, { token: tokens['beiwucha-admin'] });
  return ok(r, 'dispatchServiceOrder').order.id as string;
}

describe('serviceOrdersChanged', () => {
  it('a department receives its orders as they are dispatched and accepted', async () => {
    stream = await SseStream.open(t.app, CHANGED, {}, { token: tokens['manas-emergency'] });
    const mine = await dispatch('独居老人取暖设施检查', { assigneeOrganizationId: ids.emergency });
    const first = (await stream.next()).data.data.serviceOrdersChanged;
    expect(first).toEqual({ id: mine, status: 'DISPATCHED', title: '独居老人取暖设施检查' });
    const accept = { input: { orderId: mine, volunteerPersonIds: [ids.zhao] } };
    ok(await t.gql(ACCEPT, accept, { token: tokens['manas-emergency'] }), 'acceptServiceOrder');
    expect((await stream.next()).data.data.serviceOrdersChanged).toMatchObject({ id: mine, status: 'ACCEPTED' });
  });

  it('a resident is refused when subscribing (FORBIDDEN)', async () => {
    const s = await SseStream.open(t.app, CHANGED, {}, { token: await t.login('resident-he') });
    expect((await s.next()).data.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await s.close();
  });
});
