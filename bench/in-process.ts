// The in-process app the benchmarks drive through yoga.fetch (bench, bench:cpu, bench:scale, profile.ts):
// one way to build it, post a query and log in.
import { installedModules } from '../modules/index.js';
import { createApp } from '../src/app.js';
import type { Database } from '../src/db/index.js';
import type { Limits } from '../src/limits/config.js';

export const BENCH_PASSWORD = 'Bench-pass-1';

/**
 * The app over `db`, measuring the work: not the statistics cache (a read-only bench would be all hits) and
 * not the rate limiter (every in-process request comes from the same unknown address).
 */
export async function benchApp(db: Database, limits: Partial<Limits> = {}) {
  const app = await createApp({
    db,
    modules: installedModules,
    secret: new TextEncoder().encode('bench-secret-bench-secret-bench-secret'),
    limits: { statsCacheMs: 0, rateLimit: false, ...limits },
  });
  const post = async (query: string, token: string | null) => {
    const res = await app.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
    return body.data;
  };
  const login = async (user: string) =>
    (
      await post(
        `mutation { login(input: { username: "${user}", password: "${BENCH_PASSWORD}" }) {
          ... on LoginPayload { token } } }`,
        null,
      )
    ).login.token as string;
  return { app, post, login, fields: Object.keys(app.registry.full.getQueryType()!.getFields()) };
}
