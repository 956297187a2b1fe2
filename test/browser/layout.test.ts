import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, launchChromium, logIn, openPage, type WatchedPage } from '../helpers/browser.js';
import { OWNER, staffClient, type Client } from '../helpers/client.js';
import { ROOT, type TestServer } from '../helpers/server.js';
import { createSkus, enterOrder, startFulfillment } from '../../plugins/fulfillment/test/api.js';

// The layout of a shop's day: work lists as full-width tabs at 1024×700, tabs with their own
// URLs (a link to an order opens it for a colleague after login, back/forward switch tabs), the
// overflow menu, the prompt before closing unsaved changes, tab titles in the UI language, the
// palette by pinyin initials, and the warehouse landing on the stations.
const SHOTS = join(ROOT, 'test-results', 'layout');
const PACKER = { username: 'cangguan', password: 'staff-pass-123' };
/** Holds the owner role and the warehouse one: lands only where every one of their roles lands. */
const PACKING_OWNER = { username: 'laoban', password: 'staff-pass-123' };

let server: TestServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
let orderNo = '';
let orderId = 0;

async function shot(p: Page, name: string) {
  await p.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The shell's tab strip only, not tabs inside the editors. */
const TABS = 'wb-editor-area .strip > [role=tablist] > [role=tab]';
const tab = (p: Page, title: string) => p.locator(TABS, { hasText: title });
const frontTab = (p: Page) => p.locator(`${TABS}[aria-selected=true]`);

/** Cells, queue buttons, toolbars and the table body of a list whose text runs past their box. */
function cutText(list: Locator): Promise<string[]> {
  return list.evaluate((el) => {
    const found: string[] = [];
    const walk = (root: Element | ShadowRoot) => {
      for (const node of root.querySelectorAll('*')) {
        const cell = node as HTMLElement;
        if ((cell.matches('[role=gridcell], [role=columnheader], .queues button, wb-toolbar') || cell.classList.contains('body')) && cell.scrollWidth > cell.clientWidth + 1) found.push(`${cell.getAttribute('role') ?? cell.className}: ${cell.textContent?.trim().slice(0, 40)}`);
        if (cell.shadowRoot) walk(cell.shadowRoot);
      }
    };
    walk(el.shadowRoot!);
    return found;
  });
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  ({ server, owner: api } = await startFulfillment({ inProcess: true, listen: true }));
  const [sku] = await createSkus(api, 1, 'LAY');
  // Receivers and addresses as long as real ones get, so a cut-off cell would show.
  for (let i = 0; i < 6; i++) {
    const order = await enterOrder(api, [{ sku: sku! }], { receiverName: `欧阳${'小'.repeat(i)}娜`, receiverAddress: '新疆维吾尔自治区乌鲁木齐市沙依巴克区西北路红十月小区 18 栋 2 单元 1203 室', buyerNick: `tb_一个很长很长的买家昵称_${i}` });
    orderNo = order.orderNo;
    orderId = order.id;
  }
  // The warehouse role as the shop gives it: the stations and the orders, not the products.
  const roles = (await api.get('/api/roles')).body as { items: { id: string; version: number }[] };
  const warehouse = roles.items.find((r) => r.id === 'warehouse')!;
  const patched = await api.patch('/api/roles/warehouse', { version: warehouse.version, permissions: ['fulfillment.orders.read', 'fulfillment.verify', 'fulfillment.ship'] });
  if (patched.status !== 200) throw new Error(`could not give the warehouse role its permissions: ${patched.status} ${patched.text}`);
  await staffClient(server, api, PACKER.username, ['warehouse']);
  await staffClient(server, api, PACKING_OWNER.username, ['owner', 'warehouse']);
  browser = await launchChromium();
  owner = await openPage(browser, server.url);
  page = owner.page;
  page.setDefaultTimeout(15_000);
  await page.setViewportSize({ width: 1024, height: 700 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('the layout of the workbench in Chromium', () => {
  it('opens the orders as a full-width tab at 1024×700 with nothing cut off or under the side bar', async () => {
    await logIn(page, OWNER.username, OWNER.password, server.url);
    await page.locator('wb-activity-bar [role=tab][aria-label="订单"]').click();
    await frontTab(page).filter({ hasText: '订单' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/fulfillment/orders');
    const list = page.locator('wb-editor-area [role=tabpanel]:not([hidden]) wb-fulfillment-orders');
    await list.locator('wb-data-table [role=row]', { hasText: orderNo }).waitFor();
    // The side bar holds the plugin's work lists, with 订单 current.
    await page.locator('wb-work-lists [aria-current=page]', { hasText: '订单' }).waitFor();
    const sidebar = (await page.locator('aside.sidebar').boundingBox())!;
    const box = (await list.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(sidebar.x + sidebar.width);
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    expect(await cutText(list)).toEqual([]);
    await shot(page, 'orders-1024-zh-light');
  });

  it('gives an order its own URL, which opens the same order for a colleague after login', async () => {
    const list = page.locator('wb-editor-area [role=tabpanel]:not([hidden]) wb-fulfillment-orders');
    await list.locator('wb-data-table [role=row]', { hasText: orderNo }).dblclick();
    await frontTab(page).filter({ hasText: orderNo }).waitFor();
    const link = page.url();
    expect(new URL(link).pathname).toBe(`/fulfillment/order/${orderId}`);

    const colleague = await openPage(browser, server.url);
    await colleague.page.goto(link);
    await colleague.page.locator('wb-login-page').waitFor();
    await logIn(colleague.page, OWNER.username, OWNER.password);
    await frontTab(colleague.page).waitFor();
    expect(new URL(colleague.page.url()).pathname).toBe(`/fulfillment/order/${orderId}`);
    await colleague.page.locator('wb-editor-area [role=tabpanel]:not([hidden]) wb-fulfillment-order-editor', { hasText: orderNo }).waitFor();
    await colleague.page.context().close();
  });

  it('switches tabs with back and forward', async () => {
    await page.goBack();
    await frontTab(page).filter({ hasText: '订单' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/fulfillment/orders');
    await page.goForward();
    await frontTab(page).filter({ hasText: orderNo }).waitFor();
  });

  it('puts the list’s filters in its URL and keeps them as a saved search in the side bar', async () => {
    await page.goBack();
    const list = page.locator('wb-editor-area [role=tabpanel]:not([hidden]) wb-fulfillment-orders');
    await list.locator('.queues [data-status=pending]').click();
    await page.waitForURL((url) => url.pathname === '/fulfillment/orders' && url.searchParams.get('status') === 'pending');
    const side = page.locator('wb-work-lists');
    await side.locator('button.save-search').click();
    await side.locator('input[name=name]').fill('待审核的');
    await side.locator('input[name=name]').press('Enter');
    await list.locator('.queues [data-status=all]').click();
    await page.waitForURL((url) => !url.search);
    await side.locator('button.search', { hasText: '待审核的' }).click();
    await list.locator('.queues [data-status=pending][aria-selected=true]').waitFor();
    expect(new URL(page.url()).search).toBe('?status=pending');
    await page.goForward();
    await frontTab(page).filter({ hasText: orderNo }).waitFor();
  });

  it('lists the tabs out of sight in the overflow menu and scrolls the one chosen into view', async () => {
    for (const title of ['波次', '库存', '快递对账', '复核台', '发货台', '商品', '上架审核', '促销', '活动', '价格计算器']) {
      await page.locator(`wb-activity-bar [role=tab][aria-label="${title}"]`).click();
      await frontTab(page).filter({ hasText: title }).waitFor();
    }
    await page.locator('wb-editor-area .more').click();
    const menu = page.locator('wb-editor-area [role=menu]');
    await expect(menu.locator('[role=menuitem]', { hasText: '订单' }).first().isVisible()).resolves.toBe(true);
    await expect(menu.locator('[role=menuitem]', { hasText: '价格计算器' }).count()).resolves.toBe(0);
    await shot(page, 'tab-overflow-1024');
    await menu.locator('[role=menuitem]', { hasText: orderNo }).click();
    await frontTab(page).filter({ hasText: orderNo }).waitFor();
    const strip = (await page.locator('wb-editor-area .strip > [role=tablist]').boundingBox())!;
    const front = (await frontTab(page).boundingBox())!;
    expect(front.x).toBeGreaterThanOrEqual(strip.x - 1);
    expect(front.x + front.width).toBeLessThanOrEqual(strip.x + strip.width + 1);
  });

  it('asks before closing a tab with unsaved changes, in the UI language', async () => {
    await page.keyboard.press('Control+Alt+P');
    const editor = page.locator('wb-editor-area [role=tabpanel]:not([hidden]) wb-listings-product-editor');
    await editor.locator('input[name=title]').fill('夏季新款连衣裙');
    const dirtyTab = frontTab(page);
    await dirtyTab.locator('button.close[data-dirty=true]').waitFor();
    await dirtyTab.locator('button.close').click();
    const dialog = page.locator('wb-workbench wb-dialog[open]');
    await expect(dialog.textContent()).resolves.toContain('还没保存');
    await dialog.locator('button', { hasText: '继续编辑' }).click();
    await expect(editor.locator('input[name=title]').inputValue()).resolves.toBe('夏季新款连衣裙');
    await dirtyTab.locator('button.close').click();
    await page.locator('wb-workbench wb-dialog[open] button', { hasText: '不保存，关闭' }).click();
    // The tab goes once the dialog has answered, a moment after the click.
    await expect.poll(() => tab(page, '新建商品').count()).toBe(0);
    expect(owner.dialogs).toEqual([]);
  });

  it('finds 发货台 in the palette and quick open by pinyin initials and full pinyin', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('fht');
    const options = page.locator('wb-command-palette [role=option]');
    // Pinyin loads when the palette first opens; then both stations show (复核台 too is f-h-t).
    await options.filter({ hasText: '打开复核台' }).waitFor();
    await options.filter({ hasText: '打开发货台' }).waitFor();
    await page.keyboard.press('Escape');
    // Quick open matches the initials too, as the README's keyboard line promises.
    await page.keyboard.press('Control+P');
    await page.keyboard.type('fht');
    await options.filter({ hasText: '发货台' }).first().waitFor();
    await page.keyboard.press('Escape');
    // Quick open offers the places by name: fahuo is 发货台, not 复核台.
    await page.keyboard.press('Control+P');
    await page.keyboard.type('fahuo');
    await options.first().filter({ hasText: '发货台' }).waitFor();
    await expect(options.filter({ hasText: '复核台' }).count()).resolves.toBe(0);
    await page.keyboard.press('Enter');
    await frontTab(page).filter({ hasText: '发货台' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/fulfillment/shipping');
  });

  it('changes the tab titles with the UI language', async () => {
    await page.locator('wb-activity-bar [role=tab][aria-label="管理"]').click();
    await page.locator('wb-manage-view button[data-page=settings]').click();
    await frontTab(page).filter({ hasText: '设置' }).waitFor();
    // At 1024 px beside the side bar, the couriers' fee columns fit without scrolling sideways.
    const settings = page.locator('wb-editor-area [role=tabpanel]:not([hidden]) wb-settings-page');
    await settings.locator('wb-tabs [role=tab]', { hasText: '订单与仓储' }).click();
    const couriers = settings.locator('wb-schema-form [data-path="/couriers"] .rows-wrap');
    await couriers.locator('#f-couriers-0-extraFeePerKg').waitFor();
    expect(await couriers.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    await shot(page, 'settings-1024-zh');
    await command(page, 'English');
    await tab(page, 'Settings').waitFor();
    const titles = await page.locator(TABS).allTextContents();
    for (const english of ['Orders', 'Waves', 'Shipping station', 'Price calculator', 'Settings']) expect(titles.join('|')).toContain(english);
    expect(titles.join('|')).not.toMatch(/[订波发设]/);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('wb-activity-bar [role=tab][aria-label="Orders"]').click();
    const list = page.locator('wb-editor-area [role=tabpanel]:not([hidden]) wb-fulfillment-orders');
    await list.locator('wb-data-table [role=row]', { hasText: orderNo }).waitFor();
    expect(await cutText(list)).toEqual([]);
    await shot(page, 'orders-1024-en-dark');
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'orders-1440-en-dark');
  });

  it('lands a warehouse clerk on the stations', async () => {
    const packer = await openPage(browser, server.url);
    await packer.page.setViewportSize({ width: 1024, height: 700 });
    await logIn(packer.page, PACKER.username, PACKER.password, server.url);
    await frontTab(packer.page).filter({ hasText: '复核台' }).waitFor();
    await tab(packer.page, '发货台').waitFor();
    expect(new URL(packer.page.url()).pathname).toBe('/fulfillment/verification');
    await expect(packer.page.locator('wb-activity-bar [role=tab][aria-label="商品"]').count()).resolves.toBe(0);
    await shot(packer.page, 'warehouse-landing-1024');
    await packer.page.context().close();
  });

  it('does not land someone who also holds the owner role on the stations: the home page opens', async () => {
    const both = await openPage(browser, server.url);
    await logIn(both.page, PACKING_OWNER.username, PACKING_OWNER.password, server.url);
    await frontTab(both.page).filter({ hasText: '首页' }).waitFor();
    await expect(tab(both.page, '复核台').count()).resolves.toBe(0);
    await expect(tab(both.page, '发货台').count()).resolves.toBe(0);
    await both.page.context().close();
  });
});
