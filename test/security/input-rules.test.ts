// 输入规则: the specific cases behind the generated guarantees in bad-input.test.ts — search terms are
// literal, birth and joining dates are bounded, deep JSON is refused quickly in both forms, what the text
// rules allow (emoji sequences, Uyghur with ZWNJ, line breaks), and the two reads that used to fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';

let t: TestApp;
let admin: string;
let community: string;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  admin = await t.login('admin');
  community = await regionId(t, '652301001001');
});
afterAll(() => t?.close());

const CREATE = `mutation($input: PersonInput!) { createPerson(input: $input) {
  __typename ... on ValidationError { issues { path message } } } }`;
const issuesOf = (r: any) => (r.data?.createPerson?.issues ?? []).map((i: any) => i.path);

describe('search terms are literal', () => {
  it.each(['%', '_', '\\', '%%'])('"%s" matches nobody instead of everybody', async (term) => {
    for (const field of ['people', 'regions', 'organizations', 'accounts', 'volunteerTeams', 'partyOrganizations']) {
      const query = `query($s: String) { ${field}(filter: { search: $s }) { totalCount } }`;
      const r = await t.gql(query, { s: term }, { token: admin });
      expect(r.errors, field).toBeUndefined();
      expect(r.data[field].totalCount, field).toBe(0);
    }
  });
  it('a real fragment still matches', async () => {
    const r = await t.gql(`{ regions(filter: { search: "园林" }) { totalCount } }`, {}, { token: admin });
    expect(r.data.regions.totalCount).toBeGreaterThan(0);
  });
});

describe('dates with obvious bounds', () => {
  it.each([
    ['a birth date in the future', { birthDate: '2027-01-01' }, 'input.birthDate'],
    ['a birth date before 1900', { birthDate: '1899-12-31' }, 'input.birthDate'],
    ['joining the Party in the future', { partyMember: true, partyJoinedAt: '2030-07-01' }, 'input.partyJoinedAt'],
    ['joining before the Party was founded', { partyMember: true, partyJoinedAt: '1920-01-01' }, 'input.partyJoinedAt'],
    [
      'joining before birth',
      { birthDate: '1990-01-01', partyMember: true, partyJoinedAt: '1980-01-01' },
      'input.partyJoinedAt',
    ],
  ])('%s: VALIDATION, nothing written', async (_label, extra, path) => {
    const before = await t.db.prisma.person.count();
    const input = { name: '测试', homeCommunityId: community, ...extra };
    const r = await t.gql(CREATE, { input }, { token: admin });
    expect(issuesOf(r)).toContain(path);
    expect(await t.db.prisma.person.count()).toBe(before);
  });
  it('today (Beijing) and 1900-01-01 are accepted, on update too', async () => {
    const input = { name: '测试', homeCommunityId: community, birthDate: '2026-11-25' };
    const r = await t.gql(CREATE, { input }, { token: admin });
    expect(r.data.createPerson.__typename).toBe('CreatePersonPayload');
    const people = await t.gql(`{ people(first: 1) { edges { node { id } } } }`, {}, { token: admin });
    const update = await t.gql(
      `mutation($id: ID!, $p: PersonInput!) {
      updatePerson(input: { personId: $id, person: $p }) { __typename ... on ValidationError { issues { path } } } }`,
      {
        id: people.data.people.edges[0].node.id,
        p: { name: '测试', homeCommunityId: community, birthDate: '2099-01-01' },
      },
      { token: admin },
    );
    expect(update.data.updatePerson.issues.map((i: any) => i.path)).toEqual(['input.birthDate']);
  });
});

describe('JSON nested 20 000 deep', () => {
  const SET = (value: string) => `mutation($r: ID!) { setModuleSetting(input: { regionId: $r, moduleId: "wishes",
    key: "claimDeadlineDays", value: ${value} }) { __typename ... on Error { code message } } }`;
  it('as a variable: a typed VALIDATION within a second', async () => {
    let deep = '1';
    for (let i = 0; i < 20_000; i++) deep = `{"a":${deep}}`;
    const started = Date.now();
    const query = JSON.stringify(SET('$v').replace('$r: ID!', '$r: ID!, $v: JSON!'));
    const body = `{"query":${query},"variables":{"r":"${community}","v":${deep}}}`;
    const response = await t.app.yoga.fetch('http://test/graphql', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    });
    const r = await response.json();
    expect(r.data.setModuleSetting).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect(Date.now() - started).toBeLessThan(1000);
  });
  it('as a literal: VALIDATION before parsing, not a 500', async () => {
    const r = await t.gql(SET(`${'{a:'.repeat(20_000)}1${'}'.repeat(20_000)}`), { r: community }, { token: admin });
    expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});

const SEARCH = `query($s: String) { people(filter: { search: $s }) { totalCount } }`;
describe('what the text rules allow', () => {
  it.each([
    ['an emoji family (ZWJ sequence)', '给👨‍👩‍👧买书包'],
    ['Uyghur with ZWNJ between letters', 'ئۇيغۇر\u200Cچە'],
    ['tabs and line breaks', '第一行\n第二行\t完'],
  ])('%s', async (_label, text) => {
    const r = await t.gql(SEARCH, { s: text }, { token: admin });
    expect(r.errors).toBeUndefined();
  });
  it('a stray ZWJ and text over 10 000 characters are refused', async () => {
    for (const s of ['张\u200D三', 'x'.repeat(10_001)]) {
      const r = await t.gql(SEARCH, { s }, { token: admin });
      expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    }
  });
});

describe('rows loaded without the query still answer what was selected below them', () => {
  it.each(['member-pu', 'member-ma'])('%s: records totalCount and myEnrollment servedHours', async (login) => {
    const token = await t.login(login);
    const records = await t.gql(
      `{ viewer { account { person { volunteer { records(first: 3) { totalCount } } } } } }`,
      {},
      { token },
    );
    expect(records.errors).toBeUndefined();
    const activities = await t.gql(
      `{ volunteerActivities { edges { node {
      title myEnrollment { servedHours status } } } } }`,
      {},
      { token },
    );
    expect(activities.errors).toBeUndefined();
    expect(activities.data.volunteerActivities.edges.length).toBeGreaterThan(0);
  });
});
