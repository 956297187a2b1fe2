import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, TEST_OWNER, type TestHost } from '@workbench/plugin-api/testing';
import { SCREENSHOTS, showView, signedInPage, type SignedInPage } from '../helpers/browser.js';
import { copyPhrase } from '../helpers/phrase-panel.js';
import { approve, createSkus, pickedWave, stockUp, type Client, type TestSku } from '../helpers/shop-fixtures.js';
import { encodeReport, taobaoExport } from '../helpers/shop-fixtures.js';

// One order through all six plugins, in Chromium, by the people who work it: the 客服 imports the
// Taobao reports and answers the buyer with a phrase filled from the order; the 仓管 ships it; the
// buyer sends it back, the 仓管 receives the return, the 客服 refunds it and finds the shop's own
// mistake — her remark — which staff-rules turns into a penalty the owner sees; the robe, now
// short, is suggested for reorder, ordered from the supplier and received at the receiving station.
const ROOT = resolve(import.meta.dirname, '..', '..');
const PLUGINS = ['after-sales', 'staff-rules', 'procurement', 'cs-scripts'].map((id) => join(ROOT, 'plugins', id));
const PASSWORD = { password: 'staff-pass-123' };

let host: TestHost;
let owner: Client;
let robe: TestSku;
let kefu: SignedInPage;
let cangguan: SignedInPage;
let boss: SignedInPage;
let orderNo = '';
let orderId = 0;
let trackingNo = '';
let agentId = 0;

const shot = (p: Page, name: string) => p.screenshot({ path: join(SCREENSHOTS, `six-plugins-${name}.png`) });
const errorsOf = (s: SignedInPage) => s.watched.errors.slice(s.errorsAtLogIn);

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  host = await startTestHost({ plugins: PLUGINS, enabled: ['listings', 'fulfillment', 'after-sales', 'staff-rules', 'procurement', 'cs-scripts'], clock: 'system', listen: true });
  owner = host.owner as unknown as Client;
  [robe] = (await createSkus(owner, 1, 'DAY')) as [TestSku];
  // Six robes in the bin, and a company's order of 42 shipped three days ago: the robe sells fast.
  await stockUp(owner, robe, 'A-01-01-01', 6);
  const company = await owner.post('/api/fulfillment/orders', {
    buyerNick: 'tb_公司团购', receiverName: '林小鱼', receiverPhone: '13812341234', receiverAddress: '浙江省杭州市西湖区文三路 100 号', shippingFee: 0, paid: true,
    items: [{ skuCode: robe.code, quantity: 42 }],
  });
  expect(company.status, company.text).toBe(201);
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000 + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
  await host.write((tx) => tx.run("UPDATE fulfillment_orders SET status = 'shipped', shipped_at = ? WHERE id = ?", [threeDaysAgo, company.body.id]));
  const supplier = (await owner.post('/api/procurement/suppliers', { name: '常熟暖绒服饰', contact: '陈姐', leadTimeDays: 4 })).body;
  expect((await owner.put(`/api/procurement/suppliers/${supplier.id}/items`, { skuCode: robe.code, price: 4200, minQuantity: 10 })).status).toBe(200);

  // The 客服 is 3 in staff-rules, her account linked; the 仓管 also buys.
  const kefuClient = await host.staff('kefu', ['customer-service']);
  await host.staff('cangguan', ['warehouse', 'purchasing']);
  const linked = await owner.post('/api/staff-rules/staff', { code: '3', name: '赵敏', department: 'cs-presale', accountId: (await kefuClient.get('/api/auth/me')).body.id });
  expect(linked.status, linked.text).toBe(201);
  agentId = linked.body.id;
  [kefu, cangguan, boss] = await Promise.all([
    signedInPage(host.url, { username: 'kefu', ...PASSWORD }, 15_000),
    signedInPage(host.url, { username: 'cangguan', ...PASSWORD }, 15_000),
    signedInPage(host.url, TEST_OWNER, 15_000),
  ]);
}, 120_000);

afterAll(async () => {
  for (const s of [kefu, cangguan, boss]) await s?.browser.close();
  await host?.close();
});

