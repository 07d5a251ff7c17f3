// 网格发现: reportIncident, a grid worker reports an incident in their grid (REPORTED, with its accept
// deadline and the first timeline row).
import { Checks, payloadType, type Builder } from '../../src/kit/index.js';
import { gridOfWorker } from './access.js';
import type { GridEnums } from './enums.js';
import {
  checkAttachments,
  checkNewIncident,
  createIncident,
  incidentWrite,
  resolveConcerned,
} from './incident-service.js';
import type { incidentDraftInput } from './patrol.js';

export function registerIncidentReport(builder: Builder, E: GridEnums, Draft: ReturnType<typeof incidentDraftInput>) {
  const ReportIncidentInput = builder.inputType('ReportIncidentInput', {
    description: '网格发现: a grid worker reports an incident in their grid',
    fields: (t) => ({
      gridId: t.id({ required: true }),
      category: t.field({ type: E.IncidentCategory, required: true }),
      priority: t.field({ type: E.IncidentPriority, required: false, description: 'default NORMAL' }),
      title: t.string({ required: true }),
      description: t.string({ required: false }),
      location: t.field({ type: Draft.LocationInput, required: false }),
      occurredAt: t.field({ type: 'DateTime', required: false }),
      attachmentUrls: t.stringList({ required: false }),
      residentId: t.id({ required: false, description: '当事居民 (may follow the incident)' }),
      householdId: t.id({ required: false }),
    }),
  });

  builder.mutationField('reportIncident', (t) =>
    t.field({
      policy: {
        roles: ['REGION_ADMIN', 'COMMUNITY_WORKER'],
        scope: { record: 'Grid', id: 'input.gridId' },
        relation: "the grid's assigned worker",
      },
      description: '网格发现: report an incident (grid workers assigned to the grid)',
      type: payloadType(builder, 'ReportIncidentPayload', 'incident', 'Incident'),
      errors: {},
      args: { input: t.arg({ type: ReportIncidentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const checks = checkNewIncident(new Checks(), input, ctx.clock.now());
        const attachmentUrls = checkAttachments(checks, input.attachmentUrls, 'input.attachmentUrls');
        checks.throwIfAny();
        const { grid } = await gridOfWorker(ctx, input.gridId);
        const concerned = await resolveConcerned(ctx, grid, input.residentId, input.householdId);
        const incident = await incidentWrite(ctx, grid.regionPath, (w) =>
          createIncident(w, ctx, {
            grid,
            category: input.category,
            priority: input.priority ?? 'NORMAL',
            title: input.title,
            description: input.description ?? '',
            latitude: input.location?.latitude,
            longitude: input.location?.longitude,
            occurredAt: input.occurredAt,
            attachmentUrls,
            ...concerned,
          }),
        );
        return { incident };
      },
    }),
  );
}
