// 一对一精准认领 under load: simultaneous claims through GraphQL, on whichever engine the run uses
// (PGlite by default, PostgreSQL with TEST_DATABASE_URL).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, regionId, type TestApp } from '../../helpers.js';
import { CODES, dbId, mutate, ok, OPS, publishedWish, startApp } from './support.js';

let t: TestApp;
let members: { personId: string; token: string }[];
/** the first 50 race for one wish; the others are kept out of the race */
const RACERS = 50;
beforeAll(async () => {
  t = await startApp();
  // 52 in-service members of 昌吉州融媒体中心 registered at 晶彩城社区, each with an account
  const prisma = t.db.prisma;
  const [community, media, template] = await Promise.all([
    prisma.region.findUniqueOrThrow({ where: { code: CODES.jingcaicheng } }),
    prisma.organization.findFirstOrThrow({ where: { name: '昌吉州融媒体中心' } }),
    prisma.account.findUniqueOrThrow({ where: { username: 'member-pu' } }),
  ]);
  const people = Array.from({ length: RACERS + 2 }, (_, i) => ({
    id: randomUUID(),
    name: `测试党员${i}`,
    partyMember: true,
    homeCommunityId: community.id,
    homePath: community.path,
    workOrganizationId: media.id,
    registeredCommunityId: community.id,
  }));
  const accounts = people.map((p, i) => ({
    id: randomUUID(),
    username: `load-member-${i}`,
    passwordHash: template.passwordHash,
    role: 'PARTY_MEMBER' as const,
    regionId: community.id,
    regionPath: community.path,
    organizationId: media.id,
    personId: p.id,
  }));
  await prisma.person.createMany({ data: people });
  await prisma.account.createMany({ data: accounts });
  members = await Promise.all(
    accounts.map(async (a, i) => ({
      personId: people[i]!.id,
      token: (await t.app.tokens.sign({ accountId: a.id, tokenVersion: 0 }, t.clock.now())).token,
    })),
  );
});
afterAll(() => t.close());

describe(`one claimant per wish (${engine()})`, () => {
  it('50 simultaneous claimWish calls on one wish: exactly one succeeds, 49 get CONFLICT', async () => {
    const [resident, worker, admin] = await Promise.all(
      ['resident-he', 'jingcaicheng-worker', 'admin'].map((u) => t.login(u)),
    );
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng, title: '电热毯' });

    const results = await Promise.all(
      members.slice(0, RACERS).map((m) => mutate(t, 'claim', m.token, { wishId: wish.id })),
    );

    const winners = results.filter((r) => r.__typename === 'ClaimWishPayload');
    const codes = results.filter((r) => r.__typename !== 'ClaimWishPayload').map((r) => r.code);
    expect(winners).toHaveLength(1);
    expect(codes).toEqual(Array(49).fill('CONFLICT'));
    const final = (await t.gql(OPS.wish, { id: wish.id }, { token: admin })).data.wish;
    expect(final.status).toBe('CLAIMED');
    expect(final.claimantName).toBe(winners[0].wish.claimantName);
    expect(final.timeline.filter((e: any) => e.action === 'CLAIMED')).toHaveLength(1);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'wishes.claimed' } })).toBe(1);
  });

  it("a member's open-claim limit holds when they claim many wishes at once", async () => {
    const [zhou, worker] = await Promise.all(['zhou-admin', 'jingcaicheng-worker'].map((u) => t.login(u)));
    const set = await t.gql(
      `mutation($i: SetModuleSettingInput!) { setModuleSetting(input: $i) {
        __typename ... on Error { code message } } }`,
      { i: { regionId: await regionId(t, CODES.jianguolu), moduleId: 'wishes', key: 'maxOpenClaims', value: 3 } },
      { token: zhou },
    );
    expect(set.data.setModuleSetting.__typename).toBe('SetModuleSettingPayload');
    // the demo data leaves 12 wishes of 晶彩城社区 published
    const wall = await t.gql(
      `query($f: WishFilter) { wishes(filter: $f, first: 10) { edges { node { id } } } }`,
      { f: { status: 'PUBLISHED', regionId: await regionId(t, CODES.jingcaicheng) } },
      { token: worker },
    );
    const ids: string[] = wall.data.wishes.edges.map((e: any) => e.node.id);
    expect(ids).toHaveLength(10);

    const member = members[RACERS]!;
    const results = await Promise.all(ids.map((id) => mutate(t, 'claim', member.token, { wishId: id })));

    expect(results.filter((r) => r.__typename === 'ClaimWishPayload')).toHaveLength(3);
    expect(results.filter((r) => r.code === 'LIMIT_EXCEEDED')).toHaveLength(7);
    expect(await t.db.prisma.wish.count({ where: { claimantId: member.personId, status: 'CLAIMED' } })).toBe(3);
  });

  it('concurrent transitions of one claimed wish: fulfil and release race, one wins', async () => {
    const [resident, worker] = await Promise.all(['resident-he', 'jingcaicheng-worker'].map((u) => t.login(u)));
    const wish = await publishedWish(t, { token: resident, worker, community: CODES.jingcaicheng, title: '冬季棉被' });
    const member = members[RACERS + 1]!;
    await ok(t, 'claim', member.token, { wishId: wish.id });
    const results = await Promise.all([
      mutate(t, 'fulfil', member.token, { wishId: wish.id }),
      mutate(t, 'release', member.token, { wishId: wish.id }),
      mutate(t, 'fulfil', member.token, { wishId: wish.id }),
    ]);
    expect(results.filter((r) => r.__typename.endsWith('Payload'))).toHaveLength(1);
    expect(
      results
        .filter((r) => !r.__typename.endsWith('Payload'))
        .every((r) => ['CONFLICT', 'INVALID_TRANSITION', 'FORBIDDEN'].includes(r.code)),
    ).toBe(true);
    // submitted, approved, claimed, and the one winning transition
    expect(await t.db.prisma.wishEvent.count({ where: { wishId: dbId(wish.id) } })).toBe(4);
  });
});
