import { containsText } from '../input/like.js';
import type { Builder } from '../builder.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { isAdminOf, ROLE_RANK, type Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import type { Prisma, Role } from '../../generated/prisma/client.js';
import { AppError, Checks, forbidden, notFound, ValidationError } from '../errors.js';
import { payloadType } from './errors-graph.js';
import { parseId, parseOptionalId } from './lookup.js';
import { describedValues } from './enums.js';
import { guardNode } from './node-guards.js';
import { scopeFromFilter, viewerScope } from './scope.js';
import { registerSessions } from './session.js';
import { countRows } from './row-counts.js';
import { ADMINS } from '../auth/policy.js';

const ROLES: Record<Role, string> = {
  SYSTEM_ADMIN: '系统管理员 system administrator',
  REGION_ADMIN: '区域管理员 administrator of a prefecture, county or township',
  COMMUNITY_WORKER: '社区工作者 community or village worker (incl. grid workers)',
  DEPARTMENT_STAFF: '部门工作人员 staff of one organisation',
  PARTY_MEMBER: '党员 party member',
  RESIDENT: '居民 resident',
  ANALYST: '分析员 analyst: figures without personal information',
};

/**
 * 只能授予低于自己的角色: admins create and manage accounts of a role strictly below their own (a
 * township admin cannot make or reset another admin); the system administrator manages every role.
 */
const grantable = (viewer: Viewer, role: Role) =>
  viewer.role === 'SYSTEM_ADMIN' || ROLE_RANK[role] < ROLE_RANK[viewer.role];

/** admins see accounts in their area; everyone sees their own */
const canSeeAccount = (viewer: Viewer | null, a: { id: string; regionPath: string }) =>
  !!viewer && (viewer.accountId === a.id || isAdminOf(viewer, a.regionPath));

