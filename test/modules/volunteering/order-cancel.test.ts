// cancelServiceOrder 撤销派单: the dispatching township (its admins or above) withdraws a DISPATCHED or
// ACCEPTED order with a reason; completed orders stay; cancelled orders leave RegionStats.volunteering.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { engine, type ManualClock, type TestApp } from '../../helpers.js';
import { app, ok, parseGlobal, personId, regionId } from './helpers.js';

let t: TestApp;
let clock: ManualClock;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const DISPATCH = `mutation($input: DispatchServiceOrderInput!) { dispatchServiceOrder(input: $input) { __typename
  ... on DispatchServiceOrderPayload { order { id status } } ... on Error { code } } }`;
const ACCEPT = `mutation($input: AcceptServiceOrderInput!) { acceptServiceOrder(input: $input) { __typename
  ... on AcceptServiceOrderPayload { order { status } } ... on Error { code } } }`;
const COMPLETE = `mutation($input: CompleteServiceOrderInput!) { completeServiceOrder(input: $input) { __typename
  ... on CompleteServiceOrderPayload { order { status } } ... on Error { code } } }`;
const CANCEL = `mutation($input: CancelServiceOrderInput!) { cancelServiceOrder(input: $input) { __typename
  ... on CancelServiceOrderPayload { order {
    id status cancelReason cancelledAt overdue assignedVolunteerCount result } }
  ... on Error { code message } ... on ValidationError { issues { path } } } }`;
const STATS = `query($r: ID!) { region(id: $r) { stats { volunteering {
  serviceOrders completedServiceOrders householdsVisited mattersDone } } } }`;

beforeAll(async () => {
  ({ t, clock } = await app());
  for (const u of [
    'admin',
    'zhou-admin',
    'beiwucha-admin',
    'ganhezi-admin',
    'manas-emergency',
    'weijiachang-grid',
    'jingcaicheng-worker',
    'analyst',
  ])
    tokens[u] = await t.login(u);
  for (const [k, code] of [
    ['beiwucha', '652324104'],
    ['weijiachang', '652324104200'],
    ['manas', '652324'],
  ])
    ids[k!] = await regionId(t, code!);
  const orgs = await t.gql(
    `{ organizations(filter: { search: "玛纳斯县应急管理局" }) { edges { node { id } } } }`,
    {},
    { token: tokens.admin },
  );
  ids.emergency = orgs.data.organizations.edges[0].node.id;
  ids.zhao = await personId(t, tokens.admin!, '赵刚');
  ids.team = encodeGlobalID(
    'VolunteerTeam',
    (await t.db.prisma.volunteerTeam.findFirstOrThrow({ where: { name: '北五岔镇安全隐患排查志愿服务队' } })).id,
  );
});
afterAll(() => t.close());

const as = (u: string) => ({ token: tokens[u] });
const cancel = (orderId: string, reason: unknown, user = 'beiwucha-admin') =>
  t
    .gql(CANCEL, { input: { orderId, reason } }, as(user))
    .then((r) => r.data?.cancelServiceOrder ?? { code: JSON.stringify(r.errors) });
const row = (globalId: string) =>
  t.db.prisma.volunteerServiceOrder.findUniqueOrThrow({ where: { id: parseGlobal(globalId) } });
const cancelAudits = (globalId: string) =>
  t.db.prisma.auditLog.count({ where: { entityId: parseGlobal(globalId), action: 'volunteering.order.cancel' } });
const stats = async (r = ids.beiwucha) => (await t.gql(STATS, { r }, as('analyst'))).data.region.stats.volunteering;

async function dispatch(
  title = '独居老人取暖设施检查',
  extra: Record<string, unknown> = { assigneeOrganizationId: ids.emergency },
) {
  const input = {
    townshipId: ids.beiwucha,
    communityId: ids.weijiachang,
    title,
    dueAt: new Date(clock.now().getTime() + 5 * 86_400_000).toISOString(),
    ...extra,
  };
  return ok(await t.gql(DISPATCH, { input }, as('beiwucha-admin')), 'dispatchServiceOrder').order.id as string;
}
async function accepted(title?: string) {
  const id = await dispatch(title);
  ok(
    await t.gql(ACCEPT, { input: { orderId: id, volunteerPersonIds: [ids.zhao] } }, as('manas-emergency')),
    'acceptServiceOrder',
  );
  return id;
}

