// 户: createHousehold and updateHousehold (community workers of the community, admins above). A warning,
// not a refusal, when a grid grows larger than usual. In updateHousehold an omitted field stays as it is;
// `null` clears the head; a new member list replaces the old one (the head is always a member).
import {
  Checks,
  forbidden,
  MANAGERS,
  notFound,
  parseId,
  ValidationError,
  type Builder,
  type Context,
  type FieldIssue,
  type Household,
} from '../../src/kit/index.js';
import { managesGridsAt, MODULE } from './access.js';
import { sizeLimit, sizeWarning } from './grid-types.js';
import { gridForWrite, gridWrite, payloadWithWarnings } from './grid-write.js';
import { claimingAddress, splitOrigin } from './household-address.js';
import { syncMembers } from './household-members.js';
import { refs } from './refs.js';

const HEAD = '户主';

/** a household the viewer may change: NOT_FOUND, MODULE_DISABLED, FORBIDDEN (the switch first) */
async function householdForWrite(ctx: Context, id: string | number) {
  const household = await ctx.prisma.household.findUnique({
    where: { id: parseId(String(id), 'Household', 'input.householdId') },
  });
  if (!household) throw notFound('户 household');
  await ctx.gate.assertEnabled(MODULE, household.regionPath);
  if (!managesGridsAt(ctx.viewer, household.regionPath))
    throw forbidden('只有该社区的工作人员或上级管理员可以修改户 (community workers or admins of this area)');
  return household;
}

/** 调整网格: only to another grid of the same community; null when it stays where it is */
async function targetGrid(ctx: Context, household: Household, gid: string | number | null | undefined) {
  if (gid == null) return null;
  const target = await ctx.prisma.grid.findUnique({ where: { id: parseId(String(gid), 'Grid', 'input.gridId') } });
  if (!target) throw notFound('网格 grid');
  if (target.communityId !== household.communityId) {
    throw new ValidationError(
      '只能调整到本社区/村的其他网格 (a household moves only within its community)',
      'input.gridId',
    );
  }
  return target.id !== household.gridId ? target : null;
}

/** 户主 and 家庭成员 named in the input: people of the household's community (NOT_FOUND, VALIDATION) */
async function checkPeople(ctx: Context, household: Household, given: [id: string, path: string][]) {
  if (!given.length) return;
  const people = await ctx.prisma.person.findMany({
    where: { id: { in: given.map(([id]) => id) } },
    select: { id: true, homeCommunityId: true },
  });
  const home = new Map(people.map((p) => [p.id, p.homeCommunityId]));
  if (given.some(([id]) => !home.has(id))) throw notFound('居民 person');
  const issues: FieldIssue[] = given
    .filter(([id]) => home.get(id) !== household.communityId)
    .map(([, path]) => ({ path, message: '应为本社区/村的居民 (must be a person of the household’s community)' }));
  if (issues.length) throw new ValidationError(issues);
}

const personIds = (ids: readonly (string | number)[]) =>
  ids.map((m, i) => parseId(String(m), 'Person', `input.memberIds.${i}`));

const warningsFor = async (ctx: Context, grid: { kind: string; regionPath: string } | null, count: number) => {
  const warning = grid ? sizeWarning(count, await sizeLimit(ctx, grid), grid.kind) : null;
  return warning ? [warning] : [];
};

