// 助餐: menus, computed prices from the township's subsidy table, cut-off, one booking per slot,
// capacity under concurrency, 留样 and serving.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionId, type ManualClock, type TestApp } from '../../helpers.js';
import { facilityByName, newApp, ok, personId, YUANLIN } from './helpers.js';

let t: TestApp;
let worker: string;
let mealPoint: string;
const clock = () => t.clock as ManualClock;
// the demo clock is 2026-11-25T02:00Z (10:00 Beijing); 园林 books until 20:00 the day before
const TOMORROW = '2026-11-26';

const MENUS = `query($id: ID!, $from: Date) { careFacility(id: $id) { menus(from: $from, days: 2) { id date meal
  capacity booked available open cutoffAt standardPriceFen } } }`;
const BOOK = `mutation($i: BookMealInput!) { bookMeal(input: $i) { __typename
  ... on BookMealPayload { booking { id status delivery standardPriceFen deliveryFeeFen subsidyFen priceFen subsidyRule
    person { name } menu { booked } } }
  ... on Error { code message } } }`;
const CANCEL = `mutation($id: ID!) { cancelMealBooking(input: { bookingId: $id }) { __typename ... on
  CancelMealBookingPayload { booking { status menu { booked } } } ... on Error { code message } } }`;
const SERVE = `mutation($id: ID!) { markMealServed(input: { bookingId: $id }) { __typename ... on MarkMealServedPayload
  { booking { status servedAt } } ... on Error { code message } } }`;
const PUBLISH = `mutation($i: PublishMealMenuInput!) { publishMealMenu(input: $i) { __typename ... on
  PublishMealMenuPayload { menu { id capacity booked cutoffAt dishes } } ... on ValidationError { issues { path } } ...
  on Error { code message } } }`;

async function menu(date: string, meal: string) {
  const r = await t.gql(MENUS, { id: mealPoint, from: date }, { token: worker });
  return r.data.careFacility.menus.find((m: any) => m.date === date && m.meal === meal);
}
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

beforeAll(async () => {
  t = await newApp();
  worker = await t.login('yuanlin-worker');
  mealPoint = (await facilityByName(t, '园林社区老年助餐点', worker)).id;
});
afterAll(() => t.close());

