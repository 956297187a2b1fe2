import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFulfillment, stockUp, type Client, type FulfillmentServer } from '../../plugins/fulfillment/test/api.js';
import { command, contrastFailures, launchChromium, logIn, openPage, SCREENSHOTS, showView, type WatchedPage } from '../helpers/browser.js';
import { OWNER } from '../helpers/client.js';

// A shop's first day, walked in Chromium by the people who work it: the owner makes a 客服 and a
// 仓管 with the built-in roles; the 客服 takes an order by phone, finding the robe by its name; the
// 仓管 lands on the stations, prints the wave's label, verifies and ships; the owner sees the day's
// figures and sends the order's link to a colleague. Then the editors at 1024×700 with no text
// cut, and axe-core's contrast check on the day's screens in both themes. Only the scene (the
// catalogue, stock in bins, the courier's number pool) is set through the API.
const SHOTS = SCREENSHOTS;
const SENDER = { senderName: '小鱼服饰', senderPhone: '0571-88886666', senderAddress: '浙江省杭州市余杭区仓前街道 8 号' };
const STAFF_PASSWORD = 'staff-pass-123';
const RECEIVER = { name: '周大福', phone: '13900001111', address: '江苏省南京市鼓楼区中山北路 1 号' };
/** The shell's tab strip only, not tabs inside the editors. */
const TABS = 'wb-editor-area .strip > [role=tablist] > [role=tab]';
const FRONT = 'wb-editor-area [role=tabpanel]:not([hidden])';

let fx: FulfillmentServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
let errorsAtLogIn = 0;
let robe: { code: string; barcode: string; price: number };
let productId = 0;
let orderNo = '';
let trackingNo = '';
let orderLink = '';

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `shop-day-${name}.png`) });
const frontTab = (p: Page) => p.locator(`${TABS}[aria-selected=true]`);

/**
 * Visible elements whose own text does not fit their box, looking through shadow roots — except
 * those ellipsised on purpose with the full text in their title; text boxes whose value does not
 * fit; and headings or cells squeezed to a character or two a line.
 */
