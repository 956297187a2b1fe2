import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, launchChromium, logIn, openPage, SCREENSHOTS } from '../helpers/browser.js';
import { OWNER, setupOwner, type Client } from '../helpers/client.js';
import { serveInProcess } from '../helpers/in-process.js';
import type { TestServer } from '../helpers/server.js';

// Staff and accounts on the shop's first day: the owner makes a 客服 and a 仓管 with the built-in
// roles, each sees their own work, someone without rights learns whom to ask, and everyone
// changes their own password from the status bar. Each step hashes passwords with the real
// parameters a few times, hence the longer timeouts.
const SHOTS = SCREENSHOTS;

let server: TestServer;
let browser: Browser;
let ownerApi: Client;
let page: Page;

async function openUsers(p: Page, title: string): Promise<void> {
  await command(p, title);
  await p.locator('wb-users-page wb-role-editor').waitFor();
}

async function createAccount(p: Page, username: string, displayName: string, role: string): Promise<void> {
  const form = p.locator('wb-users-page form[data-form=user]');
  await form.locator('input[name=username]').fill(username);
  await form.locator('input[name=displayName]').fill(displayName);
  await form.locator('input[name=password]').fill('staff-pass-123');
  await form.locator('label', { hasText: role }).locator('input').check();
  // Busy while the password is hashed: the button says so and the form takes no second click.
  // The hash may finish between two polls of a locator, and a created account gets a fresh form,
  // so an observer set before the click records the busy render on the page.
  await form.evaluate((el: HTMLFormElement) => {
    const seen = window as Window & { createBusySeen?: boolean };
    seen.createBusySeen = false;
    const check = (): void => {
      const button = el.querySelector<HTMLButtonElement>('button[type=submit]');
      if (el.getAttribute('aria-busy') === 'true' && button?.disabled && button.textContent?.includes('正在创建')) seen.createBusySeen = true;
    };
    new MutationObserver(check).observe(el, { attributes: true, subtree: true, childList: true, characterData: true });
  });
  await form.locator('button[type=submit]').click();
  await p.locator(`wb-users-page tr[data-user="${username}"]`).waitFor();
  await expect(p.evaluate(() => (window as Window & { createBusySeen?: boolean }).createBusySeen)).resolves.toBe(true);
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serveInProcess({ enabled: ['listings', 'fulfillment'] });
  ownerApi = await setupOwner(server);
  browser = await launchChromium();
  page = (await openPage(browser, server.url)).page;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('staff accounts in Chromium', () => {
  it('the owner creates a 客服 and a 仓管; the second form starts empty', async () => {
    await logIn(page, OWNER.username, OWNER.password, server.url);
    await openUsers(page, '打开员工与角色');
    await createAccount(page, 'kefu1', '小美', '客服');
    const form = page.locator('wb-users-page form[data-form=user]');
    await expect(form.locator('input[name=username]').inputValue()).resolves.toBe('');
    await expect(form.locator('input[name=password]').inputValue()).resolves.toBe('');
    await expect(form.locator('input[name=role]:checked').count()).resolves.toBe(0);
    await createAccount(page, 'cangguan1', '老李', '仓管');
    await expect(page.locator('wb-users-page tr[data-user=cangguan1] input[name=role][value=warehouse]').isChecked()).resolves.toBe(true);
    await expect(page.locator('wb-users-page tr[data-user=cangguan1] input[name=role][value=customer-service]').isChecked()).resolves.toBe(false);
  }, 60_000);

  it('shows the permission grid by plugin name, the ids only as tooltips (zh-CN, 1024×700)', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.locator('wb-role-editor wb-tabs [role=tab]', { hasText: '仓管' }).click();
    const grid = page.locator('wb-role-editor form[data-role=warehouse]');
    await grid.locator('legend', { hasText: '订单与仓储' }).waitFor();
    await expect(grid.locator('legend').allTextContents()).resolves.toEqual(expect.arrayContaining(['工作台', '商品与促销', '订单与仓储']));
    await expect(grid.locator('label[title="fulfillment.ship"]').textContent()).resolves.toContain('打包发货');
    await expect(grid.locator('label[title="fulfillment.ship"] input').isChecked()).resolves.toBe(true);
    await expect(grid.locator('code').count()).resolves.toBe(0);
    await grid.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'accounts-permission-grid-zh.png') });
    // Nothing sticks out sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
  }, 60_000);

  it('the 仓管 logs in to their own views and changes their password from the status bar', async () => {
    const cg = (await openPage(browser, server.url)).page;
    await logIn(cg, 'cangguan1', 'staff-pass-123', server.url);
    await cg.locator('wb-activity-bar [role=tab][aria-label="波次"]').waitFor();
    await cg.locator('wb-activity-bar [role=tab][aria-label="库存"]').waitFor();
    await expect(cg.locator('wb-activity-bar [role=tab][aria-label="快递对账"]').count()).resolves.toBe(0);

    await cg.locator('wb-status-bar button.user').click();
    await cg.locator('wb-status-bar [role=menuitem][data-action=password]').click();
    const dialog = cg.locator('wb-status-bar dialog wb-password-form');
    await dialog.locator('input[name=current]').fill('staff-pass-123');
    await dialog.locator('input[name=next]').fill('laoli-own-pass-9');
    await dialog.locator('input[name=repeat]').fill('laoli-own-pass-9');
    await dialog.locator('button[type=submit]').click();
    await cg.locator('wb-toasts', { hasText: '密码已修改' }).waitFor();
    await expect(cg.locator('wb-status-bar dialog').evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(false);

    await cg.locator('wb-status-bar button.user').click();
    await cg.locator('wb-status-bar [role=menuitem][data-action=logout]').click();
    await cg.locator('wb-login-page').waitFor();
    await logIn(cg, 'cangguan1', 'laoli-own-pass-9');
    await cg.context().close();
  }, 60_000);

  it('after the owner resets the 客服’s password, she chooses her own before the workbench opens', async () => {
    const row = page.locator('wb-users-page tr[data-user=kefu1]');
    await row.locator('input[name=password]').fill('temporary-pass-1');
    await row.locator('button', { hasText: '保存' }).click();
    await page.locator('wb-users-page tr[data-user=kefu1] .badge', { hasText: '待本人改密码' }).waitFor();

    const kf = (await openPage(browser, server.url)).page;
    await kf.goto(server.url);
    await kf.locator('wb-login-page input[name=username]').fill('kefu1');
    await kf.locator('wb-login-page input[name=password]').fill('temporary-pass-1');
    await kf.locator('wb-login-page button[type=submit]').click();
    const form = kf.locator('wb-password-form');
    await form.locator('p', { hasText: '店长为你重设了密码' }).waitFor();
    await form.locator('input[name=current]').fill('temporary-pass-1');
    await form.locator('input[name=next]').fill('xiaomei-own-pass-7');
    await form.locator('input[name=repeat]').fill('xiaomei-own-pass-7');
    await form.locator('button[type=submit]').click();
    await kf.locator('wb-workbench').waitFor();
    await kf.locator('wb-activity-bar [role=tab][aria-label="订单"]').waitFor();
    await kf.context().close();
  }, 60_000);

  it('someone whose roles grant nothing sees whom to ask', async () => {
    expect((await ownerApi.post('/api/users', { username: 'xinren', displayName: '新人', password: 'staff-pass-123', roles: [] })).status).toBe(201);
    const nobody = (await openPage(browser, server.url)).page;
    await nobody.goto(server.url);
    await nobody.locator('wb-login-page input[name=username]').fill('xinren');
    await nobody.locator('wb-login-page input[name=password]').fill('staff-pass-123');
    await nobody.locator('wb-login-page button[type=submit]').click();
    await nobody.locator('wb-no-rights-page .owners', { hasText: '王店长' }).waitFor();
    await nobody.screenshot({ path: join(SHOTS, 'accounts-no-rights.png') });
    await nobody.context().close();
  }, 60_000);

  it('shows the permission grid in English for an English-speaking manager (1024×700)', async () => {
    expect((await ownerApi.post('/api/users', { username: 'tom', displayName: 'Tom', password: 'staff-pass-123', roles: ['owner'], locale: 'en' })).status).toBe(201);
    const en = (await openPage(browser, server.url, { locale: 'en' })).page;
    await en.setViewportSize({ width: 1024, height: 700 });
    await logIn(en, 'tom', 'staff-pass-123', server.url);
    await openUsers(en, 'Open staff and roles');
    await en.locator('wb-role-editor wb-tabs [role=tab]', { hasText: 'Warehouse' }).click();
    const grid = en.locator('wb-role-editor form[data-role=warehouse]');
    await grid.locator('legend', { hasText: 'Fulfillment and warehouse' }).waitFor();
    await expect(grid.locator('label[title="fulfillment.ship"]').textContent()).resolves.toContain('Pack and ship');
    await grid.scrollIntoViewIfNeeded();
    await en.screenshot({ path: join(SHOTS, 'accounts-permission-grid-en.png') });
    await expect(en.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await en.context().close();
  }, 60_000);
});
