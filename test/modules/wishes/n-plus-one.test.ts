// A page of wishes with requester, claimant, organisation, community and timeline costs the same number
// of SQL statements for 50 wishes as for 5: every nested level is one batched query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers.js';
import { startApp } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

const PAGE = `query($n: Int!) { wishes(first: $n) { totalCount edges { node {
  id title status requesterName claimantName
  requester { name phone } claimant { name } organization { name } community { name }
  timeline { action from to at actorRole actorName note }
} } } }`;

const WALL = `query($n: Int!) { wishWall(first: $n) {
  totalCount edges { node { id title requesterName community { name } } } } }`;

async function statements(query: string, n: number, token: string | null, headers?: Record<string, string>) {
  const { result, statements } = await t.db.statements.measure(() => t.gql(query, { n }, { token, headers }));
  expect(result.errors).toBeUndefined();
  return { statements, rows: Object.values(result.data as Record<string, any>)[0].edges.length as number };
}

describe('nested lists do not grow with the page size', () => {
  it.each(['analyst', 'jingcaicheng-worker', 'member-pu'])('wishes page of 50 = page of 5 (%s)', async (username) => {
    const token = await t.login(username);
    const small = await statements(PAGE, 5, token);
    const large = await statements(PAGE, 50, token);
    expect(small.rows).toBe(5);
    expect(large.rows).toBe(50);
    expect(large.statements).toBe(small.statements);
    console.info(`wishes as ${username}: ${small.statements} statements for 5 wishes, ${large.statements} for 50`);
  });

  it('wishWall page of 50 = page of 5 (anonymous)', async () => {
    const headers = { 'x-township': '652301004' };
    const small = await statements(WALL, 5, null, headers);
    const large = await statements(WALL, 14, null, headers);
    expect(large.rows).toBe(12);
    expect(large.statements).toBe(small.statements);
    console.info(`wishWall: ${small.statements} statements for 5 wishes, ${large.statements} for 12`);
  });
});
