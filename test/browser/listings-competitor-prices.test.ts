import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, logIn, openPage, SCREENSHOTS, showView, type WatchedPage } from '../helpers/browser.js';
import { OWNER, setupOwner, type Client } from '../helpers/client.js';
import { serveInProcess } from '../helpers/in-process.js';
import type { TestServer } from '../helpers/server.js';

// The product editor shows, under the SKU prices, what competitors ask: noted in procurement.
const PROCUREMENT = resolve(import.meta.dirname, '..', '..', 'plugins', 'procurement');
const ITEM = `CP${Date.now().toString(36).toUpperCase()}`;
const TITLE = '加厚珊瑚绒睡衣套装 冬季';

let server: TestServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await serveInProcess({ plugins: [PROCUREMENT], enabled: ['listings', 'procurement'] });
  api = await setupOwner(server);
  const product = await api.post('/api/listings/products', {
    title: TITLE,
    itemCode: ITEM,
    skus: [
      { code: `${ITEM}-M`, attributes: { 颜色: '粉色', 尺码: 'M' }, price: 15900, cost: 5200 },
      { code: `${ITEM}-L`, attributes: { 颜色: '粉色', 尺码: 'L' }, price: 15900, cost: 5200 },
    ],
  });
  expect(product.status, product.text).toBe(201);
  for (const [competitor, price, note] of [['暖暖家居旗舰店', 16800, ''], ['小熊睡衣店', 13900, '券后价']] as const) {
    const noted = await api.post('/api/procurement/competitor-prices', { skuCode: `${ITEM}-M`, competitor, price, note });
    expect(noted.status, noted.text).toBe(201);
  }
  browser = await launchChromium();
  owner = await openPage(browser, server.url);
  owner.page.setDefaultTimeout(10_000);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

it('shows the competitors’ prices under the SKU prices of the product editor', async () => {
  const { page } = owner;
  await logIn(page, OWNER.username, OWNER.password, server.url);
  // The page's session check before logging in answers 401; only what comes after counts.
  const before = owner.errors.length;
  await showView(page, '商品');
  const table = page.locator('wb-listings-products wb-data-table');
  await table.locator('[role=row]', { hasText: TITLE }).dblclick();
  const editor = page.locator('wb-listings-product-editor');
  await editor.locator('h2', { hasText: TITLE }).waitFor();
  const prices = editor.locator('wb-listings-competitor-prices');
  const newest = prices.locator(`tr[data-sku="${ITEM}-M"]`).first();
  await expect(newest.textContent()).resolves.toMatch(/小熊睡衣店\s*139\.00.*券后价/s);
  await expect(prices.locator('tbody tr').count()).resolves.toBe(2);
  await expect(prices.locator(`tr[data-sku="${ITEM}-L"]`).count()).resolves.toBe(0);
  await prices.locator('table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'listings-competitor-prices.png') });
  expect(owner.errors.slice(before)).toEqual([]);
});
