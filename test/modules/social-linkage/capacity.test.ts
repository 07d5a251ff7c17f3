// 名额: 30 simultaneous matchNeed for a resource with 5 places → exactly 5 engagements and 25 typed refusals
// (CONFLICT, CAPACITY_EXHAUSTED), on whichever engine the run uses; and two managers matching the same need
// at once → one winner. A new period starts counting afresh.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, regionId, type TestApp } from '../../helpers.js';
import { CODES, dbId, gid, mutate, ok, startApp } from './support.js';

let t: TestApp;
let worker: string;
const clock = new ManualClock();
beforeAll(async () => {
  t = await startApp(clock);
  worker = await t.login('jingcaicheng-worker');
});
afterAll(() => t.close());

async function openNeeds(n: number) {
  const c = await t.db.prisma.region.findUniqueOrThrow({ where: { code: CODES.jingcaicheng } });
  const rows = Array.from({ length: n }, () => ({
    id: randomUUID(),
    communityId: c.id,
    regionPath: c.path,
    category: 'HOUSEKEEPING' as const,
    description: '居家保洁',
    source: 'VISIT' as const,
    recordedAt: clock.now(),
  }));
  await t.db.prisma.communityNeed.createMany({ data: rows });
  return rows.map((r) => gid('CommunityNeed', r.id));
}

async function resource(capacity: number, period: 'WEEK' | 'MONTH' = 'MONTH') {
  const r = await ok(t, 'offer', worker, {
    regionId: await regionId(t, CODES.jingcaicheng),
    title: `保洁服务 ${randomUUID().slice(0, 6)}`,
    providerKind: 'CHARITY',
    providerName: '爱心企业',
    category: 'HOUSEKEEPING',
    capacity,
    period,
    cost: 'FREE',
  });
  return r.id as string;
}

describe('capacity under concurrency', () => {
  it('30 matches for 5 places: exactly 5 win', async () => {
    const [needs, res] = [await openNeeds(30), await resource(5)];
    const results = await Promise.all(needs.map((needId) => mutate(t, 'match', worker, { needId, resourceId: res })));
    const won = results.filter((r) => r.__typename === 'MatchNeedPayload');
    const lost = results.filter((r) => r.__typename !== 'MatchNeedPayload');
    expect(won).toHaveLength(5);
    expect(lost).toHaveLength(25);
    expect(lost.every((r) => r.code === 'CONFLICT' && r.details?.reason === 'CAPACITY_EXHAUSTED')).toBe(true);
    const row = await t.db.prisma.serviceResource.findUniqueOrThrow({ where: { id: dbId(res) } });
    expect(row.used).toBe(5);
    expect(await t.db.prisma.serviceEngagement.count({ where: { resourceId: row.id } })).toBe(5);
    const ids = needs.map(dbId);
    expect(await t.db.prisma.communityNeed.count({ where: { id: { in: ids }, status: 'MATCHED' } })).toBe(5);
    expect(await t.db.prisma.communityNeed.count({ where: { id: { in: ids }, status: 'OPEN' } })).toBe(25);
  });

  it('two matches of one need at once: one engagement', async () => {
    const [[need], a, b] = [await openNeeds(1), await resource(3), await resource(3)];
    const results = await Promise.all(
      [a, b].map((resourceId) => mutate(t, 'match', worker, { needId: need, resourceId })),
    );
    expect(results.filter((r) => r.__typename === 'MatchNeedPayload')).toHaveLength(1);
    expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(results.find((r) => r.code)!.code);
    const used = await t.db.prisma.serviceResource.aggregate({
      where: { id: { in: [dbId(a), dbId(b)] } },
      _sum: { used: true },
    });
    expect(used._sum.used).toBe(1);
  });

  it('a full resource has places again in the next period', async () => {
    const [needs, res] = [await openNeeds(3), await resource(1, 'WEEK')];
    await ok(t, 'match', worker, { needId: needs[0], resourceId: res });
    expect((await mutate(t, 'match', worker, { needId: needs[1], resourceId: res })).code).toBe('CONFLICT');
    clock.advance(7 * 86_400_000);
    worker = await t.login('jingcaicheng-worker'); // the old token expired meanwhile
    const e = await ok(t, 'match', worker, { needId: needs[1], resourceId: res });
    expect(e.resource.remaining).toBe(0);
    expect((await mutate(t, 'match', worker, { needId: needs[2], resourceId: res })).code).toBe('CONFLICT');
  });
});
