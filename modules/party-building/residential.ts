// 小区党支部 work: residents' requests 诉求 (collected and answered once, through requestLifecycle).
// Property-company clauses 附加条款: clauses.ts; improvement projects: projects.ts.
import {
  Checks,
  forbidden,
  managesPeopleAt,
  maskName,
  notFound,
  parseId,
  parseOptionalId,
  PARTY_WORKERS,
  payloadType,
  type Builder,
  type Context,
  mapLoader,
} from '../../src/kit/index.js';
import { assertManages, canManageOrg, orgForWrite } from './access.js';
import { failIfMissing } from './development.js';
import type { PartyEnums } from './enums.js';
import { answerRequest } from './lifecycles.js';
import { refs } from './refs.js';
import { MODULE_ID } from './rules.js';
import { partyWrite } from './unit.js';

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
  // before the access check, so a switched-off township answers MODULE_DISABLED to everyone
  await ctx.gate.assertEnabled(MODULE_ID, record.regionPath);
  const org = await ctx.prisma.partyOrganization.findUniqueOrThrow({ where: { id: record.organizationId } });
  await assertManages(ctx, org);
  return record;
}

export function registerResidential(builder: Builder, enums: PartyEnums) {
  const R = refs(builder);
  const names = (ctx: Context) =>
    mapLoader(
      ctx,
      'party-building.personNames',
      async (ids) =>
        new Map(
          (await ctx.prisma.person.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } })).map(
            (p) => [p.id, p.name],
          ),
        ),
      '',
    );

  builder.prismaNode('PartyResidentRequest', {
    description:
      '居民诉求 collected by a residential branch (its committee, those above, administrators of the area, and the ' +
      'resident who raised it)',
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
        description: '诉求人 (masked unless you manage people of that community or raised it yourself)',
        resolve: async (r, _a, ctx) => {
          if (!r.residentId) return null;
          const name = await names(ctx).load(r.residentId);
          const own = r.residentId === ctx.viewer?.personId;
          return own || managesPeopleAt(ctx.viewer, r.regionPath) ? name : maskName(name);
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

  builder.prismaObjectFields('PartyOrganization', (t) => ({
    residentRequests: t.relatedConnection('requests', {
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
    improvementProjects: t.relation('projects', {
      maxItems: 200,
      description: '改造项目',
      query: { take: 200, orderBy: [{ createdAt: 'asc' }] },
    }),
  }));

  const RequestInput = builder.inputType('RecordResidentRequestInput', {
    fields: (t) => ({
      organizationId: t.id({ required: true, description: '小区党支部' }),
      content: t.string({ required: true }),
      residentId: t.id({ required: false, description: '诉求人 (Person)' }),
      channel: t.string({ required: false, description: '渠道, e.g. 走访入户, 议事会' }),
      receivedAt: t.field({ type: 'DateTime', required: false }),
    }),
  });
  const AnswerInput = builder.inputType('AnswerResidentRequestInput', {
    fields: (t) => ({ requestId: t.id({ required: true }), answer: t.string({ required: true }) }),
  });
  builder.mutationFields((t) => ({
    recordResidentRequest: t.field({
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'input.organizationId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '收集居民诉求 (residential branch: its committee, community workers and administrators of the area)',
      type: payloadType(builder, 'RecordResidentRequestPayload', 'request', 'PartyResidentRequest'),
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
        const request = await partyWrite(ctx, org.regionPath, async (w) => {
          const r = await w.tx.partyResidentRequest.create({
            data: {
              organizationId: org.id,
              regionPath: org.regionPath,
              residentId,
              content: input.content.trim(),
              channel: input.channel?.trim() || null,
              receivedAt: input.receivedAt ?? w.now,
            },
          });
          await w.audit({
            action: 'request.record',
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
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyResidentRequest', id: 'input.requestId' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '答复居民诉求 (once: a second answer is INVALID_TRANSITION)',
      type: payloadType(builder, 'AnswerResidentRequestPayload', 'request', 'PartyResidentRequest'),
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
        const request = await partyWrite(ctx, r.regionPath, (w) =>
          answerRequest(w, ctx, r, {
            data: { answer: input.answer.trim(), answeredAt: w.now, answeredById: ctx.viewer?.accountId ?? null },
          }),
        );
        return { request };
      },
    }),
  }));
}