export function registerHouseholdMutations(builder: Builder) {
  const R = refs(builder);
  const CreateHouseholdInput = builder.inputType('CreateHouseholdInput', {
    fields: (t) => ({
      gridId: t.id({ required: true }),
      address: t.string({ required: true }),
      headId: t.id({ required: false, description: '户主 Person' }),
      memberIds: t.idList({ required: false, description: '家庭成员 Person ids' }),
      splitFromId: t.id({
        required: false,
        description: '分户: the household of the same address this one split from (else an address is used once)',
      }),
    }),
  });
  const UpdateHouseholdInput = builder.inputType('UpdateHouseholdInput', {
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
    createHousehold: t.field({
      policy: { roles: MANAGERS, scope: { record: 'Grid', id: 'input.gridId' } },
      description: '登记户 (a warning, not a refusal, when the grid grows larger than usual)',
      type: payloadWithWarnings(builder, 'CreateHouseholdPayload', 'household', R.Household),
      errors: {},
      args: { input: t.arg({ type: CreateHouseholdInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.address, 'input.address', { max: 200 }).throwIfAny();
        const grid = await gridForWrite(ctx, input.gridId, 'input.gridId');
        const headId = input.headId ? parseId(String(input.headId), 'Person', 'input.headId') : null;
        const memberIds = [...new Set([...personIds(input.memberIds ?? []), ...(headId ? [headId] : [])])];
        if (
          memberIds.length &&
          (await ctx.prisma.person.count({ where: { id: { in: memberIds } } })) !== memberIds.length
        )
          throw notFound('居民 person');
        const address = input.address.trim();
        const splitFromId = await splitOrigin(ctx, input.splitFromId, grid.communityId, address);
        const row = { communityId: grid.communityId, address, splitFromId };
        const created = claimingAddress(address, () =>
          gridWrite(ctx, grid.regionPath, async (w) => {
            const h = await w.tx.household.create({
              data: { ...row, gridId: grid.id, regionPath: grid.regionPath, headId },
            });
            if (memberIds.length) {
              await w.tx.householdMember.createMany({
                data: memberIds.map((personId) => ({
                  householdId: h.id,
                  personId,
                  regionPath: grid.regionPath,
                  relation: personId === headId ? HEAD : null,
                })),
              });
            }
            const entry = { entityType: 'Household', entityId: h.id, regionPath: grid.regionPath };
            await w.audit({ action: 'household.create', ...entry, data: splitFromId ? { splitFromId } : {} });
            return { household: h, count: await w.tx.household.count({ where: { gridId: grid.id } }) };
          }),
        );
        const { household, count } = await created;
        return { value: household, warnings: await warningsFor(ctx, grid, count) };
      },
    }),

    updateHousehold: t.field({
      // the new grid is checked by the resolver: same community only (VALIDATION)
      policy: { roles: MANAGERS, scope: { record: 'Household', id: 'input.householdId' } },
      description:
        '修改户 address, head, members, or move it to another grid of the same community; ' +
        '`warnings` gives the size warning of the grid it moved to',
      type: payloadWithWarnings(builder, 'UpdateHouseholdPayload', 'household', R.Household),
      errors: {},
      args: { input: t.arg({ type: UpdateHouseholdInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.address, 'input.address', { max: 200, required: false }).throwIfAny();
        const household = await householdForWrite(ctx, input.householdId);
        const moved = await targetGrid(ctx, household, input.gridId);
        const headId = input.headId == null ? input.headId : parseId(String(input.headId), 'Person', 'input.headId');
        const memberIds = input.memberIds == null ? undefined : personIds(input.memberIds);
        await checkPeople(ctx, household, [
          ...(headId ? [[headId, 'input.headId'] as [string, string]] : []),
          ...(memberIds ?? []).map((id, i): [string, string] => [id, `input.memberIds.${i}`]),
        ]);
        const address = input.address?.trim() ?? household.address;
        const updated = claimingAddress(address, () =>
          gridWrite(ctx, household.regionPath, async (w) => {
            // one change of a household at a time: its member list is rewritten below
            await w.tx.$queryRaw`SELECT id FROM "Household" WHERE id = ${household.id} FOR UPDATE`;
            const before = await w.tx.household.findUniqueOrThrow({ where: { id: household.id } });
            const { added, removed } = await syncMembers(w.tx, before, memberIds, headId);
            const h = await w.tx.household.update({
              where: { id: before.id },
              data: {
                ...(input.address != null ? { address } : {}),
                ...(headId !== undefined ? { headId } : {}),
                ...(moved ? { gridId: moved.id } : {}),
              },
            });
            await w.audit({
              action: 'household.update',
              entityType: 'Household',
              entityId: h.id,
              regionPath: h.regionPath,
              data: {
                ...(moved ? { fromGridId: before.gridId, toGridId: moved.id } : {}),
                ...(headId !== undefined ? { fromHeadId: before.headId, toHeadId: headId } : {}),
                ...(input.address != null ? { addressChanged: true } : {}),
                membersAdded: added,
                membersRemoved: removed,
              },
            });
            return { value: h, count: moved ? await w.tx.household.count({ where: { gridId: moved.id } }) : 0 };
          }),
        );
        const { value, count } = await updated;
        return { value, warnings: await warningsFor(ctx, moved, count) };
      },
    }),
  }));
}
