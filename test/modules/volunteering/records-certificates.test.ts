// Priorities 3 and 4: confirmed hours within the deadline, corrections as versions, the
// volunteering.hoursVerified event, totals and star levels, certificates and their public check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock, TestApp } from '../../helpers.js';
import { activityMutation, app, CREATE_ACTIVITY, ok, parseGlobal, personId, regionId, SIGN_UP } from './helpers.js';

let t: TestApp;
let clock: ManualClock;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const enr: Record<string, string> = {};
const HOUR = 3_600_000;
const logins = async () => {
  for (const u of [
    'admin',
    'zhou-admin',
    'jingcaicheng-worker',
    'member-pu',
    'resident-he',
    'yuanlin-worker',
    'analyst',
  ])
    tokens[u] = await t.login(u);
};
const worker = () => ({ token: tokens['jingcaicheng-worker'] });
const CHECK = (m: string) =>
  `mutation($e: ID!) { ${m}(input: { enrollmentId: $e }) { __typename ... on Error { code message } } }`;
const CONFIRM = `mutation($input: ConfirmServiceHoursInput!) { confirmServiceHours(input: $input) { __typename
  ... on ConfirmServiceHoursPayload { record {
    id hours version kind title organizationName confirmedByName volunteerName versions { version hours reason } } }
  ... on Error { code message } ... on ValidationError { issues { path } } } }`;

beforeAll(async () => {
  ({ t, clock } = await app());
  await logins();
  ids.jingcaicheng = await regionId(t, '652301004001');
  ids.jianguolu = await regionId(t, '652301004');
  for (const [k, n] of [
    ['pu', '蒲晓'],
    ['he', '何福琴'],
    ['gulnar', '古丽娜尔·艾力'],
    ['liJing', '李静'],
  ])
    ids[k!] = await personId(t, tokens.admin!, n!);
  for (const p of [ids.he, ids.gulnar]) {
    ok(
      await t.gql(
        `mutation($p: ID!) { registerVolunteer(input: { personId: $p, consentToRecords: true }) { __typename
          ... on Error { code } } }`,
        { p },
        worker(),
      ),
      'registerVolunteer',
      'RegisterVolunteerPayload',
    );
  }
  // an activity of 晶彩城社区 from +1h to +4h: 小蒲 2.5 h with check-out, 何福琴 without check-out,
  // 古丽娜尔 never checks in, 李静 checks out (confirmed late, after the deadline)
  const start = new Date(clock.now().getTime() + HOUR);
  const input = {
    communityId: ids.jingcaicheng,
    title: '楼栋安全宣传',
    category: 'LEGAL_PUBLICITY',
    place: '晶彩城小区',
    capacity: 10,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * HOUR).toISOString(),
    description: '入户发放安全用电宣传单',
  };
  ids.activity = ok(await t.gql(CREATE_ACTIVITY, { input }, worker()), 'createVolunteerActivity').activity.id;
  ok(
    await t.gql(
      activityMutation('publishVolunteerActivity', 'PublishVolunteerActivityPayload'),
      { input: { activityId: ids.activity } },
      worker(),
    ),
    'publishVolunteerActivity',
  );
  for (const [k, p] of [
    ['pu', ids.pu],
    ['he', ids.he],
    ['gulnar', ids.gulnar],
    ['liJing', ids.liJing],
  ]) {
    enr[k!] = ok(
      await t.gql(SIGN_UP, { input: { activityId: ids.activity, personId: p } }, worker()),
      'signUpForActivity',
    ).enrollment.id;
  }
  clock.advance(HOUR);
  ok(
    await t.gql(
      activityMutation('startVolunteerActivity', 'StartVolunteerActivityPayload'),
      { input: { activityId: ids.activity } },
      worker(),
    ),
    'startVolunteerActivity',
  );
  for (const k of ['pu', 'he', 'liJing'])
    ok(await t.gql(CHECK('checkIn'), { e: enr[k] }, worker()), 'checkIn', 'CheckInPayload');
  clock.advance(2.5 * HOUR);
  for (const k of ['pu', 'liJing'])
    ok(await t.gql(CHECK('checkOut'), { e: enr[k] }, worker()), 'checkOut', 'CheckOutPayload');
  clock.advance(HOUR);
  ok(
    await t.gql(
      activityMutation('completeVolunteerActivity', 'CompleteVolunteerActivityPayload'),
      { input: { activityId: ids.activity } },
      worker(),
    ),
    'completeVolunteerActivity',
  );
});
afterAll(() => t.close());

