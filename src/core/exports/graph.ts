// 数据导出 in GraphQL: exportDatasets (what the viewer may export, with the columns they would get),
// createExport (queues a job), export(id) and myExports to poll. The file itself is downloaded from
// GET /exports/{id} (route.ts), by the account that created it.
import { READERS } from '../../auth/policy.js';
import type { Builder } from '../../builder.js';
import { parseId } from '../lookup.js';
import { payloadType } from '../errors-graph.js';
import { createExport, datasetsFor } from './create.js';
import { offeredColumns, type DeclaredDataset, type OfferedColumn } from './datasets.js';

export function registerExports(builder: Builder) {
  const Format = builder.enumType('ExportFormat', {
    description: '导出格式',
    values: { CSV: { description: 'CSV, UTF-8 with BOM' }, XLSX: { description: 'Excel 工作簿' } } as const,
  });
  const Status = builder.enumType('ExportStatus', {
    description: '导出状态',
    values: {
      QUEUED: { description: '排队中' },
      RUNNING: { description: '生成中' },
      READY: { description: '可下载' },
      FAILED: { description: '失败' },
      EXPIRED: { description: '已过期 (the file is deleted)' },
    } as const,
  });
  const Column = builder.objectRef<OfferedColumn>('ExportColumn').implement({
    description: '导出列 a column as you would get it',
    fields: (t) => ({
      id: t.exposeString('id'),
      title: t.exposeString('title', { description: '表头' }),
      type: t.exposeString('type', { description: 'STRING, NUMBER, DATE, DATETIME or BOOLEAN' }),
      masked: t.boolean({
        description: '是否脱敏 (names shown as the surname only)',
        resolve: (c) => c.view === 'MASKED',
      }),
    }),
  });
  const Dataset = builder.objectRef<DeclaredDataset>('ExportDataset').implement({
    description: '可导出的数据集 a dataset a module declares',
    fields: (t) => ({
      id: t.exposeString('id', { description: '`<module>.<name>`, e.g. wishes.wishes' }),
      title: t.string({ description: '中文名称', resolve: (d) => d.definition.title }),
      module: t.exposeString('moduleId', { description: '所属模块' }),
      description: t.string({ nullable: true, resolve: (d) => d.definition.description ?? null }),
      statuses: t.stringList({
        nullable: true,
        description: 'filter.status 的可选值 (null: no status filter)',
        resolve: (d) => (d.definition.statuses ? [...d.definition.statuses] : null),
      }),
      columns: t.field({
        type: [Column],
        maxItems: 40,
        description: '你将得到的列 the columns your role is offered (others are left out)',
        resolve: (d, _a, ctx) => offeredColumns(ctx.viewer!.role, d),
      }),
    }),
  });

  builder.prismaNode('Export', {
    name: 'Export',
    description: '导出任务 an export job and its file',
    id: { field: 'id' },
    fields: (t) => ({
      dataset: t.exposeString('dataset'),
      format: t.field({ type: Format, resolve: (e) => e.format }),
      status: t.field({ type: Status, resolve: (e) => e.status }),
      rowCount: t.int({ nullable: true, description: '行数 (once READY)', resolve: (e) => e.rowCount }),
      progress: t.exposeInt('progress', { description: '已写入行数 rows written so far' }),
      bytes: t.float({ description: '文件大小(字节)', resolve: (e) => Number(e.bytes) }),
      error: t.exposeString('error', { nullable: true }),
      createdAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
      finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.finishedAt }),
      expiresAt: t.field({
        type: 'DateTime',
        description: '过期时间 (the file is deleted then)',
        resolve: (e) => e.expiresAt,
      }),
      downloadPath: t.string({
        nullable: true,
        description: '下载路径 GET it with your bearer token (null until READY)',
        resolve: (e) => (e.status === 'READY' ? `/exports/${e.id}` : null),
      }),
    }),
  });

  const Filter = builder.inputType('ExportFilter', {
    description: '导出筛选',
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划 (inside your area; default: your area)' }),
      from: t.field({ type: 'DateTime', required: false, description: '起 (inclusive), on the dataset’s date' }),
      to: t.field({ type: 'DateTime', required: false, description: '止 (exclusive)' }),
      status: t.string({ required: false, description: '状态 (ExportDataset.statuses)' }),
    }),
  });
  const Input = builder.inputType('CreateExportInput', {
    description: '创建导出任务',
    fields: (t) => ({
      dataset: t.string({ required: true, description: 'ExportDataset.id' }),
      filter: t.field({ type: Filter, required: false }),
      format: t.field({ type: Format, required: true }),
    }),
  });

  builder.queryFields((t) => ({
    exportDatasets: t.field({
      subGraphs: ['core'],
      policy: { roles: 'LOGGED_IN', scope: 'NONE' },
      description: '可导出的数据集 what you may export (by role and the modules on in your area)',
      type: [Dataset],
      maxItems: 50,
      resolve: (_r, _a, ctx) => datasetsFor(ctx),
    }),
    export: t.prismaField({
      subGraphs: ['core'],
      policy: { roles: 'LOGGED_IN', scope: 'OWN' },
      description: '一个导出任务 (yours only; null otherwise)',
      type: 'Export',
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.export.findFirst({
          ...query,
          where: { id: parseId(String(args.id), 'Export'), accountId: ctx.viewer!.accountId },
        }),
    }),
    myExports: t.prismaConnection({
      subGraphs: ['core'],
      policy: { roles: 'LOGGED_IN', scope: 'OWN' },
      description: '我的导出任务 newest first',
      type: 'Export',
      cursor: 'id',
      resolve: (query, _r, _a, ctx) =>
        ctx.prisma.export.findMany({
          ...query,
          where: { accountId: ctx.viewer!.accountId },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    }),
  }));

  builder.mutationField('createExport', (t) =>
    t.field({
      subGraphs: ['core'],
      policy: { roles: READERS, scope: { region: 'input.filter.regionId' } },
      description:
        '创建导出任务: queues a file of a dataset (exportDatasets) for your area or a region in it; ' +
        'poll export(id) until READY, then GET downloadPath. ' +
        'At most EXPORT_MAX_RUNNING queued or running per account (LIMIT_EXCEEDED).',
      type: payloadType(builder, 'CreateExportPayload', 'export', 'Export', { description: '导出任务' }),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => ({ export: await createExport(ctx, input) }),
    }),
  );
}
