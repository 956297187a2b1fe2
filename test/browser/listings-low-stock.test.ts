import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, logIn, openPage, type WatchedPage } from '../helpers/browser.js';
import { OWNER, setupOwner, staffClient, type Client } from '../helpers/client.js';
import { ROOT, startServer, type TestServer } from '../helpers/server.js';

// The home page's low-stock widget with the real fulfillment plugin running: a listed product whose
// SKUs fall below their thresholds (stock received through an inbound note) shows there with its
// 商家编码 and stock.
const SHOTS = process.env.WORKBENCH_SCREENSHOTS ?? join(ROOT, 'test-results', 'screenshots');
const ITEM = `LS${Date.now().toString(36).toUpperCase()}`;
const TITLE = '莫代尔修身打底衫 秋冬款';

let server: TestServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
/** Console errors before logging in (the login page's own 401 for “who am I”). */
let errorsAtLogIn = 0;
/** 黑色 M at 3 (below the shop's 10), 白色 M at 15 (below its own 20), 灰色 M at 50 (plenty). */
let skus: { id: number; code: string }[] = [];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startServer({ config: { plugins: { folders: [], enabled: ['listings', 'fulfillment'] } } });
  api = await setupOwner(server);
  const role = await api.post('/api/roles', { id: 'reviewer', name: { 'zh-CN': '上架审核员', en: 'Listing reviewer' }, permissions: ['listings.products.review', 'listings.products.read'] });
  expect(role.status, role.text).toBe(201);
  const reviewer = await staffClient(server, api, 'shenhe', ['reviewer']);

  const created = await api.post('/api/listings/products', {
    title: TITLE,
    itemCode: ITEM,
    attributes: { 面料: '莫代尔' },
    skus: [
      { code: `${ITEM}-BK-M`, attributes: { 颜色: '黑色', 尺码: 'M' }, price: 7900, cost: 2600 },
      { code: `${ITEM}-WH-M`, attributes: { 颜色: '白色', 尺码: 'M' }, price: 7900, cost: 2600, lowStockThreshold: 20 },
      { code: `${ITEM}-GY-M`, attributes: { 颜色: '灰色', 尺码: 'M' }, price: 7900, cost: 2600 },
    ],
  });
  expect(created.status, created.text).toBe(201);
  skus = created.body.skus;
  const submitted = await api.post(`/api/listings/products/${created.body.id}/submit`, { version: created.body.version, reason: '图片明天补拍' });
  expect(submitted.status, submitted.text).toBe(200);
  const approved = await reviewer.post(`/api/listings/products/${created.body.id}/review`, { version: submitted.body.version, decision: 'approve' });
  expect(approved.body.status, approved.text).toBe('listed');

  const bins = ['A-01-01-01', 'A-01-01-02', 'A-01-01-03'];
  for (const code of bins) expect((await api.post('/api/fulfillment/locations', { code })).status).toBe(201);
  const stock = await api.post('/api/fulfillment/inbound', {
    reference: 'CG-LS-01',
    lines: skus.map((s, i) => ({ skuCode: s.code, received: [3, 15, 50][i], passed: [3, 15, 50][i], failed: 0, location: bins[i] })),
  });
  expect(stock.status, stock.text).toBe(201);
  const checked = await api.post('/api/listings/stock-warnings/check');
  expect(checked.status, checked.text).toBe(200);
  expect(checked.body).toMatchObject({ available: true, threshold: 10 });
  expect(checked.body.items.map((i: { code: string; stock: number; threshold: number }) => [i.code, i.stock, i.threshold])).toEqual([
    [`${ITEM}-BK-M`, 3, 10],
    [`${ITEM}-WH-M`, 15, 20],
  ]);

  browser = await launchChromium();
  owner = await openPage(browser, server.url);
  page = owner.page;
  page.setDefaultTimeout(10_000);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('the low-stock widget in Chromium, with fulfillment running', () => {
  it('lists the listed SKUs below their thresholds, lowest stock first, with 商家编码, stock and threshold', async () => {
    await logIn(page, OWNER.username, OWNER.password, server.url);
    errorsAtLogIn = owner.errors.length;
    const widget = page.locator('wb-home-page wb-listings-low-stock');
    const rows = widget.locator('table tbody tr');
    await rows.first().waitFor();
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    expect(cells).toEqual([
      [`${ITEM}-BK-M`, TITLE, '3', '10'],
      [`${ITEM}-WH-M`, TITLE, '15', '20'],
    ]);
    // One line per SKU in the narrow card: a title cut short keeps its full text on hover.
    expect(await widget.locator('table tbody td.product').first().getAttribute('title')).toBe(TITLE);
    expect(await widget.locator('table thead th').allTextContents()).toEqual(['商家编码', '商品', '库存', '预警线']);
    // The SKU with plenty of stock is not there, and the widget says nothing is unavailable.
    expect(await widget.locator('table', { hasText: `${ITEM}-GY-M` }).count()).toBe(0);
    expect(await widget.locator('.unavailable').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'listings-low-stock-warnings.png') });
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
    expect(owner.foreign).toEqual([]);
  });

  it('重新检查 drops a SKU whose stock came back, and a 商家编码 opens its product', async () => {
    const widget = page.locator('wb-home-page wb-listings-low-stock');
    const black = skus[0]!;
    // Restocked while the page is open: the widget shows what it loaded until it checks again.
    const restock = await api.post('/api/fulfillment/stock/adjust', { skuId: black.id, location: 'A-01-01-01', qty: 27, reason: '补货到货' });
    expect(restock.status, restock.text).toBe(200);
    expect(await widget.locator('table tbody tr', { hasText: `${ITEM}-BK-M` }).count()).toBe(1);
    await widget.locator('button', { hasText: '重新检查' }).click();
    await widget.locator('table tbody tr', { hasText: `${ITEM}-BK-M` }).waitFor({ state: 'detached' });
    expect(await widget.locator('table tbody tr td:first-child').allTextContents()).toEqual([`${ITEM}-WH-M`]);

    await widget.locator('button.link', { hasText: `${ITEM}-WH-M` }).click();
    await page.locator('wb-editor-area .tab[aria-selected=true]', { hasText: TITLE }).waitFor();
    await expect(page.locator('wb-listings-product-editor #title').inputValue()).resolves.toBe(TITLE);
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
  });
});
