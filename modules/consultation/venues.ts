// 议事点 ConsultationVenue: where a community consults (榆树下, 民情茶舍, a hall, online); createConsultationVenue
// and consultationVenues. Venues carry no personal information: anyone logged in sees those of their area.
import {
  Checks,
  conflict,
  guardNode,
  isUniqueViolation,
  listWhere,
  mustLoad,
  notFound,
  organizationLoader,
  parseOptionalId,
  payloadType,
  regionLoader,
  within,
  write,
  type Builder,
  type Prisma,
} from '../../src/kit/index.js';
import { communityForWrite } from './access.js';
import { MODULE_ID, type Enums } from './model.js';

export function registerVenues(builder: Builder, enums: Enums) {
  const Venue = builder.prismaNode('ConsultationVenue', {
    description: '议事点 a consultation venue: 榆事好商量 under the elm, 民情茶舍, a hall or online',
    id: { field: 'id' },
    fields: (t) => ({
      name: t.exposeString('name', { description: '名称' }),
      kind: t.expose('kind', { type: enums.VenueKind, description: '类别' }),
      description: t.exposeString('description', { nullable: true, description: '简介' }),
      schedule: t.exposeString('schedule', { nullable: true, description: '固定议事时间 regular schedule' }),
      community: t.prismaField({
        type: 'Region',
        description: '所在社区/村',
        resolve: (_q, v, _a, ctx) => mustLoad(regionLoader(ctx), v.communityId, 'region'),
      }),
      hostOrganization: t.prismaField({
        type: 'Organization',
        nullable: true,
        description: '主办单位',
        resolve: (_q, v, _a, ctx) => (v.hostOrganizationId ? organizationLoader(ctx).load(v.hostOrganizationId) : null),
      }),
    }),
  });
  guardNode(builder, 'ConsultationVenue', async (v, ctx) => {
    if (!ctx.viewer || !within(ctx.viewer, v.regionPath)) return false;
    await ctx.gate.assertEnabled(MODULE_ID, v.regionPath);
    return true;
  });

  builder.queryField('consultationVenues', (t) =>
    t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'regionId' } },
      description: '议事点列表 venues of the communities in your area (or under regionId), by name',
      type: Venue,
      cursor: 'id',
      args: {
        regionId: t.arg.id({ required: false }),
        kind: t.arg({ type: enums.VenueKind, required: false }),
      },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.consultationVenue.findMany({
          ...query,
          where: {
            AND: [
              (await listWhere(ctx, MODULE_ID, { regionId: args.regionId, field: 'regionId' })) as object,
              args.kind ? { kind: args.kind } : {},
            ],
          } as Prisma.ConsultationVenueWhereInput,
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
    }),
  );

  const Input = builder.inputType('CreateConsultationVenueInput', {
    description: '新建议事点',
    fields: (t) => ({
      communityId: t.id({ required: true, description: '社区/村' }),
      name: t.string({ required: true, description: '名称, 2–40 characters, e.g. 榆事好商量' }),
      kind: t.field({ type: enums.VenueKind, required: true }),
      description: t.string({ required: false, description: '简介, up to 500 characters' }),
      schedule: t.string({ required: false, description: '固定议事时间, e.g. 每月5日' }),
      hostOrganizationId: t.id({ required: false, description: '主办单位 (Organization)' }),
    }),
  });
  builder.mutationField('createConsultationVenue', (t) =>
    t.field({
      policy: { roles: ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER'], scope: { region: 'input.communityId' } },
      description: '新建议事点 (a worker or admin of the community); a second venue of the same name is CONFLICT',
      type: payloadType(builder, 'CreateConsultationVenuePayload', 'venue', Venue),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.name, 'input.name', { min: 2, max: 40 })
          .text(input.description, 'input.description', { max: 500, required: false })
          .text(input.schedule, 'input.schedule', { max: 100, required: false })
          .throwIfAny();
        const community = await communityForWrite(ctx, input.communityId, 'input.communityId');
        const host = parseOptionalId(
          input.hostOrganizationId?.toString() ?? null,
          'Organization',
          'input.hostOrganizationId',
        );
        if (host && !(await organizationLoader(ctx).load(host))) throw notFound('主办单位 organisation');
        const venue = await write(ctx, { module: MODULE_ID, regionPath: community.path }, async (w) => {
          const created = await w.tx.consultationVenue
            .create({
              data: {
                communityId: community.id,
                regionPath: community.path,
                name: input.name.trim(),
                kind: input.kind,
                description: input.description?.trim() || null,
                schedule: input.schedule?.trim() || null,
                hostOrganizationId: host,
              },
            })
            .catch((e: unknown) => {
              throw isUniqueViolation(e) ? conflict('该社区已有同名议事点 (a venue of that name exists)') : e;
            });
          await w.audit({ action: 'venueCreated', entityType: 'ConsultationVenue', entityId: created.id });
          return created;
        });
        return { venue };
      },
    }),
  );
  return Venue;
}

export type VenueRef = ReturnType<typeof registerVenues>;