export function registerAccounts(
  builder: Builder,
  deps: {
    signToken: (a: { id: string; tokenVersion: number }, now: Date) => Promise<{ token: string; expiresAt: Date }>;
  },
) {
  const RoleEnum = builder.enumType('Role', {
    description: '角色',
    values: describedValues(ROLES),
  });

  builder.prismaNode('Account', {
    description: '账号 a login, scoped to a region (and for department staff to an organisation)',
    id: { field: 'id' },
    fields: (t) => ({
      username: t.exposeString('username', { description: '用户名' }),
      role: t.expose('role', { type: RoleEnum }),
      region: t.relation('region', { description: '权限范围 the region this account acts in' }),
      organization: t.relation('organization', { nullable: true, description: '所属单位' }),
      person: t.relation('person', { nullable: true, description: '本人' }),
      disabled: t.exposeBoolean('disabled', { description: '已停用' }),
      lastLoginAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.lastLoginAt }),
      createdAt: t.field({ type: 'DateTime', resolve: (a) => a.createdAt }),
    }),
  });
  guardNode(builder, 'Account', (a, ctx) => canSeeAccount(ctx.viewer, a));

  const ViewerRef = builder.objectRef<{ viewer: Viewer | null; modules: string[] }>('Viewer').implement({
    description: '当前用户 who is asking, and what this request can see',
    fields: (t) => ({
      account: t.prismaField({
        type: 'Account',
        nullable: true,
        resolve: (query, v, _a, ctx) =>
          v.viewer ? ctx.prisma.account.findUnique({ ...query, where: { id: v.viewer.accountId } }) : null,
      }),
      modules: t.stringList({
        description: '本次请求可用的模块 module ids in the schema serving this request',
        resolve: (v) => v.modules,
      }),
    }),
  });

  builder.queryField('viewer', (t) =>
    t.field({
      subGraphs: ['core'],
      policy: { roles: 'ANYONE', scope: 'NONE' },
      type: ViewerRef,
      resolve: async (_r, _a, ctx) => ({ viewer: ctx.viewer, modules: ctx.moduleIds }),
    }),
  );

  const AccountFilter = builder.inputType('AccountFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false }),
      role: t.field({ type: RoleEnum, required: false }),
      search: t.string({ required: false, description: '用户名包含' }),
    }),
  });
  const accountWhere = async (
    ctx: Context,
    f: typeof AccountFilter.$inferInput | null | undefined,
  ): Promise<Prisma.AccountWhereInput> => {
    const viewer = ctx.viewer!;
    if (viewer.role !== 'SYSTEM_ADMIN' && viewer.role !== 'REGION_ADMIN')
      throw forbidden('只有管理员可以管理账号 (admins only)');
    const scope = await scopeFromFilter(ctx, f?.regionId, {
      base: viewerScope(ctx),
      allowed: (p) => isAdminOf(viewer, p),
    });
    return {
      regionPath: { startsWith: scope },
      ...(f?.role ? { role: f.role } : {}),
      ...(f?.search?.trim() ? { username: containsText(f.search.trim().toLowerCase()) } : {}),
    };
  };

  builder.queryField('accounts', (t) =>
    t.prismaConnection({
      subGraphs: ['core'],
      policy: { roles: ADMINS, scope: { region: 'filter.regionId' } },
      description: '账号列表 (admins, within their area)',
      type: 'Account',
      cursor: 'id',
      args: { filter: t.arg({ type: AccountFilter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.account.findMany({
          ...query,
          where: await accountWhere(ctx, args.filter),
          orderBy: [{ username: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'Account', await accountWhere(ctx, args.filter)),
    }),
  );

  registerSessions(builder, deps);

  // ---- account administration ------------------------------------------------------------------
  const CreateAccountInput = builder.inputType('CreateAccountInput', {
    fields: (t) => ({
      username: t.string({ required: true, description: '3–32 位小写字母、数字、- 或 _' }),
      password: t.string({
        required: true,
        description: '10–128 位，不含用户名，不是常见密码 (see README Logins and sessions)',
      }),
      role: t.field({ type: RoleEnum, required: true }),
      regionId: t.id({ required: true, description: '权限范围' }),
      organizationId: t.id({ required: false, description: '所属单位 (required for DEPARTMENT_STAFF)' }),
      personId: t.id({ required: false, description: '本人 (required for PARTY_MEMBER and RESIDENT)' }),
    }),
  });
  const AccountPayload = (name: string) => payloadType(builder, name, 'account', 'Account');
  const CreateAccountPayload = AccountPayload('CreateAccountPayload');
  const SetAccountDisabledPayload = AccountPayload('SetAccountDisabledPayload');
  const ResetPasswordPayload = AccountPayload('ResetAccountPasswordPayload');

  builder.mutationFields((t) => ({
    createAccount: t.field({
      subGraphs: ['core'],
      policy: {
        roles: ADMINS,
        scope: [
          { region: 'input.regionId' },
          { record: 'Organization', id: 'input.organizationId' },
          { record: 'Person', id: 'input.personId' },
        ],
      },
      description: '新建账号 (admins, inside their area, with a role no higher than their own)',
      type: CreateAccountPayload,
      errors: {},
      args: { input: t.arg({ type: CreateAccountInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const viewer = ctx.viewer!;
        const username = input.username.trim().toLowerCase();
        const problem = passwordProblem(input.password, username);
        new Checks()
          .check(
            /^[a-z0-9][a-z0-9_-]{2,31}$/.test(username),
            'input.username',
            '3–32 位小写字母、数字、- 或 _ (3–32 of a-z 0-9 - _)',
          )
          .check(!problem, 'input.password', problem ?? '')
          .check(grantable(viewer, input.role), 'input.role', '只能授予低于自己的角色 (only a role below your own)')
          .check(
            input.role !== 'DEPARTMENT_STAFF' || input.organizationId,
            'input.organizationId',
            '部门工作人员需指定单位 (required for DEPARTMENT_STAFF)',
          )
          .check(
            !['PARTY_MEMBER', 'RESIDENT'].includes(input.role) || input.personId,
            'input.personId',
            '党员和居民账号需关联本人 (required for this role)',
          )
          .throwIfAny();
        const region = await ctx.prisma.region.findUnique({
          where: { id: parseId(String(input.regionId), 'Region', 'input.regionId') },
        });
        if (!region) throw notFound('区划 region');
        if (!isAdminOf(viewer, region.path)) throw forbidden('只能在本辖区内建账号 (inside your area only)');
        const organizationId = parseOptionalId(
          input.organizationId == null ? null : String(input.organizationId),
          'Organization',
          'input.organizationId',
        );
        const personId = parseOptionalId(
          input.personId == null ? null : String(input.personId),
          'Person',
          'input.personId',
        );
        if (organizationId && !(await ctx.prisma.organization.findUnique({ where: { id: organizationId } })))
          throw notFound('单位 organization');
        if (personId) {
          const person = await ctx.prisma.person.findUnique({ where: { id: personId } });
          if (!person) throw notFound('居民 person');
          if (
            !person.homePath.startsWith(viewer.role === 'SYSTEM_ADMIN' ? '/' : viewer.regionPath) &&
            !isAdminOf(viewer, person.homePath)
          ) {
            throw forbidden('本人不在你的辖区 (that person lives outside your area)');
          }
        }
        const passwordHash = await hashPassword(input.password);
        const account = await ctx.prisma.$transaction(async (tx) => {
          if (await tx.account.findUnique({ where: { username } }))
            throw new AppError('CONFLICT', `用户名 ${username} 已被使用 (username taken)`);
          if (personId && (await tx.account.findUnique({ where: { personId } })))
            throw new AppError('CONFLICT', '此人已有账号 (that person already has an account)');
          const a = await tx.account.create({
            data: {
              username,
              passwordHash,
              role: input.role,
              regionId: region.id,
              regionPath: region.path,
              organizationId,
              personId,
            },
          });
          await ctx.audit(tx, {
            action: 'account.create',
            entityType: 'Account',
            entityId: a.id,
            regionPath: region.path,
            data: { username, role: input.role },
          });
          return a;
        });
        return { account };
      },
    }),
    setAccountDisabled: t.field({
      subGraphs: ['core'],
      policy: { roles: ADMINS, scope: { record: 'Account', id: 'input.accountId' } },
      description: '停用/启用账号; disabling ends its sessions',
      type: SetAccountDisabledPayload,
      errors: {},
      args: {
        input: t.arg({
          type: builder.inputType('SetAccountDisabledInput', {
            fields: (f) => ({
              accountId: f.id({ required: true }),
              disabled: f.boolean({ required: true }),
              note: f.string({ required: false }),
            }),
          }),
          required: true,
        }),
      },
      resolve: async (_r, { input }, ctx) => {
        const id = parseId(String(input.accountId), 'Account', 'input.accountId');
        const target = await adminTarget(ctx, id);
        if (target.id === ctx.viewer!.accountId)
          throw new AppError('VALIDATION', '不能停用自己的账号 (not your own account)');
        const account = await ctx.prisma.$transaction(async (tx) => {
          const a = await tx.account.update({
            where: { id },
            data: { disabled: input.disabled, tokenVersion: { increment: 1 } },
          });
          await ctx.audit(tx, {
            action: input.disabled ? 'account.disable' : 'account.enable',
            entityType: 'Account',
            entityId: id,
            regionPath: a.regionPath,
            data: { note: input.note ?? null },
          });
          return a;
        });
        return { account };
      },
    }),
    resetAccountPassword: t.field({
      subGraphs: ['core'],
      policy: { roles: ADMINS, scope: { record: 'Account', id: 'input.accountId' } },
      description: "重置密码 (admins); ends the account's sessions",
      type: ResetPasswordPayload,
      errors: {},
      args: {
        input: t.arg({
          type: builder.inputType('ResetAccountPasswordInput', {
            fields: (f) => ({ accountId: f.id({ required: true }), newPassword: f.string({ required: true }) }),
          }),
          required: true,
        }),
      },
      resolve: async (_r, { input }, ctx) => {
        const id = parseId(String(input.accountId), 'Account', 'input.accountId');
        const target = await adminTarget(ctx, id);
        const problem = passwordProblem(input.newPassword, target.username);
        if (problem) throw new ValidationError([{ path: 'input.newPassword', message: problem }]);
        const passwordHash = await hashPassword(input.newPassword);
        const account = await ctx.prisma.$transaction(async (tx) => {
          const a = await tx.account.update({ where: { id }, data: { passwordHash, tokenVersion: { increment: 1 } } });
          await ctx.audit(tx, {
            action: 'account.resetPassword',
            entityType: 'Account',
            entityId: id,
            regionPath: a.regionPath,
          });
          return a;
        });
        return { account };
      },
    }),
  }));

  async function adminTarget(ctx: Context, id: string) {
    const target = await ctx.prisma.account.findUnique({ where: { id } });
    if (!target || !canSeeAccount(ctx.viewer, target)) throw notFound('账号 account');
    if (!isAdminOf(ctx.viewer, target.regionPath) || !grantable(ctx.viewer!, target.role)) {
      throw forbidden('无权管理该账号 (outside your area, or not below your role)');
    }
    return target;
  }
}
