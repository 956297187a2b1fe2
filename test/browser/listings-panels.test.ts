import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, logIn, openPage, SCREENSHOTS, showView, type WatchedPage } from '../helpers/browser.js';
import { OWNER, setupOwner, type Client } from '../helpers/client.js';
import { serveInProcess } from '../helpers/in-process.js';
import type { TestServer } from '../helpers/server.js';

// Every panel the listings manifest contributes, opened over the demo clothing shop by the owner:
// the views, each kind of editor, the home-page widget and the CSV import. One server, in order;
// each step leaves a screenshot for a person to look at.
const SHOTS = SCREENSHOTS;

let server: TestServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
let csvFile = '';

async function shot(p: Page, name: string) {
  await p.screenshot({ path: join(SHOTS, `listings-${name}.png`) });
}



/** What has the keyboard focus, through shadow roots: `tag.class` plus its label or text. */
function focused(p: Page): Promise<string> {
  return p.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const cls = el.getAttribute('class')?.trim().split(/\s+/)[0];
    const name = el.getAttribute('aria-label') ?? el.getAttribute('role') ?? (el.textContent ?? '').trim().slice(0, 20);
    return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} ${name}`.trim();
  });
}

/** Presses Tab until the focus is on something matching `target`; answers every stop on the way. */
async function tabTo(p: Page, target: RegExp, max = 20): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await p.keyboard.press('Tab');
    const now = await focused(p);
    stops.push(now);
    if (target.test(now)) return stops;
  }
  throw new Error(`Tab never reached ${target}; it went ${stops.join(' → ')}`);
}

/** No console errors and no request to another host since the step began. */
function clean(watched: WatchedPage, errorsBefore: number) {
  expect(watched.errors.slice(errorsBefore)).toEqual([]);
  expect(watched.foreign).toEqual([]);
  expect(watched.dialogs).toEqual([]);
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serveInProcess({ enabled: ['listings'] });
  api = await setupOwner(server, { demo: true });
  expect((await api.get('/api/listings/review-queue')).body.total).toBeGreaterThan(0);
  csvFile = join(server.dir, 'new-arrivals.csv');
  await writeFile(
    csvFile,
    [
      '货号,标题,分类,面料,商家编码,颜色,尺码,价格,成本',
      'XW25N001,华夫格短袖T恤 宽松休闲,上装/T恤,纯棉,XW25N001-WH-M,白色,M,89,31',
      'XW25N001,华夫格短袖T恤 宽松休闲,上装/T恤,纯棉,XW25N001-WH-L,白色,L,89,31',
      'XW25N002,灯笼袖雪纺衬衫,上装/衬衫,雪纺,XW25N002-PK-S,粉色,S,不是价格,40',
    ].join('\r\n') + '\r\n',
    'utf8',
  );
  browser = await launchChromium();
  owner = await openPage(browser, server.url);
  page = owner.page;
  page.setDefaultTimeout(10_000);
  await logIn(page, OWNER.username, OWNER.password, server.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('every listings panel in Chromium, over the demo shop', () => {
  it('shows the low-stock widget on the home page, saying it needs 订单与仓储', async () => {
    const before = owner.errors.length;
    const widget = page.locator('wb-home-page wb-listings-low-stock');
    await expect(widget.locator('.unavailable').textContent()).resolves.toContain('订单与仓储');
    await shot(page, 'low-stock');
    clean(owner, before);
  });

  it('lists the products, filters them by a category and searches them', async () => {
    const before = owner.errors.length;
    await showView(page, '商品');
    const view = page.locator('wb-listings-products');
    const table = view.locator('wb-data-table');
    await table.locator('[role=row]', { hasText: '针织帽围巾两件套' }).waitFor();
    await table.locator('.count', { hasText: '共 30 条' }).waitFor();
    await view.locator('wb-listings-category-list [role=option]', { hasText: '裤装' }).click();
    await table.locator('[role=row]', { hasText: '高腰直筒牛仔裤' }).waitFor();
    await table.locator('.count', { hasText: '共 5 条' }).waitFor();
    expect(await table.locator('[role=row]', { hasText: '针织帽围巾两件套' }).count()).toBe(0);
    await shot(page, 'products-category');
    await view.locator('wb-listings-category-list [role=option]', { hasText: '全部商品' }).click();
    await table.locator('input[type=search]').fill('衬衫');
    await table.locator('[role=row]', { hasText: '牛津纺长袖衬衫' }).waitFor();
    expect(await table.locator('[role=row]', { hasText: '高腰直筒牛仔裤' }).count()).toBe(0);
    await shot(page, 'products-search');
    // A search with no hit empties the table; clearing it must fill the whole height again, not
    // the handful of rows a table measured while empty would draw.
    await table.locator('input[type=search]').fill('没有这种商品');
    await table.locator('.count', { hasText: '共 0 条' }).waitFor();
    await table.locator('input[type=search]').fill('');
    await table.locator('.count', { hasText: '共 30 条' }).waitFor();
    await expect.poll(() => table.locator('.body [role=row]').count()).toBeGreaterThan(10);
    clean(owner, before);
  });

  it('opens a demo product in the editor with its checklist passing and failing; the list follows its save and submission', async () => {
    const before = owner.errors.length;
    const table = page.locator('wb-listings-products wb-data-table');
    await table.locator('input[type=search]').fill('华夫格半拉链');
    // The wide list shows every row until the search answers; a double click before it lands on another row.
    await table.locator('.count', { hasText: '共 1 条' }).waitFor();
    await table.locator('[role=row]', { hasText: '华夫格半拉链卫衣 复古学院' }).dblclick();
    const editor = page.locator('wb-listings-product-editor');
    await editor.locator('h2', { hasText: '华夫格半拉链卫衣' }).waitFor();
    // A draft of the demo: two detail shots where five are wanted, the rest in order.
    await editor.locator('wb-listings-checklist li.fail[data-rule=detail-images]', { hasText: '详情图 2 张' }).waitFor();
    await editor.locator('wb-listings-checklist li.pass[data-rule=sku-price]').waitFor();
    await expect(editor.locator('wb-listings-checklist p[role=status]').textContent()).resolves.toContain('1 条规则未通过');
    await shot(page, 'product-editor');

    // Saved in the tab: the list in its own tab shows the new title without a manual refresh.
    await editor.locator('#title').fill('华夫格半拉链卫衣 复古学院风');
    await editor.locator('button.save').click();
    await page.locator('wb-toasts', { hasText: '已保存' }).waitFor();
    await showView(page, '商品');
    await table.locator('[role=row]', { hasText: '华夫格半拉链卫衣 复古学院风' }).waitFor();
    await page.goBack();
    // Saving the form keeps what it does not show as text: the images still carry the shop watermark.
    await editor.locator('wb-listings-checklist li.pass[data-rule=watermark]').waitFor();
    expect((await api.get('/api/listings/products?q=XW24K005')).body.items[0].images.every((i: { watermark?: boolean }) => i.watermark === true)).toBe(true);
    // Submitted with a reason: the list's status follows.
    await editor.locator('button.submit').click();
    const dialog = editor.locator('wb-listings-product-workflow wb-dialog');
    await dialog.locator('textarea#reason').fill('详情图周五补拍');
    await dialog.locator('button.confirm').click();
    await editor.locator('wb-listings-product-workflow .status', { hasText: '待审核' }).waitFor();
    await showView(page, '商品');
    await table.locator('[role=row]', { hasText: '华夫格半拉链卫衣 复古学院风' }).locator('[role=gridcell]', { hasText: '待审核' }).waitFor();
    await table.locator('input[type=search]').fill('');
    clean(owner, before);
  });

  it('shows the review queue with the demo’s submitted products', async () => {
    const before = owner.errors.length;
    await showView(page, '上架审核');
    const table = page.locator('wb-listings-review-queue wb-data-table');
    await table.locator('[role=row]', { hasText: '真丝光泽衬衫' }).waitFor();
    await table.locator('[role=row]', { hasText: '方领泡泡袖连衣裙' }).waitFor();
    await shot(page, 'review-queue');
    // 小林 submitted it, so the owner may review it.
    await table.locator('[role=row]', { hasText: '真丝光泽衬衫' }).dblclick();
    const editor = page.locator('wb-listings-product-editor');
    await editor.locator('h2', { hasText: '真丝光泽衬衫' }).waitFor();
    await editor.locator('wb-listings-product-workflow .review').waitFor();
    await shot(page, 'review-editor');
    // Approved in its tab while the 商品 list is open in another: its row turns 已上架 there.
    await showView(page, '商品');
    const products = page.locator('wb-listings-products wb-data-table');
    await products.locator('input[type=search]').fill('真丝光泽衬衫');
    await products.locator('[role=row]', { hasText: '真丝光泽衬衫' }).locator('[role=gridcell]', { hasText: '待审核' }).waitFor();
    await page.goBack();
    await editor.locator('button.approve').click();
    await page.locator('wb-toasts', { hasText: '已通过审核' }).waitFor();
    await showView(page, '商品');
    await products.locator('[role=row]', { hasText: '真丝光泽衬衫' }).locator('[role=gridcell]', { hasText: '已上架' }).waitFor();
    await products.locator('input[type=search]').fill('');
    await showView(page, '上架审核');
    expect(await table.locator('[role=row]', { hasText: '真丝光泽衬衫' }).count()).toBe(0);
    clean(owner, before);
  });

  it('shows the promotions, a promotion, and a coupon that issues codes', async () => {
    const before = owner.errors.length;
    const giftSku = (await api.get('/api/listings/skus?pageSize=1')).body.items[0];
    const day = 86_400_000;
    const gift = await api.post('/api/listings/promotions', {
      name: '满 299 送帆布袋',
      kind: 'full-gift',
      rule: { kind: 'full-gift', threshold: 29900, giftSkuId: giftSku.id, qty: 1, giftCount: 100 },
      startsAt: new Date(Date.now() - day).toISOString(),
      endsAt: new Date(Date.now() + 7 * day).toISOString(),
    });
    expect(gift.status, gift.text).toBe(201);
    await showView(page, '促销');
    const view = page.locator('wb-listings-promotions');
    await view.locator('wb-data-table [role=row]', { hasText: '全店满 199 减 20' }).waitFor();
    await shot(page, 'promotions');
    await view.locator('wb-data-table [role=row]', { hasText: '全店满 199 减 20' }).dblclick();
    const editor = page.locator('wb-listings-promotion-editor');
    await editor.locator('h2', { hasText: '全店满 199 减 20' }).waitFor();
    await expect(editor.locator('wb-listings-promotion-rule input[name=threshold]').first().inputValue()).resolves.toBe('199.00');
    await shot(page, 'promotion-editor');
    // 满就送 while stocks last: the editor shows the count and what is left.
    await showView(page, '促销');
    await view.locator('wb-data-table [role=row]', { hasText: '满 299 送帆布袋' }).dblclick();
    const giftEditor = page.locator('wb-listings-promotion-editor', { has: page.locator('h2', { hasText: '满 299 送帆布袋' }) });
    await expect(giftEditor.locator('wb-listings-promotion-rule input[name=giftCount]').inputValue()).resolves.toBe('100');
    await giftEditor.locator('wb-listings-promotion-rule .gifts-left', { hasText: '还剩 100 件' }).waitFor();
    await shot(page, 'promotion-gift-count');

    await showView(page, '促销');
    await view.locator('wb-tabs [role=tab]', { hasText: '优惠券' }).click();
    await view.locator('wb-data-table [role=row]', { hasText: '新客 10 元券' }).dblclick();
    const coupon = page.locator('wb-listings-promotion-editor', { has: page.locator('wb-listings-coupon-form') });
    await coupon.locator('h2', { hasText: '新客 10 元券' }).waitFor();
    await coupon.locator('#count').fill('3');
    await coupon.locator('button.issue').click();
    await coupon.locator('.codes li').nth(2).waitFor();
    expect(await coupon.locator('.codes li').count()).toBe(3);
    await expect(coupon.locator('p[role=status]').textContent()).resolves.toContain('已发放 3 张');
    await shot(page, 'coupon');
    clean(owner, before);
  });

  it('shows the campaigns and the demo draft campaign’s board with its checks, and sets a campaign price', async () => {
    const before = owner.errors.length;
    await showView(page, '活动');
    const view = page.locator('wb-listings-campaigns');
    await view.locator('wb-data-table [role=row]', { hasText: '双十二外套专场' }).waitFor();
    await shot(page, 'campaigns');
    await view.locator('wb-data-table [role=row]', { hasText: '双十二外套专场' }).dblclick();
    const board = page.locator('wb-listings-campaign-board');
    await board.locator('h2', { hasText: '双十二外套专场' }).waitFor();
    await board.locator('wb-listings-campaign-checks li[data-check=time-window]').waitFor();
    expect(await board.locator('wb-listings-campaign-checks li[data-check]').count()).toBe(4);
    await expect(board.locator('wb-listings-campaign-checks li[data-check=stacking]').textContent()).resolves.toContain('优惠叠加检查');
    await shot(page, 'campaign-board');
    const prices = board.locator('wb-listings-campaign-prices');
    const first = prices.locator('tbody tr').first();
    await first.locator('input').fill('199');
    await prices.locator('button.save-prices').click();
    await page.locator('wb-toasts', { hasText: '活动价已保存' }).waitFor();
    await first.locator('td', { hasText: '等同事核对' }).waitFor();
    const saved = (await api.get('/api/listings/campaigns')).body.items.find((c: { name: string }) => c.name === '双十二外套专场');
    expect(saved.prices.map((p: { price: number }) => p.price)).toEqual([19900]);
    await first.scrollIntoViewIfNeeded();
    await shot(page, 'campaign-prices');
    clean(owner, before);
  });

  it('imports a small UTF-8 CSV through the dialog and shows the report', async () => {
    const before = owner.errors.length;
    await showView(page, '商品');
    const view = page.locator('wb-listings-products');
    await view.locator('button.import').click();
    const dialog = view.locator('wb-listings-import-dialog');
    await dialog.locator('input[type=file]').setInputFiles(csvFile);
    await dialog.locator('wb-progress .done').waitFor();
    await dialog.locator('.report').waitFor();
    await expect(dialog.locator('.report p').textContent()).resolves.toContain('新建 2 行');
    await expect(dialog.locator('.report tbody tr').textContent()).resolves.toMatch(/^4价格.*不是价格/);
    // The new product is in the list behind the dialog at once.
    await view.locator('wb-data-table [role=row]', { hasText: '华夫格短袖T恤 宽松休闲' }).waitFor();
    await shot(page, 'import');
    await dialog.locator('button', { hasText: '关闭' }).click();
    await dialog.locator('wb-dialog').waitFor({ state: 'detached' });
    clean(owner, before);
  });

  it('reaches every view by keyboard, in a sensible Tab order, and opens rows with Enter', async () => {
    const before = owner.errors.length;
    /**
     * From the list's activity-bar tab (which brings its editor tab to the front) and that editor
     * tab, Tab into the list and on to its rows; answers the stops in the list.
     */
    const intoRows = async (title: string) => {
      const tab = page.locator(`wb-activity-bar [role=tab][aria-label="${title}"]`);
      await tab.focus();
      if ((await tab.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('Enter');
      await page.locator('wb-editor-area .strip > [role=tablist] > [role=tab][aria-selected=true]', { hasText: title }).focus();
      return (await tabTo(page, /^div\.body /)).filter((stop) => !stop.startsWith('button.more'));
    };

    // 商品: toolbar, categories, then the table's search, filters and rows. ↓ and Enter choose a category.
    let stops = await intoRows('商品');
    expect(stops.slice(0, 3)).toEqual(['button.new 新建商品', 'div 宝贝分类', 'input 搜索']);
    // The toolbar is one stop; the arrow keys walk its buttons.
    while (!(await focused(page)).startsWith('button.new')) await page.keyboard.press('Shift+Tab');
    for (const next of ['button.import', 'button.export', 'button.export-gbk']) {
      await page.keyboard.press('ArrowRight');
      expect(await focused(page)).toMatch(new RegExp(`^${next.replace('.', '\\.')} `));
    }
    while (!(await focused(page)).includes('宝贝分类')) await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const products = page.locator('wb-listings-products wb-data-table');
    await products.locator('.count', { hasText: '共 1 条' }).waitFor();
    await products.locator('.body [role=row]', { hasText: '针织帽围巾两件套' }).waitFor();
    await tabTo(page, /^div\.body /);
    await page.keyboard.press('Enter');
    await page.locator('wb-listings-product-editor h2', { hasText: '针织帽围巾两件套' }).waitFor();
    await showView(page, '商品');
    await page.locator('wb-listings-products wb-listings-category-list [role=option]', { hasText: '全部商品' }).click();

    // 上架审核: straight to the queue; Enter opens the oldest submission.
    stops = await intoRows('上架审核');
    expect(stops[0]).toMatch(/^input /);
    // Enter opens the active row, so the rows must be there first (a busy machine loads them late).
    await page.locator('wb-listings-review-queue wb-data-table [role=row]', { hasText: '方领泡泡袖连衣裙' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('wb-listings-product-editor h2', { hasText: '方领泡泡袖连衣裙' }).waitFor();

    // 促销: the toolbar, the tabs (→ then Enter shows 优惠券), then the coupons.
    stops = await intoRows('促销');
    expect(stops.slice(0, 2)).toEqual([expect.stringContaining('新建促销'), expect.stringMatching(/ tab$/)]);
    while (!/tab/.test(await focused(page))) await page.keyboard.press('Shift+Tab');
    // The list's tab kept its state from the step before (优惠券 shown); → then Enter walks to it from 促销.
    const shown = page.locator('wb-listings-promotions wb-tabs [role=tab][aria-selected=true]');
    if (!(await shown.textContent())?.includes('优惠券')) {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
    }
    await page.locator('wb-listings-promotions wb-data-table [role=row]', { hasText: '新客 10 元券' }).waitFor();
    await tabTo(page, /^div\.body /);
    await page.keyboard.press('Enter');
    await page.locator('wb-listings-promotion-editor h2', { hasText: '新客 10 元券' }).waitFor();

    // 活动: 新建活动 first, then the list; Enter opens the board, whose fields Tab in reading order.
    stops = await intoRows('活动');
    expect(stops[0]).toContain('新建活动');
    await page.locator('wb-listings-campaigns wb-data-table [role=row]', { hasText: '双十二外套专场' }).waitFor();
    await page.keyboard.press('Enter');
    const board = page.locator('wb-listings-campaign-board');
    await board.locator('#cname').waitFor();
    await board.locator('#cname').focus();
    const fields = [await focused(page)];
    for (let i = 0; i < 3; i++) fields.push((await page.keyboard.press('Tab'), await focused(page)));
    expect(fields.map((f) => f.split(' ')[0])).toEqual(['input', 'input', 'input', 'input']);
    clean(owner, before);
  });

  it('looks right in the dark theme', async () => {
    const dark = await openPage(browser, server.url, { colorScheme: 'dark' });
    dark.page.setDefaultTimeout(10_000);
    const p = dark.page;
    await p.goto(server.url);
    await p.locator('wb-login-page input[name=username]').fill(OWNER.username);
    await p.locator('wb-login-page input[name=password]').fill(OWNER.password);
    await p.locator('wb-login-page button[type=submit]').click();
    await p.locator('wb-workbench').waitFor();
    await showView(p, '活动');
    await p.locator('wb-listings-campaigns wb-data-table [role=row]', { hasText: '双十二外套专场' }).dblclick();
    await p.locator('wb-listings-campaign-checks li[data-check]').first().waitFor();
    await shot(p, 'dark');
    await p.context().close();
  });
});