describe('cancelServiceOrder 撤销派单', () => {
  it('the township withdraws a dispatched order with its reason; it no longer counts in the statistics', async () => {
    const before = await stats();
    const id = await dispatch();
    expect((await stats()).serviceOrders).toBe(before.serviceOrders + 1);
    const res = await cancel(id, ' 村委会已自行解决 ');
    expect(res.__typename).toBe('CancelServiceOrderPayload');
    expect(res.order).toMatchObject({
      id,
      status: 'CANCELLED',
      cancelReason: '村委会已自行解决',
      overdue: false,
      result: null,
    });
    expect(new Date(res.order.cancelledAt).getTime()).toBe(clock.now().getTime());
    expect(await stats()).toEqual(before);

    const trail = await t.db.prisma.auditLog.findMany({ where: { entityId: parseGlobal(id) }, orderBy: { at: 'asc' } });
    expect(trail.map((a) => a.action)).toEqual(['volunteering.order.dispatch', 'volunteering.order.cancel']);
    expect(trail[1]!.data).toMatchObject({ from: 'DISPATCHED', to: 'CANCELLED', reason: '村委会已自行解决' });
    const r = await row(id);
    expect(r.cancelledById).toBeTruthy();

    // listed under CANCELLED, gone from the department's inbox; the department can no longer act on it
    const listed = await t.gql(
      `{ serviceOrders(filter: { status: CANCELLED }) { edges { node { id } } } }`,
      {},
      as('beiwucha-admin'),
    );
    expect(listed.data.serviceOrders.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    const inbox = await t.gql(
      `{ serviceOrders(filter: { status: DISPATCHED }) { edges { node { id } } } }`,
      {},
      as('manas-emergency'),
    );
    expect(inbox.data.serviceOrders.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);
    expect((await t.gql(ACCEPT, { input: { orderId: id } }, as('manas-emergency'))).data.acceptServiceOrder.code).toBe(
      'INVALID_TRANSITION',
    );
    expect(
      (await t.gql(COMPLETE, { input: { orderId: id, result: '已办' } }, as('manas-emergency'))).data
        .completeServiceOrder.code,
    ).toBe('INVALID_TRANSITION');
    expect((await cancel(id, '再次撤销')).code).toBe('INVALID_TRANSITION');
    expect(await row(id)).toEqual(r);
    expect(await cancelAudits(id)).toBe(1);
  });

  it(
    'an accepted order may be withdrawn too, also by an admin above the township; ' + 'completed figures stay',
    async () => {
      const id = await accepted('冬季燃煤取暖安全检查');
      const before = await stats();
      const res = await cancel(id, '上级统一安排专项检查', 'zhou-admin');
      expect(res.order).toMatchObject({
        status: 'CANCELLED',
        cancelReason: '上级统一安排专项检查',
        assignedVolunteerCount: 1,
      });
      const after = await stats();
      expect(after).toEqual({ ...before, serviceOrders: before.serviceOrders - 1 });
    },
  );

  it('refusals change nothing: reason, who may cancel, completed orders, unknown ids', async () => {
    const id = await accepted('村道积雪清理');
    const teamOrder = await dispatch('村道路灯排查', { teamId: ids.team });
    const done = await accepted('燃气泄漏排查');
    ok(
      await t.gql(
        COMPLETE,
        { input: { orderId: done, result: '排查 20 户', householdsVisited: 20 } },
        as('manas-emergency'),
      ),
      'completeServiceOrder',
    );
    const rows = { id: await row(id), teamOrder: await row(teamOrder), done: await row(done) };

    for (const reason of ['', '  ', '撤', 'x'.repeat(501)]) {
      const r = await cancel(id, reason);
      expect(r.code, reason).toBe('VALIDATION');
      expect(r.issues.map((i: { path: string }) => i.path)).toEqual(['input.reason']);
    }
    // the reason is required
    expect((await t.gql(CANCEL, { input: { orderId: id } }, as('beiwucha-admin'))).errors?.length).toBeGreaterThan(0);
    expect((await cancel(id, '部门想退单', 'manas-emergency')).code).toBe('FORBIDDEN'); // the accepting department
    // the accepting team's leader
    expect((await cancel(teamOrder, '队长想退单', 'weijiachang-grid')).code).toBe('FORBIDDEN');
    expect((await cancel(id, '不相干', 'analyst')).code).toBe('FORBIDDEN'); // reads the area, does not dispatch
    expect((await cancel(id, '不相干', 'ganhezi-admin')).code).toBe('NOT_FOUND'); // another township
    expect((await cancel(id, '不相干', 'jingcaicheng-worker')).code).toBe('FORBIDDEN'); // not an admin (policy roles)
    const completed = await cancel(done, '办结后撤销');
    expect(completed.code).toBe('INVALID_TRANSITION');
    expect(completed.message).toContain('已办结');
    expect((await cancel(encodeGlobalID('VolunteerServiceOrder', randomUUID()), '不存在')).code).toBe('NOT_FOUND');

    expect({ id: await row(id), teamOrder: await row(teamOrder), done: await row(done) }).toEqual(rows);
    for (const o of [id, teamOrder, done]) expect(await cancelAudits(o)).toBe(0);
    // the rightful township still can
    expect((await cancel(teamOrder, '改派应急管理局')).order.status).toBe('CANCELLED');
  });

  it(`completing and cancelling at the same moment: exactly one wins (${engine()})`, async () => {
    for (let round = 0; round < 4; round++) {
      const id = await accepted(`并发测试 ${round}`);
      const results = await Promise.all([
        t
          .gql(COMPLETE, { input: { orderId: id, result: '已入户检查', householdsVisited: 3 } }, as('manas-emergency'))
          .then((r) => r.data.completeServiceOrder),
        cancel(id, 'township withdraws'),
        cancel(id, '同时再撤一次', 'zhou-admin'),
      ]);
      const winners = results.filter((r) => !('code' in r));
      expect(winners).toHaveLength(1);
      // a loser that read the order before the winner wrote lost the race (CONFLICT); one that read it after
      // asks for a move its status no longer allows (INVALID_TRANSITION)
      const lost = results.filter((r) => 'code' in r);
      expect(lost.every((r) => ['CONFLICT', 'INVALID_TRANSITION'].includes(r.code))).toBe(true);
      const final = await row(id);
      expect(final.status).toBe(winners[0]!.order.status);
      expect(final.version).toBe(2); // accept + the one winning change
      const actions = await t.db.prisma.auditLog.count({
        where: { entityId: final.id, action: { in: ['volunteering.order.complete', 'volunteering.order.cancel'] } },
      });
      expect(actions).toBe(1);
      if (final.status === 'CANCELLED') expect(final.result).toBeNull();
      else expect(final.cancelledAt).toBeNull();
    }
  });

  it('refused where the module is off; back on, the township cancels again', async () => {
    const id = await dispatch('关停测试');
    const SWITCH = `mutation($r: ID!, $on: Boolean!) {
      setModuleEnabled(input: { regionId: $r, moduleId: "volunteering", enabled: $on, note: "试点" }) { __typename }
    }`;
    expect(
      (await t.gql(SWITCH, { r: ids.beiwucha, on: false }, as('beiwucha-admin'))).data.setModuleEnabled.__typename,
    ).toBe('SetModuleEnabledPayload');
    const before = await row(id);
    expect((await cancel(id, '关停期间撤销', 'zhou-admin')).code).toBe('MODULE_DISABLED');
    expect(await row(id)).toEqual(before);
    expect(
      (await t.gql(SWITCH, { r: ids.beiwucha, on: true }, as('beiwucha-admin'))).data.setModuleEnabled.__typename,
    ).toBe('SetModuleEnabledPayload');
    expect((await cancel(id, '恢复后撤销')).order.status).toBe('CANCELLED');
  });
});
