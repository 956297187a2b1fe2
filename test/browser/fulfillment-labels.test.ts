import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, colleague, createSkus, enterOrder, startFulfillment, stockUp, type FulfillmentServer } from '../../plugins/fulfillment/test/api.js';
import { showView, signedInPage, type WatchedPage } from '../helpers/browser.js';
import { ROOT } from '../helpers/server.js';

// A 仓管 in Chromium, holding waves and labels but not customers' details: previews the waiting
// orders, makes a wave of the chosen ones, prints its shipping labels (100 × 180 mm, a barcode and
// the receiver in full) and marks it picked after saying yes to the confirmation.
const SHOTS = join(ROOT, 'test-results');
const SENDER = { senderName: '小鱼服饰', senderPhone: '0571-88886666', senderAddress: '浙江省杭州市余杭区仓前街道 8 号' };

let fx: FulfillmentServer;
let browser: Browser;
let watched: WatchedPage;
let page: Page;
let sto: { id: number; orderNo: string };
let sf: { id: number; orderNo: string };
/** Console errors before the floor was used: the login page's own 401 while nobody was signed in. */
let errorsAtLogin = 0;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  fx = await startFulfillment({ settings: { labels: SENDER }, inProcess: true, listen: true });
  const skus = await createSkus(fx.owner, 2, 'LBL');
  await stockUp(fx.owner, skus[0]!, 'A-01-01-01', 10);
  await stockUp(fx.owner, skus[1]!, 'A-01-01-02', 10);
  sto = await enterOrder(fx.owner, [{ sku: skus[0]! }, { sku: skus[1]! }], { buyerNick: 'tb_面单一' });
  sf = await enterOrder(fx.owner, [{ sku: skus[0]! }], { buyerNick: 'tb_面单二', receiverName: '欧阳明月', shippingMethod: '顺丰' });
  await approve(fx.owner, sto);
  await approve(fx.owner, sf);
  expect((await fx.owner.post('/api/fulfillment/tracking-pools/STO', { from: '77001234500001', to: '77001234500003' })).status).toBe(201);
  await colleague(fx.server, fx.owner, 'cangguan', ['fulfillment.orders.read', 'fulfillment.waves.run', 'fulfillment.labels.print']);
  ({ browser, watched, page, errorsAtLogIn: errorsAtLogin } = await signedInPage(fx.server.url, { username: 'cangguan', password: 'staff-pass-123' }, 10_000));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await fx?.server.dispose();
});

describe('labels on the warehouse floor', () => {
  it('previews the wave by class and courier, makes it of the chosen orders, prints its labels and marks it picked after confirming', async () => {
    await showView(page, '波次');
    const view = page.locator('wb-fulfillment-waves');
    await view.locator('button.new-wave').click();
    const preview = view.locator('wb-fulfillment-wave-preview');
    await preview.locator('[data-group=SF]').waitFor();
    await expect(preview.locator('[data-group=SF]').textContent()).resolves.toContain('顺丰');
    await expect(preview.locator('[data-group=STO] strong').textContent()).resolves.toBe('1');
    await page.screenshot({ path: join(SHOTS, 'fulfillment-wave-preview.png') });
    // The 顺丰 order waits for the next wave.
    await preview.locator('[data-group=SF] input').uncheck();
    await expect(preview.locator(`input[data-order="${sf.orderNo}"]`).isChecked()).resolves.toBe(false);
    await preview.locator('button.make').click();
    const made = view.locator('.made[role=status]');
    await made.waitFor();
    expect(await made.textContent()).toContain('1 单');
    await made.locator('button.open-made').click();

    const board = page.locator('wb-fulfillment-wave-board');
    await board.locator('wb-fulfillment-wave-orders [data-class=multi-one-zone]').waitFor();
    await expect(board.locator('wb-fulfillment-wave-orders [data-class=multi-one-zone]').textContent()).resolves.toContain(sto.orderNo);
    // Pick list names the piece by the catalogue, with a tick per line.
    await expect(board.locator('wb-fulfillment-wave-pick-list .name').first().textContent()).resolves.toContain('测试卫衣 加绒连帽');
    await board.locator('wb-fulfillment-wave-pick-list td.tick input').first().check();
    await board.locator('wb-fulfillment-wave-pick-list tr.done').waitFor();

    await board.locator('button.print-labels').click();
    const frame = page.locator('wb-print-view iframe');
    await frame.waitFor();
    const srcdoc = (await frame.getAttribute('srcdoc'))!;
    expect(srcdoc).toContain('size: 100mm 180mm');
    expect(srcdoc).toContain('<svg class="barcode"');
    expect(srcdoc).toContain('77001234500001');
    expect(srcdoc).toContain('林小鱼');
    expect(srcdoc).toContain('13812341234');
    const label = page.frameLocator('wb-print-view iframe').locator('section.label').first();
    const box = (await label.boundingBox())!;
    // 100 × 180 mm at 96 px per inch.
    expect(Math.round(box.width)).toBe(378);
    expect(Math.round(box.height)).toBe(680);
    await expect(page.frameLocator('wb-print-view iframe').locator('svg.barcode rect').count()).resolves.toBeGreaterThan(10);
    await label.screenshot({ path: join(SHOTS, 'fulfillment-shipping-label.png') });

    const waveNo = (await board.locator('header h2').textContent())!.trim();
    await page.locator(`wb-editor-area .tab[title="${waveNo}"]`).click();
    await board.locator('button.picked').click();
    const ask = page.locator('wb-dialog[open]');
    await ask.locator('p', { hasText: '拣齐了吗' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'fulfillment-picked-confirm.png') });
    await ask.locator('button', { hasText: '还没有' }).click();
    await expect(board.locator('header .status').textContent()).resolves.toContain('拣货中');
    expect((await fx.owner.get(`/api/fulfillment/orders/${sto.id}`)).body.status).toBe('approved');

    await board.locator('button.picked').click();
    await page.locator('wb-dialog[open] button', { hasText: '拣齐了' }).click();
    await board.locator('header .status', { hasText: '已拣货' }).waitFor();
    expect((await fx.owner.get(`/api/fulfillment/orders/${sto.id}`)).body.status).toBe('picked');
    expect((await fx.owner.get(`/api/fulfillment/orders/${sf.id}`)).body.status).toBe('approved');
    expect(watched.errors.slice(errorsAtLogin)).toEqual([]);
  });

  it('names the couriers in English for a clerk who reads English, in the preview and the number pools', async () => {
    const switched = await page.evaluate(async () => {
      const r = await fetch('/api/auth/me', { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'X-Workbench-Request': '1' }, body: JSON.stringify({ locale: 'en' }) });
      return r.status;
    });
    expect(switched).toBe(200);
    await page.reload();
    await showView(page, 'Waves');
    const view = page.locator('wb-fulfillment-waves');
    await view.locator('wb-fulfillment-tracking-pools li[data-courier=STO]', { hasText: 'STO Express' }).waitFor();
    await view.locator('button.new-wave').click();
    const preview = view.locator('wb-fulfillment-wave-preview');
    await preview.locator('[data-group=SF]', { hasText: 'SF Express' }).waitFor();
    const sfLine = preview.locator(`input[data-order="${sf.orderNo}"]`).locator('xpath=..');
    await expect(sfLine.textContent()).resolves.toContain('SF Express');
    await expect(sfLine.textContent()).resolves.toContain('1 piece');
  });
});
