// Priority 4: the points ledger 积分制 — rules as data with caps, immutable entries, idempotency,
// the points store, reversals, and points from the volunteering.hoursVerified domain event.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineModule } from '../../../src/modules.js';
import { regionId, type TestApp } from '../../helpers.js';
import { BEIWUCHA, grid, gridApp, mutate, personId } from './kit.js';

// a tiny test-only module standing in for `volunteering`: it publishes the event inside its mutation
const publisher = defineModule({
  id: 'test-publisher',
  title: '测试',
  description: 'publishes volunteering.hoursVerified for the grid tests',
  dependsOn: [],
  defaultEnabled: true,
  register(builder) {
    builder.mutationField('testVerifyHours', (t) =>
      t.boolean({
        subGraphs: ['test-publisher'],
        policy: { roles: ['SYSTEM_ADMIN', 'REGION_ADMIN'], scope: 'NONE' },
        args: {
          personId: t.arg.string({ required: true }),
          hours: t.arg.float({ required: true }),
          communityPath: t.arg.string({ required: true }),
        },
        resolve: async (_r, args, ctx) => {
          await ctx.prisma.$transaction((tx) =>
            ctx.publish(tx, {
              type: 'volunteering.hoursVerified',
              regionPath: args.communityPath,
              payload: { personId: args.personId, hours: args.hours, recordId: 'r-1', activityTitle: '人居环境整治' },
            }),
          );
          return true;
        },
      }),
    );
  },
});

let t: TestApp;
let admin: string;
let worker: string;
let township: string;
let chen: string; // a villager of 魏家场村
let rules: Record<string, { id: string; points: number }>;
let items: Record<string, { id: string; price: number; stock: number }>;

const ENTRY = '{ entry { id kind points balanceAfter rule { code } item { name } } account { balance ledgerTotal } }';
const award = (token: string, ruleCode: string, key: string, who = chen) =>
  mutate(
    t,
    token,
    'awardPoints',
    { personId: who, ruleId: rules[ruleCode]!.id, idempotencyKey: key },
    `... on AwardPointsPayload ${ENTRY}`,
  );
const redeem = (token: string, item: string, key: string, quantity = 1) =>
  mutate(
    t,
    token,
    'redeemPoints',
    { personId: chen, itemId: items[item]!.id, quantity, idempotencyKey: key },
    `... on RedeemPointsPayload ${ENTRY}`,
  );
const account = async () =>
  (
    await t.gql(
      `query($p: ID!, $t: ID!) { pointsAccount(personId: $p, townshipId: $t) { balance ledgerTotal ` +
        `entries(first: 50) { totalCount edges { node { kind points } } } } }`,
      { p: chen, t: township },
      { token: admin },
    )
  ).data.pointsAccount;

beforeAll(async () => {
  t = await gridApp({ modules: [grid, publisher] });
  [admin, worker] = await Promise.all([t.login('beiwucha-admin'), t.login('weijiachang-worker')]);
  township = await regionId(t, BEIWUCHA);
  // a villager of 魏家场村 without seeded points
  const home = await t.db.prisma.region.findUniqueOrThrow({ where: { code: '652324104200' } });
  await t.db.prisma.person.create({ data: { name: '测试村民', homeCommunityId: home.id, homePath: home.path } });
  chen = await personId(t, '测试村民');
  const r = await t.gql(
    `query($t: ID!) { pointsRules(townshipId: $t) { id code points capPerPeriod period } ` +
      `pointsStoreItems(townshipId: $t) { id name price stock } }`,
    { t: township },
    { token: worker },
  );
  rules = Object.fromEntries(r.data.pointsRules.map((x: any) => [x.code, x]));
  items = Object.fromEntries(r.data.pointsStoreItems.map((x: any) => [x.name, x]));
});
afterAll(() => t.close());

describe('rules and the store as data', () => {
  it('lists the township rules (普法 with a monthly cap) and store items', async () => {
    expect(Object.keys(rules).sort()).toEqual(['INCIDENT_REPORT', 'LAW_STUDY', 'PATROL', 'VOLUNTEERING']);
    expect(rules.LAW_STUDY).toMatchObject({ points: 5, capPerPeriod: 20, period: 'MONTH' });
    expect(items['毛巾']).toMatchObject({ price: 15 });
  });
});

