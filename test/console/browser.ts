// The console in Debian's chromium (playwright-core, no browser download): a real server on loopback, every
// request that leaves the machine aborted and recorded (a test fails if any was made), console errors recorded.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { installedModules } from '../../modules/index.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers.js';
import { ensureConsoleBuilt } from './helpers.js';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM && process.env.CI) throw new Error('CI needs Debian chromium for the console browser tests');

export interface ConsoleBrowser {
  t: TestApp;
  base: string;
  browser: Browser;
  /** non-loopback requests the pages tried (each one aborted) */
  outside: string[];
  /** console errors and uncaught exceptions of every page (CSP violations show up here too) */
  errors: string[];
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startConsoleBrowser(): Promise<ConsoleBrowser> {
  ensureConsoleBuilt();
  const t = await createTestApp({ modules: installedModules });
  const server: Server = createServer(t.app.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const outside: string[] = [];
  const errors: string[] = [];
  const newPage = async (viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const local = ['127.0.0.1', 'localhost'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol);
      if (local) return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    return { context, page };
  };
  const close = async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  };
  return { t, base, browser, outside, errors, newPage, close };
}

/** logs in through the form, by its labels */
export async function logIn(page: Page, base: string, username: string) {
  await page.goto(`${base}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}
