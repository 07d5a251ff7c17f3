// 访问频率限制: token buckets, per IP for anonymous requests and per account for logged-in ones. Kept in
// memory per instance (documented): behind several instances each holds its own buckets, so a proxy in
// front should limit as well. A refused request gets 429, `Retry-After` and RATE_LIMITED.
import type { Plugin } from 'graphql-yoga';
import type { Bucket } from './config.js';

interface State {
  tokens: number;
  at: number;
}

const MAX_KEYS = 100_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, State>();

  constructor(private readonly bucket: Bucket) {}

  /** takes one token; returns 0 when granted, else the seconds until one is available */
  take(key: string, now = Date.now()): number {
    const { burst, perSecond } = this.bucket;
    const state = this.buckets.get(key) ?? { tokens: burst, at: now };
    state.tokens = Math.min(burst, state.tokens + ((now - state.at) / 1000) * perSecond);
    state.at = now;
    this.buckets.delete(key); // re-insert: the map's order is the order of last use
    this.buckets.set(key, state);
    if (this.buckets.size > MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    if (state.tokens >= 1) {
      state.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - state.tokens) / perSecond);
  }
}

interface NodeServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

/** the client's address: the socket's, or with `trustProxyHops` proxies in front the one they forwarded */
export function clientAddress(request: Request, serverContext: unknown, trustProxyHops: number): string {
  const socket = (serverContext as NodeServerContext | undefined)?.req?.socket?.remoteAddress ?? 'unknown';
  if (trustProxyHops <= 0) return socket;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustProxyHops] ?? forwarded[0] ?? socket;
}

export function useRateLimit(options: {
  anonymous: Bucket;
  account: Bucket;
  trustProxyHops: number;
  graphqlEndpoint: string;
  accountOf(request: Request): Promise<string | null>;
}): Plugin {
  const anonymous = new TokenBuckets(options.anonymous);
  const accounts = new TokenBuckets(options.account);
  return {
    async onRequest({ request, serverContext, url, endResponse, fetchAPI }) {
      if (url.pathname !== options.graphqlEndpoint) return;
      const account = await options.accountOf(request);
      const wait = account
        ? accounts.take(account)
        : anonymous.take(clientAddress(request, serverContext, options.trustProxyHops));
      if (!wait) return;
      const body = {
        errors: [
          {
            message: `请求过于频繁，请 ${wait} 秒后再试 (too many requests, retry after ${wait}s)`,
            extensions: { code: 'RATE_LIMITED', retryAfter: wait },
          },
        ],
      };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: 429,
          headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(wait) },
        }),
      );
    },
  };
}
