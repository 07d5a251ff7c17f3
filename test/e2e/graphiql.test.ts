// GraphiQL offline (政务内网): Debian's chromium, driven by playwright-core, opens the page with every
// request that leaves the machine blocked, runs an example query as the analyst and opens the docs.
// Any outside request or console error fails the test. Skipped only when chromium is missing outside CI.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.js';
import { createTestApp, engine, type TestApp } from '../helpers.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM && process.env.CI) throw new Error('CI needs Debian chromium for the GraphiQL test');

let t: TestApp;
let server: Server;
let browser: Browser;
let page: Page;
let base = '';
const outside: string[] = [];
const FIGURES = 'query Figures { regionByCode(code: "652301") { name stats { communities } } }';
const consoleErrors: string[] = [];
/** the Authorization header of every schema introspection the page sent */
const introspections: string[] = [];

/** types one line into the focused Monaco editor, then drops the brackets and quotes it auto-closed */
async function typeInEditor(p: Page, text: string) {
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.type(text);
  await p.keyboard.press('Shift+End');
  await p.keyboard.press('Delete');
}

describe.skipIf(!CHROMIUM || engine() === 'postgres')('GraphiQL offline', () => {
  beforeAll(async () => {
    t = await createTestApp({ modules: installedModules });
    server = createServer(t.app.yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const local = ['127.0.0.1', 'localhost'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol);
      const body = route.request().postData() ?? '';
      if (body.includes('IntrospectionQuery')) introspections.push(route.request().headers().authorization ?? '');
      if (local) return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise((resolve) => server.close(resolve));
    await t?.close();
  });

  it('is served compressed, from the package, with a CSP that allows no other origin', async () => {
    const r = await fetch(`${base}/graphql`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(Number(r.headers.get('content-length'))).toBeLessThan(3_000_000);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    const html = await r.text();
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet[^>]+href="http/);
  });

  it('renders, runs an example query as the analyst, shows the result and the docs explorer', async () => {
    const token = await t.login('analyst');
    await page.goto(`${base}/graphql`);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 60_000 });
    // GraphiQL is ready once it has introspected (anonymously) and its editors are mounted
    await expect.poll(() => introspections.length, { timeout: 60_000 }).toBeGreaterThan(0);
    await page.locator('.graphiql-query-editor .view-lines').first().waitFor();
    // the analyst's token in the header editor: the schema is re-fetched with it (the module types appear)
    await page.getByText('Headers', { exact: true }).click();
    const headers = page.locator('.graphiql-editor-tool .monaco-editor').last();
    await headers.click();
    await typeInEditor(page, JSON.stringify({ Authorization: `Bearer ${token}` }));
    const typed = async () => (await headers.locator('.view-lines').innerText()).replace(/\s+/g, ' ');
    await expect.poll(typed, { timeout: 10_000 }).toBe(JSON.stringify({ Authorization: `Bearer ${token}` }));
    const query = page.locator('.graphiql-query-editor .monaco-editor').first();
    await query.click();
    await typeInEditor(page, FIGURES);
    const text = async (where: string) =>
      (await page.locator(`${where} .view-lines`).last().innerText()).replace(/\s+/g, ' ');
    await expect.poll(() => text('.graphiql-query-editor'), { timeout: 10_000 }).toBe(FIGURES);
    // GraphiQL takes the editor's text with a debounce: the tab is named after the operation once it has
    const tab = () => page.locator('.graphiql-tab-active').innerText();
    await expect.poll(tab, { timeout: 10_000 }).toContain('Figures');
    const answer = page.waitForResponse((r) => r.request().postData()?.includes('Figures') ?? false);
    await page.locator('.graphiql-execute-button').click();
    expect((await answer).ok()).toBe(true);
    await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 30_000 }).toContain('昌吉市');
    // the schema was fetched again with the analyst's token: the docs show what the analyst may query
    await expect.poll(() => introspections.includes(`Bearer ${token}`), { timeout: 30_000 }).toBe(true);
    await page.locator('[aria-label^="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').waitFor();
    const search = page.locator('.graphiql-doc-explorer-search-input input, .graphiql-doc-explorer input').first();
    await search.fill('VolunteerCorrectionRequest');
    const explorer = () => page.locator('.graphiql-doc-explorer').innerText();
    await expect.poll(explorer, { timeout: 30_000 }).toContain('VolunteerCorrectionRequest');
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
