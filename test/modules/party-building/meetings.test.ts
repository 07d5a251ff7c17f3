// 三会一课: attendance, quorum, compliance per organisation and per region, frequencies as data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers.js';
import { regionId } from '../../helpers.js';
import { expectError, expectOk, mutate, orgId, ORGS, roster, start } from './kit.js';

let t: TestApp;
let admin: string;
const ids: Record<string, string> = {};
const YEAR = 2026; // the test clock starts on 2026-11-25

beforeAll(async () => {
  ({ t } = await start());
  admin = await t.login('admin');
  for (const [k, name] of Object.entries(ORGS)) ids[k] = await orgId(t, name);
});
afterAll(() => t.close());

const COMPLIANCE = `query($id: ID!, $y: Int!) { partyLifeCompliance(organizationId: $id, year: $y) {
  complianceRate required held attendanceRate requirements { kind every bySecretary required held missed
    periods { period held met } } } }`;
const compliance = async (id: string, token = admin) => {
  const r = await t.gql(COMPLIANCE, { id, y: YEAR }, { token });
  expect(r.errors).toBeUndefined();
  return r.data.partyLifeCompliance;
};
const record = (input: Record<string, unknown>) =>
  mutate(
    t,
    admin,
    'recordPartyMeeting',
    { place: '党员活动室', topic: '主题党日', ...input },
    'meeting { id kind quorumMet votingMembers votingPresent attendance { status person { name } } }',
  );

