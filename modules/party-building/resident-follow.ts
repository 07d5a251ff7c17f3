// A resident follows the 诉求 their own report became (the grid's reportProblem routed it here through the kit
// intake): `myResidentRequests` lists the requests whose 诉求人 is the viewer, and `node(id)` returns such a
// request to its resident as well as to those who manage the branch. Status and the branch's answer are shown;
// who answered is not (no other person's data reaches the resident).
import { countRows, guardNode, type Builder, type Context } from '../../src/kit/index.js';
import { canManageOrg } from './access.js';
import { MODULE_ID } from './rules.js';

const mine = async (ctx: Context) => ({
  AND: [{ residentId: ctx.viewer?.personId ?? '-' }, await ctx.gate.readableWhere(MODULE_ID, '/')],
});

/** the resident who raised it, or whoever manages its organisation, where the module is on */
export async function canReadRequest(
  ctx: Context,
  r: { residentId: string | null; regionPath: string; organizationId: string },
) {
  if (!(await ctx.gate.isEnabledAt(MODULE_ID, r.regionPath))) return false;
  if (r.residentId && r.residentId === ctx.viewer?.personId) return true;
  const org = await ctx.prisma.partyOrganization.findUnique({ where: { id: r.organizationId } });
  return !!org && (await canManageOrg(ctx, org));
}

export function registerResidentFollow(builder: Builder) {
  guardNode(builder, 'PartyResidentRequest', (r, ctx) => canReadRequest(ctx, r));
  builder.queryField('myResidentRequests', (t) =>
    t.prismaConnection({
      policy: { roles: 'LOGGED_IN', scope: 'NONE', relation: 'the 诉求 whose 诉求人 is the viewer, nobody else’s' },
      description:
        '我的诉求 the residents’ requests you raised (a reportProblem taken by a residential branch), newest ' +
        'first: status and the branch’s answer',
      type: 'PartyResidentRequest',
      cursor: 'id',
      resolve: async (q, _r, _a, ctx) =>
        ctx.prisma.partyResidentRequest.findMany({
          ...q,
          where: await mine(ctx),
          orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
        }),
      totalCount: async (_c, _a, ctx) => countRows(ctx, 'PartyResidentRequest', await mine(ctx)),
    }),
  );
}
