import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, logIn, openPage, SCREENSHOTS, type WatchedPage } from '../helpers/browser.js';
import { Client, OWNER } from '../helpers/client.js';
import { startServer, type TestServer } from '../helpers/server.js';

// The whole shell, driven like a clerk would: one server, one owner, steps in order.
const SHOTS = SCREENSHOTS;
const XSS = '<img src=x onerror=alert(1)>';

let server: TestServer;
let browser: Browser;
let owner: WatchedPage;
let page: Page;

async function shot(p: Page, name: string) {
  await p.screenshot({ path: join(SHOTS, `${name}.png`) });
}


beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  owner = await openPage(browser, server.url);
  page = owner.page;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('the workbench shell in Chromium', () => {
  it('runs first-run setup from the console link, in Chinese, with a demo shop', async () => {
    await page.goto(`${server.url}/setup?token=${server.setupToken}`);
    await expect(page.locator('wb-setup-page h1').textContent()).resolves.toContain('首次设置');
    await shot(page, 'setup');
    await page.locator('wb-setup-page input[name=shopName]').fill('小王的店');
    await page.locator('wb-setup-page input[name=username]').fill(OWNER.username);
    await page.locator('wb-setup-page input[name=displayName]').fill(OWNER.displayName);
    await page.locator('wb-setup-page input[name=password]').fill(OWNER.password);
    await page.locator('wb-setup-page input[name=demo]').check();
    await page.locator('wb-setup-page button[type=submit]').click();
    await page.locator('wb-workbench').waitFor();
  });

  it('logs out and back in, then shows the example plugin’s view, status item and widget', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('退出登录');
    await page.keyboard.press('Enter');
    await page.locator('wb-login-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await logIn(page, OWNER.username, OWNER.password);

    await expect(page.locator('wb-activity-bar [role=tab][aria-label="笔记"]').getAttribute('aria-selected')).resolves.toBe('true');
    // The demo shop's notes, in the data table of the side bar view.
    await page.locator('wb-example-notes wb-data-table [role=row]', { hasText: '申通下午四点来取件' }).waitFor();
    await page.locator('wb-status-bar wb-example-status span', { hasText: '笔记 3' }).waitFor();
    await expect(page.locator('wb-status-bar .user').textContent()).resolves.toContain('王店长');
    await page.locator('wb-home-page wb-example-note-count wb-chart [role=img] canvas').first().waitFor();
    await shot(page, 'shell');
  });

  it('runs a contributed command from the palette by keyboard, showing its keybinding', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('新建笔记');
    const option = page.locator('wb-command-palette [role=option][aria-selected=true]');
    await expect(option.textContent()).resolves.toContain('新建笔记');
    await expect(option.locator('kbd').textContent()).resolves.toBe('Ctrl+Alt+N');
    await page.keyboard.press('Enter');
    await page.locator('wb-editor-area .tab[aria-selected=true]', { hasText: '新笔记' }).waitFor();
    await page.locator('wb-example-note-editor textarea').waitFor();
    await page.locator('wb-toasts', { hasText: '已新建笔记 #4' }).waitFor();

    // The same command through its own keybinding.
    await page.locator('wb-editor-area').click({ position: { x: 600, y: 300 } });
    await page.keyboard.press('Control+Alt+N');
    await page.locator('wb-toasts', { hasText: '已新建笔记 #5' }).waitFor();
  });

  it('finds a record with quick open (Ctrl+P) and opens it in a tab', async () => {
    await page.keyboard.press('Control+P');
    await page.keyboard.type('卫衣');
    await page.locator('wb-command-palette [role=option]', { hasText: '新款卫衣到货后先拍照' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('wb-editor-area .tab[aria-selected=true]', { hasText: '新款卫衣到货后先拍照' }).waitFor();
  });

  it('selects rows by keyboard in the data table, runs a bulk action, and lets the user choose columns', async () => {
    const table = page.locator('wb-example-notes wb-data-table');
    await table.locator('[role=row]', { hasText: '周一例会' }).click();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await table.locator('.bar', { hasText: '已选 2 条' }).waitFor();
    // The bulk action asks first: Esc says no and nothing changes; 确定 goes ahead.
    const publish = table.locator('.bar button', { hasText: '发布' });
    const dialog = page.locator('wb-example-notes wb-dialog dialog[open]');
    await publish.click();
    await expect(dialog.locator('h2').textContent()).resolves.toBe('发布 2 条笔记？');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await table.locator('[role=gridcell]', { hasText: '✓' }).count()).toBe(0);
    await publish.click();
    await page.locator('wb-example-notes wb-dialog button', { hasText: '确定' }).click();
    await table.locator('[role=gridcell]', { hasText: '周一例会：讨论双十二备货 ✓' }).waitFor();
    await table.locator('[role=gridcell]', { hasText: '申通下午四点来取件 ✓' }).waitFor();
    expect(await table.locator('[role=gridcell]', { hasText: '新款卫衣到货后先拍照 ✓' }).count()).toBe(0);

    expect(await table.locator('[role=columnheader]', { hasText: '创建时间' }).count()).toBe(0);
    await table.locator('button', { hasText: '列' }).click();
    await table.locator('.menu-list label', { hasText: '创建时间' }).locator('input').check();
    await table.locator('[role=columnheader]', { hasText: '创建时间' }).waitFor();
    await table.locator('.menu-list label', { hasText: '创建时间' }).locator('input').uncheck();
    await table.locator('button', { hasText: '列' }).click();
  });

  it('checks settings in the browser with the server’s schema, in Chinese, and saves good values', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('打开设置');
    await page.keyboard.press('Enter');
    const form = page.locator('wb-schema-form[data-plugin=example]');
    const field = form.locator('#f-maxNoteLength');
    await field.fill('5');
    await form.locator('button[type=submit]').click();
    await expect(form.locator('#f-maxNoteLength-error').textContent()).resolves.toMatch(/应当.*10/);
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await shot(page, 'settings');
    const client = new Client(server.url);
    await client.login(OWNER.username, OWNER.password);
    expect((await client.get('/api/settings/example')).body.value.maxNoteLength).toBe(200);

    await field.fill('300');
    await form.locator('button[type=submit]').click();
    await page.locator('wb-toasts', { hasText: '设置已保存' }).waitFor();
    expect((await client.get('/api/settings/example')).body.value.maxNoteLength).toBe(300);
  });

  it('lists a failed plugin as failed, with its reason, while the rest keeps working', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('插件列表');
    await page.keyboard.press('Enter');
    const failed = page.locator('wb-plugins-page tr[data-plugin=activate-throws]');
    await expect(failed.getAttribute('class')).resolves.toBe('failed');
    await expect(page.locator('wb-plugins-page tr[data-reason-of=activate-throws]').textContent()).resolves.toContain('the label printer driver is missing');
    await expect(page.locator('wb-plugins-page tr[data-plugin=example] .badge').textContent()).resolves.toBe('运行中');
    await shot(page, 'plugins');
    await page.locator('wb-status-bar button.problems').click();
    await page.locator('wb-bottom-panel li', { hasText: 'the label printer driver is missing' }).first().waitFor();
    await page.keyboard.press('Control+J');
    expect(await page.locator('wb-bottom-panel').count()).toBe(0);
    await page.locator('wb-example-notes wb-data-table [role=row]', { hasText: '周一例会' }).waitFor();
  });

  it('shows a product-like name with markup as text and never runs it', async () => {
    const client = new Client(server.url);
    await client.login(OWNER.username, OWNER.password);
    expect((await client.post('/api/example/notes', { text: XSS })).status).toBe(201);
    await page.locator('wb-example-notes wb-data-table button', { hasText: '刷新' }).click();
    const cell = page.locator('wb-example-notes wb-data-table [role=gridcell]', { hasText: XSS });
    await cell.waitFor();
    expect(await cell.textContent()).toBe(XSS);
    expect(await page.locator('wb-example-notes wb-data-table img').count()).toBe(0);
    expect(owner.dialogs).toEqual([]);
  });

  it('follows a long import with the progress element, mirrored in the bottom panel', async () => {
    await page.evaluate(async () => {
      const form = new FormData();
      const lines = Array.from({ length: 120 }, (_, i) => `第 ${i + 1} 条备货记录`).join('\n');
      form.append('file', new Blob([lines], { type: 'text/plain' }), '备货.txt');
      const res = await fetch('/api/example/importers/notes-text', { method: 'POST', headers: { 'x-workbench-request': '1' }, body: form });
      const run = (await res.json()) as { events: string };
      const progress = document.createElement('wb-progress');
      progress.heading = '导入笔记';
      progress.src = run.events;
      document.querySelector('wb-app')!.shadowRoot!.querySelector('wb-workbench')!.shadowRoot!.append(progress);
    });
    await page.locator('wb-progress [role=status]', { hasText: '已完成' }).waitFor();
    await expect(page.locator('wb-progress [role=progressbar]').getAttribute('aria-valuenow')).resolves.toBe('120');
    await page.keyboard.press('Control+J');
    await page.locator('wb-bottom-panel [role=tab]', { hasText: '任务进度' }).click();
    await page.locator('wb-bottom-panel li', { hasText: '导入笔记' }).waitFor();
    await page.keyboard.press('Control+J');
    await page.evaluate(() => document.querySelector('wb-app')!.shadowRoot!.querySelector('wb-workbench')!.shadowRoot!.querySelector('wb-progress')!.remove());
  });

  it('keeps the open tabs and sizes across a reload', async () => {
    const before = await page.locator('wb-editor-area .tab').allTextContents();
    expect(before.length).toBeGreaterThanOrEqual(4);
    const sidebar = page.locator('wb-workbench aside.sidebar');
    const width = (await sidebar.boundingBox())!.width;
    await page.locator('wb-workbench .sash.vertical').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.reload();
    await page.locator('wb-editor-area .tab').first().waitFor();
    expect(await page.locator('wb-editor-area .tab').allTextContents()).toEqual(before);
    expect((await sidebar.boundingBox())!.width).toBe(width + 30);
    await expect(page.locator('wb-editor-area .tab[aria-selected=true]').textContent()).resolves.toContain('插件');
  });

  it('switches to the dark theme', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('深色');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(30, 30, 30)');
    await page.locator('wb-activity-bar [role=tab][aria-label="笔记"]').focus();
    await shot(page, 'dark');
  });

  it('lets the owner create a role with one permission and a staff account in the users view, then shows it in the audit log', async () => {
    expect((await new Client(server.url).login('shei-ya', 'a-wrong-guess')).status).toBe(401);
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('员工与角色');
    await page.keyboard.press('Enter');
    // The owner sees the failed login, from where it came.
    const attempt = page.locator('wb-login-attempts tr[data-attempt=shei-ya]');
    await attempt.waitFor();
    expect(await attempt.textContent()).toMatch(/127\.0\.0\.1[\s\S]*密码错误/);
    await page.locator('wb-login-attempts').screenshot({ path: join(SHOTS, 'login-attempts.png') });
    const roles = page.locator('wb-role-editor');
    await roles.locator('input[name=id]').fill('reader');
    await roles.locator('input[name=name]').fill('只读客服');
    await roles.locator('button', { hasText: '新建角色' }).click();
    await roles.locator('form[data-role=reader]').waitFor();
    await roles.locator('form[data-role=reader] input[value="example.notes.read"]').check();
    await roles.locator('form[data-role=reader] button[type=submit]').click();
    await page.locator('wb-toasts', { hasText: '已保存' }).waitFor();

    const users = page.locator('wb-users-page form[data-form=user]');
    await users.locator('input[name=username]').fill('xiaoli');
    await users.locator('input[name=displayName]').fill('小李');
    await users.locator('input[name=password]').fill('staff-pass-123');
    await users.locator('input[name=role][value=reader]').check();
    await users.locator('button[type=submit]').click();
    await page.locator('wb-users-page tr[data-user=xiaoli]').waitFor();

    const client = new Client(server.url);
    await client.login(OWNER.username, OWNER.password);
    const role = (await client.get('/api/roles')).body.items.find((r: { id: string }) => r.id === 'reader');
    expect(role.permissions).toEqual(['example.notes.read']);

    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('操作日志');
    await page.keyboard.press('Enter');
    // Each entry reads as a sentence with the person's display name.
    await page.locator('wb-audit-page [role=gridcell]', { hasText: '王店长：新建员工账号' }).first().waitFor();
    // The search box searches the log: typing the role's action leaves only its entries.
    await page.locator('wb-audit-page input[type=search]').fill('create role');
    await page.locator('wb-audit-page [role=gridcell]', { hasText: '新建员工账号' }).first().waitFor({ state: 'detached' });
    await page.locator('wb-audit-page [role=gridcell]', { hasText: '王店长：新建角色' }).first().waitFor();
    await shot(page, 'audit-search');
  });

  it('hides actions from staff without the permission, and the API refuses them with 403', async () => {
    const client = new Client(server.url);
    await client.login(OWNER.username, OWNER.password);
    const notesBefore = (await client.get('/api/example/notes?pageSize=1')).body.total as number;
    const staff = await openPage(browser, server.url);
    await staff.page.goto(server.url);
    await staff.page.locator('wb-login-page').waitFor();
    await logIn(staff.page, 'xiaoli', 'staff-pass-123');
    await staff.page.locator('wb-example-notes wb-data-table [role=row]', { hasText: '周一例会' }).waitFor();
    expect(await staff.page.locator('wb-example-notes button.new').count()).toBe(0);

    await staff.page.keyboard.press('Control+Shift+P');
    await staff.page.keyboard.type('笔记');
    const titles = await staff.page.locator('wb-command-palette [role=option]').allTextContents();
    expect(titles.join('|')).not.toContain('新建笔记');
    await staff.page.keyboard.press('Escape');
    await staff.page.keyboard.press('Control+Alt+N');

    const status = await staff.page.evaluate(async () => {
      const res = await fetch('/api/example/notes', { method: 'POST', headers: { 'content-type': 'application/json', 'x-workbench-request': '1' }, body: JSON.stringify({ text: '越权' }) });
      return res.status;
    });
    expect(status).toBe(403);
    await staff.page.waitForTimeout(300);
    expect((await client.get('/api/example/notes?pageSize=1')).body.total).toBe(notesBefore);
    expect(staff.foreign).toEqual([]);
  });

  it('made no request to another host and broke no Content-Security-Policy rule', () => {
    expect(owner.foreign).toEqual([]);
    expect(owner.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });
});
