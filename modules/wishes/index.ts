// Module `wishes` 微心愿: the only public surface of modules/wishes/. See README.md beside this file.
import { defineModule, integerSetting } from '../../src/kit/index.js';
import { expireClaims } from './jobs.js';
import { MODULE_ID, registerEnums } from './model.js';
import { registerClaims } from './mutations/claim.js';
import { registerEdit } from './mutations/edit.js';
import { registerFulfilment } from './mutations/fulfilment.js';
import { registerReview } from './mutations/review.js';
import { registerSubmission } from './mutations/submission.js';
import { registerQueries } from './queries.js';
import { WISH_EXAMPLES } from './examples.js';
import { WISH_FIGURES } from './figures.js';
import { WISH_EXPORTS } from './exports.js';
import { seedWishes } from './seed.js';
import { registerStats } from './stats.js';
import { registerWishWall } from './wall.js';
import { notifyRequester, registerLive, WISH_CHANGED } from './live.js';
import { registerWishTypes } from './wish-node.js';

export default defineModule({
  id: MODULE_ID,
  title: '微心愿',
  description:
    "圆梦微心愿: residents' small wishes are collected, reviewed and published, " +
    'claimed one-to-one by party members, fulfilled and acknowledged',
  dependsOn: [],
  settings: {
    maxOpenClaims: integerSetting('每名党员同时认领上限 open claims one party member may hold at a time', 5, 1, 50),
    claimDeadlineDays: integerSetting(
      '认领兑现期限(天) days a claimant has to fulfil before the wish returns to the wall',
      14,
      1,
      90,
    ),
    maxSubmissionsPerDay: integerSetting('每人每日提交上限 wishes one requester may submit within 24 hours', 5, 1, 100),
  },
  jobs: [expireClaims],
  publishes: ['wishes.claimed', 'wishes.fulfilled', 'wishes.confirmed', 'wishes.rejected', WISH_CHANGED],
  notifies: { [WISH_CHANGED]: notifyRequester },
  figures: WISH_FIGURES,
  exports: WISH_EXPORTS,
  register(builder) {
    const enums = registerEnums(builder);
    const Wish = registerWishTypes(builder, enums);
    registerQueries(builder, enums, Wish);
    const WishWallItem = registerWishWall(builder, enums);
    registerStats(builder);
    registerSubmission(builder, enums, Wish);
    registerEdit(builder, enums, Wish);
    registerReview(builder, Wish);
    registerClaims(builder, Wish);
    registerFulfilment(builder, Wish);
    registerLive(builder, Wish, WishWallItem);
  },
  seed: seedWishes,
  examples: WISH_EXAMPLES,
});
