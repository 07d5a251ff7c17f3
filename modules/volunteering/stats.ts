// RegionStats.volunteering(from, to): SQL aggregates over everything below the region, only in
// townships where the module is on.
import { addRegionStats, dailySums, partialDayFacts, type Builder, type Context } from '../../src/kit/index.js';
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

const FLOWS = [
  ...['activities', 'completedActivities', 'enrollments', 'verifiedHours', 'serviceOrders', 'completedServiceOrders'],
  ...['householdsVisited', 'suggestions', 'disputesResolved', 'mattersDone', 'certificates'],
] as const;

/** the partial days of a period, from the facts through the triggers' own contribution functions (also rankings) */
export const volunteeringDayFacts = partialDayFacts([
  ['Volunteer', 'registeredAt'],
  ['VolunteerActivity', 'startsAt'],
  ['VolunteerEnrollment', 'signedUpAt'],
  ['VolunteerServiceRecord', 'startsAt'],
  // one source with both moments: as two, an order dispatched and completed on one partial day counted twice
  ['VolunteerServiceOrder', 'dispatchedAt', 'completedAt'],
  ['VolunteerCertificate', 'issuedAt'],
]);

/**
 * Every figure is a sum over days (DailyFigure, kept by triggers with the facts): the flows over the period,
 * the volunteers registered before its end. Two statements, whatever the length of the period.
 */
async function figures(ctx: Context, path: string, from: Date | null, to: Date | null): Promise<VolunteeringFigures> {
  const common = { moduleId: MODULE, regionPath: path, to, facts: volunteeringDayFacts };
  const [flows, registered] = await Promise.all([
    dailySums(ctx, { ...common, from, figures: FLOWS.map((f) => `volunteering.${f}`) }),
    dailySums(ctx, { ...common, from: null, figures: ['volunteering.volunteers'] }),
  ]);
  const f = Object.fromEntries(FLOWS.map((k) => [k, flows[`volunteering.${k}`]!])) as Record<
    (typeof FLOWS)[number],
    number
  >;
  return { ...f, volunteers: registered['volunteering.volunteers']!, verifiedHours: hoursOf(f.verifiedHours) };
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
