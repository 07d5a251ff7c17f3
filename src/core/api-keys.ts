// 接口密钥: API keys bound to an account, for machine clients of module HTTP routes (Open311 GeoReport v2).
// A key is shown once, when an administrator creates it; only its SHA-256 is stored, so a leaked table does
// not leak keys. A key acts as its account (role, area) and stops with it (disabled account, revoked key).
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { ADMINS } from '../auth/policy.js';
import { isAdminOf, ROLE_RANK, type Viewer } from '../auth/viewer.js';
import type { Builder } from '../builder.js';
import { AppError, Checks, forbidden, notFound } from '../errors.js';
import { parseId } from './lookup.js';

export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** the account an API key acts as, or null (unknown, revoked, or its account disabled) */
export async function apiKeyViewer(prisma: PrismaClient, key: string | null | undefined): Promise<Viewer | null> {
  if (!key || key.length > 200) return null;
  const row = await prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(key) }, include: { account: true } });
  if (!row || row.revokedAt || row.account.disabled) return null;
  const a = row.account;
  return {
    accountId: a.id,
    username: a.username,
    role: a.role,
    regionId: a.regionId,
    regionPath: a.regionPath,
    organizationId: a.organizationId,
    personId: a.personId,
  };
}

interface CreatedKey {
  id: string;
  label: string;
  key: string;
  createdAt: Date;
}

export function registerApiKeys(builder: Builder) {
  const Payload = builder.objectRef<CreatedKey>('CreateApiKeyPayload').implement({
    description: '新接口密钥: the key is shown only here, once (only its SHA-256 is stored)',
    fields: (t) => ({
      id: t.id({ resolve: (k) => k.id }),
      label: t.string({ resolve: (k) => k.label }),
      key: t.string({ description: '密钥 (store it now: it cannot be shown again)', resolve: (k) => k.key }),
      createdAt: t.field({ type: 'DateTime', resolve: (k) => k.createdAt }),
    }),
  });
  const Input = builder.inputType('CreateApiKeyInput', {
    description: '为账号创建接口密钥 (e.g. an Open311 client acting as that account)',
    fields: (t) => ({ accountId: t.id({ required: true }), label: t.string({ required: true }) }),
  });
  builder.mutationField('createApiKey', (t) =>
    t.field({
      subGraphs: ['core'],
      policy: { roles: ADMINS, scope: { record: 'Account', id: 'input.accountId' } },
      description: '创建接口密钥 (admins of the account’s area, for accounts below their role)',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.label, 'input.label', { max: 80 }).throwIfAny();
        const id = parseId(String(input.accountId), 'Account', 'input.accountId');
        const target = await ctx.prisma.account.findUnique({ where: { id } });
        if (!target || !isAdminOf(ctx.viewer, target.regionPath)) throw notFound('账号 account');
        if (ctx.viewer!.role !== 'SYSTEM_ADMIN' && ROLE_RANK[target.role] >= ROLE_RANK[ctx.viewer!.role])
          throw forbidden('只能为低于自己角色的账号创建 (accounts below your role only)');
        if (target.disabled) throw new AppError('PRECONDITION_FAILED', '账号已停用 (the account is disabled)');
        const key = `o311_${randomBytes(24).toString('hex')}`;
        const row = await ctx.prisma.$transaction(async (tx) => {
          const k = await tx.apiKey.create({
            data: {
              accountId: id,
              keyHash: hashApiKey(key),
              label: input.label.trim(),
              createdById: ctx.viewer!.accountId,
            },
          });
          await ctx.audit(tx, {
            action: 'apiKey.create',
            entityType: 'ApiKey',
            entityId: k.id,
            regionPath: target.regionPath,
            data: { accountId: id, label: k.label },
          });
          return k;
        });
        return { id: row.id, label: row.label, key, createdAt: row.createdAt };
      },
    }),
  );
}
