import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, createSkus, enterOrder, makeWave, runImport, startFulfillment, stockUp, type FulfillmentServer, type TestSku } from '../../plugins/fulfillment/test/api.js';
import { encodeReport, taobaoExport } from '../../plugins/fulfillment/test/fixtures/taobao-export.mjs';
import { withRefunds } from '../../plugins/fulfillment/test/refund-cells.js';
import { launchChromium, logIn, openPage, showView, type WatchedPage } from '../helpers/browser.js';
import { OWNER } from '../helpers/client.js';
import { ROOT } from '../helpers/server.js';

// The warehouse floor in Chromium: a wave built and picked from its board, the verification
// station driven by keyboard alone (a wrong item refused loudly, the right ones scanned faster
// than the server answers), and the parcel shipped at the shipping station. One server, in order.
const SHOTS = join(ROOT, 'test-results');
const CHINESE = /[\u4e00-\u9fff]/;

let fx: FulfillmentServer;
let browser: Browser;
let watched: WatchedPage;
let page: Page;
let skus: TestSku[];
/** Console errors before the stations were used: the login page's own 401 while nobody was signed in. */
let errorsAtLogin = 0;
let single: { id: number; orderNo: string };
let multi: { id: number; orderNo: string };

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `fulfillment-${name}.png`) });
const order = async (id: number) => (await fx.owner.get(`/api/fulfillment/orders/${id}`)).body as { status: string; trackingNo: string | null; weightGrams: number | null; courier: string | null };
/** The element that has the keyboard focus, looking through shadow roots. */
const focused = () => page.evaluate(() => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active ? `${active.tagName.toLowerCase()}#${active.id}` : '';
});
const beeps = () => page.evaluate(() => (window as unknown as { beeps: number }).beeps);

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  fx = await startFulfillment({ inProcess: true, listen: true });
  skus = await createSkus(fx.owner, 3, 'ST');
  // Two bins in zone A, one in zone B: the two-item order is picked across zones.
  await stockUp(fx.owner, skus[0]!, 'A-01-01-01', 10);
  await stockUp(fx.owner, skus[1]!, 'A-01-01-02', 10);
  await stockUp(fx.owner, skus[2]!, 'B-01-01-01', 10);
  single = await enterOrder(fx.owner, [{ sku: skus[0]! }]);
  multi = await enterOrder(fx.owner, [{ sku: skus[1]!, qty: 2 }, { sku: skus[2]! }]);
  await approve(fx.owner, single);
  await approve(fx.owner, multi);
  browser = await launchChromium();
  // 409: the refused scan and the refused tracking number are provoked on purpose.
  watched = await openPage(browser, fx.server.url, { expectedStatuses: [400, 409] });
  page = watched.page;
  page.setDefaultTimeout(10_000);
  // Counts the tones the page plays, to hear the refusal without speakers.
  await page.addInitScript(() => {
    const w = window as unknown as { beeps: number };
    w.beeps = 0;
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.beeps++;
      return create.call(this);
    };
  });
  await logIn(page, OWNER.username, OWNER.password, fx.server.url);
  errorsAtLogin = watched.errors.length;
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await fx?.server.dispose();
});

