// 服务记录: day care, meals, recreation, rehabilitation sessions, health checks delivered at a facility.
// Notes may hold health observations: only for those entitled, and every read is audited.
import {
  AppError,
  Checks,
  countRows,
  forbidden,
  guardNode,
  listWhere,
  parseOptionalId,
  payloadType,
  READERS,
  readsWithinScope,
  STAFF,
  write,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { isFacilityStaff, listScope, named, readsHealth, runsFacility, sensitive } from './access.js';
import { MODULE } from './constants.js';
import type { Enums } from './enums.js';
import { loadFacility } from './facility.js';
import { canSeeRecipient, loadRecipient } from './recipient.js';

export function registerServices(builder: Builder, E: Enums) {
  builder.prismaNode('CareService', {
    description: '服务记录 one service delivered to a recipient at a facility',
    id: { field: 'id' },
    fields: (t) => ({
      recipient: t.relation('recipient'),
      facility: t.relation('facility'),
      kind: t.expose('kind', { type: E.ServiceKind }),
      servedAt: t.field({ type: 'DateTime', resolve: (s) => s.servedAt }),
      staffName: t.exposeString('staffName', { nullable: true, description: '服务人员/志愿者 staff or volunteer' }),
      notes: t.string({
        nullable: true,
        description: '备注 (may hold health observations: entitled viewers only, read audited)',
        resolve: (s, _a, ctx) =>
          sensitive(
            ctx,
            { id: s.recipientId, personId: s.personId, regionPath: s.regionPath },
            'service.notes',
            s.id,
            s.notes,
          ),
      }),
    }),
  });
  guardNode(
    builder,
    'CareService',
    async (s, ctx) =>
      (await ctx.gate.isEnabledAt(MODULE, s.regionPath)) &&
      readsHealth(ctx, { id: s.recipientId, personId: s.personId, regionPath: s.regionPath }),
  );

  const Filter = builder.inputType('CareServiceFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false }),
      recipientId: t.id({ required: false }),
      facilityId: t.id({ required: false }),
      kind: t.field({ type: E.ServiceKind, required: false }),
      from: t.field({ type: 'DateTime', required: false }),
      to: t.field({ type: 'DateTime', required: false }),
    }),
  });

  const where = async (
    ctx: Context,
    f: typeof Filter.$inferInput | null | undefined,
  ): Promise<Prisma.CareServiceWhereInput> => {
    const viewer = ctx.viewer;
    if (!viewer) throw forbidden('请先登录');
    const facility = f?.facilityId ? await loadFacility(ctx, f.facilityId, 'filter.facilityId') : null;
    const staff = !!facility && isFacilityStaff(viewer, facility);
    if (!staff && !readsWithinScope(viewer)) throw forbidden('无权查看服务记录');
    const scope = staff && f?.regionId == null ? '/' : await listScope(ctx, f?.regionId);
    const recipientId = parseOptionalId(
      f?.recipientId == null ? null : String(f.recipientId),
      'CareRecipient',
      'filter.recipientId',
    );
    return {
      AND: [
        await listWhere(ctx, MODULE, { base: scope }),
        facility ? { facilityId: facility.id } : {},
        recipientId ? { recipientId } : {},
        f?.kind ? { kind: f.kind } : {},
        f?.from || f?.to ? { servedAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {},
      ],
    };
  };

  builder.queryField('careServices', (t) =>
    t.prismaConnection({
      policy: { roles: READERS, scope: { region: 'filter.regionId' } },
      description: '服务记录 newest first (readers within their area; facility staff for their facility)',
      type: 'CareService',
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.careService.findMany({
          ...query,
          where: await where(ctx, args.filter),
          orderBy: [{ servedAt: 'desc' }, { id: 'desc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'CareService', await where(ctx, args.filter)),
    }),
  );

  const Input = builder.inputType('RecordCareServiceInput', {
    fields: (t) => ({
      recipientId: t.id({ required: true }),
      facilityId: t.id({ required: true }),
      kind: t.field({ type: E.ServiceKind, required: true }),
      servedAt: t.field({ type: 'DateTime', required: true }),
      notes: t.string({ required: false }),
      staffName: t.string({ required: false, description: '服务人员或志愿者 (default: your account)' }),
    }),
  });

  builder.mutationField('recordCareService', (t) =>
    t.field({
      policy: {
        roles: STAFF,
        scope: { record: 'CareFacility', id: 'input.facilityId' },
        relation: 'department staff only as staff of the facility operator',
      },
      description:
        "记录服务 (the facility's staff, or workers and admins of its area); the recipient must be enrolled there",
      type: payloadType(builder, 'RecordCareServicePayload', 'service', 'CareService'),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const now = ctx.clock.now();
        new Checks()
          .text(input.notes, 'input.notes', { max: 1000, required: false })
          .text(input.staffName, 'input.staffName', { max: 40, required: false })
          .check(
            input.servedAt.getTime() <= now.getTime() + 5 * 60_000,
            'input.servedAt',
            '不能晚于现在 (not in the future)',
          )
          .throwIfAny();
        const r = await loadRecipient(ctx, input.recipientId, 'input.recipientId');
        const facility = await loadFacility(ctx, input.facilityId, 'input.facilityId');
        if (!runsFacility(ctx.viewer, facility)) throw forbidden('只有设施工作人员或该区域的工作人员可以记录服务');
        if (!(await canSeeRecipient(ctx, r))) throw forbidden('无权为该对象记录服务');
        // the facility's township too: write() checks the recipient's, where the service is filed
        await ctx.gate.assertEnabled(MODULE, facility.regionPath);
        const service = await write(ctx, { module: MODULE, regionPath: r.regionPath }, async (unit) => {
          const w = named(ctx, unit);
          const enrolled = await w.tx.careEnrollment.findFirst({
            where: { recipientId: r.id, facilityId: facility.id, status: 'ACTIVE' },
            select: { id: true },
          });
          if (!enrolled)
            throw new AppError('PRECONDITION_FAILED', '该对象未在此设施登记 (not enrolled at this facility)');
          const s = await w.tx.careService.create({
            data: {
              recipientId: r.id,
              facilityId: facility.id,
              personId: r.personId,
              communityId: r.communityId,
              regionPath: r.regionPath,
              kind: input.kind,
              servedAt: input.servedAt,
              staffName: input.staffName?.trim() || ctx.viewer!.username,
              recordedById: ctx.viewer!.accountId,
              notes: input.notes?.trim() || null,
            },
          });
          await w.audit({
            action: 'elderCare.service.record',
            entityType: 'CareService',
            entityId: s.id,
            regionPath: s.regionPath,
            data: { kind: s.kind, facilityId: facility.id },
          });
          return s;
        });
        return { service };
      },
    }),
  );
}
