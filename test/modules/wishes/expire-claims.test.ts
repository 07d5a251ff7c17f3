// wishes.expireClaims with a manual clock: overdue claims return to the wall, per-township deadlines,
// and a switched-off township is left alone until it is switched back on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, regionId, type TestApp } from '../../helpers.js';
import { CODES, mutate, ok, OPS, publishedWish, startApp } from './support.js';

const DAY = 86_400_000;
let t: TestApp;
let clock: ManualClock;
let resident: string;
let worker: string;
let member: string;
let zhou: string;
/** tokens expire as the clock moves on: log in again after every jump */
const advance = async (ms: number) => {
  clock.advance(ms);
  [resident, worker, member, zhou] = await Promise.all(
    ['resident-he', 'jingcaicheng-worker', 'member-pu', 'zhou-admin'].map((u) => t.login(u)),
  );
};
beforeAll(async () => {
  clock = new ManualClock();
  t = await startApp(clock);
  await advance(0);
});
afterAll(() => t.close());

const claimed = async () => {
  const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng });
  return ok(t, 'claim', member, { wishId: wish.id });
};
const expire = () => t.app.jobs.run('wishes.expireClaims');
const admin = async <T>(query: string, input: Record<string, unknown>) =>
  (await t.gql(query, { i: input }, { token: zhou })) as T;

describe('wishes.expireClaims', () => {
  it('returns a claim to PUBLISHED after claimDeadlineDays (14), with a system timeline entry', async () => {
    const wish = await claimed();
    await advance(13 * DAY);
    expect(await expire()).toEqual({ expired: 0 });
    await advance(1 * DAY + 1);
    expect(await expire()).toEqual({ expired: 1 });
    const after = (await t.gql(OPS.wish, { id: wish.id }, { token: worker })).data.wish;
    expect(after).toMatchObject({ status: 'PUBLISHED', claimant: null, claimDueAt: null });
    expect(after.timeline.at(-1)).toMatchObject({
      action: 'CLAIM_EXPIRED',
      from: 'CLAIMED',
      to: 'PUBLISHED',
      actorRole: null,
      actorName: null,
    });
    // idempotent, and the former claimant can no longer fulfil it
    expect(await expire()).toEqual({ expired: 0 });
    expect(await mutate(t, 'fulfil', member, { wishId: wish.id })).toMatchObject({ code: 'FORBIDDEN' });
    // and it can be claimed again
    expect((await ok(t, 'claim', member, { wishId: wish.id })).status).toBe('CLAIMED');
  });

  it('a fulfilled claim never expires', async () => {
    const wish = await claimed();
    await ok(t, 'fulfil', member, { wishId: wish.id });
    await advance(30 * DAY);
    await expire();
    expect((await t.gql(OPS.wish, { id: wish.id }, { token: worker })).data.wish.status).toBe('FULFILLED');
  });

  it('the deadline is a per-township setting (建国路街道: 3 days)', async () => {
    const set = await admin<any>(
      `mutation($i: SetModuleSettingInput!) { setModuleSetting(input: $i) { __typename
        ... on SetModuleSettingPayload { setting { value source } } ... on Error { code message } } }`,
      { regionId: await regionId(t, CODES.jianguolu), moduleId: 'wishes', key: 'claimDeadlineDays', value: 3 },
    );
    expect(set.data.setModuleSetting.setting).toEqual({ value: 3, source: 'SET_HERE' });
    await expire(); // clear what earlier tests left overdue
    const wish = await claimed();
    expect(new Date(wish.claimDueAt).getTime() - clock.now().getTime()).toBe(3 * DAY);
    await advance(3 * DAY + 1);
    expect(await expire()).toEqual({ expired: 1 });
  });

  it('leaves a switched-off township alone and catches up when it is switched back on', async () => {
    const wish = await claimed();
    const SWITCH = `mutation($i: SetModuleEnabledInput!) { setModuleEnabled(input: $i) {
      __typename ... on Error { code message } } }`;
    const township = await regionId(t, CODES.jianguolu);
    await admin(SWITCH, { regionId: township, moduleId: 'wishes', enabled: false });
    await advance(10 * DAY);
    expect(await expire()).toEqual({ expired: 0 });
    await admin(SWITCH, { regionId: township, moduleId: 'wishes', enabled: true });
    expect(await expire()).toEqual({ expired: 1 });
    expect((await t.gql(OPS.wish, { id: wish.id }, { token: worker })).data.wish.status).toBe('PUBLISHED');
  });
});
