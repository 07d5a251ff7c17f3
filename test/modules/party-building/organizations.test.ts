// 党组织: creation rules, warnings, committee elections, transfers, and who sees what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers.js';
import { DEMO_PASSWORD, regionId } from '../../helpers.js';
import { expectError, expectOk, mutate, orgId, ORGS, roster, start } from './kit.js';

let t: TestApp;
let admin: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ t } = await start());
  admin = await t.login('admin');
  for (const [k, name] of Object.entries(ORGS)) ids[k] = await orgId(t, name);
});
afterAll(() => t.close());

const coreOrg = async (name: string) => {
  const r = await t.gql(
    `query($s: String) { organizations(first: 1, filter: { search: $s }) { edges { node { id } } } }`,
    { s: name },
  );
  return r.data.organizations.edges[0].node.id as string;
};
const create = (token: string, input: Record<string, unknown>) =>
  mutate(
    t,
    token,
    'createPartyOrganization',
    input,
    'organization { id name kind residentialComplex warnings { code } region { name } parent { name } }',
  );

describe('createPartyOrganization', () => {
  it('creates a 小区党支部 under a committee and warns it has too few full members', async () => {
    const r = expectOk(
      await create(admin, {
        name: '滨河二期小区党支部',
        kind: 'BRANCH',
        parentId: await orgId(t, '木垒镇委员会'),
        regionId: await regionId(t, '652328100001'),
        residentialComplex: '滨河二期',
      }),
    );
    expect(r.organization).toMatchObject({
      kind: 'BRANCH',
      residentialComplex: '滨河二期',
      region: { name: '滨河社区' },
      parent: { name: '中共木垒镇委员会' },
    });
    expect(r.organization.warnings.map((w: any) => w.code).sort()).toEqual(['NO_SECRETARY', 'TOO_FEW_FULL_MEMBERS']);
  });

  it('refuses what the rules do not allow, with typed errors', async () => {
    const units = await Promise.all(
      [
        '昌吉州融媒体中心',
        '新疆农业职业技术大学',
        '昌吉州人民医院',
        '阜康市住建局',
        '甘河子镇派出所',
        '塔西河乡学校',
      ].map(coreOrg),
    );
    const region = await regionId(t, '652301');
    expectError(
      await create(admin, { name: '联合党支部甲', kind: 'JOINT_BRANCH', unitIds: units, regionId: region }),
      'LIMIT_EXCEEDED',
      '5',
    );
    expectError(
      await create(admin, { name: '联合党支部乙', kind: 'JOINT_BRANCH', unitIds: units.slice(0, 1), regionId: region }),
      'VALIDATION',
    );
    expectOk(
      await create(admin, { name: '联合党支部丙', kind: 'JOINT_BRANCH', unitIds: units.slice(0, 5), regionId: region }),
    );
    expectError(await create(admin, { name: '孤立党小组', kind: 'GROUP', regionId: region }), 'VALIDATION');
    expectError(
      await create(admin, { name: '县里的小区支部', kind: 'BRANCH', regionId: region, residentialComplex: '某小区' }),
      'VALIDATION',
    );
    expectError(
      await create(admin, { name: '支部下的党委', kind: 'COMMITTEE', parentId: ids.media, regionId: region }),
      'VALIDATION',
    );
    expectError(
      await create(admin, { name: '中共昌吉州融媒体中心支部委员会', kind: 'BRANCH', regionId: region }),
      'CONFLICT',
    );
  });

  it('lets only administrators of the area or the committee above create', async () => {
    const ma = await t.login('member-ma');
    expectError(
      await create(ma, { name: '自建支部', kind: 'BRANCH', regionId: await regionId(t, '652301') }),
      'FORBIDDEN',
    );
    const beiwucha = await t.login('beiwucha-admin');
    expectError(
      await create(beiwucha, { name: '越界支部', kind: 'BRANCH', regionId: await regionId(t, '652328100001') }),
      'FORBIDDEN',
    );
    expectOk(await create(beiwucha, { name: '魏家场村第一党小组', kind: 'GROUP', parentId: ids.weijiachang }));
  });
});

