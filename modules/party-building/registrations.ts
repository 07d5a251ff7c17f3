// 在职党员到社区报到: the community sees who registered (core Person.registeredCommunity, registeredAt,
// serviceCommitments, set by the core registerAtCommunity) and what they did. "What they did" comes
// only through kernel events, never by importing other modules: volunteering.hoursVerified /
// volunteering.hoursCorrected (service hours), wishes.claimed and wishes.fulfilled (wishes a member
// claimed and fulfilled).
import {
  countRows,
  forbidden,
  MANAGERS,
  managesPeopleAt,
  notFound,
  parseId,
  ValidationError,
  type Builder,
  type Context,
  type DeliveredEvent,
  type Prisma,
  mapLoader,
} from '../../src/kit/index.js';
import { MODULE_ID } from './rules.js';

export const HOURS_VERIFIED = 'volunteering.hoursVerified';
export const HOURS_CORRECTED = 'volunteering.hoursCorrected';
export const WISH_CLAIMED = 'wishes.claimed';
export const WISH_FULFILLED = 'wishes.fulfilled';

/** only registered in-service members are followed: anyone else is ignored */
async function registeredMember(tx: Prisma.TransactionClient, personId: unknown) {
  if (typeof personId !== 'string' || !personId) return null;
  return tx.person.findFirst({
    where: { id: personId, partyMember: true, registeredCommunityId: { not: null } },
    select: { id: true },
  });
}

export const eventHandlers = {
  [HOURS_VERIFIED]: async (event: DeliveredEvent, tx: Prisma.TransactionClient) => {
    const p = event.payload as { personId?: unknown; hours?: unknown; recordId?: unknown; activityTitle?: unknown };
    if (typeof p.recordId !== 'string' || typeof p.hours !== 'number' || !(await registeredMember(tx, p.personId)))
      return;
    await tx.partyServiceRecord.createMany({
      data: [
        {
          personId: p.personId as string,
          source: HOURS_VERIFIED,
          sourceId: p.recordId,
          hours: p.hours,
          title: typeof p.activityTitle === 'string' ? p.activityTitle : null,
          regionPath: event.regionPath,
          at: event.occurredAt,
        },
      ],
      skipDuplicates: true,
    });
  },
  [HOURS_CORRECTED]: async (event: DeliveredEvent, tx: Prisma.TransactionClient) => {
    const p = event.payload as { recordId?: unknown; hours?: unknown };
    if (typeof p.recordId !== 'string' || typeof p.hours !== 'number') return;
    await tx.partyServiceRecord.updateMany({
      where: { source: HOURS_VERIFIED, sourceId: p.recordId },
      data: { hours: p.hours },
    });
  },
  [WISH_CLAIMED]: (event: DeliveredEvent, tx: Prisma.TransactionClient) => recordWish(WISH_CLAIMED, event, tx),
  [WISH_FULFILLED]: (event: DeliveredEvent, tx: Prisma.TransactionClient) => recordWish(WISH_FULFILLED, event, tx),
};

/** one record per wish and kind; a claim per wish and member (a wish released and claimed again by
 *  another member counts for both, a member claiming the same wish twice once) */
async function recordWish(source: string, event: DeliveredEvent, tx: Prisma.TransactionClient) {
  const p = event.payload as { wishId?: unknown; claimantId?: unknown; category?: unknown };
  if (typeof p.wishId !== 'string' || !(await registeredMember(tx, p.claimantId))) return;
  await tx.partyServiceRecord.createMany({
    data: [
      {
        personId: p.claimantId as string,
        source,
        sourceId: source === WISH_CLAIMED ? `${p.wishId}:${p.claimantId}` : p.wishId,
        title: typeof p.category === 'string' ? p.category : null,
        regionPath: event.regionPath,
        at: event.occurredAt,
      },
    ],
    skipDuplicates: true,
  });
}

interface Activity {
  volunteerHours: number;
  wishesClaimed: number;
  wishesFulfilled: number;
}

