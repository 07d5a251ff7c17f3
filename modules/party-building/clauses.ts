// 物业服务合同附加条款: the extra clauses a residential (小区) branch holds the property company to
// (addPropertyClause), and the checks of their fulfilment (checkPropertyClause).
import {
  Checks,
  notFound,
  parseId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
} from '../../src/kit/index.js';
import { orgForWrite } from './access.js';
import type { PartyEnums } from './enums.js';
import { refs } from './refs.js';
import { forWrite, residentialOnly } from './residential.js';
import { chinaDate } from './rules.js';
import { partyWrite } from './unit.js';

export function registerClauses(builder: Builder, enums: PartyEnums) {
  const R = refs(builder);
  builder.prismaObject('PartyPropertyClauseCheck', {
    description: '履行检查',
    fields: (t) => ({
      checkedAt: t.expose('checkedAt', { type: 'DateTime' }),
      fulfilled: t.exposeBoolean('fulfilled'),
      note: t.exposeString('note', { nullable: true }),
    }),
  });
  builder.prismaNode('PartyPropertyClause', {
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

  builder.prismaObjectField('PartyOrganization', 'propertyClauses', (t) =>
    t.relation('clauses', {
      maxItems: 50,
      description: '物业附加条款',
      query: { take: 50, orderBy: [{ addedOn: 'asc' }, { title: 'asc' }] },
    }),
  );

  const ClauseInput = builder.inputType('AddPropertyClauseInput', {
    fields: (t) => ({
      organizationId: t.id({ required: true }),
      propertyCompanyId: t.id({ required: true, description: '物业公司 (a PROPERTY_MANAGEMENT organisation)' }),
      title: t.string({ required: true }),
      content: t.string({ required: false }),
      addedOn: t.field({ type: 'Date', required: false }),
    }),
  });
  const CheckInput = builder.inputType('CheckPropertyClauseInput', {
    fields: (t) => ({
      clauseId: t.id({ required: true }),
      fulfilled: t.boolean({ required: true }),
      note: t.string({ required: false }),
      checkedAt: t.field({ type: 'DateTime', required: false }),
    }),
  });
  builder.mutationFields((t) => ({
    addPropertyClause: t.field({
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'input.organizationId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '物业合同附加条款 (residential branch)',
      type: payloadType(builder, 'AddPropertyClausePayload', 'clause', 'PartyPropertyClause'),
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
        const clause = await partyWrite(ctx, org.regionPath, async (w) => {
          const c = await w.tx.partyPropertyClause.create({
            data: {
              organizationId: org.id,
              regionPath: org.regionPath,
              propertyCompanyId: company.id,
              title: input.title.trim(),
              content: input.content?.trim() || null,
              addedOn: input.addedOn ?? chinaDate(w.now),
            },
          });
          await w.audit({
            action: 'clause.add',
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
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyPropertyClause', id: 'input.clauseId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '检查条款履行 and record it',
      type: payloadType(builder, 'CheckPropertyClausePayload', 'clause', 'PartyPropertyClause'),
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
        const clause = await partyWrite(ctx, c.regionPath, async (w) => {
          await w.tx.partyPropertyClauseCheck.create({
            data: {
              clauseId: id,
              checkedAt,
              fulfilled: input.fulfilled,
              note: input.note?.trim() || null,
              regionPath: c.regionPath,
              checkedById: ctx.viewer?.accountId ?? null,
            },
          });
          // the clause shows its latest check by date, which need not be this one (a late entry of an old check)
          const latest = await w.tx.partyPropertyClauseCheck.findFirstOrThrow({
            where: { clauseId: id },
            orderBy: [{ checkedAt: 'desc' }, { id: 'desc' }],
          });
          const updated = await w.tx.partyPropertyClause.update({
            where: { id },
            data: { status: latest.fulfilled ? 'FULFILLED' : 'NOT_FULFILLED', lastCheckedAt: latest.checkedAt },
          });
          await w.audit({
            action: 'clause.check',
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
