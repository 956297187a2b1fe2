// Discount authority and the remark helper, with listings, fulfillment and staff-rules running;
// and who may use which route: a 客服 account against a 仓管 one (built-in roles).
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestClient, type TestHost } from '@workbench/plugin-api/testing';
import { createSkus, enterOrder, type Client, type TestSku } from '../../../test/helpers/shop-fixtures.js';

const PLUGIN = resolve(import.meta.dirname, '..');
const STAFF_RULES = resolve(import.meta.dirname, '../../staff-rules');
let host: TestHost;
let kefu: TestClient;
let cangguan: TestClient;
let skus: TestSku[];
const asClient = (c: TestClient) => c as unknown as Client;

beforeAll(async () => {
  host = await startTestHost({ plugins: [PLUGIN, STAFF_RULES], enabled: ['listings', 'fulfillment', 'staff-rules', 'cs-scripts'], clock: '2026-11-11T09:00:00+08:00' });
  kefu = await host.staff('kefu1', ['customer-service']);
  cangguan = await host.staff('cangguan', ['warehouse']);
  const me = (await kefu.get('/api/auth/me')).body;
  expect((await host.owner.post('/api/staff-rules/staff', { code: '12', name: '周小美', department: 'cs-presale', accountId: me.id })).status).toBe(201);
  skus = await createSkus(asClient(host.owner), 1, 'AU');
});
afterAll(() => host?.close());

const check = (client: TestClient, body: Record<string, unknown>, lang = 'zh-CN') => client.post('/api/cs-scripts/quotes/check', body, { 'accept-language': lang });

test('a 客服 quotes down to 97折 of the price; below it is refused naming who may approve', async () => {
  // 99 元: 97折 is 96.03 元.
  const ok = await check(kefu, { skuCode: skus[0]!.code, price: 9603 });
  expect(ok.status, ok.text).toBe(200);
  expect(ok.body).toEqual({ allowed: true, percent: 97, lowest: 9603, listPrice: 9900 });
  const low = await check(kefu, { skuCode: skus[0]!.code, price: 9500 });
  expect(low.status).toBe(403);
  expect(low.body.detail).toBe('95 元低于你的折扣权限（97 折，最低 96.03 元），需要店长、运营批准');
  expect(low.body.reason).toBe('below');
  // Below the 运营's 90折 only the 店长 may.
  expect((await check(kefu, { listPrice: 10000, price: 8000 }, 'en')).body.detail).toBe('80 元 is below your discount authority (97%, at least 97 元); owner may approve it');
  // The owner's own authority covers it.
  expect((await check(host.owner, { listPrice: 10000, price: 8000 })).status).toBe(200);
});

test('a large order goes to the supervisor; the settings set the amount and each agent\'s own authority', async () => {
  const big = await check(kefu, { listPrice: 9900, price: 9900, orderAmount: 250000 });
  expect(big.status).toBe(403);
  expect(big.body.detail).toBe('这单 2500 元，达到大单金额 2000 元，请交给店长处理');
  expect(big.body.reason).toBe('supervisor');

  const current = await host.owner.get('/api/settings/cs-scripts');
  const authority = { ...current.body.value.authority, supervisorFromFen: 500000, byAgent: [{ username: 'kefu1', percent: 95 }] };
  expect((await host.owner.put('/api/settings/cs-scripts', { value: { ...current.body.value, authority }, version: current.body.version })).status).toBe(200);
  expect((await check(kefu, { listPrice: 9900, price: 9900, orderAmount: 250000 })).status).toBe(200);
  expect((await check(kefu, { listPrice: 10000, price: 9500 })).body).toMatchObject({ allowed: true, percent: 95 });
});

