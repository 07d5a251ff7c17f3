// createGrid, createHousehold, assignGridStaff, endGridStaffAssignment (community workers and admins);
// the shared write helpers also used by updateGrid / updateHousehold (grid-updates.ts).
import {
  AppError,
  Checks,
  conflict,
  forbidden,
  MANAGERS,
  notFound,
  parseId,
  type Builder,
  type Context,
} from '../../src/kit/index.js';
import { managesGridsAt, MODULE } from './access.js';
import { SG, type GridEnums } from './enums.js';
import { sizeLimit, sizeWarning } from './grid-types.js';
import { refs } from './refs.js';

/** 网格边界: a GeoJSON Polygon or MultiPolygon (shared by createGrid and updateGrid) */
export function checkBoundary(checks: Checks, boundary: unknown, path: string) {
  const b = boundary as { type?: unknown; coordinates?: unknown } | null | undefined;
  return checks.check(
    b == null ||
      (typeof b === 'object' && (b.type === 'Polygon' || b.type === 'MultiPolygon') && Array.isArray(b.coordinates)),
    path,
    '应为 GeoJSON Polygon 或 MultiPolygon',
  );
}

/** a payload `{ <field>, warnings }` (warnings: what did not stop the change, e.g. the grid size) */
export function payloadWithWarnings<T>(
  builder: Builder,
  name: string,
  field: string,
  type: ReturnType<typeof refs>[keyof ReturnType<typeof refs>],
) {
  return builder.objectRef<{ value: T; warnings: string[] }>(name).implement({
    subGraphs: SG,
    fields: (t) => ({
      [field]: t.field({ type, resolve: (p) => p.value as never }),
      warnings: t.stringList({
        description: '提示 warnings that did not stop the change (e.g. grid size)',
        resolve: (p) => p.warnings,
      }),
    }),
  });
}

/** a grid the viewer may change: NOT_FOUND, MODULE_DISABLED, FORBIDDEN otherwise */
export async function gridForWrite(ctx: Context, gid: string | number, path: string, internalId?: string) {
  const grid = await ctx.prisma.grid.findUnique({ where: { id: internalId ?? parseId(String(gid), 'Grid', path) } });
  if (!grid) throw notFound('网格 grid');
  await ctx.gate.assertEnabled(MODULE, grid.regionPath);
  if (!managesGridsAt(ctx.viewer, grid.regionPath))
    throw forbidden('只有该社区的工作人员或上级管理员可以管理网格 (community workers or admins of this area)');
  return grid;
}

/** 网格编码: 1–30 letters, digits or hyphens */
export const CODE_PATTERN = /^[A-Za-z0-9-]{1,30}$/;

