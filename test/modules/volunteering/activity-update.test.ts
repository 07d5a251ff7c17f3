// updateVolunteerActivity 修改活动: organisers edit DRAFT / RECRUITING activities; capacity never below the
// places taken, also against concurrent sign-ups; times of a recruiting activity only before its start.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { engine, type ManualClock, type TestApp } from '../../helpers.js';
import { activityMutation, app, CREATE_ACTIVITY, ok, parseGlobal, regionId, SIGN_UP } from './helpers.js';

let t: TestApp;
let clock: ManualClock;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const HOUR = 3_600_000;

const UPDATE = `mutation($input: UpdateVolunteerActivityInput!) { updateVolunteerActivity(input: $input) { __typename
  ... on UpdateVolunteerActivityPayload { activity {
    id status title place description category capacity enrolledCount startsAt endsAt team { name } } }
  ... on Error { code message details } ... on ValidationError { issues { path message } } } }`;

beforeAll(async () => {
  ({ t, clock } = await app());
  for (const u of [
    'admin',
    'jingcaicheng-worker',
    'yuanlin-worker',
    'member-pu',
    'weijiachang-grid',
    'beiwucha-admin',
    'zhou-admin',
  ])
    tokens[u] = await t.login(u);
  for (const [k, code] of [
    ['jingcaicheng', '652301004001'],
    ['village201', '652324104201'],
    ['beiwucha', '652324104'],
  ])
    ids[k!] = await regionId(t, code!);
  const team = async (name: string) =>
    encodeGlobalID('VolunteerTeam', (await t.db.prisma.volunteerTeam.findFirstOrThrow({ where: { name } })).id);
  ids.jingcaiTeam = await team('晶彩城社区党员志愿服务队');
  ids.inspectionTeam = await team('北五岔镇安全隐患排查志愿服务队');
  ids.muleiTeam = await team('滨河社区党员志愿服务队');
});
afterAll(() => t.close());

const worker = () => ({ token: tokens['jingcaicheng-worker'] });
const update = (input: Record<string, unknown>, token = tokens['jingcaicheng-worker']) =>
  t
    .gql(UPDATE, { input }, { token })
    .then((r) => r.data?.updateVolunteerActivity ?? { code: JSON.stringify(r.errors) });
const row = (globalId: string) =>
  t.db.prisma.volunteerActivity.findUniqueOrThrow({ where: { id: parseGlobal(globalId) } });
const updateAudits = (globalId: string) =>
  t.db.prisma.auditLog.findMany({
    where: { entityId: parseGlobal(globalId), action: 'volunteering.activity.update' },
    orderBy: { at: 'asc' },
  });
const iso = (ms: number) => new Date(ms).toISOString();

/** an activity of 晶彩城社区 starting `inHours` from now, as DRAFT or published */
async function activity(capacity: number, { inHours = 24, publish = true, title = '楼道清理' } = {}) {
  const start = clock.now().getTime() + inHours * HOUR;
  const input = {
    communityId: ids.jingcaicheng,
    title,
    category: 'LIVING_ENVIRONMENT',
    place: '3 号楼',
    capacity,
    startsAt: iso(start),
    endsAt: iso(start + 2 * HOUR),
    description: '自带手套',
  };
  const id = ok(await t.gql(CREATE_ACTIVITY, { input }, worker()), 'createVolunteerActivity').activity.id;
  if (publish)
    ok(
      await t.gql(
        activityMutation('publishVolunteerActivity', 'PublishVolunteerActivityPayload'),
        { input: { activityId: id } },
        worker(),
      ),
      'publishVolunteerActivity',
    );
  return id as string;
}

