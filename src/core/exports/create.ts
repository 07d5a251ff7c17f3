// createExport's checks and insert: the dataset must be one the viewer may export (known, its module in the
// viewer's schema, the role admitted), the filter valid (typed VALIDATION with field paths), its region inside
// the viewer's area (FORBIDDEN) and where the module is on; then, under a per-account advisory lock, at most
// `maxRunning` queued or running exports per account (LIMIT_EXCEEDED), so simultaneous requests take turns.
import type { Export } from '../../../generated/prisma/client.js';
import { within } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { AppError, Checks, ValidationError } from '../../errors.js';
import { townshipPathOf } from '../paths.js';
import { scopeFromFilter, viewerScope } from '../scope.js';
import { mayExport, type DeclaredDataset } from './datasets.js';
import type { ExportFilterValue } from './service.js';

export interface CreateExportInput {
  dataset: string;
  format: 'CSV' | 'XLSX';
  filter?: { regionId?: string | number | null; from?: Date | null; to?: Date | null; status?: string | null } | null;
}

/** the datasets this viewer may export: role admitted, module in the viewer's schema */
export function datasetsFor(ctx: Context): DeclaredDataset[] {
  const viewer = ctx.viewer;
  if (!viewer) return [];
  return [...ctx.services.exports.datasets.values()].filter(
    (d) => ctx.moduleIds.includes(d.moduleId) && mayExport(viewer.role, d),
  );
}

function checkFilter(d: DeclaredDataset, f: CreateExportInput['filter']) {
  const checks = new Checks();
  checks.check(!(f?.from && f?.to) || f.from < f.to, 'input.filter.to', 'from 应早于 to (from must be before to)');
  const statuses = d.definition.statuses;
  checks.check(
    f?.status == null || statuses?.includes(f.status),
    'input.filter.status',
    statuses ? `应为 ${statuses.join(' / ')} 之一 (one of them)` : '该数据集不按状态筛选 (no status filter)',
  );
  checks.throwIfAny();
}

export async function createExport(ctx: Context, input: CreateExportInput): Promise<Export> {
  const viewer = ctx.viewer!;
  const service = ctx.services.exports;
  const dataset = datasetsFor(ctx).find((d) => d.id === input.dataset);
  if (!dataset)
    throw new ValidationError([{ path: 'input.dataset', message: `未知数据集 unknown dataset ${input.dataset}` }]);
  checkFilter(dataset, input.filter);
  const scope = await scopeFromFilter(ctx, input.filter?.regionId, {
    base: viewerScope(ctx),
    allowed: (p) => within(viewer, p),
    field: 'input.filter.regionId',
  });
  // a township or community named: refused where the module is off there (a county keeps its other townships)
  if (townshipPathOf(scope)) await ctx.gate.assertEnabled(dataset.moduleId, scope);
  const f = input.filter;
  const filter: ExportFilterValue = {
    regionId: f?.regionId == null ? null : String(f.regionId),
    from: f?.from ? f.from.toISOString() : null,
    to: f?.to ? f.to.toISOString() : null,
    status: f?.status ?? null,
  };
  const now = ctx.clock.now();
  const created = await ctx.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`exports:${viewer.accountId}`}, 0))`;
    const open = await tx.export.count({
      where: { accountId: viewer.accountId, status: { in: ['QUEUED', 'RUNNING'] } },
    });
    if (open >= service.options.maxRunning)
      throw new AppError(
        'LIMIT_EXCEEDED',
        `每个账号同时最多 ${service.options.maxRunning} 个导出任务 (at most ${service.options.maxRunning} exports at a time)`,
        { limit: 'exports', max: service.options.maxRunning },
      );
    const row = await tx.export.create({
      data: {
        accountId: viewer.accountId,
        dataset: dataset.id,
        format: input.format,
        filter: { ...filter },
        regionPath: scope,
        createdAt: now,
        expiresAt: new Date(now.getTime() + service.options.expiryMs),
      },
    });
    await ctx.audit(tx, {
      action: 'export.create',
      entityType: 'Export',
      entityId: row.id,
      regionPath: scope,
      data: { dataset: dataset.id, format: input.format, filter: { ...filter } },
    });
    return row;
  });
  service.kick();
  return created;
}
