// Open311 GeoReport v2 REST endpoints over the incident chain (http://wiki.open311.org/GeoReport_v2), served
// through the kit's module HTTP routes (no kernel import of this module). GET is anonymous and carries no
// personal data; POST needs an `api_key` bound to an account (core ApiKey, only its hash stored) and acts as
// that account inside its area. A township where the module is off is an unknown jurisdiction (404).
// Errors follow the standard: an array of { code, description } with the HTTP status as code.
import {
  apiKeyViewer,
  AppError,
  Checks,
  type Context,
  type HttpRoute,
  type HttpRouteKit,
  type Incident,
  type Prisma,
  write,
} from '../../src/kit/index.js';
import { MODULE } from './access.js';
import { CATEGORY_TERMS, type IncidentCategoryName } from './enums.js';
import { checkAttachments, createIncident } from './incident-service.js';
import { serviceRequest, service } from './open311-format.js';

const BASE = '/open311/v2';
const CODES = Object.keys(CATEGORY_TERMS) as IncidentCategoryName[];
const LIST_LIMIT = 200;
const DAY = 24 * 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
class Open311Error extends Error {
  constructor(
    readonly status: number,
    description: string,
  ) {
    super(description);
  }
}
const STATUS_OF: Record<string, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  MODULE_DISABLED: 404,
  LIMIT_EXCEEDED: 429,
  CONFLICT: 409,
};

/** wraps a handler: typed failures become the standard's error array */
const route =
  (fn: (kit: HttpRouteKit) => Promise<Response>) =>
  async (kit: HttpRouteKit): Promise<Response> => {
    try {
      return await fn(kit);
    } catch (e) {
      const status = e instanceof Open311Error ? e.status : e instanceof AppError ? (STATUS_OF[e.code] ?? 400) : 500;
      const description = status === 500 ? 'internal error' : (e as Error).message;
      return json([{ code: status, description }], status);
    }
  };

/** jurisdiction_id = a township code where the module is on */
async function jurisdiction(ctx: Context, code: string | null) {
  if (!code) throw new Open311Error(400, 'jurisdiction_id is required (the township code, e.g. 652324104)');
  const region = await ctx.prisma.region.findUnique({ where: { code } });
  if (region?.level !== 'TOWNSHIP' || !(await ctx.gate.isEnabledAt(MODULE, region.path)))
    throw new Open311Error(404, `jurisdiction_id ${code} not found`);
  return region;
}

async function render(ctx: Context, rows: Incident[]) {
  const orgIds = [...new Set(rows.map((r) => r.leadDepartmentId).filter((x): x is string => !!x))];
  const communityIds = [...new Set(rows.map((r) => r.communityId))];
  const [orgs, communities] = await Promise.all([
    ctx.prisma.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
    ctx.prisma.region.findMany({ where: { id: { in: communityIds } }, select: { id: true, name: true, code: true } }),
  ]);
  const org = new Map(orgs.map((o) => [o.id, o.name]));
  const com = new Map(communities.map((c) => [c.id, c]));
  return rows.map((i) =>
    serviceRequest(i, {
      agency: i.leadDepartmentId ? (org.get(i.leadDepartmentId) ?? null) : null,
      community: com.get(i.communityId) ?? null,
    }),
  );
}

const date = (v: string | null, name: string) => {
  if (!v) return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new Open311Error(400, `${name} must be a w3 datetime`);
  return d;
};

async function listRequests({ url, context }: HttpRouteKit) {
  const ctx = await context(null);
  const q = url.searchParams;
  const township = await jurisdiction(ctx, q.get('jurisdiction_id'));
  const where: Prisma.IncidentWhereInput[] = [{ regionPath: { startsWith: township.path } }];
  const ids = q
    .get('service_request_id')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids?.length) where.push({ id: { in: ids.filter((id) => UUID.test(id)).slice(0, LIST_LIMIT) } });
  const code = q.get('service_code');
  if (code) where.push({ category: CODES.includes(code as never) ? (code as never) : { in: [] } });
  const status = q.get('status');
  if (status && status !== 'open' && status !== 'closed') throw new Open311Error(400, 'status must be open or closed');
  if (status)
    where.push({ status: status === 'closed' ? { in: ['CLOSED', 'REJECTED'] } : { notIn: ['CLOSED', 'REJECTED'] } });
  const end = date(q.get('end_date'), 'end_date');
  // the standard's default window: the last 90 days, unless ids are asked for
  const start =
    date(q.get('start_date'), 'start_date') ?? (ids?.length ? null : new Date(ctx.clock.now().getTime() - 90 * DAY));
  if (start || end) where.push({ reportedAt: { ...(start ? { gte: start } : {}), ...(end ? { lte: end } : {}) } });
  const rows = await ctx.prisma.incident.findMany({
    where: { AND: where },
    orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
    take: LIST_LIMIT,
  });
  return json(await render(ctx, rows));
}

