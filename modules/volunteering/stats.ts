// RegionStats.volunteering(from, to): SQL aggregates over everything below the region, only in
// townships where the module is on.
import { addRegionStats, type Builder, type Context, type Prisma } from '../../src/kit/index.js';
import { hoursOf } from './hours.js';
import { MODULE } from './shared.js';

interface VolunteeringFigures {
  activities: number;
  completedActivities: number;
  volunteers: number;
  enrollments: number;
  verifiedHours: number;
  serviceOrders: number;
  completedServiceOrders: number;
  householdsVisited: number;
  suggestions: number;
  disputesResolved: number;
  mattersDone: number;
  certificates: number;
}

const period = (from: Date | null, to: Date | null) =>
  from || to ? { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } : undefined;

async function figures(ctx: Context, path: string, from: Date | null, to: Date | null): Promise<VolunteeringFigures> {
  const readable = await ctx.gate.readableWhere(MODULE, path, 'regionPath');
  const when = period(from, to);
  const live: Prisma.VolunteerActivityWhereInput = {
    AND: [readable, { status: { in: ['RECRUITING', 'ONGOING', 'COMPLETED'] } }, when ? { startsAt: when } : {}],
  };
  const [activities, completedActivities, volunteers, enrollments, hours, orders, done, certificates] =
    await Promise.all([
      ctx.prisma.volunteerActivity.count({ where: live }),
      ctx.prisma.volunteerActivity.count({ where: { AND: [live, { status: 'COMPLETED' }] } }),
      ctx.prisma.volunteer.count({ where: { AND: [readable, to ? { registeredAt: { lt: to } } : {}] } }),
      ctx.prisma.volunteerEnrollment.count({
        where: { AND: [readable, { status: { not: 'CANCELLED' } }, when ? { signedUpAt: when } : {}] },
      }),
      ctx.prisma.volunteerServiceRecord.aggregate({
        where: { AND: [readable, { kind: 'SERVICE' }, when ? { startsAt: when } : {}] },
        _sum: { hours: true },
      }),
      ctx.prisma.volunteerServiceOrder.count({
        where: { AND: [readable, { status: { not: 'CANCELLED' } }, when ? { dispatchedAt: when } : {}] },
      }),
      ctx.prisma.volunteerServiceOrder.aggregate({
        where: { AND: [readable, { status: 'COMPLETED' }, when ? { completedAt: when } : {}] },
        _count: { _all: true },
        _sum: { householdsVisited: true, suggestions: true, disputesResolved: true, mattersDone: true },
      }),
      ctx.prisma.volunteerCertificate.count({ where: { AND: [readable, when ? { issuedAt: when } : {}] } }),
    ]);
  return {
    activities,
    completedActivities,
    volunteers,
    enrollments,
    verifiedHours: hoursOf(hours._sum.hours),
    serviceOrders: orders,
    completedServiceOrders: done._count._all,
    householdsVisited: done._sum.householdsVisited ?? 0,
    suggestions: done._sum.suggestions ?? 0,
    disputesResolved: done._sum.disputesResolved ?? 0,
    mattersDone: done._sum.mattersDone ?? 0,
    certificates,
  };
}

export function registerStats(builder: Builder) {
  const Stats = builder.objectRef<VolunteeringFigures>('VolunteeringStats').implement({
    description: '志愿服务统计 rolled up from every community below the region (townships with the module on)',
    fields: (t) => ({
      activities: t.exposeInt('activities', {
        description: '志愿服务活动数 (published, started in the period; cancelled excluded)',
      }),
      completedActivities: t.exposeInt('completedActivities', { description: '已结束活动数' }),
      volunteers: t.exposeInt('volunteers', { description: '注册志愿者数 (registered before the end of the period)' }),
      enrollments: t.exposeInt('enrollments', { description: '报名人次 (signed up in the period)' }),
      verifiedHours: t.exposeFloat('verifiedHours', { description: '已确认服务时长(小时) (service in the period)' }),
      serviceOrders: t.exposeInt('serviceOrders', {
        description: '派单数 (dispatched in the period; cancelled orders excluded)',
      }),
      completedServiceOrders: t.exposeInt('completedServiceOrders', {
        description: '办结派单数 (completed in the period)',
      }),
      householdsVisited: t.exposeInt('householdsVisited', { description: '走访户数 (completed orders)' }),
      suggestions: t.exposeInt('suggestions', { description: '收集意见建议' }),
      disputesResolved: t.exposeInt('disputesResolved', { description: '化解矛盾纠纷' }),
      mattersDone: t.exposeInt('mattersDone', { description: '办实事' }),
      certificates: t.exposeInt('certificates', { description: '出具志愿服务证明数' }),
    }),
  });

  addRegionStats(builder, 'volunteering', {
    type: Stats,
    description: '志愿服务 figures',
    resolve: (period, ctx) => figures(ctx, period.region.path, period.from, period.to),
  });
}
