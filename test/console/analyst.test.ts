// An analyst in the browser: drill down from 昌吉州 to 木垒县, a chart with data (canvas pixels, not blank), the
// townships ranked, a CSV download (UTF-8 BOM), no personal data; and the pages at a tablet's width with no
// horizontal scroll. Embedded database only (it starts a server).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../helpers.js';
import { CHROMIUM, type ConsoleBrowser, logIn, startConsoleBrowser } from './browser.js';

let b: ConsoleBrowser;
let page: Page;

/** canvas pixels that are neither transparent nor near-white: what the chart actually drew */
const inkedPixels = (p: Page) =>
  p.evaluate(() => {
    const canvas = document.querySelector('.chart canvas') as HTMLCanvasElement | null;
    if (!canvas) return 0;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 0 && (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200)) inked++;
    }
    return inked;
  });

const horizontalOverflow = (p: Page) =>
  p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(!CHROMIUM || engine() === 'postgres')('console: analyst', () => {
  beforeAll(async () => {
    b = await startConsoleBrowser();
    ({ page } = await b.newPage());
    await logIn(page, b.base, 'analyst');
    await page.getByRole('heading', { name: /昌吉回族自治州 · 统计/ }).waitFor({ timeout: 60_000 });
  }, 180_000);
  afterAll(() => b?.close());

  it('drills down to 木垒县 and draws its series with data', async () => {
    await page.locator('section[aria-labelledby="drill-title"]').getByRole('link', { name: /木垒/ }).click();
    await page.getByRole('heading', { name: /木垒哈萨克自治县 · 统计/ }).waitFor();
    expect(await page.locator('.crumbs').innerText()).toContain('昌吉回族自治州');
    await page.getByLabel('指标').selectOption('volunteering.activities');
    await page.getByLabel('年份').selectOption('2024');
    await page.locator('.chart canvas').waitFor();
    // the whole year's count is in the heading; the canvas has the bars drawn
    await expect.poll(() => page.locator('#series-title').innerText()).toMatch(/合计 [1-9]\d*/);
    await expect.poll(() => inkedPixels(page), { timeout: 20_000 }).toBeGreaterThan(2000);
  });

  it('ranks the townships of 木垒县 and opens one of them', async () => {
    const rows = page.locator('table.ranking tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.first().innerText()).toMatch(/^1\s/);
    const name = (await rows.first().locator('a').innerText()).trim();
    await rows.first().locator('a').click();
    await page.getByRole('heading', { name: new RegExp(`${name} · 统计`) }).waitFor();
    // the choice stays while drilling down
    expect(await page.getByLabel('指标').inputValue()).toBe('volunteering.activities');
    await page.goBack();
    await page.getByRole('heading', { name: /木垒哈萨克自治县 · 统计/ }).waitFor();
  });

  it('downloads a CSV of 木垒县 that starts with the UTF-8 BOM', async () => {
    const button = page.getByRole('button', { name: /导出 CSV/ });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await expect
      .poll(() => page.locator('section[aria-labelledby="export-title"] [role="status"]').innerText())
      .toMatch(/行/);
  });

  it('shows figures only: no administrator pages, no personal names', async () => {
    expect(await page.getByRole('link', { name: /^模块/ }).count()).toBe(0);
    const text = await page.locator('body').innerText();
    for (const person of ['吴晓芳', '蒲晓', '马楠', '何福琴', '陈玉梅']) expect(text).not.toContain(person);
  });

  it('fits a tablet (768 px) without horizontal scroll, for the analyst and the township administrator', async () => {
    const analyst = await b.newPage({ width: 768, height: 1024 });
    await logIn(analyst.page, b.base, 'analyst');
    await analyst.page.getByRole('heading', { name: /· 统计/ }).waitFor();
    await analyst.page.locator('table.ranking tbody tr').first().waitFor();
    expect(await horizontalOverflow(analyst.page)).toBeLessThanOrEqual(0);
    const admin = await b.newPage({ width: 768, height: 1024 });
    await logIn(admin.page, b.base, 'beiwucha-admin');
    await admin.page.locator('article[data-module="grid"]').waitFor();
    await admin.page.locator('article[data-module="wishes"] summary').click();
    expect(await horizontalOverflow(admin.page)).toBeLessThanOrEqual(0);
    await admin.page.screenshot({ path: '/tmp/console-tablet-admin.png', fullPage: false });
    await page.screenshot({ path: '/tmp/console-analyst.png', fullPage: true });
    expect(b.outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