describe('warnings and the committee', () => {
  it('warns on a committee term past its end (魏家场村, elected 2021, 5-year term)', async () => {
    const r = await t.gql(
      `query($id: ID!) { partyOrganization(id: $id) { warnings { code } committee { termEndsAt termExpired
        members { role } } } }`,
      { id: ids.weijiachang },
      { token: admin },
    );
    expect(r.data.partyOrganization.warnings.map((w: any) => w.code)).toEqual(['TERM_EXPIRED']);
    expect(r.data.partyOrganization.committee).toMatchObject({ termEndsAt: '2026-04-10', termExpired: true });
  });

  it("elects a committee by a quorate members' meeting: 3–5 with 7+ full members, a secretary otherwise", async () => {
    const members = (await roster(t, admin, ids.weijiachang)).filter((m) => m.stage === 'FULL');
    const meeting = expectOk(
      await mutate(
        t,
        admin,
        'recordPartyMeeting',
        {
          organizationId: ids.weijiachang,
          kind: 'MEMBERS_MEETING',
          heldAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
          place: '村委会',
          topic: '换届选举',
          attendance: members.map((m) => ({ personId: m.personId, status: 'PRESENT' })),
          decision: '选举产生新一届支部委员会',
        },
        'meeting { id quorumMet }',
      ),
    ).meeting;
    expect(meeting.quorumMet).toBe(true);
    const elect = (list: [number, string][], meetingId: string | null = meeting.id) =>
      mutate(
        t,
        admin,
        'electPartyCommittee',
        {
          organizationId: ids.weijiachang,
          electedAt: '2026-11-25',
          meetingId,
          members: list.map(([i, role]) => ({ personId: members[i]!.personId, role })),
        },
        'organization { warnings { code } committee { termEndsAt members { role } } }',
      );
    expectError(
      await elect([
        [0, 'SECRETARY'],
        [1, 'ORGANIZATION'],
      ]),
      'PRECONDITION_FAILED',
      'COMMITTEE_SIZE',
    );
    expectError(
      await elect(
        [
          [0, 'SECRETARY'],
          [1, 'ORGANIZATION'],
          [2, 'PUBLICITY'],
        ],
        null,
      ),
      'PRECONDITION_FAILED',
      'MEMBERS_MEETING',
    );
    expectError(
      await elect([
        [0, 'ORGANIZATION'],
        [1, 'ORGANIZATION'],
        [2, 'PUBLICITY'],
      ]),
      'VALIDATION',
    );
    const ok = expectOk(
      await elect([
        [0, 'SECRETARY'],
        [1, 'ORGANIZATION'],
        [2, 'PUBLICITY'],
        [3, 'DISCIPLINE'],
      ]),
    );
    expect(ok.organization.committee).toMatchObject({ termEndsAt: '2031-11-25' });
    expect(ok.organization.warnings).toEqual([]);
    // 大庙村 has 3 full members: only a secretary (and deputy)
    const damiao = (await roster(t, admin, ids.damiao)).filter((m) => m.stage === 'FULL');
    const r = await mutate(t, admin, 'electPartyCommittee', {
      organizationId: ids.damiao,
      electedAt: '2026-11-25',
      members: damiao.map((m, i) => ({ personId: m.personId, role: ['SECRETARY', 'ORGANIZATION', 'PUBLICITY'][i] })),
    });
    expectError(r, 'PRECONDITION_FAILED', 'COMMITTEE_SIZE');
  });
});

describe('组织关系转接 keeps the history', () => {
  it('moves a member between organisations, out of the deployment, and transfers a party member in', async () => {
    const before = await roster(t, admin, ids.marx);
    const mover = before.find((m) => m.name === '刘敏')!;
    const moved = expectOk(
      await mutate(
        t,
        admin,
        'transferMembership',
        { membershipId: mover.membershipId, toOrganizationId: ids.media, at: '2026-11-20', note: '工作调动' },
        'membership { id organization { name } transfers { at from { name } to { name } } }',
      ),
    );
    expect(moved.membership.organization.name).toBe('中共昌吉州融媒体中心支部委员会');
    expect(moved.membership.transfers).toEqual([
      {
        at: '2026-11-20',
        from: { name: '中共新疆农业职业技术大学马克思主义学院支部委员会' },
        to: { name: '中共昌吉州融媒体中心支部委员会' },
      },
    ]);
    expect((await roster(t, admin, ids.marx)).length).toBe(before.length - 1);
    const out = expectOk(
      await mutate(
        t,
        admin,
        'transferMembership',
        { membershipId: mover.membershipId, destination: '乌鲁木齐市某单位党支部', at: '2026-11-24' },
        'membership { status transfers { to { name } destination } }',
      ),
    );
    expect(out.membership.status).toBe('TRANSFERRED_OUT');
    expect(out.membership.transfers).toHaveLength(2);
    expectError(
      await mutate(t, admin, 'transferMembership', {
        membershipId: mover.membershipId,
        toOrganizationId: ids.marx,
        at: '2026-11-24',
      }),
      'INVALID_TRANSITION',
    );
    // 李静 is a party member with no file here: transferred in as a full member
    const people = await t.gql(
      `{ people(first: 2, filter: { search: "李静" }) { edges { node { id } } } }`,
      {},
      { token: admin },
    );
    const lijing = people.data.people.edges[0].node.id;
    const inbound = expectOk(
      await mutate(
        t,
        admin,
        'transferMembership',
        { personId: lijing, toOrganizationId: ids.media, at: '2026-11-24' },
        'membership { stage organization { name } }',
      ),
    );
    expect(inbound.membership.stage).toBe('FULL');
    expectError(
      await mutate(t, admin, 'transferMembership', { personId: lijing, toOrganizationId: ids.marx, at: '2026-11-24' }),
      'CONFLICT',
    );
    const he = (
      await t.gql(`{ people(first: 1, filter: { search: "何福琴" }) { edges { node { id } } } }`, {}, { token: admin })
    ).data.people.edges[0].node.id;
    expectError(
      await mutate(t, admin, 'transferMembership', { personId: he, toOrganizationId: ids.media, at: '2026-11-24' }),
      'PRECONDITION_FAILED',
      'PARTY_MEMBER',
    );
  });
});

