// 服务资源清单: the ServiceResource node, `serviceResources`, offerServiceResource and suggestResources
// (ranked by category, area — the need's own community before its township — remaining places and the
// availability window).
import {
  AppError,
  Checks,
  countRows,
  guardNode,
  MANAGERS,
  mustLoad,
  notFound,
  organizationLoader,
  parseId,
  parseOptionalId,
  payloadType,
  READERS,
  regionLoader,
  type Builder,
  type Context,
  type Prisma,
  type ServiceResource,
  write,
} from '../../src/kit/index.js';
import { MODULE_ID, periodStartOf, type Enums } from './model.js';
import { assertManages, inArea, listScope, readsAt, regionArg, townshipOf } from './shared.js';

/** places left in the current period: a resource whose counter is from an earlier period has them all */
export const remainingOf = (r: ServiceResource, now: Date) =>
  r.periodStart < periodStartOf(r.period, now) ? r.capacity : Math.max(r.capacity - r.used, 0);

export const availableAt = (r: ServiceResource, now: Date) =>
  r.availableFrom <= now && (!r.availableUntil || r.availableUntil > now);

/** resources that may serve a need at `path`: its community's and its township's */
export const servesPath = (r: Pick<ServiceResource, 'regionPath'>, path: string) =>
  r.regionPath === path || r.regionPath === townshipOf(path);

