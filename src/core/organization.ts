import { containsText } from '../input/like.js';
import type { Builder } from '../builder.js';
import { isAdminOf } from '../auth/viewer.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { AppError, Checks, forbidden, notFound } from '../errors.js';
import { payloadType } from './errors-graph.js';
import { parseId } from './lookup.js';
import { describedValues } from './enums.js';
import { guardNode } from './node-guards.js';
import { scopeFromFilter } from './scope.js';
import { countRows } from './row-counts.js';
import { ADMINS } from '../auth/policy.js';

const KINDS = {
  GOVERNMENT_DEPARTMENT: '政府部门 government department',
  POLICE_STATION: '派出所 police station',
  MEDIA: '媒体 media',
  SCHOOL: '学校 school',
  HOSPITAL: '医院 hospital',
  PROPERTY_MANAGEMENT: '物业公司 property management',
  SOCIAL_ORGANIZATION: '社会组织 social organisation',
  PARTY_ORGANIZATION: '党组织 party organisation',
  ENTERPRISE: '企业 enterprise',
  OTHER: '其他 other',
};

export function registerOrganizations(builder: Builder) {
  const OrganizationKind = builder.enumType('OrganizationKind', {
    description: '单位类别',
    values: describedValues(KINDS),
  });

  builder.prismaNode('Organization', {
    description: '单位/组织 (public: names of organisations are not personal information)',
    id: { field: 'id' },
    fields: (t) => ({
      name: t.exposeString('name', { description: '名称' }),
      kind: t.expose('kind', { type: OrganizationKind }),
      region: t.relation('region', { description: '所在区划' }),
    }),
  });
  guardNode(builder, 'Organization', () => true);

  const OrganizationFilter = builder.inputType('OrganizationFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划: organisations in it or below' }),
      kind: t.field({ type: OrganizationKind, required: false }),
      search: t.string({ required: false }),
    }),
  });

  const where = async (
    ctx: import('../context.js').Context,
    f: typeof OrganizationFilter.$inferInput | null | undefined,
  ): Promise<Prisma.OrganizationWhereInput> => {
    const scope = await scopeFromFilter(ctx, f?.regionId, { base: '/', allowed: () => true });
    const search = f?.search?.trim();
    return {
      ...(scope === '/' ? {} : { regionPath: { startsWith: scope } }),
      ...(f?.kind ? { kind: f.kind } : {}),
      ...(search ? { name: containsText(search) } : {}),
    };
  };

  builder.queryFields((t) => ({
    organizations: t.prismaConnection({
      subGraphs: ['core'],
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description: '单位列表 (e.g. departments to escalate to)',
      type: 'Organization',
      cursor: 'id',
      args: { filter: t.arg({ type: OrganizationFilter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.organization.findMany({
          ...query,
          where: await where(ctx, args.filter),
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'Organization', await where(ctx, args.filter)),
    }),
    organization: t.prismaField({
      subGraphs: ['core'],
      policy: { roles: 'ANYONE', scope: 'NONE' },
      type: 'Organization',
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.organization.findUnique({ ...query, where: { id: parseId(String(args.id), 'Organization') } }),
    }),
  }));

  const CreateOrganizationInput = builder.inputType('CreateOrganizationInput', {
    fields: (t) => ({
      name: t.string({ required: true }),
      kind: t.field({ type: OrganizationKind, required: true }),
      regionId: t.id({ required: true }),
    }),
  });
  const CreateOrganizationPayload = payloadType(builder, 'CreateOrganizationPayload', 'organization', 'Organization');

  builder.mutationField('createOrganization', (t) =>
    t.field({
      subGraphs: ['core'],
      policy: { roles: ADMINS, scope: { region: 'input.regionId' } },
      description: '新增单位 (region administrators)',
      type: CreateOrganizationPayload,
      errors: {},
      args: { input: t.arg({ type: CreateOrganizationInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.name, 'input.name', { max: 80 }).throwIfAny();
        const region = await ctx.prisma.region.findUnique({
          where: { id: parseId(String(input.regionId), 'Region', 'input.regionId') },
        });
        if (!region) throw notFound('区划 region');
        if (!isAdminOf(ctx.viewer, region.path)) throw forbidden('只有该区划的管理员可以新增单位 (region admins only)');
        const name = input.name.trim();
        const organization = await ctx.prisma.$transaction(async (tx) => {
          if (await tx.organization.findUnique({ where: { regionId_name: { regionId: region.id, name } } })) {
            throw new AppError('CONFLICT', `${name} 已存在 (already exists in that region)`);
          }
          const o = await tx.organization.create({
            data: { name, kind: input.kind, regionId: region.id, regionPath: region.path },
          });
          await ctx.audit(tx, {
            action: 'organization.create',
            entityType: 'Organization',
            entityId: o.id,
            regionPath: region.path,
            data: { name },
          });
          return o;
        });
        return { organization };
      },
    }),
  );
}
