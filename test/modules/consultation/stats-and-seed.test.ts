// The demo data tells the page's story and RegionStats.consultation reproduces its figures for 2024.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, type TestApp } from '../../helpers.js';
import { CODES, query, regionId, startApp } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

const STATS = `query($r: ID!) { region(id: $r) { stats {
  consultation(from: "2024-01-01T00:00:00+08:00", to: "2025-01-01T00:00:00+08:00") {
  venues consultations problemsSolved disputesAccepted disputesResolved mediationSuccessRate decisions
  decisionsCompleted
  drills questionsAnswered villagesWithRenewedBoards disputesByCategory { category accepted resolved }
  disputesByOutcome { status count } } } } }`;

const figures = async (token: string, code: string) =>
  (await query(t, token, STATS, { r: await regionId(t, code) })).region.stats.consultation;

describe(`demo figures for 2024 (${engine()})`, () => {
  it('魏家场村: 23 disputes settled and 76 problems solved under the elm', async () => {
    const s = await figures(await t.login('analyst'), CODES.weijiachang);
    expect(s).toMatchObject({
      venues: 1,
      consultations: 12,
      problemsSolved: 76,
      disputesAccepted: 23,
      disputesResolved: 23,
    });
    expect(s.mediationSuccessRate).toBe(1);
    // every third case was followed up (回访): 8 of 23, the other 15 agreed
    expect(s.disputesByOutcome).toEqual([
      { status: 'AGREED', count: 15 },
      { status: 'FOLLOWED_UP', count: 8 },
    ]);
  });

  it('油坊庄村 and 田家井村: 20 disputes in the tea houses between them', async () => {
    const token = await t.login('analyst');
    const [a, b] = [await figures(token, CODES.youfangzhuang), await figures(token, CODES.tianjiajing)];
    expect(a.disputesResolved + b.disputesResolved).toBe(20);
  });

  it('北五岔镇: 2 drills, 20 questions answered, 9 villages with renewed boards, 43 disputes', async () => {
    const s = await figures(await t.login('beiwucha-admin'), CODES.beiwucha);
    expect(s).toMatchObject({
      drills: 2,
      questionsAnswered: 20,
      villagesWithRenewedBoards: 9,
      decisions: 0,
      venues: 3,
    });
    expect(s.disputesAccepted).toBe(43);
    expect(s.disputesByCategory.reduce((n: number, c: { accepted: number }) => n + c.accepted, 0)).toBe(43);
  });

  it('the same figures roll up to the prefecture; nothing falls in 2023', async () => {
    const token = await t.login('analyst');
    const s = await figures(token, CODES.prefecture);
    expect(s).toMatchObject({ problemsSolved: 76, disputesResolved: 43, drills: 2, villagesWithRenewedBoards: 9 });
    const r = await query(
      t,
      token,
      `query($r: ID!) { region(id: $r) { stats {
        consultation(from: "2023-01-01T00:00:00+08:00", to: "2024-01-01T00:00:00+08:00") {
        problemsSolved disputesAccepted drills villagesWithRenewedBoards mediationSuccessRate } } } }`,
      { r: await regionId(t, CODES.prefecture) },
    );
    expect(r.region.stats.consultation).toEqual({
      problemsSolved: 0,
      disputesAccepted: 0,
      drills: 0,
      villagesWithRenewedBoards: 0,
      mediationSuccessRate: null,
    });
  });
});
