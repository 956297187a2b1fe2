// Exchanges and reshipments send their goods as an order of the real fulfillment: made from the
// case at 换货待发, reviewed, waved and shipped like any order, its tracking number coming back.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { approve, enterOrder, pickedWave, stockUp, type Client, type TestSku } from '../../../test/helpers/shop-fixtures.js';
import { API, startAfterSales } from './kit.js';

let host: TestHost;
let owner: Client;
/** 尺码 S 99 元, M 129 元, L 79 元. */
let s: TestSku, m: TestSku, l: TestSku;
let tracking = 0;

beforeAll(async () => {
  host = await startAfterSales();
  owner = host.owner as unknown as Client;
  const code = `HH${Date.now().toString(36).toUpperCase()}`;
  const made = await host.owner.post('/api/listings/products', {
    title: '加绒卫衣',
    itemCode: code,
    skus: [['S', 9900], ['M', 12900], ['L', 7900]].map(([size, price], i) => ({ code: `${code}-${size}`, barcode: `69${String(Date.now()).slice(-8)}${i}00`, attributes: { 尺码: size }, price, cost: 3500 })),
  });
  expect(made.status, made.text).toBe(201);
  [s, m, l] = made.body.skus as [TestSku, TestSku, TestSku];
  for (const [i, sku] of [s, m, l].entries()) await stockUp(owner, sku, `H-0${i + 1}-01-01`, 10);
});
afterAll(() => host?.close());

const move = async (id: number, to: string) => {
  const c = (await host.owner.get(`${API}/cases/${id}`)).body;
  const moved = await host.owner.post(`${API}/cases/${id}/move`, { version: c.version, to });
  expect(moved.status, moved.text).toBe(200);
  return moved.body as { id: number; version: number; caseNo: string; state: string };
};

/** An exchange of one piece of `sku`, its goods back and confirmed: 换货待发. */
async function exchangeReady(sku: TestSku) {
  const order = await enterOrder(owner, [{ sku }]);
  const opened = await host.owner.post(`${API}/cases`, { orderId: order.id, kind: 'exchange', reason: '尺码不合适' });
  expect(opened.status, opened.text).toBe(201);
  for (const to of ['wait-buyer-return', 'wait-seller-confirm']) await move(opened.body.id, to);
  return { order, c: opened.body as { id: number; caseNo: string } };
}

async function ship(orderId: number) {
  await approve(owner, { id: orderId });
  await pickedWave(owner, [orderId]);
  const picked = (await host.owner.get(`/api/fulfillment/orders/${orderId}`)).body;
  const trackingNo = `77${String(Date.now()).slice(-10)}${String(++tracking).padStart(3, '0')}`;
  const shipped = await host.owner.post(`/api/fulfillment/orders/${orderId}/ship`, { version: picked.version, trackingNo, weightGrams: 500 });
  expect(shipped.status, shipped.text).toBe(200);
  return { trackingNo, courier: shipped.body.courier as string };
}

test('an exchange to a dearer size: its order waits for review marked 换货, the buyer owes the difference; shipped, the case is sent with the tracking number', async () => {
  const { order, c } = await exchangeReady(s);
  const early = await host.owner.post(`${API}/cases/${c.id}/follow-up-order`, { version: (await host.owner.get(`${API}/cases/${c.id}`)).body.version, skuCode: m.code });
  expect(early.status).toBe(409);
  expect(early.body.detail).toBe(`售后单 ${c.caseNo} 现在是“等待卖家确认收货”，到“换货待发”才能建发货订单`);
  const ready = await move(c.id, 'exchange-pending');

  const made = await host.owner.post(`${API}/cases/${c.id}/follow-up-order`, { version: ready.version, skuCode: m.code });
  expect(made.status, made.text).toBe(201);
  const f = made.body.followUp;
  expect(f).toMatchObject({ kind: 'exchange', orderNo: `${order.orderNo}-HH1`, skuCode: m.code, quantity: 1, sentValue: 12900, paidValue: 9900, priceDifference: 3000, trackingNo: null });
  expect(f.explanation['zh-CN']).toBe('换出 1 件共 129.00 元，原付 99.00 元，买家补差价 30.00 元');

  const sent = (await host.owner.get(`/api/fulfillment/orders/${f.orderId}`)).body;
  expect(sent).toMatchObject({ status: 'pending', paidAmount: 0, total: 0, receiverName: '林小鱼', receiverAddress: order.receiverAddress, followUp: { kind: 'exchange', originOrderNo: order.orderNo, caseRef: c.caseNo } });
  expect(sent.items.map((i: { skuCode: string; quantity: number; price: number }) => [i.skuCode, i.quantity, i.price])).toEqual([[m.code, 1, 0]]);
  const queue = await host.owner.get(`/api/fulfillment/orders?status=pending&q=${encodeURIComponent(order.orderNo)}`);
  expect(queue.body.items.find((o: { id: number }) => o.id === f.orderId)?.followUp?.kind).toBe('exchange');
  const ids = async (followUp: string) => (await host.owner.get(`/api/fulfillment/orders?status=pending&followUp=${followUp}`)).body.items.map((o: { id: number }) => o.id);
  expect(await ids('exchange')).toContain(f.orderId);
  expect(await ids('any')).toContain(f.orderId);
  expect(await ids('reship')).not.toContain(f.orderId);

  const twice = await host.owner.post(`${API}/cases/${c.id}/follow-up-order`, { version: (await host.owner.get(`${API}/cases/${c.id}`)).body.version });
  expect(twice.body.detail).toBe(`售后单 ${c.caseNo} 已建过发货订单 ${order.orderNo}-HH1`);

  const { trackingNo, courier } = await ship(f.orderId);
  const after = await host.owner.get(`${API}/cases/${c.id}`);
  expect(after.body.state).toBe('sent');
  expect(after.body.moves.at(-1)).toMatchObject({ to: 'sent', note: `${order.orderNo}-HH1 已发出：${courier} ${trackingNo}` });
  expect((await host.owner.get(`${API}/cases/${c.id}/follow-up-order`)).body.followUp).toMatchObject({ trackingNo, courier });
});

