// 积分账本: every write locks the account row (SELECT … FOR UPDATE), checks the idempotency key,
// changes the cached balance with a conditional update and appends one immutable entry — all in the
// caller's transaction. Balance and stock can never go below zero (also CHECK constraints).
import { randomUUID } from 'node:crypto';
import {
  AppError,
  conflict,
  invalidTransition,
  type PointsEntry,
  type PointsRule,
  type Prisma,
} from '../../src/kit/index.js';
import { townshipOf } from './access.js';

type Tx = Prisma.TransactionClient;

export interface LockedAccount {
  id: string;
  balance: number;
  personId: string;
  townshipId: string;
  regionPath: string;
}

export async function lockAccountById(tx: Tx, id: string): Promise<LockedAccount | null> {
  const rows = await tx.$queryRaw<LockedAccount[]>`
    SELECT id, balance, "personId", "townshipId", "regionPath" FROM "PointsAccount" WHERE id = ${id} FOR UPDATE`;
  return rows[0] ?? null;
}

/** the account of a person in a township, created on first use, locked for this transaction */
export async function openAndLockAccount(
  tx: Tx,
  personId: string,
  township: { id: string; path: string },
  homePath: string,
) {
  const regionPath = homePath.startsWith(township.path) ? homePath : township.path;
  await tx.$executeRaw`
    INSERT INTO "PointsAccount" (id, "personId", "townshipId", "regionPath", balance, "createdAt")
    VALUES (${randomUUID()}, ${personId}, ${township.id}, ${regionPath}, 0, now())
    ON CONFLICT ("personId", "townshipId") DO NOTHING`;
  const rows = await tx.$queryRaw<LockedAccount[]>`
    SELECT id, balance, "personId", "townshipId", "regionPath" FROM "PointsAccount"
    WHERE "personId" = ${personId} AND "townshipId" = ${township.id} FOR UPDATE`;
  return rows[0]!;
}

/**
 * a retried request returns the entry it recorded the first time; a different request under the same key
 * is a CONFLICT
 */
async function replay(tx: Tx, accountId: string, key: string, same: (e: PointsEntry) => boolean) {
  const existing = await tx.pointsEntry.findUnique({
    where: { accountId_idempotencyKey: { accountId, idempotencyKey: key } },
  });
  if (existing && !same(existing))
    throw conflict(`幂等键 ${key} 已用于另一笔操作 (idempotency key already used for a different request)`);
  return existing;
}

async function changeBalance(tx: Tx, accountId: string, delta: number) {
  const rows = await tx.$queryRaw<{ balance: number }[]>`
    UPDATE "PointsAccount" SET balance = balance + ${delta}
    WHERE id = ${accountId} AND balance + ${delta} >= 0 RETURNING balance`;
  if (!rows[0]) throw new AppError('PRECONDITION_FAILED', `积分余额不足 (insufficient balance for ${-delta} points)`);
  return rows[0].balance;
}

/** start of the cap period containing `at`, on the Asia/Shanghai calendar (UTC+8) */
export function periodStart(period: string, at: Date): Date {
  const offset = 8 * 3_600_000;
  const local = new Date(at.getTime() + offset);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  let start: number;
  if (period === 'DAY') start = Date.UTC(y, m, d);
  else if (period === 'WEEK') start = Date.UTC(y, m, d) - ((local.getUTCDay() + 6) % 7) * 86_400_000;
  else if (period === 'MONTH') start = Date.UTC(y, m, 1);
  else start = Date.UTC(y, 0, 1);
  return new Date(start - offset);
}

export interface EarnInput {
  rule: PointsRule;
  account: LockedAccount;
  idempotencyKey: string;
  at: Date;
  /** multiplier, e.g. verified volunteer hours (default 1) */
  units?: number;
  note?: string | null;
  actorAccountId?: string | null;
  /** strict: refuse over the cap (LIMIT_EXCEEDED); lenient: award what fits under it (event subscribers) */
  strict: boolean;
}

export async function earn(tx: Tx, e: EarnInput): Promise<{ entry: PointsEntry | null; replayed: boolean }> {
  const again = await replay(tx, e.account.id, e.idempotencyKey, (x) => x.kind === 'EARN' && x.ruleId === e.rule.id);
  if (again) return { entry: again, replayed: true };
  if (!e.rule.active) throw new AppError('PRECONDITION_FAILED', `积分规则「${e.rule.name}」已停用 (rule inactive)`);
  let points = Math.round(e.rule.points * (e.units ?? 1));
  if (e.rule.capPerPeriod != null && e.rule.period) {
    const used = await tx.pointsEntry.aggregate({
      _sum: { points: true },
      where: {
        accountId: e.account.id,
        ruleId: e.rule.id,
        kind: 'EARN',
        createdAt: { gte: periodStart(e.rule.period, e.at) },
        reversedBy: { is: null },
      },
    });
    const remaining = Math.max(0, e.rule.capPerPeriod - (used._sum.points ?? 0));
    if (points > remaining) {
      if (e.strict) {
        throw new AppError(
          'LIMIT_EXCEEDED',
          `「${e.rule.name}」本周期最多 ${e.rule.capPerPeriod} 分，还可获得 ${remaining} 分 ` +
            `(cap per period reached: ${remaining} left)`,
        );
      }
      points = remaining;
    }
  }
  if (points <= 0) return { entry: null, replayed: false };
  const balanceAfter = await changeBalance(tx, e.account.id, points);
  const entry = await tx.pointsEntry.create({
    data: {
      accountId: e.account.id,
      regionPath: e.account.regionPath,
      kind: 'EARN',
      points,
      balanceAfter,
      ruleId: e.rule.id,
      idempotencyKey: e.idempotencyKey,
      note: e.note?.trim() || null,
      actorAccountId: e.actorAccountId ?? null,
      createdAt: e.at,
    },
  });
  return { entry, replayed: false };
}