describe('menus and prices', () => {
  it("the coming week is published, with the point's cut-off (20:00 Beijing the day before)", async () => {
    const r = await t.gql(MENUS, { id: mealPoint, from: '2026-11-25' }, { token: worker });
    expect(r.data.careFacility.menus).toHaveLength(4);
    const today = r.data.careFacility.menus.find((m: any) => m.date === '2026-11-25' && m.meal === 'LUNCH');
    expect(today).toMatchObject({ open: false, cutoffAt: '2026-11-24T12:00:00.000Z', standardPriceFen: 1500 });
    expect((await menu(TOMORROW, 'LUNCH')).open).toBe(true);
    const week = await t.gql(
      `query($id: ID!) { careFacility(id: $id) { menus(from: "2026-11-25", days: 7) { id } } }`,
      { id: mealPoint },
      { token: worker },
    );
    expect(week.data.careFacility.menus).toHaveLength(14);
  });

  it("computes each elder's price from categories, age and the latest valid assessment (就高不叠加)", async () => {
    const lunch = await menu(TOMORROW, 'LUNCH');
    const book = async (name: string, delivery = false) =>
      ok(
        await t.gql(
          BOOK,
          { i: { menuId: lunch.id, personId: await personId(t, worker, name), delivery } },
          { token: worker },
        ),
        'bookMeal',
      ).booking;
    // 王孝梅 78, 空巢, 轻度: no subsidy; delivered: + 3.00
    expect(await book('王孝梅', true)).toMatchObject({
      standardPriceFen: 1500,
      deliveryFeeFen: 300,
      subsidyFen: 0,
      priceFen: 1800,
      subsidyRule: null,
      delivery: true,
    });
    // 马秀英 89 特困 重度: 特困 15.00 is the highest → free
    expect(await book('马秀英')).toMatchObject({ subsidyFen: 1500, priceFen: 0, subsidyRule: 'EXTREME_POVERTY' });
    // 刘桂兰 85, 失能 assessed 中度: 8.00
    expect(await book('刘桂兰')).toMatchObject({ subsidyFen: 800, priceFen: 700, subsidyRule: 'DEPENDENT' });
    // 张德福 81 低保: 6.00 beats 高龄 3.00
    expect(await book('张德福')).toMatchObject({ subsidyFen: 600, priceFen: 900, subsidyRule: 'LOW_INCOME' });
    expect((await menu(TOMORROW, 'LUNCH')).booked).toBe(4);
  });

  it("a township's own table (模块参数 mealPricing) changes the computed price; a malformed table is refused", async () => {
    const admin = await t.login('zhou-admin');
    const township = await regionId(t, '652301006');
    const set = (value: unknown) =>
      t.gql(
        `mutation($i: SetModuleSettingInput!) { setModuleSetting(input: $i) { __typename ... on Error { code message }
          } }`,
        { i: { regionId: township, moduleId: 'elder-care', key: 'mealPricing', value } },
        { token: admin },
      );
    const bad = await set({ prices: { LUNCH: 1 }, rules: [] });
    expect(bad.data.setModuleSetting.code).toBe('VALIDATION');
    const table = {
      prices: { BREAKFAST: 300, LUNCH: 1000, DINNER: 800 },
      deliveryFeeFen: 200,
      stacking: 'SUM',
      rules: [
        { code: 'AGE_80', label: '高龄 80 岁以上', minAge: 80, subsidyFen: 200 },
        { code: 'LOW_INCOME', label: '低保', category: 'LOW_INCOME', subsidyFen: 300 },
      ],
    };
    expect((await set(table)).data.setModuleSetting.__typename).toBe('SetModuleSettingPayload');
    const dinner = await menu(TOMORROW, 'DINNER');
    expect(dinner.standardPriceFen).toBe(800);
    const r = ok(
      await t.gql(
        BOOK,
        { i: { menuId: dinner.id, personId: await personId(t, worker, '张德福'), delivery: true } },
        { token: worker },
      ),
      'bookMeal',
    );
    expect(r.booking).toMatchObject({
      standardPriceFen: 800,
      deliveryFeeFen: 200,
      subsidyFen: 500,
      priceFen: 500,
      subsidyRule: 'AGE_80+LOW_INCOME',
    });
  });

  it('publishes and republishes a menu; capacity never below the booked count; bad input is refused', async () => {
    const date = '2026-11-30';
    const first = ok(
      await t.gql(
        PUBLISH,
        { i: { facilityId: mealPoint, date, meal: 'BREAKFAST', dishes: ['小米粥', '花卷', ' '], capacity: 10 } },
        { token: worker },
      ),
      'publishMealMenu',
    );
    expect(first.menu).toMatchObject({
      capacity: 10,
      booked: 0,
      dishes: ['小米粥', '花卷'],
      cutoffAt: '2026-11-29T12:00:00.000Z',
    });
    const again = ok(
      await t.gql(
        PUBLISH,
        { i: { facilityId: mealPoint, date, meal: 'BREAKFAST', dishes: ['豆浆', '包子'], capacity: 12 } },
        { token: worker },
      ),
      'publishMealMenu',
    );
    expect(again.menu).toMatchObject({ id: first.menu.id, capacity: 12, dishes: ['豆浆', '包子'] });
    const lunch = await menu(TOMORROW, 'LUNCH');
    const shrink = await t.gql(
      PUBLISH,
      { i: { facilityId: mealPoint, date: TOMORROW, meal: 'LUNCH', dishes: ['米饭'], capacity: 3 } },
      { token: worker },
    );
    expect(shrink.data.publishMealMenu.code).toBe('LIMIT_EXCEEDED');
    expect((await menu(TOMORROW, 'LUNCH')).capacity).toBe(lunch.capacity);
    const bad = await t.gql(
      PUBLISH,
      { i: { facilityId: mealPoint, date: '2026-11-01', meal: 'LUNCH', dishes: [], capacity: 0 } },
      { token: worker },
    );
    expect(bad.data.publishMealMenu.issues.map((i: any) => i.path).sort()).toEqual([
      'input.capacity',
      'input.date',
      'input.dishes',
    ]);
    const rehab = await t.gql(
      PUBLISH,
      {
        i: {
          facilityId: (await facilityByName(t, '滨河社区残疾人康复服务站', worker)).id,
          date,
          meal: 'LUNCH',
          dishes: ['面'],
          capacity: 5,
        },
      },
      { token: await t.login('zhou-admin') },
    );
    expect(rehab.data.publishMealMenu.code).toBe('PRECONDITION_FAILED');
    const other = await t.gql(
      PUBLISH,
      { i: { facilityId: mealPoint, date, meal: 'LUNCH', dishes: ['面'], capacity: 5 } },
      { token: await t.login('jingcaicheng-worker') },
    );
    expect(other.data.publishMealMenu.code).toBe('NOT_FOUND'); // a facility outside the worker's area
  });
});

