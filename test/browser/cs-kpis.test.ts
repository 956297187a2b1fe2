import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SCREENSHOTS, showView, signedInPage, type SignedInPage } from '../helpers/browser.js';
import { OWNER, type Client } from '../helpers/client.js';
import { startInProcess } from '../helpers/in-process.js';
import type { TestServer } from '../helpers/server.js';
import { createSkus, enterOrder } from '../helpers/shop-fixtures.js';

// The owner's KPI dashboard in Chromium on 2026-10-30: two agents' chat log imported, three orders
// remarked with their 工号; the table ranks them, a figure tells its definition and inputs on hover,
// the charts are drawn, and the same in English.
let server: TestServer;
let api: Client;
let signed: SignedInPage;

const LOG = [
  '时间,买家,客服,方向,内容',
  '2026-10-30 10:00:00,小明,1,in,在吗？这件有M码吗',
  '2026-10-30 10:00:30,小明,1,out,亲，在的，黑色M码有货',
  '2026-10-30 11:00:00,广告哥,1,in,兼职刷单日结，加微信 abc123',
  '2026-10-30 12:00:00,小丽,1,in,能便宜点吗',
  '2026-10-30 14:30:00,阿花,2,in,有优惠券吗',
  '2026-10-30 14:30:20,阿花,2,out,有的，满200减20',
].join('\r\n');

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  ({ server, owner: api } = await startInProcess({ plugins: [], enabled: ['listings', 'fulfillment', 'staff-rules', 'cs-scripts'], listen: true, clock: '2026-10-30T15:00:00+08:00' }));
  for (const [code, name] of [['1', '小林'], ['2', '阿珍']] as const) expect((await api.post('/api/staff-rules/staff', { code, name, department: 'cs-presale' })).status).toBe(201);
  const skus = await createSkus(api, 1, 'KPI');
  for (const [buyer, agent] of [['小明', '1'], ['阿花', '2'], ['阿花', '2']] as const) {
    const order = await enterOrder(api, [{ sku: skus[0]! }], { buyerNick: buyer });
    expect((await api.post(`/api/fulfillment/orders/${order.id}/remarks`, { text: `${agent}+申通+客服成交` })).status).toBe(201);
  }
  const form = new FormData();
  form.append('file', new Blob([LOG], { type: 'text/csv' }), '聊天记录.csv');
  const run = await api.post('/api/cs-scripts/importers/chat-log', form);
  expect(run.status, run.text).toBe(202);
  expect((await api.get(run.body.events, { accept: 'text/event-stream' })).text).toContain('"imported":6');
  signed = await signedInPage(server.url, OWNER, 10_000);
  await signed.page.setViewportSize({ width: 1440, height: 900 });
}, 60_000);

afterAll(async () => {
  await signed?.browser.close();
  await server?.dispose();
});

it('ranks the agents, explains a figure on hover and draws the charts, in Chinese and English', async () => {
  const { page, watched } = signed;
  await showView(page, '客服考核');
  const view = page.locator('wb-cs-scripts-kpis');
  const row = (agent: string) => view.locator(`tr[data-agent="${agent}"]`);
  await row('2').waitFor();
  expect(await view.locator('table.kpis tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-agent')))).toEqual(['2', '1']);
  await expect(row('2').locator('td').first().textContent()).resolves.toContain('第 1 名2 阿珍');
  await expect(row('1').locator('td.replyRate').textContent()).resolves.toBe('50%');
  const hover = await row('1').locator('td.replyRate').getAttribute('title');
  expect(hover).toContain('回复率 = 已回复的买家 ÷ 询问过的买家');
  expect(hover).toContain('已回复买家 1，询问买家 2');
  await expect(row('1').locator('td.responseTime').textContent()).resolves.toBe('30 秒 (好)');
  await view.locator('wb-chart.sales-chart canvas').first().waitFor();
  await view.locator('wb-chart.daily-chart canvas').first().waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'cs-kpis-1440.png') });

  const switched = await page.evaluate(async () => (await fetch('/api/auth/me', { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'X-Workbench-Request': '1' }, body: JSON.stringify({ locale: 'en' }) })).status);
  expect(switched).toBe(200);
  await page.reload();
  await showView(page, 'CS KPIs');
  await row('1').waitFor();
  expect(await row('1').locator('td.conversion').getAttribute('title')).toContain('Conversion = paying buyers ÷ inquiring buyers');
  await expect(row('1').locator('td.responseTime').textContent()).resolves.toBe('30 s (good)');
  await page.screenshot({ path: join(SCREENSHOTS, 'cs-kpis-en-1440.png') });
  expect(watched.errors.slice(signed.errorsAtLogIn)).toEqual([]);
}, 30_000);
