// HTTP-level hardening (生产模式): security headers on every response, the CSP of the GraphiQL page,
// CORS from an allow-list, and anonymous introspection switched off in production. createApp() takes
// these as options (testable in-process); bin/start.ts maps the environment onto them.
import { createHash } from 'node:crypto';
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import type { CORSOptions, GraphiQLOptions, Plugin, YogaInitialContext } from 'graphql-yoga';
import { renderOfflineGraphiQL } from './graphiql-page.js';

export interface HttpSecurityOptions {
  /** serve GraphiQL on GET /graphql from a browser (default: on, off in production) */
  graphiql: boolean;
  /** answer __schema/__type for anonymous requests (default: on, off in production); logged-in always may */
  introspection: boolean;
  /** browser origins allowed to call the API cross-origin, e.g. https://dangjian.example.gov.cn; none by default */
  corsOrigins: string[];
}

export const httpSecurityDefaults = (production: boolean): HttpSecurityOptions => ({
  graphiql: !production,
  introspection: !production,
  corsOrigins: [],
});

const flag = (value: string | undefined) => (value === undefined || value === '' ? undefined : value === 'true');

/** NODE_ENV=production, GRAPHIQL, INTROSPECTION, CORS_ORIGINS (entry points only) */
export function httpSecurityFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const production = env.NODE_ENV === 'production';
  const defaults = httpSecurityDefaults(production);
  const http: HttpSecurityOptions = {
    graphiql: flag(env.GRAPHIQL) ?? defaults.graphiql,
    introspection: flag(env.INTROSPECTION) ?? defaults.introspection,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
  for (const origin of http.corsOrigins) {
    // an exact origin only: '*' or a path would turn the allow-list into reflection
    if (origin === '*' || new URL(origin).origin !== origin) {
      throw new Error(`CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port])`);
    }
  }
  return { production, http };
}

// ---- headers and CSP -------------------------------------------------------------------------
/** the API answers JSON only: nothing may load, frame or submit anything from it */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The one CSP of the GraphiQL page: everything is inlined (served from the package, no CDN), its inline
 * scripts allowed by hash (no 'unsafe-inline' for scripts), requests to this server only, editor workers
 * from blob: URLs.
 */
export function graphiqlCsp(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
  return [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    "style-src 'unsafe-inline'",
    'font-src data:',
    "img-src 'self' data:",
    "connect-src 'self'",
    'worker-src blob:',
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

// ---- CORS ----------------------------------------------------------------------------------------
/**
 * Yoga's default CORS reflects any origin with credentials. Here: no CORS headers at all unless the
 * request's Origin is on the allow-list, then exactly that origin, without credentials (tokens travel
 * in the Authorization header, never in cookies).
 */
export function corsFrom(origins: string[]): false | ((request: Request) => CORSOptions | false) {
  if (!origins.length) return false;
  const allowed = new Set(origins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false;
    return {
      origin,
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'x-township'],
      exposedHeaders: ['retry-after'],
      maxAge: 600,
    };
  };
}

// ---- anonymous introspection ---------------------------------------------------------------------
function anonymousIntrospectionRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(
          new GraphQLError('匿名内省已关闭 (introspection is off for anonymous requests: log in first)', {
            nodes: [node],
            extensions: { code: 'UNAUTHENTICATED' },
          }),
        );
      }
    },
  };
}

export interface HttpSecurity {
  plugin: Plugin;
  cors: ReturnType<typeof corsFrom>;
  /** Yoga's GraphiQL renderer, remembering the page's CSP */
  renderGraphiQL: (options: GraphiQLOptions) => string;
}

export function createHttpSecurity(
  options: HttpSecurityOptions,
  isAnonymous: (request: Request) => Promise<boolean>,
): HttpSecurity {
  const refuseIntrospection = new WeakSet<Request>();
  let pageCsp = API_CSP;
  let pageHtml = '';
  const plugin: Plugin = {
    async onParams({ request }) {
      if (!options.introspection && (await isAnonymous(request))) refuseIntrospection.add(request);
    },
    onValidate({ addValidationRule, context }) {
      const request = (context as Partial<YogaInitialContext>).request;
      if (request && refuseIntrospection.has(request)) addValidationRule(anonymousIntrospectionRule);
    },
    onResponse({ response }) {
      for (const [name, value] of Object.entries(COMMON_HEADERS)) response.headers.set(name, value);
      const html = response.headers.get('content-type')?.startsWith('text/html');
      // a page that brings its own policy (the console, src/http/console.ts) keeps it
      if (!response.headers.has('content-security-policy')) {
        response.headers.set('Content-Security-Policy', html ? pageCsp : API_CSP);
      }
      if (response.headers.has('access-control-allow-origin')) response.headers.append('Vary', 'Origin');
    },
  };
  return {
    plugin,
    cors: corsFrom(options.corsOrigins),
    renderGraphiQL: (opts) => {
      const html = renderOfflineGraphiQL(opts ?? {});
      if (html !== pageHtml) pageCsp = graphiqlCsp((pageHtml = html));
      return html;
    },
  };
}