export async function redeem(
  tx: Tx,
  r: {
    account: LockedAccount;
    itemId: string;
    quantity: number;
    idempotencyKey: string;
    at: Date;
    actorAccountId: string | null;
  },
) {
  const again = await replay(
    tx,
    r.account.id,
    r.idempotencyKey,
    (x) => x.kind === 'REDEEM' && x.itemId === r.itemId && x.quantity === r.quantity,
  );
  if (again) return again;
  const item = await tx.pointsStoreItem.findUnique({ where: { id: r.itemId } });
  if (!item || item.townshipId !== r.account.townshipId)
    throw new AppError('NOT_FOUND', '积分超市商品不存在 (no such item in this township)');
  if (!item.active) throw new AppError('PRECONDITION_FAILED', `「${item.name}」已下架 (item withdrawn)`);
  const cost = item.price * r.quantity;
  if (r.account.balance < cost)
    throw new AppError(
      'PRECONDITION_FAILED',
      `积分余额不足：需要 ${cost} 分，现有 ${r.account.balance} 分 (insufficient balance)`,
    );
  // stock first: a conditional decrement, so two buyers never take the last item twice
  const took = await tx.pointsStoreItem.updateMany({
    where: { id: item.id, stock: { gte: r.quantity } },
    data: { stock: { decrement: r.quantity } },
  });
  if (took.count !== 1) throw new AppError('PRECONDITION_FAILED', `「${item.name}」库存不足 (out of stock)`);
  const balanceAfter = await changeBalance(tx, r.account.id, -cost);
  return tx.pointsEntry.create({
    data: {
      accountId: r.account.id,
      regionPath: r.account.regionPath,
      kind: 'REDEEM',
      points: -cost,
      balanceAfter,
      itemId: item.id,
      quantity: r.quantity,
      idempotencyKey: r.idempotencyKey,
      actorAccountId: r.actorAccountId,
      createdAt: r.at,
    },
  });
}

/** 冲正: a mistake is corrected by a reversing entry (a redemption's reversal also returns the stock) */
export async function reverse(
  tx: Tx,
  r: {
    account: LockedAccount;
    entry: PointsEntry;
    idempotencyKey: string;
    at: Date;
    note: string | null;
    actorAccountId: string | null;
  },
) {
  const again = await replay(
    tx,
    r.account.id,
    r.idempotencyKey,
    (x) => x.kind === 'REVERSE' && x.reversesId === r.entry.id,
  );
  if (again) return again;
  if (r.entry.kind !== 'EARN' && r.entry.kind !== 'REDEEM')
    throw invalidTransition('只能冲正获得或兑换流水 (only EARN and REDEEM entries can be reversed)');
  if (await tx.pointsEntry.findUnique({ where: { reversesId: r.entry.id }, select: { id: true } }))
    throw invalidTransition('该流水已冲正 (already reversed)');
  const points = -r.entry.points;
  const balanceAfter = await changeBalance(tx, r.account.id, points);
  if (r.entry.kind === 'REDEEM' && r.entry.itemId && r.entry.quantity) {
    await tx.pointsStoreItem.update({
      where: { id: r.entry.itemId },
      data: { stock: { increment: r.entry.quantity } },
    });
  }
  return tx.pointsEntry.create({
    data: {
      accountId: r.account.id,
      regionPath: r.account.regionPath,
      kind: 'REVERSE',
      points,
      balanceAfter,
      reversesId: r.entry.id,
      idempotencyKey: r.idempotencyKey,
      note: r.note,
      actorAccountId: r.actorAccountId,
      createdAt: r.at,
    },
  });
}

/**
 * Awards points by rule code where the township has such an active rule (VOLUNTEERING, PATROL,
 * INCIDENT_REPORT …): lenient about caps and silent when there is no rule, so it never fails the
 * change that triggered it.
 */
export async function awardByRuleCode(
  tx: Tx,
  a: {
    code: string;
    personId: string;
    regionPath: string;
    idempotencyKey: string;
    at: Date;
    units?: number;
    note?: string;
    actorAccountId?: string | null;
  },
) {
  const townshipPath = townshipOf(a.regionPath);
  const rule = await tx.pointsRule.findFirst({ where: { regionPath: townshipPath, code: a.code, active: true } });
  if (!rule) return null;
  const person = await tx.person.findUnique({ where: { id: a.personId }, select: { homePath: true } });
  if (!person) return null;
  const account = await openAndLockAccount(
    tx,
    a.personId,
    { id: rule.townshipId, path: townshipPath },
    person.homePath,
  );
  const { entry } = await earn(tx, {
    rule,
    account,
    idempotencyKey: a.idempotencyKey,
    at: a.at,
    units: a.units,
    note: a.note,
    actorAccountId: a.actorAccountId,
    strict: false,
  });
  return entry;
}
