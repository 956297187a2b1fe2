import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import { SCREENSHOTS, signedInPage, showView, type SignedInPage } from '../helpers/browser.js';

// After-sales as the CS clerk in Chromium: the reviews with their replies, a 差评 answered from
// the keyboard, and the praise of a good review named.
const ROOT = resolve(import.meta.dirname, '..', '..');

let host: TestHost;
let signed: SignedInPage;
let page: Page;

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
  await host.staff('kefu', ['customer-service']);
  signed = await signedInPage(host.url, { username: 'kefu', password: 'staff-pass-123' }, 10_000);
  page = signed.page;
}, 60_000);

afterAll(async () => {
  await signed?.browser.close();
  await host?.close();
});

test('the review list shows ratings, praise and due days; a 差评 gets its reply from the keyboard', async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
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
  await page.screenshot({ path: join(SCREENSHOTS, 'after-sales-reviews-1280.png') });
  const rewards = await host.owner.get('/api/staff-rules/fines?kind=reward');
  expect(rewards.body.items.map((a: { rule: string; amountFen: number }) => [a.rule, a.amountFen])).toEqual([['review-praise', 200]]);
});
