// 模块 HTTP 路由: plain REST endpoints a module contributes (Open311 GeoReport v2 …) without the kernel
// importing it. A module lists `httpRoutes` in its manifest; the kernel mounts them as one Yoga plugin
// (`onRequest`, src/app.ts) before GraphQL. A route gets the request, its path parameters and a way to build
// the resolver Context for a viewer it authenticated itself (e.g. by an API key), so the module's own write
// units, switches, settings and audit apply exactly as in GraphQL.
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';

export interface HttpRouteKit {
  request: Request;
  url: URL;
  /** values of `:name` segments of the route's path */
  params: Record<string, string>;
  /** the resolver context for `viewer` (null: anonymous), with the request's switch snapshot */
  context(viewer: Viewer | null): Promise<Context>;
}

export interface HttpRoute {
  method: 'GET' | 'POST';
  /** e.g. "/open311/v2/requests/:id.json": a `:name` segment matches up to the next "/" or "." */
  path: string;
  handle(kit: HttpRouteKit): Promise<Response>;
}

interface Compiled {
  route: HttpRoute;
  pattern: RegExp;
  names: string[];
}

function compile(route: HttpRoute): Compiled {
  const names: string[] = [];
  const source = route.path
    .split(/(:[a-zA-Z]+)/)
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/.]+)';
    })
    .join('');
  return { route, pattern: new RegExp(`^${source}$`), names };
}

function decoded(names: string[], m: RegExpExecArray): Record<string, string> | null {
  try {
    return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
  } catch {
    return null;
  }
}

/** the Yoga plugin serving every module's routes; other paths fall through to GraphQL */
export function useModuleRoutes(
  routes: readonly HttpRoute[],
  contextFor: (request: Request, viewer: Viewer | null) => Promise<Context>,
): Plugin {
  const compiled = routes.map(compile);
  return {
    async onRequest({ request, url, endResponse }) {
      let pathMatched = false;
      for (const c of compiled) {
        const m = c.pattern.exec(url.pathname);
        if (!m) continue;
        pathMatched = true;
        if (c.route.method !== request.method) continue;
        const params = decoded(c.names, m);
        // a malformed escape (%E0%A4%A) names no record: not found, never an exception
        if (!params) return endResponse(Response.json([{ code: 404, description: 'not found' }], { status: 404 }));
        endResponse(await c.route.handle({ request, url, params, context: (v) => contextFor(request, v) }));
        return;
      }
      if (pathMatched) endResponse(new Response(null, { status: 405 }));
    },
  };
}
