// 登录与会话: login, logout and changePassword. Every password guess is counted before it is evaluated
// (src/auth/throttle.ts); logout revokes the token presented (by its jti, in the database, so every
// instance refuses it at once) or, with `all`, every token of the account (tokenVersion + 1).
import type { Builder } from '../builder.js';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from '../auth/password.js';
import { metrics } from '../metrics.js';
import { assertAttemptAllowed, clearAttempts, loginKey, passwordChangeKey } from '../auth/throttle.js';
import { AppError, Checks, ValidationError } from '../errors.js';
import { payloadType } from './errors-graph.js';

export interface SessionDeps {
  signToken: (a: { id: string; tokenVersion: number }, now: Date) => Promise<{ token: string; expiresAt: Date }>;
}

export function registerSessions(builder: Builder, deps: SessionDeps) {
  registerLogin(builder, deps);
  registerLogout(builder);
  registerChangePassword(builder);
}

function registerLogin(builder: Builder, deps: SessionDeps) {
  const LoginInput = builder.inputType('LoginInput', {
    fields: (t) => ({ username: t.string({ required: true }), password: t.string({ required: true }) }),
  });
  type Login = { token: string; expiresAt: Date; accountId: string };
  const LoginPayload = builder.objectRef<Login>('LoginPayload').implement({
    description: '登录结果: send the token as `Authorization: Bearer <token>`',
    fields: (t) => ({
      token: t.exposeString('token'),
      expiresAt: t.field({ type: 'DateTime', resolve: (p) => p.expiresAt }),
      account: t.prismaField({
        type: 'Account',
        resolve: (q, p, _a, ctx) => ctx.prisma.account.findUniqueOrThrow({ ...q, where: { id: p.accountId } }),
      }),
    }),
  });

  builder.mutationField('login', (t) =>
    t.field({
      subGraphs: ['core'],
      policy: { roles: 'ANYONE', scope: 'NONE', relation: 'the password of the account named' },
      description: '登录. At most five passwords are checked per username in 15 minutes; then RATE_LIMITED.',
      type: LoginPayload,
      errors: {},
      args: { input: t.arg({ type: LoginInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const username = input.username.trim().toLowerCase();
        new Checks()
          .text(username, 'input.username', { max: 64 })
          .check(input.password.length > 0, 'input.password', '必填 required')
          .check(input.password.length <= 1024, 'input.password', '过长 too long')
          .throwIfAny();
        const now = ctx.clock.now();
        const key = loginKey(username);
        // counted first: a guess refused here was never evaluated
        await assertAttemptAllowed(ctx.prisma, key, now).catch((error) => {
          metrics.logins.inc({ outcome: 'throttled' });
          throw error;
        });
        const account = await ctx.prisma.account.findUnique({ where: { username } });
        const ok = await verifyPassword(input.password, account?.passwordHash ?? (await dummyHash()));
        if (!account || !ok || account.disabled) {
          metrics.logins.inc({ outcome: 'failed' });
          throw new AppError(
            'UNAUTHENTICATED',
            '用户名或密码错误，或账号已停用 (wrong username or password, or account disabled)',
          );
        }
        await clearAttempts(ctx.prisma, key);
        metrics.logins.inc({ outcome: 'ok' });
        await ctx.prisma.account.update({ where: { id: account.id }, data: { lastLoginAt: now } });
        const { token, expiresAt } = await deps.signToken(account, now);
        return { token, expiresAt, accountId: account.id };
      },
    }),
  );
}

function registerLogout(builder: Builder) {
  const LogoutInput = builder.inputType('LogoutInput', {
    fields: (t) => ({
      all: t.boolean({
        required: false,
        description: '同时退出所有设备 end every session of this account, not only this token',
      }),
    }),
  });
  const LogoutPayload = builder.objectRef<{ all: boolean }>('LogoutPayload').implement({
    description: '退出登录结果: the token presented (or, with all, every token of the account) no longer works',
    fields: (t) => ({
      loggedOut: t.boolean({ resolve: () => true }),
      all: t.exposeBoolean('all', { description: '所有会话均已结束 every session was ended' }),
    }),
  });

  builder.mutationField('logout', (t) =>
    t.field({
      subGraphs: ['core'],
      policy: { roles: 'LOGGED_IN', scope: 'OWN' },
      description: '退出登录: ends the token presented, or every session of the account with `all`',
      type: LogoutPayload,
      errors: {},
      args: { input: t.arg({ type: LogoutInput, required: false }) },
      resolve: async (_r, { input }, ctx) => {
        const viewer = ctx.viewer!;
        const all = input?.all ?? false;
        const now = ctx.clock.now();
        if (!all && !viewer.session)
          throw new AppError('PRECONDITION_FAILED', '此请求没有可结束的令牌 (no token to end)');
        await ctx.prisma.$transaction(async (tx) => {
          if (all) {
            await tx.account.update({ where: { id: viewer.accountId }, data: { tokenVersion: { increment: 1 } } });
          } else {
            const { jti, expiresAt } = viewer.session!;
            // revocations are only needed until the token would expire anyway: prune as we go
            await tx.revokedToken.deleteMany({ where: { expiresAt: { lt: now } } });
            const revoked = { jti, accountId: viewer.accountId, expiresAt };
            await tx.revokedToken.createMany({ data: [revoked], skipDuplicates: true });
          }
          await ctx.audit(tx, {
            action: all ? 'account.logoutAll' : 'account.logout',
            entityType: 'Account',
            entityId: viewer.accountId,
            regionPath: viewer.regionPath,
          });
        });
        return { all };
      },
    }),
  );
}

function registerChangePassword(builder: Builder) {
  const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
    fields: (f) => ({
      currentPassword: f.string({ required: true }),
      newPassword: f.string({ required: true, description: '新密码: 10–128 位，不含用户名，不是常见密码' }),
    }),
  });

  builder.mutationField('changePassword', (t) =>
    t.field({
      subGraphs: ['core'],
      policy: { roles: 'LOGGED_IN', scope: 'OWN' },
      description: '修改自己的密码; every session ends, log in again. Guesses of the current password are throttled.',
      type: payloadType(builder, 'ChangePasswordPayload', 'account', 'Account'),
      errors: {},
      args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const viewer = ctx.viewer!;
        const problem = passwordProblem(input.newPassword, viewer.username);
        if (problem) throw new ValidationError([{ path: 'input.newPassword', message: problem }]);
        if (input.currentPassword.length > 1024) {
          throw new ValidationError([{ path: 'input.currentPassword', message: '过长 too long' }]);
        }
        // a stolen session must not be able to guess the password either: counted before evaluating
        const key = passwordChangeKey(viewer.accountId);
        await assertAttemptAllowed(ctx.prisma, key, ctx.clock.now());
        const current = await ctx.prisma.account.findUniqueOrThrow({ where: { id: viewer.accountId } });
        if (!(await verifyPassword(input.currentPassword, current.passwordHash))) {
          const message = '当前密码不正确 (current password is wrong)';
          throw new ValidationError([{ path: 'input.currentPassword', message }]);
        }
        await clearAttempts(ctx.prisma, key);
        const passwordHash = await hashPassword(input.newPassword);
        const account = await ctx.prisma.$transaction(async (tx) => {
          const a = await tx.account.update({
            where: { id: current.id },
            data: { passwordHash, tokenVersion: { increment: 1 } },
          });
          await ctx.audit(tx, {
            action: 'account.changePassword',
            entityType: 'Account',
            entityId: a.id,
            regionPath: a.regionPath,
          });
          return a;
        });
        return { account };
      },
    }),
  );
}
