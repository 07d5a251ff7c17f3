// 积分账本 mutations: awardPoints, redeemPoints, reversePointsEntry, openPointsAccount. Every ledger write
// takes an idempotency key: a retried request records once and returns the same entry. The township's
// switch is checked when its record is looked up, before the permission checks, and again by the unit.
import {
  AppError,
  Checks,
  forbidden,
  isAdminOf,
  MANAGERS,
  notFound,
  parseId,
  payloadType,
  SELF_OR_MANAGERS,
  within,
  type Builder,
  type Context,
  type PointsAccount,
  type PointsEntry,
  type Viewer,
  type WriteUnit,
  write,
} from '../../src/kit/index.js';
import { enabledTownship, MODULE, requireViewer } from './access.js';
import { refs } from './refs.js';
import { earn, lockAccountById, openAndLockAccount, redeem, reverse } from './points-service.js';

/** 积分登记员: township admins, or community workers of the township for people in their area */
const keepsPointsFor = (viewer: Viewer | null, townshipPath: string, personHomePath: string) =>
  isAdminOf(viewer, townshipPath) ||
  (!!viewer &&
    viewer.role === 'COMMUNITY_WORKER' &&
    viewer.regionPath.startsWith(townshipPath) &&
    within(viewer, personHomePath));

/** 不得自行办理: a keeper never awards, redeems or reverses on their own points account */
function assertNotSelf(viewer: Viewer, personId: string, message: string) {
  if (viewer.personId === personId) throw forbidden(message);
}

const checkKey = (checks: Checks, key: string) =>
  checks.check(/^[\w:.-]{1,100}$/.test(key), 'input.idempotencyKey', '1–100 个字母、数字或 _ : . - (idempotency key)');

async function townshipOfRecord(ctx: Context, townshipId: string) {
  const township = await ctx.prisma.region.findUniqueOrThrow({ where: { id: townshipId } });
  await ctx.gate.assertEnabled(MODULE, township.path);
  return township;
}

/** the write unit of a ledger change in a township */
const ledgerWrite = <T>(ctx: Context, township: { path: string }, work: (w: WriteUnit) => Promise<T>) =>
  write(ctx, { module: MODULE, regionPath: township.path }, work);

/** the payload of a ledger change: the entry and the account after it */
const withAccount = async <E>(tx: WriteUnit['tx'], entry: E, accountId: string) => ({
  entry,
  account: await tx.pointsAccount.findUniqueOrThrow({ where: { id: accountId } }),
});

