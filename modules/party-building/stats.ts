// RegionStats.partyBuilding(from, to): SQL aggregates (count / aggregate / groupBy) rolled up from
// every community below the region, only where the module is enabled.
import { addRegionStats, perRequest, type Builder, type Context } from '../../src/kit/index.js';
import { complianceFor } from './compliance.js';
import { MODULE_ID } from './rules.js';

interface Shape {
  path: string;
  from: Date | null;
  to: Date | null;
}

type Where = Awaited<ReturnType<Context['gate']['readableWhere']>>;
const readable = (ctx: Context, s: Shape, column = 'regionPath'): Promise<Where> =>
  ctx.gate.readableWhere(MODULE_ID, s.path, column);
const period = (s: Shape) =>
  s.from || s.to ? { ...(s.from ? { gte: s.from } : {}), ...(s.to ? { lt: s.to } : {}) } : undefined;

async function projectSums(ctx: Context, s: Shape) {
  const p = period(s);
  return ctx.prisma.partyImprovementProject.aggregate({
    where: { AND: [await readable(ctx, s), { status: { not: 'PLANNED' } }, p ? { startedOn: p } : {}] },
    _sum: {
      investmentFen: true,
      roadMetres: true,
      parkingSpaces: true,
      greeningSquareMetres: true,
      facilitiesRepaired: true,
    },
  });
}