describe('the stations in Chromium', () => {
  it('builds a wave in the 波次 view, shows it on its board and marks it picked', async () => {
    await showView(page, '波次');
    const view = page.locator('wb-fulfillment-waves');
    await view.locator('button.new-wave').click();
    // The preview ticks the queue from the top; both orders go.
    await view.locator('wb-fulfillment-wave-preview button.make', { hasText: '2 单' }).click();
    const made = view.locator('.made[role=status]');
    await made.waitFor();
    const waveNo = (await made.locator('p').first().textContent())!.match(/BC\S+?(?=：)/)![0];
    expect(await made.textContent()).toContain('2 单');
    const row = view.locator('wb-data-table [role=row]', { hasText: waveNo });
    await row.dblclick();

    const board = page.locator('wb-fulfillment-wave-board');
    await board.locator('h2', { hasText: waveNo }).waitFor();
    await expect(board.locator('wb-fulfillment-wave-orders [data-class=single]').textContent()).resolves.toContain(single.orderNo);
    await expect(board.locator('wb-fulfillment-wave-orders [data-class=multi-cross-zone]').textContent()).resolves.toContain(multi.orderNo);
    // The pick list walks the bins in path order, zone A before zone B.
    const bins = await board.locator('wb-fulfillment-wave-pick-list tr[data-bin]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-bin')));
    expect(bins).toEqual(['A-01-01-01', 'A-01-01-02', 'B-01-01-01']);
    await shot('wave-board');

    // The pick list prints from the kit's print view, in a tab of its own.
    await board.locator('button.print-pick').click();
    await page.locator('wb-print-view iframe').waitFor();
    await expect(page.locator('wb-print-view iframe').getAttribute('srcdoc')).resolves.toContain('B-01-01-01');
    await page.locator(`wb-editor-area .tab[title="${waveNo}"]`).click();

    await board.locator('button.picked').click();
    await page.locator('wb-dialog[open] button', { hasText: '拣齐了' }).click();
    await page.locator('wb-toasts', { hasText: '拣货完成' }).waitFor();
    await board.locator('header .status', { hasText: '已拣货' }).waitFor();
    expect((await order(single.id)).status).toBe('picked');
    expect((await order(multi.id)).status).toBe('picked');
  });

  it('verifies the two-item order by keyboard: a wrong item is refused loudly, the right ones complete it', async () => {
    await page.keyboard.press('Control+Alt+KeyV');
    const station = page.locator('wb-fulfillment-verify-station');
    await station.locator('h2', { hasText: '复核台' }).waitFor();
    await expect.poll(focused).toBe('input#scan');

    await page.keyboard.type(`${multi.orderNo}\n`);
    await station.locator('.banner', { hasText: multi.orderNo }).waitFor();
    await station.locator('wb-fulfillment-verify-lines tr[data-sku]').first().waitFor();

    // The single-item order's SKU is not in this parcel.
    const before = await beeps();
    await page.keyboard.type(`${skus[0]!.barcode}\n`);
    const refusal = station.locator('.banner.fail[role=alert]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(CHINESE);
    expect(await beeps()).toBeGreaterThan(before);
    await expect(station.locator('input#scan').inputValue()).resolves.toBe('');
    expect(await focused()).toBe('input#scan');
    await shot('verify-refused');
    await page.keyboard.press('Control+Alt+KeyT'); // the same refusal in the dark theme
    await shot('verify-refused-dark');
    await page.keyboard.press('Control+Alt+KeyT');

    // F2 starts the order again: a counted piece is counted no more.
    await page.keyboard.type(`${skus[1]!.barcode}\n`);
    await expect.poll(() => station.locator('wb-fulfillment-verify-lines td.scanned').first().textContent()).toBe('1');
    await page.keyboard.press('F2');
    await station.locator('.banner', { hasText: '已清空扫描' }).waitFor();
    await expect(station.locator('wb-fulfillment-verify-lines td.scanned').allTextContents()).resolves.toEqual(['0', '0']);

    // A scanner's burst on a slow network: three codes typed before the first answer comes back
    // wait their turn, none lost (the last by 商家编码 instead of the barcode, typed in small letters).
    const slow = '**/api/fulfillment/verification/*/scan';
    await page.route(slow, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.keyboard.type(`${skus[1]!.barcode}\n${skus[1]!.barcode}\n${skus[2]!.code.toLowerCase()}\n`);
    await station.locator('.queue', { hasText: '排队' }).waitFor();
    await station.locator('.banner.pass', { hasText: '复核完成，请打包' }).waitFor();
    await page.unroute(slow);
    const scanned = await station.locator('wb-fulfillment-verify-lines td.scanned').allTextContents();
    expect(scanned).toEqual(['2', '1']);
    expect((await order(multi.id)).status).toBe('verified');
    await shot('verify-complete');

    // Escape: ready for the next order.
    await page.keyboard.press('Escape');
    await station.locator('.banner', { hasText: '请扫描订单号或运单号' }).waitFor();
    expect(await station.locator('wb-fulfillment-verify-lines').count()).toBe(0);
  });

  it('ships at the shipping station: the tracking number’s shape is checked, then Enter ships', async () => {
    await page.keyboard.press('Control+Alt+KeyS');
    const station = page.locator('wb-fulfillment-ship-station');
    await station.locator('h2', { hasText: '发货台' }).waitFor();
    await expect.poll(focused).toBe('input#ref');

    await page.keyboard.type(`${multi.orderNo}\n`);
    await station.locator('wb-fulfillment-ship-order', { hasText: multi.orderNo }).waitFor();
    await expect(station.locator('.courier-name').textContent()).resolves.toBe('申通');
    await expect.poll(focused).toBe('input#tracking');

    // Not a 申通 number: Enter moves to the weight, Enter there sends it, and the server says why not.
    await page.keyboard.type('12345\n');
    await expect.poll(focused).toBe('input#weight');
    await page.keyboard.type('1.2kg\n');
    const error = station.locator('#tracking-error');
    await expect.poll(() => error.textContent()).toMatch(CHINESE);
    await station.locator('.banner.fail').waitFor();
    expect((await order(multi.id)).status).toBe('verified');
    await shot('ship-refused');

    const trackingNo = `77${Date.now().toString().slice(-13)}`;
    await station.locator('input#tracking').fill(trackingNo);
    await station.locator('input#tracking').press('Enter');
    await station.locator('.banner.pass', { hasText: trackingNo }).waitFor();
    await expect.poll(focused).toBe('input#ref');
    const shipped = await order(multi.id);
    expect(shipped).toMatchObject({ status: 'shipped', trackingNo, weightGrams: 1200 });

    // The single-item order ships straight from 已拣货: nothing to verify, weight in grams. Its
    // number scanned with Caps Lock on still finds it.
    const second = `${trackingNo.slice(0, -1)}${trackingNo.endsWith('9') ? '8' : '9'}`;
    await page.keyboard.type(`${single.orderNo.toLowerCase()}\n`);
    await expect.poll(focused).toBe('input#tracking');
    await page.keyboard.type(`${second}\n350\n`);
    await station.locator('.banner.pass', { hasText: second }).waitFor();
    expect(await order(single.id)).toMatchObject({ status: 'shipped', trackingNo: second, weightGrams: 350 });
    await expect(station.locator('.recent tbody tr').count()).resolves.toBe(2);
    await shot('ship-station');

    // The export link downloads today's shipped orders for the platform's bulk-shipping upload.
    const href = await station.locator('a.export').getAttribute('href');
    expect(href).toMatch(/^\/api\/fulfillment\/shipping\/export\?/);
    const exported = await fx.owner.get(href!);
    expect(exported.status).toBe(200);
    expect(exported.text).toContain(multi.orderNo);
    expect(exported.text).toContain(trackingNo);

    // A batch with an order the shop does not have ships nothing and names the row.
    await station.locator('#batch-file').setInputFiles({ name: 'batch.csv', mimeType: 'text/csv', buffer: Buffer.from(`订单编号,物流公司,物流单号\nNOSUCH1,申通,${second}1\n`) });
    const report = station.locator('wb-fulfillment-ship-batch .report');
    await report.waitFor();
    await expect(report.locator('p').first().textContent()).resolves.toContain('没有发货');
    const rejected = await report.locator('tbody tr td').allTextContents();
    expect(rejected[0]).toBe('2');
    expect(rejected[2]).toMatch(CHINESE);
    await shot('ship-batch');

    expect(watched.errors.slice(errorsAtLogin)).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });

  it('a wave shows an order Taobao is refunding; 放回库位 puts its goods back in one click', async () => {
    const exported = taobaoExport({ orders: 1, seed: 3, firstOrderNo: '5300000000000001', layout: 'later', skuCodes: [skus[0]!.code], statusOf: () => 'paid' });
    const upload = (refunding: boolean) => runImport(fx.server, fx.owner, 'taobao-orders', [exported.orderFile, {
      name: exported.itemFile.name,
      bytes: encodeReport(withRefunds(exported.itemReport, new Map(refunding ? [[exported.orders[0]!.items[0]!.lineKey, { state: '买家已经申请退款，等待卖家同意' }]] : []))),
    }]);
    await upload(false);
    const id = (await fx.owner.get(`/api/fulfillment/orders?q=${exported.orders[0]!.orderNo}`)).body.items[0].id as number;
    await approve(fx.owner, { id });
    const wave = await makeWave(fx.owner, [id]);
    await upload(true);

    await page.reload();
    await showView(page, '波次');
    await page.locator('wb-fulfillment-waves wb-data-table [role=row]', { hasText: wave.waveNo }).dblclick();
    const board = page.locator('wb-fulfillment-wave-board');
    const row = board.locator(`wb-fulfillment-wave-orders tr[data-order="${exported.orders[0]!.orderNo}"]`);
    await row.locator('button.put-back').waitFor();
    await expect(board.locator('p.held').textContent()).resolves.toContain('退款');
    await shot('wave-put-back');
    // The order itself shows the line's refund; paid on Taobao, it offers 标记待退款 instead of 关闭.
    await row.locator('button.link').click();
    const editor = page.locator('wb-editor-area [role=tabpanel]:not([hidden]) wb-fulfillment-order-editor');
    await editor.locator('wb-fulfillment-order-items tr[data-refund=in-progress]').waitFor();
    await editor.locator('wb-fulfillment-order-review button.act-awaiting-refund').waitFor();
    await shot('order-refunding');
    await page.locator(`wb-editor-area .tab[title="${wave.waveNo}"]`).click();
    await row.locator('button.put-back').click();
    await page.locator('wb-toasts', { hasText: '放回库位' }).waitFor();
    expect((await fx.owner.get(`/api/fulfillment/orders/${id}`)).body).toMatchObject({ status: 'exception', exceptions: [{ code: 'refunding' }] });
    expect((await fx.owner.get(`/api/fulfillment/ledger?order=${id}&kind=putback`)).body.items).toHaveLength(1);
  });
});
