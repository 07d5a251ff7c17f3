// Demo points for 北五岔镇: the township's rules and store, 普法 points for a few villagers and one
// redemption (balance = sum of entries). Written directly: a seed has no request, so no write unit.
import { randomUUID } from 'node:crypto';
import type { SeedKit } from '../../src/kit/index.js';

const DAY = 24 * 3_600_000;

export async function seedPoints(kit: SeedKit, township: { id: string; path: string }, people: string[]) {
  const p = kit.prisma;
  const rule = (code: string, name: string, points: number, cap: number | null, period: 'MONTH' | null) => ({
    id: randomUUID(),
    townshipId: township.id,
    regionPath: township.path,
    code,
    name,
    points,
    capPerPeriod: cap,
    period,
  });
  const rules = [
    rule('LAW_STUDY', '普法学习 law study', 5, 20, 'MONTH'),
    rule('INCIDENT_REPORT', '上报事件经核实 verified incident report', 10, null, null),
    rule('PATROL', '参与巡查 patrol', 2, 30, 'MONTH'),
    rule('VOLUNTEERING', '志愿服务 (每小时) volunteering per verified hour', 2, 40, 'MONTH'),
  ];
  await p.pointsRule.createMany({ data: rules });
  const items = [
    { name: '洗衣液', price: 30, stock: 40 },
    { name: '毛巾', price: 15, stock: 60 },
    { name: '食用油 5L', price: 80, stock: 20 },
    { name: '大米 10kg', price: 120, stock: 10 },
  ].map((i) => ({ id: randomUUID(), townshipId: township.id, regionPath: township.path, ...i }));
  await p.pointsStoreItem.createMany({ data: items });
  // 普法 points for a few villagers, one redemption; balance = sum of entries
  const homes = await p.person.findMany({ where: { id: { in: people } }, select: { id: true, homePath: true } });
  for (const [k, person] of homes.entries()) {
    const accountId = randomUUID();
    const regionPath = person.homePath.startsWith(township.path) ? person.homePath : township.path;
    const earned = 3 + (k % 3);
    const entries = Array.from({ length: earned }, (_, i) => ({
      accountId,
      regionPath,
      kind: 'EARN' as const,
      points: 5,
      balanceAfter: 5 * (i + 1),
      ruleId: rules[0]!.id,
      idempotencyKey: `seed:law:${k}:${i}`,
      note: '普法学习',
      createdAt: new Date(kit.now.getTime() - (40 - i) * DAY),
    }));
    let balance = 5 * earned;
    if (k === 0) {
      balance -= items[1]!.price;
      entries.push({
        accountId,
        regionPath,
        kind: 'REDEEM' as never,
        points: -items[1]!.price,
        balanceAfter: balance,
        ruleId: null as never,
        idempotencyKey: `seed:redeem:${k}`,
        note: '积分超市兑换',
        createdAt: new Date(kit.now.getTime() - 2 * DAY),
      });
    }
    await p.pointsAccount.create({
      data: { id: accountId, personId: person.id, townshipId: township.id, regionPath, balance },
    });
    await p.pointsEntry.createMany({
      data: entries.map((e) => (e.kind === ('REDEEM' as never) ? { ...e, itemId: items[1]!.id, quantity: 1 } : e)),
    });
    if (k === 0) await p.pointsStoreItem.update({ where: { id: items[1]!.id }, data: { stock: { decrement: 1 } } });
  }
}
