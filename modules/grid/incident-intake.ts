// 居民上报: reportProblem, a logged-in resident (or party member) reports a problem in their own home
// community. It enters the incident chain at REPORTED with channel RESIDENT (no grid worker needed), or —
// where another enabled module claims the category there (kit intake routing) — becomes that module's
// record (party-building: a residential branch's 诉求). A per-resident daily limit holds under concurrency:
// the account row is locked, then today's reports are counted, inside the one write unit.
import {
  AppError,
  Checks,
  createThroughRoute,
  forbidden,
  intakeRoutes,
  modelRef,
  type IntakeReport,
  notFound,
  parseId,
  routeIntake,
  type Builder,
  type Context,
  type Incident,
  type WriteUnit,
  write,
} from '../../src/kit/index.js';
import { MODULE, requireViewer } from './access.js';
import type { GridEnums } from './enums.js';
import { checkAttachments, createIncident } from './incident-service.js';
import type { incidentDraftInput } from './patrol.js';

/** mainland China and a margin: a report far outside it is a typo or a forged position */
const BOX = { minLat: 3, maxLat: 54, minLong: 73, maxLong: 136 };
const DAY = 24 * 3_600_000;
const SHANGHAI = 8 * 3_600_000;
/** 00:00 Asia/Shanghai of the day `now` falls in */
export const shanghaiDayStart = (now: Date) => new Date(Math.floor((now.getTime() + SHANGHAI) / DAY) * DAY - SHANGHAI);

interface ReportResult {
  incident: Incident | null;
  routedTo: string | null;
  records: Record<string, unknown>;
}

/** the viewer's home community must be the one reported for (residents and party members only) */
async function assertOwnCommunity(ctx: Context, community: { id: string; level: string }) {
  const viewer = requireViewer(ctx);
  if (!['RESIDENT', 'PARTY_MEMBER'].includes(viewer.role) || !viewer.personId)
    throw forbidden('居民上报仅限居民本人 (residents and party members report for themselves)');
  if (community.level !== 'COMMUNITY') throw notFound('社区/村 community');
  const person = await ctx.prisma.person.findUniqueOrThrow({
    where: { id: viewer.personId },
    select: { homeCommunityId: true },
  });
  if (person.homeCommunityId !== community.id)
    throw forbidden('只能为本人居住的社区/村上报 (your own home community only)');
  return viewer;
}

/** the grid of the resident's household, if known: its workers then see the report too */
async function gridOfResident(ctx: Context, personId: string, communityId: string) {
  const member = await ctx.prisma.householdMember.findFirst({
    where: { personId, household: { grid: { communityId } } },
    select: { household: { select: { grid: { select: { id: true, communityId: true, regionPath: true } } } } },
  });
  return member?.household.grid ?? null;
}

/** race-safe daily limit: the account row lock serialises one resident's reports; counted after the lock */
async function withinDailyLimit(w: WriteUnit, accountId: string) {
  await w.tx.$queryRaw`SELECT id FROM "Account" WHERE id = ${accountId} FOR UPDATE`;
  const today = await w.tx.residentReport.count({
    where: { accountId, reportedAt: { gte: shanghaiDayStart(w.now) } },
  });
  const limit = w.settings.residentDailyReportLimit as number;
  if (today >= limit)
    throw new AppError('LIMIT_EXCEEDED', `每人每天最多上报 ${limit} 次 (at most ${limit} reports a day)`, {
      limit,
    });
}

