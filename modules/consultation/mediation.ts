// 矛盾纠纷调解 MediationCase (人民调解法). The parties are personal information: their names, person records
// and phones are shown to the case's mediators and to those who manage the parties; the case itself only
// to its community's managers and its mediators. Analysts and department staff get RegionStats figures.
import {
  discloseName,
  guardNode,
  listWhere,
  managesPeopleAt,
  managesPerson,
  maskName,
  mustLoad,
  personLoader,
  modelLoader,
  regionLoader,
  type Builder,
  type ConsultationVenue,
  type Context,
  type MediationCase,
  type MediationParty,
  type Prisma,
} from '../../src/kit/index.js';
import { canSeeCase, isMediatorOf, visibleCasesWhere } from './access.js';
import { MODULE_ID, type Enums } from './model.js';

/** full for the case's mediators and those who manage the party (an outside party: the case's community) */
async function seesParty(ctx: Context, c: Pick<MediationCase, 'id' | 'regionPath'>, p: MediationParty) {
  if (await isMediatorOf(ctx, c)) return true;
  if (!p.personId) return managesPeopleAt(ctx.viewer, c.regionPath);
  const person = await mustLoad(personLoader(ctx), p.personId, 'person');
  return managesPerson(ctx.viewer, person);
}

// cases of party rows and venues of cases: read with the people and regions of the same moment, one statement
const caseLoader = modelLoader<MediationCase>('MediationCase');
const venueLoader = modelLoader<ConsultationVenue>('ConsultationVenue');

/** the case of a party row */
const caseOf = async (ctx: Context, p: MediationParty) => (await caseLoader(ctx).load(p.caseId))!;

export function registerMediationTypes(builder: Builder, enums: Enums) {
  builder.prismaObject('MediationParty', {
    description: '当事人 a party to a dispute: a registered person or a named outside party (personal information)',
    fields: (t) => ({
      name: t.string({
        description: '姓名: in full for the mediators and those who manage the party, otherwise masked (何**)',
        resolve: async (p, _a, ctx) => {
          const c = await caseOf(ctx, p);
          const name = p.personId ? (await mustLoad(personLoader(ctx), p.personId, 'person')).name : p.name!;
          return (await seesParty(ctx, c, p)) ? name : maskName(name);
        },
      }),
      person: t.prismaField({
        type: 'Person',
        nullable: true,
        description: '当事人 (Person), for the mediators and those who manage them',
        resolve: async (_q, p, _a, ctx) => {
          const c = await caseOf(ctx, p);
          if (!p.personId || !(await seesParty(ctx, c, p))) return null;
          discloseName(ctx, p.personId); // the mediator knows the parties by name
          return personLoader(ctx).load(p.personId);
        },
      }),
      phone: t.string({
        nullable: true,
        description: '联系电话 of an outside party, for the mediators and the community’s managers',
        resolve: async (p, _a, ctx) => {
          const c = await caseOf(ctx, p);
          return p.phone && (await seesParty(ctx, c, p)) ? p.phone : null;
        },
      }),
    }),
  });

  const Case = builder.prismaNode('MediationCase', {
    description:
      '矛盾纠纷调解案件 a dispute mediated by the community (人民调解法): parties, mediators, facts, agreement',
    id: { field: 'id' },
    fields: (t) => ({
      community: t.prismaField({
        type: 'Region',
        description: '社区/村',
        resolve: (_q, c, _a, ctx) => mustLoad(regionLoader(ctx), c.communityId, 'region'),
      }),
      venue: t.prismaField({
        type: 'ConsultationVenue',
        nullable: true,
        description: '调解地点 (e.g. 民情茶舍)',
        resolve: (_q, c, _a, ctx) => (c.venueId ? venueLoader(ctx).load(c.venueId) : null),
      }),
      category: t.expose('category', { type: enums.MediationCategory, description: '类别' }),
      facts: t.exposeString('facts', { description: '纠纷事实' }),
      status: t.expose('status', { type: enums.MediationStatus, description: '状态' }),
      acceptedAt: t.expose('acceptedAt', { type: 'DateTime', description: '受理时间' }),
      agreementTerms: t.exposeString('agreementTerms', { nullable: true, description: '调解协议内容' }),
      agreedOn: t.expose('agreedOn', { type: 'Date', nullable: true, description: '协议日期' }),
      failureReason: t.exposeString('failureReason', { nullable: true, description: '调解不成原因' }),
      referredTo: t.expose('referredTo', { type: enums.MediationReferral, nullable: true, description: '转交去向' }),
      referredWhere: t.exposeString('referredWhere', { nullable: true, description: '转交机构' }),
      followedUpAt: t.expose('followedUpAt', { type: 'DateTime', nullable: true, description: '回访时间' }),
      agreementKept: t.exposeBoolean('agreementKept', { nullable: true, description: '协议是否履行' }),
      followUpNote: t.exposeString('followUpNote', { nullable: true, description: '回访情况' }),
      parties: t.relation('parties', {
        maxItems: 20,
        description: '当事人',
        query: { take: 20, orderBy: { id: 'asc' } },
      }),
      mediatorNames: t.stringList({
        description: '调解员: names in full for those who manage them, otherwise masked',
        select: { mediators: { select: { personId: true }, take: 10 } } as never,
        resolve: async (c, _a, ctx) => {
          const ids = (c as unknown as { mediators: { personId: string }[] }).mediators.map((m) => m.personId);
          const people = await Promise.all(ids.map((id) => mustLoad(personLoader(ctx), id, 'person')));
          return people.map((p) =>
            managesPerson(ctx.viewer, p) || ctx.viewer?.personId === p.id ? p.name : maskName(p.name),
          );
        },
      }),
    }),
  });
  guardNode(builder, 'MediationCase', async (c: MediationCase, ctx) => {
    if (!(await canSeeCase(ctx, c))) return false;
    await ctx.gate.assertEnabled(MODULE_ID, c.regionPath);
    return true;
  });

  const Filter = builder.inputType('MediationCaseFilter', {
    description: '调解案件筛选',
    fields: (t) => ({
      regionId: t.id({ required: false }),
      status: t.field({ type: enums.MediationStatus, required: false }),
      category: t.field({ type: enums.MediationCategory, required: false }),
    }),
  });
  builder.queryField('mediationCases', (t) =>
    t.prismaConnection({
      policy: {
        roles: ['SYSTEM_ADMIN', 'REGION_ADMIN', 'COMMUNITY_WORKER', 'PARTY_MEMBER', 'RESIDENT'],
        scope: { region: 'filter.regionId' },
        relation: 'members and residents: the cases they mediate',
      },
      description:
        '调解案件 newest first: the community’s managers see their area, mediators their cases; analysts use ' +
        'RegionStats.consultation (counts only)',
      type: Case,
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, { filter }, ctx) => {
        const where: Prisma.MediationCaseWhereInput = {
          AND: [
            visibleCasesWhere(ctx.viewer!),
            (await listWhere(ctx, MODULE_ID, { regionId: filter?.regionId, base: '/', allowed: () => true })) as object,
            {
              ...(filter?.status ? { status: filter.status } : {}),
              ...(filter?.category ? { category: filter.category } : {}),
            },
          ],
        };
        return ctx.prisma.mediationCase.findMany({
          ...query,
          where,
          orderBy: [{ acceptedAt: 'desc' }, { id: 'desc' }],
        });
      },
    }),
  );
  return Case;
}

export type CaseRef = ReturnType<typeof registerMediationTypes>;
