import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import { SCREENSHOTS, signedInPage, showView, type SignedInPage } from '../helpers/browser.js';
import { createSkus, enterOrder, stockUp, type Client, type TestSku } from '../../plugins/fulfillment/test/api.js';

// After-sales as a clerk in Chromium: the reviews with their replies, a 差评 answered from the
// keyboard, the praise of a good review named; then a return received by scanner, and an
// exchange's order made from the case editor and found in fulfillment's orders.
const ROOT = resolve(import.meta.dirname, '..', '..');

let host: TestHost;
let signed: SignedInPage;
let page: Page;
let sku: TestSku | undefined;
let caseNo = '';
let exchange: { caseNo: string; orderNo: string } | undefined;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  host = await startTestHost({ plugins: [join(ROOT, 'plugins', 'after-sales'), join(ROOT, 'plugins', 'staff-rules')], enabled: ['listings', 'fulfillment', 'after-sales', 'staff-rules'], clock: 'system', listen: true });
  expect((await host.owner.post('/api/staff-rules/staff', { code: '7', name: '李小丽', department: 'cs-presale' })).status).toBe(201);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  for (const r of [
    { orderNo: '4100001', rating: 'good', text: '7号客服很耐心，推荐的尺码刚好', reviewedOn: today },
    { orderNo: '4100002', rating: 'bad', text: '发错颜色了，要的是黑色', reviewedOn: today },
    { orderNo: '4100003', rating: 'neutral', text: '', reviewedOn: '2026-01-05' },
  ]) expect((await host.owner.post('/api/after-sales/reviews', r)).status).toBe(201);
  const owner = host.owner as unknown as Client;
  [sku] = await createSkus(owner, 1, 'ASB');
  await stockUp(owner, sku!, 'T-01-01-01', 3);
  const order = await enterOrder(owner, [{ sku: sku! }], { paid: true });
  const opened = await host.owner.post('/api/after-sales/cases', { orderId: order.id, kind: 'return-refund', reason: '尺码不合适' });
  expect(opened.status, opened.text).toBe(201);
  caseNo = opened.body.caseNo;
  expect((await host.owner.post(`/api/after-sales/cases/${opened.body.id}/move`, { version: opened.body.version, to: 'wait-buyer-return' })).status).toBe(200);
  expect((await host.owner.put(`/api/after-sales/cases/${opened.body.id}/return-tracking`, { trackingNo: 'YT7766554433' })).status).toBe(200);
  // An exchange whose goods came back: 换货待发, its order still to make.
  const swapped = await enterOrder(owner, [{ sku: sku! }], { paid: true });
  let c = (await host.owner.post('/api/after-sales/cases', { orderId: swapped.id, kind: 'exchange', reason: '尺码不合适' })).body;
  for (const to of ['wait-buyer-return', 'wait-seller-confirm', 'exchange-pending']) c = (await host.owner.post(`/api/after-sales/cases/${c.id}/move`, { version: c.version, to })).body;
  expect(c.state).toBe('exchange-pending');
  exchange = { caseNo: c.caseNo, orderNo: swapped.orderNo };
  await host.staff('kefu', ['customer-service', 'warehouse', 'operations']);
  signed = await signedInPage(host.url, { username: 'kefu', password: 'staff-pass-123' }, 10_000);
  page = signed.page;
}, 60_000);

afterAll(async () => {
  await signed?.browser.close();
  await host?.close();
});

test('the review list shows ratings, praise and due days; a 差评 gets its reply from the keyboard', async () => {
  // Five plugins' views are more than a 700 px high activity bar holds: they scroll there, and the
  // shell's own (settings) stays in sight at the bottom.
  await page.setViewportSize({ width: 1024, height: 700 });
  const bar = page.locator('wb-activity-bar');
  const manage = await bar.locator('[role=tab]').last().boundingBox();
  expect(manage!.y + manage!.height).toBeLessThanOrEqual(700);
  await showView(page, '评价');
  const view = page.locator('wb-after-sales-reviews');
  await view.locator('li[data-review]').first().waitFor();
  expect(await view.locator('li[data-review] .rating').allTextContents()).toEqual(['差评', '好评', '中评']);
  await expect(view.locator('li', { hasText: '4100001' }).textContent()).resolves.toContain('表扬：李小丽（7）');
  await view.locator('label', { hasText: '待处理的中差评' }).click();
  await expect.poll(() => view.locator('li[data-review]').count()).toBe(2);
  const bad = view.locator('li', { hasText: '4100002' });
  await bad.locator('input[name=reply]').fill('抱歉发错了，已安排补发黑色');
  await bad.locator('input[name=reply]').press('Enter');
  await bad.locator('.reply').waitFor();
  expect(await bad.locator('.reply').textContent()).toBe('解释：抱歉发错了，已安排补发黑色');
  await expect(view.locator('li', { hasText: '4100003' }).locator('.overdue').textContent()).resolves.toContain('2026-01-12');
  await page.screenshot({ path: join(SCREENSHOTS, 'after-sales-reviews-1024.png') });
  const rewards = await host.owner.get('/api/staff-rules/fines?kind=reward');
  expect(rewards.body.items.map((a: { rule: string; amountFen: number }) => [a.rule, a.amountFen])).toEqual([['review-praise', 200]]);
});

