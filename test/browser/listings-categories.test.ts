import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, logIn, openPage, SCREENSHOTS, showView, type WatchedPage } from '../helpers/browser.js';
import { OWNER, setupOwner, staffClient, type Client } from '../helpers/client.js';
import { serveInProcess } from '../helpers/in-process.js';
import type { TestServer } from '../helpers/server.js';

// 宝贝分类 kept up in the products view's side bar, and a scheduled 上架 set in the product editor.
// The browser runs in Berlin time while the shop is in Asia/Shanghai: the times typed and shown are
// the shop's. One server, in order.
const SHOTS = SCREENSHOTS;
const VIEWER = { username: 'kanhuo', password: 'staff-pass-123' }; // staffClient's password
const ITEM = `CT${Date.now().toString(36).toUpperCase()}`;
const TITLE = '水洗牛仔直筒裤 高腰';

let server: TestServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
let productId = 0;

// The PC's clock runs in another zone than the shop's, and the refusals the test provokes are expected.
const PAGE = { timezoneId: 'Europe/Berlin', expectedStatuses: [400, 401, 409] };

async function shot(p: Page, name: string) {
  await p.screenshot({ path: join(SHOTS, `listings-categories${name ? `-${name}` : ''}.png`) });
}



const list = () => page.locator('wb-listings-products wb-listings-category-list');
const option = (name: string) => list().locator('[role=option]', { hasText: new RegExp(`^${name}$`) });
/** The category names as the list shows them, after 全部商品 and 未分类宝贝. */
const shown = async () => (await list().locator('[role=option]').allTextContents()).map((t) => t.trim()).slice(2);
const toast = (text: string | RegExp) => page.locator('wb-toasts', { hasText: text });