function cutText(p: Page, selector: string): Promise<string[]> {
  return p.locator(selector).evaluate((host) => {
    const found: string[] = [];
    const ownText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    const walk = (root: Element | ShadowRoot) => {
      for (const node of root.querySelectorAll('*')) {
        const el = node as HTMLElement;
        if (el.shadowRoot) walk(el.shadowRoot);
        if (el instanceof HTMLInputElement && /^(text|search|tel|number|)$/.test(el.getAttribute('type') ?? '') && el.value && el.getClientRects().length && el.scrollWidth > el.clientWidth + 1) {
          found.push(`input[name=${el.name}]: ${el.value.slice(0, 40)} (${el.scrollWidth} > ${el.clientWidth})`);
          continue;
        }
        const texty = el.matches('td, th, [role=gridcell], [role=columnheader], [role=tab], button, h1, h2, h3, h4, label, legend, dt, dd, a') || ownText(el);
        // Screen-reader-only text is clipped to a pixel on purpose.
        if (!texty || !el.textContent?.trim() || !el.getClientRects().length || el.clientWidth <= 1) continue;
        const style = getComputedStyle(el);
        const text = el.textContent.trim();
        if (el.matches('td, th, [role=gridcell], [role=columnheader], dt, dd, label') && text.length > 3 && el.clientWidth < 3.5 * parseFloat(style.fontSize)) {
          found.push(`${el.tagName.toLowerCase()}: ${text.slice(0, 40)} squeezed to ${el.clientWidth}px`);
          continue;
        }
        if (el.scrollWidth <= el.clientWidth + 1) continue;
        if (style.textOverflow === 'ellipsis' && el.title && el.title.replace(/\s+/g, ' ').trim().includes(el.textContent.replace(/\s+/g, ' ').trim())) continue;
        found.push(`${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}: ${el.textContent.trim().slice(0, 40)} (${el.scrollWidth} > ${el.clientWidth})`);
      }
    };
    walk(host.shadowRoot ?? host);
    return found;
  });
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  fx = await startFulfillment({ settings: { labels: SENDER }, inProcess: true, listen: true });
  api = fx.owner;
  // The scene: a robe in the catalogue in two colours, on the shelves, and 申通's numbers for labels.
  const made = await api.post('/api/listings/products', {
    title: '珊瑚绒睡袍 加厚',
    itemCode: 'SHR-2026',
    skus: [
      { code: 'SHR-2026-JH-M', barcode: '6901234500017', attributes: { 颜色: '酒红', 尺码: 'M' }, price: 12900, cost: 4500 },
      { code: 'SHR-2026-MB-M', barcode: '6901234500024', attributes: { 颜色: '米白', 尺码: 'M' }, price: 12900, cost: 4500 },
    ],
  });
  expect(made.status, made.text).toBe(201);
  productId = made.body.id;
  robe = made.body.skus[0];
  await stockUp(api, robe, 'A-01-01-01', 20);
  await stockUp(api, made.body.skus[1], 'A-01-01-02', 20);
  expect((await api.post('/api/fulfillment/tracking-pools/STO', { from: '77001234500001', to: '77001234500300' })).status).toBe(201);
  browser = await launchChromium();
  owner = await openPage(browser, fx.server.url);
  page = owner.page;
  page.setDefaultTimeout(15_000);
  await page.setViewportSize({ width: 1440, height: 900 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await fx?.server.dispose();
});

describe('a shop’s day in Chromium', () => {
  it('the owner creates a 客服 and a 仓管 with the built-in roles', async () => {
    await logIn(page, OWNER.username, OWNER.password, fx.server.url);
    errorsAtLogIn = owner.errors.length;
    await command(page, '打开员工与角色');
    const form = page.locator('wb-users-page form[data-form=user]');
    for (const [username, name, role] of [['kefu1', '小美', '客服'], ['cangguan1', '老李', '仓管']] as const) {
      await form.locator('input[name=username]').fill(username);
      await form.locator('input[name=displayName]').fill(name);
      await form.locator('input[name=password]').fill(STAFF_PASSWORD);
      await form.locator('label', { hasText: role }).locator('input').check();
      await form.locator('button[type=submit]').click();
      await page.locator(`wb-users-page tr[data-user="${username}"]`).waitFor();
    }
    await expect(page.locator('wb-users-page tr[data-user=kefu1] input[name=role][value=customer-service]').isChecked()).resolves.toBe(true);
    await expect(page.locator('wb-users-page tr[data-user=cangguan1] input[name=role][value=warehouse]').isChecked()).resolves.toBe(true);
    // What the built-in 仓管 may do, by name.
    await page.locator('wb-role-editor wb-tabs [role=tab]', { hasText: '仓管' }).click();
    const grid = page.locator('wb-role-editor form[data-role=warehouse]');
    await expect(grid.locator('label[title="fulfillment.labels.print"] input').isChecked()).resolves.toBe(true);
    await grid.scrollIntoViewIfNeeded();
    await shot(page, 'permission-grid');
  }, 60_000);

  it('the 客服 enters a phone order, finding the robe by its name, and approves it', async () => {
    const kf = (await openPage(browser, fx.server.url)).page;
    kf.setDefaultTimeout(15_000);
    await logIn(kf, 'kefu1', STAFF_PASSWORD, fx.server.url);
    await showView(kf, '订单');
    await kf.locator(`${FRONT} wb-fulfillment-orders button.new`).click();
    const entry = kf.locator(`${FRONT} wb-fulfillment-order-entry`);
    await entry.locator('h2', { hasText: '手工录入订单' }).waitFor();
    await entry.locator('#buyerNick').fill('tb_电话下单');
    await entry.locator('#receiverName').fill(RECEIVER.name);
    await entry.locator('#receiverPhone').fill(RECEIVER.phone);
    await entry.locator('#receiverAddress').fill(RECEIVER.address);
    // She knows the robe by its name, not its 商家编码.
    const finder = entry.locator('wb-fulfillment-sku-choice input');
    await finder.fill('珊瑚绒 酒红');
    await entry.locator('wb-fulfillment-sku-choice [role=option]', { hasText: '酒红' }).first().click();
    await expect(entry.locator('tr[data-row="0"] input[name=skuCode]').inputValue()).resolves.toBe(robe.code);
    await entry.locator('tr[data-row="0"]', { hasText: '珊瑚绒睡袍' }).waitFor();
    await entry.locator('tr[data-row="0"] input[name=quantity]').fill('2');
    await entry.locator('#shippingFee').fill('8');
    await entry.locator('button.save-order').click();
    const editor = kf.locator(`${FRONT} wb-fulfillment-order-editor`);
    await editor.locator('h2.order-no', { hasText: /^M/ }).waitFor();
    orderNo = (await editor.locator('h2.order-no').textContent())!.trim();
    await editor.locator('wb-fulfillment-order-items', { hasText: '珊瑚绒睡袍' }).waitFor();
    await editor.locator('wb-fulfillment-order-review button.act-approve').click();
    await kf.locator('wb-toasts', { hasText: '已审核通过' }).waitFor();
    await kf.context().close();
  }, 60_000);

  it('the 仓管 lands on the stations, prints the wave’s label, verifies and ships', async () => {
    const watched = await openPage(browser, fx.server.url);
    const cg = watched.page;
    cg.setDefaultTimeout(15_000);
    await cg.setViewportSize({ width: 1440, height: 900 });
    await logIn(cg, 'cangguan1', STAFF_PASSWORD, fx.server.url);
    // The first screen is the verification station, the shipping station beside it.
    await frontTab(cg).filter({ hasText: '复核台' }).waitFor();
    await cg.locator(TABS, { hasText: '发货台' }).waitFor();
    expect(new URL(cg.url()).pathname).toBe('/fulfillment/verification');
    await cg.locator(`${FRONT} wb-fulfillment-verify-station`).waitFor();
    // The status bar names the role as the owner chose it, not by its id.
    await expect(cg.locator('wb-status-bar button.user').textContent()).resolves.toContain('老李（仓管）');
    await shot(cg, 'stations-landing');

    await showView(cg, '波次');
    const view = cg.locator(`${FRONT} wb-fulfillment-waves`);
    await view.locator('button.new-wave').click();
    const preview = view.locator('wb-fulfillment-wave-preview');
    await preview.locator(`input[data-order="${orderNo}"]`).waitFor();
    await expect(preview.locator(`input[data-order="${orderNo}"]`).isChecked()).resolves.toBe(true);
    await shot(cg, 'wave-preview');
    await preview.locator('button.make').click();
    await view.locator('.made[role=status] button.open-made').click();

    const board = cg.locator(`${FRONT} wb-fulfillment-wave-board`);
    await board.locator('wb-fulfillment-wave-orders', { hasText: orderNo }).waitFor();
    const waveNo = (await board.locator('header h2').textContent())!.trim();
    await board.locator('button.print-labels').click();
    const label = cg.frameLocator('wb-print-view iframe').locator('section.label').first();
    await label.waitFor();
    await expect(label.textContent()).resolves.toContain(RECEIVER.name);
    await expect(label.textContent()).resolves.toContain(RECEIVER.address);
    // The robe by its catalogue name with colour and size, the title not said twice.
    await expect(label.locator('.items li').textContent()).resolves.toMatch(/^珊瑚绒睡袍 加厚 酒红 M ×2 SHR-2026-JH-M$/);
    await expect(label.locator('svg.barcode rect').count()).resolves.toBeGreaterThan(10);
    trackingNo = (await label.textContent())!.match(/7700123450\d{4}/)![0];
    await shot(cg, 'label-print');

    await cg.locator(`wb-editor-area .tab[title="${waveNo}"]`).click();
    await board.locator('button.picked').click();
    await cg.locator('wb-dialog[open] button', { hasText: '拣齐了' }).click();
    await board.locator('header .status', { hasText: '已拣货' }).waitFor();

    // Verification by scanner: the order's number, then the robe's barcode twice.
    await cg.locator(TABS, { hasText: '复核台' }).click();
    const verify = cg.locator(`${FRONT} wb-fulfillment-verify-station`);
    await verify.locator('input#scan').focus();
    await cg.keyboard.type(`${orderNo}\n`);
    await verify.locator('.banner', { hasText: orderNo }).waitFor();
    await cg.keyboard.type(`${robe.barcode}\n${robe.barcode}\n`);
    await verify.locator('.banner.pass', { hasText: '复核完成' }).waitFor();

    // Shipping: the order, the label's tracking number, the weight.
    await cg.locator(TABS, { hasText: '发货台' }).click();
    const ship = cg.locator(`${FRONT} wb-fulfillment-ship-station`);
    await ship.locator('input#ref').focus();
    await cg.keyboard.type(`${orderNo}\n`);
    await ship.locator('wb-fulfillment-ship-order', { hasText: orderNo }).waitFor();
    await expect(ship.locator('.courier-name').textContent()).resolves.toBe('申通');
    await cg.keyboard.type(`${trackingNo}\n900\n`);
    await ship.locator('.banner.pass', { hasText: trackingNo }).waitFor();
    expect(watched.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await cg.context().close();
  }, 60_000);

  it('the owner sees the order shipped and the day’s figures on the home page', async () => {
    await showView(page, '订单');
    const list = page.locator(`${FRONT} wb-fulfillment-orders`);
    await list.locator('wb-data-table [role=row]', { hasText: orderNo }).dblclick();
    const editor = page.locator(`${FRONT} wb-fulfillment-order-editor`);
    await editor.locator('h2.order-no', { hasText: orderNo }).waitFor();
    await editor.locator('header', { hasText: '已发货' }).waitFor();
    await editor.locator('.facts', { hasText: trackingNo }).waitFor();
    // Entered by hand, the line's title is the catalogue's own: said once, with colour and size.
    expect((await editor.locator('wb-fulfillment-order-items td.title').first().textContent())?.trim()).toBe('珊瑚绒睡袍 加厚 酒红 M');
    orderLink = page.url();
    expect(new URL(orderLink).pathname).toMatch(/^\/fulfillment\/order\/\d+$/);

    await command(page, '打开首页');
    const widget = page.locator('wb-fulfillment-sales-widget');
    const sales = robe.price * 2 + 800;
    // The home tab has been open since the morning; brought to the front, it shows the day as it is now.
    await expect.poll(() => widget.locator('.sales dd').textContent(), { timeout: 10_000 }).toBe(`¥${(sales / 100).toFixed(2)}`);
    await expect(widget.locator('.paid dd').textContent()).resolves.toBe('1');
    await expect(widget.locator('.shipped dd').textContent()).resolves.toBe('1');
    await widget.locator('wb-chart.sales-chart .uplot canvas').first().waitFor();
    await shot(page, 'home');
  });

  it('the copied order link opens the order in a second browser after logging in', async () => {
    const other = (await openPage(browser, fx.server.url)).page;
    other.setDefaultTimeout(15_000);
    await other.goto(orderLink);
    await other.locator('wb-login-page').waitFor();
    await logIn(other, 'kefu1', STAFF_PASSWORD);
    await other.locator(`${FRONT} wb-fulfillment-order-editor h2.order-no`, { hasText: orderNo }).waitFor();
    expect(other.url()).toBe(orderLink);
    await other.context().close();
  }, 60_000);

  it('at 1024×700 no text is cut in the orders list, the order and the product editor', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await showView(page, '订单');
    const list = `${FRONT} wb-fulfillment-orders`;
    await page.locator(list).locator('wb-data-table [role=row]', { hasText: orderNo }).waitFor();
    await page.waitForTimeout(200);
    expect(await cutText(page, list)).toEqual([]);
    await shot(page, 'orders-1024');
    await page.locator(TABS, { hasText: orderNo }).click();
    expect(await cutText(page, `${FRONT} wb-fulfillment-order-editor`)).toEqual([]);
    await shot(page, 'order-1024');

    await showView(page, '商品');
    await page.locator(`${FRONT} wb-listings-products wb-data-table [role=row]`, { hasText: '珊瑚绒睡袍' }).dblclick();
    const product = `${FRONT} wb-listings-product-editor`;
    await page.locator(product).locator('input[name=title]').waitFor();
    await page.waitForTimeout(200);
    expect(await cutText(page, product)).toEqual([]);
    await shot(page, 'product-1024');
    expect(productId).toBeGreaterThan(0);
  });

  it('axe-core finds no contrast failure on the day’s screens, light and dark', async () => {
    const failures: string[] = [];
    const check = async (theme: string, name: string) => {
      await page.waitForTimeout(300);
      failures.push(...(await contrastFailures(page)).map((f) => `${theme} ${name} ${f}`));
    };
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await command(page, '打开首页');
      await page.locator('wb-fulfillment-sales-widget wb-chart.sales-chart .uplot').waitFor();
      await check(theme, 'home');
      await showView(page, '订单');
      await check(theme, 'orders');
      await page.locator(TABS, { hasText: orderNo }).click();
      await check(theme, 'order');
      await page.locator(TABS, { hasText: '珊瑚绒睡袍' }).click();
      await check(theme, 'product');
      await showView(page, '波次');
      await check(theme, 'waves');
      await command(page, '打开复核台');
      await check(theme, 'verification');
    }
    await command(page, '打开首页');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('wb-fulfillment-sales-widget wb-chart.sales-chart .uplot').waitFor();
    await shot(page, 'home-dark');
    expect(failures).toEqual([]);
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
  });
});