/** `n` registered volunteers of 晶彩城社区 (fixture written directly) */
async function volunteers(n: number): Promise<string[]> {
  const c = await t.db.prisma.region.findUniqueOrThrow({ where: { code: '652301004001' } });
  const people = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    name: `改期志愿者${i}`,
    homeCommunityId: c.id,
    homePath: c.path,
    birthDate: new Date('1992-03-01'),
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

async function signUpAll(activityId: string, people: string[]) {
  for (const p of people)
    ok(await t.gql(SIGN_UP, { input: { activityId, personId: p } }, worker()), 'signUpForActivity');
}

describe('updateVolunteerActivity 修改活动', () => {
  it('edits a draft: only the given fields change, and an audit entry lists the changes', async () => {
    const id = await activity(10, { publish: false });
    const before = await row(id);
    const start = before.startsAt.getTime() + 24 * HOUR;
    const res = await update({
      activityId: id,
      title: ' 楼道清理及扫雪 ',
      capacity: 12,
      startsAt: iso(start),
      endsAt: iso(start + 3 * HOUR),
      teamId: ids.jingcaiTeam,
    });
    expect(res.__typename).toBe('UpdateVolunteerActivityPayload');
    expect(res.activity).toMatchObject({
      status: 'DRAFT',
      title: '楼道清理及扫雪',
      place: '3 号楼',
      description: '自带手套',
      category: 'LIVING_ENVIRONMENT',
      capacity: 12,
      team: { name: '晶彩城社区党员志愿服务队' },
    });
    expect(new Date(res.activity.startsAt).getTime()).toBe(start);
    expect(new Date(res.activity.endsAt).getTime()).toBe(start + 3 * HOUR);

    const second = await update({
      activityId: id,
      description: null,
      category: 'ELDER_HELP',
      place: '4 号楼',
      teamId: null,
    });
    expect(second.activity).toMatchObject({
      title: '楼道清理及扫雪',
      description: null,
      category: 'ELDER_HELP',
      place: '4 号楼',
      capacity: 12,
      team: null,
    });

    const trail = await updateAudits(id);
    expect(trail).toHaveLength(2);
    expect(trail[0]!.data).toMatchObject({
      status: 'DRAFT',
      changes: {
        title: { from: '楼道清理', to: '楼道清理及扫雪' },
        capacity: { from: 10, to: 12 },
        startsAt: { to: iso(start) },
      },
    });
    expect(Object.keys((trail[1]!.data as { changes: object }).changes).sort()).toEqual([
      'category',
      'description',
      'place',
      'teamId',
    ]);
  });

  it(
    'a recruiting activity: capacity and times before its start; ' +
      'once the start is reached only the times are fixed',
    async () => {
      const id = await activity(10, { inHours: 2 });
      const later = (await row(id)).startsAt.getTime() + HOUR;
      expect(
        (await update({ activityId: id, startsAt: iso(later), endsAt: iso(later + 2 * HOUR), capacity: 8 })).activity,
      ).toMatchObject({ status: 'RECRUITING', capacity: 8 });
      clock.advance(3 * HOUR + 60_000); // past the new start; the sweep has not run, so it is still RECRUITING
      const before = await row(id);
      const late = await update({ activityId: id, endsAt: iso(later + 4 * HOUR) });
      expect(late.code).toBe('PRECONDITION_FAILED');
      expect((await update({ activityId: id, startsAt: iso(clock.now().getTime() + HOUR) })).code).toBe(
        'PRECONDITION_FAILED',
      );
      expect(await row(id)).toEqual(before);
      // unchanged times are not a change; other fields may still be corrected
      expect(
        (await update({ activityId: id, startsAt: before.startsAt.toISOString(), place: '社区广场' })).activity,
      ).toMatchObject({ place: '社区广场' });
    },
  );

  it('refuses input that createVolunteerActivity refuses, and changes nothing', async () => {
    const id = await activity(10, { publish: false });
    const before = await row(id);
    const now = clock.now().getTime();
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'input'],
      [{ title: '' }, 'input.title'],
      [{ title: 'x'.repeat(101) }, 'input.title'],
      [{ title: null }, 'input.title'],
      [{ place: 'x'.repeat(201) }, 'input.place'],
      [{ description: 'x'.repeat(2001) }, 'input.description'],
      [{ capacity: 10_001 }, 'input.capacity'],
      [{ capacity: null }, 'input.capacity'],
      [{ category: null }, 'input.category'],
      [{ startsAt: iso(now - HOUR), endsAt: iso(now + HOUR) }, 'input.startsAt'],
      [{ endsAt: iso(before.startsAt.getTime() - 1) }, 'input.endsAt'],
      [{ endsAt: iso(before.startsAt.getTime() + 32 * 24 * HOUR) }, 'input.endsAt'],
    ];
    for (const [input, path] of cases) {
      const r = await update({ activityId: id, ...input });
      expect(r.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(
        r.issues.map((i: { path: string }) => i.path),
        JSON.stringify(input),
      ).toContain(path);
    }
    const bad = await t.gql(UPDATE, { input: { activityId: id, capacity: 0 } }, worker());
    expect(bad.errors?.length).toBeGreaterThan(0); // PositiveInt refuses 0 before the resolver
    expect((await update({ activityId: id, teamId: ids.muleiTeam })).code).toBe('VALIDATION'); // a 木垒县 team
    expect((await update({ activityId: encodeGlobalID('VolunteerActivity', randomUUID()), title: '无' })).code).toBe(
      'NOT_FOUND',
    );
    expect(await row(id)).toEqual(before);
    expect(await updateAudits(id)).toHaveLength(0);
  });

  it(
    'only organisers edit; ' + 'changing the team needs a worker of the community or a leader of the new team',
    async () => {
      const draft = await activity(10, { publish: false });
      const open = await activity(10);
      const [d0, o0] = [await row(draft), await row(open)];
      // drafts are invisible to others
      expect((await update({ activityId: draft, title: '改' }, tokens['yuanlin-worker'])).code).toBe('NOT_FOUND');
      expect((await update({ activityId: open, title: '改' }, tokens['yuanlin-worker'])).code).toBe('FORBIDDEN');
      expect((await update({ activityId: open, title: '改' }, tokens['member-pu'])).code).toBe('FORBIDDEN');
      expect(await row(draft)).toEqual(d0);
      expect(await row(open)).toEqual(o0);

      // 赵刚 leads the township's inspection team: he organises its activity in another village,
      // but may not drop the team
      const start = clock.now().getTime() + 48 * HOUR;
      const input = {
        communityId: ids.village201,
        teamId: ids.inspectionTeam,
        title: '燃气安全检查',
        category: 'SAFETY_INSPECTION',
        place: '村委会',
        capacity: 6,
        startsAt: iso(start),
        endsAt: iso(start + 2 * HOUR),
      };
      const village = ok(
        await t.gql(CREATE_ACTIVITY, { input }, { token: tokens['weijiachang-grid'] }),
        'createVolunteerActivity',
      ).activity.id;
      expect((await update({ activityId: village, capacity: 8 }, tokens['weijiachang-grid'])).activity).toMatchObject({
        capacity: 8,
        team: { name: '北五岔镇安全隐患排查志愿服务队' },
      });
      const v0 = await row(village);
      expect((await update({ activityId: village, teamId: null }, tokens['weijiachang-grid'])).code).toBe('FORBIDDEN');
      expect(await row(village)).toEqual(v0);
      expect((await update({ activityId: village, teamId: null }, tokens['beiwucha-admin'])).activity.team).toBeNull();
    },
  );

  it('INVALID_TRANSITION once ONGOING, COMPLETED or CANCELLED, and nothing changes', async () => {
    const ongoing = await activity(5);
    ok(
      await t.gql(
        activityMutation('startVolunteerActivity', 'StartVolunteerActivityPayload'),
        { input: { activityId: ongoing } },
        worker(),
      ),
      'startVolunteerActivity',
    );
    const completed = await activity(5);
    ok(
      await t.gql(
        activityMutation('startVolunteerActivity', 'StartVolunteerActivityPayload'),
        { input: { activityId: completed } },
        worker(),
      ),
      'startVolunteerActivity',
    );
    ok(
      await t.gql(
        activityMutation('completeVolunteerActivity', 'CompleteVolunteerActivityPayload'),
        { input: { activityId: completed } },
        worker(),
      ),
      'completeVolunteerActivity',
    );
    const cancelled = await activity(5);
    const CANCEL = `mutation($id: ID!) {
      cancelVolunteerActivity(input: { activityId: $id, reason: "天气原因" }) { __typename } }`;
    expect((await t.gql(CANCEL, { id: cancelled }, worker())).data.cancelVolunteerActivity.__typename).toBe(
      'CancelVolunteerActivityPayload',
    );
    for (const id of [ongoing, completed, cancelled]) {
      const before = await row(id);
      expect((await update({ activityId: id, title: '改名', capacity: 9 })).code).toBe('INVALID_TRANSITION');
      expect(await row(id)).toEqual(before);
      expect(await updateAudits(id)).toHaveLength(0);
    }
  });

  it(
    'capacity may not go below the places taken (LIMIT_EXCEEDED); ' + 'equal is fine and then the activity is full',
    async () => {
      const id = await activity(5);
      const people = await volunteers(4);
      await signUpAll(id, people.slice(0, 3));
      const before = await row(id);
      const r = await update({ activityId: id, capacity: 2, title: '同时改名' });
      expect(r).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { capacity: 2, enrolledCount: 3 } });
      expect(await row(id)).toEqual(before);
      expect(await updateAudits(id)).toHaveLength(0);
      expect((await update({ activityId: id, capacity: 3 })).activity).toMatchObject({ capacity: 3, enrolledCount: 3 });
      expect(
        (await t.gql(SIGN_UP, { input: { activityId: id, personId: people[3] } }, worker())).data.signUpForActivity
          .code,
      ).toBe('LIMIT_EXCEEDED');
    },
  );
});

