// Priorities 5 and 6: the demo figures of 北五岔镇, evaluation figures (SQL aggregates) per region
// and per department, and the Open311 GeoReport v2 mapping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, regionId, type TestApp } from '../../helpers.js';
import { BEIWUCHA, gridApp, gridsOf, mutate, orgId, WEIJIACHANG } from './kit.js';

let t: TestApp;
const clock = new ManualClock();
const HOUR = 3_600_000;
const FIGURES =
  `grids households fullTimeWorkers partTimeWorkers gridLeaders instructors patrols ` +
  `hazardInspections incidents overdue
  closureRate onTimeClosureRate reworkCount responseRate resolutionRate satisfactionRate pointsIssued pointsRedeemed
  incidentsByStatus { status count } medianHoursByStage { stage medianHours count }
  departments { department { name } notified lead assisting responseRate closed onTimeClosureRate reworkCount
    overdue resolutionRate satisfactionRate }`;
const stats = async (code: string, token: string, from?: Date) => {
  const r = await t.gql(
    `query($r: ID!, $from: DateTime) { region(id: $r) { stats(from: $from) { grid { ${FIGURES} } } } }`,
    { r: await regionId(t, code), from: from?.toISOString() },
    { token },
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.region.stats.grid;
};

beforeAll(async () => {
  t = await gridApp({ clock });
});
afterAll(() => t.close());

describe('北五岔镇 demo figures (昌吉日报 2024-12-20)', () => {
  it('shows 32 full-time and 9 part-time grid workers, 179 households and 72 hazard inspections', async () => {
    const g = await stats(BEIWUCHA, await t.login('beiwucha-admin'));
    expect({
      grids: g.grids,
      households: g.households,
      fullTimeWorkers: g.fullTimeWorkers,
      partTimeWorkers: g.partTimeWorkers,
      hazardInspections: g.hazardInspections,
    }).toEqual({
      grids: 11,
      households: 179,
      fullTimeWorkers: 32,
      partTimeWorkers: 9,
      hazardInspections: 72,
    });
    expect(g.incidentsByStatus.every((s: any) => s.count > 0)).toBe(true); // a few incidents in every status
    expect(g.pointsIssued).toBeGreaterThan(0);
  });

  it('rolls up to the county and prefecture (analysts read figures), and down to one village', async () => {
    const analyst = await t.login('analyst');
    for (const code of ['652324', '652300']) {
      const g = await stats(code, analyst);
      expect([g.households, g.fullTimeWorkers, g.partTimeWorkers, g.hazardInspections]).toEqual([179, 32, 9, 72]);
    }
    const village = await stats(WEIJIACHANG, analyst);
    expect(village.grids).toBe(3);
    expect(village.households).toBe(67);
  });
});

describe('evaluation figures over a period', () => {
  it(
    'computes closure, on-time closure, response, resolution, satisfaction, rework, overdue, stage medians ' +
      'and departments',
    async () => {
      clock.advance(1000 * HOUR); // a fresh period: the demo incidents lie before it
      const from = clock.now();
      const login = (u: string) => t.login(u);
      const wjc = await gridsOf(t, await login('beiwucha-admin'), WEIJIACHANG);
      const emergency = await orgId(t, '玛纳斯县应急管理局');
      const SEL = (n: string) => `... on ${n[0]!.toUpperCase()}${n.slice(1)}Payload { incident { id status } }`;
      const act = async (user: string, name: string, input: Record<string, unknown>) => {
        const r = await mutate(t, await login(user), name, input, SEL(name));
        if (!r.incident) throw new Error(`${name}: ${JSON.stringify(r)}`);
        return r.incident.id as string;
      };
      const report = (title: string) =>
        act('weijiachang-grid', 'reportIncident', { gridId: wjc.G01, category: 'ENVIRONMENT', title });

      // A: accepted after 1 h, solved by the village, satisfied
      const a = await report('A 垃圾');
      // B: accepted late (3 h), escalated, reworked once, resolved late, dissatisfied and not solved
      const b = await report('B 污水');
      // C: rejected after 0.5 h
      const c = await report('C 重复');
      clock.advance(0.5 * HOUR);
      await act('weijiachang-worker', 'rejectIncident', { incidentId: c, reason: 'NOT_OUR_MATTER', note: '非本村' });
      clock.advance(0.5 * HOUR);
      await act('weijiachang-worker', 'acceptIncident', { incidentId: a });
      await act('weijiachang-worker', 'closeIncident', { incidentId: a, satisfaction: 'SATISFIED' });
      clock.advance(2 * HOUR);
      await act('weijiachang-worker', 'acceptIncident', { incidentId: b });
      // D: reported, never accepted: overdue
      const d = await report('D 积水');
      await act('beiwucha-admin', 'escalateIncident', { incidentId: b, departmentIds: [emergency] });
      clock.advance(1 * HOUR);
      await act('manas-emergency', 'reportInIncident', { incidentId: b });
      clock.advance(10 * HOUR);
      await act('manas-emergency', 'resolveIncident', { incidentId: b, note: '已疏通' });
      clock.advance(2 * HOUR);
      await act('weijiachang-worker', 'reworkIncident', { incidentId: b, note: '仍外溢' });
      clock.advance(200 * HOUR); // past the 7-day limit
      await act('manas-emergency', 'resolveIncident', { incidentId: b, note: '更换管道' });
      await act('weijiachang-worker', 'closeIncident', { incidentId: b, satisfaction: 'DISSATISFIED', solved: false });
      // 积分超市: the reporter spends points earned from verified reports (recorded by another worker: nobody
      // redeems for themselves)
      const zhao = await t.db.prisma.person.findFirstOrThrow({ where: { name: '赵刚' } });
      const { encodeGlobalID } = await import('@pothos/plugin-relay');
      const items = await t.gql(
        `query($t: ID!) { pointsStoreItems(townshipId: $t) { id name } }`,
        { t: await regionId(t, BEIWUCHA) },
        { token: await login('beiwucha-admin') },
      );
      const towel = items.data.pointsStoreItems.find((i: any) => i.name === '毛巾').id;
      const spent = await mutate(t, await login('weijiachang-worker'), 'redeemPoints', {
        personId: encodeGlobalID('Person', zhao.id),
        itemId: towel,
        idempotencyKey: 'stats-1',
      });
      expect(spent.__typename, JSON.stringify(spent)).toBe('RedeemPointsPayload');

      const g = await stats(BEIWUCHA, await login('analyst'), from);
      expect(g.incidents).toBe(4);
      expect(g.incidentsByStatus.filter((s: any) => s.count)).toEqual([
        { status: 'REPORTED', count: 1 },
        { status: 'CLOSED', count: 2 },
        { status: 'REJECTED', count: 1 },
      ]);
      expect(g.closureRate).toBe(0.6667); // 2 closed of 3 admitted
      expect(g.onTimeClosureRate).toBe(0.5); // A on time, B late
      expect(g.responseRate).toBe(0.5); // A and C on time, B late, D never
      expect(g.resolutionRate).toBe(0.5);
      expect(g.satisfactionRate).toBe(0.5);
      expect(g.reworkCount).toBe(1);
      expect(g.overdue).toBe(1); // D
      expect(g.pointsIssued).toBe(20); // INCIDENT_REPORT: 10 for each verified report
      expect(g.pointsRedeemed).toBe(15);
      const median = Object.fromEntries(g.medianHoursByStage.map((m: any) => [m.stage, m.medianHours]));
      expect(median.REPORTED).toBe(1); // 0.5, 1 and 3 hours
      expect(median.ESCALATED).toBe(1);
      expect(g.departments).toEqual([
        {
          department: { name: '玛纳斯县应急管理局' },
          notified: 1,
          lead: 1,
          assisting: 0,
          responseRate: 1,
          closed: 1,
          onTimeClosureRate: 0,
          reworkCount: 1,
          overdue: 0,
          resolutionRate: 0,
          satisfactionRate: 0,
        },
      ]);
      void d;
    },
  );
});

describe('Open311 GeoReport v2 mapping', () => {
  it('maps status to open/closed and the deadline to expected_datetime', async () => {
    const token = await t.login('beiwucha-admin');
    const r = await t.gql(
      `{ incidents(first: 100) { edges { node { status deadline resolveDueAt open311Status expectedDatetime ` +
        `open311 } } } }`,
      {},
      { token },
    );
    const nodes = r.data.incidents.edges.map((e: any) => e.node);
    for (const n of nodes) {
      expect(n.open311Status).toBe(['CLOSED', 'REJECTED'].includes(n.status) ? 'closed' : 'open');
      expect(n.expectedDatetime).toBe(n.resolveDueAt ?? n.deadline);
      expect(n.open311).toMatchObject({ status: n.open311Status, expected_datetime: n.expectedDatetime });
      expect(Object.keys(n.open311)).toEqual(
        expect.arrayContaining([
          'service_request_id',
          'service_code',
          'service_name',
          'requested_datetime',
          'updated_datetime',
          'lat',
          'long',
        ]),
      );
    }
    expect(new Set(nodes.map((n: any) => n.open311Status))).toEqual(new Set(['open', 'closed']));
  });
});
