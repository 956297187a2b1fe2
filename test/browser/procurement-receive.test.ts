import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import { SCREENSHOTS, signedInPage, showView, type SignedInPage } from '../helpers/browser.js';

// A purchase order approved in its panel and received at the receiving station by scanning, as a
// clerk who buys and receives; the goods land in fulfillment's stock and on the supplier ledger.
const ROOT = resolve(import.meta.dirname, '..', '..');
const ITEM = `SH${Date.now().toString(36).toUpperCase()}`;
const BARCODE = `69${String(Date.now()).slice(-11)}`;

let host: TestHost;
let signed: SignedInPage;
let page: Page;
let skuId = 0;
let poNo = '';

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  host = await startTestHost({ plugins: [join(ROOT, 'plugins', 'procurement')], enabled: ['listings', 'fulfillment', 'procurement'], clock: 'system', listen: true });
  const product = await host.owner.post('/api/listings/products', { title: '法兰绒睡衣套装', itemCode: ITEM, skus: [{ code: `${ITEM}-M`, barcode: BARCODE, attributes: { 尺码: 'M' }, price: 15900, cost: 5200 }] });
  expect(product.status, product.text).toBe(201);
  skuId = product.body.skus[0].id;
  expect((await host.owner.post('/api/fulfillment/locations', { code: 'B-01-01-01', kind: 'pick' })).status).toBe(201);
  expect((await host.owner.post('/api/fulfillment/inbound', { reference: 'QC-1', lines: [{ skuCode: `${ITEM}-M`, received: 1, passed: 1, failed: 0, location: 'B-01-01-01' }] })).status).toBe(201);
  const supplier = await host.owner.post('/api/procurement/suppliers', { name: '常熟暖绒服饰', leadTimeDays: 5 });
  await host.owner.put(`/api/procurement/suppliers/${supplier.body.id}/items`, { skuCode: `${ITEM}-M`, price: 5200, minQuantity: 1 });
  const draft = await host.owner.post('/api/procurement/orders', { supplierId: supplier.body.id, transportCost: 1000, lines: [{ skuCode: `${ITEM}-M`, qty: 3 }] });
  expect(draft.status, draft.text).toBe(201);
  poNo = draft.body.poNo;
  await host.staff('caigou', ['purchasing', 'warehouse']);
  signed = await signedInPage(host.url, { username: 'caigou', password: 'staff-pass-123' }, 10_000);
  page = signed.page;
}, 60_000);

afterAll(async () => {
  await signed?.browser.close();
  await host?.close();
});

test('an order approved and sent in its panel, received by scanner, is stock in fulfillment', async () => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await showView(page, '采购单');
  const orders = page.locator('wb-procurement-orders');
  await orders.locator('tr.pick', { hasText: poNo }).click();
  await orders.locator('button', { hasText: '审批' }).click();
  await orders.locator('h2', { hasText: '已审批' }).waitFor();
  await expect(orders.locator('ol.steps li.done').textContent()).resolves.toContain('caigou');
  await orders.locator('button', { hasText: '已发给供应商' }).click();
  await orders.locator('h2', { hasText: '已下单' }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'procurement-order-1440.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: join(SCREENSHOTS, 'procurement-order-1024.png') });

  await page.setViewportSize({ width: 1440, height: 900 });
  await showView(page, '采购收货台');
  const station = page.locator('wb-procurement-receiving');
  await station.locator('input[name=poNo]').fill(poNo);
  await station.locator('input[name=poNo]').press('Enter');
  const scan = station.locator('input.scan');
  await scan.waitFor();
  for (let i = 0; i < 3; i++) {
    await scan.fill(BARCODE);
    await scan.press('Enter');
  }
  await expect(station.locator(`input[aria-label="${ITEM}-M 点到"]`).inputValue()).resolves.toBe('3');
  await page.screenshot({ path: join(SCREENSHOTS, 'procurement-receive-1440.png') });
  await scan.press('Control+Enter');
  await station.locator('p.msg', { hasText: '已收货' }).waitFor();
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: join(SCREENSHOTS, 'procurement-receive-1024.png') });

  const stock = (await host.owner.get(`/api/fulfillment/stock?sku=${skuId}`)).body.items[0];
  expect(stock).toMatchObject({ onHand: 4, bins: [expect.objectContaining({ locationCode: 'B-01-01-01', qty: 4 })] });
  const order = (await host.owner.get(`/api/procurement/orders?q=${poNo}`)).body.items[0];
  expect(order.status).toBe('received');

  // The delivery and its transport are owed to the supplier.
  await page.setViewportSize({ width: 1440, height: 900 });
  await showView(page, '供应商往来账');
  const ledger = page.locator('wb-procurement-ledger');
  await ledger.locator('tr.pick', { hasText: '常熟暖绒服饰' }).click();
  await expect(ledger.locator('tbody').nth(1).locator('tr').first().textContent()).resolves.toContain('166.00');
  await page.screenshot({ path: join(SCREENSHOTS, 'procurement-ledger-1440.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: join(SCREENSHOTS, 'procurement-ledger-1024.png') });
  expect(signed.watched.errors.slice(signed.errorsAtLogIn)).toEqual([]);
});