describe(`capacity against concurrent sign-ups (${engine()})`, () => {
  it('changing the capacity while 30 people sign up never leaves more enrolled than places', async () => {
    const outcomes: string[] = [];
    // the edit (10 taken → capacity 20) goes out at different points among the sign-ups: it either lowers the
    // capacity and the late sign-ups are refused, or it is refused because more than 20 were already in —
    // also when it read 10 and the sign-ups committed before its UPDATE (the conditional WHERE decides)
    for (const [position, target] of [0, 2, 4, 6, 8, 10, 12, 14, 16, 20].map((p) => [p, 20] as const)) {
      const id = await activity(30);
      await signUpAll(id, await volunteers(10));
      const people = await volunteers(30);
      const calls: Promise<{ kind: 'update' | 'signUp'; r: any }>[] = [];
      for (const [i, p] of people.entries()) {
        if (i === position)
          calls.push(update({ activityId: id, capacity: target }).then((r) => ({ kind: 'update' as const, r })));
        calls.push(
          t
            .gql(SIGN_UP, { input: { activityId: id, personId: p } }, worker())
            .then((r) => ({ kind: 'signUp' as const, r: r.data?.signUpForActivity ?? r.errors })),
        );
      }
      if (position >= people.length)
        calls.push(update({ activityId: id, capacity: target }).then((r) => ({ kind: 'update' as const, r })));
      const results = await Promise.all(calls);
      const edit = results.find((x) => x.kind === 'update')!.r;
      const signed = results.filter((x) => x.kind === 'signUp' && x.r.__typename === 'SignUpForActivityPayload').length;
      const refused = results.filter((x) => x.kind === 'signUp' && x.r.__typename !== 'SignUpForActivityPayload');
      expect(
        refused.every((x) => x.r.code === 'LIMIT_EXCEEDED'),
        JSON.stringify(refused[0]),
      ).toBe(true);

      const final = await row(id);
      const rows = await t.db.prisma.volunteerEnrollment.count({
        where: { activityId: final.id, status: { not: 'CANCELLED' } },
      });
      expect(final.enrolledCount).toBe(rows);
      expect(final.enrolledCount).toBe(10 + signed);
      expect(final.enrolledCount).toBeLessThanOrEqual(final.capacity);
      if (edit.__typename === 'UpdateVolunteerActivityPayload') {
        expect(final.capacity).toBe(target);
        expect(final.enrolledCount).toBeLessThanOrEqual(target);
        outcomes.push('lowered');
      } else {
        expect(edit.code).toBe('LIMIT_EXCEEDED');
        expect(edit.details.enrolledCount).toBeGreaterThan(target);
        expect(final.capacity).toBe(30);
        expect(final.enrolledCount).toBe(30);
        expect(await updateAudits(id)).toHaveLength(0);
        outcomes.push('refused');
      }
    }
    expect(outcomes).toHaveLength(10);
  });
});

