import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, logIn, openPage, SCREENSHOTS, showView, type WatchedPage } from '../helpers/browser.js';
import { OWNER, setupOwner, staffClient, type Client } from '../helpers/client.js';
import { serveInProcess } from '../helpers/in-process.js';
import type { TestServer } from '../helpers/server.js';

// The listings panels as the shop uses them: the owner writes up a product and submits it, a
// reviewer approves it, then the owner prices a cart of it with a coupon. One server, in order.
const SHOTS = SCREENSHOTS;
const REVIEWER = { username: 'shenhe', password: 'review-pass-123' };
const ITEM = `BT${Date.now().toString(36).toUpperCase()}`;
const TITLE = '精梳棉宽松短袖T恤 情侣款';

let server: TestServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
let couponCode = '';
let ownerErrors = 0;

async function shot(p: Page, name: string) {
  await p.screenshot({ path: join(SHOTS, `listings-${name}.png`) });
}



beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serveInProcess({ enabled: ['listings'] });
  api = await setupOwner(server);
  const role = await api.post('/api/roles', { id: 'reviewer', name: { 'zh-CN': '上架审核员', en: 'Listing reviewer' }, permissions: ['listings.products.review', 'listings.products.read'] });
  expect(role.status, role.text).toBe(201);
  const user = await api.post('/api/users', { username: REVIEWER.username, displayName: '审核员小周', password: REVIEWER.password, roles: ['reviewer'] });
  expect(user.status, user.text).toBe(201);
  // 满 100 减 20 on every product; the test's cart of two 129 元 SKUs reaches it.
  const coupon = await api.post('/api/listings/coupons', { name: '满 100 减 20 券', faceValue: 2000, threshold: 10000 });
  expect(coupon.status, coupon.text).toBe(201);
  const issued = await api.post(`/api/listings/coupons/${coupon.body.id}/issue`, { count: 2 });
  expect(issued.status, issued.text).toBe(200);
  couponCode = issued.body.codes[0].code;
  browser = await launchChromium();
  owner = await openPage(browser, server.url);
  page = owner.page;
  page.setDefaultTimeout(10_000);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('listings in Chromium', () => {
  it('lets the owner write up a product with two SKUs in the editor and submit it with a reason', async () => {
    await logIn(page, OWNER.username, OWNER.password, server.url);
    ownerErrors = owner.errors.length;
    await showView(page, '商品');
    await page.locator('wb-listings-products wb-listings-category-list [role=option]', { hasText: '未分类宝贝' }).waitFor();
    await page.locator('wb-listings-products button.new').click();

    const editor = page.locator('wb-listings-product-editor');
    await editor.locator('#title').fill(TITLE);
    await expect(editor.locator('#title-count').textContent()).resolves.toMatch(/^\d+ \/ 30$/);
    await editor.locator('#itemCode').fill(ITEM);
    await editor.locator('wb-listings-attribute-rows input[aria-label="面料"]').fill('纯棉');
    const skus = editor.locator('wb-listings-sku-table');
    await skus.locator('tr[data-row="0"] input[name=code]').fill(`${ITEM}-BK-M`);
    await skus.locator('tr[data-row="0"] input[name=color]').fill('黑色');
    await skus.locator('tr[data-row="0"] input[name=size]').fill('M');
    await skus.locator('tr[data-row="0"] input[name=price]').fill('129');
    await skus.locator('tr[data-row="0"] input[name=cost]').fill('45.50');
    await skus.locator('button.add-sku').click();
    await skus.locator('tr[data-row="1"] input[name=code]').fill(`${ITEM}-BK-L`);
    await skus.locator('tr[data-row="1"] input[name=size]').fill('L');
    await shot(page, 'editor-new');
    await editor.locator('button.save').click();
    await page.locator('wb-toasts', { hasText: '已保存' }).waitFor();
    // The 新建商品 tab became the saved product's tab.
    await page.locator('wb-editor-area .tab[aria-selected=true]', { hasText: TITLE }).waitFor();
    expect(await page.locator('wb-editor-area .tab', { hasText: '新建商品' }).count()).toBe(0);

    // Saved: the checklist ran, and a fresh product misses its images, so some rules fail.
    await editor.locator('wb-listings-checklist li.fail').first().waitFor();
    const saved = (await api.get(`/api/listings/products?q=${ITEM}`)).body.items[0];
    const detail = (await api.get(`/api/listings/products/${saved.id}`)).body;
    expect(detail.skus.map((s: { code: string; price: number; cost: number; attributes: Record<string, string> }) => [s.code, s.price, s.cost, s.attributes['颜色']])).toEqual([
      [`${ITEM}-BK-M`, 12900, 4550, '黑色'],
      [`${ITEM}-BK-L`, 12900, 4550, '黑色'],
    ]);

    // Failing rules: 提交审核 asks why, and refuses to go on without a written reason.
    await editor.locator('button.submit').click();
    const dialog = editor.locator('wb-listings-product-workflow wb-dialog');
    await dialog.locator('li.fail').first().waitFor();
    await dialog.locator('button.confirm').click();
    await expect(dialog.locator('textarea#reason').getAttribute('aria-invalid')).resolves.toBe('true');
    await dialog.locator('textarea#reason').fill('主图明天拍完补上，先排进审核');
    await shot(page, 'submit-reason');
    await dialog.locator('button.confirm').click();
    await editor.locator('wb-listings-product-workflow .status', { hasText: '待审核' }).waitFor();
    const submitted = (await api.get(`/api/listings/products/${saved.id}`)).body;
    expect(submitted.status).toBe('submitted');
    expect(submitted.submitReason).toBe('主图明天拍完补上，先排进审核');
    // The owner submitted it, so the owner is not offered 通过 on it.
    expect(await editor.locator('button.approve').count()).toBe(0);
    await showView(page, '商品');
    await page.locator('wb-listings-products wb-data-table [role=row]', { hasText: TITLE }).waitFor();
    // Opening it from the list finds its tab instead of opening a second one.
    await page.locator('wb-listings-products wb-data-table [role=row]', { hasText: TITLE }).dblclick();
    await page.locator('wb-editor-area .tab[aria-selected=true]', { hasText: TITLE }).waitFor();
    expect(await page.locator('wb-editor-area .tab', { hasText: TITLE }).count()).toBe(1);
    await shot(page, 'submitted');
  });

  it('lets a second person approve it from the review queue', async () => {
    const reviewer = await openPage(browser, server.url);
    const p = reviewer.page;
    p.setDefaultTimeout(10_000);
    await logIn(p, REVIEWER.username, REVIEWER.password, server.url);
    const before = reviewer.errors.length; // the login page's own 401 while nobody was signed in
    // Only what the role allows: the review view and the products view, no promotions or campaigns.
    await showView(p, '上架审核');
    expect(await p.locator('wb-activity-bar [role=tab][aria-label="促销"]').count()).toBe(0);
    const row = p.locator('wb-listings-review-queue wb-data-table [role=row]', { hasText: TITLE });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('王店长');
    await row.dblclick();
    const editor = p.locator('wb-listings-product-editor');
    await editor.locator('wb-listings-product-workflow .review').waitFor();
    // A reviewer without 编辑商品 gets a read-only form.
    expect(await editor.locator('button.save').count()).toBe(0);
    await shot(p, 'review');
    await editor.locator('button.approve').click();
    await p.locator('wb-toasts', { hasText: '已通过审核' }).waitFor();
    await editor.locator('wb-listings-product-workflow .status', { hasText: '已上架' }).waitFor();
    const listed = (await api.get(`/api/listings/products?q=${ITEM}`)).body.items[0];
    expect(listed.status).toBe('listed');
    expect(reviewer.errors.slice(before)).toEqual([]);
    await p.context().close();
  });

  it('prices a cart of the product’s SKUs with a coupon in the calculator opened by Ctrl+Alt+K', async () => {
    await page.locator('wb-editor-area').click({ position: { x: 600, y: 20 } });
    await page.keyboard.press('Control+Alt+K');
    const calc = page.locator('wb-listings-price-calculator');
    await calc.locator('h2', { hasText: '价格计算器' }).waitFor();
    const picker = calc.locator('wb-listings-sku-picker input');
    for (const code of [`${ITEM}-BK-M`, `${ITEM}-BK-L`]) {
      await picker.fill(code);
      await calc.locator('wb-listings-sku-picker [role=option]', { hasText: code }).waitFor();
      await picker.press('Enter');
      await calc.locator('table.cart td', { hasText: code }).waitFor();
    }
    await calc.locator('#coupon').fill(couponCode);
    await calc.locator('#shipping').fill('8');
    await calc.locator('button.calculate').click();
    const result = calc.locator('wb-listings-price-result');
    await result.locator('.explanation li.applied', { hasText: couponCode }).waitFor();
    // An applied step reads 已享受; the others say why not in their own words.
    await expect(result.locator('.explanation li.applied', { hasText: couponCode }).locator('.outcome').textContent()).resolves.toBe('已享受');
    // 2 × ¥129 = ¥258, less the ¥20 coupon, plus ¥8 shipping that the coupon never touches.
    await expect(result.locator('.goods-total').textContent()).resolves.toBe('¥258.00');
    await expect(result.locator('.discount-total').textContent()).resolves.toBe('−¥20.00');
    await expect(result.locator('.grand-total').textContent()).resolves.toBe('¥246.00');
    expect(await result.locator('.below').count()).toBe(0);
    await shot(page, 'calculator');

    // While a campaign runs at 99 元, its price is a step of its own, with the everyday price beside it;
    // it saves more than the coupon, which is refused (they do not stack by default).
    const product = (await api.get(`/api/listings/skus?q=${ITEM}`)).body.items[0].productId as number;
    const skuIds = ((await api.get(`/api/listings/products/${product}`)).body.skus as { id: number }[]).map((s) => s.id);
    // The second checker logs in first (password hashing is the slow part on a busy machine), so the
    // start, a few seconds ahead, is still ahead when the campaign is scheduled.
    await api.post('/api/roles', { id: 'operator', name: { 'zh-CN': '运营', en: 'Operations' }, permissions: ['listings.campaigns.run'] });
    const checker = await staffClient(server, api, 'yunying', ['operator']);
    const startsAt = new Date(Date.now() + 3_000).toISOString();
    const campaign = await api.post('/api/listings/campaigns', { name: '周末特卖', startsAt, endsAt: new Date(Date.now() + 3_600_000).toISOString(), productIds: [product] });
    const priced = await api.put(`/api/listings/campaigns/${campaign.body.id}/prices`, { version: campaign.body.version, prices: skuIds.map((skuId) => ({ skuId, price: 9900 })) });
    const checked = await checker.post(`/api/listings/campaigns/${campaign.body.id}/prices/confirm-all`, { version: priced.body.version });
    expect((await api.post(`/api/listings/campaigns/${campaign.body.id}/schedule`, { version: checked.body.version })).status).toBe(200);
    await new Promise((r) => setTimeout(r, Date.parse(startsAt) - Date.now() + 100));
    expect((await api.post('/api/listings/campaigns/run-schedule')).body.started).toContain(campaign.body.id);
    await calc.locator('button.calculate').click();
    const step = result.locator('.explanation li.applied', { hasText: '活动价' });
    await expect(step.textContent()).resolves.toContain('活动价 99.00，原价 129.00');
    await expect(result.locator('.explanation li.refused', { hasText: couponCode }).textContent()).resolves.toContain('不能与活动价同时使用');
    await expect(result.locator('.grand-total').textContent()).resolves.toBe('¥206.00');
    await shot(page, 'calculator-campaign');
    expect(owner.errors.slice(ownerErrors)).toEqual([]);
    expect(owner.foreign).toEqual([]);
  });

  it('holds a new price of the listed product for review until another person approves it', async () => {
    // The tab still holds the product as submitted; a reload reads it as listed.
    await page.reload();
    await page.locator('wb-editor-area .tab', { hasText: TITLE }).click();
    const editor = page.locator('wb-listings-product-editor');
    await editor.locator('wb-listings-product-workflow .status', { hasText: '已上架' }).waitFor();
    await editor.locator('wb-listings-sku-table tr[data-row="0"] input[name=price]').fill('119');
    await editor.locator('button.save').click();
    await page.locator('wb-toasts', { hasText: '审核通过后才生效' }).waitFor();
    const pending = editor.locator('wb-listings-product-revision');
    await pending.locator('table.diff tr', { hasText: '¥119.00' }).waitFor();
    await expect(pending.locator('table.diff tr', { hasText: '¥119.00' }).textContent()).resolves.toContain('¥129.00');
    expect(await pending.locator('button.approve-revision').count()).toBe(0);
    await shot(page, 'revision-pending');
    const id = (await api.get(`/api/listings/products?q=${ITEM}`)).body.items[0].id;
    expect((await api.get(`/api/listings/products/${id}`)).body.skus[0].price).toBe(12900);

    const reviewer = await openPage(browser, server.url);
    const p = reviewer.page;
    p.setDefaultTimeout(10_000);
    await logIn(p, REVIEWER.username, REVIEWER.password, server.url);
    const before = reviewer.errors.length;
    await showView(p, '上架审核');
    const row = p.locator('wb-listings-review-queue wb-data-table.revisions [role=row]', { hasText: TITLE });
    await expect(row.textContent()).resolves.toContain('¥129.00 → ¥119.00');
    await row.dblclick();
    const review = p.locator('wb-listings-product-editor wb-listings-product-revision');
    await review.locator('button.approve-revision').waitFor();
    await shot(p, 'revision-review');
    await review.locator('button.approve-revision').click();
    await p.locator('wb-toasts', { hasText: '修改已通过' }).waitFor();
    expect((await api.get(`/api/listings/products/${id}`)).body.skus[0].price).toBe(11900);
    expect(reviewer.errors.slice(before)).toEqual([]);
    await p.context().close();
  });
});
