// 积分过期: the grid.expirePoints job writes EXPIRE entries for unconsumed points older than the
// township's validity, oldest points consumed first; a second run the same day records nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock, regionId, type TestApp } from '../../helpers.js';
import { BEIWUCHA, gridApp, mutate, personId } from './kit.js';

let t: TestApp;
const clock = new ManualClock();
const DAY = 86_400_000;
beforeAll(async () => {
  t = await gridApp({ clock });
});
afterAll(() => t.close());

it('expires unconsumed old points FIFO, idempotently, and only where a validity is set', async () => {
  const admin = async () => t.login('beiwucha-admin');
  const township = await regionId(t, BEIWUCHA);
  const home = await t.db.prisma.region.findUniqueOrThrow({ where: { code: '652324104200' } });
  await t.db.prisma.person.create({ data: { name: '过期测试户', homeCommunityId: home.id, homePath: home.path } });
  const person = await personId(t, '过期测试户');
  const rule = await mutate(
    t,
    await admin(),
    'savePointsRule',
    { townshipId: township, code: 'TEN', name: '十分', points: 10 },
    '... on SavePointsRulePayload { rule { id } }',
  );
  const item = await mutate(
    t,
    await admin(),
    'savePointsStoreItem',
    { townshipId: township, name: '肥皂', price: 5, stockDelta: 10 },
    '... on SavePointsStoreItemPayload { item { id } }',
  );
  const owner = (await t.db.prisma.person.findFirstOrThrow({ where: { name: '过期测试户' } })).id;
  const balance = async () => {
    const a = await t.db.prisma.pointsAccount.findFirstOrThrow({ where: { personId: owner } });
    const sum = await t.db.prisma.pointsEntry.aggregate({ _sum: { points: true }, where: { accountId: a.id } });
    expect(sum._sum.points).toBe(a.balance);
    return a.balance;
  };

  await mutate(t, await admin(), 'awardPoints', { personId: person, ruleId: rule.rule.id, idempotencyKey: 'e1' });
  clock.advance(20 * DAY);
  await mutate(t, await admin(), 'awardPoints', { personId: person, ruleId: rule.rule.id, idempotencyKey: 'e2' });
  expect(
    (await mutate(t, await admin(), 'redeemPoints', { personId: person, itemId: item.item.id, idempotencyKey: 'r1' }))
      .__typename,
  ).toBe('RedeemPointsPayload');
  expect(await balance()).toBe(15);

  clock.advance(15 * DAY); // day 35: the first 10 points are older than one month
  expect(await t.app.jobs.run('grid.expirePoints')).toMatchObject({ accounts: 0 }); // no validity set: never expire
  const set = await t.gql(
    `mutation($r: ID!) { setModuleSetting(input: { regionId: $r, moduleId: "grid", key: ` +
      `"pointsValidityMonths", value: 1 }) { __typename } }`,
    { r: township },
    { token: await admin() },
  );
  expect(set.data.setModuleSetting.__typename).toBe('SetModuleSettingPayload');
  await t.app.jobs.run('grid.expirePoints');
  expect(await balance()).toBe(10); // 10 old points, 5 already spent from them: 5 expire
  await t.app.jobs.run('grid.expirePoints');
  expect(await balance()).toBe(10); // same day again: nothing

  clock.advance(20 * DAY); // day 55: the second award is old too
  await t.app.jobs.run('grid.expirePoints');
  expect(await balance()).toBe(0);
  const expired = await t.db.prisma.pointsEntry.findMany({
    where: { kind: 'EXPIRE', account: { personId: owner } },
    orderBy: { seq: 'asc' },
    select: { points: true },
  });
  expect(expired.map((k) => k.points)).toEqual([-5, -10]);
  // the seeded 普法 points of 北五岔镇 villagers (earned ~40 days before the start) expired too
  expect(
    await t.db.prisma.pointsEntry.count({ where: { kind: 'EXPIRE', account: { personId: { not: owner } } } }),
  ).toBeGreaterThan(0);
});