describe('the joint theme day (新农职大马克思主义学院 × 昌吉州人民医院)', () => {
  it('has 70+ members present, both hosts and the co-building agreement', async () => {
    const r = await t.gql(
      `query($id: ID!) { partyMeetings(first: 5, filter: { organizationId: $id, kind: THEME_DAY }) { edges { node {
      topic organization { name } coHosts { name } attendanceSummary { present } agreement { topic parties {
        name } activities } } } } }`,
      { id: ids.hospitalBranch },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    const joint = r.data.partyMeetings.edges.map((e: any) => e.node).find((m: any) => m.coHosts.length);
    expect(joint.organization.name).toContain('马克思主义学院');
    expect(joint.coHosts[0].name).toContain('人民医院');
    expect(joint.attendanceSummary.present).toBeGreaterThanOrEqual(70);
    expect(joint.agreement.topic).toBe('党建赋能、医校共建');
    expect(joint.agreement.activities).toContain('义诊');
  });
});

describe('recordPartyMeeting', () => {
  it('records absent members not listed, and refuses a decision without a quorum (nothing recorded)', async () => {
    const members = await roster(t, admin, ids.damiao);
    const before = (
      await t.gql(
        `query($id: ID!) { partyOrganization(id: $id) { meetings { totalCount } } }`,
        { id: ids.damiao },
        { token: admin },
      )
    ).data.partyOrganization.meetings.totalCount;
    const heldAt = '2026-11-20T02:00:00Z';
    expectError(
      await record({
        organizationId: ids.damiao,
        kind: 'MEMBERS_MEETING',
        heldAt,
        attendance: [{ personId: members[0]!.personId, status: 'PRESENT' }],
        decision: '同意',
      }),
      'PRECONDITION_FAILED',
      'QUORUM',
      '1/3',
    );
    const after = (
      await t.gql(
        `query($id: ID!) { partyOrganization(id: $id) { meetings { totalCount } } }`,
        { id: ids.damiao },
        { token: admin },
      )
    ).data.partyOrganization.meetings.totalCount;
    expect(after).toBe(before);
    const m = expectOk(
      await record({
        organizationId: ids.damiao,
        kind: 'MEMBERS_MEETING',
        heldAt,
        attendance: [
          { personId: members[0]!.personId, status: 'PRESENT' },
          { personId: members[1]!.personId, status: 'EXCUSED' },
        ],
      }),
    ).meeting;
    expect(m).toMatchObject({ quorumMet: false, votingMembers: 3, votingPresent: 1 });
    expect(m.attendance.map((a: any) => a.status).sort()).toEqual(['ABSENT', 'EXCUSED', 'PRESENT']);
    const q = expectOk(
      await record({
        organizationId: ids.damiao,
        kind: 'MEMBERS_MEETING',
        heldAt,
        attendance: members.slice(0, 2).map((x) => ({ personId: x.personId, status: 'PRESENT' })),
        decision: '同意',
      }),
    ).meeting;
    expect(q.quorumMet).toBe(true);
  });

  it("refuses strangers, future meetings and other people's organisations", async () => {
    const marx = await roster(t, admin, ids.marx);
    expectError(
      await record({
        organizationId: ids.damiao,
        kind: 'THEME_DAY',
        heldAt: '2026-11-20T02:00:00Z',
        attendance: [{ personId: marx[0]!.personId, status: 'PRESENT' }],
      }),
      'VALIDATION',
    );
    expectError(
      await record({ organizationId: ids.damiao, kind: 'THEME_DAY', heldAt: '2026-12-20T02:00:00Z' }),
      'VALIDATION',
    );
    const pu = await t.login('member-pu');
    expectError(
      await mutate(t, pu, 'recordPartyMeeting', {
        organizationId: ids.damiao,
        kind: 'THEME_DAY',
        heldAt: '2026-11-20T02:00:00Z',
        place: 'x',
        topic: 'y',
      }),
      'FORBIDDEN',
    );
  });

  it('shows attendance and minutes to those who manage the organisation, counts to analysts', async () => {
    const q = `query($id: ID!) { partyOrganization(id: $id) { meetings(first: 1) { edges { node { kind
      attendanceSummary { present } attendance { status } } } } } }`;
    expect((await t.gql(q, { id: ids.media }, { token: await t.login('member-pu') })).errors).toBeUndefined();
    const analyst = await t.gql(q, { id: ids.media }, { token: await t.login('analyst') });
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const summary = await t.gql(
      `query($id: ID!) { partyOrganization(id: $id) { meetings(first: 1) { edges { node { attendanceSummary {
        present } } } } } }`,
      { id: ids.media },
      { token: await t.login('analyst') },
    );
    expect(summary.errors).toBeUndefined();
    expect(
      (await t.gql(`{ partyMeetings(first: 1) { totalCount } }`, {}, { token: await t.login('resident-he') }))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('党小组', () => {
  it(
    'assigns members to a group of their branch, records ABSENT ' +
      'for group members not listed, and owes monthly group meetings',
    async () => {
      const group = expectOk(
        await mutate(
          t,
          admin,
          'createPartyOrganization',
          { name: '魏家场村第二党小组', kind: 'GROUP', parentId: ids.weijiachang, foundedOn: '2026-01-01' },
          'organization { id }',
        ),
      ).organization.id;
      const members = (await roster(t, admin, ids.weijiachang)).filter((m) => m.stage === 'FULL');
      for (const m of members.slice(0, 3))
        expectOk(
          await mutate(
            t,
            admin,
            'assignPartyGroup',
            { membershipId: m.membershipId, groupId: group },
            'membership { group { name } }',
          ),
        );
      const media = (await roster(t, admin, ids.media))[0]!;
      expectError(
        await mutate(t, admin, 'assignPartyGroup', { membershipId: media.membershipId, groupId: group }),
        'VALIDATION',
      );
      const m = expectOk(
        await record({
          organizationId: group,
          kind: 'GROUP_MEETING',
          heldAt: '2026-10-10T02:00:00Z',
          attendance: [{ personId: members[0]!.personId, status: 'PRESENT' }],
        }),
      ).meeting;
      expect(m.attendance.map((a: any) => a.status).sort()).toEqual(['ABSENT', 'ABSENT', 'PRESENT']);
      const c = await compliance(group);
      expect(c.requirements.map((r: any) => `${r.kind}:${r.every}`)).toEqual(['GROUP_MEETING:MONTH']);
      expect(c.requirements[0].periods.find((p: any) => p.period === '2026-10')).toMatchObject({ held: 1, met: true });
    },
  );
});

describe('compliance 组织生活达标', () => {
  it('reports the deliberate misses of the media branch', async () => {
    const c = await compliance(ids.media);
    const req = (kind: string, bySecretary = false) =>
      c.requirements.find((r: any) => r.kind === kind && r.bySecretary === bySecretary);
    expect(req('THEME_DAY').periods.find((p: any) => p.period === '2026-07')).toMatchObject({ held: 0, met: false });
    expect(req('MEMBERS_MEETING').periods.find((p: any) => p.period === '2026-Q2')).toMatchObject({ met: false });
    expect(req('THEME_DAY').missed).toBe(1);
    expect(req('PARTY_LECTURE', true)).toMatchObject({ required: 1, held: 1 });
    expect(c.complianceRate).toBeGreaterThan(0.8);
    expect(c.complianceRate).toBeLessThan(1);
    expect(c.attendanceRate).toBeGreaterThan(0.5);
  });

  it('changes when a meeting is recorded', async () => {
    const before = await compliance(ids.damiao);
    const theme = (c: any) => c.requirements.find((r: any) => r.kind === 'THEME_DAY');
    expect(theme(before).periods.find((p: any) => p.period === '2026-10')).toMatchObject({ held: 0, met: false });
    expectOk(await record({ organizationId: ids.damiao, kind: 'THEME_DAY', heldAt: '2026-10-15T02:00:00Z' }));
    const after = await compliance(ids.damiao);
    expect(theme(after).periods.find((p: any) => p.period === '2026-10')).toMatchObject({ held: 1, met: true });
    expect(theme(after).held).toBe(theme(before).held + 1);
    expect(after.complianceRate).toBeGreaterThan(before.complianceRate);
  });

  it('lists the organisations of a county worst first, for workers, administrators and analysts', async () => {
    const q = `query($id: ID!, $y: Int!) { partyLifeComplianceByRegion(regionId: $id, year: $y) {
      organization { name } complianceRate } }`;
    const r = await t.gql(q, { id: await regionId(t, '652324'), y: YEAR }, { token: await t.login('analyst') });
    expect(r.errors).toBeUndefined();
    const list = r.data.partyLifeComplianceByRegion;
    expect(list.map((x: any) => x.organization.name)).toEqual(
      expect.arrayContaining(['中共魏家场村支部委员会', '中共大庙村支部委员会', '中共玛纳斯县北五岔镇委员会']),
    );
    const rates = list.map((x: any) => x.complianceRate).filter((x: number | null) => x !== null);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    const wjc = list.find((x: any) => x.organization.name === '中共魏家场村支部委员会').complianceRate;
    expect(wjc).toBeLessThan(0.7);
    expect(
      (await t.gql(q, { id: await regionId(t, '652324'), y: YEAR }, { token: await t.login('member-pu') })).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('uses the frequencies a township sets (模块参数 meetingFrequencies)', async () => {
    const beiwucha = await t.login('beiwucha-admin');
    const value = {
      kinds: { THEME_DAY: { every: 'QUARTER', times: 1 }, MEMBERS_MEETING: { every: 'QUARTER', times: 1 } },
      secretaryLecturesPerYear: 0,
    };
    const r = await t.gql(
      `mutation($input: SetModuleSettingInput!) { setModuleSetting(input: $input) { __typename ... on Error {
        code message } } }`,
      {
        input: {
          regionId: await regionId(t, '652324104'),
          moduleId: 'party-building',
          key: 'meetingFrequencies',
          value,
        },
      },
      { token: beiwucha },
    );
    expect(r.data.setModuleSetting.__typename).toBe('SetModuleSettingPayload');
    const c = await compliance(ids.weijiachang);
    expect(c.requirements.map((x: any) => `${x.kind}:${x.every}`).sort()).toEqual([
      'MEMBERS_MEETING:QUARTER',
      'THEME_DAY:QUARTER',
    ]);
    const bad = await t.gql(
      `mutation($input: SetModuleSettingInput!) { setModuleSetting(input: $input) { __typename ... on Error {
        code } } }`,
      {
        input: {
          regionId: await regionId(t, '652324104'),
          moduleId: 'party-building',
          key: 'meetingFrequencies',
          value: { kinds: { TEA_PARTY: { every: 'MONTH', times: 1 } }, secretaryLecturesPerYear: 1 },
        },
      },
      { token: beiwucha },
    );
    expect(bad.data.setModuleSetting.code).toBe('VALIDATION');
  });
});
