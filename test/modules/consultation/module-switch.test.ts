// consultation depends on party-building: the kernel refuses switching party-building off where consultation
// is on, and consultation on where party-building is off (PRECONDITION_FAILED naming both). Where consultation
// is off, its records leave every list, the public notice board and the figures, and writes are MODULE_DISABLED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, type TestApp } from '../../helpers.js';
import { CODES, mutate, query, regionId, startApp } from './support.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startApp();
  admin = await t.login('beiwucha-admin');
});
afterAll(() => t.close());

const setEnabled = async (moduleId: string, enabled: boolean) =>
  (
    await t.gql(
      `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) { __typename
        ... on SetModuleEnabledPayload { module { id enabled } } ... on Error { code message } } }`,
      { i: { regionId: await regionId(t, CODES.beiwucha), moduleId, enabled, note: '测试' } },
      { token: admin },
    )
  ).data.setModuleEnabled;

const board = async (code: string) =>
  (
    await query(t, null, `query($r: ID!) { noticeBoard(regionId: $r, first: 50) { edges { node { title } } } }`, {
      r: await regionId(t, code),
    })
  ).noticeBoard.edges.length;

describe(`module switch and dependency (${engine()})`, () => {
  it('party-building cannot be switched off while consultation is on (PRECONDITION_FAILED naming both)', async () => {
    const r = await setEnabled('party-building', false);
    expect(r.code).toBe('PRECONDITION_FAILED');
    expect(r.message).toContain('consultation');
    expect(r.message).toContain('party-building');
  });

  it('consultation off in 北五岔镇: gone from lists, the notice board and figures; writes MODULE_DISABLED', async () => {
    const worker = await t.login('weijiachang-worker');
    const zhou = await t.login('zhou-admin');
    expect(await board(CODES.beiwucha)).toBe(13); // 9 finance notices and the two drills' four
    expect((await setEnabled('consultation', false)).module.enabled).toBe(false);
    expect(await board(CODES.beiwucha)).toBe(0);
    const lists = await query(
      t,
      zhou,
      `{ consultationVenues(first: 10) { edges { node { id } } }
      villageDecisions(first: 10) { edges { node { id } } } consultations(first: 10) { edges { node { id } } } }`,
    );
    expect(lists).toEqual({
      consultationVenues: { edges: [] },
      villageDecisions: { edges: [] },
      consultations: { edges: [] },
    });
    const stats = await query(
      t,
      zhou,
      `query($r: ID!) { region(id: $r) { stats { consultation { venues drills } } } }`,
      {
        r: await regionId(t, CODES.prefecture),
      },
    );
    expect(stats.region.stats.consultation).toEqual({ venues: 0, drills: 0 });
    // the worker's schema no longer has the module: its own fields are gone
    const gone = await t.gql(`{ consultationVenues(first: 1) { edges { node { id } } } }`, {}, { token: worker });
    expect(gone.errors?.[0]?.message).toMatch(/Cannot query field/);
    const write = await mutate(t, zhou, 'postNotice', {
      communityId: await regionId(t, CODES.weijiachang),
      kind: 'OTHER',
      title: '通知',
      body: '测试内容',
    });
    expect(write.code).toBe('MODULE_DISABLED');
  });

  it('then party-building may go off; consultation cannot come back without it; on again, all is back', async () => {
    expect((await setEnabled('party-building', false)).module.enabled).toBe(false);
    const r = await setEnabled('consultation', true);
    expect(r.code).toBe('PRECONDITION_FAILED');
    expect(r.message).toContain('party-building');
    expect(r.message).toContain('consultation');
    expect((await setEnabled('party-building', true)).module.enabled).toBe(true);
    expect((await setEnabled('consultation', true)).module.enabled).toBe(true);
    expect(await board(CODES.beiwucha)).toBe(13);
  });
});
