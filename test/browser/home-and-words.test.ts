import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSkus, enterOrder, startFulfillment, stockUp, type Client, type TestServer } from '../../plugins/fulfillment/test/api.js';
import { launchChromium, logIn, openPage, type WatchedPage } from '../helpers/browser.js';
import { OWNER } from '../helpers/client.js';
import { ROOT } from '../helpers/server.js';

// The owner's day in the browser: the home page's figures with uPlot charts (7 and 30 days), the
// audit log as sentences with the person's display name in both languages, and axe-core's
// contrast check on the home page, orders, settings and the audit log in light and dark.
const SHOTS = join(ROOT, 'test-results');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server: TestServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
// The login page itself asks who is signed in first and is told 401.
let errorsAtLogIn = 0;

async function command(p: Page, text: string): Promise<void> {
  await p.keyboard.press('Control+Shift+P');
  await p.keyboard.type(text);
  await p.keyboard.press('Enter');
}

async function setLocale(locale: 'zh-CN' | 'en'): Promise<void> {
  const reply = await api.patch('/api/auth/me', { locale });
  expect(reply.status, reply.text).toBe(200);
  await page.evaluate((l) => localStorage.setItem('wb-locale', l), locale);
  await page.reload();
  await page.locator('wb-workbench').waitFor();
}

/** Contrast failures axe-core finds on what the page shows now, as `selector: why` lines. */
async function contrastFailures(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ content: await readFile(AXE, 'utf8') });
  return p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`));
  });
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  ({ server, owner: api } = await startFulfillment());
  const [sku] = await createSkus(api, 1, 'HOME');
  await stockUp(api, sku!, 'H-01-01-01', 50);
  await enterOrder(api, [{ sku: sku!, qty: 2 }], { buyerNick: 'tb_home1' });
  await enterOrder(api, [{ sku: sku!, qty: 1 }], { buyerNick: 'tb_home2' });
  browser = await launchChromium();
  owner = await openPage(browser, server.url);
  page = owner.page;
  page.setDefaultTimeout(15_000);
  await logIn(page, OWNER.username, OWNER.password, server.url);
  errorsAtLogIn = owner.errors.length;
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
});
