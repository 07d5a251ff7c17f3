// 发展党员 end to end: an applicant is admitted and advanced to full member, each too-early step is
// refused with PRECONDITION_FAILED naming what is missing, and nothing changes when refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock, TestApp } from '../../helpers.js';
import { regionId } from '../../helpers.js';
import { expectError, expectOk, mutate, orgId, ORGS, roster, start } from './kit.js';

let t: TestApp;
let clock: ManualClock;
let admin: string;
let media: string;
const DAY = 86_400_000;
/** moves the clock; tokens expire, so log in again */
async function advanceClock(ms: number) {
  clock.advance(ms);
  admin = await t.login('admin');
}
const today = () => new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ t, clock } = await start());
  admin = await t.login('admin');
  media = await orgId(t, ORGS.media);
});
afterAll(() => t.close());

async function createPerson(name: string, birthDate: string) {
  const r = await mutate(
    t,
    admin,
    'createPerson',
    { name, birthDate, homeCommunityId: await regionId(t, '652301004001') },
    'person { id }',
  );
  return expectOk(r).person.id as string;
}
const file = async (membershipId: string) => {
  const r = await t.gql(
    `query($id: ID!) { node(id: $id) { ... on PartyMembership { stage status activistAt candidateAt
      admittedAt approvedAt probationEndsAt fullAt
      steps { kind at } decisions { action toStage decidedAt meeting { kind } } introducers { id } contacts {
        id } person { partyMember } } } }`,
    { id: membershipId },
    { token: admin },
  );
  expect(r.errors).toBeUndefined();
  return r.data.node;
};
async function meeting(kind: string, present: string[], extra: Record<string, unknown> = {}) {
  const r = await mutate(
    t,
    admin,
    'recordPartyMeeting',
    {
      organizationId: media,
      kind,
      heldAt: new Date(clock.now().getTime() - 3_600_000).toISOString(),
      place: '会议室',
      topic: '研究发展党员',
      attendance: present.map((personId) => ({ personId, status: 'PRESENT' })),
      ...extra,
    },
    'meeting { id quorumMet votingMembers votingPresent }',
  );
  return expectOk(r).meeting as { id: string; quorumMet: boolean | null };
}
const advance = (membershipId: string, stage: string, extra: Record<string, unknown> = {}) =>
  mutate(
    t,
    admin,
    'advanceMembership',
    { membershipId, stage, decidedAt: today(), ...extra },
    'membership { id stage }',
  );
const step = (membershipId: string, kind: string, extra: Record<string, unknown> = {}) =>
  mutate(t, admin, 'recordDevelopmentStep', { membershipId, kind, at: today(), ...extra }, 'membership { id }');

