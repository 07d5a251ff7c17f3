// grid.expirePoints: where a township sets 积分有效期 (pointsValidityMonths > 0), points earned before
// the cut-off and not yet consumed expire by an EXPIRE entry. Consumption (redemptions and earlier
// expiries) is taken from the oldest points first (FIFO). Each account is locked while it is changed,
// and the day's idempotency key makes a second run that day record nothing.
import { Prisma, type JobDefinition } from '../../src/kit/index.js';
import { MODULE } from './access.js';
import { lockAccountById } from './points-service.js';

const BATCH = 500;

export function monthsBefore(now: Date, months: number) {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** points of `accountId` earned before `cutoff` and not consumed by later debits (FIFO), capped by the balance */
function expirableSql(cutoff: Date, accountFilter: Prisma.Sql) {
  return Prisma.sql`
    SELECT a.id, LEAST(a.balance, GREATEST(0,
        COALESCE(SUM(e.points) FILTER (WHERE e.kind = 'EARN' AND e."createdAt" < ${cutoff}), 0)
      + COALESCE(SUM(e.points) FILTER (WHERE e.kind = 'REVERSE' AND r.kind = 'EARN' AND r."createdAt" < ${cutoff}), 0)
      + COALESCE(SUM(e.points) FILTER (WHERE e.kind IN ('REDEEM', 'EXPIRE')), 0)
      + COALESCE(SUM(e.points) FILTER (WHERE e.kind = 'REVERSE' AND r.kind = 'REDEEM'), 0)))::int AS expirable
    FROM "PointsAccount" a
    JOIN "PointsEntry" e ON e."accountId" = a.id
    LEFT JOIN "PointsEntry" r ON r.id = e."reversesId"
    WHERE ${accountFilter}
    GROUP BY a.id`;
}

export const expirePointsJob: JobDefinition = {
  id: 'grid.expirePoints',
  description: "积分过期 expire points older than the township's validity (pointsValidityMonths; 0 = never)",
  everyMs: 6 * 3_600_000,
  async run({ tx, now, gate, settings, audit }) {
    const townships = await tx.region.findMany({ where: { level: 'TOWNSHIP' }, select: { id: true, path: true } });
    const day = now.toISOString().slice(0, 10);
    let accounts = 0;
    let points = 0;
    for (const township of townships) {
      const months = await settings.get<number>(MODULE, 'pointsValidityMonths', township.path);
      if (!months || !(await gate.isEnabledAt(MODULE, township.path))) continue;
      const cutoff = monthsBefore(now, months);
      const candidates = await tx.$queryRaw<{ id: string; expirable: number }[]>`
        SELECT c.id, c.expirable
        FROM (${expirableSql(cutoff, Prisma.sql`a."townshipId" = ${township.id} AND a.balance > 0`)}) c
        WHERE c.expirable > 0 ORDER BY c.id LIMIT ${BATCH}`;
      for (const c of candidates) {
        const account = await lockAccountById(tx, c.id);
        if (!account) continue;
        // recomputed under the row lock: a redemption may have landed since the scan
        const [fresh] = await tx.$queryRaw<
          { expirable: number }[]
        >`${expirableSql(cutoff, Prisma.sql`a.id = ${c.id}`)}`;
        const amount = fresh?.expirable ?? 0;
        if (amount <= 0) continue;
        const key = `expire:${day}`;
        if (
          await tx.pointsEntry.findUnique({
            where: { accountId_idempotencyKey: { accountId: c.id, idempotencyKey: key } },
            select: { id: true },
          })
        )
          continue;
        const [row] = await tx.$queryRaw<{ balance: number }[]>`
          UPDATE "PointsAccount" SET balance = balance - ${amount}
          WHERE id = ${c.id} AND balance >= ${amount} RETURNING balance`;
        if (!row) continue;
        await tx.pointsEntry.create({
          data: {
            accountId: c.id,
            regionPath: account.regionPath,
            kind: 'EXPIRE',
            points: -amount,
            balanceAfter: row.balance,
            idempotencyKey: key,
            note: `积分过期 (earned before ${cutoff.toISOString().slice(0, 10)}, valid ${months} months)`,
            createdAt: now,
          },
        });
        accounts++;
        points += amount;
      }
    }
    if (accounts)
      await audit({ action: 'grid.points.expire', entityType: 'PointsAccount', data: { accounts, points, day } });
    return { accounts, points };
  },
};
