// createApp(): the kernel assembled for one database and one list of modules. Used by the server,
// the schema printer and the tests (which call `app.yoga.fetch` in-process).
import { createYoga, useReadinessCheck, type Plugin } from 'graphql-yoga';
import { TokenService } from './auth/token.js';
import type { Viewer } from './auth/viewer.js';
import { viewerResolver } from './auth/request-viewer.js';
import { makeAudit, systemClock, type Clock, type Context } from './context.js';
import { ModuleGate } from './core/gate.js';
import { SwitchCache } from './core/switch-cache.js';
import { STATS_CACHE_DEFAULTS, useStatsCache } from './core/stats-cache.js';
import { SettingsReader } from './core/settings.js';
import type { Database } from './db/index.js';
import { EventBus } from './events.js';
import { JobRunner } from './jobs.js';
import { EXAMPLE_OPERATIONS } from './graphiql.js';
import { compressedPages } from './http/graphiql-page.js';
import { readinessCheck } from './http/readiness.js';
import { type Tracing, useTracing } from './tracing.js';
import { type TrustedDocumentsOptions, useTrustedDocuments } from './http/trusted-documents.js';
import { type MetricsOptions, useMetrics } from './metrics.js';
import type { ModuleDefinition } from './modules.js';
import { SchemaRegistry } from './schema.js';
import { logRequests, type Logger } from './log.js';
import { createHttpSecurity, httpSecurityDefaults, type HttpSecurityOptions } from './http/security.js';
import { RequestBudget, useExecutionBudget } from './limits/budget.js';
import { DEFAULT_LIMITS, type Limits } from './limits/config.js';
import { useQueryLimits } from './limits/cost.js';
import { useRateLimit } from './limits/rate-limit.js';
import { requestGuard } from './input/request-guard.js';
import { useRequestBodyLimit } from './http/body-limit.js';
import { LIVE_DEFAULTS, LiveHub, type LiveOptions } from './live/hub.js';
import { notifier } from './live/notify.js';
import { LiveService } from './live/service.js';
import { useLiveEventIds } from './live/sse.js';
import { useModuleRoutes } from './kit/http-routes.js';
import { useConsole } from './http/console.js';
import { EXPORT_EXAMPLES } from './core/exports/examples.js';
import { exportRoute } from './core/exports/route.js';
import { ExportService, type ExportOptions } from './core/exports/service.js';

export interface AppOptions {
  db: Database;
  modules: readonly ModuleDefinition[];
  secret: Uint8Array;
  clock?: Clock;
  logger?: Logger;
  /** 生产模式: GraphiQL and anonymous introspection off unless `http` turns them on (README Production mode) */
  production?: boolean;
  /** HTTP hardening: GraphiQL, anonymous introspection, CORS allow-list (defaults follow `production`) */
  http?: Partial<HttpSecurityOptions>;
  /** /metrics (default: on without a token; entry points read METRICS_TOKEN with metricsFromEnv) */
  metrics?: MetricsOptions;
  /** OpenTelemetry: operation spans (entry points read the environment with tracingFromEnv) */
  tracing?: Tracing | null;
  /** 受信文档: enforce (default in production) and the roles that may send any operation */
  trustedDocuments?: TrustedDocumentsOptions;
  /** 查询限制 (defaults: DEFAULT_LIMITS; entry points read them with limitsFromEnv) */
  limits?: Partial<Limits>;
  /** 实时推送: the Last-Event-ID replay window and reconnect delay (defaults: LIVE_DEFAULTS) */
  live?: Partial<LiveOptions>;
  /** 管理控制台: the folder of the console's build (default console/dist; tests point it elsewhere) */
  consoleDir?: string;
  /** 数据导出: expiry, per-account limit (entry points read them with exportOptionsFromEnv) */
  exports?: Partial<ExportOptions>;
}

interface RequestState {
  viewer: Viewer | null;
  gate: ModuleGate;
  moduleIds: string[];
  /** anonymous and no township named: the core plus the modules' public fields (registry.publicSchema) */
  publicOnly: boolean;
  dataVersion: string | null;
}

export type App = Awaited<ReturnType<typeof createApp>>;