describe('privacy: files for the committee and those above, aggregates for analysts, nothing for the public', () => {
  const MEMBERS = `query($id: ID!) { partyOrganization(id: $id) { name memberCounts { full } members(first:
    100) { totalCount edges { node { stage incomeBaseYuan monthlyDuesYuan } } } } }`;

  it(
    'shows the roll to the branch committee (member-pu), ' + 'administrators of the area and the committee above',

    async () => {
      const pu = await t.login('member-pu');
      const mine = await t.gql(MEMBERS, { id: ids.media }, { token: pu });
      expect(mine.errors).toBeUndefined();
      expect(mine.data.partyOrganization.members.edges.some((e: any) => e.node.incomeBaseYuan === 4500)).toBe(true);
      // the administrator sees the file but not the income base (the branch committee only)
      const adm = await t.gql(MEMBERS, { id: ids.media }, { token: admin });
      const nodes = adm.data.partyOrganization.members.edges.map((e: any) => e.node);
      expect(nodes.every((n: any) => n.incomeBaseYuan === null)).toBe(true);
      expect(nodes.some((n: any) => n.monthlyDuesYuan === 45)).toBe(true);
      // member-pu sits on no committee of 魏家场村: refused
      const other = await t.gql(MEMBERS, { id: ids.weijiachang }, { token: pu });
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // the village worker administers the village's own branch
      const worker = await t.gql(MEMBERS, { id: ids.weijiachang }, { token: await t.login('weijiachang-worker') });
      expect(worker.errors).toBeUndefined();
    },
  );

  it(
    'lets the committee above (张学胜, secretary of the ' +
      "hospital's party committee) read the branch below, not others",

    async () => {
      const people = await t.gql(
        `{ people(first: 1, filter: { search: "张学胜" }) { edges { node { id } } } }`,
        {},
        { token: admin },
      );
      const created = await mutate(
        t,
        admin,
        'createAccount',
        {
          username: 'zhang-xuesheng',
          password: DEMO_PASSWORD,
          role: 'PARTY_MEMBER',
          regionId: await regionId(t, '652301001001'),
          personId: people.data.people.edges[0].node.id,
        },
        'account { id }',
      );
      expectOk(created);
      const zhang = await t.login('zhang-xuesheng');
      const below = await t.gql(MEMBERS, { id: ids.hospitalBranch }, { token: zhang });
      expect(below.errors).toBeUndefined();
      expect(below.data.partyOrganization.members.totalCount).toBe(40);
      // the income base is for the branch's own committee, not the committee above
      expect(below.data.partyOrganization.members.edges.every((e: any) => e.node.incomeBaseYuan === null)).toBe(true);
      expect((await t.gql(MEMBERS, { id: ids.marx }, { token: zhang })).errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
    },
  );

  it('gives analysts counts only, members of other branches nothing, the public the names', async () => {
    const analyst = await t.login('analyst');
    const a = await t.gql(MEMBERS, { id: ids.media }, { token: analyst });
    expect(a.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const counts = await t.gql(
      `query($id: ID!) { partyOrganization(id: $id) { memberCounts { full } } }`,
      { id: ids.media },
      { token: analyst },
    );
    expect(counts.data.partyOrganization.memberCounts.full).toBeGreaterThanOrEqual(10);
    const ma = await t.login('member-ma');
    expect((await t.gql(MEMBERS, { id: ids.media }, { token: ma })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const resident = await t.login('resident-he');
    const pub = await t.gql(
      `query($id: ID!) { partyOrganization(id: $id) { name memberCounts { full } } }`,
      { id: ids.media },
      { token: resident },
    );
    expect(pub.data.partyOrganization).toEqual({ name: '中共昌吉州融媒体中心支部委员会', memberCounts: null });
  });

  it('shows Person.partyMembership to the person, to those who manage the organisation, to nobody else', async () => {
    const ma = await t.login('member-ma');
    const me = await t.gql(
      `{ viewer { account { person { id partyMembership { stage organization { name } } } } } }`,
      {},
      { token: ma },
    );
    expect(me.errors).toBeUndefined();
    const person = me.data.viewer.account.person;
    expect(person.partyMembership).toEqual({
      stage: 'FULL',
      organization: { name: '中共昌吉州人民医院第一支部委员会' },
    });
    const q = `query($id: ID!) { node(id: $id) { ... on Person { name partyMembership { stage } } } }`;
    expect((await t.gql(q, { id: person.id }, { token: admin })).data.node.partyMembership).toEqual({ stage: 'FULL' });
    expect(
      (await t.gql(q, { id: person.id }, { token: await t.login('analyst') })).data.node.partyMembership,
    ).toBeNull();
    expect((await t.gql(q, { id: person.id }, { token: await t.login('member-pu') })).data.node).toBeNull();
  });
});