test('the 客服 imports the Taobao reports; the order is in the queue with her remark', async () => {
  const page = kefu.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  const exported = taobaoExport({ orders: 1, seed: 64, firstOrderNo: '5610000000000001', layout: 'later', skuCodes: [robe.code], statusOf: () => 'paid' });
  orderNo = exported.orders[0]!.orderNo;
  await showView(page, '订单');
  const view = page.locator('wb-fulfillment-orders');
  await view.locator('wb-data-table').waitFor();
  await view.locator('.queues [role=tab]').first().focus();
  await page.keyboard.press('Alt+I');
  const dialog = view.locator('wb-fulfillment-import-dialog');
  await dialog.locator('wb-dialog[open] label[for=file-orders]').waitFor();
  const file = (f: { name: string; bytes: Uint8Array }) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.bytes) });
  await dialog.locator('#file-orders').setInputFiles(file(exported.orderFile));
  await dialog.locator('#file-items').setInputFiles(file(exported.itemFile));
  await dialog.locator('button.start').click();
  await dialog.locator('.report dd.created', { hasText: '1' }).waitFor();
  await dialog.locator('wb-dialog button', { hasText: '关闭' }).click();
  const found = (await owner.get(`/api/fulfillment/orders?q=${orderNo}`)).body.items[0];
  orderId = found.id;
  expect(found.platformStatus).toBe('paid');
  // She checked it with the buyer: 工号 3, 申通, in the shop's remark format.
  const remark = await owner.post(`/api/fulfillment/orders/${orderId}/remarks`, { text: '3+申通+已核对尺码' });
  expect(remark.status, remark.text).toBe(201);
  await view.locator('wb-data-table', { hasText: orderNo }).waitFor();
  await shot(page, 'orders');
});

test('the 仓管 ships it at the shipping station by keyboard', async () => {
  await approve(owner, { id: orderId });
  await pickedWave(owner, [orderId]);
  const page = cangguan.page;
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.keyboard.press('Control+Alt+KeyS');
  const station = page.locator('wb-fulfillment-ship-station');
  await station.locator('h2', { hasText: '发货台' }).waitFor();
  await station.locator('input#ref').fill(orderNo);
  await station.locator('input#ref').press('Enter');
  await station.locator('wb-fulfillment-ship-order', { hasText: orderNo }).waitFor();
  trackingNo = `77${Date.now().toString().slice(-13)}`;
  await station.locator('input#tracking').fill(trackingNo);
  await station.locator('input#tracking').press('Enter');
  await station.locator('input#weight').fill('650');
  await station.locator('input#weight').press('Enter');
  await station.locator('.banner.pass', { hasText: trackingNo }).waitFor();
  await shot(page, 'shipped');
  expect((await owner.get(`/api/fulfillment/orders/${orderId}`)).body).toMatchObject({ status: 'shipped', trackingNo });
});

test('the buyer asks where it is: the 客服 answers with :ship, filled from the order, by keyboard', async () => {
  const page = kefu.page;
  await showView(page, '快捷短语');
  const copied = await copyPhrase(page, orderNo, 'ship');
  await expect.poll(() => copied.textContent()).toContain(trackingNo);
  await expect(copied.textContent()).resolves.toMatch(new RegExp(`订单 ${orderNo} 已经用申通发出`));
  await shot(page, 'phrase');
});

