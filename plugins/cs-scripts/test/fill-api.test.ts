// Every placeholder filled from the real order, price, person and settings, with listings,
// fulfillment and staff-rules running; the preview; the use count.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestClient, type TestHost } from '@workbench/plugin-api/testing';
import { approve, createSkus, enterOrder, pickedWave, stockUp, type Client, type TestSku } from '../../../test/helpers/shop-fixtures.js';
import { PLACEHOLDERS } from '../shared/placeholders.js';

const PLUGIN = resolve(import.meta.dirname, '..');
const STAFF_RULES = resolve(import.meta.dirname, '../../staff-rules');
let host: TestHost;
let agent: TestClient;
let skus: TestSku[];
let shipped: { orderNo: string };
let waiting: { orderNo: string };
// The test products are not listed (no images, no review), so no promotion takes part: the
// quote comes from listings' pricing as it stands; the wording of discounts is unit-tested.
const QUOTE = '99 元（现在没有活动，已是到手价）';
const asClient = (c: TestClient) => c as unknown as Client;

beforeAll(async () => {
  host = await startTestHost({ plugins: [PLUGIN, STAFF_RULES], enabled: ['listings', 'fulfillment', 'staff-rules', 'cs-scripts'], clock: '2026-11-11T09:00:00+08:00' });
  agent = await host.staff('xiaomei', ['cs-scripts.phrases.use', 'fulfillment.orders.read']);
  const me = (await agent.get('/api/auth/me')).body;
  const staff = await host.owner.post('/api/staff-rules/staff', { code: '1', name: '周小美', department: 'cs-presale', accountId: me.id });
  expect(staff.status, staff.text).toBe(201);
  const current = await host.owner.get('/api/settings/cs-scripts');
  await host.owner.put('/api/settings/cs-scripts', { value: { ...current.body.value, shopName: '暖冬小铺' }, version: current.body.version });
  skus = await createSkus(asClient(host.owner), 2, 'CS');
  await stockUp(asClient(host.owner), skus[0]!, 'A-01-01-01', 5);
  const order = await enterOrder(asClient(host.owner), [{ sku: skus[0]!, qty: 2 }], { buyerNick: 'tb_阿花' });
  await approve(asClient(host.owner), order);
  await pickedWave(asClient(host.owner), [order.id]);
  const picked = (await host.owner.get(`/api/fulfillment/orders/${order.id}`)).body;
  const ship = await host.owner.post(`/api/fulfillment/orders/${order.id}/ship`, { version: picked.version, trackingNo: '7712345678901616', weightGrams: 500 });
  expect(ship.status, ship.text).toBe(200);
  shipped = order;
  waiting = await enterOrder(asClient(host.owner), [{ sku: skus[1]! }], { buyerNick: 'tb_小王', buyerMessage: '请发顺丰，急用' });
});
afterAll(() => host?.close());

const preview = (text: string, context: Record<string, string> = {}, client = agent) => client.post('/api/cs-scripts/phrases/preview', { text, ...context });

test('each placeholder is filled from the order, the person, the price and the settings', async () => {
  const all = PLACEHOLDERS.map((p) => `${p.name}={${p.name}}`).join('\n');
  const res = await preview(all, { orderNo: shipped.orderNo });
  expect(res.status, res.text).toBe(200);
  const got = Object.fromEntries(res.body.text.split('\n').map((l: string) => l.split('=')));
  expect(got).toEqual({
    工号: '1',
    客服: '1号客服',
    客服姓名: '周小美',
    店铺: '暖冬小铺',
    订单号: shipped.orderNo,
    商品: expect.stringMatching(/×2$/),
    金额: '198 元',
    快递: expect.any(String),
    快递原因: expect.stringMatching(/^已经交给.+发出$/),
    运单号: '7712345678901616',
    订单状态: '已发货',
    买家: 'tb_阿花',
    报价: QUOTE,
    顺丰加价: '15 元',
    偏远加价: '15 元',
    偏远地区: '新疆、西藏、青海、内蒙古、宁夏、广西',
  });
  expect(res.body.missing).toEqual([]);
  // The English keys are the same placeholders.
  expect((await preview('{orderNo}/{buyer}', { orderNo: shipped.orderNo })).body.text).toBe(`${shipped.orderNo}/tb_阿花`);
});

test("an order not yet shipped: the courier the rules chose and why, and no tracking number yet", async () => {
  const res = await preview('{快递}：{快递原因}。单号 {运单号}', { orderNo: waiting.orderNo });
  expect(res.body.text).toMatch(/^顺丰：.*请发顺丰.*。单号 【运单号：还没有发货，没有运单号】$/u);
  expect(res.body.missing).toEqual([{ name: '运单号', reason: { 'zh-CN': '还没有发货，没有运单号', en: 'Not shipped yet: no tracking number' } }]);
});

test('the quote of a SKU chosen by its code; an unknown code and an unknown order say so', async () => {
  expect((await preview('{报价}', { skuCode: skus[1]!.code })).body.text).toBe(QUOTE);
  expect((await preview('{报价}', { skuCode: 'NOPE-1' })).body.missing).toEqual([{ name: '报价', reason: { 'zh-CN': '没有商家编码 NOPE-1', en: 'No SKU NOPE-1' } }]);
  const lost = await preview('{订单号} {买家}', { orderNo: '999' });
  expect(lost.body.text).toBe('【订单号：找不到订单 999】 【买家：找不到订单 999】');
  expect((await preview('{订单号}')).body.missing[0].reason['zh-CN']).toBe('没有选订单');
});

test('the settings change the shipping facts and the shop name', async () => {
  const current = await host.owner.get('/api/settings/cs-scripts');
  const value = { ...current.body.value, shopName: '暖冬旗舰店', shipping: { sfExtraFen: 2050, remoteExtraFen: 1000, remoteRegions: ['西藏'] } };
  expect((await host.owner.put('/api/settings/cs-scripts', { value, version: current.body.version })).status).toBe(200);
  expect((await preview('{店铺}{顺丰加价}/{偏远加价}/{偏远地区}', { orderNo: shipped.orderNo })).body.text).toBe('暖冬旗舰店20.50 元/10 元/西藏');
  const again = await host.owner.get('/api/settings/cs-scripts');
  await host.owner.put('/api/settings/cs-scripts', { value: current.body.value, version: again.body.version });
});

test('a copied phrase counts a use; an unknown placeholder in a preview is refused as at save', async () => {
  const ship = (await agent.get('/api/cs-scripts/phrases')).body.items.find((p: { shortcut: string }) => p.shortcut === 'ship');
  const filled = await agent.post(`/api/cs-scripts/phrases/${ship.id}/fill`, { orderNo: shipped.orderNo, copied: true });
  expect(filled.status, filled.text).toBe(200);
  expect(filled.body.text).toBe(`tb_阿花您好，订单 ${shipped.orderNo} 已经用${(await preview('{快递}', { orderNo: shipped.orderNo })).body.text}发出，单号 7712345678901616，请留意查收～`);
  const after = (await agent.get('/api/cs-scripts/phrases')).body.items.find((p: { id: number }) => p.id === ship.id);
  expect(after.uses).toBe(ship.uses + 1);
  expect(after.lastUsedAt).toBe('2026-11-11T09:00:00.000+08:00');
  const bad = await preview('您好{亲爱的}');
  expect(bad.status).toBe(400);
  expect(bad.body.unknown).toEqual([{ name: '亲爱的', position: 3, line: 1, column: 3 }]);
});
