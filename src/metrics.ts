// 运行指标 (Prometheus): one registry per process, served on /metrics (README "Operating it"). Yoga's
// plugin measures requests by operation; the kernel counts what it alone knows: errors by code, job runs,
// domain events, logins, and the database pool.
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'dangjian_' });

const registers = [metricsRegistry];

export const metrics = {
  errors: new Counter({
    name: 'dangjian_graphql_errors_total',
    help: 'GraphQL errors in responses, by extensions.code',
    labelNames: ['code'] as const,
    registers,
  }),
  jobRuns: new Counter({
    name: 'dangjian_job_runs_total',
    help: 'background job runs, by job and outcome (ok, skipped: another instance held it, failed)',
    labelNames: ['job', 'outcome'] as const,
    registers,
  }),
  events: new Counter({
    name: 'dangjian_domain_events_total',
    help: 'domain events published, by type',
    labelNames: ['type'] as const,
    registers,
  }),
  logins: new Counter({
    name: 'dangjian_logins_total',
    help: 'login attempts, by outcome (ok, failed, throttled)',
    labelNames: ['outcome'] as const,
    registers,
  }),
};

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}
const pools = new Set<() => PoolStats>();

/** a PostgreSQL pool reported in the pool gauges while it is open (returns the deregistration) */
export function watchPool(stats: () => PoolStats): () => void {
  pools.add(stats);
  return () => pools.delete(stats);
}

new Gauge({
  name: 'dangjian_db_pool_connections',
  help: 'PostgreSQL pool connections by state (in use, idle) and requests waiting for one',
  labelNames: ['state'] as const,
  registers,
  collect() {
    const sum = { total: 0, idle: 0, waiting: 0 };
    for (const stats of pools) {
      const s = stats();
      sum.total += s.total;
      sum.idle += s.idle;
      sum.waiting += s.waiting;
    }
    this.set({ state: 'in_use' }, sum.total - sum.idle);
    this.set({ state: 'idle' }, sum.idle);
    this.set({ state: 'waiting' }, sum.waiting);
  },
});

export interface MetricsOptions {
  /** serve /metrics (default: on; in production only with a token) */
  enabled: boolean;
  /** when set, /metrics needs `Authorization: Bearer <token>` (METRICS_TOKEN) */
  token: string | null;
}

export function metricsFromEnv(env: NodeJS.ProcessEnv, production: boolean): MetricsOptions {
  const token = env.METRICS_TOKEN || null;
  if (token && token.length < 16) throw new Error('METRICS_TOKEN: at least 16 characters');
  return { enabled: !production || !!token, token };
}

/** Yoga's request metrics (rate and latency by operation) plus the kernel's, answered on GET /metrics */
export function useMetrics(options: MetricsOptions): Plugin[] {
  if (!options.enabled) return [];
  const endpoint: Plugin = {
    async onRequest({ url, request, endResponse }) {
      if (url.pathname !== '/metrics') return;
      if (options.token && request.headers.get('authorization') !== `Bearer ${options.token}`) {
        endResponse(new Response('metrics need the METRICS_TOKEN bearer token\n', { status: 401 }));
        return;
      }
      const body = await metricsRegistry.metrics();
      endResponse(new Response(body, { headers: { 'content-type': metricsRegistry.contentType } }));
    },
  };
  const yogaMetrics = usePrometheus({
    registry: metricsRegistry,
    endpoint: false,
    metrics: {
      graphql_yoga_http_duration: true,
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_error_result: true,
    },
  });
  return [endpoint, yogaMetrics];
}
