// maxSubmissionsPerDay (每人每日提交上限): how many wishes one requester may have submitted within the last
// 24 hours of the injected clock, per township; over it submitWish returns LIMIT_EXCEEDED and writes
// nothing, also when many submissions arrive at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, ManualClock, regionId, type TestApp } from '../../helpers.js';
import { CODES, mutate, ok, personByName, setWishSetting, startApp } from './support.js';

const HOUR = 3_600_000;
let t: TestApp;
let clock: ManualClock;
let resident: string; // resident-he: 何福琴, 晶彩城社区 (建国路街道)
let worker: string; // jingcaicheng-worker
let zhou: string; // prefecture administrator: sets the township's parameter
let heFuqin: string; // her Person id (global)
let community: string;
/** tokens expire as the clock moves on: log in again after every jump */
const advance = async (ms: number) => {
  clock.advance(ms);
  [resident, worker, zhou] = await Promise.all(
    ['resident-he', 'jingcaicheng-worker', 'zhou-admin'].map((u) => t.login(u)),
  );
};
beforeAll(async () => {
  clock = new ManualClock();
  t = await startApp(clock, { submissionLimit: null }); // the module's default: 5
  await advance(0);
  heFuqin = await personByName(t, worker, '何福琴');
  community = await regionId(t, CODES.jingcaicheng);
});
afterAll(() => t.close());

const input = (title: string, extra: Record<string, unknown> = {}) => ({
  communityId: community,
  title,
  category: 'DAILY_NECESSITIES',
  channel: 'ONLINE',
  ...extra,
});
/** what a refused submission must leave untouched */
const written = async () => ({
  wishes: await t.db.prisma.wish.count(),
  events: await t.db.prisma.wishEvent.count(),
  audit: await t.db.prisma.auditLog.count({ where: { action: { startsWith: 'wishes.' } } }),
});

describe('maxSubmissionsPerDay', () => {
  it('is a township parameter with default 5, range 1–100', async () => {
    const settings = await t.gql(
      `query($r: ID!) { moduleSettings(regionId: $r, moduleId: "wishes") { key value defaultValue source } }`,
      { r: await regionId(t, CODES.jianguolu) },
      { token: zhou },
    );
    expect(settings.data.moduleSettings.find((s: any) => s.key === 'maxSubmissionsPerDay')).toEqual({
      key: 'maxSubmissionsPerDay',
      value: 5,
      defaultValue: 5,
      source: 'DEFAULT',
    });
    for (const value of [0, 101, 2.5]) {
      const r = await t.gql(
        `mutation($i: SetModuleSettingInput!) { setModuleSetting(input: $i) { __typename ... on Error { code } } }`,
        { i: { regionId: await regionId(t, CODES.jianguolu), moduleId: 'wishes', key: 'maxSubmissionsPerDay', value } },
        { token: zhou },
      );
      expect(r.data.setModuleSetting, String(value)).toMatchObject({ code: 'VALIDATION' });
    }
  });

  it('the sixth wish of one requester within 24 hours is refused with LIMIT_EXCEEDED and nothing written', async () => {
    for (let i = 1; i <= 3; i++) await ok(t, 'submit', resident, input(`米面油${i}`));
    // a worker submitting on her behalf counts for her too, and so does a withdrawn wish
    const onBehalf = await ok(t, 'submit', worker, input('电热毯', { requesterId: heFuqin }));
    await ok(t, 'submit', resident, input('暖水袋'));
    await ok(t, 'withdraw', resident, { wishId: onBehalf.id });

    const before = await written();
    const own = await mutate(t, 'submit', resident, input('棉拖鞋'));
    expect(own).toMatchObject({ __typename: 'DomainError', code: 'LIMIT_EXCEEDED', details: { limit: 5 } });
    const byWorker = await mutate(t, 'submit', worker, input('棉拖鞋', { requesterId: heFuqin }));
    expect(byWorker).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(await written()).toEqual(before);

    // the limit is per requester: the worker still submits for another resident of the community
    const gulnar = await personByName(t, worker, '古丽娜尔·艾力');
    expect((await ok(t, 'submit', worker, input('助听器', { requesterId: gulnar }))).status).toBe('PENDING_REVIEW');
  });

  it('counts the last 24 hours of the clock: a submission leaves the window 24 hours after it was made', async () => {
    await advance(24 * HOUR - 1);
    expect(await mutate(t, 'submit', resident, input('棉拖鞋'))).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    await advance(1);
    expect((await ok(t, 'submit', resident, input('棉拖鞋'))).status).toBe('PENDING_REVIEW');
  });

  it("follows the township's setting: lowered to 2 for 建国路街道, raised to 8", async () => {
    await advance(25 * HOUR); // a fresh window
    await setWishSetting(t, zhou, CODES.jianguolu, 'maxSubmissionsPerDay', 2);
    await ok(t, 'submit', resident, input('围巾'));
    await ok(t, 'submit', resident, input('手套'));
    expect(await mutate(t, 'submit', resident, input('帽子'))).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { limit: 2 },
    });
    await setWishSetting(t, zhou, CODES.jianguolu, 'maxSubmissionsPerDay', 8);
    expect((await ok(t, 'submit', resident, input('帽子'))).status).toBe('PENDING_REVIEW');
  });
});

describe(`the limit under concurrency (${engine()})`, () => {
  it('10 simultaneous submissions for one requester with the limit at 3: exactly 3 are created', async () => {
    await advance(25 * HOUR); // a fresh window
    await setWishSetting(t, zhou, CODES.jianguolu, 'maxSubmissionsPerDay', 3);
    const before = await written();

    // half by the resident herself, half by the worker on her behalf
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2
          ? mutate(t, 'submit', worker, input(`书包${i}`, { requesterId: heFuqin }))
          : mutate(t, 'submit', resident, input(`书包${i}`)),
      ),
    );

    expect(results.filter((r) => r.__typename === 'SubmitWishPayload')).toHaveLength(3);
    expect(results.filter((r) => r.code === 'LIMIT_EXCEEDED')).toHaveLength(7);
    const after = await written();
    expect(after).toEqual({ wishes: before.wishes + 3, events: before.events + 3, audit: before.audit + 3 });
    const since = new Date(clock.now().getTime() - 24 * HOUR);
    const person = await t.db.prisma.account.findUniqueOrThrow({ where: { username: 'resident-he' } });
    expect(await t.db.prisma.wish.count({ where: { requesterId: person.personId!, submittedAt: { gt: since } } })).toBe(
      3,
    );
  });
});
