import { containsText, startsWithText } from '../input/like.js';
import type { Builder } from '../builder.js';
import { isAdminOf, within } from '../auth/viewer.js';
import { AppError, Checks, forbidden, notFound } from '../errors.js';
import { parseId, parseOptionalId } from './lookup.js';
import { payloadType } from './errors-graph.js';
import { childPath, LEVELS } from './paths.js';
import { countRows } from './row-counts.js';
import { ADMINS } from '../auth/policy.js';

export function registerRegions(builder: Builder) {
  const RegionLevel = builder.enumType('RegionLevel', {
    description: '行政区划层级',
    values: {
      PREFECTURE: { description: '州/地区 prefecture' },
      COUNTY: { description: '县/市 county or county-level city' },
      TOWNSHIP: { description: '乡/镇/街道 township or sub-district: the unit that switches modules' },
      COMMUNITY: { description: '社区/村 urban community or village' },
    } as const,
  });

  const RegionStats = builder.objectRef<import('../builder.js').RegionStatsShape>('RegionStats');

  builder.prismaNode('Region', {
    description: '行政区划 administrative region (州 → 县市 → 乡镇街道 → 社区村)',
    id: { field: 'id' },
    fields: (t) => ({
      code: t.exposeString('code', { description: '区划代码 GB/T 2260-style code' }),
      name: t.exposeString('name', { description: '名称' }),
      level: t.expose('level', { type: RegionLevel }),
      path: t.exposeString('path', { description: '路径 materialised path of codes from the prefecture down' }),
      parent: t.relation('parent', { nullable: true, description: '上级区划' }),
      children: t.relation('children', {
        maxItems: 200,
        description: '下级区划',
        query: { take: 200, orderBy: { code: 'asc' } },
      }),
      stats: t.field({
        type: RegionStats,
        description: '统计 figures for this region and everything below it; modules add their own',
        args: {
          from: t.arg({ type: 'DateTime', required: false, description: '起 period start (inclusive)' }),
          to: t.arg({ type: 'DateTime', required: false, description: '止 period end (exclusive)' }),
        },
        authScopes: { loggedIn: true },
        resolve: (region, args, ctx) => {
          const viewer = ctx.viewer!;
          if (viewer.role === 'RESIDENT' || !within(viewer, region.path)) {
            throw forbidden('只能查看本辖区统计 (statistics of your own area only)');
          }
          if (args.from && args.to && args.from > args.to) {
            throw new AppError('VALIDATION', 'from 应早于 to (from must not be after to)');
          }
          return { region, from: args.from ?? null, to: args.to ?? null };
        },
      }),
    }),
  });

  const count = (
    description: string,
    fn: (s: import('../builder.js').RegionStatsShape, ctx: import('../context.js').Context) => Promise<number>,
  ) => ({ description, fn });
  const figures = {
    townships: count('乡镇街道数', (s, ctx) =>
      countRows(ctx, 'Region', { level: 'TOWNSHIP', path: { startsWith: s.region.path } }),
    ),
    communities: count('社区村数', (s, ctx) =>
      countRows(ctx, 'Region', { level: 'COMMUNITY', path: { startsWith: s.region.path } }),
    ),
    residents: count('登记居民数 people whose home community is in the region', (s, ctx) =>
      countRows(ctx, 'Person', { homePath: { startsWith: s.region.path } }),
    ),
    partyMembers: count('党员数 party members living in the region', (s, ctx) =>
      countRows(ctx, 'Person', { partyMember: true, homePath: { startsWith: s.region.path } }),
    ),
    registeredInServiceMembers: count(
      '在职党员报到数 in-service members registered at communities of the region',
      (s, ctx) => ctx.prisma.person.count({ where: { registeredCommunity: { path: { startsWith: s.region.path } } } }),
    ),
    organizations: count('单位数 organisations in the region', (s, ctx) =>
      countRows(ctx, 'Organization', { regionPath: { startsWith: s.region.path } }),
    ),
  };

  RegionStats.implement({
    description: '区域统计 figures rolled up from every community below the region; each module adds a field',
    fields: (t) => ({
      region: t.prismaField({
        type: 'Region',
        resolve: (q, s, _a, ctx) => ctx.prisma.region.findUniqueOrThrow({ ...q, where: { id: s.region.id } }),
      }),
      from: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.from }),
      to: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.to }),
      ...Object.fromEntries(
        Object.entries(figures).map(([name, f]) => [
          name,
          t.int({ description: f.description, resolve: (s, _a, ctx) => f.fn(s, ctx) }),
        ]),
      ),
    }),
  });

  const RegionFilter = builder.inputType('RegionFilter', {
    fields: (t) => ({
      level: t.field({ type: RegionLevel, required: false }),
      parentId: t.id({ required: false, description: '上级区划 ID' }),
      search: t.string({ required: false, description: '名称或代码包含 name or code contains' }),
    }),
  });

  builder.queryFields((t) => ({
    regions: t.prismaConnection({
      subGraphs: ['core'],
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description: '行政区划列表 (public: names and codes are not personal information)',
      type: 'Region',
      cursor: 'id',
      args: { filter: t.arg({ type: RegionFilter, required: false }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.region.findMany({
          ...query,
          where: regionWhere(args.filter),
          orderBy: [{ code: 'asc' }, { id: 'asc' }],
        }),
      totalCount: (_c, args, ctx) => countRows(ctx, 'Region', regionWhere(args.filter)),
    }),
    region: t.prismaField({
      subGraphs: ['core'],
      policy: { roles: 'ANYONE', scope: 'NONE' },
      type: 'Region',
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.region.findUnique({ ...query, where: { id: parseId(String(args.id), 'Region') } }),
    }),
    regionByCode: t.prismaField({
      subGraphs: ['core'],
      policy: { roles: 'ANYONE', scope: 'NONE' },
      type: 'Region',
      nullable: true,
      description: '按区划代码查找 find a region by its code',
      args: { code: t.arg.string({ required: true }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.region.findUnique({ ...query, where: { code: args.code.trim() } }),
    }),
  }));

  const CreateRegionInput = builder.inputType('CreateRegionInput', {
    fields: (t) => ({
      parentId: t.id({ required: true, description: '上级区划' }),
      code: t.string({ required: true, description: '区划代码: starts with the parent code' }),
      name: t.string({ required: true }),
    }),
  });
  const RegionPayload = payloadType(builder, 'CreateRegionPayload', 'region', 'Region');

  builder.mutationField('createRegion', (t) =>
    t.field({
      subGraphs: ['core'],
      policy: { roles: ADMINS, scope: { region: 'input.parentId' } },
      description: '新增下级区划 (region administrators of the parent or above)',
      type: RegionPayload,
      errors: {},
      args: { input: t.arg({ type: CreateRegionInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        const parentId = parseId(String(input.parentId), 'Region', 'input.parentId');
        const code = input.code.trim();
        new Checks()
          .check(/^\d{6,15}$/.test(code), 'input.code', '区划代码应为 6–15 位数字 (6–15 digits)')
          .text(input.name, 'input.name', { max: 60 })
          .throwIfAny();
        const parent = await ctx.prisma.region.findUnique({ where: { id: parentId } });
        if (!parent) throw notFound('上级区划 parent region');
        if (!isAdminOf(ctx.viewer, parent.path))
          throw forbidden('只有该区划的管理员可以新增下级 (admins of the parent only)');
        const level = LEVELS[LEVELS.indexOf(parent.level) + 1];
        if (!level) throw new AppError('VALIDATION', '社区/村之下不能再建区划 (nothing below a community)');
        if (!code.startsWith(parent.code) || code.length <= parent.code.length) {
          throw new AppError('VALIDATION', `代码应以上级代码 ${parent.code} 开头 (must extend the parent code)`);
        }
        const region = await ctx.prisma.$transaction(async (tx) => {
          if (await tx.region.findUnique({ where: { code } }))
            throw new AppError('CONFLICT', `代码 ${code} 已存在 (code exists)`);
          const created = await tx.region.create({
            data: { code, name: input.name.trim(), level, parentId, path: childPath(parent.path, code) },
          });
          await ctx.audit(tx, {
            action: 'region.create',
            entityType: 'Region',
            entityId: created.id,
            regionPath: created.path,
            data: { code, name: created.name },
          });
          return created;
        });
        return { region };
      },
    }),
  );
}

function regionWhere(
  filter: { level?: string | null; parentId?: string | number | null; search?: string | null } | null | undefined,
) {
  const search = filter?.search?.trim();
  return {
    ...(filter?.level ? { level: filter.level as never } : {}),
    ...(filter?.parentId ? { parentId: parseOptionalId(String(filter.parentId), 'Region', 'filter.parentId') } : {}),
    ...(search ? { OR: [{ name: containsText(search) }, { code: startsWithText(search) }] } : {}),
  };
}
