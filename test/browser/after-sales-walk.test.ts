import { mkdir } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSkus, startFulfillment, type FulfillmentServer } from '../../plugins/fulfillment/test/api.js';
import { encodeReport, taobaoExport, type TaobaoExport } from '../../plugins/fulfillment/test/fixtures/taobao-export.mjs';
import { launchChromium, logIn, openPage, showView, type WatchedPage } from '../helpers/browser.js';
import { OWNER } from '../helpers/client.js';
import { ROOT } from '../helpers/server.js';
import { withRefunds } from '../helpers/shop-fixtures.js';

// A return from the Taobao import to the refund, as the owner of the shop walks it in Chromium: the
// order report and the item report with a refund on one line of a shipped order are imported through
// the orders view's dialog; the
// case it opened is worked in the case editor — a photo of the goods (and a text file posing as a
// photo, refused), the moves, the refund, the shop's mistake naming the packer by 工号,
// a dispute logged and its bundle downloaded — and once refunded, staff-rules' ledger shows the
// packer's penalty. Screenshots at 1440×900 and 1024×700, in zh-CN and in en.
const SHOTS = join(ROOT, 'test-results');
const AFTER_SALES = join(ROOT, 'plugins/after-sales');
const STAFF_RULES = join(ROOT, 'plugins/staff-rules');

let fx: FulfillmentServer;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
let exported: TaobaoExport;
let refundedLine: { orderNo: string; lineKey: string };

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `after-sales-walk-${name}.png`) });
const editorOf = (p: Page) => p.locator('wb-after-sales-cases wb-after-sales-case-editor');

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  fx = await startFulfillment({ inProcess: true, listen: true, folders: [AFTER_SALES, STAFF_RULES], enabled: ['listings', 'fulfillment', 'after-sales', 'staff-rules'] });
  const skus = await createSkus(fx.owner, 3, 'ASW');
  expect((await fx.owner.post('/api/staff-rules/staff', { code: '7', name: '李小丽', department: 'warehouse' })).status).toBe(201);
  // Taobao's export: one order of two lines shipped, the buyer asking a refund on its second line.
  const options = { orders: 6, seed: 31, firstOrderNo: '5831000000000001', layout: 'later', skuCodes: skus.map((s) => s.code) } as const;
  const at = taobaoExport({ ...options, statusOf: () => 'paid' }).orders.findIndex((o) => o.items.length > 1);
  exported = taobaoExport({ ...options, statusOf: (i) => (i === at ? 'shipped' : 'paid') });
  const order = exported.orders[at]!;
  refundedLine = { orderNo: order.orderNo, lineKey: order.items[1]!.lineKey };
  browser = await launchChromium();
  owner = await openPage(browser, fx.server.url, { expectedStatuses: [400, 413] });
  page = owner.page;
  page.setDefaultTimeout(10_000);
  await page.setViewportSize({ width: 1440, height: 900 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await fx?.server.dispose();
});