describe('confirming hours 谁组织谁记录', () => {
  it('only the organiser confirms, and only attended enrollments', async () => {
    expect(
      (await t.gql(CONFIRM, { input: { enrollmentId: enr.pu } }, { token: tokens['member-pu'] })).data
        .confirmServiceHours.code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.gql(CONFIRM, { input: { enrollmentId: enr.gulnar, hours: 2, note: '补录' } }, worker())).data
        .confirmServiceHours.code,
    ).toBe('INVALID_TRANSITION');
  });

  it('takes the hours from check-in/out and publishes volunteering.hoursVerified', async () => {
    const r = ok(await t.gql(CONFIRM, { input: { enrollmentId: enr.pu } }, worker()), 'confirmServiceHours').record;
    expect(r).toMatchObject({
      hours: 2.5,
      version: 1,
      kind: 'SERVICE',
      title: '楼栋安全宣传',
      confirmedByName: '李静',
      volunteerName: '蒲晓',
      versions: [{ version: 1, hours: 2.5, reason: null }],
    });
    ids.record = r.id;
    // the demo data's hours went through the same event (seeded before the test clock); this one is new
    const events = await t.db.prisma.domainEvent.findMany({
      where: { type: 'volunteering.hoursVerified', createdAt: { gte: clock.now() } },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({
      personId: parseGlobal(ids.pu),
      hours: 2.5,
      recordId: parseGlobal(r.id),
      activityTitle: '楼栋安全宣传',
    });
    expect(events[0]!.regionPath).toContain('/652301004001/');
    expect((await t.gql(CONFIRM, { input: { enrollmentId: enr.pu } }, worker())).data.confirmServiceHours.code).toBe(
      'CONFLICT',
    );
    const e = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on VolunteerEnrollment { status record { hours } } } }`,
      { id: enr.pu },
      { token: tokens['member-pu'] },
    );
    expect(e.data.node).toEqual({ status: 'CONFIRMED', record: { hours: 2.5 } });
  });

  it('needs explicit hours and a reason when they differ from check-in/out', async () => {
    const noHours = await t.gql(CONFIRM, { input: { enrollmentId: enr.he } }, worker());
    expect(noHours.data.confirmServiceHours).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'input.hours' }] });
    const noNote = await t.gql(CONFIRM, { input: { enrollmentId: enr.he, hours: 2 } }, worker());
    expect(noNote.data.confirmServiceHours).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'input.note' }] });
    const tooLong = await t.gql(CONFIRM, { input: { enrollmentId: enr.he, hours: 9, note: '全天' } }, worker());
    expect(tooLong.data.confirmServiceHours.issues[0].path).toBe('input.hours');
    expect(await t.db.prisma.volunteerServiceRecord.count({ where: { enrollmentId: parseGlobal(enr.he) } })).toBe(0);
    const r = ok(
      await t.gql(
        CONFIRM,
        { input: { enrollmentId: enr.he, hours: 2, note: '忘记签退，按现场记录 2 小时' } },
        worker(),
      ),
      'confirmServiceHours',
    ).record;
    expect(r.versions).toEqual([{ version: 1, hours: 2, reason: '忘记签退，按现场记录 2 小时' }]);
  });

  it('refuses confirmation after the township’s deadline (setting recordDeadlineDays)', async () => {
    const set = await t.gql(
      `mutation($r: ID!) { setModuleSetting(input: {
        regionId: $r, moduleId: "volunteering", key: "recordDeadlineDays", value: 1 }) { __typename ... on Error {
        code message } } }`,
      { r: ids.jianguolu },
      { token: tokens['zhou-admin'] },
    );
    expect(set.data.setModuleSetting.__typename).toBe('SetModuleSettingPayload');
    const bad = await t.gql(
      `mutation($r: ID!) { setModuleSetting(input: {
        regionId: $r, moduleId: "volunteering", key: "recordDeadlineDays", value: 0 }) { __typename ... on Error {
        code } } }`,
      { r: ids.jianguolu },
      { token: tokens['zhou-admin'] },
    );
    expect(bad.data.setModuleSetting.code).toBe('VALIDATION');
    clock.advance(25 * HOUR);
    await logins();
    // 李静 is the organising worker and a volunteer here: nobody confirms their own hours
    expect(
      (await t.gql(CONFIRM, { input: { enrollmentId: enr.liJing } }, worker())).data.confirmServiceHours.code,
    ).toBe('FORBIDDEN');
    const late = await t.gql(CONFIRM, { input: { enrollmentId: enr.liJing } }, { token: tokens['zhou-admin'] });
    expect(late.data.confirmServiceHours).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(late.data.confirmServiceHours.message).toContain('1 天');
  });
});

describe('corrections 更正 as new versions', () => {
  const REQUEST = `mutation($input: RequestServiceRecordCorrectionInput!) {
    requestServiceRecordCorrection(input: $input) { __typename
    ... on RequestServiceRecordCorrectionPayload { request { id status } } ... on Error { code } } }`;
  const ANSWER = `mutation($input: AnswerServiceRecordCorrectionInput!) { answerServiceRecordCorrection(input: $input) {
    __typename
    ... on AnswerServiceRecordCorrectionPayload { request { status answer resultVersion record {
      hours version versions { version hours reason changedByName } } } } ... on Error { code } } }`;

  it('the volunteer asks, the organiser accepts: version 2 with the reason, and an event', async () => {
    expect(
      (
        await t.gql(
          REQUEST,
          { input: { recordId: ids.record, reason: '签到晚扫码', requestedHours: 3 } },
          { token: tokens['resident-he'] },
        )
      ).data.requestServiceRecordCorrection.code,
    ).toBe('FORBIDDEN');
    const req = ok(
      await t.gql(
        REQUEST,
        { input: { recordId: ids.record, reason: '提前到场布置，签到晚扫码', requestedHours: 3 } },
        { token: tokens['member-pu'] },
      ),
      'requestServiceRecordCorrection',
    ).request;
    expect(req.status).toBe('OPEN');
    expect(
      (await t.gql(REQUEST, { input: { recordId: ids.record, reason: '再次申请' } }, { token: tokens['member-pu'] }))
        .data.requestServiceRecordCorrection.code,
    ).toBe('CONFLICT');
    expect(
      (
        await t.gql(
          ANSWER,
          { input: { requestId: req.id, accept: true, answer: '核实无误' } },
          { token: tokens['member-pu'] },
        )
      ).data.answerServiceRecordCorrection.code,
    ).toBe('FORBIDDEN');
    const answered = ok(
      await t.gql(ANSWER, { input: { requestId: req.id, accept: true, answer: '经核实，同意更正' } }, worker()),
      'answerServiceRecordCorrection',
    ).request;
    expect(answered).toMatchObject({ status: 'ACCEPTED', resultVersion: 2, record: { hours: 3, version: 2 } });
    expect(answered.record.versions.map((v: { version: number; hours: number }) => [v.version, v.hours])).toEqual([
      [1, 2.5],
      [2, 3],
    ]);
    expect(answered.record.versions[1].reason).toContain('提前到场布置');
    expect(
      (await t.gql(ANSWER, { input: { requestId: req.id, accept: false, answer: '重复处理' } }, worker())).data
        .answerServiceRecordCorrection.code,
    ).toBe('INVALID_TRANSITION');
    const events = await t.db.prisma.domainEvent.findMany({ where: { type: 'volunteering.hoursCorrected' } });
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ previousHours: 2.5, hours: 3, delta: 0.5 }),
    ]);
  });

  it('a rejected request leaves the record as it was', async () => {
    const req = ok(
      await t.gql(
        REQUEST,
        { input: { recordId: ids.record, reason: '应为 4 小时', requestedHours: 4 } },
        { token: tokens['member-pu'] },
      ),
      'requestServiceRecordCorrection',
    ).request;
    const answered = ok(
      await t.gql(ANSWER, { input: { requestId: req.id, accept: false, answer: '活动 3 小时，不予更正' } }, worker()),
      'answerServiceRecordCorrection',
    ).request;
    expect(answered).toMatchObject({ status: 'REJECTED', resultVersion: null, record: { hours: 3, version: 2 } });
  });

  it('organisers correct with a reason; versions can never be edited', async () => {
    const CORRECT = `mutation($input: CorrectServiceRecordInput!) { correctServiceRecord(input: $input) { __typename
      ... on CorrectServiceRecordPayload { record { hours version } } ... on Error { code } } }`;
    expect(
      (await t.gql(CORRECT, { input: { recordId: ids.record, hours: 2, reason: '' } }, worker())).data
        .correctServiceRecord.code,
    ).toBe('VALIDATION');
    expect(
      (
        await t.gql(
          CORRECT,
          { input: { recordId: ids.record, hours: 9, reason: '自己改' } },
          { token: tokens['member-pu'] },
        )
      ).data.correctServiceRecord.code,
    ).toBe('FORBIDDEN');
    expect(
      ok(
        await t.gql(CORRECT, { input: { recordId: ids.record, hours: 2.75, reason: '扣除往返路途时间' } }, worker()),
        'correctServiceRecord',
      ).record,
    ).toEqual({ hours: 2.75, version: 3 });
    const v = await t.db.prisma.volunteerServiceRecordVersion.findFirstOrThrow({
      where: { recordId: parseGlobal(ids.record), version: 1 },
    });
    await expect(
      t.db.prisma.volunteerServiceRecordVersion.update({ where: { id: v.id }, data: { hours: 10 } }),
    ).rejects.toThrow(/append-only/);
    const audit = await t.db.prisma.auditLog.count({
      where: { action: 'volunteering.record.correct', entityId: parseGlobal(ids.record) },
    });
    expect(audit).toBe(2);
  });

  it('records training and awards, but never service hours by hand', async () => {
    const ADD = `mutation($input: AddVolunteerRecordInput!) { addVolunteerRecord(input: $input) { __typename
      ... on AddVolunteerRecordPayload { record { kind hours } } ... on Error { code } } }`;
    const base = {
      personId: ids.he,
      title: '志愿者通用培训',
      content: '志愿服务条例与安全常识',
      startsAt: '2026-10-01T02:00:00Z',
      endsAt: '2026-10-01T05:00:00Z',
      hours: 3,
    };
    expect((await t.gql(ADD, { input: { ...base, kind: 'SERVICE' } }, worker())).data.addVolunteerRecord.code).toBe(
      'VALIDATION',
    );
    expect(
      (await t.gql(ADD, { input: { ...base, kind: 'TRAINING' } }, { token: tokens['yuanlin-worker'] })).data
        .addVolunteerRecord.code,
    ).toBe('NOT_FOUND');
    expect(
      ok(await t.gql(ADD, { input: { ...base, kind: 'TRAINING' } }, worker()), 'addVolunteerRecord').record,
    ).toEqual({ kind: 'TRAINING', hours: 3 });
  });
});

describe('totals and star levels 星级', () => {
  const ME = `{ viewer { account { person { volunteer {
    totalHours hoursThisYear starLevel records(first: 3, kind: SERVICE) { totalCount edges { node {
    hours } } } } } } } }`;

  it('sums verified service hours overall and this year, and follows the thresholds', async () => {
    const v = (await t.gql(ME, {}, { token: tokens['member-pu'] })).data.viewer.account.person.volunteer;
    const all = await t.db.prisma.volunteerServiceRecord.aggregate({
      where: { personId: parseGlobal(ids.pu), kind: 'SERVICE' },
      _sum: { hours: true },
    });
    expect(v.totalHours).toBe(Number(all._sum.hours));
    expect(v.totalHours).toBe(122.75); // 120 seeded + 2.75 confirmed and corrected
    expect(v.hoursThisYear).toBeGreaterThan(0);
    expect(v.hoursThisYear).toBeLessThan(v.totalHours);
    expect(v.starLevel).toBe(1); // default 100 / 300 / 600 / 1000 / 1500
    expect(v.records.totalCount).toBe(25);
    const SET = `mutation($r: ID!, $v: JSON) { setModuleSetting(input: {
      regionId: $r, moduleId: "volunteering", key: "starThresholds", value: $v }) { __typename ... on Error {
      code message } } }`;
    for (const bad of [[10, 20, 30], [10, 30, 20, 40, 50], [0, 1, 2, 3, 4], 'many']) {
      expect(
        (await t.gql(SET, { r: ids.jianguolu, v: bad }, { token: tokens['zhou-admin'] })).data.setModuleSetting.code,
      ).toBe('VALIDATION');
    }
    ok(
      await t.gql(SET, { r: ids.jianguolu, v: [10, 20, 50, 100, 120] }, { token: tokens['zhou-admin'] }),
      'setModuleSetting',
      'SetModuleSettingPayload',
    );
    expect((await t.gql(ME, {}, { token: tokens['member-pu'] })).data.viewer.account.person.volunteer.starLevel).toBe(
      5,
    );
    ok(
      await t.gql(SET, { r: ids.jianguolu, v: [50, 123, 200, 300, 400] }, { token: tokens['zhou-admin'] }),
      'setModuleSetting',
      'SetModuleSettingPayload',
    );
    expect((await t.gql(ME, {}, { token: tokens['member-pu'] })).data.viewer.account.person.volunteer.starLevel).toBe(
      1,
    );
  });
});

describe('certificates 志愿服务证明', () => {
  const ISSUE = `mutation($input: IssueVolunteerCertificateInput!) { issueVolunteerCertificate(input: $input) {
    __typename
    ... on IssueVolunteerCertificatePayload { certificate {
      id serial issuerName volunteerName volunteerNumber totalHours recordCount starLevel entries { kind hours } } }
    ... on Error { code message } } }`;
  const VERIFY = `query($s: String!) { verifyVolunteerCertificate(serial: $s) {
    valid serial maskedName totalHours recordCount issuerName issuedAt } }`;
  // 小蒲's seeded year of service is 2024 (the demo anchor), the confirmed record is the clock's
  const period = () => ({
    from: '2024-01-01T00:00:00+08:00',
    to: clock.now().toISOString(),
  });

  it('issues a certificate with a unique serial and an immutable snapshot', async () => {
    const c = ok(
      await t.gql(ISSUE, { input: { personId: ids.pu, ...period() } }, { token: tokens['member-pu'] }),
      'issueVolunteerCertificate',
    ).certificate;
    expect(c.serial).toMatch(/^ZYZM-2026-[0-9A-Z]{10}$/);
    expect(c).toMatchObject({
      issuerName: '晶彩城社区志愿服务中心',
      volunteerName: '蒲晓',
      totalHours: 122.75,
      recordCount: 27,
    });
    expect(
      c.entries
        .filter((e: { kind: string }) => e.kind !== 'SERVICE')
        .map((e: { kind: string }) => e.kind)
        .sort(),
    ).toEqual(['AWARD', 'TRAINING']);
    ids.serial = c.serial;
    const row = await t.db.prisma.volunteerCertificate.findUniqueOrThrow({ where: { serial: c.serial } });
    await expect(
      t.db.prisma.volunteerCertificate.update({ where: { id: row.id }, data: { recordCount: 1 } }),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.prisma.volunteerCertificate.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    const second = ok(
      await t.gql(ISSUE, { input: { personId: ids.pu, ...period() } }, worker()),
      'issueVolunteerCertificate',
    ).certificate;
    expect(second.serial).not.toBe(c.serial);
    expect(second.totalHours).toBe(c.totalHours);
  });

  it('is refused for others, for empty periods and for non-volunteers', async () => {
    expect(
      (await t.gql(ISSUE, { input: { personId: ids.pu, ...period() } }, { token: tokens['resident-he'] })).data
        .issueVolunteerCertificate.code,
    ).toMatch(/FORBIDDEN|NOT_FOUND/);
    const empty = await t.gql(
      ISSUE,
      { input: { personId: ids.pu, from: '2010-01-01T00:00:00Z', to: '2011-01-01T00:00:00Z' } },
      { token: tokens['member-pu'] },
    );
    expect(empty.data.issueVolunteerCertificate.code).toBe('PRECONDITION_FAILED');
    const reversed = await t.gql(
      ISSUE,
      { input: { personId: ids.pu, from: '2026-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } },
      { token: tokens['member-pu'] },
    );
    expect(reversed.data.issueVolunteerCertificate.code).toBe('VALIDATION');
  });

  it('anyone verifies a serial and sees only the masked name and totals', async () => {
    const anon = await t.gql(VERIFY, { s: ids.serial!.toLowerCase() }, { headers: { 'x-township': '652301004' } });
    expect(anon.data.verifyVolunteerCertificate).toMatchObject({
      valid: true,
      serial: ids.serial,
      maskedName: '蒲*',
      totalHours: 122.75,
      recordCount: 27,
      issuerName: '晶彩城社区志愿服务中心',
    });
    expect(JSON.stringify(anon)).not.toContain('蒲晓');
    const fields = await t.gql(
      `{ __type(name: "VolunteerCertificateCheck") { fields { name } } }`,
      {},
      { headers: { 'x-township': '652301004' } },
    );
    expect(fields.data.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual([
      'issuedAt',
      'issuerName',
      'maskedName',
      'periodFrom',
      'periodTo',
      'recordCount',
      'serial',
      'totalHours',
      'valid',
    ]);
    expect(
      (await t.gql(VERIFY, { s: 'ZYZM-2026-0000000000' }, { headers: { 'x-township': '652301004' } })).data
        .verifyVolunteerCertificate,
    ).toBeNull();
    expect(
      (await t.gql(VERIFY, { s: 'nonsense' }, { token: tokens.analyst })).data.verifyVolunteerCertificate,
    ).toBeNull();
  });

  it('never changes after issue, even when a listed record is corrected', async () => {
    const CORRECT = `mutation($input: CorrectServiceRecordInput!) { correctServiceRecord(input: $input) {
      __typename } }`;
    ok(
      await t.gql(CORRECT, { input: { recordId: ids.record, hours: 1, reason: '复核后调整' } }, worker()),
      'correctServiceRecord',
      'CorrectServiceRecordPayload',
    );
    const again = await t.gql(VERIFY, { s: ids.serial }, { token: tokens.analyst });
    expect(again.data.verifyVolunteerCertificate.totalHours).toBe(122.75);
  });
});
