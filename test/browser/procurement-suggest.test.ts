import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import { SCREENSHOTS, signedInPage, showView, type SignedInPage } from '../helpers/browser.js';

// From a low-stock suggestion to a purchase plan in Chromium, as the purchasing clerk: the row with
// its arithmetic on hover and opened, chosen, made into a plan; then the supplier's scorecard.
const ROOT = resolve(import.meta.dirname, '..', '..');
const ITEM = `CG${Date.now().toString(36).toUpperCase()}`;

let host: TestHost;
let signed: SignedInPage;
let page: Page;
let supplierId = 0;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  host = await startTestHost({ plugins: [join(ROOT, 'plugins', 'procurement')], enabled: ['listings', 'fulfillment', 'procurement'], clock: 'system', listen: true });
  const product = await host.owner.post('/api/listings/products', {
    title: '珊瑚绒睡袍 加厚', itemCode: ITEM,
    skus: [{ code: `${ITEM}-M`, attributes: { 尺码: 'M' }, price: 12900, cost: 4500 }, { code: `${ITEM}-L`, attributes: { 尺码: 'L' }, price: 12900, cost: 4500 }],
  });
  expect(product.status, product.text).toBe(201);
  expect((await host.owner.post('/api/fulfillment/locations', { code: 'A-01-01-01', kind: 'pick' })).status).toBe(201);
  expect((await host.owner.post('/api/fulfillment/inbound', { reference: 'CG-1', lines: [{ skuCode: `${ITEM}-M`, received: 6, passed: 6, failed: 0, location: 'A-01-01-01' }] })).status).toBe(201);
  // 42 pieces of M shipped three days ago: 1.5 a day.
  const order = await host.owner.post('/api/fulfillment/orders', {
    buyerNick: 'tb_睡袍', receiverName: '林小鱼', receiverPhone: '13812341234', receiverAddress: '浙江省杭州市西湖区文三路 100 号', shippingFee: 0, paid: true,
    items: [{ skuCode: `${ITEM}-M`, quantity: 42 }],
  });
  expect(order.status, order.text).toBe(201);
  const at = new Date(Date.now() - 3 * 86_400_000 + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
  await host.write((tx) => tx.run("UPDATE fulfillment_orders SET status = 'shipped', shipped_at = ? WHERE id = ?", [at, order.body.id]));
  const supplier = await host.owner.post('/api/procurement/suppliers', { name: '义乌织梦服饰', contact: '王经理', categories: ['睡衣'], leadTimeDays: 5, paymentTerms: '月结 30 天' });
  supplierId = supplier.body.id;
  expect((await host.owner.put(`/api/procurement/suppliers/${supplierId}/items`, { skuCode: `${ITEM}-M`, price: 4200, minQuantity: 20 })).status).toBe(200);
  for (const kind of ['quality-failure', 'quality-failure', 'short-delivery']) await host.owner.post(`/api/procurement/suppliers/${supplierId}/breaches`, { kind, reference: 'PO-0007' });
  await host.staff('caigou', ['purchasing']);
  signed = await signedInPage(host.url, { username: 'caigou', password: 'staff-pass-123' }, 10_000);
  page = signed.page;
}, 60_000);

afterAll(async () => {
  await signed?.browser.close();
  await host?.close();
});

test('a low-stock suggestion shows its arithmetic and becomes a purchase plan; the supplier shows its scorecard', async () => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await showView(page, '补货建议');
  const view = page.locator('wb-procurement-suggestions');
  const row = view.locator(`tr.line[data-sku="${ITEM}-M"]`);
  await row.waitFor();
  // M is short; L, never stocked, is a new item with its first batch of 3.
  expect(await view.locator('tr.line').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-sku')))).toEqual([`${ITEM}-M`, `${ITEM}-L`]);
  expect(await row.getAttribute('title')).toContain('目标库存 = 1.5 × 12 = 18 件（向上取整）');
  await row.click();
  await expect(view.locator('tr.steps li').allTextContents()).resolves.toEqual([
    '日均销量 = 近 28 天发货 42 件 ÷ 28 天 = 1.5 件/天',
    '备货天数 = 供应商到货 5 天 + 安全库存 7 天 = 12 天',
    '目标库存 = 1.5 × 12 = 18 件（向上取整）',
    '可用 = 在库 6 − 已占用 0 + 在途 0 = 6 件',
    '缺口 = 18 − 6 = 12 件',
    '供应商起订量 20 件 → 建议 20 件',
  ]);
  await row.locator('input[type=checkbox]').check();
  await page.screenshot({ path: join(SCREENSHOTS, 'procurement-suggestions-1440.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: join(SCREENSHOTS, 'procurement-suggestions-1024.png') });

  await view.locator('button[data-action=plan]').click();
  await page.locator('text=已生成采购计划').first().waitFor();
  const plans = await host.owner.get('/api/procurement/plans');
  expect(plans.body.items).toHaveLength(1);
  const plan = await host.owner.get(`/api/procurement/plans/${plans.body.items[0].id}`);
  expect(plan.body.lines.map((l: { skuCode: string; quantity: number; supplierId: number }) => [l.skuCode, l.quantity, l.supplierId])).toEqual([[`${ITEM}-M`, 20, supplierId]]);

  await page.setViewportSize({ width: 1440, height: 900 });
  await showView(page, '供应商');
  const suppliers = page.locator('wb-procurement-suppliers');
  await suppliers.locator('aside button', { hasText: '义乌织梦服饰' }).click();
  const gate = suppliers.locator('wb-procurement-supplier-card [data-gate]');
  await expect(gate.textContent()).resolves.toMatch(/今年已扣 50 分，达到 50 分：新订单须店长批准/);
  await page.screenshot({ path: join(SCREENSHOTS, 'procurement-supplier-1440.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: join(SCREENSHOTS, 'procurement-supplier-1024.png') });
  expect(signed.watched.errors.slice(signed.errorsAtLogIn)).toEqual([]);
});
