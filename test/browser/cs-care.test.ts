import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colleague, createSkus, enterOrder, startFulfillment, type FulfillmentServer } from '../../plugins/fulfillment/test/api.js';
import { signedInPage } from '../helpers/browser.js';
import { ROOT } from '../helpers/server.js';

// A 客服 answers a logistics complaint with the keyboard only: finds the buyer's file from the
// order number, starts the logistics complaint procedure on the order and works down its six
// steps with a note each (Enter ticks and moves on), then finishes it.
const SHOTS = join(ROOT, 'test-results');
const AFTER_SALES = join(ROOT, 'plugins/after-sales');
const CS_SCRIPTS = join(ROOT, 'plugins/cs-scripts');

let fx: FulfillmentServer;
let browser: Browser;
let page: Page;
let order: Awaited<ReturnType<typeof enterOrder>>;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  fx = await startFulfillment({ inProcess: true, listen: true, folders: [AFTER_SALES, CS_SCRIPTS], enabled: ['listings', 'fulfillment', 'after-sales', 'cs-scripts'] });
  const skus = await createSkus(fx.owner, 1, 'CSB');
  order = await enterOrder(fx.owner, [{ sku: skus[0]! }], { buyerNick: 'tb_等不到快递', receiverName: '陈等等', receiverPhone: '13700002222' });
  await colleague(fx.server, fx.owner, 'kefu', [
    'fulfillment.orders.read', 'fulfillment.customer.read', 'after-sales.cases.read',
    'cs-scripts.procedures.run', 'cs-scripts.customers.read', 'cs-scripts.customers.write',
  ]);
  ({ browser, page } = await signedInPage(fx.server.url, { username: 'kefu', password: 'staff-pass-123' }, 10_000));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await fx?.server.dispose();
});

describe('a logistics complaint in the browser, keyboard only', () => {
  it('finds the buyer from the order, then works the procedure step by step to the end', async () => {
    await page.goto(`${fx.server.url}/cs-scripts/customer`);
    const file = page.locator('wb-cs-scripts-customer');
    await file.locator('input[name=lookup]').press('End');
    await page.keyboard.type(order.orderNo);
    await page.keyboard.press('Enter');
    await file.locator('h2.nick', { hasText: 'tb_等不到快递' }).waitFor();
    // This agent may see receivers in full.
    await file.locator('table.orders td', { hasText: '13700002222' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'cs-customer-file.png') });

    await page.goto(`${fx.server.url}/cs-scripts/procedures?orderNo=${order.orderNo}`);
    const panel = page.locator('wb-cs-scripts-procedures');
    await panel.locator('select[name=procedure] option', { hasText: '物流投诉处理' }).waitFor({ state: 'attached' });
    await panel.locator('input[name=subject]').press('Enter');
    await panel.locator('h3', { hasText: `物流投诉处理 · ${order.orderNo} · tb_等不到快递` }).waitFor();
    const notes = ['顾客着急，已致歉', '三天没更新物流', '地址电话无误', '面单与后台一致', '包裹在转运中心，明天派送', '已告知顾客明天送到'];
    for (const [i, note] of notes.entries()) {
      // The open step's note has the keyboard: type, Enter, and the next step has it.
      await panel.locator('li.step.current input:focus').waitFor();
      await page.keyboard.type(note);
      await page.keyboard.press('Enter');
      await panel.locator('li.step.done').nth(i).waitFor();
    }
    await panel.locator('button.finish:focus').waitFor();
    await page.screenshot({ path: join(SHOTS, 'cs-procedure.png') });
    await page.keyboard.press('Enter');
    await panel.locator('p.ended', { hasText: '已完成' }).waitFor();

    const runs = await fx.owner.get(`/api/cs-scripts/runs?orderNo=${order.orderNo}`);
    expect(runs.body.items).toHaveLength(1);
    expect(runs.body.items[0].state).toBe('finished');
    expect(runs.body.items[0].steps.map((s: { note: string }) => s.note)).toEqual(notes);
    expect(runs.body.items[0].steps.every((s: { doneByName: string }) => s.doneByName === 'kefu')).toBe(true);
  }, 60_000);
});
