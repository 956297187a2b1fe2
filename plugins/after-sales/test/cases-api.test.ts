// Cases through the API: opened by a clerk on an order line, moved through Taobao's states with
// every move recorded, refusals saying why, and who may do what.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import type { TestSku } from '../../fulfillment/test/api.js';
import { API, paidOrder, skusOf, startAfterSales } from './kit.js';

let host: TestHost;
let skus: TestSku[];

beforeAll(async () => {
  host = await startAfterSales();
  skus = await skusOf(host, 3);
});
afterAll(() => host?.close());

const open = (body: Record<string, unknown>, headers: Record<string, string> = {}) => host.owner.post(`${API}/cases`, body, headers);
const move = async (id: number, to: string, headers: Record<string, string> = {}) => {
  const c = await host.owner.get(`${API}/cases/${id}`);
  return host.owner.post(`${API}/cases/${id}/move`, { version: c.body.version, to }, headers);
};

test('a clerk opens a case on one line of three; it waits for the seller with 15 days to answer', async () => {
  const order = await paidOrder(host, skus);
  const which = await open({ orderId: order.id, kind: 'return-refund', reason: '尺码不合适' });
  expect(which.status).toBe(400);
  expect(which.body.detail).toMatch(/这个订单有 3 行/);
  const line = order.items[1];
  const made = await open({ orderNo: ` ${order.orderNo} `, itemId: line.id, kind: 'return-refund', reason: '尺码不合适', reasonText: '偏小一码', customerWords: '穿着太紧了，想退' });
  expect(made.status, made.text).toBe(201);
  expect(made.body).toMatchObject({
    caseNo: `AS-${made.body.id}`, orderNo: order.orderNo, itemId: line.id, skuCode: skus[1]!.code, kind: 'return-refund', reason: '尺码不合适', reasonText: '偏小一码',
    state: 'wait-seller-agree', source: 'manual', linePaid: 9900, openedAt: '2026-11-11T09:00:00.000+08:00', dueAt: '2026-11-26T09:00:00.000+08:00', overdue: false,
    moves: [{ from: null, to: 'wait-seller-agree', at: '2026-11-11T09:00:00.000+08:00' }],
    notes: [{ kind: 'customer', text: '穿着太紧了，想退' }],
  });
  const again = await open({ orderId: order.id, itemId: line.id, kind: 'exchange', reason: '尺码不合适' });
  expect(again.status).toBe(409);
  expect(again.body.detail).toBe(`订单 ${order.orderNo} 这一行已有未结束的售后单 AS-${made.body.id}，请在那张单上处理`);
});

