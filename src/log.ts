// 日志: pino, one JSON line per record (LOG_LEVEL, default info; `npm run dev` pipes it through pino-pretty).
// One line per request: request id (the client's X-Request-Id if sane, else a new one, echoed back),
// operation, account, role, township, status, duration, SQL statements and error codes. Nothing secret
// or personal is logged: no variables, no headers, and the keys below are redacted wherever they appear.
import { randomUUID } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { pino } from 'pino';
import { townshipPathOf } from './core/paths.js';
import { type RequestStatements, StatementCounter } from './db/statements.js';
import { metrics } from './metrics.js';

export interface Logger {
  info(record: Record<string, unknown>): void;
  warn(record: Record<string, unknown>): void;
  error(record: Record<string, unknown>): void;
}

export const REDACTED_KEYS = [
  'authorization',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'idNumber',
  'phone',
];

/** the process logger: JSON lines on stdout at LOG_LEVEL (debug, info, warn, error) */
export function createLogger(env: NodeJS.ProcessEnv = process.env, destination?: pino.DestinationStream): pino.Logger {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  return pino({ level: env.LOG_LEVEL ?? 'info', redact: { paths, censor: '[redacted]' } }, destination);
}

interface RequestRecord {
  id: string;
  started: number;
  statements: RequestStatements;
  operation: string | null;
  codes: string[];
}

const SANE_ID = /^[\w.:-]{1,64}$/;
type StateOf = (
  req: Request,
) => Promise<{ viewer: { username: string; role: string; regionPath: string } | null }> | undefined;

/** error codes of a result: GraphQL errors, and typed errors (a root payload carrying `code`) */
function codesOf(result: unknown): string[] {
  const r = result as { errors?: { extensions?: { code?: unknown } }[]; data?: Record<string, unknown> | null };
  const codes = (r.errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  for (const value of Object.values(r.data ?? {})) {
    const code = (value as { code?: unknown } | null)?.code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

/** the request log line, the X-Request-Id header, and the errors-by-code metric */
export function logRequests(logger: Logger, stateOf: StateOf): Plugin {
  const records = new WeakMap<Request, RequestRecord>();
  const recordOf = (request: Request) => {
    let rec = records.get(request);
    if (!rec) {
      const asked = request.headers.get('x-request-id');
      const id = asked && SANE_ID.test(asked) ? asked : randomUUID();
      rec = { id, started: performance.now(), statements: { count: 0 }, operation: null, codes: [] };
      records.set(request, rec);
    }
    return rec;
  };
  return {
    instrumentation: {
      request: ({ request }, wrapped) => StatementCounter.track(recordOf(request).statements, wrapped),
    },
    onParams({ params, request }) {
      recordOf(request).operation = params.operationName ?? null;
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (request)
        recordOf(request).operation = getOperationAST(args.document, args.operationName)?.name?.value ?? null;
    },
    onResultProcess({ request, result }) {
      const rec = recordOf(request);
      for (const one of Array.isArray(result) ? result : [result]) rec.codes.push(...codesOf(one));
    },
    async onResponse({ request, response }) {
      const rec = recordOf(request);
      response.headers.set('x-request-id', rec.id);
      for (const code of rec.codes) metrics.errors.inc({ code });
      const url = new URL(request.url);
      if (['/health', '/ready', '/metrics'].includes(url.pathname)) return;
      const viewer = (await stateOf(request)?.catch(() => undefined))?.viewer ?? null;
      logger.info({
        msg: 'request',
        requestId: rec.id,
        method: request.method,
        path: url.pathname,
        status: response.status,
        ms: Math.round((performance.now() - rec.started) * 10) / 10,
        operation: rec.operation,
        account: viewer?.username ?? null,
        role: viewer?.role ?? null,
        township: request.headers.get('x-township') ?? (viewer ? townshipPathOf(viewer.regionPath) : null),
        statements: rec.statements.count,
        errors: rec.codes,
      });
    },
  };
}