export function registerPointsMutations(builder: Builder) {
  const R = refs(builder);
  const EntryPayload = (name: string) =>
    builder.objectRef<{ entry: PointsEntry; account: PointsAccount }>(name).implement({
      fields: (t) => ({
        entry: t.field({ type: R.PointsEntry, resolve: (p) => p.entry }),
        account: t.field({ type: R.PointsAccount, description: '账户 after the change', resolve: (p) => p.account }),
      }),
    });

  const AwardPointsInput = builder.inputType('AwardPointsInput', {
    fields: (t) => ({
      personId: t.id({ required: true }),
      ruleId: t.id({ required: true }),
      idempotencyKey: t.string({ required: true, description: '幂等键: a retry with the same key records once' }),
      note: t.string({ required: false }),
    }),
  });
  const RedeemPointsInput = builder.inputType('RedeemPointsInput', {
    fields: (t) => ({
      personId: t.id({ required: true }),
      itemId: t.id({ required: true }),
      quantity: t.field({ type: 'PositiveInt', required: false, description: 'default 1' }),
      idempotencyKey: t.string({ required: true }),
    }),
  });
  const ReverseInput = builder.inputType('ReversePointsEntryInput', {
    fields: (t) => ({
      entryId: t.id({ required: true }),
      idempotencyKey: t.string({ required: true }),
      note: t.string({ required: true, description: '冲正原因' }),
    }),
  });
  const OpenAccountInput = builder.inputType('OpenPointsAccountInput', {
    fields: (t) => ({ personId: t.id({ required: true }), townshipId: t.id({ required: true }) }),
  });
  builder.mutationFields((t) => ({
    awardPoints: t.field({
      policy: {
        roles: MANAGERS,
        // the rule and the item belong to the township above a worker's community: the resolver checks those
        scope: { record: 'Person', id: 'input.personId' },
        relation: 'never to themselves',
      },
      description:
        '积分奖励 by a rule (township admins; community workers for people of their area); ' +
        'LIMIT_EXCEEDED over the rule cap',
      type: EntryPayload('AwardPointsPayload'),
      errors: {},
      args: { input: t.arg({ type: AwardPointsInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const checks = new Checks().text(input.note, 'input.note', { max: 500, required: false });
        checkKey(checks, input.idempotencyKey).throwIfAny();
        const rule = await ctx.prisma.pointsRule.findUnique({
          where: { id: parseId(String(input.ruleId), 'PointsRule', 'input.ruleId') },
        });
        if (!rule) throw notFound('积分规则 rule');
        const township = await townshipOfRecord(ctx, rule.townshipId);
        const person = await ctx.prisma.person.findUnique({
          where: { id: parseId(String(input.personId), 'Person', 'input.personId') },
        });
        if (!person) throw notFound('居民 person');
        if (!keepsPointsFor(ctx.viewer, township.path, person.homePath))
          throw forbidden('无权为该居民记积分 (township admins, or community workers for people of their area)');
        assertNotSelf(ctx.viewer!, person.id, '不能为自己记积分 (nobody awards points to themselves)');
        return ledgerWrite(ctx, township, async ({ tx, now }) => {
          const account = await openAndLockAccount(tx, person.id, township, person.homePath);
          const { entry } = await earn(tx, {
            rule,
            account,
            idempotencyKey: input.idempotencyKey,
            at: now,
            note: input.note,
            actorAccountId: ctx.viewer!.accountId,
            strict: true,
          });
          return withAccount(tx, entry!, account.id);
        });
      },
    }),
    redeemPoints: t.field({
      policy: {
        roles: MANAGERS,
        scope: { record: 'Person', id: 'input.personId' },
        relation: 'never for their own points',
      },
      description:
        '积分兑换 at the township points store: stock and balance decrease atomically ' +
        '(recorded by staff keeping points for the person, never for themselves)',
      type: EntryPayload('RedeemPointsPayload'),
      errors: {},
      args: { input: t.arg({ type: RedeemPointsInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const quantity = input.quantity ?? 1;
        checkKey(
          new Checks().check(quantity <= 100, 'input.quantity', '每次最多 100 件 (at most 100)'),
          input.idempotencyKey,
        ).throwIfAny();
        const viewer = requireViewer(ctx);
        const itemId = parseId(String(input.itemId), 'PointsStoreItem', 'input.itemId');
        const personId = parseId(String(input.personId), 'Person', 'input.personId');
        const item = await ctx.prisma.pointsStoreItem.findUnique({
          where: { id: itemId },
          select: { townshipId: true },
        });
        if (!item) throw notFound('商品 item');
        const township = await townshipOfRecord(ctx, item.townshipId);
        const person = await ctx.prisma.person.findUnique({
          where: { id: personId },
          select: { id: true, homePath: true },
        });
        if (!person) throw notFound('居民 person');
        assertNotSelf(
          viewer,
          person.id,
          '兑换由积分管理员为本人办理，不能自己办理 (a keeper records a redemption, never for themselves)',
        );
        if (!keepsPointsFor(viewer, township.path, person.homePath))
          throw forbidden('只有积分管理员可以办理兑换 (staff keeping points record redemptions)');
        return ledgerWrite(ctx, township, async ({ tx, now }) => {
          const found = await tx.pointsAccount.findUnique({
            where: { personId_townshipId: { personId, townshipId: township.id } },
            select: { id: true },
          });
          if (!found)
            throw new AppError('PRECONDITION_FAILED', '该居民在本乡镇还没有积分 (no points account in this township)');
          const account = (await lockAccountById(tx, found.id))!;
          const entry = await redeem(tx, {
            account,
            itemId,
            quantity,
            idempotencyKey: input.idempotencyKey,
            at: now,
            actorAccountId: viewer.accountId,
          });
          return withAccount(tx, entry, account.id);
        });
      },
    }),
    reversePointsEntry: t.field({
      policy: {
        roles: MANAGERS,
        scope: { record: 'PointsEntry', id: 'input.entryId' },
        relation: 'never on their own points',
      },
      description:
        '冲正: correct a mistaken EARN or REDEEM by a reversing entry (never by editing or deleting); ' +
        'a redemption reversal returns the stock',
      type: EntryPayload('ReversePointsEntryPayload'),
      errors: {},
      args: { input: t.arg({ type: ReverseInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        checkKey(new Checks().text(input.note, 'input.note', { max: 500 }), input.idempotencyKey).throwIfAny();
        const original = await ctx.prisma.pointsEntry.findUnique({
          where: { id: parseId(String(input.entryId), 'PointsEntry', 'input.entryId') },
          include: { account: true },
        });
        if (!original) throw notFound('积分流水 entry');
        const township = await townshipOfRecord(ctx, original.account.townshipId);
        if (!keepsPointsFor(ctx.viewer, township.path, original.account.regionPath))
          throw forbidden('无权冲正 (township admins, or community workers of that area)');
        assertNotSelf(
          ctx.viewer!,
          original.account.personId,
          '不能冲正自己的积分 (nobody reverses entries of their own points)',
        );
        return ledgerWrite(ctx, township, async ({ tx, now }) => {
          const account = (await lockAccountById(tx, original.accountId))!;
          const entry = await reverse(tx, {
            account,
            entry: original,
            idempotencyKey: input.idempotencyKey,
            at: now,
            note: input.note.trim(),
            actorAccountId: ctx.viewer!.accountId,
          });
          return withAccount(tx, entry, account.id);
        });
      },
    }),
    openPointsAccount: t.field({
      policy: {
        roles: SELF_OR_MANAGERS,
        scope: [
          { record: 'Person', id: 'input.personId' },
          { region: 'input.townshipId', orAbove: true },
        ],
        relation: 'a member or resident for themself only',
      },
      description: '开立积分账户 (idempotent: returns the existing account)',
      type: payloadType(builder, 'OpenPointsAccountPayload', 'account', 'PointsAccount'),
      errors: {},
      args: { input: t.arg({ type: OpenAccountInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const township = await enabledTownship(ctx, input.townshipId);
        const person = await ctx.prisma.person.findUnique({
          where: { id: parseId(String(input.personId), 'Person', 'input.personId') },
        });
        if (!person) throw notFound('居民 person');
        if (ctx.viewer?.personId !== person.id && !keepsPointsFor(ctx.viewer, township.path, person.homePath))
          throw forbidden('无权开立 (the person, or staff keeping points)');
        const account = await ledgerWrite(ctx, township, async ({ tx }) => {
          const a = await openAndLockAccount(tx, person.id, township, person.homePath);
          return tx.pointsAccount.findUniqueOrThrow({ where: { id: a.id } });
        });
        return { account };
      },
    }),
  }));
}