test('the reason comes from the settings list', async () => {
  const order = await paidOrder(host, [skus[0]!]);
  const odd = await open({ orderId: order.id, kind: 'exchange', reason: '不想要了' });
  expect(odd.status).toBe(400);
  expect(odd.body.detail).toMatch(/^售后原因「不想要了」不在列表里/);
  const current = await host.owner.get('/api/settings/after-sales');
  const saved = await host.owner.put('/api/settings/after-sales', { value: { ...current.body.value, reasons: [...current.body.value.reasons, '不想要了'] }, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
  expect((await open({ orderId: order.id, kind: 'exchange', reason: '不想要了' })).status).toBe(201);
});

test('a return walks 等待卖家同意 → 等待买家退货 → 等待卖家确认收货 → 退款成功, each move with who and when', async () => {
  const order = await paidOrder(host, [skus[2]!]);
  const c = (await open({ orderId: order.id, kind: 'return-refund', reason: '质量问题' })).body;
  expect((await move(c.id, 'wait-buyer-return')).status).toBe(200);
  await host.clock.advance('2d');
  expect((await move(c.id, 'wait-seller-confirm')).status).toBe(200);
  const done = await move(c.id, 'refunded');
  expect(done.status, done.text).toBe(200);
  expect(done.body).toMatchObject({ state: 'refunded', dueAt: null, closedAt: '2026-11-13T09:00:00.000+08:00' });
  expect(done.body.moves.map((m: { from: string; to: string; by: { name: string }; at: string }) => [m.from, m.to, m.at.slice(0, 10)])).toEqual([
    [null, 'wait-seller-agree', '2026-11-11'], ['wait-seller-agree', 'wait-buyer-return', '2026-11-11'],
    ['wait-buyer-return', 'wait-seller-confirm', '2026-11-13'], ['wait-seller-confirm', 'refunded', '2026-11-13'],
  ]);
  expect(done.body.moves.every((m: { by: { id: number | null } }) => typeof m.by.id === 'number')).toBe(true);
  const after = await move(c.id, 'closed', { 'accept-language': 'en' });
  expect(after.status).toBe(409);
  expect(after.body.detail).toBe(`Case AS-${c.id} is finished (Refunded); its state can no longer change`);
});

test('illegal moves are refused saying where the case may go; an exchange goes 换货待发 → 已发出', async () => {
  const order = await paidOrder(host, [skus[0]!, skus[1]!]);
  const ex = (await open({ orderId: order.id, itemId: order.items[0].id, kind: 'exchange', reason: '尺码不合适' })).body;
  const wrong = await move(ex.id, 'refunded');
  expect(wrong.status).toBe(409);
  expect(wrong.body.detail).toBe(`换货单 AS-${ex.id} 在「等待卖家同意」时不能改为「退款成功」；可以改为：「等待买家退货」、「卖家拒绝」、「关闭」`);
  const en = await move(ex.id, 'sent', { 'accept-language': 'en' });
  expect(en.body.detail).toBe(`Exchange case AS-${ex.id} cannot go from "Waiting for the seller to agree" to "Replacement sent"; it may go to: Waiting for the buyer to return the goods, Refused by the seller, Closed`);
  for (const to of ['wait-buyer-return', 'wait-seller-confirm', 'exchange-pending', 'sent']) expect((await move(ex.id, to)).status).toBe(200);

  const reship = (await open({ orderId: order.id, itemId: order.items[1].id, kind: 'reship', reason: '少件漏发' })).body;
  expect((await move(reship.id, 'wait-buyer-return')).status).toBe(409);
  expect((await move(reship.id, 'exchange-pending')).status).toBe(200);
  const sent = await move(reship.id, 'sent');
  expect(sent.body).toMatchObject({ state: 'sent', closedAt: expect.any(String) });
});

test('a refusal can be asked again; the deadline restarts; a stale version is refused', async () => {
  const order = await paidOrder(host, [skus[1]!]);
  const c = (await open({ orderId: order.id, kind: 'return-refund', reason: '与描述不符' })).body;
  const refused = await move(c.id, 'refused');
  expect(refused.body).toMatchObject({ state: 'refused', dueAt: null });
  await host.clock.advance('1d');
  const back = await move(c.id, 'wait-seller-agree');
  expect(back.body.state).toBe('wait-seller-agree');
  expect(Date.parse(back.body.dueAt) - Date.parse(host.clock.now())).toBe(15 * 86_400_000);
  const stale = await host.owner.post(`${API}/cases/${c.id}/move`, { version: c.version, to: 'closed' });
  expect(stale.status).toBe(409);
  expect(stale.body.detail).toMatch(/刚被别人改过/);
});

test('a refund-only request waits 24 h after payment', async () => {
  const order = await paidOrder(host, [skus[0]!]);
  const early = await open({ orderId: order.id, kind: 'refund-only', reason: '未收到货' });
  expect(early.status).toBe(409);
  expect(early.body.detail).toMatch(/付款还不到 24 小时，买家要到 .* 以后才能申请仅退款/);
  await host.clock.advance('24h');
  expect((await open({ orderId: order.id, kind: 'refund-only', reason: '未收到货' })).status).toBe(201);
});

test('each route needs its permission', async () => {
  const order = await paidOrder(host, [skus[2]!]);
  const cs = await host.staff('kefu', ['customer-service']);
  const wh = await host.staff('cangku', ['warehouse']);
  const fin = await host.staff('caiwu', ['finance']);
  const made = await cs.post(`${API}/cases`, { orderId: order.id, kind: 'return-refund', reason: '发错货' });
  expect(made.status, made.text).toBe(201);
  const id = made.body.id;
  expect((await wh.get(`${API}/cases`)).status).toBe(200);
  expect((await wh.post(`${API}/cases`, { orderId: order.id, kind: 'return-refund', reason: '发错货' })).status).toBe(403);
  expect((await wh.post(`${API}/cases/${id}/move`, { version: made.body.version, to: 'closed' })).status).toBe(403);
  expect((await wh.post(`${API}/cases/${id}/notes`, { kind: 'note', text: '包裹已到，外箱破损' })).status).toBe(201);
  expect((await fin.post(`${API}/cases/${id}/refunds`, { goods: 100 })).status).toBe(201);
  expect((await cs.put(`${API}/cases/${id}/responsibility`, { version: 9, party: 'customer', returnShippingFen: 0 })).status).toBe(403);
  expect((await host.anonymous().get(`${API}/cases`)).status).toBe(401);
});

test('the answer days and the buyer\'s wait follow the settings', async () => {
  const current = await host.owner.get('/api/settings/after-sales');
  const saved = await host.owner.put('/api/settings/after-sales', { value: { ...current.body.value, answerDays: 10, buyerWaitHours: 0 }, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
  const order = await paidOrder(host, [skus[1]!]);
  const made = await open({ orderId: order.id, kind: 'refund-only', reason: '未收到货' });
  expect(made.status, made.text).toBe(201);
  expect(Date.parse(made.body.dueAt) - Date.parse(made.body.openedAt)).toBe(10 * 86_400_000);
});
