// Switching elder-care off for one township (绿洲路街道, home of 园林社区) hides it there only and
// refuses writes there; switching it back on restores everything. Nothing is deleted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { regionId, type TestApp } from '../../helpers.js';
import { facilityByName, MULEI, newApp, personId, setSwitch, STATS } from './helpers.js';

const LVZHOU = '652301006';
let t: TestApp;
let zhou: string;
let worker: string;
let mealPoint: string;
let wang: string;
beforeAll(async () => {
  t = await newApp();
  zhou = await t.login('zhou-admin');
  worker = await t.login('yuanlin-worker');
  mealPoint = (await facilityByName(t, '园林社区老年助餐点', worker)).id;
  wang = await personId(t, worker, '王孝梅');
});
afterAll(() => t.close());

const FACILITIES = `query($r: ID) { careFacilities(filter: { regionId: $r }, first: 100) { totalCount } }`;
const RECIPIENTS = `query($r: ID) { careRecipients(filter: { regionId: $r }, first: 100) { totalCount } }`;
const COMMUNITY = `query($id: ID!) { region(id: $id) { careFacilities { name } } }`;
const ONE = `query($id: ID!) { careFacility(id: $id) { name } }`;
const BOOK = `mutation($i: BookMealInput!) { bookMeal(input: $i) { __typename ... on Error { code } } }`;
const NEED = `mutation($i: SubmitElderNeedInput!) { submitElderNeed(input: $i) { __typename ... on Error { code } } }`;

async function snapshot() {
  const pref = await regionId(t, '652300');
  const city = await regionId(t, '652301');
  const yl = await regionId(t, '652301006001');
  const menus = await t.gql(
    `query($id: ID!) { careFacility(id: $id) { menus(from: "2026-11-26", days: 1) { id } } }`,
    { id: mealPoint },
    { token: zhou },
  );
  return {
    facilities: (await t.gql(FACILITIES, { r: pref }, { token: zhou })).data.careFacilities.totalCount,
    recipientsCity: (await t.gql(RECIPIENTS, { r: city }, { token: zhou })).data.careRecipients.totalCount,
    community: (await t.gql(COMMUNITY, { id: yl }, { token: zhou })).data.region.careFacilities.length,
    one: await t.gql(ONE, { id: mealPoint }, { token: zhou }),
    cityStats: (await t.gql(STATS, { id: city }, { token: zhou })).data.region.stats.elderCare,
    muleiStats: (await t.gql(STATS, { id: await regionId(t, MULEI) }, { token: zhou })).data.region.stats.elderCare,
    lunch: menus.data?.careFacility?.menus?.find(() => true)?.id as string | undefined,
  };
}

it('off in 绿洲路街道: hidden there, refused there, untouched elsewhere; back on: restored', async () => {
  const on = await snapshot();
  expect(on).toMatchObject({ facilities: 15, recipientsCity: 4, community: 2 });
  expect(on.one.data.careFacility.name).toBe('园林社区老年助餐点');
  const rows = await t.db.prisma.careRecipient.count();

  await setSwitch(t, zhou, LVZHOU, false);
  const off = await snapshot();
  expect(off.facilities).toBe(13);
  expect(off.recipientsCity).toBe(0);
  expect(off.community).toBe(0);
  expect(off.one.errors?.[0]?.extensions?.code).toBe('MODULE_DISABLED');
  expect(off.cityStats).toMatchObject({ dayCareCenters: 0, mealPoints: 0, eldersServed: 0 });
  expect(off.muleiStats).toEqual(on.muleiStats);
  // a prefecture admin still has the module (other townships): writes there are refused
  const book = await t.gql(BOOK, { i: { menuId: on.lunch, personId: wang } }, { token: zhou });
  expect(book.data.bookMeal.code).toBe('MODULE_DISABLED');
  const need = await t.gql(NEED, { i: { personId: wang, kind: 'MEALS', description: '想订午餐' } }, { token: zhou });
  expect(need.data.submitElderNeed.code).toBe('MODULE_DISABLED');
  const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: mealPoint }, { token: zhou });
  expect(node.data.node).toBeNull();
  // the township's own worker no longer has the module in the schema at all
  const local = await t.gql(FACILITIES, {}, { token: worker });
  expect(local.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  // 木垒镇 keeps working
  const muleiWrite = await t.gql(
    NEED,
    { i: { personId: await personId(t, zhou, '周淑兰'), kind: 'MEALS', description: '想订午餐' } },
    { token: zhou },
  );
  expect(muleiWrite.data.submitElderNeed.__typename).toBe('SubmitElderNeedPayload');
  expect(await t.db.prisma.careRecipient.count()).toBe(rows);

  await setSwitch(t, zhou, LVZHOU, true);
  const back = await snapshot();
  expect(back).toMatchObject({ facilities: 15, recipientsCity: 4, community: 2 });
  expect(back.cityStats).toEqual(on.cityStats);
  expect(back.one.data.careFacility.name).toBe('园林社区老年助餐点');
  expect(
    (await t.gql(BOOK, { i: { menuId: on.lunch, personId: wang } }, { token: worker })).data.bookMeal.__typename,
  ).toBe('BookMealPayload');
});
