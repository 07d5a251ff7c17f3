// N+1: a page of 50 organisations (with community, contact and resources' providers) or needs (with
// engagements and their resources) costs as many SQL statements as a page of 5.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestApp } from '../../helpers.js';
import { startApp } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

const ORGS = `query($n: Int) { socialOrganizations(first: $n) { edges { node {
  name community { name } contactName contactPerson { name } filedWith { name } } } } }`;
const NEEDS = `query($n: Int) { communityNeeds(first: $n) { edges { node {
  summary description community { name } concernedPerson { name }
  engagements { status resource { title remaining region { name } socialOrganization { name } } } } } } }`;

async function statements(query: string, n: number, token: string) {
  const { result, statements } = await t.db.statements.measure(() => t.gql(query, { n }, { token }));
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return { statements, rows: Object.values(result.data as Record<string, any>)[0].edges.length as number };
}

it.each([
  ['zhou-admin', ORGS],
  ['analyst', ORGS],
  ['zhou-admin', NEEDS],
])('%s: the same number of statements for 5 and 50 rows', async (username, query) => {
  const token = await t.login(username);
  const small = await statements(query, 5, token);
  const large = await statements(query, 50, token);
  expect(small.rows).toBe(5);
  expect(large.rows).toBeGreaterThan(5);
  expect(large.statements).toBe(small.statements);
});
