// 康养设施: 日间照料中心, 助餐服务点, 残疾人社区康复服务站 — node, lists, Region.careFacilities, mutations.
import {
  AppError,
  Checks,
  containsText,
  forbidden,
  guardNode,
  MANAGERS,
  managesPeopleAt,
  modelRef,
  notFound,
  parseId,
  parseOptionalId,
  payloadType,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { assertReadable, readable, requestLoader, isUniqueViolation } from './access.js';
import { localDay, MODULE, SUB } from './constants.js';
import type { Enums } from './enums.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export async function loadFacility(ctx: Context, globalId: string | number, path: string) {
  const facility = await ctx.prisma.careFacility.findUnique({
    where: { id: parseId(String(globalId), 'CareFacility', path) },
  });
  if (!facility) throw notFound('康养设施 facility');
  return facility;
}

/** active enrolments per facility, batched per request */
const enrolledCount = (ctx: Context, facilityId: string) =>
  requestLoader<string, number>(ctx, 'facilityEnrolled', async (ids) => {
    const rows = await ctx.prisma.careEnrollment.groupBy({
      by: ['facilityId'],
      where: { facilityId: { in: [...ids] }, status: 'ACTIVE' },
      _count: { _all: true },
    });
    const byId = new Map(rows.map((r) => [r.facilityId, r._count._all]));
    return ids.map((id) => byId.get(id) ?? 0);
  }).load(facilityId);

