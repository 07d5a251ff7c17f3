// 网格, 户, 网格人员: node types, the `grids` / `grid` queries and `Community.grids`.
import {
  canSeePerson,
  containsText,
  countRows,
  guardNode,
  listWhere,
  managesPeopleAt,
  maskAddress,
  parseId,
  readsWithinScope,
  shownName,
  within,
  type Builder,
  type Context,
  type Prisma,
} from '../../src/kit/index.js';
import { activeOn, MODULE, requireViewer, townshipOf } from './access.js';
import type { GridEnums } from './enums.js';
import { incidentVisibility } from './incident-visibility.js';
import { refs } from './refs.js';

/** the size above which a grid gets a warning (not a refusal), per township setting */
export async function sizeLimit(ctx: Pick<Context, 'settings'>, grid: { kind: string; regionPath: string }) {
  const key = grid.kind === 'URBAN' ? 'urbanGridMaxHouseholds' : 'ruralGridMaxHouseholds';
  return ctx.settings.get<number>(MODULE, key, townshipOf(grid.regionPath));
}

export const sizeWarning = (count: number, limit: number, kind: string) =>
  count > limit
    ? `网格超出常规规模：${count} 户，超过${kind === 'URBAN' ? '城镇' : '农村'}网格的 ${limit} 户 ` +
      `(larger than usual: ${count} households > ${limit}); consider splitting it`
    : null;

/** people by id, null where the viewer may not see that person (one query per list level) */
export async function loadPeople(ids: string[], ctx: Context) {
  const rows = await ctx.prisma.person.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((p) => [p.id, p]));
  return Promise.all(
    ids.map(async (id) => {
      const p = byId.get(id);
      return p && (await canSeePerson(ctx, p)) ? p : null;
    }),
  );
}

