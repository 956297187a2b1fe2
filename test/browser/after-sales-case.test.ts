import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colleague, createSkus, enterOrder, startFulfillment, type FulfillmentServer } from '../../plugins/fulfillment/test/api.js';
import { showView, signedInPage } from '../helpers/browser.js';
import { ROOT } from '../helpers/server.js';

// A 客服 in Chromium opens a return on one line of an order, takes it through Taobao's states,
// refunds the line, judges it the shop's mistake (the agent of the remark) and closes it; the
// penalty appears in staff-rules.
const SHOTS = join(ROOT, 'test-results');
const AFTER_SALES = join(ROOT, 'plugins/after-sales');
const STAFF_RULES = join(ROOT, 'plugins/staff-rules');

let fx: FulfillmentServer;
let browser: Browser;
let page: Page;
let order: Awaited<ReturnType<typeof enterOrder>>;
let agentId: number;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  fx = await startFulfillment({ inProcess: true, listen: true, folders: [AFTER_SALES, STAFF_RULES], enabled: ['listings', 'fulfillment', 'after-sales', 'staff-rules'] });
  const skus = await createSkus(fx.owner, 2, 'ASB');
  order = await enterOrder(fx.owner, [{ sku: skus[0]! }, { sku: skus[1]! }], { buyerNick: 'tb_售后一' });
  agentId = (await fx.owner.post('/api/staff-rules/staff', { code: '7', name: '李小丽', department: 'cs-presale' })).body.id;
  expect((await fx.owner.post(`/api/fulfillment/orders/${order.id}/remarks`, { text: '7+申通+要黑色' })).status).toBe(201);
  await colleague(fx.server, fx.owner, 'shouhou', ['after-sales.cases.read', 'after-sales.cases.open', 'after-sales.cases.decide', 'after-sales.cases.note', 'after-sales.refunds.record', 'after-sales.responsibility.assign']);
  ({ browser, page } = await signedInPage(fx.server.url, { username: 'shouhou', password: 'staff-pass-123' }, 10_000));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await fx?.server.dispose();
});

describe('an after-sales case in the browser', () => {
  it('is opened from an order line, refunded, and closed as a shop mistake that staff-rules prices', async () => {
    await showView(page, '售后单');
    const view = page.locator('wb-after-sales-cases');
    await view.locator('input[name=orderNo]').fill(order.orderNo);
    await view.locator('select[name=kind]').selectOption('return-refund');
    await view.locator('select[name=reason]').selectOption('发错货');
    await view.locator('button[type=submit]').click();
    // Two lines and none chosen: the server says which lines there are.
    await view.locator('[role=alert]', { hasText: '这个订单有 2 行' }).waitFor();
    await view.locator('input[name=itemId]').fill(String(order.items[1]!.id));
    await view.locator('button[type=submit]').click();

    const editor = view.locator('wb-after-sales-case-editor');
    await editor.locator('[data-state=wait-seller-agree]').waitFor();
    await editor.locator('button[data-to=wait-buyer-return]').click();
    await editor.locator('[data-state=wait-buyer-return]').waitFor();
    await editor.locator('button[data-to=wait-seller-confirm]').click();
    await editor.locator('[data-state=wait-seller-confirm]').waitFor();

    const refund = editor.locator('form[aria-label=记退款]');
    await refund.locator('input[name=goods]').fill('120');
    await refund.locator('button').click();
    await editor.locator('[role=alert]', { hasText: '货款超过该行实付：实付 99.00 元' }).waitFor();
    await refund.locator('input[name=goods]').fill('99');
    await refund.locator('button').click();
    await editor.locator('[data-refunded]', { hasText: '货款 99.00' }).waitFor();

    const decide = editor.locator('form[aria-label=责任]');
    await decide.locator('select[name=party]').selectOption('shop');
    await decide.locator('select[name=mistake]').selectOption('cs-remark');
    await decide.locator('input[name=returnShipping]').fill('24');
    await decide.locator('button').click();
    await editor.locator('[data-explanation]', { hasText: '责任人：客服备注 李小丽' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'after-sales-case-editor.png') });

    await editor.locator('button[data-to=refunded]').click();
    await editor.locator('[data-state=refunded]').waitFor();
    const fines = await fx.owner.get(`/api/staff-rules/fines?staffId=${agentId}&kind=penalty`);
    expect(fines.body.items.some((a: { source: string }) => a.source === 'after-sales')).toBe(true);

    await editor.locator('header button').click();
    await view.locator('input[type=checkbox]').uncheck();
    await view.locator(`tr[data-case]`).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'after-sales-case-queue.png') });
  });
});
