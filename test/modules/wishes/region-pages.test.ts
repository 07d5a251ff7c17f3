// Region.wishes under a page of regions: one statement for every region's page and count together
// (a lateral join), with the same rows and totals as asking the root list for each region on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers.js';
import { startApp } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
}, 120_000);
afterAll(() => t.close());

const NESTED = `query($level: RegionLevel!, $n: Int!, $m: Int!, $status: WishStatus, $s: String) {
  regions(filter: { level: $level, search: $s }, first: $n) { totalCount edges { node { id code
    wishes(first: $m, status: $status) { totalCount pageInfo { hasNextPage } edges { node { id title
      requester { name } claimant { name } timeline { to } } } } } } } }`;

const ALONE = `query($r: ID!, $m: Int!, $status: WishStatus) {
  wishes(filter: { regionId: $r, status: $status }, first: $m) {
    totalCount pageInfo { hasNextPage }
    edges { node { id title requester { name } claimant { name } timeline { to } } } } }`;

type Page = { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { node: unknown }[] };

/** the demo wishes live in 昌吉市 (652301: 建国路街道 652301004 most) and a few townships beyond */
async function nested(token: string, level: string, n: number, m: number, status?: string, s = '652301') {
  const variables = { level, n, m, status, s };
  const { result, statements } = await t.db.statements.measure(() => t.gql(NESTED, variables, { token }));
  expect(result.errors).toBeUndefined();
  const regions = result.data.regions.edges.map((e: { node: { id: string; wishes: Page } }) => e.node);
  return { regions: regions as { id: string; code: string; wishes: Page }[], statements };
}

const USERS = ['analyst', 'zhou-admin', 'jingcaicheng-worker', 'member-pu', 'resident-he', 'manas-emergency'];

describe('Region.wishes in one statement per level', () => {
  it.each(USERS)('the same rows and totals as the root list region by region (%s)', async (username) => {
    const token = await t.login(username);
    let compared = 0;
    for (const [level, status, search] of [
      ['COMMUNITY', undefined, '652301004'],
      ['COMMUNITY', 'PUBLISHED', '652301004'],
      ['TOWNSHIP', undefined, '6523'],
    ] as const) {
      const { regions } = await nested(token, level, 30, 4, status, search);
      for (const region of regions) {
        const alone = await t.gql(ALONE, { r: region.id, m: 4, status }, { token });
        // a region above a worker's scope cannot be named in the root filter; nested it shows their part of it
        if (alone.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) continue;
        expect(alone.errors).toBeUndefined();
        expect(region.wishes, `${username} ${level} ${region.code}`).toEqual(alone.data.wishes);
        compared += region.wishes.edges.length;
      }
    }
    if (['analyst', 'zhou-admin'].includes(username)) expect(compared, username).toBeGreaterThan(0);
  });

  it('50 communities × 10 wishes cost what 5 × 2 cost, and at most 5 statements with the cache warm', async () => {
    const token = await t.login('analyst');
    await nested(token, 'COMMUNITY', 5, 2, undefined, '652301004');
    const small = await nested(token, 'COMMUNITY', 5, 2, undefined, '652301004');
    // 50 communities of 昌吉市, 晶彩城社区 and 嘉顺社区 among them
    const large = await nested(token, 'COMMUNITY', 50, 10);
    expect(
      small.regions.map((r) => r.wishes.edges.length),
      'small',
    ).toContain(2);
    expect(large.regions.length).toBeGreaterThan(20);
    expect(Math.max(...large.regions.map((r) => r.wishes.edges.length)), 'large').toBeGreaterThanOrEqual(5);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(5);
    console.info(`communities × wishes: ${small.statements} statements for 5 × 2, ${large.statements} for 50 × 10`);
  });
});