describe('the ledger', () => {
  it('awards by rule; a retried request records once; a reused key for another request is a CONFLICT', async () => {
    const a = await award(worker, 'LAW_STUDY', 'law-1');
    expect(a.entry).toMatchObject({ kind: 'EARN', points: 5, balanceAfter: 5, rule: { code: 'LAW_STUDY' } });
    const again = await Promise.all(Array.from({ length: 10 }, () => award(worker, 'LAW_STUDY', 'law-1')));
    expect(new Set(again.map((x) => x.entry.id))).toEqual(new Set([a.entry.id]));
    expect(await account()).toMatchObject({ balance: 5, ledgerTotal: 5, entries: { totalCount: 1 } });
    const reused = await award(worker, 'PATROL', 'law-1');
    expect(reused.code).toBe('CONFLICT');
  });

  it('enforces the cap per period (LIMIT_EXCEEDED, nothing recorded)', async () => {
    for (const k of ['law-2', 'law-3', 'law-4']) expect((await award(worker, 'LAW_STUDY', k)).entry.points).toBe(5);
    const over = await award(worker, 'LAW_STUDY', 'law-5');
    expect(over).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(await account()).toMatchObject({ balance: 20, ledgerTotal: 20, entries: { totalCount: 4 } });
  });

  it('redeems at the store: stock and balance fall together, never below zero', async () => {
    const r = await redeem(worker, '毛巾', 'buy-1');
    expect(r.entry).toMatchObject({ kind: 'REDEEM', points: -15, balanceAfter: 5, item: { name: '毛巾' } });
    expect(r.account).toEqual({ balance: 5, ledgerTotal: 5 });
    expect((await redeem(worker, '毛巾', 'buy-1')).entry.id).toBe(r.entry.id); // retry
    const poor = await redeem(worker, '洗衣液', 'buy-2');
    expect(poor).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const stock = await t.db.prisma.pointsStoreItem.findUniqueOrThrow({
      where: { id: decodeGlobalID(items['毛巾']!.id).id },
    });
    expect(stock.stock).toBe(items['毛巾']!.stock - 1);
  });

  it('refuses the last item twice', async () => {
    const one = await mutate(
      t,
      admin,
      'savePointsStoreItem',
      { townshipId: township, name: '台灯(限量)', price: 1, stockDelta: 1 },
      '... on SavePointsStoreItemPayload { item { id stock } }',
    );
    items['台灯'] = { id: one.item.id, price: 1, stock: 1 };
    const both = await Promise.all([redeem(worker, '台灯', 'lamp-a'), redeem(worker, '台灯', 'lamp-b')]);
    expect(both.map((b) => b.__typename).sort()).toEqual(['DomainError', 'RedeemPointsPayload']);
    expect(both.find((b) => b.code)!.code).toBe('PRECONDITION_FAILED');
    expect(await account()).toMatchObject({ balance: 4, ledgerTotal: 4 });
  });

  it('corrects mistakes by reversing entries only: a redemption reversal returns points and stock', async () => {
    const buy = (await t.db.prisma.pointsEntry.findFirstOrThrow({ where: { idempotencyKey: 'buy-1' } })).id;
    const { encodeGlobalID } = await import('@pothos/plugin-relay');
    const entryId = encodeGlobalID('PointsEntry', buy);
    const sel =
      '... on ReversePointsEntryPayload { entry { id kind points reverses { id } } account { balance ledgerTotal } }';
    const rev = await mutate(t, admin, 'reversePointsEntry', { entryId, idempotencyKey: 'rev-1', note: '误操作' }, sel);
    expect(rev.entry).toMatchObject({ kind: 'REVERSE', points: 15, reverses: { id: entryId } });
    expect(rev.account).toEqual({ balance: 19, ledgerTotal: 19 });
    expect(
      (await mutate(t, admin, 'reversePointsEntry', { entryId, idempotencyKey: 'rev-2', note: '再冲' })).code,
    ).toBe('INVALID_TRANSITION');
    expect(
      (
        await mutate(t, admin, 'reversePointsEntry', {
          entryId: rev.entry.id,
          idempotencyKey: 'rev-3',
          note: '冲正的冲正',
        })
      ).code,
    ).toBe('INVALID_TRANSITION');
    const stock = await t.db.prisma.pointsStoreItem.findUniqueOrThrow({
      where: { id: decodeGlobalID(items['毛巾']!.id).id },
    });
    expect(stock.stock).toBe(items['毛巾']!.stock);
    // reversing an earn that was already spent would make the balance negative: refused
    const big = await mutate(
      t,
      admin,
      'savePointsRule',
      { townshipId: township, code: 'BULK', name: '测试大额', points: 200 },
      '... on SavePointsRulePayload { rule { id points } }',
    );
    rules.BULK = big.rule;
    const earned = await award(admin, 'BULK', 'bulk-1');
    await redeem(worker, '大米 10kg', 'rice-1');
    expect(
      (
        await mutate(t, admin, 'reversePointsEntry', {
          entryId: earned.entry.id,
          idempotencyKey: 'rev-4',
          note: '错发',
        })
      ).code,
    ).toBe('PRECONDITION_FAILED');
    const acc = await account();
    expect(acc.balance).toBe(acc.ledgerTotal);
    expect(acc.balance).toBe(19 + 200 - 120);
  });

  it('keeps points to the people entitled to them', async () => {
    // chen lives outside 天龙社区: a record outside the area is NOT_FOUND (the policy's scope check)
    expect(
      (
        await mutate(t, await t.login('tianlong-worker'), 'awardPoints', {
          personId: chen,
          ruleId: rules.PATROL!.id,
          idempotencyKey: 'x1',
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect((await redeem(await t.login('resident-he'), '毛巾', 'x2')).code).toBe('FORBIDDEN');
    const peek = await t.gql(
      `query($p: ID!, $t: ID!) { pointsAccount(personId: $p, townshipId: $t) { balance } }`,
      { p: chen, t: township },
      { token: await t.login('member-pu') },
    );
    expect(peek.data.pointsAccount).toBeNull();
    expect(
      (await mutate(t, worker, 'savePointsRule', { townshipId: township, code: 'XX', name: 'x', points: 1 })).code,
    ).toBe('FORBIDDEN');
  });
});

describe('points from other modules through domain events', () => {
  const verify = (p: string, hours: number, path: string, token: string) =>
    t.gql(
      `mutation($p: String!, $h: Float!, $c: String!) { testVerifyHours(personId: $p, hours: $h, communityPath: $c) }`,
      { p, h: hours, c: path },
      { token },
    );

  it('awards VOLUNTEERING points per verified hour, capped leniently, once per event', async () => {
    const person = await t.db.prisma.person.findFirstOrThrow({ where: { name: '魏长山' } });
    const before = await t.db.prisma.pointsEntry.count({ where: { account: { personId: person.id } } });
    const r = await verify(person.id, 3, person.homePath, admin);
    expect(r.data.testVerifyHours).toBe(true);
    const entries = await t.db.prisma.pointsEntry.findMany({
      where: { account: { personId: person.id }, rule: { code: 'VOLUNTEERING' } },
    });
    expect(entries.map((e) => e.points)).toEqual([6]);
    expect(entries[0]!.idempotencyKey).toMatch(/^event:/);
    // redelivering the same event (e.g. an outbox retry) records nothing new
    const event = await t.db.prisma.domainEvent.findFirstOrThrow({
      where: { type: 'volunteering.hoursVerified' },
      orderBy: { seq: 'desc' },
    });
    const handler = grid.on!['volunteering.hoursVerified']!;
    await t.db.prisma.$transaction((tx) =>
      handler(
        {
          id: event.id,
          type: event.type,
          regionPath: event.regionPath,
          payload: event.payload as never,
          occurredAt: event.createdAt,
        },
        tx,
      ),
    );
    expect(await t.db.prisma.pointsEntry.count({ where: { account: { personId: person.id } } })).toBe(before + 1);
    // 100 hours: the monthly cap of 40 leaves 34 more, awarded without failing the publisher
    await verify(person.id, 100, person.homePath, admin);
    const sum = await t.db.prisma.pointsEntry.aggregate({
      _sum: { points: true },
      where: { account: { personId: person.id }, rule: { code: 'VOLUNTEERING' } },
    });
    expect(sum._sum.points).toBe(40);
  });

  it(
    'is not delivered to the grid module in a township where it is off; t.app.events works inside a ' + 'transaction',
    async () => {
      const person = await t.db.prisma.person.findFirstOrThrow({ where: { name: '杨淑芬' } });
      await t.gql(
        `mutation($r: ID!) { setModuleEnabled(input: { regionId: $r, moduleId: "grid", enabled: false }) { ` +
          `__typename } }`,
        { r: township },
        { token: admin },
      );
      await t.db.prisma.$transaction((tx) =>
        t.app.events.publish(
          tx,
          {
            type: 'volunteering.hoursVerified',
            regionPath: person.homePath,
            payload: { personId: person.id, hours: 2, recordId: 'r-2', activityTitle: '助残帮困' },
          },
          t.clock.now(),
        ),
      );
      expect(await t.db.prisma.pointsEntry.count({ where: { account: { personId: person.id } } })).toBe(0);
      await t.gql(
        `mutation($r: ID!) {
          setModuleEnabled(input: { regionId: $r, moduleId: "grid", enabled: true }) { __typename }
        }`,
        { r: township },
        { token: admin },
      );
      await t.db.prisma.$transaction((tx) =>
        t.app.events.publish(
          tx,
          {
            type: 'volunteering.hoursVerified',
            regionPath: person.homePath,
            payload: { personId: person.id, hours: 2, recordId: 'r-3', activityTitle: '助残帮困' },
          },
          t.clock.now(),
        ),
      );
      expect((await t.db.prisma.pointsAccount.findFirstOrThrow({ where: { personId: person.id } })).balance).toBe(4);
    },
  );
});
