// The escalations found in issue #11 §2, each closed as a class: accounts only inside the creator's area
// and below their role; nobody awards, redeems or reverses their own points; confirmed service hours
// never exceed the attended time inside the activity's window without a correction approved by another.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, DEMO_PASSWORD, ManualClock, type TestApp } from '../helpers.js';

let t: TestApp;
const clock = new ManualClock();
const tokens: Record<string, string> = {};
const HOUR = 3_600_000;

const run = async (who: string, field: string, input: Record<string, unknown>, select = '') => {
  const type = `${field[0]!.toUpperCase()}${field.slice(1)}Input`;
  const r = await t.gql(
    `mutation($i: ${type}!) { r: ${field}(input: $i) { __typename ... on Error { code message } ${select} } }`,
    { i: input },
    { token: tokens[who] },
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.r as { __typename: string; code?: string } & Record<string, any>;
};
const gid = (type: string, id: string) => encodeGlobalID(type, id);
const auditCount = () => t.db.prisma.auditLog.count();

beforeAll(async () => {
  t = await createTestApp({ modules: installedModules, clock });
  for (const u of [
    'admin',
    'beiwucha-admin',
    'weijiachang-grid',
    'weijiachang-worker',
    'jingcaicheng-worker',
    'member-pu',
  ]) {
    tokens[u] = await t.login(u);
  }
}, 120_000);
afterAll(() => t?.close());

describe('accounts: inside the creator’s area, below their role', () => {
  const STAFF = 'a township admin cannot make staff of the county’s department or of another community’s care operator';
  it(STAFF, async () => {
    const township = await t.db.prisma.region.findFirstOrThrow({ where: { name: '北五岔镇' } });
    const county = await t.db.prisma.organization.findFirstOrThrow({ where: { name: '玛纳斯县应急管理局' } });
    const operator = await t.db.prisma.careFacility.findFirstOrThrow({
      where: { operatorId: { not: null }, NOT: { regionPath: { startsWith: township.path } } },
    });
    const before = await auditCount();
    for (const organizationId of [county.id, operator.operatorId!]) {
      const r = await run('beiwucha-admin', 'createAccount', {
        username: `x-${organizationId.slice(0, 8)}`,
        password: DEMO_PASSWORD,
        role: 'DEPARTMENT_STAFF',
        regionId: gid('Region', township.id),
        organizationId: gid('Organization', organizationId),
      });
      expect(r.code).toBe('NOT_FOUND');
    }
    const peer = await run(
      'beiwucha-admin',
      'createAccount',
      {
        username: 'x-peer-admin',
        password: DEMO_PASSWORD,
        role: 'REGION_ADMIN',
        regionId: gid('Region', township.id),
      },
      '... on ValidationError { issues { path } }',
    );
    expect(peer.issues).toEqual([expect.objectContaining({ path: 'input.role' })]);
    expect(await auditCount()).toBe(before);
  });

  it('an admin cannot reset or disable an account of their own role, nor one outside their area', async () => {
    const peer = await t.db.prisma.account.create({
      data: {
        username: 'x-village-admin',
        passwordHash: 'x',
        role: 'REGION_ADMIN',
        ...(await regionOf('weijiachang-grid')),
      },
    });
    const outside = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'yuanlin-worker' } });
    const before = await auditCount();
    expect(
      (
        await run('beiwucha-admin', 'resetAccountPassword', {
          accountId: gid('Account', peer.id),
          newPassword: 'Another-pass-99',
        })
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (await run('beiwucha-admin', 'setAccountDisabled', { accountId: gid('Account', peer.id), disabled: true })).code,
    ).toBe('FORBIDDEN');
    expect(
      (await run('beiwucha-admin', 'setAccountDisabled', { accountId: gid('Account', outside.id), disabled: true }))
        .code,
    ).toBe('NOT_FOUND');
    expect(await auditCount()).toBe(before);
  });
});

async function regionOf(username: string) {
  const a = await t.db.prisma.account.findUniqueOrThrow({ where: { username } });
  return { regionId: a.regionId, regionPath: a.regionPath };
}