describe('booking rules', () => {
  it(
    'one booking per person per slot; closed after the cut-off; ' + 'enrolled people only; the right people only',
    async () => {
      const wang = await personId(t, worker, '王孝梅');
      const lunch = await menu(TOMORROW, 'LUNCH');
      const dup = await t.gql(BOOK, { i: { menuId: lunch.id, personId: wang } }, { token: worker });
      expect(dup.data.bookMeal.code).toBe('CONFLICT');
      // the same slot at another point (the day-care centre's dining room) is the same slot
      const dayCare = (await facilityByName(t, '园林社区日间照料中心', worker)).id;
      const other = ok(
        await t.gql(
          PUBLISH,
          { i: { facilityId: dayCare, date: TOMORROW, meal: 'LUNCH', dishes: ['面片'], capacity: 5 } },
          { token: worker },
        ),
        'publishMealMenu',
      );
      expect(
        (await t.gql(BOOK, { i: { menuId: other.menu.id, personId: wang } }, { token: worker })).data.bookMeal.code,
      ).toBe('CONFLICT');
      const today = (await t.gql(MENUS, { id: mealPoint, from: '2026-11-25' }, { token: worker })).data.careFacility
        .menus[0];
      expect(
        (await t.gql(BOOK, { i: { menuId: today.id, personId: wang } }, { token: worker })).data.bookMeal.code,
      ).toBe('PRECONDITION_FAILED');
      const su = await personId(t, worker, '苏文华');
      expect((await t.gql(BOOK, { i: { menuId: lunch.id, personId: su } }, { token: worker })).data.bookMeal.code).toBe(
        'PRECONDITION_FAILED',
      );
      expect(
        (await t.gql(BOOK, { i: { menuId: lunch.id, personId: wang } }, { token: await t.login('resident-he') })).data
          .bookMeal.code,
      ).toBe('FORBIDDEN');
      expect((await menu(TOMORROW, 'LUNCH')).booked).toBe(lunch.booked);
    },
  );

  it('cancels before the cut-off (the slot frees up), and not twice', async () => {
    const ma = await personId(t, worker, '马秀英');
    const list = await t.gql(
      `query($m: ID!) { mealBookings(filter: { menuId: $m }) { totalCount edges { node { id status person { name } } }
        } }`,
      { m: (await menu(TOMORROW, 'LUNCH')).id },
      { token: worker },
    );
    const booking = list.data.mealBookings.edges.find((e: any) => e.node.person.name === '马秀英').node;
    const c = await t.gql(CANCEL, { id: booking.id }, { token: worker });
    expect(c.data.cancelMealBooking.booking).toEqual({ status: 'CANCELLED', menu: { booked: 3 } });
    expect((await t.gql(CANCEL, { id: booking.id }, { token: worker })).data.cancelMealBooking.code).toBe(
      'INVALID_TRANSITION',
    );
    const rebook = ok(
      await t.gql(BOOK, { i: { menuId: (await menu(TOMORROW, 'LUNCH')).id, personId: ma } }, { token: worker }),
      'bookMeal',
    );
    expect(rebook.booking.menu.booked).toBe(4);
  });

  it('serves only on the meal day and after the 留样 (kept 48 h) is recorded; then the booking is final', async () => {
    const lunch = await menu(TOMORROW, 'LUNCH');
    const list = await t.gql(
      `query($m: ID!) { mealBookings(filter: { menuId: $m, status: BOOKED }) { edges { node { id delivery person { name
        } } } } }`,
      { m: lunch.id },
      { token: worker },
    );
    const wangBooking = list.data.mealBookings.edges.find((e: any) => e.node.person.name === '王孝梅').node;
    expect((await t.gql(SERVE, { id: wangBooking.id }, { token: worker })).data.markMealServed.code).toBe(
      'PRECONDITION_FAILED',
    );
    clock().advance(24 * 3_600_000 + 2 * 3_600_000); // 2026-11-26 12:00 Beijing
    worker = await t.login('yuanlin-worker');
    expect((await t.gql(CANCEL, { id: wangBooking.id }, { token: worker })).data.cancelMealBooking.code).toBe(
      'PRECONDITION_FAILED',
    );
    const noSample = await t.gql(SERVE, { id: wangBooking.id }, { token: worker });
    expect(noSample.data.markMealServed.message).toContain('留样');
    const sample = await t.gql(
      `mutation($m: ID!) { recordFoodSample(input: { menuId: $m, note: "每样 125 克 冷藏" }) { __typename ... on
        RecordFoodSamplePayload { menu { sample { takenAt keepUntil note } } } ... on Error { code } } }`,
      { m: lunch.id },
      { token: worker },
    );
    const s = sample.data.recordFoodSample.menu.sample;
    expect(new Date(s.keepUntil).getTime() - new Date(s.takenAt).getTime()).toBe(48 * 3_600_000);
    const twice = await t.gql(
      `mutation($m: ID!) { recordFoodSample(input: { menuId: $m }) { __typename ... on Error { code } } }`,
      { m: lunch.id },
      { token: worker },
    );
    expect(twice.data.recordFoodSample.code).toBe('CONFLICT');
    const served = await t.gql(SERVE, { id: wangBooking.id }, { token: worker });
    expect(served.data.markMealServed.booking.status).toBe('SERVED');
    expect((await t.gql(SERVE, { id: wangBooking.id }, { token: worker })).data.markMealServed.code).toBe(
      'INVALID_TRANSITION',
    );
    const stats = await t.gql(
      `query($id: ID!) { region(id: $id) { stats { elderCare { mealsServed mealsDelivered } } } }`,
      { id: await regionId(t, YUANLIN) },
      { token: worker },
    );
    expect(stats.data.region.stats.elderCare).toEqual({ mealsServed: 0, mealsDelivered: 1 });
  });
});

