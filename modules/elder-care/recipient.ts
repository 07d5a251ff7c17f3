// 服务对象 care recipients: one per person (categories, emergency contact, visit tier, current
// assessment), enrolled at facilities. Health data only for those entitled (see access.ts).
import {
  countRows,
  forbidden,
  guardNode,
  listWhere,
  managesPeopleAt,
  modelRef,
  notFound,
  parseId,
  READERS,
  modelLoader,
  readsWithinScope,
  within,
  type Builder,
  type CapabilityAssessment,
  type CareRecipient,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { auditRead, isFacilityStaff, listScope, readsHealth } from './access.js';
import { MODULE, SENSITIVE_CATEGORIES, type Category } from './constants.js';
import type { Enums } from './enums.js';
import { loadFacility } from './facility.js';

export async function loadRecipient(ctx: Context, globalId: string | number, path: string) {
  const r = await ctx.prisma.careRecipient.findUnique({
    where: { id: parseId(String(globalId), 'CareRecipient', path) },
  });
  if (!r) throw notFound('服务对象 care recipient');
  return r;
}

/** who may see that a recipient exists: readers within scope, the person, facility staff */
export async function canSeeRecipient(ctx: Context, r: CareRecipient) {
  if (!(await ctx.gate.isEnabledAt(MODULE, r.regionPath))) return false;
  return (readsWithinScope(ctx.viewer) && within(ctx.viewer, r.regionPath)) || readsHealth(ctx, r);
}

/** assessments by id, read with the people and regions of the same moment in one statement */
const assessmentLoader = modelLoader<CapabilityAssessment>('CapabilityAssessment');

/** the latest assessment, when still valid, for viewers entitled to health data (read is audited) */
export async function currentAssessment(ctx: Context, r: CareRecipient) {
  if (!r.latestAssessmentId || !r.assessmentValidUntil || r.assessmentValidUntil <= ctx.clock.now()) return null;
  if (!(await readsHealth(ctx, r))) return null;
  const a = await assessmentLoader(ctx).load(r.latestAssessmentId);
  if (!a) return null;
  await auditRead(ctx, {
    field: 'assessment',
    personId: r.personId,
    regionPath: r.regionPath,
    recordId: r.latestAssessmentId,
  });
  return a;
}

export function registerRecipients(builder: Builder, E: Enums) {
  const EmergencyContact = builder
    .objectRef<{ name: string | null; phone: string | null; relation: string | null }>('CareEmergencyContact')
    .implement({
      description: "紧急联系人 (null unless you may read the person's care data)",
      fields: (t) => ({
        name: t.exposeString('name', { nullable: true }),
        phone: t.exposeString('phone', { nullable: true }),
        relation: t.exposeString('relation', { nullable: true, description: '关系, e.g. 女儿' }),
      }),
    });

  builder.prismaObject('CareEnrollment', {
    description: '登记 an enrolment of a recipient at a facility',
    fields: (t) => ({
      facility: t.relation('facility'),
      status: t.expose('status', { type: E.EnrollmentStatus }),
      enrolledAt: t.field({ type: 'DateTime', resolve: (e) => e.enrolledAt }),
      endedAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.endedAt }),
      endReason: t.exposeString('endReason', { nullable: true }),
    }),
  });

  builder.prismaNode('CareRecipient', {
    description: '服务对象 a person receiving elder or disability care (health data only for those entitled)',
    id: { field: 'id' },
    fields: (t) => ({
      person: t.loadable({
        type: modelRef(builder, 'Person'),
        description: '本人 (names and contact masked by the core rules)',
        load: (ids: string[], ctx) => ctx.prisma.person.findMany({ where: { id: { in: ids } } }),
        sort: (p) => p.id,
        resolve: (r) => r.personId,
      }),
      categories: t.field({
        type: [E.Category],
        nullable: true,
        description: "类别 (sensitive: null unless you may read the person's care data; read is audited)",
        resolve: async (r, _a, ctx) => {
          const open = r.categories.filter((c) => !SENSITIVE_CATEGORIES.includes(c as Category));
          if (open.length === r.categories.length) return r.categories;
          if (!(await readsHealth(ctx, r))) return null;
          await auditRead(ctx, { field: 'categories', personId: r.personId, regionPath: r.regionPath, recordId: r.id });
          return r.categories;
        },
      }),
      emergencyContact: t.field({
        type: EmergencyContact,
        nullable: true,
        resolve: async (r, _a, ctx) => {
          // a third party's name and phone: hidden, not masked, from everyone not caring for the person
          if ((!r.emergencyName && !r.emergencyPhone) || !(await readsHealth(ctx, r))) return null;
          return { name: r.emergencyName, phone: r.emergencyPhone, relation: r.emergencyRelation };
        },
      }),
      assessment: t.field({
        type: modelRef(builder, 'CapabilityAssessment'),
        nullable: true,
        description: '当前有效的能力评估 latest valid assessment; null when none or when you may not read health data',
        resolve: (r, _a, ctx) => currentAssessment(ctx, r),
      }),
      reassessmentDue: t.boolean({
        nullable: true,
        description:
          '需要(重新)评估: none valid, expired, or ability changed since (null when you may not read health data)',
        resolve: async (r, _a, ctx) => {
          if (!(await readsHealth(ctx, r))) return null;
          const now = ctx.clock.now();
          return (
            !r.assessedAt ||
            !r.assessmentValidUntil ||
            r.assessmentValidUntil <= now ||
            (!!r.abilityChangedAt && r.abilityChangedAt > r.assessedAt)
          );
        },
      }),
      visitTier: t.field({
        type: E.Tier,
        nullable: true,
        description: '探访等级 (null: not covered by 探访关爱)',
        resolve: (r) => r.visitTier,
      }),
      lastVisitedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: '最近探访',
        resolve: (r) => r.lastVisitedAt,
      }),
      nextVisitDueAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: '下次探访应于',
        resolve: (r) => r.nextVisitDueAt,
      }),
      enrollments: t.relation('enrollments', {
        maxItems: 20,
        description: '登记的设施',
        query: { take: 20, orderBy: [{ status: 'asc' }, { enrolledAt: 'desc' }] },
      }),
      createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    }),
  });
  guardNode(builder, 'CareRecipient', (r, ctx) => canSeeRecipient(ctx, r));

  const Filter = builder.inputType('CareRecipientFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划: recipients living in it (default: your area)' }),
      facilityId: t.id({ required: false, description: '设施: actively enrolled there' }),
      category: t.field({ type: E.Category, required: false }),
      level: t.field({
        type: E.Level,
        required: false,
        description: '当前有效评估等级 (health data: workers/admins/facility staff only)',
      }),
      visitTier: t.field({ type: E.Tier, required: false }),
      includeEnded: t.boolean({ required: false, description: '包括已结束登记的 (default false)' }),
    }),
  });

  const recipientWhere = async (
    ctx: Context,
    f: typeof Filter.$inferInput | null | undefined,
  ): Promise<Prisma.CareRecipientWhereInput> => {
    const viewer = ctx.viewer;
    if (!viewer) throw forbidden('请先登录');
    const facility = f?.facilityId ? await loadFacility(ctx, f.facilityId, 'filter.facilityId') : null;
    const staff = !!facility && isFacilityStaff(viewer, facility);
    if (!staff && !readsWithinScope(viewer))
      throw forbidden('无权查看服务对象 (your role cannot list care recipients)');
    const scope = staff && f?.regionId == null ? '/' : await listScope(ctx, f?.regionId);
    const healthFilter = !!f?.level || (!!f?.category && SENSITIVE_CATEGORIES.includes(f.category as Category));
    if (healthFilter && !staff && !managesPeopleAt(viewer, scope)) {
      throw forbidden(
        '按健康信息筛选仅限社区工作人员、管理员和设施工作人员 (health filters are for workers, admins and facility staff)',
      );
    }
    const active: Prisma.CareEnrollmentWhereInput = {
      status: 'ACTIVE',
      ...(facility ? { facilityId: facility.id } : {}),
    };
    return {
      AND: [
        await listWhere(ctx, MODULE, { base: scope }),
        f?.includeEnded && !facility ? {} : { enrollments: { some: active } },
        f?.category ? { categories: { has: f.category } } : {},
        f?.level ? { currentLevel: f.level, assessmentValidUntil: { gt: ctx.clock.now() } } : {},
        f?.visitTier ? { visitTier: f.visitTier } : {},
      ],
    };
  };

  builder.queryField('careRecipients', (t) =>
    t.prismaConnection({
      policy: { roles: READERS, scope: { region: 'filter.regionId' } },
      description:
        '服务对象列表 (workers, admins, department staff and analysts within their area; ' +
        'facility staff for their facility). Health data per viewer.',
      type: 'CareRecipient',
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.careRecipient.findMany({
          ...query,
          where: await recipientWhere(ctx, args.filter),
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'CareRecipient', await recipientWhere(ctx, args.filter)),
    }),
  );
}
