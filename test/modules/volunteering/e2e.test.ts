// What a new user does in GraphiQL with the demo logins: create, publish, fill, check in and out,
// confirm hours, issue a certificate and verify it. Every step is a plain GraphQL operation.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, type ManualClock, type TestApp } from '../../helpers.js';
import { app } from './helpers.js';

let t: TestApp;
let clock: ManualClock;
beforeAll(async () => {
  ({ t, clock } = await app());
});
afterAll(() => t.close());

const LOGIN = `mutation Login($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { __typename
  ... on LoginPayload { token } } }`;
const login = async (u: string) => ({
  token: (await t.gql(LOGIN, { u, p: DEMO_PASSWORD })).data.login.token as string,
});

it('create → publish → fill → check in/out → confirm hours → certificate → verify', async () => {
  const worker = await login('jingcaicheng-worker');
  const pu = await login('member-pu');
  const he = await login('resident-he');

  const me = await t.gql(
    `query Me { viewer { modules account { person { id name volunteer { totalHours starLevel } } } } }`,
    {},
    pu,
  );
  expect(me.data.viewer.modules).toContain('volunteering');
  const puPerson = me.data.viewer.account.person;
  expect(puPerson.volunteer).toEqual({ totalHours: 120, starLevel: 1 });
  const community = (
    await t.gql(`query { regionByCode(code: "652301004001") { id name volunteerServiceCentre { name } } }`, {}, worker)
  ).data.regionByCode;
  expect(community.volunteerServiceCentre.name).toBe('晶彩城社区志愿服务中心');

  // 1. the community worker creates and publishes an activity for two volunteers
  const startsAt = new Date(clock.now().getTime() + 2 * 3_600_000);
  const created = await t.gql(
    `mutation CreateActivity($input: CreateVolunteerActivityInput!) { createVolunteerActivity(input: $input) {
      __typename ... on CreateVolunteerActivityPayload { activity { id status viewerIsOrganizer } } ... on Error {
        code message } } }`,
    {
      input: {
        communityId: community.id,
        title: '为独居老人清扫积雪',
        category: 'ELDER_HELP',
        place: '晶彩城小区 2 号楼',
        capacity: 2,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        description: '清扫楼前积雪，帮老人购买生活用品',
      },
    },
    worker,
  );
  const activity = created.data.createVolunteerActivity.activity;
  expect(activity).toMatchObject({ status: 'DRAFT', viewerIsOrganizer: true });
  const published = await t.gql(
    `mutation Publish($id: ID!) { publishVolunteerActivity(input: { activityId: $id }) { __typename
      ... on PublishVolunteerActivityPayload { activity { status publishedAt } } } }`,
    { id: activity.id },
    worker,
  );
  expect(published.data.publishVolunteerActivity.activity.status).toBe('RECRUITING');

  // 2. 小蒲 finds it and signs up; 何福琴 registers as a volunteer and signs up; the third is turned away
  const open = await t.gql(
    `query Open($r: ID!) { volunteerActivities(filter: { regionId: $r, status: RECRUITING, category: ELDER_HELP }) {
      edges { node { id title remainingPlaces } } } }`,
    { r: community.id },
    pu,
  );
  expect(open.data.volunteerActivities.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(activity.id);
  const SIGN = `mutation SignUp($id: ID!) { signUpForActivity(input: { activityId: $id }) { __typename
    ... on SignUpForActivityPayload { enrollment { id status } } ... on Error { code message } } }`;
  expect((await t.gql(SIGN, { id: activity.id }, pu)).data.signUpForActivity.enrollment.status).toBe('SIGNED_UP');
  const heMe = (await t.gql(`{ viewer { account { person { id } } } }`, {}, he)).data.viewer.account.person;
  const reg = await t.gql(
    `mutation Register($p: ID!) { registerVolunteer(input: { personId: $p, consentToRecords: true, skills: ["做饭"] }) {
      __typename ... on RegisterVolunteerPayload { volunteer { volunteerNumber } } } }`,
    { p: heMe.id },
    he,
  );
  expect(reg.data.registerVolunteer.volunteer.volunteerNumber).toMatch(/^ZY/);
  expect((await t.gql(SIGN, { id: activity.id }, he)).data.signUpForActivity.__typename).toBe(
    'SignUpForActivityPayload',
  );
  const people = await t.gql(`{ people(filter: { search: "古丽娜尔" }) { edges { node { id } } } }`, {}, worker);
  const gulnar = people.data.people.edges[0].node.id;
  await t.gql(
    `mutation($p: ID!) { registerVolunteer(input: { personId: $p, consentToRecords: true }) { __typename } }`,
    { p: gulnar },
    worker,
  );
  const full = await t.gql(
    `mutation($id: ID!, $p: ID!) { signUpForActivity(input: { activityId: $id, personId: $p }) { __typename
      ... on Error { code message } } }`,
    { id: activity.id, p: gulnar },
    worker,
  );
  expect(full.data.signUpForActivity.code).toBe('LIMIT_EXCEEDED');

  // 3. the day comes: start, check in, two hours later check out, complete
  clock.advance(2 * 3_600_000);
  expect(
    (
      await t.gql(
        `mutation($id: ID!) { startVolunteerActivity(input: { activityId: $id }) { __typename } }`,
        { id: activity.id },
        worker,
      )
    ).data.startVolunteerActivity.__typename,
  ).toBe('StartVolunteerActivityPayload');
  const roll = await t.gql(
    `query Roll($id: ID!) { volunteerActivity(id: $id) { enrollments { totalCount edges { node {
      id volunteerName status } } } } }`,
    { id: activity.id },
    worker,
  );
  const enrollments = roll.data.volunteerActivity.enrollments.edges.map(
    (e: { node: { id: string; volunteerName: string } }) => e.node,
  );
  expect(enrollments.map((e: { volunteerName: string }) => e.volunteerName).sort()).toEqual(['何福琴', '蒲晓'].sort());
  for (const e of enrollments)
    expect(
      (await t.gql(`mutation($e: ID!) { checkIn(input: { enrollmentId: $e }) { __typename } }`, { e: e.id }, worker))
        .data.checkIn.__typename,
    ).toBe('CheckInPayload');
  clock.advance(2 * 3_600_000);
  for (const e of enrollments)
    expect(
      (
        await t.gql(
          `mutation($e: ID!) { checkOut(input: { enrollmentId: $e }) { __typename ... on CheckOutPayload { enrollment {
            servedHours } } } }`,
          { e: e.id },
          worker,
        )
      ).data.checkOut.enrollment.servedHours,
    ).toBe(2);
  expect(
    (
      await t.gql(
        `mutation($id: ID!) { completeVolunteerActivity(input: { activityId: $id }) { __typename } }`,
        { id: activity.id },
        worker,
      )
    ).data.completeVolunteerActivity.__typename,
  ).toBe('CompleteVolunteerActivityPayload');

  // 4. the organiser confirms the hours
  for (const e of enrollments) {
    const r = await t.gql(
      `mutation Confirm($e: ID!) { confirmServiceHours(input: { enrollmentId: $e }) { __typename
        ... on ConfirmServiceHoursPayload { record { hours organizationName confirmedByName } } ... on Error {
        code message } } }`,
      { e: e.id },
      worker,
    );
    expect(r.data.confirmServiceHours.record).toEqual({
      hours: 2,
      organizationName: '晶彩城社区志愿服务中心',
      confirmedByName: '李静',
    });
  }
  const after = await t.gql(`{ viewer { account { person { volunteer { totalHours hoursThisYear } } } } }`, {}, pu);
  expect(after.data.viewer.account.person.volunteer.totalHours).toBe(122);

  // 5. 小蒲 asks for a certificate for this year; 6. anyone verifies its serial
  const cert = await t.gql(
    `mutation Certificate($p: ID!, $from: DateTime!, $to: DateTime!) { issueVolunteerCertificate(input: {
      personId: $p, from: $from, to: $to }) {
      __typename ... on IssueVolunteerCertificatePayload { certificate {
        serial issuedAt issuerName totalHours recordCount volunteerName entries { title hours } } } ... on Error {
        code message } } }`,
    { p: puPerson.id, from: '2026-01-01T00:00:00+08:00', to: clock.now().toISOString() },
    pu,
  );
  const c = cert.data.issueVolunteerCertificate.certificate;
  expect(c.volunteerName).toBe('蒲晓');
  expect(c.entries.map((e: { title: string }) => e.title)).toContain('为独居老人清扫积雪');
  expect(c.totalHours).toBe(after.data.viewer.account.person.volunteer.hoursThisYear);
  const check = await t.gql(
    `query Verify($s: String!) { verifyVolunteerCertificate(serial: $s) {
      valid maskedName totalHours recordCount issuedAt } }`,
    { s: c.serial },
    { headers: { 'x-township': '652301004' } },
  );
  expect(check.data.verifyVolunteerCertificate).toEqual({
    valid: true,
    maskedName: '蒲*',
    totalHours: c.totalHours,
    recordCount: c.recordCount,
    issuedAt: c.issuedAt,
  });
});
