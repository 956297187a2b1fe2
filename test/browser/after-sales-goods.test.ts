import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import { SCREENSHOTS, signedInPage, showView, type SignedInPage } from '../helpers/browser.js';
import { createSkus, enterOrder, stockUp, type Client, type TestSku } from '../../plugins/fulfillment/test/api.js';

// After-sales as a clerk in Chromium: the reviews with their replies, a 差评 answered from the
// keyboard, the praise of a good review named; then a return received by scanner.
const ROOT = resolve(import.meta.dirname, '..', '..');

let host: TestHost;
let signed: SignedInPage;
let page: Page;
let sku: TestSku | undefined;
let caseNo = '';

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
