import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, logIn, openPage, SCREENSHOTS, showView } from '../helpers/browser.js';
import { OWNER, staffClient, type Client } from '../helpers/client.js';
import { startInProcess } from '../helpers/in-process.js';
import type { TestServer } from '../helpers/server.js';

// A supervisor records a customer complaint against 李小丽; she reads on her own page what it cost
// and why; the owner closes the month, after which it shows as closed.
const SHOTS = SCREENSHOTS;

let server: TestServer;
let browser: Browser;
let owner: Client;

/** The last day of the month before today's, and that month. */
function lastMonth(): { day: string; month: string } {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const day = end.toISOString().slice(0, 10);
  return { day, month: day.slice(0, 7) };
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  // In this process, listening on a port for Chromium: cheap password hashes keep the logins quick.
  ({ server, owner } = await startInProcess({ plugins: [], enabled: ['staff-rules'], listen: true, clock: 'system' }));
  const role = await owner.post('/api/roles', { id: 'supervisor', name: { 'zh-CN': '客服主管', en: 'CS supervisor' }, permissions: ['staff-rules.staff.read', 'staff-rules.fines.read', 'staff-rules.fines.record', 'staff-rules.fund.read'] });
  expect(role.status, role.text).toBe(201);
  await staffClient(server, owner, 'zhuguan', ['supervisor']);
  const xiaoli = await staffClient(server, owner, 'xiaoli', ['customer-service']);
  const account = (await xiaoli.get('/api/auth/me')).body as { id: number };
  const added = await owner.post('/api/staff-rules/staff', { code: '7', name: '李小丽', department: 'cs-presale', accountId: account.id });
  expect(added.status, added.text).toBe(201);
  expect((await owner.post('/api/staff-rules/staff', { code: '12', name: '王阿华', department: 'warehouse' })).status).toBe(201);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const { day, month } = lastMonth();

it('a supervisor records a complaint with the facts', async () => {
  const supervisor = await openPage(browser, server.url);
  const p1 = supervisor.page;
  p1.setDefaultTimeout(10_000);
  await p1.setViewportSize({ width: 1440, height: 900 });
  await logIn(p1, 'zhuguan', 'staff-pass-123', server.url);
  const errorsAtLogIn = supervisor.errors.length;
  await showView(p1, '罚款奖励与基金');
  const ledger = p1.locator('wb-staff-rules-fines-ledger');
  await ledger.locator('#staff option', { hasText: '李小丽' }).waitFor({ state: 'attached' });
  await ledger.locator('#rule').selectOption('complaint');
  await ledger.locator('#date').fill(day);
  await ledger.locator('#note').fill('买家投诉回复太慢，订单 3390001');
  await ledger.locator('button[type=submit]').click();
  await ledger.locator('#month').fill(month);
  await ledger.locator('#month').dispatchEvent('change');
  const row = ledger.locator('wb-staff-rules-amount', { hasText: '李小丽' });
  await row.waitFor();
  await expect(row.locator('.amount').textContent()).resolves.toContain('30.00');
  expect(await ledger.locator('.field-error').count()).toBe(0);
  // The reasons behind the sum open under 依据.
  await row.locator('summary').click();
  await expect(row.locator('code').textContent()).resolves.toBe('30.00 元 × 2^0 = 30.00 元');
  // A return both got wrong, entered by hand with the 工号 as people type them: 10.01 元 × 50 % split in two.
  await ledger.locator('input[name=what][value=case]').check();
  await ledger.locator('#caseId').fill('AS-0001');
  await ledger.locator('#orderNo').fill('3390002');
  await ledger.locator('#mistake').selectOption('wrong-pack');
  await ledger.locator('#shipping').fill('10.01');
  await ledger.locator('#codes').fill(' 7，12 ');
  await ledger.locator('#date').fill(day);
  await ledger.locator('button[type=submit]').click();
  await ledger.locator('wb-staff-rules-amount', { hasText: '王阿华' }).waitFor();
  await expect(ledger.locator('wb-staff-rules-amount', { hasText: '王阿华' }).locator('p.text').textContent()).resolves.toContain('2 人平分');
  await p1.screenshot({ path: join(SHOTS, 'staff-fines-ledger.png') });
  expect(supervisor.errors.slice(errorsAtLogIn)).toEqual([]);
  await supervisor.page.context().close();
});

it('the person reads on their own page what it cost and why', async () => {
  const person = await openPage(browser, server.url);
  const p2 = person.page;
  p2.setDefaultTimeout(10_000);
  await logIn(p2, 'xiaoli', 'staff-pass-123', server.url);
  await showView(p2, '我的罚款与奖励');
  const mine = p2.locator('wb-staff-rules-my-fines');
  await mine.locator('#month').fill(month);
  await mine.locator('#month').dispatchEvent('change');
  const text = mine.locator('wb-staff-rules-amount', { hasText: '顾客投诉' }).locator('p.text');
  await text.waitFor();
  // Her share of the case shows too, free as her first mistake of the month.
  await expect(mine.locator('wb-staff-rules-amount', { hasText: '发错尺码或颜色' }).locator('p.text').textContent()).resolves.toContain('这是本月第 1 次失误，前 3 次不罚');
  await p2.screenshot({ path: join(SHOTS, 'staff-fines-mine.png') });
  expect(await text.textContent()).toBe(`${day} 因服务被顾客投诉（买家投诉回复太慢，订单 3390001），这是累计第 1 次：每次翻倍，30.00 元 × 2^0 = 30.00 元。`);
  await person.page.context().close();
});

it('the owner closes the month; nothing in it changes after', async () => {
  const shop = await openPage(browser, server.url);
  const p3 = shop.page;
  p3.setDefaultTimeout(10_000);
  await p3.setViewportSize({ width: 1024, height: 700 });
  await logIn(p3, OWNER.username, OWNER.password, server.url);
  await showView(p3, '罚款奖励与基金');
  await p3.locator('wb-staff-rules-fines wb-tabs [role=tab]', { hasText: '月结' }).click();
  const close = p3.locator('wb-staff-rules-month-close');
  await close.locator('tr', { hasText: '李小丽' }).waitFor();
  await close.locator('button.primary', { hasText: '结账' }).click();
  await p3.locator('wb-dialog button.primary', { hasText: '结账' }).click();
  await close.locator('.badge', { hasText: '已结账' }).waitFor();
  await p3.screenshot({ path: join(SHOTS, 'staff-fines-month-close.png') });
  const refused = await owner.post(`/api/staff-rules/fines/conduct`, { staffId: 1, rule: 'cleaning', date: day, note: '没打扫' });
  expect(refused.status).toBe(409);
});