test('the return: opened by the 客服, received by the 仓管, refunded; the owner finds it was her remark and sees the penalty', async () => {
  const page = kefu.page;
  await showView(page, '售后单');
  const view = page.locator('wb-after-sales-cases');
  await view.locator('input[name=orderNo]').fill(orderNo);
  await view.locator('select[name=kind]').selectOption('return-refund');
  await view.locator('select[name=reason]').selectOption('尺码不合适');
  await view.locator('button[type=submit]').click();
  const editor = view.locator('wb-after-sales-case-editor');
  await editor.locator('[data-state=wait-seller-agree]').waitFor();
  await editor.locator('button[data-to=wait-buyer-return]').click();
  await editor.locator('[data-state=wait-buyer-return]').waitFor();
  const caseId = (await owner.get(`/api/after-sales/cases?orderNo=${orderNo}`)).body.items[0].id;
  expect((await owner.put(`/api/after-sales/cases/${caseId}/return-tracking`, { trackingNo: 'YT5566778899' })).status).toBe(200);

  // The parcel comes back: the 仓管 scans it and counts the robe intact.
  const returns = cangguan.page;
  await showView(returns, '退货收货');
  const station = returns.locator('wb-after-sales-returns');
  await station.locator('input[name=code]').fill('YT5566778899');
  await station.locator('input[name=code]').press('Enter');
  const intact = station.locator('form.case input[name=intact]');
  await intact.waitFor();
  await intact.fill('1');
  await intact.press('Enter');
  await expect.poll(() => station.locator('.done').textContent()).toContain('完好 1 件');

  // Back with the 客服: the refund, and whose mistake it was.
  await page.reload();
  await showView(page, '售后单');
  await view.locator('tr[data-case]', { hasText: orderNo }).click();
  const paid = (await owner.get(`/api/after-sales/cases/${caseId}`)).body.linePaid as number;
  const refund = editor.locator('form[aria-label=记退款]');
  await refund.locator('input[name=goods]').fill((paid / 100).toFixed(2));
  await refund.locator('button').click();
  await editor.locator('[data-refunded]').waitFor();
  // Whose mistake it was is the owner's call: the remark said the wrong size, and it was hers.
  const ownerPage = boss.page;
  await showView(ownerPage, '售后单');
  const ownerView = ownerPage.locator('wb-after-sales-cases');
  await ownerView.locator('tr[data-case]', { hasText: orderNo }).click();
  const ownerEditor = ownerView.locator('wb-after-sales-case-editor');
  const decide = ownerEditor.locator('form[aria-label=责任]');
  await decide.locator('select[name=party]').selectOption('shop');
  await decide.locator('select[name=mistake]').selectOption('cs-remark');
  await decide.locator('input[name=returnShipping]').fill('12');
  await decide.locator('button').click();
  await ownerEditor.locator('[data-explanation]', { hasText: '赵敏' }).waitFor();
  await ownerEditor.locator('button[data-to=refunded]').click();
  await ownerEditor.locator('[data-state=refunded]').waitFor();
  await shot(ownerPage, 'case');

  const ledger = boss.page;
  await showView(ledger, '罚款奖励与基金');
  const row = ledger.locator('wb-staff-rules-fines-ledger wb-staff-rules-amount', { hasText: '赵敏' });
  await row.waitFor();
  await expect(row.locator('p.text').textContent()).resolves.toContain(`AS-${caseId}`);
  await shot(ledger, 'penalty');
  const fines = (await owner.get(`/api/staff-rules/fines?staffId=${agentId}&kind=penalty`)).body.items;
  expect(fines.some((a: { source: string }) => a.source === 'after-sales')).toBe(true);
});

test('the robe is suggested for reorder, ordered from the supplier and received by scanner', async () => {
  const page = boss.page;
  await showView(page, '补货建议');
  const suggestions = page.locator('wb-procurement-suggestions');
  const row = suggestions.locator(`tr.line[data-sku="${robe.code}"]`);
  await row.waitFor();
  await shot(page, 'suggestion');
  const suggestion = (await owner.get('/api/procurement/suggestions')).body.items.find((s: { skuCode: string }) => s.skuCode === robe.code);
  expect(suggestion.quantity).toBeGreaterThan(0);

  // The 仓管 writes the order, the owner approves it, it goes to the supplier.
  const clerk = await host.staff('cangguan2', ['warehouse', 'purchasing']);
  const supplierId = suggestion.supplier.id;
  const draft = await clerk.post('/api/procurement/orders', { supplierId, lines: [{ skuCode: robe.code, qty: suggestion.quantity, price: 4200 }] });
  expect(draft.status, draft.text).toBe(201);
  const approved = await owner.post(`/api/procurement/orders/${draft.body.id}/approve`, { version: draft.body.version });
  expect(approved.status, approved.text).toBe(200);
  expect((await clerk.post(`/api/procurement/orders/${draft.body.id}/send`, { version: approved.body.version })).status).toBe(200);

  const scanPage = cangguan.page;
  await showView(scanPage, '采购收货台');
  const station = scanPage.locator('wb-procurement-receiving');
  await station.locator('input[name=poNo]').fill(draft.body.poNo);
  await station.locator('input[name=poNo]').press('Enter');
  const scan = station.locator('input.scan');
  await scan.waitFor();
  for (let i = 0; i < suggestion.quantity; i++) {
    await scan.fill(robe.code);
    await scan.press('Enter');
  }
  await scan.press('Control+Enter');
  await station.locator('p.msg', { hasText: '已收货' }).waitFor();
  await shot(scanPage, 'received');
  const stock = (await owner.get(`/api/fulfillment/stock?sku=${robe.id}`)).body.items[0];
  // Six, one shipped, one back intact, and what was ordered.
  expect(stock.onHand).toBe(6 + suggestion.quantity);
  for (const s of [kefu, cangguan, boss]) expect(errorsOf(s)).toEqual([]);
});