describe('capacity under concurrency', () => {
  it('100 simultaneous bookings for 20 meals book exactly 20; the rest get LIMIT_EXCEEDED', async () => {
    const token = await t.login('yuanlin-worker');
    const m = ok(
      await t.gql(
        PUBLISH,
        { i: { facilityId: mealPoint, date: '2026-12-01', meal: 'LUNCH', dishes: ['饺子'], capacity: 20 } },
        { token },
      ),
      'publishMealMenu',
    ).menu;
    const yl = await t.db.prisma.region.findUniqueOrThrow({ where: { code: YUANLIN } });
    const facility = await t.db.prisma.careFacility.findUniqueOrThrow({ where: { id: rawId(mealPoint) } });
    const people = Array.from({ length: 100 }, (_, i) => ({
      id: randomUUID(),
      name: `并发测试${i}`,
      homeCommunityId: yl.id,
      homePath: yl.path,
    }));
    await t.db.prisma.person.createMany({ data: people });
    const recipients = people.map((p) => ({
      id: randomUUID(),
      personId: p.id,
      communityId: yl.id,
      regionPath: yl.path,
      categories: [],
    }));
    await t.db.prisma.careRecipient.createMany({ data: recipients });
    await t.db.prisma.careEnrollment.createMany({
      data: recipients.map((r) => ({
        recipientId: r.id,
        facilityId: facility.id,
        personId: r.personId,
        communityId: yl.id,
        regionPath: yl.path,
        enrolledAt: new Date(),
      })),
    });
    const results = await Promise.all(
      people.map((p) =>
        t.gql(BOOK, { i: { menuId: m.id, personId: Buffer.from(`Person:${p.id}`).toString('base64') } }, { token }),
      ),
    );
    const kinds = results.map((r) =>
      r.data?.bookMeal?.__typename === 'BookMealPayload'
        ? 'booked'
        : (r.data?.bookMeal?.code ?? JSON.stringify(r.errors)),
    );
    expect(kinds.filter((k) => k === 'booked')).toHaveLength(20);
    expect(kinds.filter((k) => k === 'LIMIT_EXCEEDED')).toHaveLength(80);
    expect(await t.db.prisma.mealBooking.count({ where: { menuId: rawId(m.id), status: 'BOOKED' } })).toBe(20);
    expect((await t.db.prisma.mealMenu.findUniqueOrThrow({ where: { id: rawId(m.id) } })).booked).toBe(20);
  });

  it('20 simultaneous bookings of one person for one slot book once', async () => {
    const token = await t.login('yuanlin-worker');
    const m = ok(
      await t.gql(
        PUBLISH,
        { i: { facilityId: mealPoint, date: '2026-12-01', meal: 'DINNER', dishes: ['面条'], capacity: 50 } },
        { token },
      ),
      'publishMealMenu',
    ).menu;
    const zhang = await personId(t, token, '张德福');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.gql(BOOK, { i: { menuId: m.id, personId: zhang } }, { token })),
    );
    const kinds = results.map((r) =>
      r.data?.bookMeal?.__typename === 'BookMealPayload' ? 'booked' : r.data?.bookMeal?.code,
    );
    expect(kinds.filter((k) => k === 'booked')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'CONFLICT')).toHaveLength(19);
    expect((await t.db.prisma.mealMenu.findUniqueOrThrow({ where: { id: rawId(m.id) } })).booked).toBe(1);
  });
});
