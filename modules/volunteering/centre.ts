// 志愿服务中心: at most one service centre per community (木垒县 has one in every community).
import {
  Checks,
  conflict,
  countRows,
  forbidden,
  guardNode,
  isUniqueViolation,
  MANAGERS,
  managesPeopleAt,
  payloadType,
  type Builder,
  write,
} from '../../src/kit/index.js';
import { loaders } from './loaders.js';
import { communityArg, listScope, MODULE } from './shared.js';

export function registerCentres(builder: Builder) {
  builder.prismaNode('VolunteerServiceCentre', {
    description: '志愿服务中心 the volunteer service centre of a community (public)',
    id: { field: 'id' },
    fields: (t) => ({
      name: t.exposeString('name', { description: '名称' }),
      address: t.exposeString('address', { nullable: true, description: '地址' }),
      phone: t.exposeString('phone', { nullable: true, description: '服务电话 (the centre’s, not a person’s)' }),
      openingHours: t.exposeString('openingHours', { nullable: true, description: '开放时间' }),
      community: t.prismaField({
        type: 'Region',
        description: '所在社区',
        resolve: async (_q, c, _a, ctx) => (await loaders.region(ctx).load(c.communityId))!,
      }),
    }),
  });
  guardNode(builder, 'VolunteerServiceCentre', async (c, ctx) => {
    await ctx.gate.assertEnabled(MODULE, c.regionPath);
    return true;
  });

  builder.prismaObjectField('Region', 'volunteerServiceCentre', (t) =>
    t.prismaField({
      type: 'VolunteerServiceCentre',
      nullable: true,
      description: '志愿服务中心 of this community (null elsewhere, or where the module is off)',
      resolve: async (query, region, _a, ctx) => {
        if (region.level !== 'COMMUNITY' || !(await ctx.gate.isEnabledAt(MODULE, region.path))) return null;
        return ctx.prisma.volunteerServiceCentre.findUnique({ ...query, where: { communityId: region.id } });
      },
    }),
  );

  builder.queryField('volunteerServiceCentres', (t) =>
    t.prismaConnection({
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description: '志愿服务中心列表',
      type: 'VolunteerServiceCentre',
      cursor: 'id',
      args: {
        regionId: t.arg.id({ required: false, description: '区划: centres of it and below (default: your area)' }),
      },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.volunteerServiceCentre.findMany({
          ...query,
          where: await listScope(ctx, args.regionId, { field: 'regionId' }),
          orderBy: [{ regionPath: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) =>
        countRows(ctx, 'VolunteerServiceCentre', await listScope(ctx, args.regionId, { field: 'regionId' })),
    }),
  );

  const CentreInput = builder.inputType('CreateVolunteerServiceCentreInput', {
    fields: (t) => ({
      communityId: t.id({ required: true }),
      name: t.string({ required: true, description: 'e.g. 滨河社区新时代文明实践志愿服务中心' }),
      address: t.string({ required: false }),
      phone: t.string({ required: false }),
      openingHours: t.string({ required: false }),
    }),
  });

  builder.mutationField('createVolunteerServiceCentre', (t) =>
    t.field({
      policy: { roles: MANAGERS, scope: { region: 'input.communityId' } },
      description: '设立志愿服务中心: one per community (workers and admins of the community)',
      type: payloadType(builder, 'CreateVolunteerServiceCentrePayload', 'centre', 'VolunteerServiceCentre', {}),
      errors: {},
      args: { input: t.arg({ type: CentreInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.name, 'input.name', { max: 80 })
          .text(input.address, 'input.address', { max: 200, required: false })
          .text(input.phone, 'input.phone', { max: 30, required: false })
          .text(input.openingHours, 'input.openingHours', { max: 100, required: false })
          .throwIfAny();
        const community = await communityArg(ctx, input.communityId, 'input.communityId');
        if (!managesPeopleAt(ctx.viewer, community.path)) throw forbidden('只能在本辖区设立 (inside your area only)');
        try {
          const centre = await write(ctx, { module: MODULE, regionPath: community.path }, async (w) => {
            const c = await w.tx.volunteerServiceCentre.create({
              data: {
                communityId: community.id,
                regionPath: community.path,
                name: input.name.trim(),
                address: input.address?.trim() || null,
                phone: input.phone?.trim() || null,
                openingHours: input.openingHours?.trim() || null,
                createdById: ctx.viewer!.accountId,
              },
            });
            await w.audit({
              action: 'centre.create',
              entityType: 'VolunteerServiceCentre',
              entityId: c.id,
              regionPath: c.regionPath,
              data: { name: c.name },
            });
            return c;
          });
          return { centre };
        } catch (e) {
          if (isUniqueViolation(e)) throw conflict('该社区已有志愿服务中心 (the community has one)');
          throw e;
        }
      },
    }),
  );
}
