import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFulfillment, type Client, type TestServer } from '../../plugins/fulfillment/test/api.js';
import { command, showView, signedInPage, type WatchedPage } from '../helpers/browser.js';
import { OWNER } from '../helpers/client.js';
import { ROOT } from '../helpers/server.js';

// The settings form on the fulfillment settings, as the owner edits them: courier rows, money in
// 元, a pattern tried before saving, and problems shown at the field they are about.
const SHOTS = join(ROOT, 'test-results');

let server: TestServer;
let api: Client;
let browser: Browser;
let owner: WatchedPage;
let page: Page;
// The login page itself asks who is signed in first and is told 401.
let errorsAtLogIn = 0;

async function openSettings(p: Page, tab: string): Promise<Locator> {
  await command(p, tab === 'Fulfillment and warehouse' ? 'Open settings' : '打开设置');
  await p.locator('wb-settings-page wb-tabs [role=tab]', { hasText: tab }).click();
  return p.locator('wb-schema-form[data-plugin=fulfillment]');
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  ({ server, owner: api } = await startFulfillment({ inProcess: true, listen: true }));
  ({ browser, watched: owner, page, errorsAtLogIn } = await signedInPage(server.url, OWNER, 10_000));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('the settings form in Chromium', () => {
  it('shows the couriers as rows with their fees in 元, and choices by their labels', async () => {
    const form = await openSettings(page, '订单与仓储');
    const rows = form.locator('[data-path="/couriers"] table.rows tbody tr');
    await expect.poll(() => rows.count()).toBe(9);
    expect(await form.textContent()).not.toContain('[object Object]');
    await expect(form.locator('#f-couriers-0-code').inputValue()).resolves.toBe('STO');
    await expect(form.locator('#f-couriers-0-nameEn').inputValue()).resolves.toBe('STO Express');
    await expect(form.locator('#f-couriers-0-firstFee').inputValue()).resolves.toBe('5.00');
    await expect(form.locator('#f-couriers-5-extraFeePerKg').inputValue()).resolves.toBe('5.00');
    await expect(form.locator('#f-couriers-0-unreachableRegions').inputValue()).resolves.toBe('新疆、西藏');
    await expect(form.locator('#f-reconciliation-feeToleranceFen').inputValue()).resolves.toBe('0.00');
    // A map of free words to courier codes: one pair per line.
    await expect(form.locator('[data-path="/shipping/requestWords"] .pairs input').first().inputValue()).resolves.toBe('顺丰');

    await page.locator('wb-settings-page wb-tabs [role=tab]', { hasText: '商品' }).click();
    const listings = page.locator('wb-schema-form[data-plugin=listings]');
    await expect(listings.locator('ol.order li').first().textContent()).resolves.toContain('套餐');
    await listings.locator('.choices label', { hasText: '会员折扣 + 满减' }).waitFor();
    expect(await listings.locator('.choices').textContent()).not.toContain('member+full-reduction');
    await page.locator('wb-settings-page wb-tabs [role=tab]', { hasText: '订单与仓储' }).click();
  });

  it('tries patterns before they are saved', async () => {
    const form = page.locator('wb-schema-form[data-plugin=fulfillment]');
    const agent = form.locator('[data-path="/remarks/agentNoPattern"] wb-pattern-tester');
    await agent.locator('input.sample').fill('12号');
    await expect(agent.locator('.result').textContent()).resolves.toContain('符合');
    await agent.locator('input.sample').fill('小王');
    await expect(agent.locator('.result').textContent()).resolves.toContain('不符合');
    // The couriers' tester names the courier a tracking number belongs to.
    const tracking = form.locator('[data-path="/couriers"] wb-pattern-tester');
    await tracking.locator('input.sample').fill('YT1234567890123');
    await expect(tracking.locator('.result').textContent()).resolves.toBe('✓ 符合：圆通');
  });

  it('puts each problem at its field, inside the rows too, and saves edited rows in 分', async () => {
    const form = page.locator('wb-schema-form[data-plugin=fulfillment]');
    await form.locator('#f-couriers-1-code').fill('zt');
    await form.locator('#f-couriers-2-firstFee').fill('4.555');
    await form.locator('button[type=submit]').click();
    const codeCell = form.locator('td[data-path="/couriers/1/code"]');
    await expect(codeCell.locator('.error').textContent()).resolves.toMatch(/格式不对/);
    await expect(form.locator('#f-couriers-1-code').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(form.locator('td[data-path="/couriers/2/firstFee"] .error').textContent()).resolves.toContain('最多两位小数');
    await page.setViewportSize({ width: 1440, height: 900 });
    await form.locator('#f-couriers-1-code').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'settings-form-errors.png') });
    // A problem the server sends lands at its field the same way.
    await form.evaluate((el: HTMLElement & { setErrors(p: { path: string; message: string }[]): void }) => el.setErrors([{ path: '/couriers/4/name', message: '服务器说不行' }]));
    await expect(form.locator('td[data-path="/couriers/4/name"] .error').textContent()).resolves.toBe('服务器说不行');

    await form.locator('#f-couriers-1-code').fill('ZTO');
    await form.locator('#f-couriers-2-firstFee').fill('4.8');
    await form.locator('#f-reconciliation-feeToleranceFen').fill('1.50');
    // The last row (德邦) goes; 极兔 moves up one; a new courier is added at the end.
    await form.locator('tr[data-row="8"] button.remove').click();
    await form.locator('tr[data-row="4"] button.up').click();
    await form.locator('[data-path="/couriers"] button.add-row').click();
    await form.locator('#f-couriers-8-code').fill('ZJS');
    await form.locator('#f-couriers-8-name').fill('宅急送');
    await form.locator('#f-couriers-8-nameEn').fill('ZJS Express');
    await form.locator('#f-couriers-8-trackingPattern').fill('^ZJS\\d{10}$');
    await form.locator('#f-couriers-8-unreachableRegions').fill('西藏，新疆');
    await form.locator('#f-couriers-8-firstFee').fill('11');
    await form.locator('#f-couriers-8-extraFeePerKg').fill('3.5');
    await form.locator('button[type=submit]').click();
    await page.locator('wb-toasts', { hasText: '设置已保存' }).waitFor();

    const saved = (await api.get('/api/settings/fulfillment')).body.value as { couriers: { code: string; firstFee: number; extraFeePerKg: number; unreachableRegions: string[] }[]; reconciliation: { feeToleranceFen: number } };
    expect(saved.couriers.map((c) => c.code)).toEqual(['STO', 'ZTO', 'YTO', 'JT', 'YD', 'SF', 'JD', 'EMS', 'ZJS']);
    expect(saved.couriers[2]!.firstFee).toBe(480);
    expect(saved.couriers[8]).toMatchObject({ nameEn: 'ZJS Express', firstFee: 1100, extraFeePerKg: 350, unreachableRegions: ['西藏', '新疆'], firstWeightGrams: 1000 });
    expect(saved.reconciliation.feeToleranceFen).toBe(150);
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
  });

  it('looks right at two widths in both languages', async () => {
    for (const [lang, tab, view] of [['zh-CN', '订单与仓储', '库存'], ['en', 'Fulfillment and warehouse', 'Stock']] as const) {
      // The language is the user's own: set it, then load the workbench again.
      expect((await api.patch('/api/auth/me', { locale: lang })).status).toBe(200);
      const p = page;
      await p.reload();
      await p.locator('wb-workbench').waitFor();
      for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
        await p.setViewportSize({ width: w, height: h });
        const form = await openSettings(p, tab);
        await form.locator('[data-path="/couriers"] table.rows').scrollIntoViewIfNeeded();
        // The default courier by its name in the page's language.
        await expect(form.locator('#f-shipping-defaultCourier option:checked').textContent()).resolves.toBe(lang === 'en' ? 'STO Express' : '申通');
        await p.screenshot({ path: join(SHOTS, `settings-form-${lang}-${w}.png`) });
        await showView(p, view);
        await p.locator('wb-fulfillment-inventory-stock wb-data-table').waitFor();
        await p.screenshot({ path: join(SHOTS, `list-panel-${lang}-${w}.png`) });
      }
    }
    expect(owner.errors.slice(errorsAtLogIn)).toEqual([]);
  });
});
