// Priority 3: the escalation sweep grid.escalateOverdue, driven by an injected clock.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, regionId, type TestApp } from '../../helpers.js';
import { BEIWUCHA, gridApp, gridsOf, mutate, WEIJIACHANG } from './kit.js';

let t: TestApp;
const clock = new ManualClock();
let tok: Record<string, string>;
let wjc: Record<string, string>;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await gridApp({ clock });
  tok = Object.fromEntries(
    await Promise.all(
      ['weijiachang-grid', 'weijiachang-worker', 'beiwucha-admin'].map(async (u) => [u, await t.login(u)]),
    ),
  );
  wjc = await gridsOf(t, tok['beiwucha-admin']!, WEIJIACHANG);
});
afterAll(() => t.close());

async function report(title: string, extra: Record<string, unknown> = {}) {
  const r = await mutate(
    t,
    tok['weijiachang-grid']!,
    'reportIncident',
    { gridId: wjc.G01, category: 'ENVIRONMENT', title, ...extra },
    '... on ReportIncidentPayload { incident { id } }',
  );
  if (!r.incident) throw new Error(JSON.stringify(r));
  return decodeGlobalID(r.incident.id).id;
}
const state = async (id: string) => {
  const i = await t.db.prisma.incident.findUniqueOrThrow({
    where: { id },
    include: { timeline: { where: { kind: 'SUPERVISION' }, orderBy: { seq: 'asc' } } },
  });
  return { status: i.status, level: i.supervisionLevel, supervision: i.timeline.map((e) => e.level) };
};

describe('grid.escalateOverdue', () => {
  it('raises an unaccepted overdue incident one level per missed period, never twice for one period', async () => {
    const id = await report('河道垃圾');
    clock.advance(1 * HOUR);
    await t.app.jobs.run('grid.escalateOverdue');
    expect(await state(id)).toEqual({ status: 'REPORTED', level: 'COMMUNITY', supervision: [] });

    clock.advance(1.5 * HOUR); // 2.5 h: accept deadline (2 h) missed
    const first = await t.app.jobs.run('grid.escalateOverdue');
    const second = await t.app.jobs.run('grid.escalateOverdue');
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    expect(second.escalated).toBe(0);
    expect(await state(id)).toEqual({ status: 'REPORTED', level: 'TOWNSHIP', supervision: ['TOWNSHIP'] });

    clock.advance(1 * HOUR); // another period has not passed at township level yet
    await t.app.jobs.run('grid.escalateOverdue');
    expect((await state(id)).level).toBe('TOWNSHIP');

    clock.advance(1.5 * HOUR); // township missed it too
    await Promise.all([t.app.jobs.run('grid.escalateOverdue'), t.app.jobs.run('grid.escalateOverdue')]);
    expect(await state(id)).toEqual({ status: 'REPORTED', level: 'COUNTY', supervision: ['TOWNSHIP', 'COUNTY'] });

    clock.advance(10 * HOUR); // nothing above county
    await t.app.jobs.run('grid.escalateOverdue');
    expect((await state(id)).supervision).toEqual(['TOWNSHIP', 'COUNTY']);
  });

  it('raises an accepted incident that misses its resolution deadline, and shows it in the timeline', async () => {
    const token = (tok['weijiachang-worker'] = await t.login('weijiachang-worker'));
    tok['weijiachang-grid'] = await t.login('weijiachang-grid');
    const id = await report('污水外溢', { priority: 'URGENT' }); // urgent: handled within 2 hours
    const gid = (
      await t.gql(
        `query { incidents(filter: { status: [REPORTED] }, first: 1) { edges { node { id } } } }`,
        {},
        { token },
      )
    ).data.incidents.edges[0].node.id;
    expect(decodeGlobalID(gid).id).toBe(id);
    await mutate(t, token, 'acceptIncident', { incidentId: gid });
    clock.advance(1 * HOUR);
    await t.app.jobs.run('grid.escalateOverdue');
    expect((await state(id)).level).toBe('COMMUNITY');
    clock.advance(1.5 * HOUR);
    await t.app.jobs.run('grid.escalateOverdue');
    expect(await state(id)).toEqual({ status: 'ACCEPTED', level: 'TOWNSHIP', supervision: ['TOWNSHIP'] });
    const r = await t.gql(
      `query($id: ID!) { incident(id: $id) { supervisionLevel overdue timeline { kind to level actor { name ` +
        `} actorRole note } } }`,
      { id: gid },
      { token },
    );
    const last = r.data.incident.timeline.at(-1);
    expect(r.data.incident.overdue).toBe(true);
    expect(last).toMatchObject({
      kind: 'SUPERVISION',
      to: 'ACCEPTED',
      level: 'TOWNSHIP',
      actor: null,
      actorRole: 'SYSTEM',
    });
    expect(last.note).toMatch(/自动升级至乡镇街道督办/);
  });

  it('leaves a township where the module is off alone, and catches up when it is back on', async () => {
    const admin = (tok['beiwucha-admin'] = await t.login('beiwucha-admin'));
    tok['weijiachang-grid'] = await t.login('weijiachang-grid');
    const id = await report('秸秆焚烧');
    const township = await regionId(t, BEIWUCHA);
    const sw = (enabled: boolean) =>
      t.gql(
        `mutation($r: ID!, $e: Boolean!) { setModuleEnabled(input: { regionId: $r, moduleId: "grid", ` +
          `enabled: $e }) { __typename } }`,
        { r: township, e: enabled },
        { token: admin },
      );
    await sw(false);
    clock.advance(3 * HOUR);
    const off = await t.app.jobs.run('grid.escalateOverdue');
    expect(off.skippedDisabled).toBeGreaterThan(0);
    expect((await state(id)).level).toBe('COMMUNITY');
    await sw(true);
    await t.app.jobs.run('grid.escalateOverdue');
    expect((await state(id)).level).toBe('TOWNSHIP');
  });

  it('does not touch resolved, closed or rejected incidents', async () => {
    const before = await t.db.prisma.incident.findMany({
      where: { status: { in: ['RESOLVED', 'CLOSED', 'REJECTED'] } },
      select: { id: true, supervisionLevel: true, version: true },
    });
    clock.advance(500 * HOUR);
    await t.app.jobs.run('grid.escalateOverdue');
    const after = await t.db.prisma.incident.findMany({
      where: { id: { in: before.map((b) => b.id) } },
      select: { id: true, supervisionLevel: true, version: true },
    });
    expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
    const run = await t.db.prisma.jobRun.findUniqueOrThrow({ where: { jobId: 'grid.escalateOverdue' } });
    expect(run.lastRunAt.getTime()).toBe(clock.now().getTime());
  });
});