test('a return is scanned, counted from the keyboard and put back in stock', async () => {
  await showView(page, '退货收货');
  const view = page.locator('wb-after-sales-returns');
  const scan = view.locator('input[name=code]');
  await scan.waitFor();
  await scan.fill('yt 7766554433');
  await scan.press('Enter');
  const intact = view.locator('form.case input[name=intact]');
  await intact.waitFor();
  expect(await view.locator('form.case strong').textContent()).toContain(caseNo);
  await intact.fill('1');
  await page.screenshot({ path: join(SCREENSHOTS, 'after-sales-returns-1024.png') });
  await intact.press('Enter');
  await expect.poll(() => view.locator('.done').textContent()).toBe(`${caseNo} 已收货：完好 1 件，破损 0 件`);
  expect(await scan.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  const stock = await host.owner.get(`/api/fulfillment/stock?sku=${sku!.id}`);
  expect(stock.body.items[0].onHand).toBe(4);
});

test('the home card shows the cases overdue', async () => {
  const order = await enterOrder(host.owner as unknown as Client, [{ sku: sku! }], { paid: true });
  const opened = await host.owner.post('/api/after-sales/cases', { orderId: order.id, kind: 'return-refund', reason: '质量问题' });
  expect(opened.status, opened.text).toBe(201);
  const past = new Date(Date.now() - 3_600_000 + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
  await host.write((tx) => tx.run('UPDATE after_sales_cases SET due_at = ? WHERE id = ?', [past, opened.body.id]));
  await page.reload();
  await page.getByRole('tab', { name: '首页' }).first().click();
  const card = page.locator('wb-after-sales-today-widget');
  await card.locator('dd.overdue').waitFor();
  expect(await card.locator('dd').allTextContents()).toEqual(['0', '1']);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'after-sales-home-card-1024.png') });
});

test('the figures view shows the month against the industry and the reasons most first', async () => {
  await showView(page, '售后指标');
  const view = page.locator('wb-after-sales-figures');
  await view.locator('.pareto tr').first().waitFor();
  expect(await view.locator('.pareto tr td:first-child').allTextContents()).toEqual(['尺码不合适', '质量问题']);
  expect(await view.locator('.speed').textContent()).toContain('行业 48 h');
  await page.screenshot({ path: join(SCREENSHOTS, 'after-sales-figures-1024.png') });
});

test('the exchange order is made from the case editor and waits for review in the orders, marked 换货', async () => {
  await showView(page, '售后单');
  const view = page.locator('wb-after-sales-cases');
  await view.locator(`tr[data-case="${exchange!.caseNo}"]`).click();
  const section = view.locator('wb-after-sales-case-editor wb-after-sales-case-follow-up');
  await section.locator('button[type=submit]', { hasText: '建换货订单' }).click();
  const made = section.locator('[data-follow-up-order]');
  await made.waitFor();
  expect(await made.textContent()).toContain(`${exchange!.orderNo}-HH1`);
  expect(await section.locator('[data-tracking]').textContent()).toContain('还没发出');
  await section.locator('[data-tracking]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'after-sales-exchange-order-1024.png') });
  await showView(page, '订单');
  const orders = page.locator('wb-fulfillment-orders');
  const row = orders.locator('[data-follow-up=exchange]').first();
  await row.waitFor();
  expect(await orders.locator('.order-no', { hasText: `${exchange!.orderNo}-HH1` }).count()).toBe(1);
  await page.screenshot({ path: join(SCREENSHOTS, 'fulfillment-exchange-order-1024.png') });
  await orders.locator('.order-no', { hasText: `${exchange!.orderNo}-HH1` }).dblclick();
  const header = page.locator('wb-editor-area [role=tabpanel]:not([hidden]) wb-fulfillment-order-editor header [data-follow-up=exchange]');
  await header.waitFor();
  expect(await header.textContent()).toBe(`换货单 · 原订单 ${exchange!.orderNo} · 售后 ${exchange!.caseNo}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'fulfillment-exchange-order-editor-1024.png') });
});

test('a courier claim is opened, its steps ticked off and its payment recorded in the case editor', async () => {
  // A parcel the courier lost (opened after the figures, whose reasons it would change): the courier's responsibility.
  const order = await enterOrder(host.owner as unknown as Client, [{ sku: sku! }], { paid: true });
  const gone = (await host.owner.post('/api/after-sales/cases', { orderId: order.id, kind: 'reship', reason: '未收到货' })).body;
  expect((await host.owner.put(`/api/after-sales/cases/${gone.id}/responsibility`, { version: gone.version, party: 'courier', returnShippingFen: 0 })).status).toBe(200);
  await showView(page, '售后单');
  const view = page.locator('wb-after-sales-cases');
  if (await view.locator('wb-after-sales-case-editor').count()) await view.locator('wb-after-sales-case-editor header button').click();
  await view.locator(`tr[data-case="${gone.caseNo}"]`).click();
  const claim = view.locator('wb-after-sales-case-editor wb-after-sales-case-claim');
  await claim.locator('input[name=amount]').fill('99');
  await claim.locator('button[type=submit]').click();
  for (const step of ['recorded', 'compared', 'called']) {
    await claim.locator(`button[data-step=${step}]`).click();
    await claim.locator(`button[data-step=${step}]`).waitFor({ state: 'detached' });
  }
  await claim.locator('input[name=amountPaid]').fill('80');
  await claim.locator('input[name=paidOn]').fill('2026-11-20');
  await claim.locator('button[value=paid]').click();
  await claim.locator('[data-claim-state]', { hasText: '快递已赔付 80.00 元 · 2026-11-20' }).waitFor();
  await claim.locator('[data-claim]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'after-sales-courier-claim-1024.png') });
});
