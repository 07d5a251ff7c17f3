// Following a resident's report: `myReports` (own reports only), `Incident.channel`, the reporter hidden
// from the public when asked, and for the accepting worker `Incident.possibleDuplicates` (same category,
// within a radius and a time window: settings; SQL, at most 10) with `linkDuplicateIncident`.
import {
  Checks,
  conflict,
  countRows,
  forbidden,
  managesPeopleAt,
  notFound,
  parseId,
  payloadType,
  Prisma,
  MANAGERS,
  type Builder,
  type Context,
  type Incident,
  type IncidentRating,
} from '../../src/kit/index.js';
import { isCommunityStaffOf, MODULE, requireViewer, townshipOf } from './access.js';
import { OPEN_STATUSES, type GridEnums } from './enums.js';
import { incidentWrite, loadForWrite } from './incident-service.js';

/** the reporter of an incident that asked to stay anonymous: the reporter and those who manage the area only */
export const showsReporter = (ctx: Context, i: Incident) =>
  !i.hideReporter || i.reporterAccountId === ctx.viewer?.accountId || managesPeopleAt(ctx.viewer, i.regionPath);

/** ids of possible duplicates: same category, in the township, within the radius (or the same community when
 * either lacks a position) and the time window, not rejected; nearest first, at most 10 */
