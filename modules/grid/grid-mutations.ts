// 网格: createGrid and updateGrid (community workers of the community, admins above). In updateGrid an
// omitted field stays as it is; `null` clears an optional one (boundary, centre).
import {
  AppError,
  Checks,
  conflict,
  forbidden,
  isUniqueViolation,
  MANAGERS,
  notFound,
  parseId,
  Prisma,
  type Builder,
  type Context,
  type Grid,
} from '../../src/kit/index.js';
import { managesGridsAt, MODULE } from './access.js';
import type { GridEnums } from './enums.js';
import { sizeLimit, sizeWarning } from './grid-types.js';
import { CODE_PATTERN, checkBoundary, gridForWrite, gridWrite, payloadWithWarnings } from './grid-write.js';
import { refs } from './refs.js';

const codeExists = (code: string) => conflict(`网格编码 ${code} 已存在 (code exists)`);

/** the community a new grid belongs to: NOT_FOUND, VALIDATION (not a community), MODULE_DISABLED, FORBIDDEN */
async function communityForGrid(ctx: Context, id: string | number) {
  const community = await ctx.prisma.region.findUnique({
    where: { id: parseId(String(id), 'Region', 'input.communityId') },
  });
  if (!community) throw notFound('社区 community');
  if (community.level !== 'COMMUNITY')
    throw new AppError('VALIDATION', 'communityId 应为社区/村：网格不直接属于乡镇 (a grid belongs to a community)');
  await ctx.gate.assertEnabled(MODULE, community.path);
  if (!managesGridsAt(ctx.viewer, community.path)) throw forbidden('只有该社区的工作人员或上级管理员可以新建网格');
  return community;
}

/** what updateGrid changes, as a Prisma update */
function gridChanges(input: { name?: string | null; boundary?: unknown; centre?: Point | null }, code?: string) {
  const data: Prisma.GridUpdateInput = {};
  if (input.name != null) data.name = input.name.trim();
  if (code != null) data.code = code;
  if (input.boundary !== undefined)
    data.boundary = input.boundary === null ? Prisma.DbNull : (input.boundary as Prisma.InputJsonValue);
  if (input.centre !== undefined) {
    data.centreLat = input.centre?.latitude ?? null;
    data.centreLng = input.centre?.longitude ?? null;
  }
  return data;
}

interface Point {
  latitude: number;
  longitude: number;
}

const withWarning = async <T extends Grid>(ctx: Context, grid: T, households: number) => {
  const warning = sizeWarning(households, await sizeLimit(ctx, grid), grid.kind);
  return { value: grid, warnings: warning ? [warning] : [] };
};

export function registerGridMutations(builder: Builder, E: GridEnums) {
  const R = refs(builder);
  const PointInput = builder.inputType('GridPointInput', {
    fields: (t) => ({
      latitude: t.field({ type: 'Latitude', required: true }),
      longitude: t.field({ type: 'Longitude', required: true }),
    }),
  });
  const CreateGridInput = builder.inputType('CreateGridInput', {
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
  const UpdateGridInput = builder.inputType('UpdateGridInput', {
    description: '修改网格 (omitted fields stay as they are)',
    fields: (t) => ({
      gridId: t.id({ required: true }),
      name: t.string({ required: false, description: '网格名称' }),
      code: t.string({ required: false, description: '网格编码, unique in the community' }),
      boundary: t.field({
        type: 'JSON',
        required: false,
        description: '网格边界 GeoJSON Polygon or MultiPolygon; null clears it',
      }),
      centre: t.field({ type: PointInput, required: false, description: '中心点; null clears it' }),
      note: t.string({ required: false, description: '修改说明, kept in the audit log' }),
    }),
  });

  builder.mutationFields((t) => ({
    createGrid: t.field({
      policy: { roles: MANAGERS, scope: { region: 'input.communityId' } },
      description: '新建网格 (community workers of the community, admins above)',
      type: payloadWithWarnings(builder, 'CreateGridPayload', 'grid', R.Grid),
      errors: {},
      args: { input: t.arg({ type: CreateGridInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const code = input.code.trim();
        const boundary = input.boundary as object | null | undefined;
        const checks = new Checks()
          .check(CODE_PATTERN.test(code), 'input.code', '1–30 个字母、数字或连字符')
          .text(input.name, 'input.name', { max: 60 });
        checkBoundary(checks, boundary, 'input.boundary').throwIfAny();
        const community = await communityForGrid(ctx, input.communityId);
        // two creations racing to the same free code: the unique index decides, the loser gets CONFLICT
        const grid = await gridWrite(ctx, community.path, async (w) => {
          if (await w.tx.grid.findUnique({ where: { communityId_code: { communityId: community.id, code } } }))
            throw codeExists(code);
          const g = await w.tx.grid.create({
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
          const data = { code, name: g.name };
          await w.audit({ action: 'create', entityType: 'Grid', entityId: g.id, regionPath: g.regionPath, data });
          return g;
        }).catch((e) => {
          throw isUniqueViolation(e) ? codeExists(code) : e;
        });
        return { value: grid, warnings: [] };
      },
    }),

    updateGrid: t.field({
      policy: { roles: MANAGERS, scope: { record: 'Grid', id: 'input.gridId' } },
      description:
        '修改网格 name, code, boundary, centre (community workers of the community, admins above); ' +
        '`warnings` repeats the size warning',
      type: payloadWithWarnings(builder, 'UpdateGridPayload', 'grid', R.Grid),
      errors: {},
      args: { input: t.arg({ type: UpdateGridInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const code = input.code?.trim();
        const checks = new Checks()
          .check(input.code == null || CODE_PATTERN.test(code!), 'input.code', '1–30 个字母、数字或连字符')
          .text(input.name, 'input.name', { max: 60, required: false })
          .text(input.note, 'input.note', { max: 200, required: false });
        checkBoundary(checks, input.boundary, 'input.boundary').throwIfAny();
        const existing = await gridForWrite(ctx, input.gridId, 'input.gridId');
        const data = gridChanges(input, code);
        const changed = Object.keys(input).filter(
          (k) => k !== 'gridId' && k !== 'note' && (input as Record<string, unknown>)[k] !== undefined,
        );
        try {
          const result = await gridWrite(ctx, existing.regionPath, async (w) => {
            // one change of a grid at a time: the code check below reads what the one before wrote
            await w.tx.$queryRaw`SELECT id FROM "Grid" WHERE id = ${existing.id} FOR UPDATE`;
            const before = await w.tx.grid.findUniqueOrThrow({ where: { id: existing.id } });
            const where = { communityId_code: { communityId: before.communityId, code: code ?? '' } };
            if (code != null && code !== before.code && (await w.tx.grid.findUnique({ where, select: { id: true } })))
              throw codeExists(code);
            const grid = await w.tx.grid.update({ where: { id: before.id }, data });
            await w.audit({
              action: 'update',
              entityType: 'Grid',
              entityId: grid.id,
              regionPath: grid.regionPath,
              data: {
                changed,
                before: { code: before.code, name: before.name },
                after: { code: grid.code, name: grid.name },
                note: input.note?.trim() || null,
              },
            });
            return { grid, households: await w.tx.household.count({ where: { gridId: grid.id } }) };
          });
          return withWarning(ctx, result.grid, result.households);
        } catch (e) {
          // two edits racing to the same free code: the unique index decides
          if (isUniqueViolation(e)) throw codeExists(code!);
          throw e;
        }
      },
    }),
  }));
  return { PointInput };
}
