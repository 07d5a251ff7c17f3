// 实时推送 of the incident chain: `incidentUpdated` (one incident, for whoever may read it) and
// `incidentsChanged` (a region's incidents as they move; department staff receive their escalations only,
// because each event is read through the Incident read guard). Both hear the lifecycle's generic
// `grid.incidentChanged` and the sweep's `grid.incidentSupervised`. 通知: the reporter at each stage, the
// departments on escalation, the grid's staff (and the departments handling it) on 超期督办.
import {
  accountsOfPeople,
  changedEvent,
  liveField,
  modelRef,
  parseId,
  parseOptionalId,
  READERS,
  staffOf,
  type Builder,
  type NotifyRule,
  type Prisma,
} from '../../src/kit/index.js';
import { MODULE } from './access.js';
import { CATEGORY_TERMS, STATUS_TERMS } from './enums.js';

export const INCIDENT_CHANGED = changedEvent(MODULE, 'Incident');
export const INCIDENT_SUPERVISED = 'grid.incidentSupervised';
const EVENTS = [INCIDENT_CHANGED, INCIDENT_SUPERVISED];
const term = (text: string) => text.split(' ')[0];

export function registerLive(builder: Builder) {
  const Incident = modelRef(builder, 'Incident');
  liveField<{ incidentId: string }>(builder, 'incidentUpdated', {
    type: Incident,
    module: MODULE,
    description: '事件动态 the incident at each stage and supervision raise (if you may read it)',
    policy: {
      roles: 'LOGGED_IN',
      scope: { record: 'Incident', id: 'incidentId', resolver: true },
      relation: 'whoever may read the incident (staff of the area, its departments, its reporter)',
    },
    args: (a) => ({ incidentId: a.id({ required: true }) }),
    events: EVENTS,
    prepare: (args) => parseId(String(args.incidentId), 'Incident', 'incidentId'),
    match: (event, id) => event.payload.id === id,
    load: (event, ctx) => ctx.services.live.readNode(ctx, 'Incident', String(event.payload.id)),
  });
  liveField<{ regionId?: string | null }>(builder, 'incidentsChanged', {
    type: Incident,
    module: MODULE,
    description: '辖区事件动态 incidents of a region as they move (department staff: their escalations only)',
    policy: { roles: READERS, scope: { region: 'regionId' }, relation: 'the incidents the viewer may read' },
    args: (a) => ({ regionId: a.id({ required: false, description: '区划 (default: your area)' }) }),
    events: EVENTS,
    prepare: async (args, ctx) => {
      const id = parseOptionalId(args.regionId == null ? null : String(args.regionId), 'Region', 'regionId');
      if (!id) return ctx.viewer!.regionPath;
      return (await ctx.prisma.region.findUniqueOrThrow({ where: { id } })).path;
    },
    match: (event, path: string) => event.regionPath.startsWith(path),
    load: (event, ctx) => ctx.services.live.readNode(ctx, 'Incident', String(event.payload.id)),
  });
}

const incidentOf = (tx: Prisma.TransactionClient, id: unknown) =>
  tx.incident.findUnique({ where: { id: String(id) }, include: { departments: true } });

const link = (id: string) => ({ type: 'Incident', id });

/** 通知 at every move: the reporter; on escalation, the departments it was escalated to */
export const notifyIncidentMove: NotifyRule = async (event, { tx }) => {
  const incident = await incidentOf(tx, event.payload.id);
  const to = String(event.payload.to) as keyof typeof STATUS_TERMS;
  if (!incident || !STATUS_TERMS[to] || event.payload.from === to) return null;
  const stage = term(STATUS_TERMS[to]);
  const drafts = [
    {
      to: [incident.reporterAccountId],
      kind: 'incidentStage',
      title: `您上报的事件: ${stage}`,
      text: `事件「${incident.title}」进入「${stage}」(your incident moved to ${to})`,
      link: link(incident.id),
    },
  ];
  if (to === 'ESCALATED') {
    drafts.push({
      to: await staffOf(
        tx,
        incident.departments.map((d) => d.organizationId),
      ),
      kind: 'incidentEscalated',
      title: '吹哨: 新的待报到事件',
      text: `${term(CATEGORY_TERMS[incident.category])}事件已吹哨至本部门，请报到 (an incident was escalated to you)`,
      link: link(incident.id),
    });
  }
  return drafts;
};

/** 超期督办: the grid's current staff and, once escalated, the departments handling it */
export const notifySupervised: NotifyRule = async (event, { tx }) => {
  const incident = await incidentOf(tx, event.payload.id);
  if (!incident) return null;
  const now = event.occurredAt;
  // a resident's report outside any grid has no grid staff: the departments (once escalated) are told
  const staff = incident.gridId
    ? await tx.gridStaff.findMany({
        where: { gridId: incident.gridId, startDate: { lte: now }, OR: [{ endDate: null }, { endDate: { gt: now } }] },
        select: { personId: true },
      })
    : [];
  const departments = ['ESCALATED', 'IN_PROGRESS'].includes(incident.status)
    ? await staffOf(
        tx,
        incident.departments.map((d) => d.organizationId),
      )
    : [];
  return {
    to: [
      ...(await accountsOfPeople(
        tx,
        staff.map((s) => s.personId),
      )),
      ...departments,
    ],
    kind: 'incidentSupervised',
    title: '超期督办',
    text: `${term(CATEGORY_TERMS[incident.category])}事件超期，已升级督办 (overdue: supervision raised to ${event.payload.to})`,
    link: link(incident.id),
  };
};
