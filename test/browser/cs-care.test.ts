import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, colleague, createSkus, enterOrder, pickedWave, startFulfillment, stockUp, type FulfillmentServer } from '../../plugins/fulfillment/test/api.js';
import { signedInPage } from '../helpers/browser.js';
import { copyPhrase } from '../helpers/phrase-panel.js';
import { ROOT } from '../helpers/server.js';

// A 客服 answers a logistics complaint with the keyboard only: finds the buyer's file from the
// order number, starts the logistics complaint procedure on the order and works down its six
// steps with a note each (Enter ticks and moves on), finishes it and copies a phrase filled from
// the order; records a return visit due today from the list; and edits the procedure.
const SHOTS = join(ROOT, 'test-results');
const AFTER_SALES = join(ROOT, 'plugins/after-sales');
const CS_SCRIPTS = join(ROOT, 'plugins/cs-scripts');

let fx: FulfillmentServer;
let browser: Browser;
let page: Page;
let order: Awaited<ReturnType<typeof enterOrder>>;
let shipped: Awaited<ReturnType<typeof enterOrder>>;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  fx = await startFulfillment({ inProcess: true, listen: true, folders: [AFTER_SALES, CS_SCRIPTS], enabled: ['listings', 'fulfillment', 'after-sales', 'cs-scripts'] });
  const skus = await createSkus(fx.owner, 1, 'CSB');
  order = await enterOrder(fx.owner, [{ sku: skus[0]! }], { buyerNick: 'tb_等不到快递', receiverName: '陈等等', receiverPhone: '13700002222' });
  // A parcel shipped today, and visits due on the day of shipping, so the list has it today.
  await stockUp(fx.owner, skus[0]!, 'CB-01-01-01', 1);
  shipped = await enterOrder(fx.owner, [{ sku: skus[0]! }], { buyerNick: 'tb_回访一下' });
  await approve(fx.owner, shipped);
  await pickedWave(fx.owner, [shipped.id]);
  const picked = (await fx.owner.get(`/api/fulfillment/orders/${shipped.id}`)).body;
  expect((await fx.owner.post(`/api/fulfillment/orders/${shipped.id}/ship`, { version: picked.version, trackingNo: '7712345678900001', weightGrams: 300 })).status).toBe(200);
  const settings = (await fx.owner.get('/api/settings/cs-scripts')).body;
  expect((await fx.owner.put('/api/settings/cs-scripts', { value: { ...settings.value, deliveryDays: 0, returnVisitDays: 0 }, version: settings.version })).status).toBe(200);
  await colleague(fx.server, fx.owner, 'kefu', [
    'fulfillment.orders.read', 'fulfillment.customer.read', 'after-sales.cases.read',
    'cs-scripts.phrases.use', 'cs-scripts.procedures.run', 'cs-scripts.procedures.edit', 'cs-scripts.customers.read', 'cs-scripts.customers.write', 'cs-scripts.customers.export',
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

    // The file, opened from a link, lists the finished checklist.
    await page.goto(`${fx.server.url}/cs-scripts/customer?buyerNick=${encodeURIComponent('tb_等不到快递')}`);
    await page.locator('wb-cs-scripts-customer ul.runs li', { hasText: '物流投诉处理' }).waitFor();

    const runs = await fx.owner.get(`/api/cs-scripts/runs?orderNo=${order.orderNo}`);
    expect(runs.body.items).toHaveLength(1);
    expect(runs.body.items[0].state).toBe('finished');
    expect(runs.body.items[0].steps.map((s: { note: string }) => s.note)).toEqual(notes);
    expect(runs.body.items[0].steps.every((s: { doneByName: string }) => s.doneByName === 'kefu')).toBe(true);
  }, 60_000);

  it('copies a phrase filled from the order from the phrase panel', async () => {
    // Keyboard only: quick open finds the side-bar panel by its pinyin initials.
    await page.keyboard.press('Control+P');
    await page.keyboard.type('kjdy');
    await page.locator('[role=option]', { hasText: '快捷短语' }).first().waitFor();
    await page.keyboard.press('Enter');
    const copied = await copyPhrase(page, order.orderNo, 'state');
    await expect.poll(() => copied.textContent()).toContain(`订单 ${order.orderNo}`);
    await page.screenshot({ path: join(SHOTS, 'cs-procedure-phrase.png') });
  }, 30_000);

  it('records a return visit from the list with a note and Enter', async () => {
    await page.goto(`${fx.server.url}/cs-scripts/return-visits`);
    const list = page.locator('wb-cs-scripts-return-visits');
    await list.locator('td', { hasText: 'tb_回访一下' }).waitFor();
    await list.locator(`td input[aria-label="tb_回访一下 ${shipped.orderNo}"]:focus`).waitFor();
    await page.screenshot({ path: join(SHOTS, 'cs-return-visits.png') });
    await page.keyboard.type('顾客说衣服很合身');
    await page.keyboard.press('Enter');
    await list.locator('p.summary', { hasText: '0 单' }).waitFor();
    const file = await fx.owner.get('/api/cs-scripts/customers/file?buyerNick=tb_回访一下');
    expect(file.body.returnVisits[0]).toMatchObject({ note: '顾客说衣服很合身', doneByName: 'kefu' });
  }, 30_000);

  it('edits a procedure: a step added and two swapped, the finished checklist untouched', async () => {
    await page.goto(`${fx.server.url}/cs-scripts/procedures`);
    const editor = page.locator('wb-cs-scripts-procedure-editor');
    await editor.locator('select[name=which] option', { hasText: '物流投诉处理' }).waitFor({ state: 'attached' });
    await editor.locator('select[name=which]').selectOption({ label: '物流投诉处理' });
    const steps = editor.locator('textarea[name=steps]');
    const lines = (await steps.inputValue()).split('\n');
    await steps.fill([lines[1], lines[0], ...lines.slice(2, 5), '查快递官网轨迹 | 先看官网再打电话', lines[5]].join('\n'));
    await page.screenshot({ path: join(SHOTS, 'cs-procedure-editor.png') });
    await editor.locator('button[type=submit]').click();
    await page.locator('wb-toast, [role=status]', { hasText: '流程已保存' }).first().waitFor();
    const logistics = (await fx.owner.get('/api/cs-scripts/procedures')).body.items[0];
    expect(logistics.steps.map((s: { title: string }) => s.title)).toEqual(['登记情况', '先安抚顾客', '核对收货地址和电话', '对照后台地址与面单', '联系快递查件', '查快递官网轨迹', '答复顾客']);
    expect(logistics.steps[5].hint).toBe('先看官网再打电话');
    const run = (await fx.owner.get(`/api/cs-scripts/runs?orderNo=${order.orderNo}`)).body.items[0];
    expect(run.steps.map((s: { title: string }) => s.title)).toHaveLength(6);
    expect(run.steps[0].title).toBe('先安抚顾客');
  }, 30_000);

  it('in English at 1024×700: the customer file and the checklists speak English, the shop\'s own words stay', async () => {
    const switched = await page.evaluate(async () => {
      const r = await fetch('/api/auth/me', { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'X-Workbench-Request': '1' }, body: JSON.stringify({ locale: 'en' }) });
      return r.status;
    });
    expect(switched).toBe(200);
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(`${fx.server.url}/cs-scripts/customer`);
    const file = page.locator('wb-cs-scripts-customer');
    await file.locator('input[name=lookup][placeholder="Buyer nick or order number; Enter finds"]').press('End');
    await page.keyboard.type(order.orderNo);
    await page.keyboard.press('Enter');
    await file.locator('p.summary', { hasText: /^1 order, .* paid$/ }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'cs-customer-file-1024-en.png') });

    await page.goto(`${fx.server.url}/cs-scripts/procedures?orderNo=${order.orderNo}`);
    const panel = page.locator('wb-cs-scripts-procedures');
    await panel.locator('input[name=subject]').waitFor();
    expect(await panel.locator('input[name=subject]').inputValue()).toBe(order.orderNo);
    // The order's earlier checklist is listed before anything is started.
    await panel.locator('ul.runs li', { hasText: 'finished' }).waitFor();
    await expect(panel.locator('h3', { hasText: 'Checklists of this order' }).count()).resolves.toBe(1);
    await panel.getByRole('button', { name: 'Start' }).waitFor();
    await page.getByText('Edit a procedure').waitFor();
    await page.screenshot({ path: join(SHOTS, 'cs-procedures-1024-en.png') });
  }, 30_000);
});
