import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, regionId, type TestApp } from '../helpers.js';

let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of [
    'admin',
    'zhou-admin',
    'beiwucha-admin',
    'jingcaicheng-worker',
    'yuanlin-worker',
    'analyst',
    'resident-he',
    'member-pu',
    'manas-emergency',
  ]) {
    tokens[u] = await t.login(u);
  }
});
afterAll(() => t.close());

const PEOPLE = `query($f: PeopleFilter, $first: Int) { people(filter: $f, first: $first) { totalCount
  edges { node { id name phone idNumber address piiMasked homeCommunity { code } } } } }`;
const PEOPLE_SENSITIVE = `query($f: PeopleFilter, $first: Int) { people(filter: $f, first: $first) { totalCount
  edges { node { id name phone idNumber address birthDate ethnicity tags piiMasked } } } }`;

describe('people: scopes and personal-information masking', () => {
  it('a community worker lists only people of their community, unmasked', async () => {
    const r = await t.gql(PEOPLE, { first: 100 }, { token: tokens['jingcaicheng-worker'] });
    const people = r.data.people.edges.map((e: any) => e.node);
    expect(r.data.people.totalCount).toBe(people.length);
    expect(people.length).toBeGreaterThan(1);
    for (const p of people) {
      expect(p.homeCommunity.code).toBe('652301004001');
      expect(p.piiMasked).toBe(false);
    }
    const he = people.find((p: any) => p.name === '何福琴');
    expect(he.phone).toMatch(/^1\d{10}$/);
    expect(he.idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it(
    'an analyst sees the prefecture with names masked and no phone, id number, ' + 'address or sensitive fact',
    async () => {
      const r = await t.gql(PEOPLE_SENSITIVE, { first: 100 }, { token: tokens.analyst });
      const people = r.data.people.edges.map((e: any) => e.node);
      expect(r.data.people.totalCount).toBeGreaterThan(30);
      for (const p of people) {
        expect(p).toMatchObject({
          piiMasked: true,
          phone: null,
          idNumber: null,
          address: null,
          birthDate: null,
          ethnicity: null,
          tags: null,
        });
        expect(p.name).toMatch(/^.\*+$/);
      }
      // a name search or a tag filter would identify people: refused
      for (const f of [{ search: '何' }, { tag: 'DISABLED' }]) {
        expect((await t.gql(PEOPLE, { f }, { token: tokens.analyst })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    },
  );

  it(
    'sensitive facts reach the person and those who manage them, ' + 'and a manager’s read is audited in one batch',
    async () => {
      const reads = () => t.db.prisma.auditLog.count({ where: { action: 'person.sensitiveRead' } });
      const before = await reads();
      const r = await t.gql(PEOPLE_SENSITIVE, { first: 100 }, { token: tokens['jingcaicheng-worker'] });
      const me = (await t.gql(`{ viewer { account { person { id } } } }`, {}, { token: tokens['jingcaicheng-worker'] }))
        .data.viewer.account.person;
      // reading one's own record is not a disclosure: not audited
      const people = r.data.people.edges.map((e: any) => e.node).filter((p: any) => p.id !== me?.id);
      const withFacts =
        people.filter((p: any) => p.ethnicity).length + people.filter((p: any) => p.tags?.length).length;
      expect(withFacts).toBeGreaterThan(0);
      expect((await reads()) - before).toBe(withFacts);
      const statements = await t.db.statements.measure(() =>
        t.gql(PEOPLE_SENSITIVE, { first: 100 }, { token: tokens['jingcaicheng-worker'] }),
      );
      const small = await t.db.statements.measure(() =>
        t.gql(PEOPLE_SENSITIVE, { first: 3 }, { token: tokens['jingcaicheng-worker'] }),
      );
      expect(statements.statements).toBe(small.statements);
      const own = await t.gql(
        `{ viewer { account { person { ethnicity tags } } } }`,
        {},
        { token: tokens['resident-he'] },
      );
      expect(own.data.viewer.account.person.tags).toEqual(expect.any(Array));
    },
  );

  it('a township admin cannot filter outside their township', async () => {
    const outside = await t.gql(
      PEOPLE,
      { f: { regionId: await regionId(t, '652301004001') } },
      { token: tokens['beiwucha-admin'] },
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await t.gql(PEOPLE, { first: 100 }, { token: tokens['beiwucha-admin'] });
    for (const e of own.data.people.edges) expect(e.node.homeCommunity.code.startsWith('652324104')).toBe(true);
  });

  it('residents and party members cannot list people; a resident sees their own record unmasked', async () => {
    for (const u of ['resident-he', 'member-pu']) {
      expect((await t.gql(PEOPLE, {}, { token: tokens[u] })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(PEOPLE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const me = await t.gql(
      `{ viewer { account { person { id name phone piiMasked } } } }`,
      {},
      { token: tokens['resident-he'] },
    );
    expect(me.data.viewer.account.person).toMatchObject({ name: '何福琴', piiMasked: false });
    expect(me.data.viewer.account.person.phone).toMatch(/^1\d{10}$/);
  });

  it('person(id) and node(id) return nothing outside the viewer’s scope', async () => {
    const worker = await t.gql(PEOPLE, { first: 1 }, { token: tokens['yuanlin-worker'] });
    const yuanlinPerson = worker.data.people.edges[0].node.id;
    const q = `query($id: ID!) { person(id: $id) { name } node(id: $id) { id ... on Person { name } } }`;
    const other = await t.gql(q, { id: yuanlinPerson }, { token: tokens['jingcaicheng-worker'] });
    expect(other.data).toEqual({ person: null, node: null });
    const own = await t.gql(q, { id: yuanlinPerson }, { token: tokens['yuanlin-worker'] });
    expect(own.data.person.name).toBeTruthy();
    expect(own.data.node.name).toBe(own.data.person.name);
    expect((await t.gql(q, { id: yuanlinPerson })).data).toEqual({ person: null, node: null });
  });
});

describe('writes stay inside the scope and bad input changes nothing', () => {
  const CREATE = `mutation($i: PersonInput!) { createPerson(input: $i) { __typename
    ... on CreatePersonPayload { person { name phone homeCommunity { code } } }
    ... on ValidationError { code issues { path message } } ... on Error { code message } } }`;

  it('a community worker registers a resident of their community', async () => {
    const community = await regionId(t, '652301004001');
    const r = await t.gql(
      CREATE,
      { i: { name: '张新民', homeCommunityId: community, phone: '13899001122', tags: ['LIVING_ALONE'] } },
      { token: tokens['jingcaicheng-worker'] },
    );
    expect(r.data.createPerson).toEqual({
      __typename: 'CreatePersonPayload',
      person: { name: '张新民', phone: '13899001122', homeCommunity: { code: '652301004001' } },
    });
  });

  it('reports every invalid field at once and writes nothing', async () => {
    const before = await t.db.prisma.person.count();
    const r = await t.gql(
      CREATE,
      {
        i: {
          name: '',
          homeCommunityId: await regionId(t, '652301004001'),
          phone: '12',
          idNumber: '652301199001011234',
        },
      },
      { token: tokens['jingcaicheng-worker'] },
    );
    expect(r.data.createPerson.code).toBe('VALIDATION');
    expect(r.data.createPerson.issues.map((i: any) => i.path).sort()).toEqual([
      'input.idNumber',
      'input.name',
      'input.phone',
    ]);
    expect(await t.db.prisma.person.count()).toBe(before);
  });

  it('refuses to register a resident of another community', async () => {
    const r = await t.gql(
      CREATE,
      { i: { name: '李四', homeCommunityId: await regionId(t, '652301006001') } },
      { token: tokens['jingcaicheng-worker'] },
    );
    expect(r.data.createPerson.code).toBe('FORBIDDEN');
  });

  it('rejects malformed ids and unknown enum values before resolving', async () => {
    const bad = await t.gql(
      CREATE,
      { i: { name: '王五', homeCommunityId: 'not-an-id' } },
      { token: tokens['jingcaicheng-worker'] },
    );
    expect(bad.data.createPerson).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: 'input.homeCommunityId' }],
    });
    const wrongType = await t.gql(`query($id: ID!) { region(id: $id) { name } }`, {
      id: (await t.gql(PEOPLE, { first: 1 }, { token: tokens.admin })).data.people.edges[0].node.id,
    });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    const enumErr = await t.gql(`{ regions(filter: { level: CITY }) { totalCount } }`);
    expect(enumErr.errors?.[0]?.message).toMatch(/CITY/);
  });
});

describe('account administration', () => {
  const CREATE = `mutation($i: CreateAccountInput!) { createAccount(input: $i) { __typename
    ... on CreateAccountPayload { account { username role region { name } } }
    ... on ValidationError { issues { path } } ... on Error { code message } } }`;

  it('a township admin creates a worker account in their township, which can then log in', async () => {
    const village = await regionId(t, '652324104201');
    const r = await t.gql(
      CREATE,
      { i: { username: 'dhm-worker', password: 'Strong-pass-1', role: 'COMMUNITY_WORKER', regionId: village } },
      { token: tokens['beiwucha-admin'] },
    );
    expect(r.data.createAccount.__typename).toBe('CreateAccountPayload');
    await expect(t.login('dhm-worker', 'Strong-pass-1')).resolves.toBeTypeOf('string');
    const dup = await t.gql(
      CREATE,
      { i: { username: 'dhm-worker', password: 'Strong-pass-1', role: 'COMMUNITY_WORKER', regionId: village } },
      { token: tokens['beiwucha-admin'] },
    );
    expect(dup.data.createAccount.code).toBe('CONFLICT');
  });

  it('refuses accounts outside the admin’s area or above their role', async () => {
    const outside = await t.gql(
      CREATE,
      {
        i: {
          username: 'x-worker',
          password: 'Strong-pass-1',
          role: 'COMMUNITY_WORKER',
          regionId: await regionId(t, '652302100'),
        },
      },
      { token: tokens['beiwucha-admin'] },
    );
    expect(outside.data.createAccount.code).toBe('FORBIDDEN');
    const above = await t.gql(
      CREATE,
      {
        i: {
          username: 'x-admin',
          password: 'Strong-pass-1',
          role: 'SYSTEM_ADMIN',
          regionId: await regionId(t, '652324104'),
        },
      },
      { token: tokens['beiwucha-admin'] },
    );
    expect(above.data.createAccount.issues.map((i: any) => i.path)).toContain('input.role');
    const worker = await t.gql(
      CREATE,
      {
        i: {
          username: 'y-worker',
          password: 'Strong-pass-1',
          role: 'RESIDENT',
          regionId: await regionId(t, '652301004001'),
        },
      },
      { token: tokens['jingcaicheng-worker'] },
    );
    expect(worker.data.createAccount).toMatchObject({ __typename: 'DomainError', code: 'FORBIDDEN' });
  });

  it('disabling an account ends its sessions and is audited; admins list accounts of their area only', async () => {
    const list = await t.gql(
      `{ accounts(first: 100) { totalCount edges { node { id username } } } }`,
      {},
      { token: tokens['beiwucha-admin'] },
    );
    const names = list.data.accounts.edges.map((e: any) => e.node.username);
    expect(names).toContain('weijiachang-grid');
    expect(names).not.toContain('yuanlin-worker');
    const target = list.data.accounts.edges.find((e: any) => e.node.username === 'weijiachang-grid').node.id;
    const gridToken = await t.login('weijiachang-grid');
    const r = await t.gql(
      `mutation($id: ID!) { setAccountDisabled(input: { accountId: $id, disabled: true, note: "调岗" }) { __typename } }`,
      { id: target },
      { token: tokens['beiwucha-admin'] },
    );
    expect(r.data.setAccountDisabled.__typename).toBe('SetAccountDisabledPayload');
    expect(
      (await t.gql(`{ viewer { account { username } } }`, {}, { token: gridToken })).data.viewer.account,
    ).toBeNull();
    const login = await t.gql(
      `mutation { login(input: { username: "weijiachang-grid", password: "${DEMO_PASSWORD}" }) {
        ... on Error { code } } }`,
    );
    expect(login.data.login.code).toBe('UNAUTHENTICATED');
    const audit = await t.gql(
      `{ auditLog(filter: { action: "account." }) { edges { node { action data actor { username } } } } }`,
      {},
      { token: tokens['beiwucha-admin'] },
    );
    expect(audit.data.auditLog.edges[0].node).toMatchObject({
      action: 'account.disable',
      actor: { username: 'beiwucha-admin' },
      data: { note: '调岗' },
    });
  });
});

describe('API limits and statistics', () => {
  it('caps page size and query depth', async () => {
    const big = await t.gql(`{ regions(first: 500) { edges { node { id } } } }`);
    expect(big.data?.regions?.edges?.length ?? 0).toBeLessThanOrEqual(100);
    const deep = `{ regions(first: 1) { edges { node { ${'children { '.repeat(14)} id ${'} '.repeat(14)} } } } }`;
    expect((await t.gql(deep)).errors?.[0]?.message).toMatch(/depth/i);
  });

  it('rolls core figures up the hierarchy and refuses statistics outside the viewer’s area', async () => {
    const q = `query($c: String!) { regionByCode(code: $c) {
      stats { townships communities residents partyMembers } } }`;
    const prefecture = await t.gql(q, { c: '652300' }, { token: tokens.analyst });
    const county = await t.gql(q, { c: '652324' }, { token: tokens.analyst });
    expect(prefecture.data.regionByCode.stats.communities).toBeGreaterThan(county.data.regionByCode.stats.communities);
    expect(county.data.regionByCode.stats.townships).toBeGreaterThanOrEqual(2);
    const outside = await t.gql(q, { c: '652300' }, { token: tokens['beiwucha-admin'] });
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers a nested region query in a number of statements independent of page size', async () => {
    const q = (n: number) =>
      `{ regions(first: ${n}, filter: { level: COMMUNITY }) {
        totalCount edges { node { name parent { name parent { name } } children { name } } } } }`;
    const small = await t.db.statements.measure(() => t.gql(q(3)));
    const large = await t.db.statements.measure(() => t.gql(q(25)));
    expect(large.result.data.regions.edges.length).toBe(25);
    expect(large.statements).toBe(small.statements);
  });
});

describe('unique constraints surface as CONFLICT on both engines', () => {
  it('refuses a second person with the same id number', async () => {
    const token = await t.login('jingcaicheng-worker');
    const community = await regionId(t, '652301004001');
    const CREATE = `mutation($i: PersonInput!) { createPerson(input: $i) { __typename ... on Error { code } } }`;
    const input = { name: '赵重复', homeCommunityId: community, idNumber: '' };
    // a valid id number: 17 digits and the GB 11643 check character
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const body = '65230119900101001';
    input.idNumber = body + '10X98765432'[weights.reduce((s, w, i) => s + w * Number(body[i]), 0) % 11];
    expect((await t.gql(CREATE, { i: input }, { token })).data.createPerson.__typename).toBe('CreatePersonPayload');
    expect((await t.gql(CREATE, { i: input }, { token })).data.createPerson).toEqual({
      __typename: 'DomainError',
      code: 'CONFLICT',
    });
  });
});