export function registerIntake(builder: Builder, E: GridEnums, Draft: ReturnType<typeof incidentDraftInput>) {
  const Input = builder.inputType('ReportProblemInput', {
    description: '居民上报: a resident reports a problem or request in their own community',
    fields: (t) => ({
      communityId: t.id({ required: true, description: '本人居住的社区/村' }),
      category: t.field({ type: E.IncidentCategory, required: true }),
      description: t.string({ required: true, description: '问题描述 (5–2000 characters)' }),
      location: t.field({ type: Draft.LocationInput, required: false, description: '位置 (WGS-84, in China)' }),
      attachmentUrls: t.stringList({ required: false, description: '照片 http(s) URLs (at most 9)' }),
      hideFromPublic: t.boolean({ required: false, description: '对公众隐藏上报人 (default false)' }),
    }),
  });
  const routes = intakeRoutes(builder);
  const Payload = builder.objectRef<ReportResult>('ReportProblemPayload').implement({
    description: '上报结果: the incident, or the record of the module that took the report',
    fields: (t) => ({
      incident: t.field({
        type: modelRef(builder, 'Incident'),
        nullable: true,
        description: '事件 (null when another module took it)',
        resolve: (r) => r.incident,
      }),
      routedTo: t.string({
        nullable: true,
        description: '分流模块 the module that took the report instead (e.g. party-building)',
        resolve: (r) => r.routedTo,
      }),
      ...Object.fromEntries(
        routes.map((route) => [
          route.handler.field,
          t.field({
            type: route.handler.type as never,
            nullable: true,
            description: route.handler.description,
            resolve: (r: ReportResult) => (r.records[route.handler.field] ?? null) as never,
          }),
        ]),
      ),
    }),
  });

  builder.mutationField('reportProblem', (t) =>
    t.field({
      policy: {
        roles: ['PARTY_MEMBER', 'RESIDENT'],
        scope: { region: 'input.communityId' },
        relation: 'a resident or party member of that community, for themself',
      },
      description:
        '居民上报: report a problem in your own community (REPORTED, channel RESIDENT), or a request another ' +
        'module takes (party-building 诉求); a daily limit per resident applies',
      type: Payload,
      errors: {},
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const loc = input.location;
        const checks = new Checks()
          .text(input.description, 'input.description', { min: 5, max: 2000 })
          .check(
            !loc ||
              (loc.latitude >= BOX.minLat &&
                loc.latitude <= BOX.maxLat &&
                loc.longitude >= BOX.minLong &&
                loc.longitude <= BOX.maxLong),
            'input.location',
            '位置应在中国境内 (a position in China)',
          )
          .check((input.attachmentUrls ?? []).length <= 9, 'input.attachmentUrls', '最多 9 张照片 (at most 9)');
        const attachmentUrls = checkAttachments(checks, input.attachmentUrls, 'input.attachmentUrls');
        checks.throwIfAny();
        const communityId = parseId(String(input.communityId), 'Region', 'input.communityId');
        const community = await ctx.prisma.region.findUnique({ where: { id: communityId } });
        if (!community) throw notFound('社区/村 community');
        // the switch first, so a switched-off township answers the same to everyone
        await ctx.gate.assertEnabled(MODULE, community.path);
        const viewer = await assertOwnCommunity(ctx, community);
        const report: IntakeReport = {
          category: input.category,
          description: input.description.trim(),
          communityId: community.id,
          regionPath: community.path,
          latitude: loc?.latitude ?? null,
          longitude: loc?.longitude ?? null,
          attachmentUrls,
          hideFromPublic: input.hideFromPublic ?? false,
          accountId: viewer.accountId,
          personId: viewer.personId,
        };
        const route = await routeIntake(builder, ctx, report);
        const grid = route ? null : await gridOfResident(ctx, viewer.personId!, community.id);
        const settings = ['residentDailyReportLimit'];
        return write(ctx, { module: MODULE, regionPath: community.path, settings }, async (w) => {
          await withinDailyLimit(w, viewer.accountId);
          if (route) {
            const record = await createThroughRoute(route, w, ctx, report);
            await w.tx.residentReport.create({
              data: { ...logOf(report, w.now), routedTo: route.module, recordId: record.id },
            });
            return { incident: null, routedTo: route.module, records: { [route.handler.field]: record } };
          }
          const incident = await createResidentIncident(w, ctx, report, grid);
          await w.tx.residentReport.create({ data: { ...logOf(report, w.now), incidentId: incident.id } });
          return { incident, routedTo: null, records: {} };
        });
      },
    }),
  );
}

const logOf = (r: IntakeReport, at: Date) => ({
  accountId: r.accountId,
  regionPath: r.regionPath,
  category: r.category as never,
  reportedAt: at,
});

/** the incident of a resident's report: the community (and the grid, when known) handles it */
async function createResidentIncident(
  w: WriteUnit,
  ctx: Context,
  r: IntakeReport,
  grid: { id: string; communityId: string; regionPath: string } | null,
) {
  const incident = await createIncident(w, ctx, {
    grid: grid ?? { id: null, communityId: r.communityId, regionPath: r.regionPath },
    category: r.category,
    priority: 'NORMAL',
    title: [...r.description].slice(0, 30).join(''),
    description: r.description,
    latitude: r.latitude,
    longitude: r.longitude,
    attachmentUrls: r.attachmentUrls,
    residentId: r.personId,
    channel: 'RESIDENT',
    hideReporter: r.hideFromPublic,
  });
  await w.audit({
    action: 'incident.residentReport',
    entityType: 'Incident',
    entityId: incident.id,
    regionPath: r.regionPath,
    data: { category: r.category, hideFromPublic: r.hideFromPublic },
  });
  return incident;
}
