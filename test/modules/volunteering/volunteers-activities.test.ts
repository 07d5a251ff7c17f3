// Priority 1: volunteers (age rules, consent), service centres, teams, activity lifecycle and drafts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock, TestApp } from '../../helpers.js';
import { activityMutation, app, CREATE_ACTIVITY, ok, parseGlobal, personId, regionId } from './helpers.js';

let t: TestApp;
let clock: ManualClock;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ t, clock } = await app());
  for (const u of [
    'admin',
    'zhou-admin',
    'beiwucha-admin',
    'jingcaicheng-worker',
    'yuanlin-worker',
    'member-pu',
    'resident-he',
    'analyst',
  ])
    tokens[u] = await t.login(u);
  ids.jingcaicheng = await regionId(t, '652301004001');
  ids.jiashun = await regionId(t, '652301004002');
  ids.jianguolu = await regionId(t, '652301004');
  for (const name of ['何福琴', '江萨亚·叶尔布拉提', '韩小雨', '蒲晓', '古丽娜尔·艾力'])
    ids[name] = await personId(t, tokens.admin!, name);
});
afterAll(() => t.close());

const REGISTER = `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) {
  __typename ... on RegisterVolunteerPayload { volunteer {
    id volunteerNumber name skills guardianConsentRecorded totalHours starLevel } }
  ... on Error { code message } ... on ValidationError { issues { path } } } }`;

