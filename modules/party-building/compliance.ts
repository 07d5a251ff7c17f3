// 组织生活达标情况: partyLifeCompliance(organizationId, year) and partyLifeComplianceByRegion(regionId,
// year), worst first. Meetings are counted in SQL per organisation, kind and month (China time);
// the required frequencies are a module setting (meetingFrequencies), so a deployment can edit them.
import {
  AppError,
  forbidden,
  notFound,
  parseId,
  Prisma,
  READERS,
  readsWithinScope,
  within,
  type Builder,
  type Context,
} from '../../src/kit/index.js';
import { canManageOrg, seesAggregates } from './access.js';
import type { PartyEnums } from './enums.js';
import {
  applicableKinds,
  chinaDate,
  type ComplianceReport,
  complianceOf,
  COMMITTEE_MIN,
  type MeetingFrequencies,
  MODULE_ID,
} from './rules.js';

interface OrgRow {
  id: string;
  name: string;
  kind: string;
  regionPath: string;
  foundedOn: Date;
}

export interface OrgCompliance extends ComplianceReport {
  organizationId: string;
  attendanceRate: number | null;
}

const yearBounds = (year: number) => ({
  start: new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000),
  end: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000),
});

/** compliance of many organisations at once: three statements whatever their number */
export async function complianceFor(ctx: Context, orgs: OrgRow[], year: number): Promise<OrgCompliance[]> {
  if (!orgs.length) return [];
  const ids = orgs.map((o) => o.id);
  const { start, end } = yearBounds(year);
  const [counts, seats, attendance] = await Promise.all([
    ctx.prisma.$queryRaw<{ org: string; kind: string; month: string; n: number; secretary: number }[]>`
      SELECT h."organizationId" AS "org", h."kind"::text AS "kind",
             to_char(h."heldAt" + interval '8 hours', 'YYYY-MM') AS "month",
             count(*)::int AS "n",
             (count(*) FILTER (WHERE h."kind" = 'PARTY_LECTURE' AND EXISTS (
                SELECT 1 FROM "PartyCommitteeMember" c
                WHERE c."organizationId" = h."organizationId" AND c."personId" = m."hostId"
                  AND c."role" = 'SECRETARY')))::int AS "secretary"
      FROM "PartyMeetingHost" h JOIN "PartyMeeting" m ON m."id" = h."meetingId"
      WHERE h."organizationId" IN (${Prisma.join(ids)})
        AND h."heldAt" >= ${start.toISOString()}::timestamp AND h."heldAt" < ${end.toISOString()}::timestamp
      GROUP BY 1, 2, 3`,
    ctx.prisma.partyCommitteeMember.groupBy({
      by: ['organizationId'],
      where: { organizationId: { in: ids }, endedAt: null },
      _count: { _all: true },
    }),
    ctx.prisma.partyMeetingAttendance.groupBy({
      by: ['organizationId', 'status'],
      where: { organizationId: { in: ids }, heldAt: { gte: start, lt: end } },
      _count: { _all: true },
    }),
  ]);
  const byOrg = new Map<string, Map<string, number>>();
  for (const c of counts) {
    const map = byOrg.get(c.org) ?? new Map<string, number>();
    map.set(`${c.kind}|${c.month}`, c.n);
    if (c.secretary) map.set(`SECRETARY_LECTURE|${c.month}`, c.secretary);
    byOrg.set(c.org, map);
  }
  const seatCount = new Map(seats.map((s) => [s.organizationId, s._count._all]));
  const att = new Map<string, { present: number; total: number }>();
  for (const a of attendance) {
    const x = att.get(a.organizationId!) ?? { present: 0, total: 0 };
    x.total += a._count._all;
    if (a.status === 'PRESENT') x.present += a._count._all;
    att.set(a.organizationId!, x);
  }
  const today = chinaDate(ctx.clock.now());
  return Promise.all(
    orgs.map(async (o) => {
      const frequencies = await ctx.settings.get<MeetingFrequencies>(MODULE_ID, 'meetingFrequencies', o.regionPath);
      const kinds = applicableKinds(o.kind, (seatCount.get(o.id) ?? 0) >= COMMITTEE_MIN);
      const report = complianceOf(year, kinds, frequencies, byOrg.get(o.id) ?? new Map(), today, o.foundedOn);
      const a = att.get(o.id);
      return { ...report, organizationId: o.id, attendanceRate: a?.total ? a.present / a.total : null };
    }),
  );
}

const orgSelect = { id: true, name: true, kind: true, regionPath: true, foundedOn: true, treePath: true } as const;