export function registerGridMutations(builder: Builder, E: GridEnums) {
  const PointInput = builder.inputType('GridPointInput', {
    subGraphs: SG,
    fields: (t) => ({
      latitude: t.field({ type: 'Latitude', required: true }),
      longitude: t.field({ type: 'Longitude', required: true }),
    }),
  });

  const CreateGridInput = builder.inputType('CreateGridInput', {
    subGraphs: SG,
    description: '新建网格',
    fields: (t) => ({
      communityId: t.id({ required: true, description: '社区/村 (a grid never belongs directly to a township)' }),
      code: t.string({ required: true, description: '网格编码, unique in the community' }),
      name: t.string({ required: true }),
      kind: t.field({ type: E.GridKind, required: true }),
      boundary: t.field({ type: 'JSON', required: false, description: 'GeoJSON Polygon or MultiPolygon' }),
      centre: t.field({ type: PointInput, required: false }),
    }),
  });

  const R = refs(builder);
  const withWarnings = <T>(name: string, field: string, type: ReturnType<typeof refs>[keyof ReturnType<typeof refs>]) =>
    payloadWithWarnings<T>(builder, name, field, type);
  const CreateGridPayload = withWarnings('CreateGridPayload', 'grid', R.Grid);
  const CreateHouseholdPayload = withWarnings('CreateHouseholdPayload', 'household', R.Household);
  const AssignmentPayload = (name: string) => withWarnings(name, 'assignment', R.GridStaff);

  const CreateHouseholdInput = builder.inputType('CreateHouseholdInput', {
    subGraphs: SG,
    fields: (t) => ({
      gridId: t.id({ required: true }),
      address: t.string({ required: true }),
      headId: t.id({ required: false, description: '户主 Person' }),
      memberIds: t.idList({ required: false, description: '家庭成员 Person ids' }),
    }),
  });

  const AssignGridStaffInput = builder.inputType('AssignGridStaffInput', {
    subGraphs: SG,
    fields: (t) => ({
      gridId: t.id({ required: true }),
      personId: t.id({ required: true }),
      role: t.field({ type: E.GridStaffRole, required: true }),
      startDate: t.field({ type: 'Date', required: true }),
      endDate: t.field({ type: 'Date', required: false, description: 'exclusive' }),
    }),
  });
  const EndAssignmentInput = builder.inputType('EndGridStaffAssignmentInput', {
    subGraphs: SG,
    fields: (t) => ({
      assignmentId: t.id({ required: true }),
      endDate: t.field({ type: 'Date', required: true, description: 'exclusive' }),
    }),
  });

  builder.mutationFields((t) => ({
    createGrid: t.field({
      subGraphs: SG,
      policy: { roles: MANAGERS, scope: { region: 'input.communityId' } },
      description: '新建网格 (community workers of the community, admins above)',
      type: CreateGridPayload,
      errors: {},
      args: { input: t.arg({ type: CreateGridInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const code = input.code.trim();
        const boundary = input.boundary as object | null | undefined;
        const checks = new Checks()
          .check(CODE_PATTERN.test(code), 'input.code', '1–30 个字母、数字或连字符')
          .text(input.name, 'input.name', { max: 60 });
        checkBoundary(checks, boundary, 'input.boundary').throwIfAny();
        const community = await ctx.prisma.region.findUnique({
          where: { id: parseId(String(input.communityId), 'Region', 'input.communityId') },
        });
        if (!community) throw notFound('社区 community');
        if (community.level !== 'COMMUNITY')
          throw new AppError(
            'VALIDATION',
            'communityId 应为社区/村：网格不直接属于乡镇 (a grid belongs to a community)',
          );
        await ctx.gate.assertEnabled(MODULE, community.path);
        if (!managesGridsAt(ctx.viewer, community.path))
          throw forbidden('只有该社区的工作人员或上级管理员可以新建网格');
        const grid = await ctx.prisma.$transaction(async (tx) => {
          if (await tx.grid.findUnique({ where: { communityId_code: { communityId: community.id, code } } }))
            throw conflict(`网格编码 ${code} 已存在 (code exists)`);
          const g = await tx.grid.create({
            data: {
              communityId: community.id,
              regionPath: community.path,
              code,
              name: input.name.trim(),
              kind: input.kind,
              boundary: (boundary ?? undefined) as never,
              centreLat: input.centre?.latitude ?? null,
              centreLng: input.centre?.longitude ?? null,
            },
          });
          await ctx.audit(tx, {
            action: 'grid.create',
            entityType: 'Grid',
            entityId: g.id,
            regionPath: g.regionPath,
            data: { code, name: g.name },
          });
          return g;
        });
        return { value: grid, warnings: [] };
      },
    }),
    createHousehold: t.field({
      subGraphs: SG,
      policy: { roles: MANAGERS, scope: { record: 'Grid', id: 'input.gridId' } },
      description: '登记户 (a warning, not a refusal, when the grid grows larger than usual)',
      type: CreateHouseholdPayload,
      errors: {},
      args: { input: t.arg({ type: CreateHouseholdInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.address, 'input.address', { max: 200 }).throwIfAny();
        const grid = await gridForWrite(ctx, input.gridId, 'input.gridId');
        const headId = input.headId ? parseId(String(input.headId), 'Person', 'input.headId') : null;
        const memberIds = [
          ...new Set([
            ...(input.memberIds ?? []).map((m, i) => parseId(String(m), 'Person', `input.memberIds.${i}`)),
            ...(headId ? [headId] : []),
          ]),
        ];
        if (
          memberIds.length &&
          (await ctx.prisma.person.count({ where: { id: { in: memberIds } } })) !== memberIds.length
        )
          throw notFound('居民 person');
        const { household, count } = await ctx.prisma.$transaction(async (tx) => {
          const h = await tx.household.create({
            data: {
              gridId: grid.id,
              communityId: grid.communityId,
              regionPath: grid.regionPath,
              address: input.address.trim(),
              headId,
            },
          });
          if (memberIds.length) {
            await tx.householdMember.createMany({
              data: memberIds.map((personId) => ({
                householdId: h.id,
                personId,
                regionPath: grid.regionPath,
                relation: personId === headId ? '户主' : null,
              })),
            });
          }
          await ctx.audit(tx, {
            action: 'grid.household.create',
            entityType: 'Household',
            entityId: h.id,
            regionPath: grid.regionPath,
          });
          return { household: h, count: await tx.household.count({ where: { gridId: grid.id } }) };
        });
        const warning = sizeWarning(count, await sizeLimit(ctx, grid), grid.kind);
        return { value: household, warnings: warning ? [warning] : [] };
      },
    }),
    assignGridStaff: t.field({
      subGraphs: SG,
      policy: { roles: MANAGERS, scope: { record: 'Grid', id: 'input.gridId' } },
      description: '网格人员任职: assign 网格长, 专职/兼职网格员 or 网格指导员 to a grid from a start date',
      type: AssignmentPayload('AssignGridStaffPayload'),
      errors: {},
      args: { input: t.arg({ type: AssignGridStaffInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .check(
            !input.endDate || input.endDate > input.startDate,
            'input.endDate',
            '应晚于开始日期 (after the start date)',
          )
          .throwIfAny();
        const grid = await gridForWrite(ctx, input.gridId, 'input.gridId');
        const personId = parseId(String(input.personId), 'Person', 'input.personId');
        if (!(await ctx.prisma.person.findUnique({ where: { id: personId }, select: { id: true } })))
          throw notFound('人员 person');
        const assignment = await ctx.prisma.$transaction(async (tx) => {
          const overlapping = await tx.gridStaff.count({
            where: {
              gridId: grid.id,
              personId,
              role: input.role,
              ...(input.endDate ? { startDate: { lt: input.endDate } } : {}),
              OR: [{ endDate: null }, { endDate: { gt: input.startDate } }],
            },
          });
          if (overlapping) throw conflict('该人员在此期间已担任此职务 (an overlapping assignment in this role exists)');
          const a = await tx.gridStaff.create({
            data: {
              gridId: grid.id,
              communityId: grid.communityId,
              regionPath: grid.regionPath,
              personId,
              role: input.role,
              startDate: input.startDate,
              endDate: input.endDate ?? null,
            },
          });
          await ctx.audit(tx, {
            action: 'grid.staff.assign',
            entityType: 'GridStaff',
            entityId: a.id,
            regionPath: grid.regionPath,
            data: { role: input.role },
          });
          return a;
        });
        return { value: assignment, warnings: [] };
      },
    }),
    endGridStaffAssignment: t.field({
      subGraphs: SG,
      policy: { roles: MANAGERS, scope: { record: 'GridStaff', id: 'input.assignmentId' } },
      description: '结束任职',
      type: AssignmentPayload('EndGridStaffAssignmentPayload'),
      errors: {},
      args: { input: t.arg({ type: EndAssignmentInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const existing = await ctx.prisma.gridStaff.findUnique({
          where: { id: parseId(String(input.assignmentId), 'GridStaff', 'input.assignmentId') },
        });
        if (!existing) throw notFound('任职 assignment');
        await gridForWrite(ctx, '', 'input.assignmentId', existing.gridId);
        if (input.endDate <= existing.startDate)
          throw new AppError('VALIDATION', 'input.endDate: 应晚于开始日期 (after the start date)');
        const assignment = await ctx.prisma.$transaction(async (tx) => {
          const done = await tx.gridStaff.updateMany({
            where: { id: existing.id, endDate: existing.endDate },
            data: { endDate: input.endDate },
          });
          if (!done.count) throw conflict('任职已被他人修改 (changed by someone else)');
          await ctx.audit(tx, {
            action: 'grid.staff.end',
            entityType: 'GridStaff',
            entityId: existing.id,
            regionPath: existing.regionPath,
          });
          return tx.gridStaff.findUniqueOrThrow({ where: { id: existing.id } });
        });
        return { value: assignment, warnings: [] };
      },
    }),
  }));
  return { PointInput };
}
