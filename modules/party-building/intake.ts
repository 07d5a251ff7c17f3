// 居民上报 → 居民诉求: a resident's livelihood request (the grid's reportProblem, category LIVELIHOOD) is taken
// by the residential branch (小区党支部) of their community, where this module is on, the township's setting
// `takeResidentReports` allows it and such a branch exists; elsewhere it stays an incident of the grid.
// Declared in the manifest (`intake`): the kit routes the report here; the grid never imports this module.
import type { Context, IntakeHandler, IntakeReport, Prisma, WriteUnit } from '../../src/kit/index.js';
import { MODULE_ID } from './rules.js';

type Db = Pick<Prisma.TransactionClient, 'partyOrganization'>;

/** the oldest residential branch of the community */
const branchOf = (db: Db, communityPath: string) =>
  db.partyOrganization.findFirst({
    where: { regionPath: communityPath, residentialComplex: { not: null } },
    orderBy: [{ foundedOn: 'asc' }, { id: 'asc' }],
  });

async function accepts(ctx: Context, r: IntakeReport) {
  if ((await ctx.settings.get(MODULE_ID, 'takeResidentReports', r.regionPath)) !== true) return false;
  return !!(await branchOf(ctx.prisma, r.regionPath));
}

async function create(w: WriteUnit, _ctx: Context, r: IntakeReport) {
  const org = await branchOf(w.tx, r.regionPath);
  if (!org) throw new Error('residential branch vanished between the route and the write');
  const request = await w.tx.partyResidentRequest.create({
    data: {
      organizationId: org.id,
      regionPath: org.regionPath,
      residentId: r.personId,
      content: r.description,
      channel: '居民上报',
      receivedAt: w.now,
    },
  });
  await w.audit({
    action: 'request.record',
    entityType: 'PartyResidentRequest',
    entityId: request.id,
    data: { channel: 'resident report', hideFromPublic: r.hideFromPublic },
  });
  return request;
}

export const residentIntake: IntakeHandler = {
  categories: ['LIVELIHOOD'],
  field: 'residentRequest',
  type: 'PartyResidentRequest',
  description: '居民诉求 (party-building): the residential branch took this livelihood request',
  accepts,
  create,
};
