import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSkus, enterOrder, startFulfillment, stockUp, type Client, type TestServer } from '../../plugins/fulfillment/test/api.js';
import { command, contrastFailures, showView, signedInPage, type WatchedPage } from '../helpers/browser.js';
import { OWNER } from '../helpers/client.js';
import { ROOT } from '../helpers/server.js';

// The owner's day in the browser: the home page's figures with uPlot charts (7 and 30 days), the
// audit log as sentences with the person's display name in both languages, and axe-core's
// contrast check on the home page, orders, settings and the audit log in light and dark.
const SHOTS = join(ROOT, 'test-results');

let server: TestServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
// The login page itself asks who is signed in first and is told 401.
let errorsAtLogIn = 0;

async function setLocale(locale: 'zh-CN' | 'en'): Promise<void> {
  const reply = await api.patch('/api/auth/me', { locale });
  expect(reply.status, reply.text).toBe(200);
  await page.evaluate((l) => localStorage.setItem('wb-locale', l), locale);
  await page.reload();
  await page.locator('wb-workbench').waitFor();
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  ({ server, owner: api } = await startFulfillment({ inProcess: true, listen: true }));
  const [sku] = await createSkus(api, 1, 'HOME');
  await stockUp(api, sku!, 'H-01-01-01', 50);
  await enterOrder(api, [{ sku: sku!, qty: 2 }], { buyerNick: 'tb_home1' });
  await enterOrder(api, [{ sku: sku!, qty: 1 }], { buyerNick: 'tb_home2' });
  ({ browser, watched: owner, page, errorsAtLogIn } = await signedInPage(server.url, OWNER, 15_000));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('home and words in Chromium', () => {
  it('the owner’s home page shows today’s figures and uPlot charts of 7 and 30 days', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const widget = page.locator('wb-fulfillment-sales-widget');
    await expect.poll(() => widget.locator('.sales dd').textContent()).toBe('¥297.00');
    await expect(widget.locator('.paid dd').textContent()).resolves.toBe('2');
    await expect(widget.locator('.review dd').textContent()).resolves.toBe('2');
    const chart = widget.locator('wb-chart.sales-chart');
    await expect.poll(() => chart.locator('.uplot canvas').count()).toBeGreaterThan(0);
    await expect(chart.locator('table.sr tr').first().locator('th[scope=col]').count()).resolves.toBe(7);
    await expect(chart.locator('table.sr td').last().textContent()).resolves.toBe('¥297.00');
    await widget.locator('.range button[data-days="30"]').click();
    await expect.poll(() => chart.locator('table.sr tr').first().locator('th[scope=col]').count()).toBe(30);
    await page.screenshot({ path: join(SHOTS, 'home-1440-light-zh.png') });
    await widget.locator('.range button[data-days="7"]').click();
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
  });
  it('the audit log reads as sentences with the owner’s display name', async () => {
    await command(page, '打开操作日志');
    const rows = page.locator('wb-audit-page wb-data-table [role=row]');
    await expect.poll(async () => (await rows.allTextContents()).join('\n'), { timeout: 15_000 }).toMatch(/王店长：手工录入订单（对象 \d+）/);
    expect((await rows.allTextContents()).join('\n')).not.toMatch(/POST \//);
  });

  /** Each page of the owner's day, shown in turn, with axe-core's contrast failures on it. */
  async function contrastOfPages(theme: string): Promise<string[]> {
    const failures: string[] = [];
    const check = async (name: string) => {
      await page.waitForTimeout(300);
      failures.push(...(await contrastFailures(page)).map((f) => `${theme} ${name} ${f}`));
    };
    await command(page, '打开首页');
    await page.locator('wb-fulfillment-sales-widget wb-chart.sales-chart .uplot').waitFor();
    await check('home');
    await showView(page, '订单');
    await page.locator('wb-fulfillment-orders wb-data-table [role=row]').nth(1).waitFor();
    await check('orders');
    await command(page, '打开设置');
    await page.locator('wb-settings-page wb-schema-form').first().waitFor();
    await check('settings');
    await command(page, '打开操作日志');
    await page.locator('wb-audit-page wb-data-table [role=row]').nth(1).waitFor();
    await check('audit');
    return failures;
  }

  it('axe-core finds no contrast failure on home, orders, settings and the audit log, light and dark', async () => {
    const light = await contrastOfPages('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const dark = await contrastOfPages('dark');
    await command(page, '打开首页');
    await page.locator('wb-fulfillment-sales-widget wb-chart.sales-chart .uplot').waitFor();
    await page.screenshot({ path: join(SHOTS, 'home-1440-dark-zh.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: join(SHOTS, 'home-1024-dark-zh.png') });
    expect([...light, ...dark]).toEqual([]);
  });

  it('in English: the audit log’s sentences and the home page', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await setLocale('en');
    await command(page, 'Open the audit log');
    const rows = page.locator('wb-audit-page wb-data-table [role=row]');
    await expect.poll(async () => (await rows.allTextContents()).join('\n'), { timeout: 15_000 }).toMatch(/王店长: enter an order by hand \(\d+\)/);
    await command(page, 'Open home');
    const widget = page.locator('wb-fulfillment-sales-widget');
    await expect.poll(() => widget.locator('.sales dt').textContent()).toBe('Sales today');
    await widget.locator('wb-chart.sales-chart .uplot').waitFor();
    await page.screenshot({ path: join(SHOTS, 'home-1024-light-en.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(SHOTS, 'home-1440-dark-en.png') });
    expect(await contrastFailures(page)).toEqual([]);
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
  });
});
