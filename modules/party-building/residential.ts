// 小区党支部 work: residents' requests 诉求 (collected and answered), the property company's extra
// contract clauses 附加条款 (checked and recorded). Improvement projects: projects.ts.
import {
  Checks,
  forbidden,
  invalidTransition,
  managesPeopleAt,
  maskName,
  notFound,
  parseId,
  parseOptionalId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
  type Context,
} from '../../src/kit/index.js';
import { refs } from './refs.js';
import { assertManages, canManageOrg, orgForWrite } from './access.js';
import { failIfMissing } from './development.js';
import type { PartyEnums } from './enums.js';
import { requestLoader } from './loaders.js';
import { chinaDate, MODULE_ID, SUB } from './rules.js';

export const residentialOnly = (org: { residentialComplex: string | null }) => {
  if (!org.residentialComplex)
    failIfMissing([
      {
        code: 'RESIDENTIAL_BRANCH',
        message: '小区党支部的工作 (a residential branch: one with a residential complex)',
      },
    ]);
};

/** loads a record of the module for a change: the module on there, the viewer manages its organisation */
export async function forWrite<T extends { organizationId: string; regionPath: string }>(
  ctx: Context,
  record: T | null,
  what: string,
): Promise<T> {
  if (!record) throw notFound(what);
  await ctx.gate.assertEnabled(MODULE_ID, record.regionPath);
  const org = await ctx.prisma.partyOrganization.findUniqueOrThrow({ where: { id: record.organizationId } });
  await assertManages(ctx, org);
  return record;
}