describe('a return from the Taobao import to the refund, in the browser', () => {
  it('imports the refund, works the case with a photo and a dispute, and staff-rules prices the mistake', async () => {
    await logIn(page, OWNER.username, OWNER.password, fx.server.url);
    await showView(page, '订单');
    const orders = page.locator('wb-fulfillment-orders');
    await orders.locator('.queues [role=tab]').first().focus();
    await page.keyboard.press('Alt+I');
    const dialog = orders.locator('wb-fulfillment-import-dialog');
    await dialog.locator('wb-dialog[open] label[for=file-orders]').waitFor();
    const items = encodeReport(withRefunds(exported.itemReport, new Map([[refundedLine.lineKey, { state: '买家已经申请退款，等待卖家同意' }]])), 'gbk');
    await dialog.locator('#file-orders').setInputFiles({ name: exported.orderFile.name, mimeType: 'text/csv', buffer: Buffer.from(exported.orderFile.bytes) });
    await dialog.locator('#file-items').setInputFiles({ name: exported.itemFile.name, mimeType: 'text/csv', buffer: Buffer.from(items) });
    await dialog.locator('button.start').click();
    await dialog.locator('wb-progress .done', { hasText: '已完成' }).waitFor();
    await dialog.locator('wb-dialog button', { hasText: '关闭' }).click();

    await showView(page, '售后单');
    const queue = page.locator('wb-after-sales-cases');
    const row = queue.locator('tr[data-case]', { hasText: refundedLine.orderNo });
    await expect(row.textContent()).resolves.toMatch(/退货退款.*等待卖家同意.*淘宝退款/);
    await row.click();
    const editor = editorOf(page);
    await editor.locator('[data-state=wait-seller-agree]').waitFor();

    // A photo of the goods (any real PNG will do: the page itself), then a text file named .jpg.
    const photos = editor.locator('wb-after-sales-case-photos');
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 240 } });
    await photos.locator('input[type=file]').setInputFiles({ name: '退回的商品.png', mimeType: 'image/png', buffer: png });
    await photos.locator('button[data-photo="退回的商品.png"] img').waitFor();
    await photos.locator('input[type=file]').setInputFiles({ name: '面单.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是照片') });
    await photos.locator('[role=alert]', { hasText: '「面单.jpg」不是照片：只收 JPEG、PNG 或 WebP 图片' }).waitFor();
    // The waybill's photo dropped on the photo area, as from the desktop.
    await photos.locator('select[name=subject]').selectOption('waybill');
    const dropped = await page.evaluateHandle((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], '运单.png', { type: 'image/png' }));
      return transfer;
    }, [...png]);
    await photos.locator('[data-photos]').dispatchEvent('drop', { dataTransfer: dropped });
    await photos.locator('button[data-photo="运单.png"]', { hasText: '面单' }).waitFor();
    await photos.locator('button[data-photo="退回的商品.png"]').click();
    const large = photos.locator('wb-dialog[open] img.large');
    await large.waitFor();
    expect(await large.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await shot(page, 'photo-1440-zh');
    await page.keyboard.press('Escape');

    for (const to of ['wait-buyer-return', 'wait-seller-confirm']) {
      await editor.locator(`button[data-to=${to}]`).click();
      await editor.locator(`[data-state=${to}]`).waitFor();
    }
    const refund = editor.locator('form[aria-label=记退款]');
    await refund.locator('input[name=goods]').fill('10');
    await refund.locator('button').click();
    await editor.locator('[data-refunded]', { hasText: '货款 10.00' }).waitFor();
    const decide = editor.locator('form[aria-label=责任]');
    await decide.locator('select[name=party]').selectOption('shop');
    await decide.locator('select[name=mistake]').selectOption('wrong-pack');
    await decide.locator('input[name=returnShipping]').fill('12');
    // Packed before the shop used the stations: nobody recorded, so the clerk names the packer by 工号.
    await decide.locator('input[name=responsible]').fill('7');
    await decide.locator('button').click();
    await editor.locator('[data-explanation]', { hasText: '责任人：指定 李小丽' }).waitFor();

    // The dispute: talk first, then the appeal, then the outcome; the bundle lists the photo.
    const dispute = editor.locator('wb-after-sales-case-dispute');
    for (const [kind, text] of [['talk', '买家说收到的颜色不对'], ['appeal', '附照片申诉：发出的是黑色'], ['outcome', '平台判定退货退款']] as const) {
      await dispute.locator('select[name=kind]').selectOption(kind);
      await dispute.locator('textarea[name=text]').fill(text);
      await dispute.locator('button[type=submit]').click();
      await dispute.locator(`li[data-kind=${kind}]`, { hasText: text }).waitFor();
    }
    await dispute.locator('text=纠纷已有结果，记录已结束').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), dispute.locator('a[data-bundle]').click()]);
    const bundle = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(bundle.photos).toEqual([
      expect.objectContaining({ name: '退回的商品.png', subject: 'goods', type: 'image/png', size: png.byteLength, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      expect.objectContaining({ name: '运单.png', subject: 'waybill', size: png.byteLength }),
    ]);
    expect(bundle.dispute.map((e: { kind: string }) => e.kind)).toEqual(['talk', 'appeal', 'outcome']);
    await shot(page, 'case-1440-zh');
    await page.setViewportSize({ width: 1024, height: 700 });
    await shot(page, 'case-1024-zh');

    await editor.locator('button[data-to=refunded]').click();
    await editor.locator('[data-state=refunded]').waitFor();

    await showView(page, '罚款奖励与基金');
    const ledger = page.locator('wb-staff-rules-fines-ledger');
    const penalty = ledger.locator('wb-staff-rules-amount', { hasText: '李小丽' });
    await penalty.waitFor();
    await expect(penalty.locator('.badge').first().textContent()).resolves.toBe('失误赔偿');
    await expect(penalty.locator('p.text').textContent()).resolves.toMatch(/AS-\d+/);
    await shot(page, 'fines-1024-zh');
  });

  it('shows the same case in English', async () => {
    const errorsBefore = owner.errors.length;
    const switched = await page.evaluate(async () => {
      const r = await fetch('/api/auth/me', { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'X-Workbench-Request': '1' }, body: JSON.stringify({ locale: 'en' }) });
      return r.status;
    });
    expect(switched).toBe(200);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.reload();
    await showView(page, 'After-sales cases');
    const queue = page.locator('wb-after-sales-cases');
    await queue.locator('input[type=checkbox]').uncheck();
    await queue.locator('tr[data-case]', { hasText: refundedLine.orderNo }).click();
    const editor = editorOf(page);
    await editor.locator('[data-state=refunded]', { hasText: 'Refunded' }).waitFor();
    await editor.locator('wb-after-sales-case-photos button[data-photo="运单.png"]', { hasText: 'Waybill' }).waitFor();
    await editor.locator('wb-after-sales-case-dispute', { hasText: 'The dispute has its outcome' }).waitFor();
    await shot(page, 'case-1440-en');
    await page.setViewportSize({ width: 1024, height: 700 });
    await shot(page, 'case-1024-en');
    expect(owner.errors.slice(errorsBefore)).toEqual([]);
    expect(owner.foreign).toEqual([]);
  });
});
