// A keep-alive HTTP load client for the benchmarks that compare servers over real sockets (bench:token):
// node:http with one socket per client, so the client's own cost stays small and the same for both sides.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';

/** `concurrency` clients POSTing `body` to `url` for `durationMs`: requests per second */
export async function httpLoad(url: string, body: string, durationMs: number, concurrency: number, token?: string) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const headers = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  let done = 0;
  const end = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await one();
        done++;
      }
    }),
  );
  agent.destroy();
  return done / (durationMs / 1000);
}

/**
 * A token from a server running as deployed: production accepts only trusted documents from anonymous
 * clients, so the login is the committed `Login` document (recognised by its text), not an ad-hoc mutation.
 */
export async function loginOverHttp(url: string, username: string, password: string): Promise<string> {
  const query = readFileSync(join(import.meta.dirname, '../trusted-documents/session.graphql'), 'utf8');
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, operationName: 'Login', variables: { username, password } }),
  });
  const body = (await res.json()) as { data?: { login?: { token?: string } }; errors?: unknown[] };
  const token = body.data?.login?.token;
  if (!token) throw new Error(`login as ${username} failed: ${JSON.stringify(body).slice(0, 300)}`);
  return token;
}