export function registerStats(builder: Builder) {
  // the five project sums come from one aggregate per region and period in a request
  const sumsOf = (ctx: Context, s: Shape) =>
    perRequest(ctx, `party-building.projectSums:${s.path}:${s.from?.toISOString()}:${s.to?.toISOString()}`, () =>
      projectSums(ctx, s),
    );

  const Stats = builder.objectRef<Shape>('PartyBuildingStats').implement({
    description: '党支部建设统计 (rolled up the hierarchy; townships where the module is off are left out)',
    fields: (t) => ({
      organizations: t.int({
        description: '党组织数',
        resolve: async (s, _a, ctx) => ctx.prisma.partyOrganization.count({ where: await readable(ctx, s) }),
      }),
      branches: t.int({
        description: '党支部数 (incl. joint branches)',
        resolve: async (s, _a, ctx) =>
          ctx.prisma.partyOrganization.count({
            where: { AND: [await readable(ctx, s), { kind: { in: ['BRANCH', 'JOINT_BRANCH'] } }] },
          }),
      }),
      residentialBranches: t.int({
        description: '小区党支部数',
        resolve: async (s, _a, ctx) =>
          ctx.prisma.partyOrganization.count({
            where: { AND: [await readable(ctx, s), { residentialComplex: { not: null } }] },
          }),
      }),
      members: t.int({
        description: '党员数 (预备 + 正式) on the rolls now',
        resolve: async (s, _a, ctx) =>
          ctx.prisma.partyMembership.count({
            where: { AND: [await readable(ctx, s), { status: 'ACTIVE', stage: { in: ['PROBATIONARY', 'FULL'] } }] },
          }),
      }),
      inDevelopment: t.int({
        description: '发展中 applicants, activists and candidates now',
        resolve: async (s, _a, ctx) =>
          ctx.prisma.partyMembership.count({
            where: {
              AND: [
                await readable(ctx, s),
                { status: 'ACTIVE', stage: { in: ['APPLICANT', 'ACTIVIST', 'CANDIDATE'] } },
              ],
            },
          }),
      }),
      admitted: t.int({
        description: '发展党员 admitted as probationary members in the period',
        resolve: async (s, _a, ctx) => {
          const p = period(s);
          return ctx.prisma.partyMembership.count({
            where: { AND: [await readable(ctx, s), p ? { admittedAt: p } : { admittedAt: { not: null } }] },
          });
        },
      }),
      inServiceRegistered: t.int({
        description: '在职党员报到数 registered at communities of the region (in the period, by registration time)',
        resolve: async (s, _a, ctx) => {
          const p = period(s);
          return ctx.prisma.person.count({
            where: {
              partyMember: true,
              registeredCommunity: await readable(ctx, s, 'path'),
              ...(p ? { registeredAt: p } : {}),
            },
          });
        },
      }),
      meetingsHeld: t.int({
        description: '组织生活会议次数 (三会一课 etc.) in the period',
        resolve: async (s, _a, ctx) => {
          const p = period(s);
          return ctx.prisma.partyMeeting.count({ where: { AND: [await readable(ctx, s), p ? { heldAt: p } : {}] } });
        },
      }),
      complianceRate: t.float({
        nullable: true,
        description:
          '组织生活达标率 periods met / periods due, for the calendar year (China time) in which the period ' +
          'ends (or this year)',
        resolve: async (s, _a, ctx) => {
          const end = new Date((s.to ?? ctx.clock.now()).getTime() - 1 + 8 * 3_600_000);
          const orgs = await ctx.prisma.partyOrganization.findMany({
            where: await readable(ctx, s),
            select: { id: true, name: true, kind: true, regionPath: true, foundedOn: true },
          });
          const reports = await complianceFor(ctx, orgs, end.getUTCFullYear());
          const required = reports.reduce((n, r) => n + r.required, 0);
          return required ? reports.reduce((n, r) => n + r.held, 0) / required : null;
        },
      }),
      requestsReceived: t.int({
        description: '收集居民诉求 in the period',
        resolve: async (s, _a, ctx) => {
          const p = period(s);
          return ctx.prisma.partyResidentRequest.count({
            where: { AND: [await readable(ctx, s), p ? { receivedAt: p } : {}] },
          });
        },
      }),
      requestsAnswered: t.int({
        description: '答复居民诉求 in the period',
        resolve: async (s, _a, ctx) => {
          const p = period(s);
          return ctx.prisma.partyResidentRequest.count({
            where: { AND: [await readable(ctx, s), { status: 'ANSWERED' }, p ? { answeredAt: p } : {}] },
          });
        },
      }),
      propertyClauses: t.int({
        description: '物业附加条款',
        resolve: async (s, _a, ctx) => {
          const p = period(s);
          return ctx.prisma.partyPropertyClause.count({
            where: { AND: [await readable(ctx, s), p ? { addedOn: p } : {}] },
          });
        },
      }),
      propertyClausesFulfilled: t.int({
        description: '附加条款已履行 (latest check)',
        resolve: async (s, _a, ctx) =>
          ctx.prisma.partyPropertyClause.count({ where: { AND: [await readable(ctx, s), { status: 'FULFILLED' }] } }),
      }),
      projectInvestmentYuan: t.float({
        description: '改造投资 (元), projects started in the period',
        resolve: async (s, _a, ctx) => ((await sumsOf(ctx, s))._sum.investmentFen ?? 0) / 100,
      }),
      roadKm: t.float({
        description: '铺设路面 (公里)',
        resolve: async (s, _a, ctx) => ((await sumsOf(ctx, s))._sum.roadMetres ?? 0) / 1000,
      }),
      parkingSpaces: t.int({
        description: '增设车位 (个)',
        resolve: async (s, _a, ctx) => (await sumsOf(ctx, s))._sum.parkingSpaces ?? 0,
      }),
      greeningSquareMetres: t.float({
        description: '增加绿化面积 (平方米, where measured)',
        resolve: async (s, _a, ctx) => (await sumsOf(ctx, s))._sum.greeningSquareMetres ?? 0,
      }),
      facilitiesRepaired: t.int({
        description: '维修更换设施 (处)',
        resolve: async (s, _a, ctx) => (await sumsOf(ctx, s))._sum.facilitiesRepaired ?? 0,
      }),
    }),
  });

  addRegionStats(builder, 'partyBuilding', {
    type: Stats,
    description: '党支部建设 figures for the region',
    resolve: (period) => ({ path: period.region.path, from: period.from, to: period.to }),
  });
}
