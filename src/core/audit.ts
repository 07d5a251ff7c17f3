import { startsWithText } from '../input/like.js';
import type { Builder } from '../builder.js';
import { isAdminOf } from '../auth/viewer.js';
import type { Context } from '../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { scopeFromFilter, viewerScope } from './scope.js';
import { countRows } from './row-counts.js';
import { ADMINS } from '../auth/policy.js';

export function registerAudit(builder: Builder) {
  builder.prismaNode('AuditLog', {
    name: 'AuditEntry',
    description: '审计日志 who did what, when, where (append-only)',
    id: { field: 'id' },
    fields: (t) => ({
      at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
      action: t.exposeString('action', { description: '操作, e.g. module.disable' }),
      entityType: t.exposeString('entityType', { nullable: true }),
      entityId: t.exposeString('entityId', { nullable: true }),
      regionPath: t.exposeString('regionPath', { nullable: true }),
      data: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.data }),
      actor: t.prismaField({
        type: 'Account',
        nullable: true,
        resolve: (q, e, _a, ctx) =>
          e.actorId ? ctx.prisma.account.findUnique({ ...q, where: { id: e.actorId } }) : null,
      }),
    }),
  });

  const AuditFilter = builder.inputType('AuditFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false }),
      action: t.string({ required: false, description: '操作前缀 action prefix, e.g. "module."' }),
      entityType: t.string({ required: false }),
      entityId: t.string({ required: false }),
      from: t.field({ type: 'DateTime', required: false }),
      to: t.field({ type: 'DateTime', required: false }),
    }),
  });

  const where = async (
    ctx: Context,
    f: typeof AuditFilter.$inferInput | null | undefined,
  ): Promise<Prisma.AuditLogWhereInput> => {
    const viewer = ctx.viewer!;
    const scope = await scopeFromFilter(ctx, f?.regionId, {
      base: viewerScope(ctx),
      allowed: (p) => isAdminOf(viewer, p),
    });
    return {
      ...(scope === '/' ? {} : { regionPath: { startsWith: scope } }),
      ...(f?.action ? { action: startsWithText(f.action) } : {}),
      ...(f?.entityType ? { entityType: f.entityType } : {}),
      ...(f?.entityId ? { entityId: f.entityId } : {}),
      ...(f?.from || f?.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
    };
  };

  builder.queryField('auditLog', (t) =>
    t.prismaConnection({
      subGraphs: ['core'],
      policy: { roles: ADMINS, scope: { region: 'filter.regionId' } },
      description: '审计日志 newest first (admins, within their area)',
      type: 'AuditLog',
      cursor: 'id',
      args: { filter: t.arg({ type: AuditFilter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.auditLog.findMany({
          ...query,
          where: await where(ctx, args.filter),
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'AuditLog', await where(ctx, args.filter)),
    }),
  );
}
