import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, logIn, openPage, showView, type WatchedPage } from '../helpers/browser.js';
import { OWNER, type Client } from '../helpers/client.js';
import { ROOT, type TestServer } from '../helpers/server.js';
import { colleague, createSkus, pickedWave, runImport, startFulfillment, stockUp, type TestSku } from '../../plugins/fulfillment/test/api.js';
import { encodeReport, taobaoExport, type TaobaoExport } from '../../plugins/fulfillment/test/fixtures/taobao-export.mjs';

// The orders UI as the shop uses it: the owner imports a GBK order report with its item report
// through the dialog, finds the orders in the list, opens one, remarks and approves it, runs the
// automatic review on what a search shows and on the chosen rest; a packer without 查看收件人完整信息
// sees the phones masked; an item the export gives no 商家编码 is mapped to its SKU from the order editor.
const SHOTS = join(ROOT, 'test-results');
const PACKER = { username: 'dabao', password: 'staff-pass-123' };

let server: TestServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
let errorsAtLogIn = 0;
let skus: TestSku[] = [];
let exported: TaobaoExport;

async function shot(p: Page, name: string) {
  await p.screenshot({ path: join(SHOTS, `fulfillment-${name}.png`) });
}

const ordersView = (p: Page) => p.locator('wb-fulfillment-orders');
/** The editor in the tab in front (tabs behind stay alive, hidden). */
const activeEditor = (p: Page) => p.locator('wb-editor-area [role=tabpanel]:not([hidden]) wb-fulfillment-order-editor');
const row = (p: Page, orderNo: string) => ordersView(p).locator('wb-data-table [role=row]', { hasText: orderNo });

