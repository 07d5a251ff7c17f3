// 居民需求清单: the CommunityNeed node, `communityNeeds`, `unmetNeeds` (by category and age, in SQL) and
// recordCommunityNeed. A need's description is for those who manage the community's people (it is worded
// without personal data, but it is still a record about residents); its concerned person only for managers.
import {
  Checks,
  countRows,
  defineLifecycle,
  guardNode,
  managesPeopleAt,
  managesPerson,
  MANAGERS,
  mustLoad,
  notFound,
  parseOptionalId,
  payloadType,
  personLoader,
  Prisma,
  READERS,
  regionLoader,
  scopeFromFilter,
  viewerScope,
  type Builder,
  type CommunityNeed,
  type Context,
  write,
} from '../../src/kit/index.js';
import { countedInArea } from './counts.js';
import { MODULE_ID, NEED_STATUS_LABELS, SERVICE_AREA_LABELS, type Enums, type NeedStatus } from './model.js';
import { assertManages, communityArg, listScope, readsAt } from './shared.js';

export const needLifecycle = defineLifecycle<NeedStatus, 'MATCH' | 'MEET' | 'CLOSE', CommunityNeed>({
  entity: 'CommunityNeed',
  model: 'communityNeed',
  states: NEED_STATUS_LABELS,
  transitions: {
    MATCH: { from: ['OPEN'], to: 'MATCHED' },
    MEET: { from: ['MATCHED'], to: 'MET' },
    CLOSE: { from: ['OPEN'], to: 'CLOSED' },
  },
});

// a mobile number or an id number in a description is personal data: refused, the person goes in concernedPersonId
const PERSONAL = /1[3-9]\d{9}|\d{17}[\dXx]/;
export const descriptionChecks = (description: string, checks = new Checks()) =>
  checks
    .text(description, 'input.description', { min: 4, max: 300 })
    .check(!PERSONAL.test(description), 'input.description', '需求描述不得包含电话或身份证号 (no personal data)');

interface AgeGroupRow {
  category: keyof typeof SERVICE_AREA_LABELS;
  count: number;
  urgent: number;
  under7Days: number;
  from7To30Days: number;
  over30Days: number;
  oldestDays: number;
}