async function oneRequest({ url, params, context }: HttpRouteKit) {
  const ctx = await context(null);
  const township = await jurisdiction(ctx, url.searchParams.get('jurisdiction_id'));
  const id = params.id!;
  const row = UUID.test(id) ? await ctx.prisma.incident.findUnique({ where: { id } }) : null;
  if (!row?.regionPath.startsWith(township.path)) throw new Open311Error(404, `service_request_id ${id} not found`);
  return json(await render(ctx, [row]));
}

/** the POST body: application/x-www-form-urlencoded as the standard says, or JSON */
async function bodyOf(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object') throw new Open311Error(400, 'malformed JSON body');
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v == null ? '' : String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(await request.text()));
}

async function postRequest({ request, context }: HttpRouteKit) {
  const b = await bodyOf(request);
  const anonymous = await context(null);
  const viewer = await apiKeyViewer(anonymous.prisma, b.api_key);
  if (!viewer) throw new Open311Error(403, 'api_key is missing or invalid');
  const ctx = await context(viewer);
  const township = await jurisdiction(ctx, b.jurisdiction_id ?? null);
  if (!township.path.startsWith(viewer.regionPath) && !viewer.regionPath.startsWith(township.path))
    throw new Open311Error(403, 'the api_key’s account does not cover this jurisdiction');
  if (!CODES.includes(b.service_code as never)) throw new Open311Error(404, `service_code ${b.service_code} not found`);
  const lat = Number(b.lat);
  const long = Number(b.long);
  const checks = new Checks()
    .text(b.description, 'description', { min: 1, max: 4000 })
    .check(b.lat && Number.isFinite(lat) && lat >= 3 && lat <= 54, 'lat', 'lat is required (WGS-84, in China)')
    .check(b.long && Number.isFinite(long) && long >= 73 && long <= 136, 'long', 'long is required (WGS-84, in China)');
  const media = checkAttachments(checks, b.media_url ? [b.media_url] : [], 'media_url');
  checks.throwIfAny();
  // the community: address_id (a village/community code of the jurisdiction), else the account's own community
  const community = b.address_id
    ? await ctx.prisma.region.findUnique({ where: { code: b.address_id } })
    : await ctx.prisma.region.findUnique({ where: { id: viewer.regionId } });
  if (community?.level !== 'COMMUNITY' || !community.path.startsWith(township.path))
    throw new Open311Error(400, 'address_id must be the code of a community (村/社区) of the jurisdiction');
  const incident = await write(ctx, { module: MODULE, regionPath: community.path }, (w) =>
    createIncident(w, ctx, {
      grid: { id: null, communityId: community.id, regionPath: community.path },
      category: b.service_code!,
      priority: 'NORMAL',
      title: [...b.description!.trim()].slice(0, 30).join(''),
      description: b.description!.trim(),
      latitude: lat,
      longitude: long,
      attachmentUrls: media,
      channel: 'OPEN311',
    }),
  );
  return json([{ service_request_id: incident.id, service_notice: null, account_id: null }], 201);
}

export const open311Routes: HttpRoute[] = [
  {
    method: 'GET',
    path: `${BASE}/discovery.json`,
    handle: route(async ({ url }) =>
      json({
        changeset: '2026-12-01T00:00:00Z',
        contact: '各乡镇街道网格管理中心 (the township grid centre)',
        key_service: 'API keys are issued by administrators (GraphQL mutation createApiKey)',
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: `${url.origin}${BASE}`,
            changeset: '2026-12-01T00:00:00Z',
            type: 'production',
            formats: ['application/json'],
          },
        ],
      }),
    ),
  },
  {
    method: 'GET',
    path: `${BASE}/services.json`,
    handle: route(async ({ url, context }) => {
      await jurisdiction(await context(null), url.searchParams.get('jurisdiction_id'));
      return json(CODES.map(service));
    }),
  },
  {
    method: 'GET',
    path: `${BASE}/services/:code.json`,
    handle: route(async ({ url, params, context }) => {
      await jurisdiction(await context(null), url.searchParams.get('jurisdiction_id'));
      if (!CODES.includes(params.code as never)) throw new Open311Error(404, `service_code ${params.code} not found`);
      return json({ service_code: params.code, attributes: [] });
    }),
  },
  { method: 'GET', path: `${BASE}/requests.json`, handle: route(listRequests) },
  { method: 'POST', path: `${BASE}/requests.json`, handle: route(postRequest) },
  { method: 'GET', path: `${BASE}/requests/:id.json`, handle: route(oneRequest) },
];
