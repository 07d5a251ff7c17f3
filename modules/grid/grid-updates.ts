// updateGrid and updateHousehold (community workers of the community, admins above).
// An omitted field stays as it is; `null` clears an optional one (boundary, centre, head).
import {
  Checks,
  conflict,
  forbidden,
  isUniqueViolation,
  MANAGERS,
  notFound,
  parseId,
  Prisma,
  ValidationError,
  type Builder,
  type FieldIssue,
} from '../../src/kit/index.js';
import { managesGridsAt, MODULE } from './access.js';
import { SG } from './enums.js';
import {
  checkBoundary,
  CODE_PATTERN,
  gridForWrite,
  payloadWithWarnings,
  type registerGridMutations,
} from './grid-mutations.js';
import { sizeLimit, sizeWarning } from './grid-types.js';
import { refs } from './refs.js';

type PointInputRef = ReturnType<typeof registerGridMutations>['PointInput'];

const HEAD = '户主';

export function registerGridUpdates(builder: Builder, PointInput: PointInputRef) {
  const R = refs(builder);

  const UpdateGridInput = builder.inputType('UpdateGridInput', {
    subGraphs: SG,
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
  const UpdateHouseholdInput = builder.inputType('UpdateHouseholdInput', {
    subGraphs: SG,
    description: '修改户 (omitted fields stay as they are)',
    fields: (t) => ({
      householdId: t.id({ required: true }),
      address: t.string({ required: false, description: '住址' }),
      headId: t.id({ required: false, description: '户主 Person of the community; null clears it' }),
      memberIds: t.idList({
        required: false,
        description: '家庭成员 Person ids of the community: replaces the list (the head is always a member)',
      }),
      gridId: t.id({ required: false, description: '调整网格: another grid of the same community' }),
    }),
  });

  builder.mutationFields((t) => ({
    updateGrid: t.field({
      subGraphs: SG,
      policy: { roles: MANAGERS, scope: { record: 'Grid', id: 'input.gridId' } },
      description:
        '修改网格 name, code, boundary, centre (community workers of the community, admins above); `warnings` repeats the size warning',
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
        const data: Prisma.GridUpdateInput = {};
        if (input.name != null) data.name = input.name.trim();
        if (code != null) data.code = code;
        if (input.boundary !== undefined)
          data.boundary = input.boundary === null ? Prisma.DbNull : (input.boundary as Prisma.InputJsonValue);
        if (input.centre !== undefined) {
          data.centreLat = input.centre?.latitude ?? null;
          data.centreLng = input.centre?.longitude ?? null;
        }
        let result;
        try {
          result = await ctx.prisma.$transaction(async (tx) => {
            await tx.$queryRaw`SELECT id FROM "Grid" WHERE id = ${existing.id} FOR UPDATE`;
            const before = await tx.grid.findUniqueOrThrow({ where: { id: existing.id } });
            if (
              code != null &&
              code !== before.code &&
              (await tx.grid.findUnique({
                where: { communityId_code: { communityId: before.communityId, code } },
                select: { id: true },
              }))
            ) {
              throw conflict(`网格编码 ${code} 已存在 (code exists)`);
            }
            const grid = await tx.grid.update({ where: { id: before.id }, data });
            await ctx.audit(tx, {
              action: 'grid.update',
              entityType: 'Grid',
              entityId: grid.id,
              regionPath: grid.regionPath,
              data: {
                changed: Object.keys(input).filter(
                  (k) => k !== 'gridId' && k !== 'note' && (input as Record<string, unknown>)[k] !== undefined,
                ),
                before: { code: before.code, name: before.name },
                after: { code: grid.code, name: grid.name },
                note: input.note?.trim() || null,
              },
            });
            return { grid, households: await tx.household.count({ where: { gridId: grid.id } }) };
          });
        } catch (e) {
          if (isUniqueViolation(e)) throw conflict(`网格编码 ${code} 已存在 (code exists)`);
          throw e;
        }
        const warning = sizeWarning(result.households, await sizeLimit(ctx, result.grid), result.grid.kind);
        return { value: result.grid, warnings: warning ? [warning] : [] };
      },
    }),

    updateHousehold: t.field({
      subGraphs: SG,
      // the new grid is checked by the resolver: same community only (VALIDATION)
      policy: { roles: MANAGERS, scope: { record: 'Household', id: 'input.householdId' } },
      description:
        '修改户 address, head, members, or move it to another grid of the same community; `warnings` gives the size warning of the grid it moved to',
      type: payloadWithWarnings(builder, 'UpdateHouseholdPayload', 'household', R.Household),
      errors: {},
      args: { input: t.arg({ type: UpdateHouseholdInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.address, 'input.address', { max: 200, required: false }).throwIfAny();
        const household = await ctx.prisma.household.findUnique({
          where: { id: parseId(String(input.householdId), 'Household', 'input.householdId') },
        });
        if (!household) throw notFound('户 household');
        await ctx.gate.assertEnabled(MODULE, household.regionPath);
        if (!managesGridsAt(ctx.viewer, household.regionPath))
          throw forbidden('只有该社区的工作人员或上级管理员可以修改户 (community workers or admins of this area)');

        // 调整网格: only to another grid of the same community
        let target = null;
        if (input.gridId != null) {
          target = await ctx.prisma.grid.findUnique({
            where: { id: parseId(String(input.gridId), 'Grid', 'input.gridId') },
          });
          if (!target) throw notFound('网格 grid');
          if (target.communityId !== household.communityId) {
            throw new ValidationError(
              '只能调整到本社区/村的其他网格 (a household moves only within its community)',
              'input.gridId',
            );
          }
        }
        const moved = target && target.id !== household.gridId ? target : null;

        // 户主 and 家庭成员: people of the household's community
        const headId =
          input.headId === undefined
            ? undefined
            : input.headId === null
              ? null
              : parseId(String(input.headId), 'Person', 'input.headId');
        const memberIds =
          input.memberIds == null
            ? undefined
            : input.memberIds.map((m, i) => parseId(String(m), 'Person', `input.memberIds.${i}`));
        const given: [id: string, path: string][] = [
          ...(headId ? [[headId, 'input.headId'] as [string, string]] : []),
          ...(memberIds ?? []).map((id, i): [string, string] => [id, `input.memberIds.${i}`]),
        ];
        if (given.length) {
          const people = await ctx.prisma.person.findMany({
            where: { id: { in: given.map(([id]) => id) } },
            select: { id: true, homeCommunityId: true },
          });
          const home = new Map(people.map((p) => [p.id, p.homeCommunityId]));
          if (given.some(([id]) => !home.has(id))) throw notFound('居民 person');
          const issues: FieldIssue[] = given
            .filter(([id]) => home.get(id) !== household.communityId)
            .map(([, path]) => ({
              path,
              message: '应为本社区/村的居民 (must be a person of the household’s community)',
            }));
          if (issues.length) throw new ValidationError(issues);
        }

        const { value, count } = await ctx.prisma.$transaction(async (tx) => {
          // one change of a household at a time: its member list is rewritten below
          await tx.$queryRaw`SELECT id FROM "Household" WHERE id = ${household.id} FOR UPDATE`;
          const before = await tx.household.findUniqueOrThrow({ where: { id: household.id } });
          const newHead = headId === undefined ? before.headId : headId;
          const current = await tx.householdMember.findMany({ where: { householdId: before.id } });
          const desired = new Set(memberIds ?? current.map((m) => m.personId));
          if (newHead) desired.add(newHead);
          const gone = current.filter((m) => !desired.has(m.personId)).map((m) => m.id);
          if (gone.length) await tx.householdMember.deleteMany({ where: { id: { in: gone } } });
          const have = new Set(current.map((m) => m.personId));
          const added = [...desired].filter((p) => !have.has(p));
          if (added.length) {
            await tx.householdMember.createMany({
              data: added.map((personId) => ({
                householdId: before.id,
                personId,
                regionPath: before.regionPath,
                relation: personId === newHead ? HEAD : null,
              })),
            });
          }
          // the relation 户主 follows the head
          await tx.householdMember.updateMany({
            where: { householdId: before.id, relation: HEAD, ...(newHead ? { personId: { not: newHead } } : {}) },
            data: { relation: null },
          });
          if (newHead)
            await tx.householdMember.updateMany({
              where: { householdId: before.id, personId: newHead },
              data: { relation: HEAD },
            });

          const h = await tx.household.update({
            where: { id: before.id },
            data: {
              ...(input.address != null ? { address: input.address.trim() } : {}),
              ...(headId !== undefined ? { headId } : {}),
              ...(moved ? { gridId: moved.id } : {}),
            },
          });
          await ctx.audit(tx, {
            action: 'grid.household.update',
            entityType: 'Household',
            entityId: h.id,
            regionPath: h.regionPath,
            data: {
              ...(moved ? { fromGridId: before.gridId, toGridId: moved.id } : {}),
              ...(headId !== undefined ? { fromHeadId: before.headId, toHeadId: headId } : {}),
              ...(input.address != null ? { addressChanged: true } : {}),
              membersAdded: added.length,
              membersRemoved: gone.length,
            },
          });
          return { value: h, count: moved ? await tx.household.count({ where: { gridId: moved.id } }) : 0 };
        });
        const warning = moved ? sizeWarning(count, await sizeLimit(ctx, moved), moved.kind) : null;
        return { value, warnings: warning ? [warning] : [] };
      },
    }),
  }));
}
