import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, logIn, openPage, SCREENSHOTS, showView } from '../helpers/browser.js';
import { OWNER, type Client } from '../helpers/client.js';
import { copyPhrase } from '../helpers/phrase-panel.js';
import { startInProcess } from '../helpers/in-process.js';
import type { TestServer } from '../helpers/server.js';
import { createSkus, enterOrder } from '../helpers/shop-fixtures.js';

// An agent answers from the phrase panel with the keyboard only: the order number, a shortcut,
// Enter — the phrase filled from the order is copied; then by pinyin initials and arrows. The
// library's editor previews as one types and says where an unknown placeholder stands.
let server: TestServer;
let browser: Browser;
let owner: Client;
let page: Page;
let orderNo: string;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  ({ server, owner } = await startInProcess({ plugins: [], enabled: ['listings', 'fulfillment', 'cs-scripts'], listen: true, clock: 'system' }));
  const skus = await createSkus(owner, 1, 'BR');
  orderNo = (await enterOrder(owner, [{ sku: skus[0]! }], { buyerNick: 'tb_小雨' })).orderNo;
  browser = await launchChromium();
  const watched = await openPage(browser, server.url, { expectedStatuses: [400] });
  page = watched.page;
  page.setDefaultTimeout(10_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, OWNER.username, OWNER.password, server.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

it('keyboard only: order number, :shortcut, Enter copies the filled phrase; pinyin and arrows too', async () => {
  await showView(page, '快捷短语');
  const panel = page.locator('wb-cs-scripts-phrases');
  const search = panel.locator('#search');
  const status = await copyPhrase(page, orderNo, 'state');
  await expect.poll(() => status.textContent()).toContain(`订单 ${orderNo}（`);
  await expect(status.textContent()).resolves.toContain('已付款，等待审单');

  // Pinyin initials of 退换 (支持七天无理由退换…): the list narrows, ↓ and Enter copy the second.
  await search.fill('');
  await page.keyboard.type('th');
  await expect.poll(() => panel.locator('li[role=option]').count()).toBeGreaterThan(1);
  await page.keyboard.press('ArrowDown');
  const second = await panel.locator('li[aria-selected=true] .text').textContent();
  await page.keyboard.press('Enter');
  await expect.poll(() => status.textContent()).toContain((second ?? '').slice(0, 6));

  // The remark for the same order, 工号 typed (no staff list here), purple flag: the panel's order box.
  const tools = panel.locator('wb-cs-scripts-desk-tools');
  await tools.locator('summary').first().click();
  await tools.locator('#note').fill('送袜子一双');
  await tools.locator('#agent-no').fill('3');
  await tools.locator('#note').press('Enter');
  await expect.poll(() => tools.locator('[role=status]').first().textContent()).toBe('已写入：3+申通+送袜子一双');
  await page.screenshot({ path: join(SCREENSHOTS, 'cs-phrases-panel.png') });
});

it('the editor previews from an order and refuses an unknown placeholder where it stands', async () => {
  await showView(page, '短语库');
  const editor = page.locator('wb-cs-scripts-library');
  await editor.locator('textarea').waitFor();
  await editor.locator('input').filter({ hasNot: page.locator('[type=file]') }).last().fill(orderNo);
  await editor.locator('textarea').fill('{买家}您好，单号{订单号}');
  await expect.poll(() => editor.locator('.preview').textContent()).toBe(`tb_小雨您好，单号${orderNo}`);
  await editor.locator('textarea').fill('您好{快递单}');
  await expect.poll(() => editor.locator('[role=alert]').textContent()).toContain('{快递单}（第 3 个字');
  await page.screenshot({ path: join(SCREENSHOTS, 'cs-phrases-editor.png') });
});

it('in English at 1024×700: the panel and the library speak English, the phrases stay the shop\'s own', async () => {
  const switched = await page.evaluate(async () => {
    const r = await fetch('/api/auth/me', { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'X-Workbench-Request': '1' }, body: JSON.stringify({ locale: 'en' }) });
    return r.status;
  });
  expect(switched).toBe(200);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.reload();
  await showView(page, 'Quick phrases');
  const copied = await copyPhrase(page, orderNo, 'state');
  await expect.poll(() => copied.textContent()).toMatch(/^Copied/);
  await page.screenshot({ path: join(SCREENSHOTS, 'cs-phrases-panel-1024-en.png') });
  await showView(page, 'Phrase library');
  await page.locator('wb-cs-scripts-library textarea').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'cs-phrases-library-1024-en.png') });
});
