// One time anchor (issue 19): the page's figures are for 2024 ("今年", "11月", "12月3日"), so the year
// 2024 shows every module's story together, while open items stay relative to the clock (2026-11-25).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';

let t: TestApp;
let analyst: string;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  analyst = await t.login('analyst');
});
afterAll(() => t.close());

const YEAR_2024 = { f: '2024-01-01T00:00:00+08:00', to: '2025-01-01T00:00:00+08:00' };
const stats = async (code: string, selection: string, period = YEAR_2024) => {
  const r = await t.gql(
    `query($id: ID!, $f: DateTime, $to: DateTime) { region(id: $id) { stats(from: $f, to: $to) { ${selection} } } }`,
    { id: await regionId(t, code), ...period },
    { token: analyst },
  );
  expect(r.errors).toBeUndefined();
  return r.data.region.stats;
};

describe('2024 for 木垒县: elder-care, party-building and volunteering together', () => {
  it('gives the page’s 党建+康养, 党建+党支部建设 and 党建+志愿服务 figures for 2024', async () => {
    const s = await stats(
      '652328',
      `elderCare { dayCareCenters mealPoints rehabStations eldersServed needsCollected }
       partyBuilding { meetingsHeld requestsReceived projectInvestmentYuan roadKm parkingSpaces inServiceRegistered }
       volunteering { activities householdsVisited suggestions disputesResolved mattersDone verifiedHours }`,
    );
    // 日间照料中心7个, 助餐服务点4个, 康复服务站2个, 老人达200人, 累计收集涉老服务需求260次
    expect(s.elderCare).toEqual({
      dayCareCenters: 7,
      mealPoints: 4,
      rehabStations: 2,
      eldersServed: 200,
      needsCollected: 260,
    });
    // 投资1.2万元, 重新铺设路面1.2公里, 增设地面车位105个
    expect(s.partyBuilding).toMatchObject({ projectInvestmentYuan: 12000, roadKm: 1.2, parkingSpaces: 105 });
    expect(s.partyBuilding.meetingsHeld).toBeGreaterThan(0);
    expect(s.partyBuilding.requestsReceived).toBeGreaterThan(0);
    // 志愿服务活动300余次, 入户走访4566户, 意见建议80余条, 矛盾纠纷700余起, 办实事320余件
    const v = s.volunteering;
    expect(v.householdsVisited).toBe(4566);
    expect([v.activities, v.suggestions, v.disputesResolved, v.mattersDone]).toEqual([312, 83, 712, 326]);
    expect(v.verifiedHours).toBeGreaterThan(0);
  });

  it('gives 北五岔镇’s grid and consultation figures for 2024', async () => {
    const s = await stats(
      '652324104',
      `grid { households fullTimeWorkers partTimeWorkers hazardInspections }
       consultation { problemsSolved drills questionsAnswered }`,
    );
    // 专职网格32名, 兼职9名, 覆盖179户, 累计排查72次; 76件急难愁盼, 演练2次, 现场解答20个
    expect(s.grid).toEqual({ households: 179, fullTimeWorkers: 32, partTimeWorkers: 9, hazardInspections: 72 });
    expect(s.consultation).toEqual({ problemsSolved: 76, drills: 2, questionsAnswered: 20 });
  });

  it('gives 晶彩城社区’s 126 wishes of November 2024', async () => {
    const s = await stats('652301004001', 'wishes { submitted }', {
      f: '2024-11-01T00:00:00+08:00',
      to: '2024-12-01T00:00:00+08:00',
    });
    expect(s.wishes.submitted).toBeGreaterThanOrEqual(126);
  });

  it('records nothing of the story after 2024 in 木垒县 (the page’s history is not repeated in 2025)', async () => {
    const s = await stats('652328', 'elderCare { needsCollected } partyBuilding { requestsReceived parkingSpaces }', {
      f: '2025-01-01T00:00:00+08:00',
      to: '2026-01-01T00:00:00+08:00',
    });
    expect(s).toEqual({
      elderCare: { needsCollected: 0 },
      partyBuilding: { requestsReceived: 0, parkingSpaces: 0 },
    });
  });
});

describe('current items stay relative to the clock', () => {
  it('keeps upcoming volunteer activities and open service orders after the test clock', async () => {
    const now = Date.parse('2026-11-25T02:00:00Z');
    const s = await stats('652324104', 'volunteering { serviceOrders completedServiceOrders }', {
      f: new Date(now - 7 * 86_400_000).toISOString(),
      to: new Date(now + 86_400_000).toISOString(),
    });
    expect(s.volunteering.serviceOrders).toBeGreaterThan(s.volunteering.completedServiceOrders);
  });

  it('keeps this year’s meetings, so compliance (组织生活达标率) is meaningful now', async () => {
    const s = await stats('652328', 'partyBuilding { meetingsHeld complianceRate }', {
      f: '2026-01-01T00:00:00+08:00',
      to: '2026-11-25T10:00:00+08:00',
    });
    expect(s.partyBuilding.meetingsHeld).toBeGreaterThan(0);
    expect(s.partyBuilding.complianceRate).toBeGreaterThan(0);
  });
});