export function registerResidential(builder: Builder, enums: PartyEnums) {
  const R = refs(builder);
  const names = (ctx: Context) =>
    requestLoader(
      ctx,
      'personNames',
      async (ids) =>
        new Map(
          (await ctx.prisma.person.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } })).map(
            (p) => [p.id, p.name],
          ),
        ),
      '',
    );

  builder.prismaNode('PartyResidentRequest', {
    subGraphs: SUB,
    description: '居民诉求 collected by a residential branch (its committee, those above, administrators of the area)',
    id: { field: 'id' },
    fields: (t) => ({
      organization: t.relation('organization'),
      content: t.exposeString('content', { description: '诉求内容' }),
      channel: t.exposeString('channel', { nullable: true, description: '渠道' }),
      receivedAt: t.expose('receivedAt', { type: 'DateTime' }),
      status: t.expose('status', { type: enums.RequestStatus }),
      answer: t.exposeString('answer', { nullable: true, description: '答复' }),
      answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true }),
      residentName: t.string({
        nullable: true,
        description: '诉求人 (masked unless you manage people of that community)',
        resolve: async (r, _a, ctx) => {
          if (!r.residentId) return null;
          const name = await names(ctx).load(r.residentId);
          return managesPeopleAt(ctx.viewer, r.regionPath) ? name : maskName(name);
        },
      }),
      resident: t.loadable({
        type: R.Person,
        nullable: true,
        description: '诉求人 (community workers and administrators of the area only)',
        load: (ids: string[], ctx) => ctx.prisma.person.findMany({ where: { id: { in: ids } } }),
        sort: (p) => p.id,
        resolve: (r, _a, ctx) => (managesPeopleAt(ctx.viewer, r.regionPath) ? r.residentId : null),
      }),
    }),
  });

  builder.prismaObject('PartyPropertyClauseCheck', {
    subGraphs: SUB,
    description: '履行检查',
    fields: (t) => ({
      checkedAt: t.expose('checkedAt', { type: 'DateTime' }),
      fulfilled: t.exposeBoolean('fulfilled'),
      note: t.exposeString('note', { nullable: true }),
    }),
  });
  builder.prismaNode('PartyPropertyClause', {
    subGraphs: SUB,
    description: '物业服务合同附加条款 an extra clause the residential branch holds the property company to',
    id: { field: 'id' },
    fields: (t) => ({
      organization: t.relation('organization'),
      propertyCompany: t.loadable({
        type: R.Organization,
        description: '物业公司',
        load: (ids: string[], ctx) => ctx.prisma.organization.findMany({ where: { id: { in: ids } } }),
        sort: (o) => o.id,
        resolve: (c) => c.propertyCompanyId,
      }),
      title: t.exposeString('title'),
      content: t.exposeString('content', { nullable: true }),
      addedOn: t.field({ type: 'Date', resolve: (c) => c.addedOn }),
      status: t.expose('status', { type: enums.ClauseStatus }),
      lastCheckedAt: t.expose('lastCheckedAt', { type: 'DateTime', nullable: true }),
      checks: t.relation('checks', {
        maxItems: 100,
        description: '检查记录',
        query: { take: 100, orderBy: { checkedAt: 'desc' } },
      }),
    }),
  });

  builder.prismaObjectFields('PartyOrganization', (t) => ({
    residentRequests: t.relatedConnection('requests', {
      subGraphs: SUB,
      description: '居民诉求 (its committee, those above, administrators of the area)',
      cursor: 'id',
      totalCount: true,
      args: { status: t.arg({ type: enums.RequestStatus, required: false }) },
      query: (args) => ({
        where: args.status ? { status: args.status } : {},
        orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }],
      }),
      authScopes: async (o, _a, ctx) => {
        if (!(await canManageOrg(ctx, o))) throw forbidden('诉求仅本组织委员会、上级党组织和辖区管理员可见');
        return true;
      },
    }),
    propertyClauses: t.relation('clauses', {
      maxItems: 50,
      subGraphs: SUB,
      description: '物业附加条款',
      query: { take: 50, orderBy: [{ addedOn: 'asc' }, { title: 'asc' }] },
    }),
    improvementProjects: t.relation('projects', {
      maxItems: 200,
      subGraphs: SUB,
      description: '改造项目',
      query: { take: 200, orderBy: [{ createdAt: 'asc' }] },
    }),
  }));

  const RequestInput = builder.inputType('RecordResidentRequestInput', {
    subGraphs: SUB,
    fields: (t) => ({
      organizationId: t.id({ required: true, description: '小区党支部' }),
      content: t.string({ required: true }),
      residentId: t.id({ required: false, description: '诉求人 (Person)' }),
      channel: t.string({ required: false, description: '渠道, e.g. 走访入户, 议事会' }),
      receivedAt: t.field({ type: 'DateTime', required: false }),
    }),
  });
  const AnswerInput = builder.inputType('AnswerResidentRequestInput', {
    subGraphs: SUB,
    fields: (t) => ({ requestId: t.id({ required: true }), answer: t.string({ required: true }) }),
  });
  const ClauseInput = builder.inputType('AddPropertyClauseInput', {
    subGraphs: SUB,
    fields: (t) => ({
      organizationId: t.id({ required: true }),
      propertyCompanyId: t.id({ required: true, description: '物业公司 (a PROPERTY_MANAGEMENT organisation)' }),
      title: t.string({ required: true }),
      content: t.string({ required: false }),
      addedOn: t.field({ type: 'Date', required: false }),
    }),
  });
  const CheckInput = builder.inputType('CheckPropertyClauseInput', {
    subGraphs: SUB,
    fields: (t) => ({
      clauseId: t.id({ required: true }),
      fulfilled: t.boolean({ required: true }),
      note: t.string({ required: false }),
      checkedAt: t.field({ type: 'DateTime', required: false }),
    }),
  });
  builder.mutationFields((t) => ({
    recordResidentRequest: t.field({
      subGraphs: SUB,
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'input.organizationId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '收集居民诉求 (residential branch: its committee, community workers and administrators of the area)',
      type: payloadType(builder, 'RecordResidentRequestPayload', 'request', 'PartyResidentRequest', { subGraphs: SUB }),
      errors: {},
      args: { input: t.arg({ type: RequestInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.content, 'input.content', { max: 1000 })
          .text(input.channel, 'input.channel', { max: 40, required: false })
          .check(!input.receivedAt || input.receivedAt <= ctx.clock.now(), 'input.receivedAt', '不能晚于现在')
          .throwIfAny();
        const org = await orgForWrite(
          ctx,
          parseId(String(input.organizationId), 'PartyOrganization', 'input.organizationId'),
        );
        residentialOnly(org);
        const residentId = parseOptionalId(
          input.residentId == null ? null : String(input.residentId),
          'Person',
          'input.residentId',
        );
        if (residentId && !(await ctx.prisma.person.findUnique({ where: { id: residentId }, select: { id: true } })))
          throw notFound('居民 person');
        const request = await ctx.prisma.$transaction(async (tx) => {
          const r = await tx.partyResidentRequest.create({
            data: {
              organizationId: org.id,
              regionPath: org.regionPath,
              residentId,
              content: input.content.trim(),
              channel: input.channel?.trim() || null,
              receivedAt: input.receivedAt ?? ctx.clock.now(),
            },
          });
          await ctx.audit(tx, {
            action: 'party.request.record',
            entityType: 'PartyResidentRequest',
            entityId: r.id,
            regionPath: org.regionPath,
          });
          return r;
        });
        return { request };
      },
    }),
    answerResidentRequest: t.field({
      subGraphs: SUB,
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyResidentRequest', id: 'input.requestId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '答复居民诉求 (once: a second answer is INVALID_TRANSITION)',
      type: payloadType(builder, 'AnswerResidentRequestPayload', 'request', 'PartyResidentRequest', { subGraphs: SUB }),
      errors: {},
      args: { input: t.arg({ type: AnswerInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks().text(input.answer, 'input.answer', { max: 1000 }).throwIfAny();
        const id = parseId(String(input.requestId), 'PartyResidentRequest', 'input.requestId');
        const r = await forWrite(
          ctx,
          await ctx.prisma.partyResidentRequest.findUnique({ where: { id } }),
          '诉求 request',
        );
        const request = await ctx.prisma.$transaction(async (tx) => {
          const { count } = await tx.partyResidentRequest.updateMany({
            where: { id, status: 'OPEN' },
            data: {
              status: 'ANSWERED',
              answer: input.answer.trim(),
              answeredAt: ctx.clock.now(),
              answeredById: ctx.viewer?.accountId ?? null,
            },
          });
          if (count !== 1) throw invalidTransition('诉求已答复 (already answered)');
          await ctx.audit(tx, {
            action: 'party.request.answer',
            entityType: 'PartyResidentRequest',
            entityId: id,
            regionPath: r.regionPath,
          });
          return tx.partyResidentRequest.findUniqueOrThrow({ where: { id } });
        });
        return { request };
      },
    }),
    addPropertyClause: t.field({
      subGraphs: SUB,
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'input.organizationId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '物业合同附加条款 (residential branch)',
      type: payloadType(builder, 'AddPropertyClausePayload', 'clause', 'PartyPropertyClause', { subGraphs: SUB }),
      errors: {},
      args: { input: t.arg({ type: ClauseInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.title, 'input.title', { max: 100 })
          .text(input.content, 'input.content', { max: 1000, required: false })
          .throwIfAny();
        const org = await orgForWrite(
          ctx,
          parseId(String(input.organizationId), 'PartyOrganization', 'input.organizationId'),
        );
        residentialOnly(org);
        const company = await ctx.prisma.organization.findUnique({
          where: { id: parseId(String(input.propertyCompanyId), 'Organization', 'input.propertyCompanyId') },
        });
        if (!company) throw notFound('物业公司 organization');
        if (company.kind !== 'PROPERTY_MANAGEMENT')
          throw new ValidationError([
            { path: 'input.propertyCompanyId', message: '应为物业公司 (a property-management company)' },
          ]);
        const clause = await ctx.prisma.$transaction(async (tx) => {
          const c = await tx.partyPropertyClause.create({
            data: {
              organizationId: org.id,
              regionPath: org.regionPath,
              propertyCompanyId: company.id,
              title: input.title.trim(),
              content: input.content?.trim() || null,
              addedOn: input.addedOn ?? chinaDate(ctx.clock.now()),
            },
          });
          await ctx.audit(tx, {
            action: 'party.clause.add',
            entityType: 'PartyPropertyClause',
            entityId: c.id,
            regionPath: org.regionPath,
          });
          return c;
        });
        return { clause };
      },
    }),
    checkPropertyClause: t.field({
      subGraphs: SUB,
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyPropertyClause', id: 'input.clauseId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '检查条款履行 and record it',
      type: payloadType(builder, 'CheckPropertyClausePayload', 'clause', 'PartyPropertyClause', { subGraphs: SUB }),
      errors: {},
      args: { input: t.arg({ type: CheckInput, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        new Checks()
          .text(input.note, 'input.note', { max: 500, required: false })
          .check(!input.checkedAt || input.checkedAt <= ctx.clock.now(), 'input.checkedAt', '不能晚于现在')
          .throwIfAny();
        const id = parseId(String(input.clauseId), 'PartyPropertyClause', 'input.clauseId');
        const c = await forWrite(
          ctx,
          await ctx.prisma.partyPropertyClause.findUnique({ where: { id } }),
          '附加条款 clause',
        );
        const checkedAt = input.checkedAt ?? ctx.clock.now();
        const clause = await ctx.prisma.$transaction(async (tx) => {
          await tx.partyPropertyClauseCheck.create({
            data: {
              clauseId: id,
              checkedAt,
              fulfilled: input.fulfilled,
              note: input.note?.trim() || null,
              regionPath: c.regionPath,
              checkedById: ctx.viewer?.accountId ?? null,
            },
          });
          const latest = await tx.partyPropertyClauseCheck.findFirstOrThrow({
            where: { clauseId: id },
            orderBy: [{ checkedAt: 'desc' }, { id: 'desc' }],
          });
          const updated = await tx.partyPropertyClause.update({
            where: { id },
            data: { status: latest.fulfilled ? 'FULFILLED' : 'NOT_FULFILLED', lastCheckedAt: latest.checkedAt },
          });
          await ctx.audit(tx, {
            action: 'party.clause.check',
            entityType: 'PartyPropertyClause',
            entityId: id,
            regionPath: c.regionPath,
            data: { fulfilled: input.fulfilled },
          });
          return updated;
        });
        return { clause };
      },
    }),
  }));
}
