// 事件列表: the `incidents` connection (filters, visibility, the module switch) and the `incident` query.
import {
  countRows,
  listWhere,
  parseId,
  parseOptionalId,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { MODULE, requireViewer } from './access.js';
import { OPEN_STATUSES, type GridEnums } from './enums.js';
import { countedIncidents } from './incident-counts.js';
import { incidentVisibility } from './incident-visibility.js';

export function registerIncidentQueries(builder: Builder, E: GridEnums) {
  const IncidentFilter = builder.inputType('IncidentFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划: incidents in it or below' }),
      gridId: t.id({ required: false }),
      status: t.field({ type: [E.IncidentStatus], required: false }),
      category: t.field({ type: E.IncidentCategory, required: false }),
      priority: t.field({ type: E.IncidentPriority, required: false }),
      overdue: t.boolean({ required: false, description: '超期 (true) / 未超期 (false), at request time' }),
      departmentId: t.id({ required: false, description: '部门 escalated to this organisation' }),
      from: t.field({ type: 'DateTime', required: false, description: '上报时间起 reportedAt ≥ from' }),
      to: t.field({ type: 'DateTime', required: false, description: '上报时间止 reportedAt < to' }),
    }),
  });

  const incidentWhere = async (
    ctx: Context,
    f: typeof IncidentFilter.$inferInput | null | undefined,
  ): Promise<Prisma.IncidentWhereInput> => {
    const viewer = requireViewer(ctx);
    // everywhere by default (visibility narrows it); area roles may name a region inside their area only
    const areaRole = ['REGION_ADMIN', 'COMMUNITY_WORKER', 'ANALYST'].includes(viewer.role);
    const scope = await listWhere(ctx, MODULE, {
      regionId: f?.regionId || null,
      base: '/',
      allowed: (path) => !areaRole || path.startsWith(viewer.regionPath),
    });
    const now = ctx.clock.now();
    const and: Prisma.IncidentWhereInput[] = [incidentVisibility(viewer), scope];
    if (f?.gridId) and.push({ gridId: parseId(String(f.gridId), 'Grid', 'filter.gridId') });
    if (f?.status?.length) and.push({ status: { in: f.status } });
    if (f?.category) and.push({ category: f.category });
    if (f?.priority) and.push({ priority: f.priority });
    const dept = parseOptionalId(
      f?.departmentId == null ? null : String(f.departmentId),
      'Organization',
      'filter.departmentId',
    );
    if (dept) and.push({ departments: { some: { organizationId: dept } } });
    if (f?.overdue === true) and.push({ status: { in: OPEN_STATUSES }, deadline: { lt: now } });
    if (f?.overdue === false)
      and.push({ OR: [{ status: { notIn: OPEN_STATUSES } }, { deadline: null }, { deadline: { gte: now } }] });
    if (f?.from || f?.to)
      and.push({ reportedAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } });
    return { AND: and };
  };

  builder.queryFields((t) => ({
    incidents: t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description:
        '事件列表, newest first: staff within their area, departments what was escalated to them, ' +
        'residents what they reported or concerns them',
      type: 'Incident',
      cursor: 'id',
      args: { filter: t.arg({ type: IncidentFilter, required: false }) },
      resolve: async (q, _r, args, ctx) =>
        ctx.prisma.incident.findMany({
          ...q,
          where: await incidentWhere(ctx, args.filter),
          orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
        }),
      totalCount: async (_c, args, ctx) =>
        (await countedIncidents(ctx, args.filter)) ?? countRows(ctx, 'Incident', await incidentWhere(ctx, args.filter)),
    }),
    incident: t.prismaField({
      policy: { roles: 'LOGGED_IN', scope: { record: 'Incident', id: 'id' } },
      type: 'Incident',
      nullable: true,
      description: '事件 (null when you may not see it; MODULE_DISABLED where the module is off)',
      args: { id: t.arg.id({ required: true }) },
      resolve: async (q, _r, args, ctx) => {
        const viewer = requireViewer(ctx);
        const id = parseId(String(args.id), 'Incident');
        const incident = await ctx.prisma.incident.findFirst({
          ...q,
          where: { AND: [{ id }, incidentVisibility(viewer)] },
        });
        if (!incident) return null;
        await ctx.gate.assertEnabled(MODULE, incident.regionPath);
        return incident;
      },
    }),
  }));
}