export function registerCompliance(builder: Builder, enums: PartyEnums) {
  const PeriodRef = builder
    .objectRef<{ period: string; held: number; due: boolean; met: boolean }>('PartyLifePeriod')
    .implement({
      description: '周期 one month, quarter or year',
      fields: (t) => ({
        period: t.exposeString('period', { description: '"2026-03", "2026-Q1" or "2026"' }),
        held: t.exposeInt('held', { description: '召开次数 meetings held in the period' }),
        due: t.exposeBoolean('due', { description: '是否计入要求 the period has ended (or is already met)' }),
        met: t.exposeBoolean('met', { description: '是否达标' }),
      }),
    });
  const RequirementRef = builder.objectRef<ComplianceReport['requirements'][number]>('PartyLifeRequirement').implement({
    description: '会议要求 one required frequency',
    fields: (t) => ({
      kind: t.field({ type: enums.MeetingKind, resolve: (r) => r.kind as never }),
      every: t.field({ type: enums.Every, resolve: (r) => r.every }),
      times: t.exposeInt('times', { description: '每周期次数' }),
      bySecretary: t.exposeBoolean('bySecretary', { description: "书记讲党课 (the secretary's own lecture)" }),
      required: t.exposeInt('required', { description: '应达标周期数 periods due so far' }),
      held: t.exposeInt('held', { description: '已达标周期数 periods met' }),
      missed: t.exposeInt('missed', { description: '未达标周期数 periods missed' }),
      periods: t.field({ maxItems: 12, type: [PeriodRef], resolve: (r) => r.periods }),
    }),
  });
  const ComplianceRef = builder.objectRef<OrgCompliance>('PartyLifeCompliance').implement({
    description: '组织生活达标情况 (三会一课) of one organisation for one year',
    fields: (t) => ({
      organization: t.prismaField({
        type: 'PartyOrganization',
        resolve: (q, c, _a, ctx) =>
          ctx.prisma.partyOrganization.findUniqueOrThrow({ ...q, where: { id: c.organizationId } }),
      }),
      year: t.exposeInt('year'),
      complianceRate: t.float({
        nullable: true,
        description: '达标率 periods met / periods due (null when nothing is due yet)',
        resolve: (c) => c.complianceRate,
      }),
      required: t.exposeInt('required'),
      held: t.exposeInt('held'),
      missed: t.int({ resolve: (c) => c.required - c.held }),
      requirements: t.field({ maxItems: 20, type: [RequirementRef], resolve: (c) => c.requirements }),
      attendanceRate: t.float({
        nullable: true,
        description: '出席率 present / recorded attendance of its members that year',
        resolve: (c) => c.attendanceRate,
      }),
    }),
  });

  const checkYear = (year: number) => {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('VALIDATION', 'year 应为 2000–2100');
  };

  builder.queryFields((t) => ({
    partyLifeCompliance: t.field({
      policy: { roles: [...READERS, 'PARTY_MEMBER'], scope: { record: 'PartyOrganization', id: 'organizationId' } },
      type: ComplianceRef,
      nullable: true,
      description:
        '组织生活达标情况 of one organisation (aggregates: its committee, those above, administrators and ' +
        'analysts of the area)',
      args: { organizationId: t.arg.id({ required: true }), year: t.arg.int({ required: true }) },
      resolve: async (_r, args, ctx) => {
        checkYear(args.year);
        const org = await ctx.prisma.partyOrganization.findUnique({
          where: { id: parseId(String(args.organizationId), 'PartyOrganization', 'organizationId') },
          select: orgSelect,
        });
        if (!org) return null;
        await ctx.gate.assertEnabled(MODULE_ID, org.regionPath);
        if (!(seesAggregates(ctx, org.regionPath) || (await canManageOrg(ctx, org))))
          throw forbidden('无权查看 (not for your role)');
        return (await complianceFor(ctx, [org], args.year))[0]!;
      },
    }),
    partyLifeComplianceByRegion: t.field({
      maxItems: 500,
      policy: { roles: READERS, scope: { region: 'regionId' } },
      type: [ComplianceRef],
      description: '辖区各党组织达标情况, worst first (organisations with nothing due last)',
      args: {
        regionId: t.arg.id({ required: true }),
        year: t.arg.int({ required: true }),
        kind: t.arg({ type: enums.OrgKind, required: false }),
      },
      resolve: async (_r, args, ctx) => {
        checkYear(args.year);
        const region = await ctx.prisma.region.findUnique({
          where: { id: parseId(String(args.regionId), 'Region', 'regionId') },
        });
        if (!region) throw notFound('区划 region');
        if (!readsWithinScope(ctx.viewer) || !within(ctx.viewer, region.path))
          throw forbidden('只能查看本辖区 (your own area; workers, administrators and analysts)');
        const orgs = await ctx.prisma.partyOrganization.findMany({
          where: {
            AND: [
              await ctx.gate.readableWhere(MODULE_ID, region.path, 'regionPath'),
              args.kind ? { kind: args.kind } : {},
            ],
          },
          select: orgSelect,
          take: 2000,
        });
        const names = new Map(orgs.map((o) => [o.id, o.name]));
        const reports = await complianceFor(ctx, orgs, args.year);
        return reports.sort((a, b) => {
          if (a.complianceRate === null || b.complianceRate === null)
            return a.complianceRate === null ? (b.complianceRate === null ? 0 : 1) : -1;
          return (
            a.complianceRate - b.complianceRate ||
            b.required - b.held - (a.required - a.held) ||
            names.get(a.organizationId)!.localeCompare(names.get(b.organizationId)!)
          );
        });
      },
    }),
  }));
}
