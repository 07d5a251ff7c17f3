// Nothing stored twice (issue 19): the joint 主题党日 of 新农职大 and 州人民医院 is one party meeting on the
// campus with its 义诊 and first-aid training linked; the 72 hazard inspections are grid patrols only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  admin = await t.login('admin');
});
afterAll(() => t.close());

const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

describe('the joint 主题党日: one meeting, its service activity linked', () => {
  it('is one THEME_DAY meeting with both hosts, on the campus, on 2024-12-13', async () => {
    const r = await t.gql(
      `{ partyMeetings(first: 50, filter: { kind: THEME_DAY, from: "2024-01-01T00:00:00+08:00",
        to: "2027-01-01T00:00:00+08:00" }) { edges { node { heldAt place topic
        organization { name } coHosts { name } agreement { topic activities } } } } }`,
      {},
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    const joint = r.data.partyMeetings.edges.map((e: any) => e.node).filter((m: any) => m.agreement);
    expect(joint).toHaveLength(1);
    const m = joint[0];
    expect(chinaDay(m.heldAt)).toBe('2024-12-13');
    expect(m.place).toContain('新疆农业职业技术大学');
    expect(m.agreement.topic).toBe('党建赋能、医校共建');
    expect(m.coHosts.length).toBeGreaterThan(0);
  });

  it('its 义诊 and 急救培训 are one volunteer activity the same day and place, named by the agreement', async () => {
    const meetings = await t.gql(
      `{ partyMeetings(first: 50, filter: { kind: THEME_DAY }) { edges { node { heldAt place
        agreement { activities } } } } }`,
      {},
      { token: admin },
    );
    const m = meetings.data.partyMeetings.edges.map((e: any) => e.node).find((n: any) => n.agreement);
    const r = await t.gql(
      `query($r: ID!) { region(id: $r) { volunteerActivities(category: HEALTH_SERVICE, first: 50) { edges { node {
        title place startsAt } } } } }`,
      { r: await regionId(t, '652300') },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    const joint = r.data.region.volunteerActivities.edges
      .map((e: any) => e.node)
      .filter((a: any) => a.title.includes('主题党日'));
    expect(joint).toHaveLength(1);
    const a = joint[0];
    expect(a.title).toContain('义诊');
    expect(a.title).toContain('急救');
    expect(chinaDay(a.startsAt)).toBe(chinaDay(m.heldAt));
    expect(m.place).toContain(a.place);
    expect(m.agreement.activities).toContain(a.title);
  });
});

describe('the 72 hazard inspections of 北五岔镇: grid patrols, not also volunteer activities', () => {
  it('counts 72 in grid and none as volunteering activities in 2024', async () => {
    const r = await t.gql(
      `query($r: ID!) { region(id: $r) { stats(from: "2024-01-01T00:00:00+08:00", to: "2025-01-01T00:00:00+08:00") {
        grid { hazardInspections } volunteering { activities } } } }`,
      { r: await regionId(t, '652324104') },
      { token: await t.login('analyst') },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.region.stats).toEqual({ grid: { hazardInspections: 72 }, volunteering: { activities: 0 } });
  });
});

describe('the 179 households of 北五岔镇', () => {
  it('have distinct addresses', async () => {
    const r = await t.gql(
      `query($r: ID!) { region(id: $r) { stats { grid { households } } } }`,
      { r: await regionId(t, '652324104') },
      { token: admin },
    );
    expect(r.data.region.stats.grid.households).toBe(179);
    // the addresses themselves are personal information: counted directly, not through the analyst's API
    const rows = await t.db.prisma.household.findMany({
      where: { regionPath: { startsWith: '/652300/652324/652324104/' } },
      select: { address: true },
    });
    expect(rows).toHaveLength(179);
    expect(new Set(rows.map((h) => h.address)).size).toBe(179);
  });
});
