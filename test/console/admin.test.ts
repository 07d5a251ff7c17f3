// A township administrator in the browser: 北五岔镇's module cards, the grid switch off with a note (the card
// changes, the township's schema loses `grids`, the audit trail shows it), back on; an out-of-range setting
// refused by the server next to its field; labels and keyboard order. Embedded database only (it starts a server).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../helpers.js';
import { CHROMIUM, type ConsoleBrowser, logIn, startConsoleBrowser } from './browser.js';

let b: ConsoleBrowser;
let page: Page;
const BEIWUCHA = '652324104';

/** the fields of Query in the schema an anonymous request naming 北五岔镇 gets */
async function townshipQueryFields(): Promise<string[]> {
  const r = await b.t.gql(
    '{ __schema { queryType { fields { name } } } }',
    {},
    { headers: { 'x-township': BEIWUCHA } },
  );
  return r.data.__schema.queryType.fields.map((f: { name: string }) => f.name);
}

describe.skipIf(!CHROMIUM || engine() === 'postgres')('console: township administrator', () => {
  beforeAll(async () => {
    b = await startConsoleBrowser();
    ({ page } = await b.newPage());
    await logIn(page, b.base, 'beiwucha-admin');
    await page.getByRole('heading', { name: /北五岔镇 · 模块/ }).waitFor({ timeout: 60_000 });
  }, 180_000);
  afterAll(() => b?.close());

  it('shows one card per installed module with its state and where it comes from', async () => {
    const card = page.locator('article[data-module="grid"]');
    await card.waitFor();
    await expect.poll(() => page.locator('article.card').count()).toBeGreaterThanOrEqual(7);
    expect(await card.locator('.state').innerText()).toMatch(/已启用.*继承自.*昌吉回族自治州/s);
    expect(page.url()).toMatch(/\/console\/modules\//);
  });

  it('switches grid off with a note: the card changes, the schema loses grids, the audit trail shows it', async () => {
    expect(await townshipQueryFields()).toContain('grids');
    const card = page.locator('article[data-module="grid"]');
    await card.getByLabel('说明').fill('网格试点调整');
    await card.getByRole('switch').click();
    await expect.poll(() => card.locator('.state').innerText()).toMatch(/已停用.*本级设置/s);
    expect(await card.getByRole('switch').getAttribute('aria-checked')).toBe('false');
    expect(await townshipQueryFields()).not.toContain('grids');
    const audit = page.locator('section.audit tbody tr').first();
    await expect.poll(() => audit.innerText()).toContain('网格试点调整');
    expect(await audit.innerText()).toMatch(/停用.*grid/s);

    await card.getByRole('switch').click();
    await expect.poll(() => card.locator('.state').innerText()).toMatch(/已启用.*本级设置/s);
    expect(await townshipQueryFields()).toContain('grids');
  });

  it('shows a dependency refusal in words and leaves the switch as it was', async () => {
    // consultation depends on party-building: party-building cannot go off while consultation is on
    const consultation = page.locator('article[data-module="consultation"]');
    expect(await consultation.locator('.depends').innerText()).toContain('party-building');
    const card = page.locator('article[data-module="party-building"]');
    await card.getByRole('switch').click();
    const alert = card.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('consultation');
    expect(await card.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    expect(await card.getByRole('switch').getAttribute('aria-describedby')).toBe('switch-error-party-building');
  });

  it('refuses an out-of-range setting with the server’s message next to the field', async () => {
    const card = page.locator('article[data-module="wishes"]');
    await card.locator('summary').click();
    const field = card.getByLabel('认领兑现期限');
    await field.fill('999');
    await card.getByRole('button', { name: '保存' }).click();
    const message = card.locator('#setting-wishes-claimDeadlineDays-error');
    await message.waitFor();
    expect(await message.innerText()).toMatch(/90/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain('setting-wishes-claimDeadlineDays-error');
    // a value in range is saved and shows up as set here
    await field.fill('21');
    await card.getByRole('button', { name: '保存' }).click();
    await card.getByRole('status').waitFor();
    await expect.poll(() => card.locator('#setting-wishes-claimDeadlineDays-hint').innerText()).toContain('本级设置');
  });

  it('reaches the note, the switch and the settings form by keyboard', async () => {
    const card = page.locator('article[data-module="wishes"]');
    await card.getByLabel('说明').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('switch');
    // on through the card: the settings' first field comes before the next card
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''));
    }
    expect(seen).toContain('setting-wishes-maxOpenClaims');
  });

  it('logs out: back to the login form, the token gone from sessionStorage', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByLabel('用户名').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(b.outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
