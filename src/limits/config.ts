// 查询限制: the limits every request runs under, with their documented defaults (README "Limits and budgets").
/** connections: the page a client gets without `first`, and the most it may ask for */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Limits {
  /** 查询代价上限: the cost model's maximum (every field 1, multiplied through pages and list bounds) */
  maxCost: number;
  /** nesting depth of selections */
  maxDepth: number;
  /** aliases in one document */
  maxAliases: number;
  /** wall-clock budget of one query's execution; the work is cancelled when it runs out */
  executionMs: number;
  /** budget of the response: resolved data, measured while it is produced */
  responseBytes: number;
  /** 请求体上限: bytes of one request's body (413 past it) */
  requestBytes: number;
  /** 统计缓存: how long a figures-only answer may be served from memory while nothing changed (0: off) */
  statsCacheMs: number;
  /** token buckets: `burst` requests at once, refilled at `perSecond`; false switches rate limiting off */
  rateLimit: false | { anonymous: Bucket; account: Bucket; trustProxyHops: number };
}

export interface Bucket {
  burst: number;
  perSecond: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxCost: 50_000,
  maxDepth: 12,
  maxAliases: 30,
  executionMs: 1_500,
  responseBytes: 8 * 1024 * 1024,
  // Yoga's own default, kept: trusted documents and bulk inputs stay far below it
  requestBytes: 25_000_000,
  statsCacheMs: 60_000,
  rateLimit: { anonymous: { burst: 60, perSecond: 2 }, account: { burst: 300, perSecond: 20 }, trustProxyHops: 0 },
};

const num = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** the limits from the environment (entry points only; tests pass them to createApp) */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Limits {
  const d = DEFAULT_LIMITS;
  const rate = d.rateLimit as Exclude<Limits['rateLimit'], false>;
  return {
    maxCost: num(env.MAX_QUERY_COST, d.maxCost),
    maxDepth: num(env.MAX_QUERY_DEPTH, d.maxDepth),
    maxAliases: num(env.MAX_QUERY_ALIASES, d.maxAliases),
    executionMs: num(env.EXECUTION_TIMEOUT_MS, d.executionMs),
    responseBytes: num(env.MAX_RESPONSE_BYTES, d.responseBytes),
    requestBytes: num(env.MAX_REQUEST_BYTES, d.requestBytes),
    statsCacheMs: env.STATS_CACHE_TTL_MS === '0' ? 0 : num(env.STATS_CACHE_TTL_MS, d.statsCacheMs),
    rateLimit:
      env.RATE_LIMIT === 'off'
        ? false
        : {
            anonymous: {
              burst: num(env.RATE_LIMIT_ANON_BURST, rate.anonymous.burst),
              perSecond: num(env.RATE_LIMIT_ANON_PER_SECOND, rate.anonymous.perSecond),
            },
            account: {
              burst: num(env.RATE_LIMIT_ACCOUNT_BURST, rate.account.burst),
              perSecond: num(env.RATE_LIMIT_ACCOUNT_PER_SECOND, rate.account.perSecond),
            },
            trustProxyHops: Number(env.TRUST_PROXY_HOPS ?? 0) || 0,
          },
  };
}
