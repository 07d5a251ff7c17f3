// 微心愿 → 五社联动 through a domain event only: a wish not approved at review becomes an open need of its
// community (source WISH) in the same transaction, once, and not where social-linkage is switched off.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, type TestApp } from '../helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: installedModules });
}, 120_000);
afterAll(() => t.close());

const REVIEW = `mutation($i: ReviewWishInput!) { reviewWish(input: $i) {
  __typename ... on ReviewWishPayload { wish { status } } ... on Error { code message } } }`;
const NEEDS = `query($r: ID!) { communityNeeds(filter: { regionId: $r }, first: 50) {
  edges { node { source status category } } } }`;

describe('a rejected wish becomes a need', () => {
  it('reviewWish(approve: false) publishes wishes.rejected; social-linkage records one OPEN need (WISH)', async () => {
    // set-up: a submitted wish of 晶彩城社区 waiting for review (submission has its own tests)
    const community = await t.db.prisma.region.findFirstOrThrow({ where: { code: '652301004001' } });
    const requester = await t.db.prisma.person.findFirstOrThrow({ where: { homeCommunityId: community.id } });
    const wish = await t.db.prisma.wish.create({
      data: {
        communityId: community.id,
        regionPath: community.path,
        requesterId: requester.id,
        title: '想要一台助听器',
        category: 'HEALTH',
        channel: 'HOME_VISIT',
        submittedAt: t.clock.now(),
      },
    });
    const token = await t.login('jingcaicheng-worker');
    const regionId = encodeGlobalID('Region', community.id);
    const before = (await t.gql(NEEDS, { r: regionId }, { token })).data.communityNeeds.edges.length;
    const r = await t.gql(
      REVIEW,
      { i: { wishId: encodeGlobalID('Wish', wish.id), approve: false, reason: '已由社区另行解决' } },
      { token },
    );
    expect(JSON.stringify(r)).toContain('REJECTED');
    const needs = await t.db.prisma.communityNeed.findMany({ where: { source: 'WISH', sourceRef: wish.id } });
    expect(needs).toHaveLength(1);
    expect(needs[0]).toMatchObject({ status: 'OPEN', category: 'FAMILY_DOCTOR', communityId: community.id });
    const after = (await t.gql(NEEDS, { r: regionId }, { token })).data.communityNeeds.edges;
    expect(after.length).toBe(before + 1);
  });
});