export function registerResources(builder: Builder, enums: Enums) {
  const Resource = builder.prismaNode('ServiceResource', {
    description: '服务资源 one entry of a 服务资源清单: places per period offered to a community or a township',
    id: { field: 'id' },
    fields: (t) => ({
      title: t.exposeString('title', { description: '名称' }),
      providerKind: t.expose('providerKind', { type: enums.ResourceProviderKind, description: '提供方类型' }),
      providerName: t.exposeString('providerName', { description: '提供方' }),
      socialOrganization: t.relation('socialOrganization', { nullable: true, description: '提供的社会组织' }),
      organization: t.prismaField({
        type: 'Organization',
        nullable: true,
        description: '提供单位 (UNIT providers)',
        resolve: (_q, r, _a, ctx) => (r.organizationId ? organizationLoader(ctx).load(r.organizationId) : null),
      }),
      category: t.expose('category', { type: enums.ServiceArea, description: '类别' }),
      capacity: t.exposeInt('capacity', { description: '名额 places per period' }),
      period: t.expose('period', { type: enums.CapacityPeriod, description: '周期' }),
      remaining: t.int({ description: '本期剩余名额', resolve: (r, _a, ctx) => remainingOf(r, ctx.clock.now()) }),
      reach: t.expose('reach', { type: enums.ResourceReach, description: '服务范围' }),
      region: t.prismaField({
        type: 'Region',
        description: '服务区划 the community or township served',
        resolve: (_q, r, _a, ctx) => mustLoad(regionLoader(ctx), r.regionId, 'region'),
      }),
      timeWindows: t.exposeStringList('timeWindows', { description: '服务时段' }),
      availableFrom: t.expose('availableFrom', { type: 'DateTime', description: '起始' }),
      availableUntil: t.expose('availableUntil', { type: 'DateTime', nullable: true, description: '截止' }),
      cost: t.expose('cost', { type: enums.ResourceCost, description: '收费方式' }),
    }),
  });
  guardNode(builder, 'ServiceResource', async (r: ServiceResource, ctx) => {
    if (!inArea(ctx.viewer, r.regionPath)) return false;
    await ctx.gate.assertEnabled(MODULE_ID, r.regionPath);
    return true;
  });

  const Filter = builder.inputType('ServiceResourceFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false }),
      category: t.field({ type: enums.ServiceArea, required: false }),
      reach: t.field({ type: enums.ResourceReach, required: false }),
    }),
  });
  const where = async (ctx: Context, f: typeof Filter.$inferInput | null | undefined) => ({
    AND: [
      (await listScope(ctx, f?.regionId)) as Prisma.ServiceResourceWhereInput,
      f?.category ? { category: f.category } : {},
      f?.reach ? { reach: f.reach } : {},
    ],
  });
  const Suggestion = builder
    .objectRef<{
      resource: ServiceResource;
      rank: number;
      sameCommunity: boolean;
      remaining: number;
      availableNow: boolean;
    }>('ResourceSuggestion')
    .implement({
      description: '推荐资源 a resource that could serve the need, best first',
      fields: (t) => ({
        rank: t.exposeInt('rank', { description: '名次 1 = best' }),
        resource: t.field({ type: Resource, resolve: (s) => s.resource }),
        sameCommunity: t.exposeBoolean('sameCommunity', { description: '本社区资源 (else the township’s)' }),
        remaining: t.exposeInt('remaining', { description: '本期剩余名额' }),
        availableNow: t.exposeBoolean('availableNow', { description: '当前在服务期内' }),
      }),
    });

  builder.queryFields((t) => ({
    serviceResources: t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description: '服务资源清单 of your area',
      type: Resource,
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.serviceResource.findMany({
          ...query,
          where: await where(ctx, args.filter),
          orderBy: [{ regionPath: 'asc' }, { title: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'ServiceResource', await where(ctx, args.filter)),
    }),
    suggestResources: t.field({
      policy: { roles: READERS, scope: { record: 'CommunityNeed', id: 'needId' } },
      description:
        '推荐资源 for a need: same category (then OTHER), the need’s community before its township, ' +
        'places left, inside the availability window',
      type: [Suggestion],
      maxItems: 20,
      args: { needId: t.arg.id({ required: true }) },
      resolve: async (_r, args, ctx) => {
        const need = await ctx.prisma.communityNeed.findUnique({
          where: { id: parseId(String(args.needId), 'CommunityNeed', 'needId') },
        });
        if (!need || !readsAt(ctx.viewer, need.regionPath)) throw notFound('需求 need');
        await ctx.gate.assertEnabled(MODULE_ID, need.regionPath);
        const now = ctx.clock.now();
        const candidates = await ctx.prisma.serviceResource.findMany({
          where: {
            category: { in: [need.category, 'OTHER'] },
            regionPath: { in: [need.regionPath, townshipOf(need.regionPath)] },
            OR: [{ availableUntil: null }, { availableUntil: { gt: now } }],
          },
          take: 200,
        });
        const scored = candidates.map((resource) => ({
          resource,
          exact: resource.category === need.category,
          sameCommunity: resource.regionPath === need.regionPath,
          remaining: remainingOf(resource, now),
          availableNow: availableAt(resource, now),
        }));
        const key = (s: (typeof scored)[number]) => [
          +s.exact,
          +(s.remaining > 0),
          +s.sameCommunity,
          +s.availableNow,
          s.remaining,
        ];
        scored.sort((a, b) => {
          const [ka, kb] = [key(a), key(b)];
          for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
          return a.resource.title.localeCompare(b.resource.title);
        });
        return scored.slice(0, 20).map((s, i) => ({ ...s, rank: i + 1 }));
      },
    }),
  }));
  registerOffer(builder, enums, Resource);
  return Resource;
}

