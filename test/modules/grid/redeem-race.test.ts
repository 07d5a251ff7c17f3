// THE ledger test: 1 000 concurrent redeemPoints against one account and one item leave balance ≥ 0,
// stock ≥ 0, ledger sum = balance, and (successful redemptions × price) = points spent.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { engine, regionId, type TestApp } from '../../helpers.js';
import { BEIWUCHA, gridApp, mutate, personId } from './kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await gridApp();
});
afterAll(() => t.close());

it('1 000 concurrent redemptions: never negative, never spent twice, ledger = balance', {
  timeout: 300_000,
}, async () => {
  const [admin, worker] = await Promise.all([t.login('beiwucha-admin'), t.login('weijiachang-worker')]);
  const township = await regionId(t, BEIWUCHA);
  const home = await t.db.prisma.region.findUniqueOrThrow({ where: { code: '652324104200' } });
  await t.db.prisma.person.create({ data: { name: '积分测试户', homeCommunityId: home.id, homePath: home.path } });
  const person = await personId(t, '积分测试户');

  const PRICE = 7;
  const STOCK = 300;
  const item = await mutate(
    t,
    admin,
    'savePointsStoreItem',
    { townshipId: township, name: '压力测试商品', price: PRICE, stockDelta: STOCK },
    '... on SavePointsStoreItemPayload { item { id } }',
  );
  const rule = await mutate(
    t,
    admin,
    'savePointsRule',
    { townshipId: township, code: 'GRANT', name: '测试发放', points: 1000 },
    '... on SavePointsRulePayload { rule { id } }',
  );
  for (const k of ['g1', 'g2'])
    await mutate(t, admin, 'awardPoints', { personId: person, ruleId: rule.rule.id, idempotencyKey: k });
  const START = 2000; // enough for 285 items of 7: the balance runs out before the stock (300)

  const N = 1000;
  const BATCH = 100;
  const results: { __typename: string; code?: string }[] = [];
  const started = Date.now();
  for (let b = 0; b < N; b += BATCH) {
    results.push(
      ...(await Promise.all(
        Array.from({ length: BATCH }, (_, i) =>
          mutate(t, worker, 'redeemPoints', {
            personId: person,
            itemId: item.item.id,
            quantity: 1,
            idempotencyKey: `race-${b + i}`,
          }),
        ),
      )),
    );
  }
  const elapsed = Date.now() - started;
  // a retry storm of already used keys records nothing new
  const retries = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      mutate(t, worker, 'redeemPoints', {
        personId: person,
        itemId: item.item.id,
        quantity: 1,
        idempotencyKey: `race-${i}`,
      }),
    ),
  );

  const ok = results.filter((r) => r.__typename === 'RedeemPointsPayload').length;
  const refused = results.filter((r) => r.__typename !== 'RedeemPointsPayload');
  expect(new Set(refused.map((r) => r.code))).toEqual(new Set(['PRECONDITION_FAILED']));
  expect(ok).toBe(Math.min(Math.floor(START / PRICE), STOCK));

  const account = await t.db.prisma.pointsAccount.findFirstOrThrow({ where: { personId: decodeGlobalID(person).id } });
  const stock = (
    await t.db.prisma.pointsStoreItem.findUniqueOrThrow({ where: { id: decodeGlobalID(item.item.id).id } })
  ).stock;
  const ledger = await t.db.prisma.pointsEntry.aggregate({ _sum: { points: true }, where: { accountId: account.id } });
  const redeemed = await t.db.prisma.pointsEntry.aggregate({
    _sum: { points: true, quantity: true },
    _count: true,
    where: { accountId: account.id, kind: 'REDEEM' },
  });
  expect(account.balance).toBeGreaterThanOrEqual(0);
  expect(stock).toBeGreaterThanOrEqual(0);
  expect(ledger._sum.points).toBe(account.balance);
  expect(redeemed._count).toBe(ok);
  expect(-redeemed._sum.points!).toBe(ok * PRICE);
  expect(START - account.balance).toBe(ok * PRICE);
  expect(STOCK - stock).toBe(redeemed._sum.quantity);
  expect(retries.every((r) => r.__typename === 'RedeemPointsPayload')).toBe(true);
  // every entry's running balance is consistent with the order it was recorded in
  const entries = await t.db.prisma.pointsEntry.findMany({ where: { accountId: account.id }, orderBy: { seq: 'asc' } });
  let running = 0;
  for (const e of entries) {
    running += e.points;
    expect(e.balanceAfter).toBe(running);
  }
  console.log(
    `[grid] ${N} redeemPoints on ${engine()}: ${ok} succeeded, ${refused.length} refused, ${elapsed} ms ` +
      `(${Math.round(N / (elapsed / 1000))}/s); balance ${account.balance}, stock ${stock}`,
  );
});
