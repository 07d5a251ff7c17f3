// 共建协议: createCoBuildingAgreement between party organisations (e.g. 新农职大马克思主义学院 and
// 昌吉州人民医院), with topic, term and joint activities; joint meetings reference it.
import {
  Checks,
  forbidden,
  guardNode,
  notFound,
  parseId,
  PARTY_WORKERS,
  payloadType,
  ValidationError,
  type Builder,
  type Context,
  mapLoader,
} from '../../src/kit/index.js';
import { refs } from './refs.js';
import { administersArea, canManageOrg } from './access.js';
import { chinaDate, MODULE_ID } from './rules.js';
import { partyWrite } from './unit.js';

export function registerCoBuilding(builder: Builder) {
  const R = refs(builder);
  builder.prismaNode('PartyCoBuildingAgreement', {
    description: '共建协议 between party organisations (public: no personal information)',
    id: { field: 'id' },
    fields: (t) => ({
      topic: t.exposeString('topic', { description: '共建主题, e.g. 党建赋能、医校共建' }),
      parties: t.loadable({
        maxItems: 20,
        type: [R.PartyOrganization],
        description: '共建各方',
        load: (ids: string[], ctx) => ctx.prisma.partyOrganization.findMany({ where: { id: { in: ids } } }),
        sort: (o) => o.id,
        resolve: (a) => a.partyIds,
      }),
      startsOn: t.field({ type: 'Date', description: '起始', resolve: (a) => a.startsOn }),
      endsOn: t.field({ type: 'Date', nullable: true, description: '终止', resolve: (a) => a.endsOn }),
      active: t.boolean({
        description: '是否在有效期内',
        resolve: (a, _x, ctx) => {
          const d = chinaDate(ctx.clock.now());
          return a.startsOn <= d && (!a.endsOn || a.endsOn >= d);
        },
      }),
      activities: t.exposeStringList('activities', { description: '共建活动 planned joint activities' }),
      meetings: t.field({
        maxItems: 100,
        type: [R.PartyMeeting],
        description: '已开展的联合活动 joint meetings recorded under the agreement',
        resolve: (a, _x, ctx) => meetingsOf(ctx).load(a.id),
      }),
    }),
  });
  guardNode(builder, 'PartyCoBuildingAgreement', (a, ctx) => ctx.gate.isEnabledAt(MODULE_ID, a.regionPath));

  const meetingsOf = (ctx: Context) =>
    mapLoader(
      ctx,
      'party-building.agreementMeetings',
      async (ids) => {
        const rows = await ctx.prisma.partyMeeting.findMany({
          where: { agreementId: { in: [...ids] } },
          orderBy: { heldAt: 'asc' },
        });
        const map = new Map<string, typeof rows>();
        for (const r of rows) map.set(r.agreementId!, [...(map.get(r.agreementId!) ?? []), r]);
        return map;
      },
      [],
    );
  const agreementsOf = (ctx: Context) =>
    mapLoader(
      ctx,
      'party-building.agreementsOfOrg',
      async (ids) => {
        const rows = await ctx.prisma.partyCoBuildingAgreement.findMany({
          where: { partyIds: { hasSome: [...ids] } },
          orderBy: { startsOn: 'desc' },
        });
        const map = new Map<string, typeof rows>();
        for (const r of rows) for (const p of r.partyIds) if (ids.includes(p)) map.set(p, [...(map.get(p) ?? []), r]);
        return map;
      },
      [],
    );

  builder.prismaObjectField('PartyOrganization', 'coBuildingAgreements', (t) =>
    t.field({
      maxItems: 100,
      type: [R.PartyCoBuildingAgreement],
      description: '共建协议 the organisation is party to',
      resolve: (o, _a, ctx) => agreementsOf(ctx).load(o.id),
    }),
  );

  const Input = builder.inputType('CreateCoBuildingAgreementInput', {
    fields: (t) => ({
      partyIds: t.idList({ required: true, description: '共建各方 (2–10 party organisations; the first initiates)' }),
      topic: t.string({ required: true }),
      startsOn: t.field({ type: 'Date', required: true }),
      endsOn: t.field({ type: 'Date', required: false }),
      activities: t.stringList({ required: false, description: '共建活动, e.g. 联合主题党日, 义诊, 急救培训' }),
    }),
  });

  builder.mutationField('createCoBuildingAgreement', (t) =>
    t.field({
      policy: {
        roles: PARTY_WORKERS,
        scope: { record: 'PartyOrganization', id: 'input.partyIds' },
        relation: 'a party member acts through a committee seat of the organisation or one above it',
      },
      description: '签订共建协议 (the committee of the initiating organisation, or administrators of its area)',
      type: payloadType(builder, 'CreateCoBuildingAgreementPayload', 'agreement', 'PartyCoBuildingAgreement', {}),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const partyIds = input.partyIds.map((id, i) => parseId(String(id), 'PartyOrganization', `input.partyIds.${i}`));
        const activities = (input.activities ?? []).map((a) => a.trim()).filter(Boolean);
        new Checks()
          .text(input.topic, 'input.topic', { max: 100 })
          .check(
            new Set(partyIds).size === partyIds.length && partyIds.length >= 2 && partyIds.length <= 10,
            'input.partyIds',
            '2–10 个不同的党组织 (2–10 distinct organisations)',
          )
          .check(
            activities.length <= 20 && activities.every((a) => a.length <= 100),
            'input.activities',
            '最多 20 项, 每项 100 字以内',
          )
          .check(!input.endsOn || input.endsOn >= input.startsOn, 'input.endsOn', '不能早于起始日期')
          .throwIfAny();
        const parties = await ctx.prisma.partyOrganization.findMany({ where: { id: { in: partyIds } } });
        if (parties.length !== partyIds.length) throw notFound('共建党组织 party organization');
        for (const p of parties) await ctx.gate.assertEnabled(MODULE_ID, p.regionPath, `${p.name} 所在乡镇`);
        const initiator = parties.find((p) => p.id === partyIds[0])!;
        if (!(await canManageOrg(ctx, initiator)) && !administersArea(ctx, initiator.regionPath))
          throw forbidden('由发起方党组织或辖区管理员签订 (the initiating organisation)');
        if (parties.some((p) => p.kind === 'GROUP'))
          throw new ValidationError([{ path: 'input.partyIds', message: '党小组不签订共建协议 (not groups)' }]);
        const agreement = await partyWrite(ctx, initiator.regionPath, async (w) => {
          const a = await w.tx.partyCoBuildingAgreement.create({
            data: {
              topic: input.topic.trim(),
              partyIds,
              regionPath: initiator.regionPath,
              startsOn: input.startsOn,
              endsOn: input.endsOn ?? null,
              activities,
              recordedById: ctx.viewer?.accountId ?? null,
            },
          });
          await w.audit({
            action: 'cobuilding.create',
            entityType: 'PartyCoBuildingAgreement',
            entityId: a.id,
            regionPath: a.regionPath,
            data: { parties: partyIds.length },
          });
          return a;
        });
        return { agreement };
      },
    }),
  );
}