export function registerNeeds(builder: Builder, enums: Enums) {
  const Need = builder.prismaNode('CommunityNeed', {
    description: '居民需求 one entry of a community’s 居民需求清单',
    id: { field: 'id' },
    fields: (t) => ({
      category: t.expose('category', { type: enums.ServiceArea, description: '类别' }),
      summary: t.string({
        description: '概要 category and people count, for every reader (no personal data)',
        resolve: (n) => `${SERVICE_AREA_LABELS[n.category].split(' ')[0]}需求 · ${n.peopleCount}人`,
      }),
      description: t.string({
        nullable: true,
        description: '需求描述: for the workers and admins of the community only (null for other readers)',
        resolve: (n, _a, ctx) => (managesPeopleAt(ctx.viewer, n.regionPath) ? n.description : null),
      }),
      peopleCount: t.exposeInt('peopleCount', { description: '涉及人数' }),
      concernedPerson: t.prismaField({
        type: 'Person',
        nullable: true,
        description: '涉及居民 (个人信息): only for those who manage the person',
        resolve: async (_q, n, _a, ctx) => {
          if (!n.concernedPersonId) return null;
          const p = await mustLoad(personLoader(ctx), n.concernedPersonId, 'person');
          return managesPerson(ctx.viewer, p) ? p : null;
        },
      }),
      urgency: t.expose('urgency', { type: enums.NeedUrgency, description: '紧急程度' }),
      source: t.expose('source', { type: enums.NeedSource, description: '来源' }),
      status: t.expose('status', { type: enums.NeedStatus, description: '状态' }),
      community: t.prismaField({
        type: 'Region',
        description: '社区',
        resolve: (_q, n, _a, ctx) => mustLoad(regionLoader(ctx), n.communityId, 'region'),
      }),
      recordedAt: t.expose('recordedAt', { type: 'DateTime', description: '登记时间' }),
      matchedAt: t.expose('matchedAt', { type: 'DateTime', nullable: true, description: '对接时间' }),
      metAt: t.expose('metAt', { type: 'DateTime', nullable: true, description: '满足时间' }),
      engagements: t.relation('engagements', {
        maxItems: 20,
        description: '供需对接 engagements serving this need',
        query: { take: 20, orderBy: { matchedAt: 'asc' } },
      }),
    }),
  });
  guardNode(builder, 'CommunityNeed', async (n: CommunityNeed, ctx) => {
    if (!readsAt(ctx.viewer, n.regionPath)) return false;
    await ctx.gate.assertEnabled(MODULE_ID, n.regionPath);
    return true;
  });

  const Filter = builder.inputType('CommunityNeedFilter', {
    description: '需求筛选',
    fields: (t) => ({
      regionId: t.id({ required: false }),
      status: t.field({ type: enums.NeedStatus, required: false }),
      category: t.field({ type: enums.ServiceArea, required: false }),
    }),
  });
  const where = async (ctx: Context, f: typeof Filter.$inferInput | null | undefined) => ({
    AND: [
      (await listScope(ctx, f?.regionId)) as Prisma.CommunityNeedWhereInput,
      f?.status ? { status: f.status } : {},
      f?.category ? { category: f.category } : {},
    ],
  });
  const AgeGroup = builder.objectRef<AgeGroupRow>('UnmetNeedGroup').implement({
    description: '未满足需求 open needs of one category, by age',
    fields: (t) => ({
      category: t.field({ type: enums.ServiceArea, resolve: (g) => g.category, description: '类别' }),
      count: t.exposeInt('count', { description: '待对接数' }),
      urgent: t.exposeInt('urgent', { description: '其中紧急/特急' }),
      under7Days: t.exposeInt('under7Days', { description: '7天内登记' }),
      from7To30Days: t.exposeInt('from7To30Days', { description: '7–30天' }),
      over30Days: t.exposeInt('over30Days', { description: '超过30天' }),
      oldestDays: t.exposeInt('oldestDays', { description: '最久等待天数' }),
    }),
  });

  builder.queryFields((t) => ({
    communityNeeds: t.prismaConnection({
      policy: { roles: READERS, scope: { region: 'filter.regionId' } },
      description: '居民需求清单 of your area, newest first (descriptions and people for the community’s managers)',
      type: Need,
      cursor: 'id',
      args: { filter: t.arg({ type: Filter, required: false }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.communityNeed.findMany({
          ...query,
          where: await where(ctx, args.filter),
          orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
        }),
      totalCount: async (_c, args, ctx) =>
        (await countedInArea(ctx, 'CommunityNeed', args.filter)) ??
        countRows(ctx, 'CommunityNeed', await where(ctx, args.filter)),
    }),
    unmetNeeds: t.field({
      policy: { roles: READERS, scope: { region: 'regionId' } },
      description: '未满足需求 open needs by category and age (default: your area), largest groups first',
      type: [AgeGroup],
      maxItems: 9,
      args: { regionId: t.arg.id({ required: false }) },
      resolve: async (_r, args, ctx) => {
        const base = viewerScope(ctx);
        const scope = await scopeFromFilter(ctx, args.regionId, {
          base,
          allowed: (p) => p.startsWith(base),
          field: 'regionId',
        });
        const readable = await ctx.gate.readableSql(MODULE_ID, scope, 'n."regionPath"');
        const age = Prisma.sql`(extract(epoch FROM ${ctx.clock.now()}::timestamp - n."recordedAt") / 86400)`;
        return ctx.prisma.$queryRaw<AgeGroupRow[]>`
          SELECT n."category"::text AS "category", count(*)::int AS "count",
                 (count(*) FILTER (WHERE n."urgency" IN ('HIGH', 'URGENT')))::int AS "urgent",
                 (count(*) FILTER (WHERE ${age} < 7))::int AS "under7Days",
                 (count(*) FILTER (WHERE ${age} >= 7 AND ${age} <= 30))::int AS "from7To30Days",
                 (count(*) FILTER (WHERE ${age} > 30))::int AS "over30Days",
                 floor(max(${age}))::int AS "oldestDays"
            FROM "CommunityNeed" n
           WHERE ${readable} AND n."status" = 'OPEN'
           GROUP BY n."category" ORDER BY count(*) DESC, n."category"`;
      },
    }),
  }));
  registerRecordNeed(builder, enums, Need);
  return Need;
}

function registerRecordNeed(builder: Builder, enums: Enums, Need: ReturnType<typeof builder.prismaNode>) {
  const Input = builder.inputType('RecordCommunityNeedInput', {
    description: '登记居民需求',
    fields: (t) => ({
      communityId: t.id({ required: true }),
      category: t.field({ type: enums.ServiceArea, required: true }),
      description: t.string({ required: true, description: '描述 4–300, without names, phones or id numbers' }),
      peopleCount: t.int({ required: false, description: '涉及人数 1–10000 (default 1)' }),
      concernedPersonId: t.id({ required: false, description: '涉及居民 (a person you manage)' }),
      urgency: t.field({ type: enums.NeedUrgency, required: false }),
      source: t.field({
        type: enums.NeedSource,
        required: false,
        description: 'default VISIT; WISH and ELDER_CARE come from events',
      }),
    }),
  });
  builder.mutationField('recordCommunityNeed', (t) =>
    t.field({
      policy: { roles: MANAGERS, scope: { region: 'input.communityId' } },
      description: '登记居民需求 (workers and admins of the community): a new OPEN need',
      type: payloadType(builder, 'RecordCommunityNeedPayload', 'need', Need, { description: '需求' }),
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const count = input.peopleCount ?? 1;
        const source = input.source ?? 'VISIT';
        descriptionChecks(input.description)
          .check(count >= 1 && count <= 10_000, 'input.peopleCount', '应为 1–10000')
          .check(source !== 'WISH' && source !== 'ELDER_CARE', 'input.source', '由其他模块的事件生成 (fed by events)')
          .throwIfAny();
        const community = await communityArg(ctx, input.communityId, 'input.communityId');
        assertManages(ctx, community.path);
        const personId = parseOptionalId(
          input.concernedPersonId == null ? null : String(input.concernedPersonId),
          'Person',
          'input.concernedPersonId',
        );
        if (personId) {
          const person = await ctx.prisma.person.findUnique({ where: { id: personId } });
          if (!person || !managesPerson(ctx.viewer, person)) throw notFound('居民 person');
        }
        const need = await write(ctx, { module: MODULE_ID, regionPath: community.path }, async (w) => {
          const created = await w.tx.communityNeed.create({
            data: {
              communityId: community.id,
              regionPath: community.path,
              category: input.category,
              description: input.description.trim(),
              peopleCount: count,
              concernedPersonId: personId,
              urgency: input.urgency ?? 'NORMAL',
              source,
              recordedAt: w.now,
              recordedById: ctx.viewer!.accountId,
            },
          });
          await w.audit({
            action: 'need.record',
            entityType: 'CommunityNeed',
            entityId: created.id,
            data: { category: created.category },
          });
          return created;
        });
        return { need };
      },
    }),
  );
}
