import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER, setupOwner, type Client } from '../helpers/client.js';
import { logIn, openPage, showView, signedInPage } from '../helpers/browser.js';
import { serveInProcess } from '../helpers/in-process.js';
import { ROOT, type TestServer } from '../helpers/server.js';

// The owner (店长) adds a person, plans their week by dragging and by pick-and-click, sees the
// evening the pre-sale post is left empty in red, ticks the day's checklist, and hands over a
// note that the night shift reads from its home page.
const SHOTS = join(ROOT, 'test-results');

let server: TestServer;
let owner: Client;
let browser: Browser;
let page: Page;

const day = (offset: number) => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const monday = new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * 86_400_000);
  return new Date(monday.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
};

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serveInProcess({ enabled: ['staff-rules'] });
  owner = await setupOwner(server);
  // The night clerk's account, logged in only in the browser.
  const night = await owner.post('/api/users', { username: 'wanban', displayName: 'wanban', password: 'staff-pass-123', roles: ['customer-service'] });
  expect(night.status, night.text).toBe(201);
  const accountId = night.body.id as number;
  expect((await owner.post('/api/staff-rules/staff', { code: '12', name: '晚班小李', department: 'cs-presale', accountId })).status).toBe(201);
  ({ browser, page } = await signedInPage(server.url, OWNER, 10_000));
  await page.setViewportSize({ width: 1440, height: 900 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('staff and roster', () => {
  it('adds a person, plans their week, shows the empty evening in red, ticks the checklist, and hands a note over to the night shift', async () => {
    await showView(page, '员工');
    const staff = page.locator('wb-staff-rules-staff');
    await staff.locator('input[name=code]').fill(' 11 ');
    await staff.locator('input[name=name]').fill('新来的小周');
    await staff.locator('select[name=department]').selectOption('cs-presale');
    await staff.locator('button[type=submit]').click();
    await staff.locator('tr[data-code="11"]').waitFor();

    await showView(page, '排班');
    const roster = page.locator('wb-staff-rules-roster');
    const cell = (offset: number) => roster.locator(`tr[data-staff="11"] td[data-date="${day(offset)}"]`);
    await cell(0).waitFor();
    // Monday by dragging the 白班 chip; Tuesday to Saturday by picking it and clicking each day.
    const white = roster.locator('.palette .chip', { hasText: '白班' });
    await white.dragTo(cell(0));
    await expect.poll(() => cell(0).textContent()).toContain('白班');
    await white.click();
    for (let d = 1; d <= 5; d += 1) {
      await cell(d).locator('button').click();
      await expect.poll(() => cell(d).textContent()).toContain('白班');
    }
    await expect(cell(6).textContent()).resolves.toContain('休');
    const gap = roster.locator(`tr.gaps td.gap[data-date="${day(0)}"]`);
    await expect.poll(() => gap.textContent()).toContain('客服售前 17:30–24:00');
    expect(await gap.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(253, 231, 233)');
    await page.screenshot({ path: join(SHOTS, 'staff-roster-1440.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: join(SHOTS, 'staff-roster-1024.png') });

    // A swap asked for and approved moves Tuesday's shift to the colleague.
    const swaps = roster.locator('wb-staff-rules-swaps');
    await swaps.locator('select[name=staffId]').selectOption({ label: '11 新来的小周' });
    await swaps.locator('select[name=otherStaffId]').selectOption({ label: '12 晚班小李' });
    await swaps.locator('input[name=date]').fill(day(1));
    await swaps.locator('input[name=reason]').fill('家里有事');
    await swaps.locator('button[type=submit]').click();
    await swaps.locator('li button.approve').click();
    const other = roster.locator(`tr[data-staff="12"] td[data-date="${day(1)}"]`);
    await expect.poll(() => other.textContent()).toContain('白班');
    await expect(cell(1).textContent()).resolves.toContain('休');

    await showView(page, '交接班');
    const handover = page.locator('wb-staff-rules-handover');
    await handover.locator('textarea').fill('买家 tb_小王 要求明天发顺丰，已备注');
    await handover.locator('button[type=submit]').click();
    await handover.locator('ul.today li.note').waitFor();

    // The day's checklist: ticking an item shows who ticked it.
    await showView(page, '例会与周报');
    const routines = page.locator('wb-staff-rules-routines');
    await routines.locator('.entry[data-key="morning-sales-stock"] input[type=checkbox]').check();
    await expect.poll(() => routines.locator('.entry[data-key="morning-sales-stock"] .who').textContent()).toContain('王店长');

    const nightWatch = await openPage(browser, server.url);
    await logIn(nightWatch.page, 'wanban', 'staff-pass-123', server.url);
    // The login page's own 401 for "who am I" is not an error of the home page.
    const errorsAtLogIn = nightWatch.errors.length;
    const widget = nightWatch.page.locator('wb-staff-rules-handover-widget');
    await widget.locator('li.note', { hasText: 'tb_小王' }).waitFor();
    await nightWatch.page.screenshot({ path: join(SHOTS, 'staff-handover-widget.png') });
    await widget.locator('button.read').click();
    await widget.locator('.empty').waitFor();

    const notes = (await owner.get(`/api/staff-rules/handover?date=${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}`)).body.items;
    expect(notes[0].reads.map((r: { name: string }) => r.name)).toEqual(['晚班小李']);
    expect(nightWatch.errors.slice(errorsAtLogIn)).toEqual([]);
  }, 30_000);
});