describe('points: nobody acts on their own points', () => {
  it('the grid worker cannot award, redeem or reverse for himself; another worker records his redemption', async () => {
    const me = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'weijiachang-grid' } });
    const person = gid('Person', me.personId!);
    const rule = await t.db.prisma.pointsRule.findFirstOrThrow({
      where: { regionPath: { startsWith: '/' }, active: true, code: 'PATROL' },
    });
    const item = await t.db.prisma.pointsStoreItem.findFirstOrThrow({
      where: { townshipId: rule.townshipId, stock: { gt: 0 } },
    });
    const before = await auditCount();
    const entries = await t.db.prisma.pointsEntry.count();
    expect(
      (
        await run('weijiachang-grid', 'awardPoints', {
          personId: person,
          ruleId: gid('PointsRule', rule.id),
          idempotencyKey: 'self-1',
        })
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await run('weijiachang-grid', 'redeemPoints', {
          personId: person,
          itemId: gid('PointsStoreItem', item.id),
          idempotencyKey: 'self-2',
        })
      ).code,
    ).toBe('FORBIDDEN');
    const own = await t.db.prisma.pointsEntry.findFirst({ where: { account: { personId: me.personId! } } });
    if (own) {
      expect(
        (
          await run('weijiachang-grid', 'reversePointsEntry', {
            entryId: gid('PointsEntry', own.id),
            idempotencyKey: 'self-3',
            note: '自己冲正',
          })
        ).code,
      ).toBe('FORBIDDEN');
    }
    expect(await t.db.prisma.pointsEntry.count()).toBe(entries);
    expect(await auditCount()).toBe(before);
    const award = await run('weijiachang-worker', 'awardPoints', {
      personId: person,
      ruleId: gid('PointsRule', rule.id),
      idempotencyKey: 'other-1',
    });
    expect(award.__typename).toBe('AwardPointsPayload');
  });
});

describe('service hours: never more than attended inside the activity’s window', () => {
  it('refuses 2 hours for a check-in and check-out seconds apart before the start', async () => {
    const community = await t.db.prisma.region.findFirstOrThrow({ where: { name: '晶彩城社区' } });
    const pu = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'member-pu' } });
    const startsAt = new Date(clock.now().getTime() + 2 * HOUR);
    const created = await run(
      'jingcaicheng-worker',
      'createVolunteerActivity',
      {
        communityId: gid('Region', community.id),
        title: '秩序维护',
        category: 'LEGAL_PUBLICITY',
        place: '晶彩城小区',
        capacity: 5,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
      },
      '... on CreateVolunteerActivityPayload { activity { id } }',
    );
    const activityId = created.activity.id;
    await run('jingcaicheng-worker', 'publishVolunteerActivity', { activityId });
    const signUp = await run(
      'jingcaicheng-worker',
      'signUpForActivity',
      { activityId, personId: gid('Person', pu.personId!) },
      '... on SignUpForActivityPayload { enrollment { id } }',
    );
    const enrollmentId = signUp.enrollment.id;
    // the organiser starts it early and checks in and out seconds apart, an hour before its start time
    clock.advance(HOUR);
    await run('jingcaicheng-worker', 'startVolunteerActivity', { activityId });
    expect((await run('jingcaicheng-worker', 'checkIn', { enrollmentId })).__typename).toBe('CheckInPayload');
    clock.advance(5_000);
    expect((await run('jingcaicheng-worker', 'checkOut', { enrollmentId })).__typename).toBe('CheckOutPayload');
    clock.advance(HOUR * 5);
    await run('jingcaicheng-worker', 'completeVolunteerActivity', { activityId });
    const tooMuch = await run(
      'jingcaicheng-worker',
      'confirmServiceHours',
      { enrollmentId, hours: 2, note: '按实际服务' },
      '... on ValidationError { issues { path } }',
    );
    expect(tooMuch.issues, JSON.stringify(tooMuch)).toEqual([expect.objectContaining({ path: 'input.hours' })]);
    const local = Buffer.from(enrollmentId, 'base64').toString().split(':')[1]!;
    expect(await t.db.prisma.volunteerServiceRecord.count({ where: { enrollmentId: local } })).toBe(0);
  });
});