export async function createApp(options: AppOptions) {
  const { db } = options;
  const clock = options.clock ?? systemClock;
  const tokens = new TokenService(options.secret);
  const registry = new SchemaRegistry(options.modules, {
    signToken: (a, now) => tokens.sign({ accountId: a.id, tokenVersion: a.tokenVersion }, now),
  });
  const events = new EventBus(registry.modules);
  events.onSettle(notifier(registry.modules));
  const exports = new ExportService(db, registry.modules, clock, options.exports, options.logger);
  const jobs = new JobRunner(db, registry.modules, clock, events, options.logger, exports.jobs());
  const states = new WeakMap<Request, Promise<RequestState>>();
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  /** set when shutdown begins: /ready answers 503 so a load balancer stops sending while requests drain */
  let draining = false;
  const switchCache = new SwitchCache(db.prisma);
  const resolveViewer = viewerResolver(db.read, tokens, clock, switchCache);
  const hub = new LiveHub(db, clock, { ...LIVE_DEFAULTS, ...options.live }, options.logger);
  // each delivery reads the viewer and switches again: a revoked token or a switched-off module counts at once
  const live = new LiveService(
    hub,
    async (ctx) => {
      const request = new Request(ctx.request.url, { headers: ctx.request.headers });
      const { viewer, snapshot } = await resolveViewer(request);
      if (ctx.viewer && viewer?.accountId !== ctx.viewer.accountId) return null;
      const gate = new ModuleGate(db.prisma, registry.modules, snapshot);
      return { ...ctx, request, viewer, gate, settings: new SettingsReader(db.prisma, registry.modules) };
    },
    (ctx, typename, id) => registry.readNode(ctx, typename, id),
  );

  function requestState(request: Request): Promise<RequestState> {
    let state = states.get(request);
    if (!state) {
      state = (async () => {
        const { viewer, snapshot, scope, dataVersion } = await resolveViewer(request);
        const gate = new ModuleGate(db.prisma, registry.modules, snapshot);
        const moduleIds = scope ? await gate.enabledWithin(scope) : [];
        return { viewer, gate, moduleIds, publicOnly: !scope, dataVersion };
      })();
      states.set(request, state);
    }
    return state;
  }

  const trusted = options.trustedDocuments ?? {
    enforce: options.production ?? false,
    arbitraryRoles: ['ANALYST', 'SYSTEM_ADMIN'],
  };
  const contextOf = (request: Request, viewer: Viewer | null, gate: ModuleGate, moduleIds: string[]): Context => ({
    prisma: db.prisma,
    viewer,
    gate,
    settings: new SettingsReader(db.prisma, registry.modules),
    moduleIds,
    clock,
    request,
    audit: makeAudit(viewer),
    publish: async (tx, event) => {
      await events.publish(tx, event, clock.now());
    },
    services: { events, live, exports },
    budget: new RequestBudget(limits.responseBytes),
  });
  // module HTTP routes (Open311 …): the viewer is whoever the route authenticates (an API key), not the bearer
  // GET /exports/{id} is the kernel's: its viewer is the bearer token's account
  const exportDownload = exportRoute(db, clock, exports, async (request) => (await requestState(request)).viewer);
  const routes = useModuleRoutes(
    [exportDownload, ...registry.modules.flatMap((m) => m.httpRoutes ?? [])],
    async (request, viewer) => contextOf(request, viewer, (await requestState(request)).gate, []),
  );
  const plugins: Plugin[] = [
    routes,
    useConsole(options.consoleDir),
    // 受信文档: a hash becomes its committed document before anything looks at the operation
    ...useTrustedDocuments(trusted, async (request) => (await requestState(request)).viewer?.role ?? null),
    // 输入守卫: over-deep documents and malformed cursors get VALIDATION before anything runs
    requestGuard(),
    // 查询限制: cost, depth, aliases and introspection refused before execution; time and size budgeted during it
    useQueryLimits(limits),
    useExecutionBudget(limits.executionMs),
    // 统计缓存: figures-only answers per role, area, module set and data version (src/core/stats-cache.ts)
    useStatsCache({ ...STATS_CACHE_DEFAULTS, ttlMs: limits.statsCacheMs }, async (request) => {
      const { viewer, moduleIds, dataVersion } = await requestState(request);
      if (!viewer || !dataVersion) return null;
      // time-relative figures (overdue as of now) stay within one TTL of the clock, the injected one in tests
      const period = Math.floor(clock.now().getTime() / Math.max(limits.statsCacheMs, 1));
      return [viewer.role, viewer.regionPath, moduleIds.join(','), dataVersion, period].join('|');
    }),
    useReadinessCheck({ endpoint: '/ready', check: readinessCheck(db, jobs, () => draining) }),
    // after every request parser: it wraps the one chosen
    useRequestBodyLimit(limits.requestBytes),
  ];
  if (options.tracing) plugins.unshift(useTracing(options.tracing));
  if (limits.rateLimit) {
    plugins.unshift(
      useRateLimit({
        ...limits.rateLimit,
        graphqlEndpoint: '/graphql',
        accountOf: async (request) => (await requestState(request)).viewer?.accountId ?? null,
      }),
    );
  }
  if (options.logger) plugins.push(logRequests(options.logger, (req) => states.get(req)));
  const http: HttpSecurityOptions = { ...httpSecurityDefaults(options.production ?? false), ...options.http };
  const security = createHttpSecurity(http, async (request) => !(await requestState(request)).viewer);
  plugins.push(security.plugin, compressedPages(), ...useMetrics(options.metrics ?? { enabled: true, token: null }));
  plugins.push(useLiveEventIds());

  const yoga = createYoga<Record<string, unknown>, Context>({
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    logging: options.logger ? 'warn' : false,
    maskedErrors: true,
    maxRequestBodySize: false,
    cors: security.cors,
    renderGraphiQL: security.renderGraphiQL,
    graphiql: http.graphiql && {
      title: '党建引领基层治理 GraphQL',
      // a hint, not a credential: until a real token replaces it the request is simply anonymous
      defaultHeaders: JSON.stringify({ Authorization: 'Bearer <paste the token from Login here>' }, null, 2),
      headers: JSON.stringify({ Authorization: 'Bearer <paste the token from Login here>' }, null, 2),
      defaultEditorToolsVisibility: 'headers',
      defaultQuery: [
        EXAMPLE_OPERATIONS,
        EXPORT_EXAMPLES,
        ...registry.modules.filter((m) => m.examples).map((m) => `# ---- ${m.title} ${m.id}\n${m.examples!.trim()}\n`),
      ].join('\n'),
    },
    schema: async ({ request }) => {
      const state = await requestState(request);
      return state.publicOnly ? registry.publicSchema() : registry.schemaFor(state.moduleIds);
    },
    context: async ({ request }): Promise<Context> => {
      const { viewer, gate, moduleIds } = await requestState(request);
      return contextOf(request, viewer, gate, moduleIds);
    },
    plugins,
  });

  const drain = () => {
    draining = true;
  };
  return { yoga, registry, db, clock, tokens, jobs, events, live, exports, drain };
}
