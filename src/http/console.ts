// 管理控制台: the web console's built files (console/dist, `npm run console:build`, also run by `postinstall`)
// served at /console from memory: hashed assets cached for a year, index.html revalidated, every client route
// (/console/...) answered with index.html. A missing build answers 503 with how to build it, never a crash.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

export const CONSOLE_DIST = path.resolve(import.meta.dirname, '../../console/dist');

/** scripts and styles from this server only (no inline script, no CDN), requests to this server only */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

interface Asset {
  body: Uint8Array;
  gzip: Uint8Array;
  type: string;
  cache: string;
}

function load(dir: string): Map<string, Asset> | null {
  if (!existsSync(path.join(dir, 'index.html'))) return null;
  const assets = new Map<string, Asset>();
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else {
        const body = new Uint8Array(readFileSync(path.join(dir, rel)));
        const type = TYPES[path.extname(name)] ?? 'application/octet-stream';
        // file names under assets/ carry a content hash: they never change, so browsers keep them
        const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        assets.set(rel, { body, gzip: gzipSync(body), type, cache });
      }
    }
  };
  walk('');
  return assets;
}

const NOT_BUILT =
  '管理控制台尚未构建 (the web console is not built).\n' +
  'Run `npm run console:build` (npm install does it in postinstall), then reload /console.\n';

/** serves /console; `dir` defaults to console/dist (read once, at the first request that finds it) */
export function useConsole(dir = CONSOLE_DIST): Plugin {
  let assets: Map<string, Asset> | null = null;
  const respond = (request: Request, asset: Asset) => {
    const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
    const headers: Record<string, string> = {
      'content-type': asset.type,
      'cache-control': asset.cache,
      'content-security-policy': CONSOLE_CSP,
      vary: 'Accept-Encoding',
    };
    if (gzip) headers['content-encoding'] = 'gzip';
    const body = gzip ? asset.gzip : asset.body;
    return new Response(request.method === 'HEAD' ? null : (body as unknown as BodyInit), { headers });
  };
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/console' && !url.pathname.startsWith('/console/')) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return endResponse(new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } }));
      }
      assets ??= load(dir);
      if (!assets) {
        const headers = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
        return endResponse(new Response(NOT_BUILT, { status: 503, headers }));
      }
      const rel = url.pathname.slice('/console/'.length);
      const file = rel && assets.get(rel);
      if (file) return endResponse(respond(request, file));
      // a missing hashed asset is a 404 (a stale page), anything else a client route of the console
      if (rel.startsWith('assets/')) return endResponse(new Response('not found', { status: 404 }));
      return endResponse(respond(request, assets.get('index.html')!));
    },
  };
}
