import type { Plugin } from 'graphql-yoga';

export interface Logger {
  info(record: Record<string, unknown>): void;
  warn(record: Record<string, unknown>): void;
  error(record: Record<string, unknown>): void;
}

/** one JSON line per record on stdout/stderr: easy to ship to any log collector */
export const jsonLogger: Logger = {
  info: (r) => process.stdout.write(`${JSON.stringify({ level: 'info', time: new Date().toISOString(), ...r })}\n`),
  warn: (r) => process.stderr.write(`${JSON.stringify({ level: 'warn', time: new Date().toISOString(), ...r })}\n`),
  error: (r) => process.stderr.write(`${JSON.stringify({ level: 'error', time: new Date().toISOString(), ...r })}\n`),
};

/** structured request log: method, path, status, duration, operation and who asked */
export function logRequests(
  logger: Logger,
  stateOf: (req: Request) => Promise<{ viewer: { username: string } | null }> | undefined,
): Plugin {
  const started = new WeakMap<Request, number>();
  const operations = new WeakMap<Request, string>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onParams({ params, request }) {
      if (params.operationName) operations.set(request, params.operationName);
    },
    async onResponse({ request, response }) {
      const url = new URL(request.url);
      if (url.pathname === '/health' || url.pathname === '/ready') return;
      const state = await stateOf(request)?.catch(() => undefined);
      logger.info({
        msg: 'request',
        method: request.method,
        path: url.pathname,
        status: response.status,
        ms: Math.round((performance.now() - (started.get(request) ?? performance.now())) * 10) / 10,
        operation: operations.get(request) ?? null,
        user: state?.viewer?.username ?? null,
      });
    },
  };
}