/** The order picked, verified line by line and shipped with 申通 through the API, as the owner. */
async function shipWithSto(orderNo: string) {
  const { id } = (await api.get(`/api/fulfillment/orders?q=${orderNo}`)).body.items[0] as { id: number };
  await pickedWave(api, [id]);
  const picked = (await api.get(`/api/fulfillment/orders/${id}`)).body as { version: number; items: { skuCode: string | null; quantity: number }[] };
  for (const line of picked.items) {
    for (let i = 0; i < line.quantity; i++) await api.post(`/api/fulfillment/verification/${id}/scan`, { code: line.skuCode });
  }
  const verified = (await api.get(`/api/fulfillment/orders/${id}`)).body as { version: number };
  const reply = await api.post(`/api/fulfillment/orders/${id}/ship`, { version: verified.version, courier: 'STO', trackingNo: '77001234567890', weightGrams: 500 });
  expect(reply.status, reply.text).toBe(200);
  return reply.body as { courier: string };
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  ({ server, owner: api } = await startFulfillment({ inProcess: true, listen: true }));
  skus = await createSkus(api, 3, 'UI');
  for (const [i, sku] of skus.entries()) await stockUp(api, sku, `A-01-01-0${i + 1}`, 30);
  // Six orders: the sixth (index 5) unpaid, the fourth (index 3) with a buyer message.
  exported = taobaoExport({ orders: 6, skuCodes: skus.map((s) => s.code), seed: 4, placedFrom: '2026-11-11 08:00:00' });
  await colleague(server, api, PACKER.username, ['fulfillment.orders.read']);
  browser = await launchChromium();
  owner = await openPage(browser, server.url, { expectedStatuses: [400] });
  page = owner.page;
  page.setDefaultTimeout(15_000);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('the orders UI in Chromium', () => {
  it('imports the order report and the item report (GBK) through the dialog, with progress and the result', async () => {
    await logIn(page, OWNER.username, OWNER.password, server.url);
    errorsAtLogIn = owner.errors.length;
    await showView(page, '订单');
    await ordersView(page).locator('wb-data-table').waitFor();
    // Alt+I in the view opens the import dialog (the hint line says so).
    await ordersView(page).locator('.queues [role=tab]').first().focus();
    await page.keyboard.press('Alt+I');
    const dialog = ordersView(page).locator('wb-fulfillment-import-dialog');
    await dialog.locator('wb-dialog[open] label[for=file-orders]').waitFor();
    await expect(dialog.locator('button.start').isDisabled()).resolves.toBe(true);
    const file = (name: string, bytes: Uint8Array) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });

    // First an item report whose first line says 两件 for the quantity: refused, nothing imported.
    const lines = exported.itemReport.split('\r\n');
    const cells = lines[1]!.split(',');
    cells[3] = '两件';
    lines[1] = cells.join(',');
    await dialog.locator('#file-orders').setInputFiles(file(exported.orderFile.name, exported.orderFile.bytes));
    await dialog.locator('#file-items').setInputFiles(file(exported.itemFile.name, encodeReport(lines.join('\r\n'), 'gbk')));
    await dialog.locator('button.start').click();
    const refused = dialog.locator('.report .rejected tbody tr');
    await refused.first().waitFor();
    await expect(refused.first().textContent()).resolves.toMatch(new RegExp(`${exported.itemFile.name}\\s*2\\s*购买数量.*两件`));
    await dialog.locator('.report', { hasText: '一个订单也没有导入' }).waitFor();
    await shot(page, 'import-refused');
    expect((await api.get('/api/fulfillment/orders')).body.total).toBe(0);

    // Then the files as exported.
    await dialog.locator('#file-items').setInputFiles(file(exported.itemFile.name, exported.itemFile.bytes));
    await dialog.locator('.file .name', { hasText: exported.itemFile.name }).waitFor();
    await shot(page, 'import-chosen');
    await dialog.locator('button.start').click();
    await dialog.locator('wb-progress [role=progressbar]').waitFor();
    await dialog.locator('wb-progress .done', { hasText: '已完成' }).waitFor();
    await dialog.locator('.report dd.created', { hasText: '6' }).waitFor();
    await expect(dialog.locator('.report dd.updated').textContent()).resolves.toBe('0');
    await shot(page, 'import-result');
    await dialog.locator('wb-dialog button', { hasText: '关闭' }).click();

    // The list shows the six, with their counts per state.
    for (const o of exported.orders) await row(page, o.orderNo).waitFor();
    const listed = (await api.get('/api/fulfillment/orders?pageSize=50')).body;
    expect(listed.total).toBe(6);
    const all = ordersView(page).locator('.queues [data-status=all] .n');
    await expect(all.textContent()).resolves.toBe('6');
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
  });

  it('opens an order, refuses a remark in the wrong format, adds a right one and approves the order', async () => {
    const target = exported.orders[0]!;
    await row(page, target.orderNo).dblclick();
    const editor = activeEditor(page);
    await editor.locator('h2.order-no', { hasText: target.orderNo }).waitFor();
    await editor.locator('wb-fulfillment-order-items tr[data-sku]').first().waitFor();
    expect(await editor.locator('wb-fulfillment-order-items tr[data-sku]').count()).toBe(target.items.length);
    // The owner sees the receiver in full.
    await expect(editor.locator('wb-fulfillment-order-receiver .receiverPhone').textContent()).resolves.toBe(target.receiverPhone);

    const remarks = editor.locator('wb-fulfillment-order-remarks');
    await remarks.locator('#remark').fill('记得送袜子');
    await remarks.locator('#remark').press('Enter');
    const problem = remarks.locator('.field-error[role=alert]');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toMatch(/[\u4e00-\u9fff]/);
    await expect(remarks.locator('#remark').getAttribute('aria-invalid')).resolves.toBe('true');
    await remarks.locator('#remark').fill('12+申通+送袜子一双');
    await remarks.locator('#remark').press('Enter');
    await remarks.locator('ul.remarks li', { hasText: '送袜子一双' }).waitFor();
    await expect(remarks.locator('ul.remarks li .agent').first().textContent()).resolves.toContain('12');

    const review = editor.locator('wb-fulfillment-order-review');
    await review.locator('ul.findings li').first().waitFor();
    await editor.locator('h2.order-no').scrollIntoViewIfNeeded();
    await shot(page, 'order-editor');
    await review.locator('button.act-approve').click();
    await page.locator('wb-toasts', { hasText: '已审核通过' }).waitFor();
    await editor.locator('header [data-status=approved]').waitFor();
    await editor.locator('wb-fulfillment-order-history .step-reviewedBy', { hasText: OWNER.displayName }).waitFor();
    const saved = (await api.get(`/api/fulfillment/orders?q=${target.orderNo}`)).body.items[0];
    expect(saved.status).toBe('approved');
    // Paid on Taobao: the refund happens there, so the review offers 标记待退款 instead of 关闭.
    await review.locator('button.act-awaiting-refund').waitFor();
    expect(await review.locator('button.act-close').count()).toBe(0);
    const detail = (await api.get(`/api/fulfillment/orders/${saved.id}`)).body;
    expect(detail.remarks.map((r: { text: string }) => r.text)).toContain('12+申通+送袜子一双');
    // A red flag from the header's picker, saved at the version just read.
    await editor.locator('wb-fulfillment-order-flag-picker button[data-flag="1"]').click();
    await editor.locator('wb-fulfillment-order-flag-picker button[data-flag="1"][aria-checked=true]').waitFor();
    expect((await api.get(`/api/fulfillment/orders/${saved.id}`)).body.flag).toBe(1);
    // The list heard of both: the row's badge says 已审核 and it carries the red flag.
    await showView(page, '订单');
    await row(page, target.orderNo).locator('[data-status=approved]').waitFor();
    await row(page, target.orderNo).locator('[data-flag="1"]').waitFor();
    await shot(page, 'order-approved');
  });

  it('auto-reviews what the search shows, naming the exact count, and leaves the orders behind the search', async () => {
    const view = ordersView(page);
    const target = exported.orders[1]!;
    const pendingBefore = (await api.get('/api/fulfillment/orders?status=pending&pageSize=1')).body.total;
    expect(pendingBefore).toBeGreaterThan(2);
    await view.locator('wb-data-table input[type=search]').fill(target.orderNo);
    await view.locator('wb-data-table [role=row][aria-rowindex="2"]', { hasText: target.orderNo }).waitFor();
    await view.locator('wb-data-table [role=row][aria-rowindex="3"]').waitFor({ state: 'detached' });
    await view.locator('wb-toolbar button.auto-review').click();
    // The confirmation counts what the search shows, not the whole shop's 待审核 orders.
    await view.locator('wb-dialog[open] p', { hasText: '当前筛选出的 1 个待审核订单' }).waitFor();
    await shot(page, 'auto-review-confirm');
    await view.locator('wb-dialog[open] button', { hasText: '审核 1 单' }).click();
    const outcome = view.locator('wb-fulfillment-orders-outcome');
    await outcome.locator(`table.outcomes tbody tr[data-order="${target.orderNo}"]`).waitFor();
    expect(await outcome.locator('table.outcomes tbody tr').count()).toBe(1);
    await outcome.locator('wb-dialog button', { hasText: '知道了' }).click();
    expect((await api.get('/api/fulfillment/orders?status=pending&pageSize=1')).body.total).toBe(pendingBefore - 1);
    await view.locator('wb-data-table input[type=search]').fill('');
  });

  it('auto-reviews the selected 待审核 orders and shows each outcome with the counts', async () => {
    const view = ordersView(page);
    await view.locator('.queues [data-status=pending]').click();
    await expect(view.locator('.queues [data-status=pending]').getAttribute('aria-selected')).resolves.toBe('true');
    const before = (await api.get('/api/fulfillment/orders?status=pending&pageSize=50')).body;
    expect(before.total).toBeGreaterThan(0);
    await view.locator('wb-data-table [role=row][aria-rowindex="2"]', { hasText: before.items[0].orderNo }).waitFor();
    await view.locator('wb-data-table [role=columnheader] input[type=checkbox]').check();
    await view.locator('wb-data-table button', { hasText: '自动审单' }).click();
    await view.locator('wb-dialog[open] p', { hasText: `审核选中的 ${before.total} 单` }).waitFor();
    await view.locator('wb-dialog[open] button', { hasText: `审核 ${before.total} 单` }).click();
    const outcome = view.locator('wb-fulfillment-orders-outcome');
    await outcome.locator('table.outcomes tbody tr').first().waitFor();
    expect(await outcome.locator('table.outcomes tbody tr').count()).toBe(before.total);
    const after = (await api.get('/api/fulfillment/orders?pageSize=50')).body;
    const approved = before.items.filter((o: { id: number }) => after.items.find((a: { id: number; status: string }) => a.id === o.id)?.status === 'approved').length;
    const exceptions = before.items.length - approved;
    await expect(outcome.locator('.summary').textContent()).resolves.toBe(`审核通过 ${approved} 单，转异常 ${exceptions} 单。`);
    // The unpaid order cannot pass; it is among the exceptions with its reason.
    const unpaid = exported.orders[5]!;
    await expect(outcome.locator(`tr[data-order="${unpaid.orderNo}"]`).textContent()).resolves.toMatch(/异常/);
    await shot(page, 'auto-review');
    await outcome.locator('wb-dialog button', { hasText: '知道了' }).click();
    await view.locator('.queues [data-status=pending] .n', { hasText: '0' }).waitFor();
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
  });

  it('enters an order by hand from Ctrl+Alt+O, and the tab becomes the saved order', async () => {
    await page.locator('wb-editor-area').click({ position: { x: 600, y: 20 } });
    await page.keyboard.press('Control+Alt+O');
    const entry = activeEditor(page).locator('wb-fulfillment-order-entry');
    await entry.locator('h2', { hasText: '手工录入订单' }).waitFor();
    await entry.locator('#buyerNick').fill('tb_电话下单');
    await entry.locator('#receiverName').fill('周大福');
    await entry.locator('#receiverPhone').fill('13900001111');
    await entry.locator('#receiverAddress').fill('江苏省南京市鼓楼区中山北路 1 号');
    await entry.locator('tr[data-row="0"] input[name=skuCode]').fill(skus[1]!.code);
    await entry.locator('tr[data-row="0"] input[name=quantity]').fill('2');
    await entry.locator('#shippingFee').fill('8');
    await shot(page, 'order-entry');
    // A 满就送 running on the listed hoodie: the order gets the gift as a line of its own, marked 赠品.
    const product = (await api.get(`/api/listings/skus?code=${encodeURIComponent(skus[0]!.code)}`)).body.items[0].productId;
    const draft = (await api.get(`/api/listings/products/${product}`)).body;
    const submitted = await api.post(`/api/listings/products/${product}/submit`, { version: draft.version, reason: '界面测试' });
    const reviewer = await colleague(server, api, 'laoli', ['listings.products.read', 'listings.products.review']);
    expect((await reviewer.post(`/api/listings/products/${product}/review`, { version: submitted.body.version, decision: 'approve' })).status).toBe(200);
    const day = 86_400_000;
    const gift = await api.post('/api/listings/promotions', {
      name: '满 100 送一件',
      kind: 'full-gift',
      rule: { kind: 'full-gift', threshold: 10000, giftSkuId: skus[2]!.id, qty: 1, giftCount: 5 },
      startsAt: new Date(Date.now() - day).toISOString(),
      endsAt: new Date(Date.now() + day).toISOString(),
    });
    expect(gift.status, gift.text).toBe(201);
    await entry.locator('button.save-order').click();
    const editor = activeEditor(page);
    await editor.locator('h2.order-no', { hasText: /^M/ }).waitFor();
    const orderNo = (await editor.locator('h2.order-no').textContent())!.trim();
    await page.locator('wb-editor-area .tab[aria-selected=true]', { hasText: orderNo }).waitFor();
    expect(await page.locator('wb-editor-area .tab', { hasText: '手工录入订单' }).count()).toBe(0);
    const saved = (await api.get(`/api/fulfillment/orders?q=${orderNo}`)).body.items[0];
    expect(saved).toMatchObject({ source: 'manual', shippingFee: 800, total: skus[1]!.price * 2 + 800 });
    await editor.locator('wb-fulfillment-order-items tr.gift', { hasText: '赠品' }).waitFor();
    await shot(page, 'order-gift-line');
    expect((await api.get(`/api/listings/promotions/${gift.body.id}`)).body.giftsLeft).toBe(4);

    // The buyer adds a message by phone; then agrees to ¥5 shipping instead of ¥8.
    const receiver = editor.locator('wb-fulfillment-order-receiver');
    await receiver.locator('button.edit-receiver').click();
    await receiver.locator('#buyerMessage').fill('下午三点后送');
    await receiver.locator('button.save-receiver').click();
    await receiver.locator('.value.buyerMessage', { hasText: '下午三点后送' }).waitFor();
    const prices = editor.locator('wb-fulfillment-order-prices');
    await prices.locator('button.price-change').click();
    await prices.locator('#target').selectOption('');
    await expect(prices.locator('#amount').inputValue()).resolves.toBe('8.00');
    await prices.locator('#amount').fill('5');
    await prices.locator('#reason').fill('买家电话议价，运费优惠 3 元');
    await shot(page, 'price-change');
    await prices.locator('#reason').press('Enter');
    await prices.locator('table.changes tbody tr', { hasText: '买家电话议价' }).waitFor();
    await editor.locator('wb-fulfillment-order-items .shipping-fee', { hasText: '¥5.00' }).waitFor();
    const changed = (await api.get(`/api/fulfillment/orders/${saved.id}`)).body;
    expect(changed).toMatchObject({ buyerMessage: '下午三点后送', shippingFee: 500, total: skus[1]!.price * 2 + 500 });
  });

  it('shows a packer without 查看收件人完整信息 the receivers masked, in the dark theme, with no actions', async () => {
    const packer = await openPage(browser, server.url, { colorScheme: 'dark' });
    const p = packer.page;
    p.setDefaultTimeout(15_000);
    await logIn(p, PACKER.username, PACKER.password, server.url);
    const start = packer.errors.length;
    await showView(p, '订单');
    const target = exported.orders[1]!;
    await row(p, target.orderNo).waitFor();
    // No import, entry or review for a reader.
    expect(await ordersView(p).locator('wb-toolbar button').count()).toBe(0);
    // The search hint names only what finds orders for them: receivers and accounts do not.
    await expect(ordersView(p).locator('p.hint').textContent()).resolves.toContain('搜索：订单号（可只输前几位）、运单号（收件人和支付账号只对能查看顾客信息的同事开放）');
    await shot(p, 'orders-dark');
    await row(p, target.orderNo).dblclick();
    const editor = activeEditor(p);
    await editor.locator('h2.order-no', { hasText: target.orderNo }).waitFor();
    const phone = editor.locator('wb-fulfillment-order-receiver .receiverPhone');
    await expect(phone.textContent()).resolves.toBe(`${target.receiverPhone.slice(0, 3)}****${target.receiverPhone.slice(-4)}`);
    await expect(phone.getAttribute('class')).resolves.toContain('masked');
    await editor.locator('wb-fulfillment-order-receiver .mask-hint').waitFor();
    expect(await editor.locator('wb-fulfillment-order-review .actions button').count()).toBe(0);
    expect(await editor.locator('wb-fulfillment-order-remarks #remark').count()).toBe(0);
    await shot(p, 'order-masked-dark');

    // Couriers by name for a reader who does not ship: the first order, shipped with STO, says 申通.
    const first = exported.orders[0]!;
    const shipped = await shipWithSto(first.orderNo);
    await showView(p, '订单');
    await ordersView(p).locator('.queues [data-status=shipped]').click();
    await ordersView(p).locator('wb-data-table .menu > button').click();
    await ordersView(p).locator('wb-data-table .menu-list label', { hasText: '快递' }).locator('input').check();
    await row(p, first.orderNo).locator('[role=gridcell]', { hasText: '申通' }).waitFor();
    expect(await row(p, first.orderNo).textContent()).not.toContain('STO');
    await shot(p, 'orders-courier-named');
    await row(p, first.orderNo).dblclick();
    const named = activeEditor(p);
    await named.locator('h2.order-no', { hasText: first.orderNo }).waitFor();
    await named.locator('.facts span', { hasText: '快递' }).locator('strong', { hasText: '申通' }).waitFor();
    await expect(named.locator('wb-fulfillment-order-remarks .courier').first().textContent()).resolves.toBe('申通');
    expect(shipped.courier).toBe('STO');
    expect(packer.errors.slice(start)).toEqual([]);
    await p.context().close();
  });

  it('opens the orders view filtered from the home page’s queue widget', async () => {
    await page.locator('wb-editor-area .tab', { hasText: '首页' }).click();
    const widget = page.locator('wb-fulfillment-queue-widget');
    const exceptions = widget.locator('ul.states li[data-key=exception] button');
    await exceptions.waitFor();
    await shot(page, 'queue-widget');
    await exceptions.click();
    await expect(ordersView(page).locator('.queues [data-status=exception]').getAttribute('aria-selected')).resolves.toBe('true');
    const listed = (await api.get('/api/fulfillment/orders?status=exception&pageSize=50')).body;
    await row(page, listed.items[0].orderNo).waitFor();
    await expect(widget.locator('ul.states li[data-key=exception] .n').textContent()).resolves.toBe(String(listed.total));
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
    expect(owner.foreign).toEqual([]);
  });

  it('maps an item the export gives no 商家编码 from the order editor, and lists the mapping under 宝贝对应', async () => {
    // Two orders of one item whose lines carry no code, imported through the API.
    const file = taobaoExport({ orders: 2, skuCodes: [skus[2]!.code], seed: 9, firstOrderNo: '7100000000000001', placedFrom: '2026-11-12 08:00:00', statusOf: () => 'paid' });
    const items = file.itemReport.split('\r\n').map((line, i) => (i === 0 || !line ? line : line.split(',').map((c, k) => (k === 1 ? '手工羊毛围巾 加厚' : k === 5 ? '颜色分类：燕麦色' : k === 9 ? '' : c)).join(',')));
    const run = await runImport(server, api, 'taobao-orders', [file.orderFile, { name: file.itemFile.name, bytes: encodeReport(items.join('\r\n'), 'gbk') }]);
    expect(run.result).toMatchObject({ created: 2, exceptions: 2, rejected: [] });
    const target = file.orders[0]!;
    await showView(page, '订单');
    await ordersView(page).locator('.queues [data-status=exception]').click();
    await row(page, target.orderNo).dblclick();
    const editor = activeEditor(page);
    await editor.locator('h2.order-no', { hasText: target.orderNo }).waitFor();
    const unmapped = editor.locator('wb-fulfillment-order-unmapped');
    await unmapped.locator('li', { hasText: '燕麦色' }).waitFor();
    await unmapped.locator('button.map-item').click();
    const dialog = unmapped.locator('wb-fulfillment-item-mapping-dialog');
    await dialog.locator('wb-fulfillment-sku-choice input').fill(skus[2]!.code);
    await dialog.locator(`[role=option][data-value="${skus[2]!.code}"]`).click();
    await dialog.locator('.chosen', { hasText: skus[2]!.code }).waitFor();
    await shot(page, 'item-mapping-dialog');
    await dialog.locator('button.save-mapping').click();
    await page.locator('wb-toasts', { hasText: '2 个订单已对上' }).waitFor();
    await editor.locator('header [data-status=pending]').waitFor();
    await editor.locator(`wb-fulfillment-order-items tr[data-sku="${skus[2]!.code}"]`).first().waitFor();
    await unmapped.locator('li').first().waitFor({ state: 'detached' });

    await showView(page, '订单');
    await ordersView(page).locator('wb-toolbar button.item-mappings').click();
    const panel = page.locator('wb-editor-area [role=tabpanel]:not([hidden]) wb-fulfillment-item-mappings');
    await panel.locator('table.mappings tr', { hasText: skus[2]!.code }).waitFor();
    await expect(panel.locator('section.waiting').textContent()).resolves.toContain('没有等待对应的宝贝');
    await shot(page, 'item-mappings');
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
  });
});