export function registerGridTypes(builder: Builder, E: GridEnums) {
  const R = refs(builder);
  const Centre = builder.objectRef<{ latitude: number; longitude: number }>('GridPoint').implement({
    description: '坐标 a WGS-84 point',
    fields: (t) => ({
      latitude: t.float({ resolve: (p) => p.latitude }),
      longitude: t.float({ resolve: (p) => p.longitude }),
    }),
  });

  builder.prismaNode('Grid', {
    description: '网格 a grid inside one community (社区/村)',
    id: { field: 'id' },
    fields: (t) => ({
      code: t.exposeString('code', { description: '网格编码' }),
      name: t.exposeString('name', { description: '网格名称' }),
      kind: t.field({ type: E.GridKind, resolve: (g) => g.kind }),
      community: t.prismaField({
        type: 'Region',
        description: '所属社区/村',
        resolve: (q, g, _a, ctx) => ctx.prisma.region.findUniqueOrThrow({ ...q, where: { id: g.communityId } }),
      }),
      boundary: t.field({
        type: 'JSON',
        nullable: true,
        description: '网格边界 GeoJSON polygon',
        resolve: (g) => g.boundary,
      }),
      centre: t.field({
        type: Centre,
        nullable: true,
        description: '中心点',
        resolve: (g) =>
          g.centreLat != null && g.centreLng != null ? { latitude: g.centreLat, longitude: g.centreLng } : null,
      }),
      householdCount: t.relationCount('households', { description: '覆盖户数 households covered' }),
      sizeWarning: t.string({
        nullable: true,
        description: '规模提示 a warning when the grid is larger than usual (城镇 300–500 户, 农村约 300 户)',
        select: { _count: { select: { households: true } } },
        resolve: async (g, _a, ctx) => sizeWarning(g._count.households, await sizeLimit(ctx, g), g.kind),
      }),
      households: t.relatedConnection('households', {
        description: '覆盖的户 (staff only; addresses masked unless you manage the community)',
        cursor: 'id',
        totalCount: true,
        query: (_args, ctx) => ({
          where: readsWithinScope(ctx.viewer) ? {} : { id: { in: [] as string[] } },
          orderBy: [{ address: 'asc' }, { id: 'asc' }],
        }),
      }),
      staff: t.relation('staff', {
        maxItems: 100,
        description: '网格人员 assignments (active ones by default)',
        args: { includeEnded: t.arg.boolean({ required: false, description: '包括已结束的任职' }) },
        query: (args, ctx) => ({
          take: 100,
          where: args.includeEnded ? {} : activeOn(ctx.clock.now()),
          orderBy: [{ role: 'asc' }, { startDate: 'asc' }, { id: 'asc' }],
        }),
      }),
      patrols: t.relatedConnection('patrols', {
        description: '巡查走访记录 (staff within scope)',
        cursor: 'id',
        totalCount: true,
        query: (_args, ctx) => ({
          where: readsWithinScope(ctx.viewer) ? {} : { id: { in: [] as string[] } },
          orderBy: [{ visitedAt: 'desc' }, { id: 'desc' }],
        }),
      }),
      incidents: t.relatedConnection('incidents', {
        description: '网格内事件 (those you may see)',
        cursor: 'id',
        totalCount: true,
        query: (_args, ctx) => ({
          where: incidentVisibility(ctx.viewer),
          orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
        }),
      }),
    }),
  });
  guardNode(builder, 'Grid', async (g, ctx) => {
    if (!ctx.viewer || !within(ctx.viewer, g.regionPath)) return false;
    await ctx.gate.assertEnabled(MODULE, g.regionPath);
    return true;
  });

  builder.prismaNode('Household', {
    description: '户 a household covered by a grid',
    id: { field: 'id' },
    fields: (t) => ({
      address: t.string({
        description: '住址 (masked unless you manage this community)',
        resolve: (h, _a, ctx) => (managesPeopleAt(ctx.viewer, h.regionPath) ? h.address : maskAddress(h.address)!),
      }),
      grid: t.relation('grid'),
      splitHousehold: t.boolean({
        description: '分户: split from another household at the same address',
        resolve: (h) => h.splitFromId != null,
      }),
      head: t.loadable({
        type: R.Person,
        nullable: true,
        description: '户主 (only if you may see that person)',
        load: loadPeople,
        resolve: (h) => h.headId,
      }),
      memberCount: t.relationCount('members', { description: '登记成员数' }),
      members: t.relation('members', { maxItems: 50, query: { take: 50 }, description: '家庭成员' }),
    }),
  });
  guardNode(builder, 'Household', async (h, ctx) => {
    if (!readsWithinScope(ctx.viewer) || !within(ctx.viewer, h.regionPath)) return false;
    await ctx.gate.assertEnabled(MODULE, h.regionPath);
    return true;
  });

  builder.prismaObject('HouseholdMember', {
    description: '家庭成员',
    fields: (t) => ({
      relation: t.exposeString('relation', { nullable: true, description: '与户主关系' }),
      person: t.loadable({ type: R.Person, nullable: true, load: loadPeople, resolve: (m) => m.personId }),
    }),
  });

  builder.prismaNode('GridStaff', {
    description: '网格人员任职 a person assigned to a grid (网格长, 专职/兼职网格员, 网格指导员)',
    id: { field: 'id' },
    fields: (t) => ({
      role: t.field({ type: E.GridStaffRole, resolve: (s) => s.role }),
      startDate: t.field({ type: 'Date', description: '任职开始', resolve: (s) => s.startDate }),
      endDate: t.field({
        type: 'Date',
        nullable: true,
        description: '任职结束 (exclusive)',
        resolve: (s) => s.endDate,
      }),
      active: t.boolean({
        description: '在岗',
        resolve: (s, _a, ctx) => {
          const now = ctx.clock.now();
          return s.startDate <= now && (!s.endDate || s.endDate > now);
        },
      }),
      grid: t.relation('grid'),
      name: t.loadable({
        type: 'String',
        description: '姓名 (in full for those who manage the person, else the surname only)',
        load: async (ids: string[], ctx: Context) => {
          const people = await ctx.prisma.person.findMany({
            where: { id: { in: ids } },
            select: { id: true, name: true, homePath: true },
          });
          const byId = new Map(people.map((p) => [p.id, p]));
          return ids.map((id) => {
            const p = byId.get(id);
            return p ? shownName(ctx.viewer, p, p.name) : '';
          });
        },
        resolve: (s) => s.personId,
      }),
      person: t.loadable({
        type: R.Person,
        nullable: true,
        description: '人员 (if you may see that person)',
        load: loadPeople,
        resolve: (s) => s.personId,
      }),
    }),
  });

  const GridFilter = builder.inputType('GridFilter', {
    fields: (t) => ({
      regionId: t.id({ required: false, description: '区划: grids in it or below' }),
      search: t.string({ required: false, description: '名称或编码包含' }),
    }),
  });

  const gridWhere = async (
    ctx: Context,
    f: typeof GridFilter.$inferInput | null | undefined,
  ): Promise<Prisma.GridWhereInput> => {
    const viewer = requireViewer(ctx);
    // the viewer's own area (the system admin's too), narrowed to the filter's region inside it
    const scope = await listWhere(ctx, MODULE, { regionId: f?.regionId || null, base: viewer.regionPath });
    const search = f?.search?.trim();
    return {
      ...scope,
      ...(search ? { OR: [{ name: containsText(search) }, { code: containsText(search) }] } : {}),
    };
  };

  builder.queryFields((t) => ({
    grids: t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: { region: 'filter.regionId' } },
      description: '网格列表 within your area',
      type: 'Grid',
      cursor: 'id',
      args: { filter: t.arg({ type: GridFilter, required: false }) },
      resolve: async (q, _r, args, ctx) =>
        ctx.prisma.grid.findMany({
          ...q,
          where: await gridWhere(ctx, args.filter),
          orderBy: [{ regionPath: 'asc' }, { code: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'Grid', await gridWhere(ctx, args.filter)),
    }),
    grid: t.prismaField({
      policy: { roles: 'LOGGED_IN', scope: { record: 'Grid', id: 'id' } },
      type: 'Grid',
      nullable: true,
      description: '网格 (MODULE_DISABLED where the module is off)',
      args: { id: t.arg.id({ required: true }) },
      resolve: async (q, _r, args, ctx) => {
        const viewer = requireViewer(ctx);
        const grid = await ctx.prisma.grid.findUnique({ ...q, where: { id: parseId(String(args.id), 'Grid') } });
        if (!grid || !within(viewer, grid.regionPath)) return null;
        await ctx.gate.assertEnabled(MODULE, grid.regionPath);
        return grid;
      },
    }),
  }));

  builder.prismaObjectField('Region', 'grids', (t) =>
    t.prismaField({
      maxItems: 200,
      type: ['Grid'],
      description: '网格 the grids of a community (empty for other levels, or where the module is off)',
      resolve: async (q, region, _a, ctx) => {
        if (!ctx.viewer || region.level !== 'COMMUNITY' || !(await ctx.gate.isEnabledAt(MODULE, region.path)))
          return [];
        return ctx.prisma.grid.findMany({
          ...q,
          where: { communityId: region.id },
          orderBy: [{ code: 'asc' }, { id: 'asc' }],
          take: 200,
        });
      },
    }),
  );
}
