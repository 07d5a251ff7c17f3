// 巡查走访 / 隐患排查: a grid worker records a visit or a hazard inspection; a finding can open an
// incident in the same step (one transaction).
import {
  Checks,
  guardNode,
  payloadType,
  readsWithinScope,
  shownName,
  within,
  type Builder,
  type Context,
  write,
} from '../../src/kit/index.js';
import { gridOfWorker, MODULE } from './access.js';
import type { GridEnums } from './enums.js';
import { checkAttachments, checkNewIncident, createIncident, resolveConcerned } from './incident-service.js';
import { awardByRuleCode } from './points-service.js';

export function registerPatrols(
  builder: Builder,
  E: GridEnums,
  IncidentDraftInput: ReturnType<typeof incidentDraftInput>,
) {
  builder.prismaNode('Patrol', {
    description: '巡查走访 a visit or a safety-hazard inspection (隐患排查) by a grid worker',
    id: { field: 'id' },
    fields: (t) => ({
      kind: t.field({ type: E.PatrolKind, resolve: (p) => p.kind }),
      grid: t.relation('grid'),
      household: t.relation('household', { nullable: true, description: '走访的户' }),
      place: t.exposeString('place', { nullable: true, description: '地点 a place (when not a household)' }),
      visitedAt: t.field({ type: 'DateTime', description: '巡查时间', resolve: (p) => p.visitedAt }),
      findings: t.exposeString('findings', { nullable: true, description: '发现情况' }),
      hazardFound: t.exposeBoolean('hazardFound', { description: '发现隐患' }),
      incident: t.relation('incident', { nullable: true, description: '由此上报的事件' }),
      worker: t.loadable({
        type: 'String',
        nullable: true,
        description: '巡查人 (name in full for those who manage the person, else the surname only)',
        load: async (ids: string[], ctx: Context) => {
          const rows = await ctx.prisma.person.findMany({
            where: { id: { in: ids } },
            select: { id: true, name: true, homePath: true },
          });
          const byId = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => {
            const p = byId.get(id);
            return p ? shownName(ctx.viewer, p, p.name) : null;
          });
        },
        resolve: (p) => p.workerPersonId,
      }),
    }),
  });
  guardNode(builder, 'Patrol', async (p, ctx) => {
    if (!readsWithinScope(ctx.viewer) || !within(ctx.viewer, p.regionPath)) return false;
    await ctx.gate.assertEnabled(MODULE, p.regionPath);
    return true;
  });

  const RecordPatrolInput = builder.inputType('RecordPatrolInput', {
    description: '记录巡查走访',
    fields: (t) => ({
      gridId: t.id({ required: true }),
      kind: t.field({ type: E.PatrolKind, required: true }),
      householdId: t.id({ required: false, description: '走访的户 (or give a place)' }),
      place: t.string({ required: false, description: '地点 (or give a household)' }),
      visitedAt: t.field({ type: 'DateTime', required: false, description: 'default: now' }),
      findings: t.string({ required: false }),
      hazardFound: t.boolean({ required: false }),
      openIncident: t.field({
        type: IncidentDraftInput,
        required: false,
        description: '同时上报事件 open an incident from this finding',
      }),
    }),
  });
  const RecordPatrolPayload = payloadType(builder, 'RecordPatrolPayload', 'patrol', 'Patrol');

  builder.mutationField('recordPatrol', (t) =>
    t.field({
      policy: {
        roles: ['REGION_ADMIN', 'COMMUNITY_WORKER'],
        scope: { record: 'Grid', id: 'input.gridId' },
        relation: "the grid's assigned worker",
      },
      description: '记录巡查走访/隐患排查 (grid workers of that grid); with openIncident it also reports an incident',
      type: RecordPatrolPayload,
      errors: {},
      args: { input: t.arg({ type: RecordPatrolInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        const checks = new Checks()
          .check(
            input.householdId || input.place?.trim(),
            'input.place',
            '请填写走访的户或地点 (a household or a place)',
          )
          .text(input.place, 'input.place', { max: 200, required: false })
          .text(input.findings, 'input.findings', { max: 4000, required: false })
          .check(
            !input.visitedAt || input.visitedAt.getTime() <= now.getTime() + 5 * 60_000,
            'input.visitedAt',
            '不能晚于现在 (not in the future)',
          );
        const draft = input.openIncident;
        let attachments: string[] = [];
        if (draft) {
          checkNewIncident(checks, draft, now, 'input.openIncident');
          attachments = checkAttachments(checks, draft.attachmentUrls, 'input.openIncident.attachmentUrls');
        }
        checks.throwIfAny();
        const { grid, viewer } = await gridOfWorker(ctx, input.gridId);
        const { householdId } = await resolveConcerned(ctx, grid, null, input.householdId);
        const concerned = draft
          ? await resolveConcerned(ctx, grid, draft.residentId, null, 'input.openIncident')
          : null;
        const patrol = await write(ctx, { module: MODULE, regionPath: grid.regionPath }, async (w) => {
          const { tx } = w;
          const incident = draft
            ? await createIncident(w, ctx, {
                grid,
                category: draft.category,
                priority: draft.priority ?? 'NORMAL',
                title: draft.title,
                description: draft.description ?? input.findings ?? '',
                latitude: draft.location?.latitude,
                longitude: draft.location?.longitude,
                occurredAt: draft.occurredAt ?? input.visitedAt ?? now,
                attachmentUrls: attachments,
                residentId: concerned?.residentId,
                householdId,
                note: `巡查发现 (found during a ${input.kind === 'HAZARD_INSPECTION' ? '隐患排查' : '走访'})`,
              })
            : null;
          const p = await tx.patrol.create({
            data: {
              gridId: grid.id,
              communityId: grid.communityId,
              regionPath: grid.regionPath,
              kind: input.kind,
              householdId,
              place: input.place?.trim() || null,
              visitedAt: input.visitedAt ?? now,
              findings: input.findings?.trim() || null,
              hazardFound: input.hazardFound ?? !!draft,
              workerPersonId: viewer.personId,
              workerAccountId: viewer.accountId,
              incidentId: incident?.id ?? null,
            },
          });
          await w.audit({
            action: 'patrol.record',
            entityType: 'Patrol',
            entityId: p.id,
            regionPath: grid.regionPath,
            data: { kind: p.kind, incidentId: incident?.id ?? null },
          });
          if (viewer.personId) {
            await awardByRuleCode(tx, {
              code: 'PATROL',
              personId: viewer.personId,
              regionPath: grid.regionPath,
              idempotencyKey: `patrol:${p.id}`,
              at: now,
              actorAccountId: viewer.accountId,
              note: '巡查走访',
            });
          }
          return p;
        });
        return { patrol };
      },
    }),
  );
}

export function incidentDraftInput(builder: Builder, E: GridEnums) {
  const LocationInput = builder.inputType('IncidentLocationInput', {
    fields: (t) => ({
      latitude: t.field({ type: 'Latitude', required: true }),
      longitude: t.field({ type: 'Longitude', required: true }),
    }),
  });
  const draft = builder.inputType('IncidentDraftInput', {
    description: '事件内容 (used by recordPatrol.openIncident)',
    fields: (t) => ({
      category: t.field({ type: E.IncidentCategory, required: true }),
      priority: t.field({ type: E.IncidentPriority, required: false, description: 'default NORMAL' }),
      title: t.string({ required: true }),
      description: t.string({ required: false }),
      location: t.field({ type: LocationInput, required: false }),
      occurredAt: t.field({ type: 'DateTime', required: false }),
      attachmentUrls: t.stringList({ required: false, description: '附件 URLs (http/https)' }),
      residentId: t.id({ required: false, description: '当事居民 the resident concerned (may follow the incident)' }),
    }),
  });
  return Object.assign(draft, { LocationInput });
}
