// 退单 returnServiceOrder / 重新派单 redispatchServiceOrder: the department an order was dispatched to returns
// it with a reason before accepting (once per receiving side); the township dispatches it anew to a side that
// has not returned it, or withdraws it. Refusals change nothing; a return racing an acceptance has one winner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { ManualClock, TestApp } from '../../helpers.js';
import { app, ok, parseGlobal, regionId } from './helpers.js';

let t: TestApp;
let clock: ManualClock;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const ORDER = 'order { id status returnReason returnCount returnedAt assigneeOrganization { id } team { id } }';
const DISPATCH = `mutation($input: DispatchServiceOrderInput!) { dispatchServiceOrder(input: $input) { __typename
  ... on DispatchServiceOrderPayload { order { id } } ... on Error { code } } }`;
const ACCEPT = `mutation($input: AcceptServiceOrderInput!) { acceptServiceOrder(input: $input) { __typename
  ... on AcceptServiceOrderPayload { order { status } } ... on Error { code } } }`;
const RETURN = `mutation($input: ReturnServiceOrderInput!) { returnServiceOrder(input: $input) { __typename
  ... on ReturnServiceOrderPayload { ${ORDER} } ... on Error { code message }
  ... on ValidationError { issues { path } } } }`;
const REDISPATCH = `mutation($input: RedispatchServiceOrderInput!) { redispatchServiceOrder(input: $input) {
  __typename ... on RedispatchServiceOrderPayload { ${ORDER} } ... on Error { code message } } }`;
const CANCEL = `mutation($input: CancelServiceOrderInput!) { cancelServiceOrder(input: $input) { __typename
  ... on CancelServiceOrderPayload { order { status } } ... on Error { code } } }`;

beforeAll(async () => {
  ({ t, clock } = await app());
  for (const u of ['beiwucha-admin', 'ganhezi-admin', 'manas-emergency', 'weijiachang-grid'])
    tokens[u] = await t.login(u);
  ids.beiwucha = await regionId(t, '652324104');
  const emergency = await t.db.prisma.organization.findFirstOrThrow({ where: { name: '玛纳斯县应急管理局' } });
  ids.emergency = encodeGlobalID('Organization', emergency.id);
  const team = await t.db.prisma.volunteerTeam.findFirstOrThrow({ where: { name: '北五岔镇安全隐患排查志愿服务队' } });
  ids.team = encodeGlobalID('VolunteerTeam', team.id);
});
afterAll(() => t.close());

const as = (u: string) => ({ token: tokens[u] });
const run = async (query: string, field: string, input: Record<string, unknown>, user: string) => {
  const r = await t.gql(query, { input }, as(user));
  return r.data?.[field] ?? { code: JSON.stringify(r.errors) };
};
const giveBack = (orderId: string, reason: unknown = '不属于本部门职责', user = 'manas-emergency') =>
  run(RETURN, 'returnServiceOrder', { orderId, reason }, user);
const redispatch = (orderId: string, to: Record<string, unknown>, user = 'beiwucha-admin') =>
  run(REDISPATCH, 'redispatchServiceOrder', { orderId, ...to }, user);
const row = (id: string) => t.db.prisma.volunteerServiceOrder.findUniqueOrThrow({ where: { id: parseGlobal(id) } });
async function dispatch(title = '独居老人取暖设施检查') {
  const input = { townshipId: ids.beiwucha, title, assigneeOrganizationId: ids.emergency };
  return ok(await t.gql(DISPATCH, { input }, as('beiwucha-admin')), 'dispatchServiceOrder').order.id as string;
}

describe('退单 returnServiceOrder', () => {
  it('the department returns a dispatched order with its reason, once; the township dispatches it anew', async () => {
    const id = await dispatch();
    const res = await giveBack(id, ' 不属于本部门职责 ');
    expect(res.__typename).toBe('ReturnServiceOrderPayload');
    expect(res.order).toMatchObject({ id, status: 'RETURNED', returnReason: '不属于本部门职责', returnCount: 1 });
    expect(new Date(res.order.returnedAt).getTime()).toBe(clock.now().getTime());
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({
      where: { entityId: parseGlobal(id), action: 'volunteering.order.return' },
    });
    expect(audit.data).toMatchObject({ from: 'DISPATCHED', to: 'RETURNED', reason: '不属于本部门职责' });

    // a returned order cannot be accepted or returned again
    const returned = await row(id);
    expect((await run(ACCEPT, 'acceptServiceOrder', { orderId: id }, 'manas-emergency')).code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await giveBack(id, '再退一次')).code).toBe('INVALID_TRANSITION');
    // nor given back to the side that returned it
    const refused = await redispatch(id, { assigneeOrganizationId: ids.emergency });
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(await row(id)).toEqual(returned);

    const again = await redispatch(id, { teamId: ids.team });
    expect(again.order).toMatchObject({
      status: 'DISPATCHED',
      team: { id: ids.team },
      assigneeOrganization: null,
      returnCount: 1,
    });
    // the department that returned it can no longer act on it
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain((await giveBack(id, '再退一次')).code);
    expect((await row(id)).returnedBy).toEqual([`org:${parseGlobal(ids.emergency)}`]);
  });

  it('only the receiving side returns, the township dispatches anew; a returned order can be withdrawn', async () => {
    const id = await dispatch('门前雪清扫');
    const before = await row(id);
    expect((await giveBack(id, '不属于本部门职责', 'beiwucha-admin')).code).toBe('FORBIDDEN');
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain((await giveBack(id, '不属于本部门职责', 'weijiachang-grid')).code);
    expect((await giveBack(id, '')).issues).toEqual([{ path: 'input.reason' }]);
    expect((await giveBack(id, 'x'.repeat(501))).code).toBe('VALIDATION');
    expect((await redispatch(id, { teamId: ids.team })).code).toBe('INVALID_TRANSITION');
    expect(await row(id)).toEqual(before);

    expect((await giveBack(id)).order.status).toBe('RETURNED');
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain((await redispatch(id, { teamId: ids.team }, 'ganhezi-admin')).code);
    expect((await redispatch(id, {})).code).toBe('VALIDATION');
    expect(
      (await run(CANCEL, 'cancelServiceOrder', { orderId: id, reason: '已由村委会解决' }, 'beiwucha-admin')).order,
    ).toEqual({ status: 'CANCELLED' });
  });

  it('a return racing acceptances leaves exactly one winner', async () => {
    const id = await dispatch('供暖管道排查');
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => giveBack(id)),
      ...Array.from({ length: 4 }, () => run(ACCEPT, 'acceptServiceOrder', { orderId: id }, 'manas-emergency')),
    ]);
    const won = results.filter((r) => r.__typename?.endsWith('Payload'));
    expect(won).toHaveLength(1);
    expect(
      results
        .filter((r) => !r.__typename?.endsWith('Payload'))
        .every((r) => ['CONFLICT', 'INVALID_TRANSITION'].includes(r.code)),
    ).toBe(true);
    const final = await row(id);
    expect(final.status).toBe(won[0].order.status);
    expect(final.returnedBy.length).toBe(final.status === 'RETURNED' ? 1 : 0);
  });
});
