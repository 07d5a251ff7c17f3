// /console over HTTP (in-process): the built files with their cache headers and the console's CSP, client
// routes answered with index.html, and a clear 503 when the build is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { CONSOLE_CSP } from '../../src/http/console.js';
import { createTestApp, type TestApp } from '../helpers.js';
import { ensureConsoleBuilt } from './helpers.js';

let t: TestApp;
const get = (path: string, init: RequestInit = {}) => t.app.yoga.fetch(`http://test${path}`, init);

describe('/console', () => {
  beforeAll(async () => {
    ensureConsoleBuilt();
    t = await createTestApp({ seed: false });
  });
  afterAll(() => t?.close());

  it('serves index.html revalidated, with a CSP that allows scripts and styles from this server only', async () => {
    for (const path of ['/console', '/console/', '/console/modules/UmVnaW9uOjE', '/console/figures/x']) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(r.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      const html = await r.text();
      expect(html).toContain('<div id="app"></div>');
      // no inline script and nothing from another origin
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toMatch(/unsafe|https?:/);
  });

  it('serves the hashed assets for a year, gzip-compressed when asked, and 404 for an unknown asset', async () => {
    const html = await (await get('/console/')).text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const plain = await get(script);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = await plain.arrayBuffer();
    const gzip = await get(script, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('vary')).toContain('Accept-Encoding');
    expect((await get('/console/assets/gone-123.js')).status).toBe(404);
    expect((await get('/console/', { method: 'POST' })).status).toBe(405);
    expect(body.byteLength).toBeGreaterThan(1000);
  });

  it('answers 503 with how to build it when the build output is missing', async () => {
    const app = await createApp({
      db: t.db,
      modules: [],
      secret: new TextEncoder().encode('test-secret-test-secret-test-secret!!'),
      consoleDir: '/nonexistent/console-dist',
    });
    const r = await app.yoga.fetch('http://test/console/modules/x');
    expect(r.status).toBe(503);
    expect(r.headers.get('content-type')).toContain('text/plain');
    expect(await r.text()).toContain('npm run console:build');
    // the API itself is unaffected
    const api = await app.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(api.status).toBe(200);
    await app.live.hub.stop();
  });
});
