// Priority 2: sign-up with a capacity that holds under concurrency, cancel, check-in and check-out.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { engine, type ManualClock, type TestApp } from '../../helpers.js';
import { activityMutation, app, CREATE_ACTIVITY, ok, parseGlobal, personId, regionId, SIGN_UP } from './helpers.js';

let t: TestApp;
let clock: ManualClock;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const HOUR = 3_600_000;

beforeAll(async () => {
  ({ t, clock } = await app());
  for (const u of ['admin', 'jingcaicheng-worker', 'member-pu', 'resident-he', 'yuanlin-worker'])
    tokens[u] = await t.login(u);
  ids.jingcaicheng = await regionId(t, '652301004001');
  ids.pu = await personId(t, tokens.admin!, '蒲晓');
  ids.he = await personId(t, tokens.admin!, '何福琴');
});
afterAll(() => t.close());

const worker = () => ({ token: tokens['jingcaicheng-worker'] });

/** a published activity of 晶彩城社区 starting `inHours` from now */
async function recruiting(capacity: number, inHours = 2, title = '测试活动') {
  const start = new Date(clock.now().getTime() + inHours * HOUR);
  const input = {
    communityId: ids.jingcaicheng,
    title,
    category: 'OTHER',
    place: '晶彩城社区',
    capacity,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * HOUR).toISOString(),
  };
  const id = ok(await t.gql(CREATE_ACTIVITY, { input }, worker()), 'createVolunteerActivity').activity.id;
  ok(
    await t.gql(
      activityMutation('publishVolunteerActivity', 'PublishVolunteerActivityPayload'),
      { input: { activityId: id } },
      worker(),
    ),
    'publishVolunteerActivity',
  );
  return id;
}

/** `n` residents of 晶彩城社区 registered as volunteers (test fixture written directly) */
async function volunteers(n: number): Promise<string[]> {
  const c = await t.db.prisma.region.findUniqueOrThrow({ where: { code: '652301004001' } });
  const people = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    name: `测试志愿者${i}`,
    homeCommunityId: c.id,
    homePath: c.path,
    birthDate: new Date('1990-01-01'),
  }));
  await t.db.prisma.person.createMany({ data: people });
  await t.db.prisma.volunteer.createMany({
    data: people.map((p) => ({
      personId: p.id,
      communityId: c.id,
      regionPath: c.path,
      recordConsentAt: clock.now(),
      registeredAt: clock.now(),
    })),
  });
  return people.map((p) => encodeGlobalID('Person', p.id));
}

const enrolledRows = (activityGlobalId: string) =>
  t.db.prisma.volunteerEnrollment.count({
    where: { activityId: parseGlobal(activityGlobalId), status: { not: 'CANCELLED' } },
  });
const activityRow = (activityGlobalId: string) =>
  t.db.prisma.volunteerActivity.findUniqueOrThrow({ where: { id: parseGlobal(activityGlobalId) } });

