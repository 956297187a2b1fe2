import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, logIn, openPage, SCREENSHOTS, type WatchedPage } from '../helpers/browser.js';
import { OWNER, setupOwner, staffClient, type Client } from '../helpers/client.js';
import { serveInProcess } from '../helpers/in-process.js';
import type { TestServer } from '../helpers/server.js';

// The home page's low-stock widget with the real fulfillment plugin running: a listed product whose
// SKUs fall below their thresholds (stock received through an inbound note) shows there with its
// 商家编码 and stock; below it, the SKUs holding more than their sales need (库存积压) with the sum.
const SHOTS = SCREENSHOTS;
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
  server = await serveInProcess({ enabled: ['listings', 'fulfillment'] });
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

  // Two pieces of 灰色 M leave the warehouse: 48 left against 2 in 30 days is excess; the other two
  // shipped nothing but are below their low-stock lines, so they are only low.
  const order = await api.post('/api/fulfillment/orders', {
    buyerNick: 'tb_积压', receiverName: '周小满', receiverPhone: '13900001111', receiverAddress: '浙江省宁波市鄞州区四明中路 8 号', shippingFee: 0, paid: true,
    items: [{ skuCode: `${ITEM}-GY-M`, quantity: 2 }],
  });
  expect(order.status, order.text).toBe(201);
  expect((await api.post(`/api/fulfillment/orders/${order.body.id}/approve`, { version: order.body.version })).status).toBe(200);
  const wave = await api.post('/api/fulfillment/waves', { orderIds: [order.body.id] });
  expect((await api.post(`/api/fulfillment/waves/${wave.body.id}/picked`, { version: wave.body.version })).status).toBe(200);
  const picked = await api.get(`/api/fulfillment/orders/${order.body.id}`);
  const shipped = await api.post(`/api/fulfillment/orders/${order.body.id}/ship`, { version: picked.body.version, courier: 'STO', trackingNo: `77${String(Date.now()).slice(-12)}`, weightGrams: 300 });
  expect(shipped.status, shipped.text).toBe(200);

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
    const rows = widget.locator('table.low tbody tr');
    await rows.first().waitFor();
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    expect(cells).toEqual([
      [`${ITEM}-BK-M`, TITLE, '3', '10'],
      [`${ITEM}-WH-M`, TITLE, '15', '20'],
    ]);
    // One line per SKU in the narrow card: a title cut short keeps its full text on hover.
    expect(await widget.locator('table tbody td.product').first().getAttribute('title')).toBe(TITLE);
    expect(await widget.locator('table.low thead th').allTextContents()).toEqual(['商家编码', '商品', '库存', '预警线']);
    // The SKU with plenty of stock is not there, and the widget says nothing is unavailable.
    expect(await widget.locator('table.low', { hasText: `${ITEM}-GY-M` }).count()).toBe(0);
    expect(await widget.locator('.unavailable').count()).toBe(0);
    // Beside it, excess stock: 灰色 M at 48 ÷ (2 ÷ 30) = 720 days, the sum on hover. The two SKUs above, though
    // unsold, are below their lines: the widget never calls one SKU both too scarce and too plentiful.
    const excess = await widget.locator('table.excess tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    expect(excess).toEqual([[`${ITEM}-GY-M`, '48', '0.07', '720']]);
    expect(await widget.locator('table.excess tbody tr').last().getAttribute('title')).toBe('在库 48 件 ÷ 日均 0.07 件（2 件 ÷ 30 天）= 够卖 720 天，超过 90 天（6 件）');
    await expect(widget.locator('.sum').textContent()).resolves.toMatch(/日均发货 × 90 天/);
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
    expect(await widget.locator('table.low tbody tr', { hasText: `${ITEM}-BK-M` }).count()).toBe(1);
    await widget.locator('button', { hasText: '重新检查' }).click();
    await widget.locator('table.low tbody tr', { hasText: `${ITEM}-BK-M` }).waitFor({ state: 'detached' });
    expect(await widget.locator('table.low tbody tr td:first-child').allTextContents()).toEqual([`${ITEM}-WH-M`]);

    await widget.locator('table.low button.link', { hasText: `${ITEM}-WH-M` }).click();
    await page.locator('wb-editor-area .tab[aria-selected=true]', { hasText: TITLE }).waitFor();
    await expect(page.locator('wb-listings-product-editor #title').inputValue()).resolves.toBe(TITLE);
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
  });
});
