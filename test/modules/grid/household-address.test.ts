// One household per address in a community (normalised: full-width, spaces, case), unless marked as split
// from the household at that address (分户, splitFromId); refusals write nothing; racing writers for one new
// address give one household; the demo data holds one household per address in every community.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers.js';
import { gridApp, gridsOf, mutate, WEIJIACHANG, YOUFANGZHUANG } from './kit.js';

let t: TestApp;
let worker: string;
let admin: string;
let wjc: Record<string, string>;
let yfz: Record<string, string>;
const SEL = `... on CreateHouseholdPayload { household { id address } } ... on Error { code message }
  ... on ValidationError { issues { path } }`;
const UPDATE_SEL = `... on UpdateHouseholdPayload { household { id address } } ... on Error { code message }`;
const create = (input: Record<string, unknown>, token = worker) => mutate(t, token, 'createHousehold', input, SEL);
const households = () => t.db.prisma.household.count();

beforeAll(async () => {
  t = await gridApp();
  [worker, admin] = await Promise.all(['weijiachang-worker', 'beiwucha-admin'].map((u) => t.login(u)));
  wjc = await gridsOf(t, admin, WEIJIACHANG);
  yfz = await gridsOf(t, admin, YOUFANGZHUANG);
});
afterAll(() => t.close());

describe('one household per address 户址唯一', () => {
  it('the demo data has one household per address in every community', async () => {
    const dup = await t.db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT 1 FROM "Household" WHERE "splitFromId" IS NULL
        GROUP BY "communityId", household_address_key("address") HAVING count(*) > 1) d`;
    expect(Number(dup[0]!.n)).toBe(0);
  });

  it('an address used in the community is refused, however it is written; a split household is not', async () => {
    const first = await create({ gridId: wjc.G01, address: '魏家场村7组12号' });
    expect(first.__typename).toBe('CreateHouseholdPayload');
    const before = await households();
    for (const address of ['魏家场村7组12号', ' 魏家场村 7组 12号 ', '魏家场村７组１２号']) {
      const again = await create({ gridId: Object.values(wjc)[1] ?? wjc.G01, address });
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toMatch(/分户/);
    }
    expect(await households()).toBe(before);

    // the same address in another community is another address
    expect((await create({ gridId: Object.values(yfz)[0], address: '魏家场村7组12号' }, admin)).__typename).toBe(
      'CreateHouseholdPayload',
    );
    // 分户: marked as split from the household at that address
    const split = await create({ gridId: wjc.G01, address: '魏家场村7组12号', splitFromId: first.household.id });
    expect(split.__typename).toBe('CreateHouseholdPayload');
    const row = await t.db.prisma.household.findFirstOrThrow({
      where: { address: '魏家场村7组12号', NOT: { splitFromId: null } },
    });
    expect(row.splitFromId).toBeTruthy();
  });

  it('a split household must share the original’s community and address', async () => {
    const origin = await create({ gridId: wjc.G01, address: '魏家场村7组13号' });
    const before = await households();
    const other = await create({ gridId: wjc.G01, address: '魏家场村7组14号', splitFromId: origin.household.id });
    expect(other.issues).toEqual([{ path: 'input.splitFromId' }]);
    const elsewhere = await create(
      { gridId: Object.values(yfz)[0], address: '魏家场村7组13号', splitFromId: origin.household.id },
      admin,
    );
    expect(elsewhere.issues).toEqual([{ path: 'input.splitFromId' }]);
    expect(await households()).toBe(before);
  });

  it('moving a household to an address another holds is refused and changes nothing', async () => {
    const a = await create({ gridId: wjc.G01, address: '魏家场村8组1号' });
    const b = await create({ gridId: wjc.G01, address: '魏家场村8组2号' });
    const refused = await mutate(
      t,
      worker,
      'updateHousehold',
      { householdId: b.household.id, address: '魏家场村8组1号' },
      UPDATE_SEL,
    );
    expect(refused.code).toBe('CONFLICT');
    const kept = await mutate(
      t,
      worker,
      'updateHousehold',
      { householdId: a.household.id, address: '魏家场村8组1号 ' },
      UPDATE_SEL,
    );
    expect(kept.household.address).toBe('魏家场村8组1号');
    const rows = await t.db.prisma.household.findMany({ where: { address: { startsWith: '魏家场村8组' } } });
    expect(rows.map((r) => r.address).sort()).toEqual(['魏家场村8组1号', '魏家场村8组2号']);
  });

  it('ten writers racing for one new address make one household', async () => {
    const before = await households();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => create({ gridId: wjc.G01, address: '魏家场村9组9号' })),
    );
    expect(results.filter((r) => r.__typename === 'CreateHouseholdPayload')).toHaveLength(1);
    expect(results.filter((r) => r.code === 'CONFLICT')).toHaveLength(9);
    expect(await households()).toBe(before + 1);
  });
});
