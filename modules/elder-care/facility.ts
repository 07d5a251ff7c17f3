// 康养设施: 日间照料中心, 助餐服务点, 残疾人社区康复服务站 — node, lists, Region.careFacilities, mutations.
import {
  containsText,
  countRows,
  guardNode,
  listWhere,
  mapLoader,
  modelRef,
  notFound,
  parseId,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { localDay, MODULE } from './constants.js';
import type { Enums } from './enums.js';

export async function loadFacility(ctx: Context, globalId: string | number, path: string) {
  const facility = await ctx.prisma.careFacility.findUnique({
    where: { id: parseId(String(globalId), 'CareFacility', path) },
  });
  if (!facility) throw notFound('康养设施 facility');
  return facility;
}

/** active enrolments per facility, batched per request */
const enrolledCount = (ctx: Context, facilityId: string) =>
  mapLoader<number>(
    ctx,
    'elder-care.facilityEnrolled',
    async (ids) => {
      const rows = await ctx.prisma.careEnrollment.groupBy({
        by: ['facilityId'],
        where: { facilityId: { in: [...ids] }, status: 'ACTIVE' },
        _count: { _all: true },
      });
      return new Map(rows.map((r) => [r.facilityId, r._count._all]));
    },
    0,
  ).load(facilityId);

export function registerFacilities(builder: Builder, E: Enums) {
  builder.prismaNode('CareFacility', {
    description:
      '康养设施 a day-care centre 日间照料中心, meal point 助餐服务点 or rehabilitation station 残疾人社区康复服务站',
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
    const search = f?.search?.trim();
    return {
      AND: [
        // public information: any region may be named, not only the viewer's
        await listWhere(ctx, MODULE, { regionId: f?.regionId, base: '/', allowed: () => true }),
        f?.kind ? { kind: f.kind } : {},
        f?.activeOnly === false ? {} : { active: true },
        search ? { name: containsText(search) } : {},
      ],
    };
  };

  builder.queryFields((t) => ({
    careFacilities: t.prismaConnection({
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
      totalCount: async (_c, args, ctx) => countRows(ctx, 'CareFacility', await facilityWhere(ctx, args.filter)),
    }),
    careFacility: t.prismaField({
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
        if (f) await ctx.gate.assertEnabled(MODULE, f.regionPath);
        return f;
      },
    }),
  }));

  // Community.careFacilities: facilities of the region and everything below it
  builder.prismaObjectField('Region', 'careFacilities', (t) =>
    t.loadableList({
      maxItems: 50,
      type: modelRef(builder, 'CareFacility'),
      description: '康养设施 facilities in this community (or region and below)',
      byPath: true,
      args: { kind: t.arg({ type: E.FacilityKind, required: false }) },
      load: async (paths: string[], ctx: Context, args: { kind?: string | null }) => {
        const rows = await ctx.prisma.careFacility.findMany({
          where: {
            AND: [
              await listWhere(ctx, MODULE, { base: '/' }),
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
}