function registerOffer(builder: Builder, enums: Enums, Resource: ReturnType<typeof builder.prismaNode>) {
  const Input = builder.inputType('OfferServiceResourceInput', {
    description: '登记服务资源',
    fields: (t) => ({
      regionId: t.id({ required: true, description: '服务区划: a community (本社区) or a township (全乡镇)' }),
      title: t.string({ required: true, description: '名称 2–60' }),
      providerKind: t.field({ type: enums.ResourceProviderKind, required: true }),
      socialOrganizationId: t.id({ required: false, description: 'SOCIAL_ORGANIZATION providers: an active one' }),
      organizationId: t.id({ required: false, description: 'UNIT providers: the unit (Organization)' }),
      providerName: t.string({ required: false, description: 'CHARITY and VOLUNTEER_TEAM providers: the name' }),
      category: t.field({ type: enums.ServiceArea, required: true }),
      capacity: t.int({ required: true, description: '名额 1–10000 per period' }),
      period: t.field({ type: enums.CapacityPeriod, required: true }),
      timeWindows: t.stringList({ required: false, description: '服务时段, up to 7 of up to 40 characters' }),
      availableFrom: t.field({ type: 'DateTime', required: false, description: 'default now' }),
      availableUntil: t.field({ type: 'DateTime', required: false }),
      cost: t.field({ type: enums.ResourceCost, required: true }),
    }),
  });
  builder.mutationField('offerServiceResource', (t) =>
    t.field({
      policy: { roles: MANAGERS, scope: { region: 'input.regionId' } },
      description: '登记服务资源 (workers and admins of the community or township)',
      type: payloadType(builder, 'OfferServiceResourcePayload', 'resource', Resource, { description: '资源' }),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const windows = input.timeWindows ?? [];
        const checks = new Checks()
          .text(input.title, 'input.title', { min: 2, max: 60 })
          .text(input.providerName, 'input.providerName', { min: 2, max: 60, required: false })
          .check(input.capacity >= 1 && input.capacity <= 10_000, 'input.capacity', '应为 1–10000')
          .check(
            windows.length <= 7 && windows.every((w) => w.trim().length >= 1 && w.length <= 40),
            'input.timeWindows',
            '至多7段, 每段1–40字',
          )
          .check(
            !input.availableUntil || !input.availableFrom || input.availableUntil > input.availableFrom,
            'input.availableUntil',
            '应晚于起始',
          );
        const kind = input.providerKind;
        const orgId = parseOptionalId(
          input.socialOrganizationId == null ? null : String(input.socialOrganizationId),
          'SocialOrganization',
          'input.socialOrganizationId',
        );
        const unitId = parseOptionalId(
          input.organizationId == null ? null : String(input.organizationId),
          'Organization',
          'input.organizationId',
        );
        checks
          .check(kind !== 'SOCIAL_ORGANIZATION' || orgId, 'input.socialOrganizationId', '社会组织提供的资源必填')
          .check(kind !== 'UNIT' || unitId, 'input.organizationId', '单位提供的资源必填')
          .check(kind === 'SOCIAL_ORGANIZATION' || kind === 'UNIT' || input.providerName, 'input.providerName', '必填')
          .throwIfAny();
        const region = await regionArg(ctx, input.regionId, 'input.regionId');
        if (region.level !== 'COMMUNITY' && region.level !== 'TOWNSHIP')
          throw new AppError('VALIDATION', 'regionId 应为社区/村或乡镇街道 (community or township)');
        assertManages(ctx, region.path);
        let providerName = input.providerName?.trim() ?? '';
        if (kind === 'SOCIAL_ORGANIZATION') {
          const org = await ctx.prisma.socialOrganization.findUnique({ where: { id: orgId! } });
          if (!org || !inArea(ctx.viewer, org.regionPath)) throw notFound('社会组织 organization');
          if (org.status !== 'ACTIVE') throw new AppError('PRECONDITION_FAILED', '该社会组织不在正常状态 (not active)');
          providerName = org.name;
        } else if (kind === 'UNIT') {
          const unit = await ctx.prisma.organization.findUnique({ where: { id: unitId! } });
          if (!unit) throw notFound('单位 organization');
          providerName = unit.name;
        }
        const resource = await write(ctx, { module: MODULE_ID, regionPath: region.path }, async (w) => {
          const created = await w.tx.serviceResource.create({
            data: {
              title: input.title.trim(),
              providerKind: kind,
              providerName,
              socialOrganizationId: kind === 'SOCIAL_ORGANIZATION' ? orgId : null,
              organizationId: kind === 'UNIT' ? unitId : null,
              category: input.category,
              capacity: input.capacity,
              period: input.period,
              periodStart: periodStartOf(input.period, w.now),
              reach: region.level === 'COMMUNITY' ? 'COMMUNITY' : 'TOWNSHIP',
              regionId: region.id,
              regionPath: region.path,
              timeWindows: windows.map((x) => x.trim()),
              availableFrom: input.availableFrom ?? w.now,
              availableUntil: input.availableUntil ?? null,
              cost: input.cost,
              offeredAt: w.now,
            },
          });
          await w.audit({
            action: 'resource.offer',
            entityType: 'ServiceResource',
            entityId: created.id,
            data: { title: created.title, capacity: created.capacity },
          });
          return created;
        });
        return { resource };
      },
    }),
  );
}
