import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, colleague, createSkus, enterOrder, startFulfillment, type Client, type TestServer, type TestSku } from '../../plugins/fulfillment/test/api.js';
import { launchChromium, logIn, openPage, showView, type WatchedPage } from '../helpers/browser.js';
import { OWNER } from '../helpers/client.js';
import { ROOT } from '../helpers/server.js';

// The warehouse panels as a clerk uses them, one server, in order: a block of locations, an
// inbound note with a failed piece, a stocktake counted by keyboard with one variance, the ledger
// it leaves, then a courier statement with an unknown number and a weight difference.
const SHOTS = join(ROOT, 'test-results');
const ZONE = 'T';

let server: TestServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
let hoodie: TestSku;
let socks: TestSku;
let errorsAtLogIn = 0;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `fulfillment-${name}.png`) });
const view = () => page.locator('wb-fulfillment-inventory');
/** A part of 库存, with the 库存 list's tab brought to the front first (an editor may be in front). */
const tab = async (label: string) => {
  await showView(page, '库存');
  await view().locator('wb-tabs [role=tab]', { hasText: label }).click();
};

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  ({ server, owner: api } = await startFulfillment({ inProcess: true, listen: true }));
  [hoodie, socks] = (await createSkus(api, 2, 'WH')) as [TestSku, TestSku];
  // The month's stocktake reminder, as the job on the 28th leaves it.
  const reminded = await api.post('/api/jobs/fulfillment/stocktake-reminder/run');
  expect(reminded.status, reminded.text).toBe(200);
  browser = await launchChromium();
  owner = await openPage(browser, server.url);
  page = owner.page;
  page.setDefaultTimeout(10_000);
  await logIn(page, OWNER.username, OWNER.password, server.url);
  errorsAtLogIn = owner.errors.length;
  await showView(page, '库存');
  // The clerk widens the side bar (Shift+→ on its edge) to work the warehouse tables.
  await page.locator('wb-workbench .sash.vertical').focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('the warehouse in Chromium', () => {
  it('shows the stocktake reminder until it is dismissed', async () => {
    const banner = view().locator('wb-fulfillment-inventory-reminders .banner');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('月盘点');
    await shot('reminder');
    await banner.locator('button.dismiss').click();
    await expect.poll(() => banner.count()).toBe(0);
    expect((await api.get('/api/fulfillment/reminders')).body.items).toEqual([]);
  });

  it('creates a block of locations from the 库位 tab', async () => {
    await tab('库位');
    await view().locator('button.new-range').click();
    const dialog = view().locator('wb-fulfillment-location-dialog wb-dialog');
    await dialog.locator('#zone').fill(ZONE);
    await dialog.locator('#levels-to').fill('2');
    await dialog.locator('#bins-to').fill('3');
    await expect(dialog.locator('.preview').textContent()).resolves.toBe(`将建 6 个库位：${ZONE}-01-01-01 … ${ZONE}-01-02-03`);
    await dialog.locator('#capacity').fill('50');
    await shot('location-range');
    await dialog.locator('#capacity').press('Enter');
    await page.locator('wb-toasts', { hasText: '已建 6 个库位' }).waitFor();
    const rows = view().locator('wb-data-table [role=row]', { hasText: `${ZONE}-01-0` });
    await rows.nth(5).waitFor();
    // In path order: level by level, bin by bin.
    const codes = await rows.locator('[role=gridcell]:first-child').allTextContents();
    expect(codes.map((c) => c.trim())).toEqual(['01-01', '01-02', '01-03', '02-01', '02-02', '02-03'].map((x) => `${ZONE}-01-${x}`));
    const listed = await api.get(`/api/fulfillment/locations?zone=${ZONE}`);
    expect(listed.body.items.map((l: { capacity: number }) => l.capacity)).toEqual([50, 50, 50, 50, 50, 50]);

    // The last bin becomes reserve stock with a larger capacity, edited from its row by keyboard.
    await rows.nth(5).click();
    await page.keyboard.press('Enter');
    const edit = view().locator('wb-fulfillment-location-edit-dialog wb-dialog');
    await edit.locator('#kind').selectOption('storage');
    await edit.locator('#capacity').fill('200');
    await shot('location-edit');
    await edit.locator('#capacity').press('Enter');
    await page.locator('wb-toasts', { hasText: `库位 ${ZONE}-01-02-03 已保存` }).waitFor();
    await expect.poll(async () => (await view().locator('wb-data-table [role=row]', { hasText: `${ZONE}-01-02-03` }).textContent()) ?? '').toContain('存储位');
    const edited = (await api.get(`/api/fulfillment/locations?q=${ZONE}-01-02-03`)).body.items[0];
    expect([edited.kind, edited.capacity, edited.version]).toEqual(['storage', 200, 2]);
  });

  it('posts an inbound note with a failed piece, offers its print, and shows 残次 in stock', async () => {
    await tab('入库');
    await view().locator('button.new-inbound').click();
    const form = view().locator('wb-fulfillment-inbound-form');
    await form.locator('#reference').fill('CG-1123');
    await form.locator('#supplier').fill('杭州织里服饰厂');
    const first = form.locator('tr[data-row="0"]');
    await first.locator('input[name=skuCode]').fill(hoodie.code);
    await first.locator('input[name=received]').fill('10');
    await first.locator('input[name=failed]').fill('1');
    // 合格 follows 收货 − 不合格.
    await expect(first.locator('input[name=passed]').inputValue()).resolves.toBe('9');
    await first.locator('input[name=location]').fill(`${ZONE}-01-01-01`);
    await first.locator('input[name=failureReason]').fill('袖口开线');
    await form.locator('button.add-line').click();
    const second = form.locator('tr[data-row="1"]');
    await second.locator('input[name=skuCode]').fill(socks.code);
    await second.locator('input[name=received]').fill('5');
    await second.locator('input[name=location]').fill(`${ZONE}-01-01-02`);
    await shot('inbound-form');
    await second.locator('input[name=location]').press('Enter');
    await form.locator('.done', { hasText: '已过账' }).waitFor();
    await shot('inbound-saved');
    await form.locator('button.print').click();
    const print = page.locator('wb-print-view');
    await print.locator('iframe').waitFor();
    const note = (await api.get('/api/fulfillment/inbound')).body.items[0];
    const frame = page.frameLocator('wb-print-view iframe');
    await frame.locator('h1', { hasText: note.noteNo }).waitFor();
    await shot('inbound-note');

    await tab('库存');
    const row = view().locator('wb-data-table [role=row]', { hasText: hoodie.code });
    await row.waitFor();
    const cells = (await row.locator('[role=gridcell]').allTextContents()).map((c) => c.trim());
    // 商家编码, 在库, 占用, 可用, 残次, 库位
    expect(cells.slice(1, 5)).toEqual(['9', '0', '9', '1']);
    expect(cells[5]).toContain(`${ZONE}-01-01-01×9`);
    await shot('stock');
  });

  it('counts a stocktake by keyboard with one variance and its reason, posts it, and shows the ledger rows', async () => {
    await tab('盘点');
    await view().locator('wb-fulfillment-stocktake-list #zone').fill(ZONE);
    await view().locator('wb-fulfillment-stocktake-list #zone').press('Enter');
    const sheet = page.locator('wb-fulfillment-stocktake');
    await page.locator('wb-editor-area .tab[aria-selected=true]', { hasText: `盘点 ${ZONE} 区` }).waitFor();
    const lines = sheet.locator('tbody tr');
    await lines.nth(1).waitFor();
    await expect(lines.locator('td.code').allTextContents()).resolves.toEqual([`${ZONE}-01-01-01`, `${ZONE}-01-01-02`]);

    // The clerk types the shelf's figures: Enter goes to the next line, then to the reason owed.
    await lines.nth(0).locator('input[name=counted]').focus();
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await expect(lines.nth(1).locator('td.diff').textContent()).resolves.toBe('−1');
    await expect(lines.nth(1).locator('input[name=reason]').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).resolves.toBe(true);
    await page.keyboard.type('少 1 双，疑似上周发错货');
    await shot('stocktake-counted');
    await page.keyboard.press('Enter');
    await expect(sheet.locator('button.post').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    const confirm = sheet.locator('wb-dialog');
    await confirm.locator('p', { hasText: '差异 1 处' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('wb-toasts', { hasText: '盘点已过账' }).waitFor();
    await sheet.locator('.badge', { hasText: '已过账' }).waitFor();
    await shot('stocktake-posted');
    await sheet.locator('button.print').click();
    await page.frameLocator('wb-print-view[heading^="盘点表"] iframe').locator('h1', { hasText: '盘点表' }).waitFor();

    const posted = (await api.get('/api/fulfillment/stocktakes')).body.items[0];
    expect(posted.status).toBe('posted');
    const stock = (await api.get(`/api/fulfillment/stock?q=${socks.code}`)).body.items[0];
    expect(stock.onHand).toBe(4);

    await tab('流水');
    const ledger = view().locator('wb-fulfillment-ledger wb-data-table');
    const adjustment = ledger.locator('[role=row]', { hasText: '少 1 双' });
    await adjustment.waitFor();
    await expect(adjustment.textContent()).resolves.toContain('调整');
    await expect(adjustment.textContent()).resolves.toContain('-1');
    await expect(adjustment.textContent()).resolves.toContain(OWNER.displayName);
    await ledger.locator('[role=row]', { hasText: '袖口开线' }).waitFor();
    await expect(ledger.locator('[role=row]', { hasText: '袖口开线' }).textContent()).resolves.toContain('残次库');
    // The kind filter keeps only the stocktake's adjustment.
    await ledger.locator('select[aria-label="类型"]').selectOption('adjustment');
    await expect.poll(() => ledger.locator('.body [role=row]').count()).toBe(1);
    await shot('ledger');
  });

  it('imports a courier statement and shows an unknown number and a weight difference', async () => {
    const order = await enterOrder(api, [{ sku: hoodie }]);
    await approve(api, order);
    const wave = await api.post('/api/fulfillment/waves', { orderIds: [order.id] });
    expect(wave.status, wave.text).toBe(201);
    const picked = await api.post(`/api/fulfillment/waves/${wave.body.id}/picked`, { version: wave.body.version });
    expect(picked.status, picked.text).toBe(200);
    const current = (await api.get(`/api/fulfillment/orders/${order.id}`)).body;
    const trackingNo = `77${String(Date.now()).slice(-12)}`;
    const shipped = await api.post(`/api/fulfillment/orders/${order.id}/ship`, { version: current.version, courier: 'STO', trackingNo, weightGrams: 800 });
    expect(shipped.status, shipped.text).toBe(200);
    const day = (shipped.body.steps?.shippedBy?.at ?? new Date().toISOString()).slice(0, 10);
    const unknownNo = `43${String(Date.now() + 7).slice(-12)}`;
    // Billed 1.5 kg for a parcel weighed at 0.8 kg (fee as agreed for 0.8 kg), and one we never sent.
    const csv = `运单号,重量(kg),运费(元),日期\n${trackingNo},1.5,5.00,${day}\n${unknownNo},1,5.00,${day}\n`;

    await showView(page, '快递对账');
    const recon = page.locator('wb-fulfillment-reconciliation');
    await recon.locator('button.import').click();
    const upload = recon.locator('wb-fulfillment-reconciliation-upload');
    // A weight nobody can read refuses the whole statement, with the row to fix.
    await upload.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`运单号,重量(kg),运费(元)\n${trackingNo},一公斤,5.00\n`, 'utf8') });
    const refused = upload.locator('.report[role=alert]');
    await refused.waitFor();
    await expect(refused.locator('tbody tr td').first().textContent()).resolves.toBe('2');
    await shot('statement-refused');
    await upload.locator('input[type=file]').setInputFiles({ name: 'sto-statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await upload.locator('.report', { hasText: '未知单号 1 行' }).waitFor();
    await shot('statement-report');
    await upload.locator('button.open-statement').click();
    const statement = recon.locator('wb-fulfillment-reconciliation-statement');
    await statement.locator('details[data-outcome=unknown] tr', { hasText: unknownNo }).waitFor();
    const weight = statement.locator('details[data-outcome=weight] tr', { hasText: trackingNo });
    await weight.waitFor();
    await expect(weight.textContent()).resolves.toContain('+700 g');
    await expect(weight.textContent()).resolves.toContain(order.orderNo);
    await expect(statement.locator('details[data-outcome=unknown] summary .n').textContent()).resolves.toBe('1');
    await shot('statement');
  });

  it('moves stock from the 库存 tab, with the override box only for those who may take stock below zero', async () => {
    await showView(page, '库存');
    await tab('库存');
    const row = view().locator('wb-data-table [role=row]', { hasText: hoodie.code });
    await row.click();
    await page.keyboard.press('Enter');
    const dialog = view().locator('wb-fulfillment-inventory-move-dialog wb-dialog');
    await dialog.locator('#to').fill(`${ZONE}-01-02-01`);
    await dialog.locator('#qty').fill('2');
    // No reason: refused in the form, nothing sent.
    await dialog.locator('button.save').click();
    await expect(dialog.locator('#reason').getAttribute('aria-invalid')).resolves.toBe('true');
    await dialog.locator('#reason').fill('拣货位放不下，挪两件到二层');
    await dialog.locator('#reason').press('Enter');
    await page.locator('wb-toasts', { hasText: `${hoodie.code} 已移库` }).waitFor();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain(`${ZONE}-01-02-01×2`);

    // The owner may override: the box is there, and ticking it says what it means.
    await row.click();
    await page.keyboard.press('Enter');
    await dialog.locator('input[value=adjust]').check();
    await dialog.locator('input[name=override]').check();
    await dialog.locator('.override-warning').waitFor();
    await shot('adjust-override');
    await dialog.locator('button', { hasText: '取消' }).click();

    // A clerk who manages stock without the override permission never sees the box.
    await colleague(server, api, 'cangguan', ['fulfillment.stock.read', 'fulfillment.stock.manage']);
    const other = await openPage(browser, server.url, { colorScheme: 'dark' });
    other.page.setDefaultTimeout(10_000);
    await logIn(other.page, 'cangguan', 'staff-pass-123', server.url);
    const before = other.errors.length;
    await showView(other.page, '库存');
    const otherView = other.page.locator('wb-fulfillment-inventory');
    await otherView.locator('wb-tabs [role=tab]', { hasText: '库存' }).click();
    await otherView.locator('wb-data-table [role=row]', { hasText: hoodie.code }).dblclick();
    const otherDialog = otherView.locator('wb-fulfillment-inventory-move-dialog wb-dialog');
    await otherDialog.locator('input[value=adjust]').check();
    await otherDialog.locator('#qty').waitFor();
    expect(await otherDialog.locator('input[name=override]').count()).toBe(0);
    await other.page.screenshot({ path: join(SHOTS, 'fulfillment-adjust-clerk-dark.png') });
    expect(other.errors.slice(before)).toEqual([]);
    await other.page.context().close();

    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
    expect(owner.foreign).toEqual([]);
  });
});