async function duplicateIds(ctx: Context, i: Incident): Promise<string[]> {
  const radius = (await ctx.settings.get(MODULE, 'duplicateRadiusMetres', i.regionPath)) as number;
  const hours = (await ctx.settings.get(MODULE, 'duplicateWindowHours', i.regionPath)) as number;
  const from = new Date(i.reportedAt.getTime() - hours * 3_600_000);
  const to = new Date(i.reportedAt.getTime() + hours * 3_600_000);
  const positioned = i.latitude != null && i.longitude != null;
  const distance = positioned
    ? Prisma.sql`6371000 * sqrt(power(radians(c.latitude - ${i.latitude}), 2) +
        power(cos(radians(${i.latitude}::float8)) * radians(c.longitude - ${i.longitude}), 2))`
    : Prisma.sql`0`;
  const near = positioned
    ? Prisma.sql`((c.latitude IS NOT NULL AND c.latitude BETWEEN ${i.latitude! - radius / 111_000}
          AND ${i.latitude! + radius / 111_000} AND ${distance} <= ${radius})
        OR (c.latitude IS NULL AND c."communityId" = ${i.communityId}))`
    : Prisma.sql`c."communityId" = ${i.communityId}`;
  const rows = await ctx.prisma.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Incident" c
    WHERE c.id <> ${i.id} AND c.category = ${i.category}::"IncidentCategory" AND c.status <> 'REJECTED'
      AND c."regionPath" LIKE ${`${townshipOf(i.regionPath)}%`}
      AND c."reportedAt" BETWEEN ${from} AND ${to} AND ${near}
    ORDER BY ${positioned ? Prisma.sql`COALESCE(${distance}, ${radius})` : Prisma.sql`0`}, c."reportedAt", c.id
    LIMIT 10`;
  return rows.map((r) => r.id);
}

const mine = async (ctx: Context) => ({
  AND: [{ reporterAccountId: requireViewer(ctx).accountId }, await ctx.gate.readableWhere(MODULE, '/')],
});

export function registerFollowUp(builder: Builder, E: GridEnums) {
  const Rating = builder.objectRef<IncidentRating>('IncidentRating').implement({
    description: '回访评价 a resident’s rating of one resolution (no personal data: who rated is not shown)',
    fields: (t) => ({
      round: t.int({ description: '第几次办理 (0: the first resolution)', resolve: (r) => r.round }),
      satisfaction: t.field({ type: E.IncidentSatisfaction, resolve: (r) => r.satisfaction }),
      reopened: t.boolean({ description: '是否重新办理', resolve: (r) => r.reopened }),
      reason: t.string({ nullable: true, description: '理由', resolve: (r) => r.reason }),
      at: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    }),
  });
  builder.prismaObjectFields('Incident', (t) => ({
    channel: t.field({ type: E.IncidentChannel, description: '来源渠道', resolve: (i) => i.channel }),
    reporterHidden: t.boolean({
      description: '上报人对公众隐藏 the resident asked to stay anonymous to the public',
      resolve: (i) => i.hideReporter,
    }),
    satisfactionSource: t.field({
      type: E.SatisfactionSource,
      nullable: true,
      description: '满意度来源: the resident (回访评价) or a worker entering it at closing',
      resolve: (i) => i.satisfactionSource,
    }),
    reopenCount: t.exposeInt('reopenCount', { description: '居民重开次数 reopened after an unsatisfactory 回访' }),
    ratings: t.field({
      type: [Rating],
      maxItems: 50,
      description: '回访评价 one per resolution (staff of the area and the rater; empty for others)',
      resolve: async (i, _a, ctx) => {
        const own =
          ctx.viewer && (i.reporterAccountId === ctx.viewer.accountId || i.residentId === ctx.viewer.personId);
        if (!own && !isCommunityStaffOf(ctx.viewer, i.regionPath) && ctx.viewer?.role !== 'ANALYST') return [];
        return ctx.prisma.incidentRating.findMany({ where: { incidentId: i.id }, orderBy: { round: 'asc' }, take: 50 });
      },
    }),
    possibleDuplicates: t.prismaField({
      type: ['Incident'],
      maxItems: 10,
      description:
        '疑似重复 for the accepting worker (community staff): same category within duplicateRadiusMetres and ' +
        'duplicateWindowHours (settings), nearest first, at most 10; empty for everyone else',
      resolve: async (q, i, _a, ctx) => {
        if (!isCommunityStaffOf(ctx.viewer, i.regionPath)) return [];
        const ids = await duplicateIds(ctx, i);
        const rows = await ctx.prisma.incident.findMany({ ...q, where: { id: { in: ids } } });
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id)).filter((r): r is Incident => !!r);
      },
    }),
  }));

  builder.queryField('myReports', (t) =>
    t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: 'NONE', relation: 'the reports the viewer made, nobody else’s' },
      description: '我的上报 the incidents you reported yourself, newest first (status and timeline to follow them)',
      type: 'Incident',
      cursor: 'id',
      resolve: async (q, _r, _a, ctx) =>
        ctx.prisma.incident.findMany({
          ...q,
          where: await mine(ctx),
          orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
        }),
      totalCount: async (_c, _a, ctx) => countRows(ctx, 'Incident', await mine(ctx)),
    }),
  );

  const LinkInput = builder.inputType('LinkDuplicateIncidentInput', {
    description: '关联重复事件: mark an open incident as a duplicate of another (it stays in its state)',
    fields: (t) => ({
      incidentId: t.id({ required: true }),
      duplicateOfId: t.id({ required: true, description: '原事件' }),
      note: t.string({ required: false }),
    }),
  });
  builder.mutationField('linkDuplicateIncident', (t) =>
    t.field({
      policy: { roles: MANAGERS, scope: { record: 'Incident', id: 'input.incidentId' } },
      description: '关联重复事件 (community workers of the community, admins above); see possibleDuplicates',
      type: payloadType(builder, 'LinkDuplicateIncidentPayload', 'incident', 'Incident'),
      errors: {},
      args: { input: t.arg({ type: LinkInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.note, 'input.note', { max: 500, required: false }).throwIfAny();
        const incident = await loadForWrite(ctx, input.incidentId);
        if (!isCommunityStaffOf(ctx.viewer, incident.regionPath))
          throw forbidden('只有该村社工作人员或上级管理员可以关联 (community workers or admins above only)');
        const originalId = parseId(String(input.duplicateOfId), 'Incident', 'input.duplicateOfId');
        const original = await ctx.prisma.incident.findUnique({ where: { id: originalId } });
        if (!original || original.id === incident.id || !isCommunityStaffOf(ctx.viewer, original.regionPath))
          throw notFound('原事件 original incident');
        if (original.duplicateOfId === incident.id) throw conflict('两事件不能互为重复 (would link both ways)');
        if (!OPEN_STATUSES.includes(incident.status))
          throw conflict('已结案或不予受理的事件不能再关联 (closed or rejected)');
        const updated = await incidentWrite(ctx, incident.regionPath, async (w) => {
          const [row] = await w.tx.incident.updateManyAndReturn({
            where: { id: incident.id, version: incident.version },
            data: { duplicateOfId: original.id, version: { increment: 1 } },
          });
          if (!row) throw conflict('事件刚被他人更改，请刷新后重试 (changed meanwhile)');
          await w.audit({
            action: 'incident.linkDuplicate',
            entityType: 'Incident',
            entityId: incident.id,
            data: { duplicateOfId: original.id, note: input.note?.trim() || null },
          });
          return row;
        });
        return { incident: updated };
      },
    }),
  );
}
