import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, launchChromium, logIn, openPage, showView, type WatchedPage } from '../helpers/browser.js';
import { OWNER, type Client } from '../helpers/client.js';
import { ROOT, type TestServer } from '../helpers/server.js';
import { createSkus, startFulfillment } from '../../plugins/fulfillment/test/api.js';
import { encodeReport, taobaoExport } from '../../plugins/fulfillment/test/fixtures/taobao-export.mjs';

// An order report from another system, its header in words of its own (订单号码 for 订单编号,
// 收件人 for 收货人姓名): the orders import dialog asks which column is which, the owner answers,
// the import finishes; the next file of that layout imports without asking; Settings lists the
// saved mapping and removes it. On a small screen (1024×700), as the shop's front PC has.
const SHOTS = join(ROOT, 'test-results');

let server: TestServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
let codes: string[] = [];

/** A pair of reports under the odd header, GBK as exported, with order numbers of their own. */
function oddPair(firstOrderNo: string, seed: number) {
  const exported = taobaoExport({ orders: 3, skuCodes: codes, seed, firstOrderNo, placedFrom: '2026-11-11 08:00:00' });
  const [head, ...rest] = exported.orderReport.split('\r\n');
  const orders = [head!.replace('订单编号', '订单号码').replace('收货人姓名', '收件人'), ...rest].join('\r\n');
  const file = (name: string, bytes: Uint8Array) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  return { orders: file('别家订单.csv', encodeReport(orders, 'gbk')), items: file(exported.itemFile.name, exported.itemFile.bytes), exported };
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  ({ server, owner: api } = await startFulfillment({ inProcess: true, listen: true }));
  codes = (await createSkus(api, 2, 'MAP')).map((s) => s.code);
  browser = await launchChromium();
  owner = await openPage(browser, server.url);
  page = owner.page;
  await page.setViewportSize({ width: 1024, height: 700 });
  page.setDefaultTimeout(15_000);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('mapping the columns of an unknown header in Chromium', () => {
  it('asks, saves the answer, imports; the same layout then imports without asking; Settings lists and removes the mapping', async () => {
    await logIn(page, OWNER.username, OWNER.password, server.url);
    const errorsAtLogIn = owner.errors.length;
    await showView(page, '订单');
    const view = page.locator('wb-fulfillment-orders');
    await view.locator('wb-data-table').waitFor();
    await view.locator('.queues [role=tab]').first().focus();
    await page.keyboard.press('Alt+I');
    const dialog = view.locator('wb-fulfillment-import-dialog');
    await dialog.locator('wb-dialog[open] label[for=file-orders]').waitFor();

    const first = oddPair('5100000000000001', 21);
    await dialog.locator('#file-orders').setInputFiles(first.orders);
    await dialog.locator('#file-items').setInputFiles(first.items);
    await dialog.locator('button.start').click();
    const mapping = dialog.locator('wb-column-mapping');
    await mapping.locator('select[data-field=orderNo]').waitFor();
    // Saving waits until every required field has its column.
    await expect(mapping.locator('button.save-mapping').isDisabled()).resolves.toBe(true);
    await mapping.locator('select[data-field=orderNo]').selectOption('订单号码');
    await mapping.locator('select[data-field=receiverName]').selectOption('收件人');
    await page.screenshot({ path: join(SHOTS, 'import-mapping-asked.png') });
    expect((await api.get('/api/fulfillment/orders')).body.total).toBe(0);
    await mapping.locator('button.save-mapping').click();
    // The same files go again by themselves, and this time the import finishes.
    await dialog.locator('.report dd.created', { hasText: '3' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'import-mapping-done.png') });
    const one = (await api.get(`/api/fulfillment/orders?q=${first.exported.orders[0]!.orderNo}`)).body.items[0];
    expect((await api.get(`/api/fulfillment/orders/${one.id}`)).body.receiverName).toBe(first.exported.orders[0]!.receiverName);

    // Another file of that layout: no question.
    const second = oddPair('5200000000000001', 22);
    await dialog.locator('#file-orders').setInputFiles(second.orders);
    await dialog.locator('#file-items').setInputFiles(second.items);
    await dialog.locator('button.start').click();
    await dialog.locator('wb-progress .done', { hasText: '已完成' }).waitFor();
    await dialog.locator('.report dd.created', { hasText: '3' }).waitFor();
    expect(await mapping.count()).toBe(0);
    await dialog.locator('wb-dialog button', { hasText: '关闭' }).click();

    // Settings → 订单与仓储: the mapping with its header, removable.
    await command(page, '打开设置');
    await page.locator('wb-settings-page wb-tabs [role=tab]', { hasText: '订单' }).click();
    const saved = page.locator('wb-import-mappings table.mappings[data-importer=taobao-orders] tbody tr');
    await saved.first().waitFor();
    await expect(saved.first().textContent()).resolves.toMatch(/订单号码.*收件人[\s\S]*订单编号 ← 订单号码/);
    await saved.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'import-mapping-settings.png') });
    await saved.first().locator('button.remove-mapping').click();
    await page.locator('wb-dialog[open] button.danger').click();
    await page.locator('wb-import-mappings table.mappings[data-importer=taobao-orders]').waitFor({ state: 'detached' });
    expect((await api.get('/api/fulfillment/importers/taobao-orders/mappings')).body.items).toEqual([]);
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
  });
});