describe(`capacity under concurrency (${engine()})`, () => {
  it('100 simultaneous sign-ups for 30 places enrol exactly 30; the rest get LIMIT_EXCEEDED', async () => {
    const activityId = await recruiting(30);
    const people = await volunteers(100);
    const results = await Promise.all(
      people.map((p) => t.gql(SIGN_UP, { input: { activityId, personId: p } }, worker())),
    );
    const kinds = results.map((r) =>
      r.data?.signUpForActivity?.__typename === 'SignUpForActivityPayload'
        ? 'ok'
        : (r.data?.signUpForActivity?.code ?? JSON.stringify(r.errors)),
    );
    expect(kinds.filter((k) => k === 'ok')).toHaveLength(30);
    expect(kinds.filter((k) => k !== 'ok').every((k) => k === 'LIMIT_EXCEEDED' || k === 'CONFLICT')).toBe(true);
    expect(await enrolledRows(activityId)).toBe(30);
    expect((await activityRow(activityId)).enrolledCount).toBe(30);
    const view = await t.gql(
      `query($id: ID!) { volunteerActivity(id: $id) {
        enrolledCount remainingPlaces enrollments(first: 1) { totalCount } } }`,
      { id: activityId },
      worker(),
    );
    expect(view.data.volunteerActivity).toEqual({
      enrolledCount: 30,
      remainingPlaces: 0,
      enrollments: { totalCount: 30 },
    });
  });

  it('shows enrollments with full names to organisers, masked to analysts, only one’s own to members', async () => {
    for (const u of ['analyst', 'member-pu']) tokens[u] = await t.login(u);
    const activityId = await recruiting(5);
    const [someone] = await volunteers(1);
    ok(await t.gql(SIGN_UP, { input: { activityId, personId: someone } }, worker()), 'signUpForActivity');
    ok(await t.gql(SIGN_UP, { input: { activityId } }, { token: tokens['member-pu'] }), 'signUpForActivity');
    const Q = `query($id: ID!) { volunteerActivity(id: $id) {
        enrollments { totalCount edges { node { volunteerName person { name } } } } } }`;
    const names = (r: any) => {
      expect(r.errors).toBeUndefined();
      return r.data.volunteerActivity.enrollments.edges
        .map((e: any) => [e.node.volunteerName, e.node.person?.name ?? null])
        .sort();
    };
    expect(names(await t.gql(Q, { id: activityId }, worker()))).toEqual(
      [
        ['测试志愿者0', '测试志愿者0'],
        ['蒲晓', '蒲晓'],
      ].sort(),
    );
    expect(names(await t.gql(Q, { id: activityId }, { token: tokens.analyst }))).toEqual(
      [
        ['测*****', null],
        ['蒲*', null],
      ].sort(),
    );
    expect(names(await t.gql(Q, { id: activityId }, { token: tokens['member-pu'] }))).toEqual([['蒲晓', '蒲晓']]);
    expect(
      (await t.gql(Q, { id: activityId }, { token: tokens['resident-he'] })).data.volunteerActivity.enrollments
        .totalCount,
    ).toBe(0);
  });

  it('the same person signing up 20 times at once is enrolled once', async () => {
    const activityId = await recruiting(30);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.gql(SIGN_UP, { input: { activityId } }, { token: tokens['member-pu'] })),
    );
    const oks = results.filter((r) => r.data.signUpForActivity.__typename === 'SignUpForActivityPayload');
    expect(oks).toHaveLength(1);
    expect(results.filter((r) => r.data.signUpForActivity.code === 'CONFLICT')).toHaveLength(19);
    expect(await enrolledRows(activityId)).toBe(1);
    expect((await activityRow(activityId)).enrolledCount).toBe(1);
  });

  it('50 people each signing up twice for 20 places: 20 distinct people enrolled', async () => {
    const activityId = await recruiting(20);
    const people = await volunteers(50);
    await Promise.all(
      [...people, ...people].map((p) => t.gql(SIGN_UP, { input: { activityId, personId: p } }, worker())),
    );
    const rows = await t.db.prisma.volunteerEnrollment.findMany({ where: { activityId: parseGlobal(activityId) } });
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.personId)).size).toBe(20);
    expect((await activityRow(activityId)).enrolledCount).toBe(20);
  });
});

