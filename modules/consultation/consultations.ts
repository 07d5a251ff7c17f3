// 议事会 Consultation with its participants by role (1+4+N, as counts: no names) and its outcomes
// 议定事项 (owner, due date, follow-up, an optional link to another module's record by global id).
import {
  countedTotal,
  countRows,
  guardNode,
  listWhere,
  mustLoad,
  organizationLoader,
  parseOptionalId,
  regionLoader,
  scopeFromFilter,
  viewerScope,
  within,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { partyOrgLoader } from './access.js';
import { MODULE_ID, type Enums } from './model.js';
import type { VenueRef } from './venues.js';

export function registerConsultationTypes(builder: Builder, enums: Enums, Venue: VenueRef) {
  builder.prismaObject('ConsultationParticipant', {
    description: '参与方 how many took part in one role (1+4+N)',
    fields: (t) => ({
      role: t.expose('role', { type: enums.ParticipantRole, description: '角色' }),
      count: t.exposeInt('count', { description: '人数' }),
      organization: t.prismaField({
        type: 'Organization',
        nullable: true,
        description: '参与单位',
        resolve: (_q, p, _a, ctx) => (p.organizationId ? organizationLoader(ctx).load(p.organizationId) : null),
      }),
    }),
  });

  const Outcome = builder.prismaNode('ConsultationOutcome', {
    description: '议定事项 one outcome of a consultation: owner, due date and follow-up',
    id: { field: 'id' },
    fields: (t) => ({
      description: t.exposeString('description', { description: '事项' }),
      owner: t.exposeString('owner', { description: '责任方 the responsible body or post' }),
      dueOn: t.expose('dueOn', { type: 'Date', nullable: true, description: '完成期限' }),
      status: t.expose('status', { type: enums.OutcomeStatus, description: '落实状态' }),
      doneAt: t.expose('doneAt', { type: 'DateTime', nullable: true, description: '解决时间' }),
      note: t.exposeString('note', { nullable: true, description: '落实情况' }),
      linkedRecordId: t.exposeID('linkedRecordId', {
        nullable: true,
        description:
          '关联记录 the global id of another module’s record (an incident, a project): resolve it with node(id)',
      }),
    }),
  });
  guardNode(builder, 'ConsultationOutcome', async (o, ctx) => {
    if (!ctx.viewer || !within(ctx.viewer, o.regionPath)) return false;
    await ctx.gate.assertEnabled(MODULE_ID, o.regionPath);
    return true;
  });

  const Consultation = builder.prismaNode('Consultation', {
    description:
      '议事会 a consultation: topic, venue, date, convenor (the "1"), participants, agenda, minutes, outcomes',
    id: { field: 'id' },
    fields: (t) => ({
      topic: t.exposeString('topic', { description: '议题' }),
      venue: t.relation('venue', { type: Venue, description: '议事点' } as never),
      community: t.prismaField({
        type: 'Region',
        description: '社区/村',
        resolve: (_q, c, _a, ctx) => mustLoad(regionLoader(ctx), c.communityId, 'region'),
      }),
      scheduledAt: t.expose('scheduledAt', { type: 'DateTime', description: '计划时间' }),
      heldAt: t.expose('heldAt', { type: 'DateTime', nullable: true, description: '召开时间' }),
      convenorName: t.string({
        nullable: true,
        description: '召集人 the community party organisation (party-building)',
        resolve: async (c, _a, ctx) =>
          c.convenorPartyOrgId ? ((await partyOrgLoader(ctx).load(c.convenorPartyOrgId))?.name ?? null) : null,
      }),
      agenda: t.exposeStringList('agenda', { description: '议程' }),
      minutes: t.exposeString('minutes', { nullable: true, description: '会议纪要' }),
      status: t.expose('status', { type: enums.ConsultationStatus, description: '状态' }),
      cancelReason: t.exposeString('cancelReason', { nullable: true, description: '取消原因' }),
      participants: t.relation('participants', {
        maxItems: 20,
        description: '参与方',
        query: { take: 20, orderBy: { role: 'asc' } },
      }),
      outcomes: t.relation('outcomes', {
        maxItems: 100,
        description: '议定事项',
        query: { take: 100, orderBy: { seq: 'asc' } },
      }),
    }),
  });
  guardNode(builder, 'Consultation', async (c, ctx) => {
    if (!ctx.viewer || !within(ctx.viewer, c.regionPath)) return false;
    await ctx.gate.assertEnabled(MODULE_ID, c.regionPath);
    return true;
  });

  const Filter = builder.inputType('ConsultationFilter', {
    description: '议事会筛选',
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划' }),
      venueId: t.id({ required: false, description: '议事点' }),
      status: t.field({ type: enums.ConsultationStatus, required: false }),
      from: t.field({ type: 'DateTime', required: false, description: '计划时间起 (inclusive)' }),
      to: t.field({ type: 'DateTime', required: false, description: '计划时间止 (exclusive)' }),
    }),
  });
  type Filter = typeof Filter.$inferInput | null | undefined;
  const consultationWhere = async (ctx: Context, filter: Filter): Promise<Prisma.ConsultationWhereInput> => {
    const venueId = parseOptionalId(filter?.venueId?.toString() ?? null, 'ConsultationVenue', 'filter.venueId');
    const when = { ...(filter?.from ? { gte: filter.from } : {}), ...(filter?.to ? { lt: filter.to } : {}) };
    return {
      AND: [
        (await listWhere(ctx, MODULE_ID, { regionId: filter?.regionId })) as object,
        {
          ...(venueId ? { venueId } : {}),
          ...(filter?.status ? { status: filter.status } : {}),
          ...(Object.keys(when).length ? { scheduledAt: when } : {}),
        },
      ],
    };
  };
  builder.queryField('consultations', (t) =>
    t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description: '议事会列表 consultations in your area, newest first',
      type: Consultation,
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, { filter }, ctx) =>
        ctx.prisma.consultation.findMany({
          ...query,
          where: await consultationWhere(ctx, filter),
          orderBy: [{ scheduledAt: 'desc' }, { id: 'desc' }],
        }),
      // 计数: everyone who may list consultations sees every one of their area, so region (+ status) is
      // answered by the status counter; a venue or a period is counted from rows
      totalCount: async (_c, { filter }, ctx) =>
        (filter?.venueId || filter?.from || filter?.to
          ? null
          : await countedTotal(
              ctx,
              await scopeFromFilter(ctx, filter?.regionId, {
                base: viewerScope(ctx),
                allowed: (path) => path.startsWith(viewerScope(ctx)),
              }),
              { entity: 'Consultation', module: MODULE_ID, status: filter?.status, whole: viewerScope(ctx) },
            )) ?? countRows(ctx, 'Consultation', await consultationWhere(ctx, filter)),
    }),
  );
  return { Consultation, Outcome };
}

export type ConsultationRefs = ReturnType<typeof registerConsultationTypes>;