export function registerFacilities(builder: Builder, E: Enums) {
  builder.prismaNode('CareFacility', {
    description:
      '康养设施 a day-care centre 日间照料中心, meal point 助餐服务点 or rehabilitation station 残疾人社区康复服务站',
    subGraphs: SUB,
    id: { field: 'id' },
    fields: (t) => ({
      name: t.exposeString('name', { description: '名称' }),
      kind: t.expose('kind', { type: E.FacilityKind }),
      community: t.loadable({
        type: modelRef(builder, 'Region'),
        description: '所在社区 community',
        load: (ids: string[], ctx) => ctx.prisma.region.findMany({ where: { id: { in: ids } } }),
        sort: (r) => r.id,
        resolve: (f) => f.communityId,
      }),
      address: t.exposeString('address', {
        nullable: true,
        description: '地址 (a public facility, not personal data)',
      }),
      openingHours: t.exposeString('openingHours', {
        nullable: true,
        description: '开放时间, e.g. 周一至周六 09:00–18:00',
      }),
      rooms: t.field({
        type: [E.Room],
        description: '功能室 餐厅、棋牌室、阅览室、健身室、康复室、休息室',
        resolve: (f) => f.rooms,
      }),
      capacity: t.exposeInt('capacity', {
        description:
          '床位/座位数 capacity: caps ACTIVE enrolments (enrollCareRecipient beyond it is LIMIT_EXCEEDED); 0 = no limit',
      }),
      enrolledCount: t.int({
        description: '在册服务对象数 active enrolments (an aggregate)',
        resolve: (f, _a, ctx) => enrolledCount(ctx, f.id),
      }),
      placesLeft: t.int({
        nullable: true,
        description:
          '剩余名额 capacity minus active enrolments (0 when full or over); null when the capacity is 0 (no limit)',
        resolve: async (f, _a, ctx) =>
          f.capacity > 0 ? Math.max(0, f.capacity - (await enrolledCount(ctx, f.id))) : null,
      }),
      operator: t.loadable({
        type: modelRef(builder, 'Organization'),
        nullable: true,
        description: '运营单位 operator organisation (its staff serve the enrolled people)',
        load: (ids: string[], ctx) => ctx.prisma.organization.findMany({ where: { id: { in: ids } } }),
        sort: (o) => o.id,
        resolve: (f) => f.operatorId,
      }),
      phone: t.exposeString('phone', { nullable: true, description: '设施电话 facility phone' }),
      mealCutoffTime: t.exposeString('mealCutoffTime', {
        description: '订餐截止时间 HH:MM (北京时间) for menus published without cutoffAt',
      }),
      mealCutoffDaysBefore: t.exposeInt('mealCutoffDaysBefore', {
        description: '提前天数 0 = same day, 1 = the day before',
      }),
      active: t.exposeBoolean('active', { description: '在运营 open' }),
      menus: t.relation('menus', {
        maxItems: 3 * 31,
        description: '菜单 menus from a date on (meal points)',
        args: {
          from: t.arg({ type: 'Date', required: false, description: '起始日期 (default: today, Beijing time)' }),
          days: t.arg.int({ required: false, description: '天数 (default 7, max 31)' }),
        },
        query: (args, ctx) => {
          const days = Math.min(Math.max(args.days ?? 7, 1), 31);
          const from = args.from ?? localDay(ctx.clock.now());
          return {
            where: { date: { gte: from, lt: new Date(from.getTime() + days * 86_400_000) } },
            orderBy: [{ date: 'asc' }, { meal: 'asc' }],
            take: 3 * 31,
          };
        },
      }),
      createdAt: t.field({ type: 'DateTime', resolve: (f) => f.createdAt }),
    }),
  });
  guardNode(builder, 'CareFacility', (f, ctx) => ctx.gate.isEnabledAt(MODULE, f.regionPath));

  const FacilityFilter = builder.inputType('CareFacilityFilter', {
    subGraphs: SUB,
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划: facilities in it or below' }),
      kind: t.field({ type: E.FacilityKind, required: false }),
      search: t.string({ required: false, description: '名称包含' }),
      activeOnly: t.boolean({ required: false, description: '只看在运营的 (default true)' }),
    }),
  });

  const facilityWhere = async (
    ctx: Context,
    f: typeof FacilityFilter.$inferInput | null | undefined,
  ): Promise<Prisma.CareFacilityWhereInput> => {
    const regionId = parseOptionalId(f?.regionId == null ? null : String(f.regionId), 'Region', 'filter.regionId');
    let scope = '/';
    if (regionId) {
      const region = await ctx.prisma.region.findUnique({ where: { id: regionId }, select: { path: true } });
      if (!region) throw notFound('区划 region');
      scope = region.path;
    }
    const search = f?.search?.trim();
    return {
      AND: [
        await readable(ctx, scope),
        f?.kind ? { kind: f.kind } : {},
        f?.activeOnly === false ? {} : { active: true },
        search ? { name: containsText(search) } : {},
      ],
    };
  };

  builder.queryFields((t) => ({
    careFacilities: t.prismaConnection({
      subGraphs: SUB,
      policy: { roles: 'ANYONE', scope: 'NONE' },
      description: '康养设施列表 (public information; townships where elder-care is off are hidden)',
      type: 'CareFacility',
      cursor: 'id',
      args: { filter: t.arg({ type: FacilityFilter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.careFacility.findMany({
          ...query,
          where: await facilityWhere(ctx, args.filter),
          orderBy: [{ regionPath: 'asc' }, { kind: 'asc' }, { name: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) =>
        ctx.prisma.careFacility.count({ where: await facilityWhere(ctx, args.filter) }),
    }),
    careFacility: t.prismaField({
      subGraphs: SUB,
      policy: { roles: 'ANYONE', scope: 'NONE' },
      type: 'CareFacility',
      nullable: true,
      description: '康养设施 (MODULE_DISABLED where elder-care is off)',
      args: { id: t.arg.id({ required: true }) },
      resolve: async (query, _r, args, ctx) => {
        const f = await ctx.prisma.careFacility.findUnique({
          ...query,
          where: { id: parseId(String(args.id), 'CareFacility') },
        });
        if (f) await assertReadable(ctx, f.regionPath);
        return f;
      },
    }),
  }));

  // Community.careFacilities: facilities of the region and everything below it
  builder.prismaObjectField('Region', 'careFacilities', (t) =>
    t.loadableList({
      subGraphs: SUB,
      maxItems: 50,
      type: modelRef(builder, 'CareFacility'),
      description: '康养设施 facilities in this community (or region and below)',
      byPath: true,
      args: { kind: t.arg({ type: E.FacilityKind, required: false }) },
      load: async (paths: string[], ctx: Context, args: { kind?: string | null }) => {
        const rows = await ctx.prisma.careFacility.findMany({
          where: {
            AND: [
              await readable(ctx, '/'),
              { OR: paths.map((p) => ({ regionPath: { startsWith: p } })) },
              { active: true },
              args.kind ? { kind: args.kind as never } : {},
            ],
          },
          orderBy: [{ kind: 'asc' }, { name: 'asc' }],
        });
        return paths.map((p) => rows.filter((r) => r.regionPath.startsWith(p)));
      },
      resolve: (region) => region.path,
    }),
  );

  const CreateInput = builder.inputType('CreateCareFacilityInput', {
    subGraphs: SUB,
    fields: (t) => ({
      communityId: t.id({ required: true, description: '所在社区/村' }),
      kind: t.field({ type: E.FacilityKind, required: true }),
      name: t.string({ required: true }),
      address: t.string({ required: false }),
      openingHours: t.string({ required: false, description: '开放时间' }),
      rooms: t.field({ type: [E.Room], required: false, description: '功能室' }),
      capacity: t.int({ required: false, description: '床位/座位数 (0–10000): caps active enrolments; 0 = no limit' }),
      operatorId: t.id({ required: false, description: '运营单位 Organization id' }),
      phone: t.string({ required: false }),
      mealCutoffTime: t.string({ required: false, description: '订餐截止时间 HH:MM (default 09:00)' }),
      mealCutoffDaysBefore: t.int({ required: false, description: '0 = same day (default), 1 = day before' }),
    }),
  });
  const UpdateInput = builder.inputType('UpdateCareFacilityInput', {
    subGraphs: SUB,
    fields: (t) => ({
      facilityId: t.id({ required: true }),
      name: t.string({ required: false }),
      address: t.string({ required: false }),
      openingHours: t.string({ required: false }),
      rooms: t.field({ type: [E.Room], required: false }),
      capacity: t.int({
        required: false,
        description: '0 = no limit; set below the active enrolments it ends none, it only refuses new ones',
      }),
      operatorId: t.id({ required: false }),
      phone: t.string({ required: false }),
      mealCutoffTime: t.string({ required: false }),
      mealCutoffDaysBefore: t.int({ required: false }),
      active: t.boolean({ required: false, description: '停用 false closes the facility (nothing is deleted)' }),
    }),
  });
  type Common = Partial<Omit<typeof UpdateInput.$inferInput, 'facilityId'>>;

  async function fieldsData(ctx: Context, input: Common, creating: boolean) {
    new Checks()
      .text(input.name, 'input.name', { max: 60, required: creating })
      .text(input.address, 'input.address', { max: 200, required: false })
      .text(input.openingHours, 'input.openingHours', { max: 100, required: false })
      .check(
        input.capacity == null || (Number.isInteger(input.capacity) && input.capacity >= 0 && input.capacity <= 10_000),
        'input.capacity',
        '应为 0–10000',
      )
      .check(!input.phone || /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(input.phone.trim()), 'input.phone', '电话格式不正确')
      .check(input.mealCutoffTime == null || HHMM.test(input.mealCutoffTime), 'input.mealCutoffTime', '应为 HH:MM')
      .check(
        input.mealCutoffDaysBefore == null || [0, 1, 2].includes(input.mealCutoffDaysBefore),
        'input.mealCutoffDaysBefore',
        '应为 0、1 或 2',
      )
      .throwIfAny();
    const operatorId = parseOptionalId(
      input.operatorId == null ? null : String(input.operatorId),
      'Organization',
      'input.operatorId',
    );
    if (operatorId && !(await ctx.prisma.organization.findUnique({ where: { id: operatorId }, select: { id: true } })))
      throw notFound('运营单位 organization');
    const data: Prisma.CareFacilityUncheckedUpdateInput = {};
    if (input.name != null) data.name = input.name.trim();
    if (input.address !== undefined) data.address = input.address?.trim() || null;
    if (input.openingHours !== undefined) data.openingHours = input.openingHours?.trim() || null;
    if (input.rooms != null) data.rooms = [...new Set(input.rooms)];
    if (input.capacity != null) data.capacity = input.capacity;
    if (input.operatorId !== undefined) data.operatorId = operatorId;
    if (input.phone !== undefined) data.phone = input.phone?.trim() || null;
    if (input.mealCutoffTime != null) data.mealCutoffTime = input.mealCutoffTime;
    if (input.mealCutoffDaysBefore != null) data.mealCutoffDaysBefore = input.mealCutoffDaysBefore;
    if (input.active != null) data.active = input.active;
    return data;
  }

  const uniqueName = async <T>(fn: () => Promise<T>) => {
    try {
      return await fn();
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('CONFLICT', '该社区已有同名设施 (a facility of that name exists in the community)');
      throw e;
    }
  };

  builder.mutationFields((t) => ({
    createCareFacility: t.field({
      subGraphs: SUB,
      policy: { roles: MANAGERS, scope: { region: 'input.communityId' } },
      description: '新建康养设施 (workers and admins of that community)',
      type: payloadType(builder, 'CreateCareFacilityPayload', 'facility', 'CareFacility', { subGraphs: SUB }),
      errors: {},
      args: { input: t.arg({ type: CreateInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const data = await fieldsData(ctx, input, true);
        const community = await ctx.prisma.region.findUnique({
          where: { id: parseId(String(input.communityId), 'Region', 'input.communityId') },
        });
        if (community?.level !== 'COMMUNITY')
          throw new AppError('VALIDATION', 'communityId 应为社区/村 (must be a community)');
        if (!managesPeopleAt(ctx.viewer, community.path))
          throw forbidden('只有该社区的工作人员或上级管理员可以新建设施 (workers and admins of that community)');
        await ctx.gate.assertEnabled(MODULE, community.path);
        const facility = await uniqueName(() =>
          ctx.prisma.$transaction(async (tx) => {
            const f = await tx.careFacility.create({
              data: {
                ...(data as Prisma.CareFacilityUncheckedCreateInput),
                name: input.name.trim(),
                kind: input.kind,
                communityId: community.id,
                regionPath: community.path,
              },
            });
            await ctx.audit(tx, {
              action: 'elderCare.facility.create',
              entityType: 'CareFacility',
              entityId: f.id,
              regionPath: f.regionPath,
              data: { name: f.name, kind: f.kind },
            });
            return f;
          }),
        );
        return { facility };
      },
    }),
    updateCareFacility: t.field({
      subGraphs: SUB,
      policy: { roles: MANAGERS, scope: { record: 'CareFacility', id: 'input.facilityId' } },
      description: '修改康养设施 (workers and admins of its community)',
      type: payloadType(builder, 'UpdateCareFacilityPayload', 'facility', 'CareFacility', { subGraphs: SUB }),
      errors: {},
      args: { input: t.arg({ type: UpdateInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const existing = await loadFacility(ctx, input.facilityId, 'input.facilityId');
        await ctx.gate.assertEnabled(MODULE, existing.regionPath);
        if (!managesPeopleAt(ctx.viewer, existing.regionPath))
          throw forbidden('只有该社区的工作人员或上级管理员可以修改设施');
        const data = await fieldsData(ctx, input, false);
        const facility = await uniqueName(() =>
          ctx.prisma.$transaction(async (tx) => {
            const f = await tx.careFacility.update({ where: { id: existing.id }, data });
            await ctx.audit(tx, {
              action: 'elderCare.facility.update',
              entityType: 'CareFacility',
              entityId: f.id,
              regionPath: f.regionPath,
              data: { changed: Object.keys(data) },
            });
            return f;
          }),
        );
        return { facility };
      },
    }),
  }));
}