describe('overdue items and concurrency (demo data, before the clock moves)', () => {
  it('lists the talk, assessment and approval that are late in the media branch', async () => {
    const r = await t.gql(
      `query($id: ID!) { partyOrganization(id: $id) { overdueItems { kind dueOn membership { stage } } } }`,
      { id: media },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    const kinds = r.data.partyOrganization.overdueItems.map((o: any) => `${o.kind}:${o.membership.stage}`).sort();
    expect(kinds).toEqual(['APPROVAL:PROBATIONARY', 'ASSESSMENT:ACTIVIST', 'TALK:APPLICANT']);
    const analyst = await t.login('analyst');
    const denied = await t.gql(
      `query($id: ID!) { partyOrganization(id: $id) { overdueItems { kind } } }`,
      { id: media },
      { token: analyst },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('admits one applicant once when 20 admissions race', async () => {
    const personId = await createPerson('赛跑者', '1999-01-01');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        mutate(
          t,
          admin,
          'admitApplicant',
          { personId, organizationId: media, appliedAt: today() },
          'membership { id }',
        ),
      ),
    );
    expect(results.filter((r) => r.__typename === 'AdmitApplicantPayload')).toHaveLength(1);
    expect(results.filter((r) => r.code === 'CONFLICT')).toHaveLength(19);
  });
});

describe('an applicant becomes a full member', () => {
  it('refuses an applicant under 18 and changes nothing', async () => {
    const young = await createPerson('少年甲', '2009-12-01');
    expectError(
      await mutate(t, admin, 'admitApplicant', { personId: young, organizationId: media, appliedAt: today() }),
      'PRECONDITION_FAILED',
      'AGE_18',
    );
    const r = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Person { partyMembership { id } } } }`,
      { id: young },
      { token: admin },
    );
    expect(r.data.node.partyMembership).toBeNull();
  });

  it('walks every stage, refusing each step taken too early', async () => {
    const personId = await createPerson('申请人乙', '2000-05-05');
    const members = await roster(t, admin, media);
    const full = members.filter((m) => m.stage === 'FULL').map((m) => m.personId);
    const committee = (
      await t.gql(
        `query($id: ID!) { partyOrganization(id: $id) { committee { members { person { id } } } } }`,
        { id: media },
        { token: admin },
      )
    ).data.partyOrganization.committee.members.map((m: any) => m.person.id);
    const [c1, c2] = full.filter((p) => !committee.includes(p));

    const admitted = expectOk(
      await mutate(
        t,
        admin,
        'admitApplicant',
        { personId, organizationId: media, appliedAt: today() },
        'membership { id stage }',
      ),
    );
    const id = admitted.membership.id as string;
    expect(admitted.membership.stage).toBe('APPLICANT');

    // → ACTIVIST: needs a talk, contacts and the committee's meeting
    expectError(await advance(id, 'ACTIVIST'), 'PRECONDITION_FAILED', 'TALK', 'CONTACTS', 'MEETING');
    expectError(await advance(id, 'CANDIDATE'), 'INVALID_TRANSITION');
    expectError(await step(id, 'POLITICAL_REVIEW'), 'PRECONDITION_FAILED', 'STAGE_CANDIDATE');
    expect((await file(id)).stage).toBe('APPLICANT');
    expect((await file(id)).steps).toHaveLength(0);
    expectOk(await step(id, 'TALK'));
    const cm1 = await meeting('COMMITTEE_MEETING', committee);
    expectError(await advance(id, 'ACTIVIST', { meetingId: cm1.id, contactIds: [personId] }), 'VALIDATION');
    expectOk(await advance(id, 'ACTIVIST', { meetingId: cm1.id, contactIds: [c1] }));

    // → CANDIDATE: at least a year as activist, assessed every 6 months
    expectError(await advance(id, 'CANDIDATE', { meetingId: cm1.id }), 'PRECONDITION_FAILED', 'ACTIVIST_ONE_YEAR');
    await advanceClock(176 * DAY);
    expectOk(await step(id, 'ASSESSMENT'));
    await advanceClock(194 * DAY);
    const cm2 = await meeting('COMMITTEE_MEETING', committee);
    const noSecondAssessment = expectError(
      await advance(id, 'CANDIDATE', { meetingId: cm2.id, introducerIds: [c1, c2] }),
      'PRECONDITION_FAILED',
      'ASSESSMENT',
    );
    expect(noSecondAssessment.message).not.toContain('ACTIVIST_ONE_YEAR');
    expectOk(await step(id, 'ASSESSMENT'));
    expectOk(await advance(id, 'CANDIDATE', { meetingId: cm2.id, introducerIds: [c1, c2] }));

    // → PROBATIONARY: political review, 24 hours of training, public notice, a members' meeting with a quorum
    const early = expectError(
      await advance(id, 'PROBATIONARY'),
      'PRECONDITION_FAILED',
      'POLITICAL_REVIEW',
      'TRAINING',
      'PUBLIC_NOTICE',
      'MEMBERS_MEETING',
    );
    expect(early.message).not.toContain('INTRODUCERS');
    expectOk(await step(id, 'POLITICAL_REVIEW'));
    expectOk(await step(id, 'TRAINING', { hours: 16 }));
    expectOk(await step(id, 'PUBLIC_NOTICE'));
    const thin = await meeting('MEMBERS_MEETING', full.slice(0, 3));
    expect(thin.quorumMet).toBe(false);
    const r1 = expectError(
      await advance(id, 'PROBATIONARY', { meetingId: thin.id }),
      'PRECONDITION_FAILED',
      'TRAINING',
      'QUORUM',
    );
    expect(r1.message).not.toContain('POLITICAL_REVIEW');
    expectOk(await step(id, 'TRAINING', { hours: 8 }));
    const quorate = await meeting('MEMBERS_MEETING', full);
    expect(quorate.quorumMet).toBe(true);
    expectOk(await advance(id, 'PROBATIONARY', { meetingId: quorate.id }));
    let f = await file(id);
    expect(f).toMatchObject({ stage: 'PROBATIONARY', approvedAt: null, person: { partyMember: true } });
    expect(f.introducers.map((p: any) => p.id).sort()).toEqual([c1, c2].sort());

    // approval is for the committee above (the media branch has none in the system: administrators)
    const pu = await t.login('member-pu');
    expectError(await mutate(t, pu, 'approveAdmission', { membershipId: id, approvedAt: today() }), 'FORBIDDEN');
    expectError(
      await advance(id, 'FULL', { meetingId: quorate.id }),
      'PRECONDITION_FAILED',
      'APPROVAL',
      'PROBATION_ONE_YEAR',
    );
    await advanceClock(30 * DAY);
    expectOk(
      await mutate(t, admin, 'approveAdmission', { membershipId: id, approvedAt: today() }, 'membership { id }'),
    );
    expectError(
      await mutate(t, admin, 'approveAdmission', { membershipId: id, approvedAt: today() }),
      'INVALID_TRANSITION',
    );

    // → FULL after one year of probation, by a members' meeting
    await advanceClock(340 * DAY);
    const after = await meeting('MEMBERS_MEETING', full);
    expectOk(await advance(id, 'FULL', { meetingId: after.id }));
    f = await file(id);
    expect(f.stage).toBe('FULL');
    expect(f.decisions.map((d: any) => `${d.action}:${d.toStage}`)).toEqual([
      'APPLIED:APPLICANT',
      'ADVANCED:ACTIVIST',
      'ADVANCED:CANDIDATE',
      'ADVANCED:PROBATIONARY',
      'APPROVED:PROBATIONARY',
      'ADVANCED:FULL',
    ]);
    expect(f.decisions.filter((d: any) => d.action === 'ADVANCED').map((d: any) => d.meeting.kind)).toEqual([
      'COMMITTEE_MEETING',
      'COMMITTEE_MEETING',
      'MEMBERS_MEETING',
      'MEMBERS_MEETING',
    ]);
    expect(f.steps.map((s: any) => s.kind)).toEqual([
      'TALK',
      'ASSESSMENT',
      'ASSESSMENT',
      'POLITICAL_REVIEW',
      'TRAINING',
      'PUBLIC_NOTICE',
      'TRAINING',
    ]);
    expectError(await advance(id, 'FULL'), 'INVALID_TRANSITION');
  });
});

describe('probation extended once, or cancelled', () => {
  it("extends by 6–12 months once when probation ends, and cancels with a members' meeting", async () => {
    const members = await roster(t, admin, media);
    const probationary = members.find((m) => m.stage === 'PROBATIONARY' && m.name !== '申请人乙')!;
    const full = members.filter((m) => m.stage === 'FULL').map((m) => m.personId);
    const mm = await meeting('MEMBERS_MEETING', full);
    // the demo probationary member was admitted long before the clock moved: probation is over
    expectError(
      await mutate(t, admin, 'extendProbation', {
        membershipId: probationary.membershipId,
        months: 13,
        decidedAt: today(),
        meetingId: mm.id,
      }),
      'VALIDATION',
    );
    expectOk(
      await mutate(
        t,
        admin,
        'extendProbation',
        { membershipId: probationary.membershipId, months: 6, decidedAt: today(), meetingId: mm.id },
        'membership { id }',
      ),
    );
    expectError(
      await mutate(t, admin, 'extendProbation', {
        membershipId: probationary.membershipId,
        months: 6,
        decidedAt: today(),
        meetingId: mm.id,
      }),
      'INVALID_TRANSITION',
      '一次',
    );
    expectOk(
      await mutate(
        t,
        admin,
        'cancelProbation',
        { membershipId: probationary.membershipId, decidedAt: today(), meetingId: mm.id },
        'membership { id }',
      ),
    );
    const f = await file(probationary.membershipId);
    expect(f).toMatchObject({ status: 'CANCELLED', person: { partyMember: false } });
  });
});
