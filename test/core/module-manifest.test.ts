// The manifest in the API: modules(regionId) tells a console what each module contributes, derived from
// the schema and the module's definition (checked here against both, for every installed module).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, regionId, type TestApp } from '../helpers.js';

let t: TestApp;
let data: any[];
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
  const r = await t.gql(
    `query($r: ID!) { modules(regionId: $r) { id dependsOn types statsFields
    rootFields { name operation } permissions { operation roles scope relation }
    settings { key kind description default min max options } jobs { id description everyMs }
    events { published subscribed } } }`,
    { r: await regionId(t, '652300') },
  );
  expect(r.errors).toBeUndefined();
  data = r.data.modules;
});
afterAll(() => t?.close());

describe('modules(regionId): the manifest', () => {
  it('lists every installed module', () => {
    expect(data.map((m) => m.id).sort()).toEqual(installedModules.map((m) => m.id).sort());
  });

  it.each(installedModules.map((m) => [m.id, m] as const))(
    '%s: root fields, permissions and types match the schema',
    (id, def) => {
      const m = data.find((x) => x.id === id);
      const full = t.app.registry.full;
      const roots = [
        ...Object.values(full.getQueryType()!.getFields()),
        ...Object.values(full.getMutationType()!.getFields()),
        // 实时推送: subscriptions are root fields with declared policies too
        ...Object.values(full.getSubscriptionType()?.getFields() ?? {}),
      ].filter(
        (f) =>
          ((f.extensions?.subGraphs ?? []) as string[]).includes(id) &&
          !((f.extensions?.subGraphs ?? []) as string[]).includes('core'),
      );
      expect(m.rootFields.map((f: { name: string }) => f.name).sort()).toEqual(roots.map((f) => f.name).sort());
      expect(roots.length).toBeGreaterThan(0);
      // every root field carries its declared policy
      expect(m.permissions.map((p: { operation: string }) => p.operation).sort()).toEqual(
        roots.map((f) => f.name).sort(),
      );
      for (const type of m.types) expect(full.getType(type)?.extensions?.subGraphs).toContain(id);
      expect(m.statsFields.length).toBe(1);
      expect(m.dependsOn).toEqual(def.dependsOn);
      expect(m.jobs.map((j: { id: string }) => j.id)).toEqual((def.jobs ?? []).map((j) => j.id));
      expect(m.events.subscribed).toEqual(Object.keys(def.on ?? {}));
      expect(m.settings.map((s: { key: string }) => s.key)).toEqual(Object.keys(def.settings ?? {}));
    },
  );

  it('settings are typed so a form can be generated', () => {
    const wishes = data.find((m) => m.id === 'wishes');
    expect(wishes.settings.find((s: { key: string }) => s.key === 'claimDeadlineDays')).toMatchObject({
      kind: 'INTEGER',
      default: 14,
      min: 1,
      max: 90,
    });
    expect(wishes.events.published).toContain('wishes.claimed');
    const party = data.find((m) => m.id === 'party-building');
    expect(party.settings.find((s: { key: string }) => s.key === 'duesRateTable').kind).toBe('JSON');
    expect(party.events.subscribed).toContain('wishes.claimed');
  });
});