describe('registering volunteers 志愿者注册', () => {
  it('lets an adult register herself with consent to record-keeping', async () => {
    const missing = await t.gql(
      REGISTER,
      { input: { personId: ids['何福琴'], consentToRecords: false } },
      { token: tokens['resident-he'] },
    );
    expect(missing.data.registerVolunteer).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION',
      issues: [{ path: 'input.consentToRecords' }],
    });
    const r = await t.gql(
      REGISTER,
      { input: { personId: ids['何福琴'], consentToRecords: true, skills: ['缝纫', ' 缝纫 ', '做饭'] } },
      { token: tokens['resident-he'] },
    );
    const v = ok(r, 'registerVolunteer', 'RegisterVolunteerPayload').volunteer;
    expect(v).toMatchObject({
      name: '何福琴',
      skills: ['缝纫', '做饭'],
      guardianConsentRecorded: false,
      totalHours: 0,
      starLevel: 0,
    });
    expect(v.volunteerNumber).toMatch(/^ZY\d{8}$/);
    const again = await t.gql(
      REGISTER,
      { input: { personId: ids['何福琴'], consentToRecords: true } },
      { token: tokens['resident-he'] },
    );
    expect(again.data.registerVolunteer.code).toBe('CONFLICT');
  });

  it('refuses children under 14 and needs a guardian’s consent from 14 to 18', async () => {
    const child = await t.gql(
      REGISTER,
      { input: { personId: ids['韩小雨'], consentToRecords: true } },
      { token: tokens['beiwucha-admin'] },
    );
    expect(child.data.registerVolunteer).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(child.data.registerVolunteer.message).toContain('14');
    const teen = await t.gql(
      REGISTER,
      { input: { personId: ids['江萨亚·叶尔布拉提'], consentToRecords: true } },
      { token: tokens['zhou-admin'] },
    );
    expect(teen.data.registerVolunteer).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'input.guardianConsent' }],
    });
    const withConsent = await t.gql(
      REGISTER,
      {
        input: {
          personId: ids['江萨亚·叶尔布拉提'],
          consentToRecords: true,
          guardianConsent: { guardianName: '叶尔布拉提·加纳尔', relationship: '父亲' },
        },
      },
      { token: tokens['zhou-admin'] },
    );
    expect(ok(withConsent, 'registerVolunteer').volunteer.guardianConsentRecorded).toBe(true);
    const audit = await t.db.prisma.auditLog.count({ where: { action: 'volunteering.register' } });
    expect(audit).toBe(2);
  });

  it('only the person or a worker who manages them may register them', async () => {
    const r = await t.gql(
      REGISTER,
      { input: { personId: ids['古丽娜尔·艾力'], consentToRecords: true } },
      { token: tokens['yuanlin-worker'] },
    );
    expect(r.data.registerVolunteer.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    const worker = await t.gql(
      REGISTER,
      { input: { personId: ids['古丽娜尔·艾力'], consentToRecords: true } },
      { token: tokens['jingcaicheng-worker'] },
    );
    expect(worker.data.registerVolunteer.__typename).toBe('RegisterVolunteerPayload');
  });

  it('masks volunteer names for analysts and shows them to the community worker', async () => {
    const q = `query($r: ID!) { volunteers(filter: { regionId: $r }, first: 50) { totalCount edges { node {
      name } } } }`;
    const analyst = await t.gql(q, { r: ids.jingcaicheng }, { token: tokens.analyst });
    const names = analyst.data.volunteers.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(names).toContain('何**');
    expect(names).not.toContain('何福琴');
    const worker = await t.gql(q, { r: ids.jingcaicheng }, { token: tokens['jingcaicheng-worker'] });
    expect(worker.data.volunteers.edges.map((e: { node: { name: string } }) => e.node.name)).toContain('何福琴');
    const resident = await t.gql(q, { r: ids.jingcaicheng }, { token: tokens['resident-he'] });
    expect(resident.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('service centres and teams 志愿服务中心与服务队', () => {
  const CENTRE = `mutation($input: CreateVolunteerServiceCentreInput!) { createVolunteerServiceCentre(input: $input) {
    __typename ... on CreateVolunteerServiceCentrePayload { centre { id name community { name } } } ... on Error {
      code } } }`;

  it('keeps one centre per community, created by those who manage it', async () => {
    const outside = await t.gql(
      CENTRE,
      { input: { communityId: ids.jiashun, name: '嘉顺社区志愿服务中心' } },
      { token: tokens['jingcaicheng-worker'] },
    );
    expect(outside.data.createVolunteerServiceCentre.code).toBe('FORBIDDEN');
    const created = await t.gql(
      CENTRE,
      { input: { communityId: ids.jiashun, name: '嘉顺社区志愿服务中心' } },
      { token: tokens['zhou-admin'] },
    );
    expect(ok(created, 'createVolunteerServiceCentre').centre.community.name).toBe('嘉顺社区');
    const twice = await t.gql(
      CENTRE,
      { input: { communityId: ids.jingcaicheng, name: '第二个中心' } },
      { token: tokens['jingcaicheng-worker'] },
    );
    expect(twice.data.createVolunteerServiceCentre.code).toBe('CONFLICT');
    const region = await t.gql(
      `query($id: ID!) { region(id: $id) { volunteerServiceCentre { name } } }`,
      { id: ids.jiashun },
      { token: tokens.analyst },
    );
    expect(region.data.region.volunteerServiceCentre.name).toBe('嘉顺社区志愿服务中心');
    const mulei = await t.gql(
      `{ volunteerServiceCentres(regionId: "${await regionId(t, '652328')}") { totalCount } }`,
      {},
      { token: tokens.analyst },
    );
    expect(mulei.data.volunteerServiceCentres.totalCount).toBe(2);
  });

  it('forms teams with leaders and members; leaders organise the team’s activities', async () => {
    const team = await t.gql(
      `mutation($input: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $input) { __typename
        ... on CreateVolunteerTeamPayload { team { id kind region { name } } } ... on Error { code } } }`,
      { input: { regionId: ids.jingcaicheng, name: '晶彩城社区巾帼志愿服务队', kind: 'WOMEN' } },
      { token: tokens['jingcaicheng-worker'] },
    );
    ids.team = ok(team, 'createVolunteerTeam').team.id;
    const ADD = `mutation($input: AddVolunteerTeamMemberInput!) { addVolunteerTeamMember(input: $input) { __typename
      ... on AddVolunteerTeamMemberPayload { member { role name } } ... on Error { code } } }`;
    const byMember = await t.gql(
      ADD,
      { input: { teamId: ids.team, personId: ids['蒲晓'], role: 'LEADER' } },
      { token: tokens['member-pu'] },
    );
    expect(byMember.data.addVolunteerTeamMember.code).toBe('FORBIDDEN');
    const leader = await t.gql(
      ADD,
      { input: { teamId: ids.team, personId: ids['蒲晓'], role: 'LEADER' } },
      { token: tokens['jingcaicheng-worker'] },
    );
    expect(ok(leader, 'addVolunteerTeamMember').member).toEqual({ role: 'LEADER', name: '蒲晓' });
    const dup = await t.gql(
      ADD,
      { input: { teamId: ids.team, personId: ids['蒲晓'] } },
      { token: tokens['jingcaicheng-worker'] },
    );
    expect(dup.data.addVolunteerTeamMember.code).toBe('CONFLICT');
    const notVolunteer = await t.gql(
      ADD,
      { input: { teamId: ids.team, personId: ids['韩小雨'] } },
      { token: tokens['member-pu'] },
    );
    expect(notVolunteer.data.addVolunteerTeamMember.code).toBe('PRECONDITION_FAILED');
    // now a leader: 小蒲 adds 何福琴 herself and creates an activity for her team
    const added = await t.gql(
      ADD,
      { input: { teamId: ids.team, personId: ids['何福琴'] } },
      { token: tokens['member-pu'] },
    );
    expect(ok(added, 'addVolunteerTeamMember').member.role).toBe('MEMBER');
    const a = await t.gql(
      CREATE_ACTIVITY,
      { input: activityInput({ teamId: ids.team, title: '巾帼护河' }) },
      { token: tokens['member-pu'] },
    );
    expect(ok(a, 'createVolunteerActivity').activity.status).toBe('DRAFT');
    const teams = await t.gql(
      `query($r: ID!) { volunteerTeams(filter: { regionId: $r, kind: WOMEN }) { totalCount edges { node {
        name memberCount members { role name } } } } }`,
      { r: ids.jingcaicheng },
      { token: tokens.analyst },
    );
    expect(teams.data.volunteerTeams.edges[0].node).toMatchObject({
      memberCount: 2,
      members: [
        { role: 'LEADER', name: '蒲*' },
        { role: 'MEMBER', name: '何**' },
      ],
    });
  });
});

function activityInput(over: Record<string, unknown> = {}) {
  const start = new Date(clock.now().getTime() + 2 * 86_400_000);
  return {
    communityId: ids.jingcaicheng,
    title: '楼道清理',
    category: 'LIVING_ENVIRONMENT',
    place: '晶彩城小区',
    capacity: 10,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
    ...over,
  };
}

describe('activity lifecycle 活动', () => {
  const publish = activityMutation('publishVolunteerActivity', 'PublishVolunteerActivityPayload');
  const start = activityMutation('startVolunteerActivity', 'StartVolunteerActivityPayload');
  const complete = activityMutation('completeVolunteerActivity', 'CompleteVolunteerActivityPayload');
  const cancel = activityMutation('cancelVolunteerActivity', 'CancelVolunteerActivityPayload');
  const insure = activityMutation('recordActivityInsurance', 'RecordActivityInsurancePayload');
  const status = async (id: string) =>
    (
      await t.gql(
        `query($id: ID!) { volunteerActivity(id: $id) { status } }`,
        { id },
        { token: tokens['jingcaicheng-worker'] },
      )
    ).data.volunteerActivity.status;

  it('validates input and scope', async () => {
    const bad = await t.gql(
      CREATE_ACTIVITY,
      { input: activityInput({ title: '', startsAt: '2020-01-01T00:00:00Z', capacity: 20000 }) },
      { token: tokens['jingcaicheng-worker'] },
    );
    expect(bad.data.createVolunteerActivity.code).toBe('VALIDATION');
    expect(bad.data.createVolunteerActivity.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'input.capacity',
      'input.endsAt',
      'input.startsAt',
      'input.title',
    ]);
    const member = await t.gql(CREATE_ACTIVITY, { input: activityInput() }, { token: tokens['member-pu'] });
    expect(member.data.createVolunteerActivity.code).toBe('FORBIDDEN');
    const other = await t.gql(CREATE_ACTIVITY, { input: activityInput() }, { token: tokens['yuanlin-worker'] });
    expect(other.data.createVolunteerActivity.code).toBe('FORBIDDEN');
    const notCommunity = await t.gql(
      CREATE_ACTIVITY,
      { input: activityInput({ communityId: ids.jianguolu }) },
      { token: tokens['zhou-admin'] },
    );
    expect(notCommunity.data.createVolunteerActivity.code).toBe('VALIDATION');
  });

  it('goes DRAFT → RECRUITING → ONGOING → COMPLETED, refusing every other step with nothing changed', async () => {
    const created = ok(
      await t.gql(CREATE_ACTIVITY, { input: activityInput() }, { token: tokens['jingcaicheng-worker'] }),
      'createVolunteerActivity',
    ).activity;
    const id = created.id;
    // a draft is invisible to residents and members, visible to its organisers
    expect(
      (await t.gql(`query($id: ID!) { volunteerActivity(id: $id) { id } }`, { id }, { token: tokens['member-pu'] }))
        .data.volunteerActivity,
    ).toBeNull();
    expect(await status(id)).toBe('DRAFT');
    const w = { token: tokens['jingcaicheng-worker'] };
    const audits = () =>
      t.db.prisma.auditLog.count({
        where: { entityId: parseGlobal(id), action: { startsWith: 'volunteering.activity' } },
      });
    const before = await audits();
    for (const [m, code] of [
      [start, 'INVALID_TRANSITION'],
      [complete, 'INVALID_TRANSITION'],
    ] as const) {
      const r = await t.gql(m, { input: { activityId: id } }, w);
      expect(Object.values(r.data)[0]).toMatchObject({ code });
    }
    expect(await status(id)).toBe('DRAFT');
    expect(await audits()).toBe(before);
    expect(ok(await t.gql(publish, { input: { activityId: id } }, w), 'publishVolunteerActivity').activity.status).toBe(
      'RECRUITING',
    );
    expect((await t.gql(publish, { input: { activityId: id } }, w)).data.publishVolunteerActivity.code).toBe(
      'INVALID_TRANSITION',
    );
    const memberStart = await t.gql(start, { input: { activityId: id } }, { token: tokens['member-pu'] });
    expect(memberStart.data.startVolunteerActivity.code).toBe('FORBIDDEN');
    expect(ok(await t.gql(start, { input: { activityId: id } }, w), 'startVolunteerActivity').activity.status).toBe(
      'ONGOING',
    );
    const lateCancel = await t.gql(cancel, { input: { activityId: id, reason: '天气原因' } }, w);
    expect(lateCancel.data.cancelVolunteerActivity.code).toBe('INVALID_TRANSITION');
    expect(
      (await t.gql(insure, { input: { activityId: id, insurer: '人保', policyNumber: 'P1' } }, w)).data
        .recordActivityInsurance.code,
    ).toBe('INVALID_TRANSITION');
    expect(
      ok(await t.gql(complete, { input: { activityId: id } }, w), 'completeVolunteerActivity').activity.status,
    ).toBe('COMPLETED');
    expect(await status(id)).toBe('COMPLETED');
    expect(await audits()).toBe(before + 3);
  });

  it('starts a risky activity only after accident insurance is recorded', async () => {
    const w = { token: tokens['jingcaicheng-worker'] };
    const id = ok(
      await t.gql(CREATE_ACTIVITY, { input: activityInput({ risky: true, title: '高空清理' }) }, w),
      'createVolunteerActivity',
    ).activity.id;
    ok(await t.gql(publish, { input: { activityId: id } }, w), 'publishVolunteerActivity');
    const refused = await t.gql(start, { input: { activityId: id } }, w);
    expect(refused.data.startVolunteerActivity).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await status(id)).toBe('RECRUITING');
    const bad = await t.gql(insure, { input: { activityId: id, insurer: '', policyNumber: 'P-1' } }, w);
    expect(bad.data.recordActivityInsurance.code).toBe('VALIDATION');
    expect(
      ok(
        await t.gql(insure, { input: { activityId: id, insurer: '中国人保', policyNumber: 'PICC-2026-001' } }, w),
        'recordActivityInsurance',
      ).activity,
    ).toMatchObject({ insuranceRecorded: true, status: 'RECRUITING' });
    expect(ok(await t.gql(start, { input: { activityId: id } }, w), 'startVolunteerActivity').activity.status).toBe(
      'ONGOING',
    );
  });

  it('cancels with a reason, freeing the sign-ups', async () => {
    const w = { token: tokens['jingcaicheng-worker'] };
    const id = ok(
      await t.gql(CREATE_ACTIVITY, { input: activityInput({ title: '社区义卖' }) }, w),
      'createVolunteerActivity',
    ).activity.id;
    ok(await t.gql(publish, { input: { activityId: id } }, w), 'publishVolunteerActivity');
    const signUp = await t.gql(
      `mutation($a: ID!) { signUpForActivity(input: { activityId: $a }) { __typename ... on Error { code } } }`,
      { a: id },
      { token: tokens['member-pu'] },
    );
    expect(signUp.data.signUpForActivity.__typename).toBe('SignUpForActivityPayload');
    expect((await t.gql(cancel, { input: { activityId: id, reason: '' } }, w)).data.cancelVolunteerActivity.code).toBe(
      'VALIDATION',
    );
    expect(
      ok(await t.gql(cancel, { input: { activityId: id, reason: '场地临时征用' } }, w), 'cancelVolunteerActivity')
        .activity.status,
    ).toBe('CANCELLED');
    const mine = await t.gql(
      `query($id: ID!) { volunteerActivity(id: $id) { cancelReason myEnrollment { status } } }`,
      { id },
      { token: tokens['member-pu'] },
    );
    expect(mine.data.volunteerActivity).toEqual({
      cancelReason: '场地临时征用',
      myEnrollment: { status: 'CANCELLED' },
    });
  });

  it('advances activities on their timetable through the background job', async () => {
    const w = { token: tokens['jingcaicheng-worker'] };
    const id = ok(
      await t.gql(CREATE_ACTIVITY, { input: activityInput({ title: '按时开始' }) }, w),
      'createVolunteerActivity',
    ).activity.id;
    ok(await t.gql(publish, { input: { activityId: id } }, w), 'publishVolunteerActivity');
    const raw = parseGlobal(id);
    const row = () => t.db.prisma.volunteerActivity.findUniqueOrThrow({ where: { id: raw } });
    clock.advance(2 * 86_400_000 + 60_000);
    expect(await t.app.jobs.run('volunteering.advanceActivities')).toMatchObject({ started: expect.any(Number) });
    expect((await row()).status).toBe('ONGOING');
    clock.advance(3 * 3_600_000);
    await t.app.jobs.run('volunteering.advanceActivities');
    expect((await row()).status).toBe('COMPLETED');
  });
});