test('an exchange to a cheaper size: the shop refunds the difference through the ledger', async () => {
  const { c } = await exchangeReady(s);
  const ready = await move(c.id, 'exchange-pending');
  const made = await host.owner.post(`${API}/cases/${c.id}/follow-up-order`, { version: ready.version, skuCode: l.code });
  expect(made.status, made.text).toBe(201);
  expect(made.body.followUp).toMatchObject({ priceDifference: -2000 });
  expect(made.body.followUp.explanation['zh-CN']).toBe('换出 1 件共 79.00 元，原付 99.00 元，店铺退差价 20.00 元（记入退款）');
  const detail = (await host.owner.get(`${API}/cases/${c.id}`)).body;
  expect(detail.refunded.goods).toBe(2000);
  expect(detail.refunds.at(-1).note).toBe(`换货差价（${made.body.followUp.orderNo}）`);
});

test('a cheaper exchange whose difference the ledger refuses leaves no order in fulfillment', async () => {
  const { order, c } = await exchangeReady(s);
  expect((await host.owner.post(`${API}/cases/${c.id}/refunds`, { goods: 9000 })).status).toBe(201);
  const ready = await move(c.id, 'exchange-pending');
  const refused = await host.owner.post(`${API}/cases/${c.id}/follow-up-order`, { version: ready.version, skuCode: l.code });
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toBe('货款超过该行实付：实付 99.00 元，已退 90.00 元，本次 20.00 元，最多还能退 9.00 元');
  expect((await host.owner.get(`/api/fulfillment/orders?q=${encodeURIComponent(`${order.orderNo}-HH`)}`)).body.items).toEqual([]);
  expect((await host.owner.get(`${API}/cases/${c.id}/follow-up-order`)).body.followUp).toBeNull();
});

test('a reshipment of one line of three sends that line only, the same SKU, at no difference', async () => {
  const order = await enterOrder(owner, [{ sku: s }, { sku: m, qty: 2 }, { sku: l }]);
  const line = order.items.find((i: { skuCode: string }) => i.skuCode === m.code);
  const opened = await host.owner.post(`${API}/cases`, { orderId: order.id, itemId: line.id, kind: 'reship', reason: '少件漏发' });
  expect(opened.status, opened.text).toBe(201);
  const ready = await move(opened.body.id, 'exchange-pending');
  const other = await host.owner.post(`${API}/cases/${ready.id}/follow-up-order`, { version: ready.version, skuCode: l.code });
  expect(other.status).toBe(400);
  const tooMany = await host.owner.post(`${API}/cases/${ready.id}/follow-up-order`, { version: ready.version, quantity: 3 });
  expect(tooMany.body.detail).toBe('售后单只有 2 件，不能发 3 件');
  const kefu = await host.staff('kefu-hh', ['warehouse']);
  expect((await kefu.post(`${API}/cases/${ready.id}/follow-up-order`, { version: ready.version })).status).toBe(403);
  const made = await host.owner.post(`${API}/cases/${ready.id}/follow-up-order`, { version: ready.version, quantity: 1, note: '漏发一件' });
  expect(made.status, made.text).toBe(201);
  expect(made.body.followUp).toMatchObject({ kind: 'reship', orderNo: `${order.orderNo}-BF1`, skuCode: m.code, quantity: 1, priceDifference: 0 });
  const sent = (await host.owner.get(`/api/fulfillment/orders/${made.body.followUp.orderId}`)).body;
  expect(sent.items.map((i: { skuCode: string; quantity: number }) => [i.skuCode, i.quantity])).toEqual([[m.code, 1]]);
  expect(sent.followUp).toEqual({ kind: 'reship', originOrderNo: order.orderNo, caseRef: ready.caseNo });
  const { trackingNo } = await ship(made.body.followUp.orderId);
  expect((await host.owner.get(`${API}/cases/${ready.id}`)).body.state).toBe('sent');
  expect((await host.owner.get(`${API}/cases/${ready.id}/follow-up-order`)).body.followUp.trackingNo).toBe(trackingNo);
});

test('a return-and-refund case sends nothing', async () => {
  const order = await enterOrder(owner, [{ sku: s }], { paid: true });
  const opened = await host.owner.post(`${API}/cases`, { orderId: order.id, kind: 'return-refund', reason: '尺码不合适' });
  const refused = await host.owner.post(`${API}/cases/${opened.body.id}/follow-up-order`, { version: opened.body.version });
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toBe(`售后单 ${opened.body.caseNo} 是退货退款，不发货`);
});
