// RegionStats.grid residents' voice figures over a fresh period: residents' reports, share by channel,
// 回访率, resident satisfaction and reopen rate (SQL), and the module switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, regionId, type TestApp } from '../../helpers.js';
import { BEIWUCHA, gridsOf, HOUR, mutate, REPORT_SEL, residentLogin, setModule, voiceApp, WEIJIACHANG } from './kit.js';

let t: TestApp;
const clock = new ManualClock();
const FIGURES = `residentReports reportsByChannel { channel count share } followUpRate residentSatisfactionRate
  reopenRate incidents`;
const stats = async (from: Date) => {
  const r = await t.gql(
    `query($r: ID!, $from: DateTime) { region(id: $r) { stats(from: $from) { grid { ${FIGURES} } } } }`,
    { r: await regionId(t, BEIWUCHA), from: from.toISOString() },
    { token: await t.login('analyst') },
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.region.stats.grid;
};

beforeAll(async () => {
  t = await voiceApp({ clock });
});
afterAll(() => t.close());

describe('residents’ voice figures', () => {
  it('shows the demo: 陈玉梅’s four reports in 北五岔镇, three rated, one reopened', async () => {
    const g = await stats(new Date('2000-01-01T00:00:00Z'));
    expect(g.residentReports).toBe(4);
    expect(g.followUpRate).toBe(1);
    expect(g.residentSatisfactionRate).toBe(0.6667);
    expect(g.reopenRate).toBe(0.3333);
    const me = await t.gql(
      '{ myReports(first: 10) { totalCount } }',
      {},
      { token: await t.login('weijiachang-resident') },
    );
    expect(me.data.myReports.totalCount).toBe(4);
  });

  it('counts reports, channels, 回访, satisfaction and reopening in the period', async () => {
    clock.advance(1000 * HOUR); // the demo data lies before this period
    const from = clock.now();
    const { token } = await residentLogin(t, 'weijiachang-wei', '魏长山', WEIJIACHANG);
    const worker = await t.login('weijiachang-worker');
    const community = await regionId(t, WEIJIACHANG);
    const ids: string[] = [];
    for (const d of ['R1 路面结冰', 'R2 垃圾清运', 'R3 路灯不亮', 'R4 噪音扰民']) {
      const r = await mutate(
        t,
        token,
        'reportProblem',
        { communityId: community, category: 'OTHER', description: d },
        REPORT_SEL,
      );
      ids.push(r.incident.id);
    }
    for (const id of ids.slice(0, 3)) {
      await mutate(t, worker, 'acceptIncident', { incidentId: id });
      await mutate(t, worker, 'closeIncident', { incidentId: id });
    }
    const rate = (incidentId: string, satisfaction: string, extra = {}) =>
      mutate(
        t,
        token,
        'rateIncidentHandling',
        { incidentId, satisfaction, ...extra },
        '... on RateIncidentHandlingPayload { incident { id } }',
      );
    expect((await rate(ids[0]!, 'DISSATISFIED', { reopen: true, reason: '又结冰了' })).incident).toBeTruthy();
    expect((await rate(ids[1]!, 'SATISFIED')).incident).toBeTruthy();
    const grids = await gridsOf(t, worker, WEIJIACHANG);
    await mutate(t, await t.login('weijiachang-grid'), 'reportIncident', {
      gridId: grids.G01,
      category: 'OTHER',
      title: '网格发现',
    });

    const g = await stats(from);
    expect(g.incidents).toBe(5);
    expect(g.residentReports).toBe(4);
    expect(g.reportsByChannel).toEqual([
      { channel: 'GRID', count: 1, share: 0.2 },
      { channel: 'RESIDENT', count: 4, share: 0.8 },
      { channel: 'OPEN311', count: 0, share: 0 },
    ]);
    expect(g.followUpRate).toBe(0.6667); // R1 and R2 rated of R1–R3 resolved
    expect(g.residentSatisfactionRate).toBe(0.5);
    expect(g.reopenRate).toBe(0.5);
  });

  it('leaves out townships where the module is off', async () => {
    const from = new Date(clock.now().getTime() - 10 * HOUR);
    await setModule(t, await t.login('beiwucha-admin'), BEIWUCHA, 'grid', false);
    const r = await t.gql(
      `query($r: ID!, $from: DateTime) { region(id: $r) { stats(from: $from) { grid { residentReports
        followUpRate } } } }`,
      { r: await regionId(t, '652324'), from: from.toISOString() },
      { token: await t.login('analyst') },
    );
    expect(r.data.region.stats.grid).toEqual({ residentReports: 0, followUpRate: null });
    await setModule(t, await t.login('beiwucha-admin'), BEIWUCHA, 'grid', true);
  });
});