describe('module switch', () => {
  it('refuses edits in a township where the module is off; back on, editing works again', async () => {
    const start = clock.now().getTime() + 72 * HOUR;
    const input = {
      communityId: ids.village201,
      title: '秸秆清理',
      category: 'LIVING_ENVIRONMENT',
      place: '村口',
      capacity: 6,
      startsAt: iso(start),
      endsAt: iso(start + 2 * HOUR),
    };
    const id = ok(
      await t.gql(CREATE_ACTIVITY, { input }, { token: tokens['beiwucha-admin'] }),
      'createVolunteerActivity',
    ).activity.id;
    const SWITCH = `mutation($r: ID!, $on: Boolean!) {
      setModuleEnabled(input: { regionId: $r, moduleId: "volunteering", enabled: $on, note: "试点" }) { __typename }
    }`;
    expect(
      (await t.gql(SWITCH, { r: ids.beiwucha, on: false }, { token: tokens['beiwucha-admin'] })).data.setModuleEnabled
        .__typename,
    ).toBe('SetModuleEnabledPayload');
    const before = await row(id);
    // the township's own schema no longer has it
    expect((await update({ activityId: id, capacity: 9 }, tokens['zhou-admin'])).code).toBe('MODULE_DISABLED');
    expect(await row(id)).toEqual(before);
    expect(
      (await t.gql(SWITCH, { r: ids.beiwucha, on: true }, { token: tokens['beiwucha-admin'] })).data.setModuleEnabled
        .__typename,
    ).toBe('SetModuleEnabledPayload');
    expect((await update({ activityId: id, capacity: 9 }, tokens['zhou-admin'])).activity.capacity).toBe(9);
  });
});