test('the remark helper writes 工号+快递+备注 and the flag onto the fulfillment order', async () => {
  const order = await enterOrder(asClient(host.owner), [{ sku: skus[0]! }], { buyerNick: 'tb_备注' });
  const res = await kefu.post('/api/cs-scripts/remarks', { orderNo: order.orderNo, note: '送袜子一双', flag: 'checked' });
  expect(res.status, res.text).toBe(201);
  const seen = (await host.owner.get(`/api/fulfillment/orders/${order.id}`)).body;
  expect(seen.remarks).toEqual([expect.objectContaining({ agentNo: '12', courier: 'STO', note: '送袜子一双', text: '12+申通+送袜子一双', authorName: 'kefu1' })]);
  expect(seen.flag).toBe(5);
  // A courier chosen by the agent, a red flag for a special requirement.
  await kefu.post('/api/cs-scripts/remarks', { orderNo: order.orderNo, note: '要发顺丰', courier: '顺丰', flag: 'special' });
  const again = (await host.owner.get(`/api/fulfillment/orders/${order.id}`)).body;
  expect(again.remarks.map((r: { text: string }) => r.text)).toContain('12+顺丰+要发顺丰');
  expect(again).toMatchObject({ flag: 1, courierRequested: 'SF' });
  // fulfillment's own refusals come through: an unknown courier.
  const bad = await kefu.post('/api/cs-scripts/remarks', { orderNo: order.orderNo, note: '试试', courier: '飞鸽' });
  expect(bad.status).toBe(400);
  expect(bad.body.detail).toContain('没有叫「飞鸽」的快递');
  expect((await kefu.post('/api/cs-scripts/remarks', { orderNo: 'NOPE', note: '试试' })).status).toBe(404);
});

test('an agent not in the staff list types the 工号', async () => {
  const other = await host.staff('kefu2', ['customer-service']);
  const order = await enterOrder(asClient(host.owner), [{ sku: skus[0]! }], { buyerNick: 'tb_备注2' });
  const none = await other.post('/api/cs-scripts/remarks', { orderNo: order.orderNo, note: '加急' });
  expect(none.status).toBe(400);
  expect(none.body.errors[0].path).toBe('/agentNo');
  const typed = await other.post('/api/cs-scripts/remarks', { orderNo: order.orderNo, note: '加急', agentNo: '7', flag: 'warehouse' });
  expect(typed.status, typed.text).toBe(201);
  expect(typed.body).toMatchObject({ flag: 2 });
  expect(typed.body.remarks[0].text).toBe('7+申通+加急');
});

test('permissions per route: a 客服 uses phrases, quotes and remarks; a 仓管 none of them; nobody without an account', async () => {
  const shared = (await kefu.get('/api/cs-scripts/phrases')).body.items[0];
  const routes: [string, string, Record<string, unknown>?][] = [
    ['get', '/api/cs-scripts/phrases'],
    ['post', '/api/cs-scripts/phrases/preview', { text: '{店铺}' }],
    ['post', `/api/cs-scripts/phrases/${shared.id}/fill`, {}],
    ['put', `/api/cs-scripts/phrases/${shared.id}/favourite`, { favourite: true }],
    ['post', '/api/cs-scripts/quotes/check', { listPrice: 100, price: 100 }],
  ];
  for (const [method, path, body] of routes) {
    const call = (c: TestClient) => (method === 'get' ? c.get(path) : (c as unknown as Record<string, (p: string, b?: unknown) => Promise<{ status: number }>>)[method]!(path, body));
    expect((await call(kefu)).status, `${method} ${path}`).toBe(200);
    expect((await call(cangguan)).status, `${method} ${path}`).toBe(403);
    expect((await call(host.anonymous())).status, `${method} ${path}`).toBe(401);
  }
  expect((await cangguan.post('/api/cs-scripts/remarks', { orderNo: '1', note: '试试' })).status).toBe(403);
  // Keeping the shared library is the 运营's and the 店长's, not the 客服's.
  const g = (await kefu.get('/api/cs-scripts/phrases')).body.groups[0].id;
  expect((await kefu.post('/api/cs-scripts/groups', { stage: 'pre-sale', name: '新组' })).status).toBe(403);
  expect((await kefu.delete(`/api/cs-scripts/groups/${g}`)).status).toBe(403);
  expect((await kefu.post('/api/cs-scripts/phrases/import', { format: 'csv', content: 'x' })).status).toBe(403);
  expect((await kefu.get('/api/cs-scripts/phrases/export')).status).toBe(403);
});
