import type { PrismaClient } from '../../generated/prisma/client.js';

// 登录限流: after MAX_FAILURES failed logins for one username inside WINDOW, that username is locked
// for LOCK. Kept in the database so every API instance enforces the same count; keyed by the
// username as typed (known or not), so the response never reveals whether an account exists.
export const LOGIN_THROTTLE = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

const keyOf = (username: string) => `login:${username.trim().toLowerCase()}`;

export async function lockedUntil(prisma: PrismaClient, username: string, now: Date): Promise<Date | null> {
  const row = await prisma.loginThrottle.findUnique({ where: { key: keyOf(username) } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** counts one failure atomically (one statement, safe under concurrent attempts) */
export async function recordFailure(prisma: PrismaClient, username: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - LOGIN_THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + LOGIN_THROTTLE.lockMs);
  await prisma.$executeRaw`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "lockedUntil")
    VALUES (${keyOf(username)}, 1, ${now}::timestamp(3), NULL)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart}::timestamp(3) THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart}::timestamp(3) THEN ${now}::timestamp(3) ELSE "LoginThrottle"."windowStart" END,
      "lockedUntil" = CASE
        WHEN (CASE WHEN "LoginThrottle"."windowStart" < ${windowStart}::timestamp(3) THEN 1 ELSE "LoginThrottle"."failures" + 1 END) >= ${LOGIN_THROTTLE.maxFailures}
        THEN ${lockUntil}::timestamp(3) ELSE "LoginThrottle"."lockedUntil" END`;
}

export async function clearFailures(prisma: PrismaClient, username: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key: keyOf(username) } });
}