async function categories(): Promise<{ id: number; name: string; parentId: number | null; sortOrder: number }[]> {
  const reply = await api.get('/api/listings/categories');
  expect(reply.status, reply.text).toBe(200);
  return reply.body.items;
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serveInProcess({ enabled: ['listings'] });
  api = await setupOwner(server);
  const created = await api.post('/api/listings/products', {
    title: TITLE,
    itemCode: ITEM,
    skus: [{ code: `${ITEM}-BL-28`, attributes: { 颜色: '浅蓝', 尺码: '28' }, price: 15900, cost: 6200 }],
  });
  expect(created.status, created.text).toBe(201);
  productId = created.body.id;
  const role = await api.post('/api/roles', { id: 'catalog-viewer', name: { 'zh-CN': '只看商品', en: 'Catalog viewer' }, permissions: ['listings.products.read'] });
  expect(role.status, role.text).toBe(201);
  await staffClient(server, api, VIEWER.username, ['catalog-viewer']);
  browser = await launchChromium();
  owner = await openPage(browser, server.url, PAGE);
  owner.page.setDefaultTimeout(10_000);
  page = owner.page;
  await logIn(page, OWNER.username, OWNER.password, server.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('categories and scheduled listing in Chromium', () => {
  it('adds top-level categories and a child, with the buttons and with Insert', async () => {
    await showView(page, '商品');
    await option('未分类宝贝').waitFor();
    expect(await shown()).toEqual([]);

    // 新建 with the mouse: a top-level category.
    await list().locator('button.add-category').click();
    const form = list().locator('form.category-form');
    await expect(form.locator('#category-name').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).resolves.toBe(true);
    await form.locator('#category-name').fill('上装');
    await form.locator('button.save-category').click();
    await toast('已新建分类“上装”').waitFor();
    await option('上装').waitFor();
    expect(await form.count()).toBe(0);

    // Insert on the list opens the same form; Enter adds. The new one is last at its level.
    await list().locator('[role=listbox]').focus();
    await page.keyboard.press('Insert');
    await form.locator('#category-name').waitFor();
    await page.keyboard.type('裤装');
    await page.keyboard.press('Enter');
    await toast('已新建分类“裤装”').waitFor();
    await option('裤装').waitFor();

    // A child under 上装, chosen in 上级分类 (only top-level categories are offered: one level of nesting).
    await list().locator('button.add-category').click();
    await expect(form.locator('#category-parent option').allTextContents()).resolves.toEqual(['无（顶级分类）', '上装', '裤装']);
    await form.locator('#category-name').fill('T恤');
    await form.locator('#category-parent').selectOption({ label: '上装' });
    await shot(page, 'add');
    await form.locator('button.save-category').click();
    await toast('已新建分类“T恤”').waitFor();
    await option('T恤').waitFor();
    expect(await shown()).toEqual(['上装', 'T恤', '裤装']);
    await expect(option('T恤').getAttribute('class')).resolves.toContain('child');
    const stored = await categories();
    expect(stored.map((c) => [c.name, c.parentId === null ? null : stored.find((p) => p.id === c.parentId)?.name])).toEqual([
      ['上装', null],
      ['T恤', '上装'],
      ['裤装', null],
    ]);
    // The tooltips name the keys.
    await expect(list().locator('button.move-up').getAttribute('title')).resolves.toBe('上移（Alt+↑）');
    await expect(list().locator('button.move-down').getAttribute('title')).resolves.toBe('下移（Alt+↓）');
    await expect(list().locator('button.rename-category').getAttribute('title')).resolves.toBe('重命名（F2）');
    await expect(list().locator('button.delete-category').getAttribute('title')).resolves.toContain('Delete');
    await expect(list().locator('[role=listbox]').getAttribute('title')).resolves.toContain('F2 重命名');
  });

  it('renames a category with F2 and moves it up with Alt+↑, and the order changes', async () => {
    await option('裤装').click();
    await list().locator('[role=listbox]').focus();
    await page.keyboard.press('F2');
    const name = list().locator('form.category-form #category-name');
    await expect(name.inputValue()).resolves.toBe('裤装');
    await name.fill('裤子');
    await page.keyboard.press('Enter');
    await toast('已改名为“裤子”').waitFor();
    await option('裤子').waitFor();
    expect(await shown()).toEqual(['上装', 'T恤', '裤子']);

    // Focus is back on the list, on 裤子: Alt+↑ swaps it with 上装 (its sibling; T恤 goes along with its parent).
    await expect(list().locator('[role=option].active').textContent()).resolves.toBe('裤子');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(shown).toEqual(['裤子', '上装', 'T恤']);
    await expect(list().locator('[role=option].active').textContent()).resolves.toBe('裤子');
    await expect(list().locator('button.move-up').isDisabled()).resolves.toBe(true);
    expect((await categories()).map((c) => [c.name, c.sortOrder])).toEqual([
      ['裤子', 1],
      ['上装', 2],
      ['T恤', 1],
    ]);
    // At the top already: Alt+↑ again moves nothing; plain ↓ still walks the list.
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('ArrowDown');
    await expect(list().locator('[role=option].active').textContent()).resolves.toBe('上装');
    expect(await shown()).toEqual(['裤子', '上装', 'T恤']);
    await shot(page, '');
  });

  it('refuses to delete a parent that has children, with the server’s reason', async () => {
    await option('上装').click();
    await list().locator('[role=listbox]').focus();
    await page.keyboard.press('Delete');
    const dialog = list().locator('wb-dialog');
    await expect(dialog.locator('p').textContent()).resolves.toBe('删除“上装”后，其中的商品会变成未分类宝贝。');
    await dialog.locator('button.danger').click();
    await toast('“上装”下面还有 1 个子分类，请先删除或移走它们').waitFor();
    await shot(page, 'refused');
    expect(await shown()).toEqual(['裤子', '上装', 'T恤']);
    expect((await categories()).map((c) => c.name)).toEqual(['裤子', '上装', 'T恤']);
  });

  it('deletes a category after confirming; its products become 未分类宝贝', async () => {
    const before = (await api.get(`/api/listings/products/${productId}`)).body;
    const pants = (await categories()).find((c) => c.name === '裤子')!;
    const put = await api.patch(`/api/listings/products/${productId}`, { categoryId: pants.id, version: before.version });
    expect(put.status, put.text).toBe(200);
    await option('裤子').click();
    await page.locator('wb-listings-products wb-data-table [role=row]', { hasText: TITLE }).waitFor();

    // Cancelling keeps it.
    await list().locator('button.delete-category').click();
    const dialog = list().locator('wb-dialog');
    await expect(dialog.locator('p').textContent()).resolves.toContain('未分类宝贝');
    await dialog.locator('button', { hasText: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await shown()).toContain('裤子');

    await list().locator('button.delete-category').click();
    await shot(page, 'delete-confirm');
    await dialog.locator('button.danger').click();
    await toast('已删除分类“裤子”').waitFor();
    await expect.poll(shown).toEqual(['上装', 'T恤']);
    // The list showed 裤子; it falls back to 全部商品, where the product now reads 未分类.
    await expect(option('全部商品').getAttribute('aria-selected')).resolves.toBe('true');
    expect((await api.get(`/api/listings/products/${productId}`)).body.categoryId).toBeNull();
    await option('未分类宝贝').click();
    await page.locator('wb-listings-products wb-data-table [role=row]', { hasText: TITLE }).waitFor();
    expect(owner.errors).toEqual([]);
  });

  it('sets a listing time in the editor, in shop time, and shows it back; a schedule still needs review', async () => {
    await page.locator('wb-listings-products wb-data-table [role=row]', { hasText: TITLE }).dblclick();
    const editor = page.locator('wb-listings-product-editor');
    const schedule = editor.locator('wb-listings-product-schedule');
    await schedule.locator('#list-at').waitFor();
    await expect(schedule.locator('.current-list').textContent()).resolves.toContain('未设置');
    await expect(schedule.locator('.zone').textContent()).resolves.toContain('Asia/Shanghai');
    await expect(schedule.locator('button.save-schedule').isDisabled()).resolves.toBe(true);

    // 09:30 in Shanghai, typed on a PC that runs on Berlin time.
    await schedule.locator('#list-at').fill('2031-05-20T09:30');
    await schedule.locator('button.save-schedule').click();
    await toast('定时已保存').waitFor();
    await schedule.locator('.current-list time').waitFor();
    await expect(schedule.locator('.current-list time').textContent()).resolves.toBe('2031/05/20 09:30');
    await expect(schedule.locator('#list-at').inputValue()).resolves.toBe('2031-05-20T09:30');
    await expect(schedule.locator('p.hint').first().textContent()).resolves.toContain('提交审核并通过后，到 2031/05/20 09:30 才上架');
    const stored = (await api.get(`/api/listings/products/${productId}`)).body;
    expect(stored.scheduledListAt).toBe('2031-05-20T09:30:00.000+08:00');
    expect(Date.parse(stored.scheduledListAt)).toBe(Date.parse('2031-05-20T01:30:00Z'));
    expect(stored.status).toBe('draft');
    await shot(page, 'schedule');

    // A delisting time before the listing time is refused by the server, beside the field; nothing changes.
    await schedule.locator('#delist-at').fill('2031-05-19T20:00');
    await schedule.locator('button.save-schedule').click();
    await toast('定时下架的时间要晚于定时上架的时间').waitFor();
    await expect(schedule.locator('#delist-at').getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await api.get(`/api/listings/products/${productId}`)).body.scheduledDelistAt).toBeNull();

    // A later one is taken; then 清除 takes the listing time off again (sent as null).
    await schedule.locator('#delist-at').fill('2031-06-18T23:59');
    await schedule.locator('button.save-schedule').click();
    await schedule.locator('.current-delist time', { hasText: '2031/06/18 23:59' }).waitFor();
    await schedule.locator('button.clear-list-at').click();
    await schedule.locator('button.save-schedule').click();
    await schedule.locator('.current-list', { hasText: '未设置' }).waitFor();
    const after = (await api.get(`/api/listings/products/${productId}`)).body;
    expect([after.scheduledListAt, after.scheduledDelistAt]).toEqual([null, '2031-06-18T23:59:00.000+08:00']);
    const history = (await api.get(`/api/listings/products/${productId}/history`)).body.items;
    expect(history.filter((h: { action: string }) => h.action === 'schedule')).toHaveLength(3);
    expect(owner.errors).toEqual([]);
    expect(owner.foreign).toEqual([]);
    expect(owner.dialogs).toEqual([]);
  });

  it('shows the gift and bundle SKUs of promotions by 商家编码 and 颜色/尺码, not by id', async () => {
    const other = await api.post('/api/listings/products', {
      title: '纯棉宽松卫衣',
      itemCode: `${ITEM}W`,
      skus: [{ code: `${ITEM}W-GY-L`, attributes: { 颜色: '灰色', 尺码: 'L' }, price: 19900, cost: 7000 }],
    });
    expect(other.status, other.text).toBe(201);
    const [jeans, hoodie] = [(await api.get(`/api/listings/products/${productId}`)).body.skus[0], other.body.skus[0]];
    const window = { startsAt: '2031-01-01T00:00:00+08:00', endsAt: '2031-12-31T00:00:00+08:00' };
    const gift = await api.post('/api/listings/promotions', { name: '满 299 送卫衣', kind: 'full-gift', rule: { kind: 'full-gift', threshold: 29900, giftSkuId: hoodie.id, qty: 1 }, ...window });
    expect(gift.status, gift.text).toBe(201);
    const bundle = await api.post('/api/listings/promotions', { name: '裤子卫衣套餐', kind: 'bundle', rule: { kind: 'bundle', skuIds: [jeans.id, hoodie.id], price: 29900 }, ...window });
    expect(bundle.status, bundle.text).toBe(201);

    await showView(page, '促销');
    const view = page.locator('wb-listings-promotions');
    await view.locator('wb-data-table [role=row]', { hasText: '满 299 送卫衣' }).dblclick();
    const giftEditor = page.locator('wb-listings-promotion-editor', { has: page.locator('h2', { hasText: '满 299 送卫衣' }) });
    const giftBadge = giftEditor.locator('wb-listings-promotion-rule .skus.gift .sku');
    await giftBadge.locator('.variant', { hasText: '灰色/L' }).waitFor();
    await expect(giftBadge.textContent()).resolves.toBe(`${ITEM}W-GY-L灰色/L`);
    await expect(giftBadge.getAttribute('title')).resolves.toContain('纯棉宽松卫衣');

    await showView(page, '促销');
    await view.locator('wb-data-table [role=row]', { hasText: '裤子卫衣套餐' }).dblclick();
    const bundleEditor = page.locator('wb-listings-promotion-editor', { has: page.locator('h2', { hasText: '裤子卫衣套餐' }) });
    const badges = bundleEditor.locator('wb-listings-promotion-rule .skus.bundle .sku');
    await badges.nth(1).locator('.variant').waitFor();
    await expect(badges.locator('.code').allTextContents()).resolves.toEqual([`${ITEM}-BL-28`, `${ITEM}W-GY-L`]);
    await expect(badges.locator('.variant').allTextContents()).resolves.toEqual(['浅蓝/28', '灰色/L']);
    expect(await bundleEditor.locator('wb-listings-promotion-rule').textContent()).not.toMatch(/#\d/);
    await shot(page, 'bundle');
    expect(owner.errors).toEqual([]);
  });

  it('shows someone without 编辑商品 the categories and the schedule, but no controls to change them', async () => {
    const viewer = await openPage(browser, server.url, PAGE);
    viewer.page.setDefaultTimeout(10_000);
    const p = viewer.page;
    await logIn(p, VIEWER.username, VIEWER.password, server.url);
    await showView(p, '商品');
    const view = p.locator('wb-listings-products wb-listings-category-list');
    await view.locator('[role=option]', { hasText: 'T恤' }).waitFor();
    expect(await view.locator('button').count()).toBe(0);
    expect(await view.locator('[role=listbox]').getAttribute('title')).toBeNull();
    await view.locator('[role=listbox]').focus();
    await p.keyboard.press('Insert');
    await p.keyboard.press('F2');
    expect(await view.locator('form').count()).toBe(0);
    await view.locator('[role=option]', { hasText: '未分类宝贝' }).click();
    await p.locator('wb-listings-products wb-data-table [role=row]', { hasText: TITLE }).dblclick();
    const schedule = p.locator('wb-listings-product-editor wb-listings-product-schedule');
    await schedule.locator('.current-delist time', { hasText: '2031/06/18 23:59' }).waitFor();
    expect(await schedule.locator('input, button').count()).toBe(0);
    expect(viewer.errors).toEqual([]);
    await p.context().close();
  });
});