describe('sign-up rules 报名', () => {
  it('needs a registered volunteer, a recruiting activity, and the right to sign that person up', async () => {
    const activityId = await recruiting(5);
    const notVolunteer = await t.gql(SIGN_UP, { input: { activityId } }, { token: tokens['resident-he'] });
    expect(notVolunteer.data.signUpForActivity.code).toBe('PRECONDITION_FAILED');
    const forOther = await t.gql(SIGN_UP, { input: { activityId, personId: ids.he } }, { token: tokens['member-pu'] });
    expect(forOther.data.signUpForActivity.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    const otherWorker = await t.gql(
      SIGN_UP,
      { input: { activityId, personId: ids.pu } },
      { token: tokens['yuanlin-worker'] },
    );
    expect(otherWorker.data.signUpForActivity.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    const draft = ok(
      await t.gql(
        CREATE_ACTIVITY,
        {
          input: {
            communityId: ids.jingcaicheng,
            title: '草稿',
            category: 'OTHER',
            place: 'x',
            capacity: 3,
            startsAt: new Date(clock.now().getTime() + HOUR).toISOString(),
            endsAt: new Date(clock.now().getTime() + 2 * HOUR).toISOString(),
          },
        },
        worker(),
      ),
      'createVolunteerActivity',
    ).activity.id;
    expect(
      (await t.gql(SIGN_UP, { input: { activityId: draft } }, { token: tokens['member-pu'] })).data.signUpForActivity
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (await t.gql(SIGN_UP, { input: { activityId: draft, personId: ids.pu } }, worker())).data.signUpForActivity.code,
    ).toBe('INVALID_TRANSITION');
  });

  it('cancelling before the start frees the place; signing up again re-uses the enrollment', async () => {
    const activityId = await recruiting(1);
    const [a, b] = await volunteers(2);
    const first = ok(
      await t.gql(SIGN_UP, { input: { activityId, personId: a } }, worker()),
      'signUpForActivity',
    ).enrollment;
    expect((await t.gql(SIGN_UP, { input: { activityId, personId: b } }, worker())).data.signUpForActivity.code).toBe(
      'LIMIT_EXCEEDED',
    );
    const CANCEL = `mutation($e: ID!) { cancelSignUp(input: { enrollmentId: $e }) { __typename
        ... on CancelSignUpPayload { enrollment { status activity { enrolledCount } } } ... on Error { code } } }`;
    expect(ok(await t.gql(CANCEL, { e: first.id }, worker()), 'cancelSignUp').enrollment).toEqual({
      status: 'CANCELLED',
      activity: { enrolledCount: 0 },
    });
    expect((await t.gql(CANCEL, { e: first.id }, worker())).data.cancelSignUp.code).toBe('INVALID_TRANSITION');
    expect((await activityRow(activityId)).enrolledCount).toBe(0);
    ok(await t.gql(SIGN_UP, { input: { activityId, personId: b } }, worker()), 'signUpForActivity');
    expect((await t.gql(SIGN_UP, { input: { activityId, personId: a } }, worker())).data.signUpForActivity.code).toBe(
      'LIMIT_EXCEEDED',
    );
    const holder = await t.db.prisma.volunteerEnrollment.findFirstOrThrow({
      where: { activityId: parseGlobal(activityId), status: 'SIGNED_UP' },
    });
    ok(await t.gql(CANCEL, { e: encodeGlobalID('VolunteerEnrollment', holder.id) }, worker()), 'cancelSignUp');
    const again = ok(
      await t.gql(SIGN_UP, { input: { activityId, personId: a } }, worker()),
      'signUpForActivity',
    ).enrollment;
    expect(again).toEqual({ id: first.id, status: 'SIGNED_UP' });
  });

  it('closes sign-up at the start', async () => {
    const activityId = await recruiting(5, 1);
    clock.advance(HOUR + 1000);
    const late = await t.gql(SIGN_UP, { input: { activityId } }, { token: tokens['member-pu'] });
    expect(late.data.signUpForActivity.code).toBe('INVALID_TRANSITION');
  });
});

describe('check-in and check-out 签到签退', () => {
  const CHECK = (m: 'checkIn' | 'checkOut') => `mutation($e: ID!) { ${m}(input: { enrollmentId: $e }) { __typename
    ... on ${m[0]!.toUpperCase()}${m.slice(1)}Payload { enrollment { status checkInAt checkOutAt servedHours } }
    ... on Error { code message } } }`;

  it(
    'organisers check volunteers in and out while ONGOING; ' + 'the volunteer may do it within the activity time',
    async () => {
      for (const u of ['jingcaicheng-worker', 'member-pu']) tokens[u] = await t.login(u);
      const activityId = await recruiting(5, 3);
      const e = ok(await t.gql(SIGN_UP, { input: { activityId } }, { token: tokens['member-pu'] }), 'signUpForActivity')
        .enrollment.id;
      expect(
        (
          await t.gql(
            CHECK('checkIn'),
            {
              e,
            },
            worker(),
          )
        ).data.checkIn.code,
      ).toBe('INVALID_TRANSITION'); // still recruiting
      ok(
        await t.gql(
          activityMutation('startVolunteerActivity', 'StartVolunteerActivityPayload'),
          { input: { activityId } },
          worker(),
        ),
        'startVolunteerActivity',
      );
      const early = await t.gql(CHECK('checkIn'), { e }, { token: tokens['member-pu'] });
      expect(early.data.checkIn.code).toBe('FORBIDDEN'); // three hours before the start
      clock.advance(3 * HOUR + 5 * 60_000);
      const inn = ok(await t.gql(CHECK('checkIn'), { e }, { token: tokens['member-pu'] }), 'checkIn').enrollment;
      expect(inn.status).toBe('CHECKED_IN');
      expect((await t.gql(CHECK('checkIn'), { e }, worker())).data.checkIn.code).toBe('INVALID_TRANSITION');
      expect((await t.gql(CHECK('checkIn'), { e }, { token: tokens['yuanlin-worker'] })).data.checkIn.code).toBe(
        'NOT_FOUND',
      );
      clock.advance(2.5 * HOUR);
      const out = ok(await t.gql(CHECK('checkOut'), { e }, worker()), 'checkOut').enrollment;
      expect(out).toMatchObject({ status: 'CHECKED_OUT', servedHours: 2.5 });
      expect((await t.gql(CHECK('checkOut'), { e }, worker())).data.checkOut.code).toBe('INVALID_TRANSITION');
      const trail = await t.db.prisma.auditLog.findMany({
        where: { entityId: parseGlobal(e) },
        orderBy: { at: 'asc' },
      });
      expect(trail.map((a) => a.action)).toEqual([
        'volunteering.signUp',
        'volunteering.checkIn',
        'volunteering.checkOut',
      ]);
    },
  );
});
