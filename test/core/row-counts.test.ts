// Counts by a Prisma filter (src/core/row-counts.ts): every figure of Region.stats and a page's totalCount
// asked together are one statement, and each equals Prisma's own count of the same filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { countRows } from '../../src/core/row-counts.js';
import { createTestApp, type TestApp } from '../helpers.js';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  token = await t.login('admin');
}, 120_000);
afterAll(() => t.close());

const FIGURES = 'townships communities residents partyMembers organizations';

describe('counts asked together', () => {
  it('the core figures of a region and a page total: one statement for all of them', async () => {
    const query = `{ regionByCode(code: "652300") { stats { ${FIGURES} } } regions(first: 1) { totalCount } }`;
    await t.gql(query, {}, { token });
    const { result, statements } = await t.db.statements.measure(() => t.gql(query, {}, { token }));
    expect(result.errors).toBeUndefined();
    // the viewer, the region, the page and one for the six counts
    expect(statements).toBe(4);
    const path = (await t.db.prisma.region.findFirstOrThrow({ where: { code: '652300' } })).path;
    const prisma = t.db.prisma;
    expect(result.data.regionByCode.stats).toEqual({
      townships: await prisma.region.count({ where: { level: 'TOWNSHIP', path: { startsWith: path } } }),
      communities: await prisma.region.count({ where: { level: 'COMMUNITY', path: { startsWith: path } } }),
      residents: await prisma.person.count({ where: { homePath: { startsWith: path } } }),
      partyMembers: await prisma.person.count({ where: { partyMember: true, homePath: { startsWith: path } } }),
      organizations: await prisma.organization.count({ where: { regionPath: { startsWith: path } } }),
    });
    expect(result.data.regions.totalCount).toBe(await prisma.region.count());
  });

  it.each([
    ['Person', { OR: [{ partyMember: true }, { gender: 'FEMALE' }], NOT: { homePath: { startsWith: '/x' } } }],
    ['Person', { tags: { has: 'ELDERLY' }, birthDate: { lt: new Date('1960-01-01T00:00:00Z') } }],
    ['Region', { level: { in: ['TOWNSHIP', 'COMMUNITY'] }, parentId: { not: null } }],
    // not translated (a relation, a case-insensitive match): Prisma counts it
    ['Person', { registeredCommunity: { path: { startsWith: '/652300/' } } }],
    ['Person', { name: { contains: '李', mode: 'insensitive' } }],
  ])('%s %j: what Prisma counts', async (model, where) => {
    const ctx = { prisma: t.db.prisma, request: {} };
    const delegate = model === 'Person' ? t.db.prisma.person : t.db.prisma.region;
    const expected = await (delegate as unknown as { count(a: object): Promise<number> }).count({ where });
    expect(expected).toBeGreaterThan(0);
    expect(await countRows(ctx, model, where)).toBe(expected);
  });
});