export function registerRegistrations(builder: Builder) {
  const activity = (ctx: Context) =>
    mapLoader<Activity>(
      ctx,
      'party-building.serviceActivity',
      async (ids) => {
        const rows = await ctx.prisma.partyServiceRecord.groupBy({
          by: ['personId', 'source'],
          where: { personId: { in: [...ids] } },
          _sum: { hours: true },
          _count: { _all: true },
        });
        const map = new Map<string, Activity>();
        for (const r of rows) {
          const a = map.get(r.personId) ?? { volunteerHours: 0, wishesClaimed: 0, wishesFulfilled: 0 };
          if (r.source === HOURS_VERIFIED) a.volunteerHours += r._sum.hours ?? 0;
          if (r.source === WISH_CLAIMED) a.wishesClaimed += r._count._all;
          if (r.source === WISH_FULFILLED) a.wishesFulfilled += r._count._all;
          map.set(r.personId, a);
        }
        return map;
      },
      { volunteerHours: 0, wishesClaimed: 0, wishesFulfilled: 0 },
    );

  const ServiceRecord = builder.prismaObject('PartyServiceRecord', {
    description: "服务记录 what a registered member did, as heard from other modules' events",
    fields: (t) => ({
      source: t.exposeString('source', {
        description: 'volunteering.hoursVerified, wishes.claimed or wishes.fulfilled',
      }),
      title: t.exposeString('title', { nullable: true, description: '活动名称 / 心愿类别' }),
      hours: t.exposeFloat('hours', { nullable: true, description: '服务时长' }),
      at: t.expose('at', { type: 'DateTime' }),
    }),
  });

  const Registration = builder.prismaObject('Person', {
    variant: 'PartyRegistration',
    description: '在职党员报到 an in-service member registered at the community, with what they did there',
    fields: (t) => ({
      person: t.variant('Person', { description: '党员' }),
      registeredAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: '报到时间',
        resolve: (p) => p.registeredAt,
      }),
      commitments: t.exposeStringList('serviceCommitments', { description: '服务承诺' }),
      workOrganization: t.relation('workOrganization', { nullable: true, description: '工作单位' }),
      volunteerHours: t.float({
        description: '志愿服务时长 (volunteering.hoursVerified; 0 when that module is off)',
        resolve: async (p, _a, ctx) => (await activity(ctx).load(p.id)).volunteerHours,
      }),
      wishesClaimed: t.int({
        description: '认领微心愿 (wishes.claimed; 0 when that module is off)',
        resolve: async (p, _a, ctx) => (await activity(ctx).load(p.id)).wishesClaimed,
      }),
      wishesFulfilled: t.int({
        description: '圆梦微心愿 (wishes.fulfilled; 0 when that module is off)',
        resolve: async (p, _a, ctx) => (await activity(ctx).load(p.id)).wishesFulfilled,
      }),
      serviceRecords: t.field({
        maxItems: 200,
        type: [ServiceRecord],
        description: '最近的服务记录 (latest 20)',
        resolve: (p, _a, ctx) =>
          ctx.prisma.partyServiceRecord.findMany({ where: { personId: p.id }, orderBy: { at: 'desc' }, take: 20 }),
      }),
    }),
  });

  const whereFor = async (ctx: Context, communityId: string | number) => {
    const community = await ctx.prisma.region.findUnique({
      where: { id: parseId(String(communityId), 'Region', 'communityId') },
    });
    if (!community) throw notFound('社区 community');
    if (community.level !== 'COMMUNITY')
      throw new ValidationError([{ path: 'communityId', message: '应为社区/村 (a community)' }]);
    await ctx.gate.assertEnabled(MODULE_ID, community.path);
    if (!managesPeopleAt(ctx.viewer, community.path))
      throw forbidden('社区工作者和辖区管理员可见 (workers and administrators of the community)');
    return { registeredCommunityId: community.id, partyMember: true } satisfies Prisma.PersonWhereInput;
  };

  builder.queryField('partyRegistrations', (t) =>
    t.prismaConnection({
      policy: { roles: MANAGERS, scope: { region: 'communityId' } },
      description: '到本社区报到的在职党员 (workers and administrators of the community), latest first',
      type: Registration,
      cursor: 'id',
      args: { communityId: t.arg.id({ required: true }) },
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.person.findMany({
          ...query,
          where: await whereFor(ctx, args.communityId),
          orderBy: [{ registeredAt: 'desc' }, { id: 'asc' }],
        }),
      totalCount: async (_c, args, ctx) => countRows(ctx, 'Person', await whereFor(ctx, args.communityId)),
    }),
  );
}
