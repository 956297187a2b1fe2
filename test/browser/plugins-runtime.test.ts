import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, logIn, openPage, SCREENSHOTS, type WatchedPage } from '../helpers/browser.js';
import { OWNER, setupOwner } from '../helpers/client.js';
import { serveInProcess } from '../helpers/in-process.js';
import { FIXTURE_PLUGINS, ROOT, type TestServer } from '../helpers/server.js';

// The owner switches the example plugin off and on in the Plugins view; the shell follows without a reload.
const SHOTS = SCREENSHOTS;

let server: TestServer;
let browser: Browser;
let owner: WatchedPage;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  // The runtime fixtures add two commands on one keybinding, for the Problems panel.
  const folders = [FIXTURE_PLUGINS, join(ROOT, 'test', 'fixtures', 'runtime-plugins')];
  server = await serveInProcess({ plugins: folders, enabled: ['example', 'example-consumer', 'runtime-base', 'runtime-dependant'] });
  const client = await setupOwner(server);
  const note = await client.post('/api/example/notes', { text: '周五盘点仓库' });
  if (note.status !== 201) throw new Error(`note: ${note.status} ${note.text}`);
  browser = await launchChromium();
  // The 401 is the shell asking who is logged in before the login page.
  owner = await openPage(browser, server.url, { expectedStatuses: [401] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

it('停用 takes the view off the activity bar at once and the open editor says the plugin is off, naming the dependant first; 启用 brings both back', async () => {
  const { page } = owner;
  await logIn(page, OWNER.username, OWNER.password, server.url);
  const notes = page.locator('wb-activity-bar [role=tab][aria-label="笔记"]');
  await notes.waitFor();
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  // An editor of the plugin, open in a tab.
  await page.keyboard.press('Control+P');
  await page.keyboard.type('盘点');
  await page.locator('wb-command-palette [role=option]', { hasText: '周五盘点仓库' }).waitFor();
  await page.keyboard.press('Enter');
  const editorTab = page.locator('wb-editor-area .tab', { hasText: '周五盘点仓库' });
  await editorTab.waitFor();

  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('插件列表');
  await page.keyboard.press('Enter');
  const row = page.locator('wb-plugins-page tr[data-plugin=example]');
  await row.locator('button', { hasText: '停用' }).click();
  const dialog = page.locator('wb-plugins-page wb-dialog');
  await expect(dialog.textContent()).resolves.toContain('示例消费者（example-consumer）');
  await page.screenshot({ path: join(SHOTS, 'plugins-disable-confirm.png') });
  await dialog.locator('button.danger').click();

  await notes.waitFor({ state: 'detached' });
  await editorTab.click();
  await page.locator('wb-editor-area', { hasText: '插件“示例笔记”已停用' }).waitFor();
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('插件列表');
  await page.keyboard.press('Enter');
  await expect(row.locator('.badge').textContent()).resolves.toBe('已停用');
  await expect(page.locator('wb-plugins-page tr[data-plugin=example-consumer] .badge').textContent()).resolves.toBe('已停用');
  await page.screenshot({ path: join(SHOTS, 'plugins-disabled.png') });

  await row.locator('button', { hasText: '启用' }).click();
  await notes.waitFor();
  // The activity bar hears of it from the server's event; the Plugins page's row follows its own reload.
  await row.locator('.badge', { hasText: '运行中' }).waitFor();
  await editorTab.click();
  await page.locator('wb-example-note-editor').waitFor();
  await notes.click();
  await page.locator('wb-example-notes').waitFor();
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  expect(owner.errors).toEqual([]);
}, 60_000);

it('a keybinding two plugins take shows in the Problems panel, naming both', async () => {
  const { page } = owner;
  await page.locator('wb-status-bar button.problems').click();
  const warning = page.locator('wb-bottom-panel li.warning');
  await expect(warning.textContent()).resolves.toContain('ctrl+alt+r');
  await expect(warning.textContent()).resolves.toContain('runtime-base（runtime-base.refresh）和runtime-dependant（runtime-dependant.refresh）');
  await page.screenshot({ path: join(SHOTS, 'plugins-clash-problem.png') });
});
