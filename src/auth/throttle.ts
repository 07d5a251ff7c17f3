import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError } from '../errors.js';

// 登录限流: at most MAX_ATTEMPTS passwords are evaluated per key inside WINDOW; the attempt that uses
// the last one locks the key for LOCK, and a correct password clears it. The attempt is reserved
// BEFORE the password is checked, in one conditional statement, so 50 parallel guesses cannot all
// read "not locked" first and be counted afterwards. Kept in the database, so every instance
// enforces the same budget. Login is keyed by the username as typed (known or not, so the answer
// never reveals whether an account exists); changePassword by the account.
export const LOGIN_THROTTLE = { maxAttempts: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export const loginKey = (username: string) => `login:${username.trim().toLowerCase()}`;
export const passwordChangeKey = (accountId: string) => `password:${accountId}`;

/**
 * Reserves one attempt for `key`: null when it may be evaluated, else the time the key unlocks.
 * INSERT … ON CONFLICT DO UPDATE … WHERE locks the row and evaluates the condition on its latest
 * version, so concurrent reservations are counted one after another on PostgreSQL and PGlite alike.
 */
export async function reserveAttempt(prisma: PrismaClient, key: string, now: Date): Promise<Date | null> {
  const { maxAttempts, windowMs, lockMs } = LOGIN_THROTTLE;
  const cut = new Date(now.getTime() - windowMs);
  const lockUntil = new Date(now.getTime() + lockMs);
  const reserved = await prisma.$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" AS t ("key", "failures", "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${now}::timestamp(3), ${maxAttempts <= 1 ? lockUntil : null}::timestamp(3))
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN t."windowStart" < ${cut}::timestamp(3) THEN 1 ELSE t."failures" + 1 END,
      "windowStart" = CASE WHEN t."windowStart" < ${cut}::timestamp(3)
        THEN ${now}::timestamp(3) ELSE t."windowStart" END,
      "lockedUntil" = CASE
        WHEN (CASE WHEN t."windowStart" < ${cut}::timestamp(3) THEN 1 ELSE t."failures" + 1 END) >= ${maxAttempts}
        THEN ${lockUntil}::timestamp(3) ELSE NULL END
    WHERE (t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now}::timestamp(3))
      AND (t."windowStart" < ${cut}::timestamp(3) OR t."failures" < ${maxAttempts})
    RETURNING t."failures"`;
  if (reserved.length) return null;
  const row = await prisma.loginThrottle.findUnique({ where: { key } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : lockUntil;
}

/** reserves an attempt or throws RATE_LIMITED with the time to retry */
export async function assertAttemptAllowed(prisma: PrismaClient, key: string, now: Date): Promise<void> {
  const until = await reserveAttempt(prisma, key, now);
  if (until) {
    throw new AppError('RATE_LIMITED', `尝试次数过多，请于 ${until.toISOString()} 后再试 (too many attempts)`, {
      retryAt: until.toISOString(),
    });
  }
}

/** a correct password ends the count */
export async function clearAttempts(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key } });
}
