// The refund ledger's limits and the seller's clocks: warnings at 48 h and 24 h left, run by the
// kit's clock, and the queue with overdue cases first.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import type { TestSku } from '../../../test/helpers/shop-fixtures.js';
import { API, paidOrder, skusOf, startAfterSales } from './kit.js';

let host: TestHost;
let skus: TestSku[];

beforeAll(async () => {
  host = await startAfterSales();
  skus = await skusOf(host, 2);
});
afterAll(() => host?.close());

const open = (body: Record<string, unknown>) => host.owner.post(`${API}/cases`, body);
const refund = (id: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => host.owner.post(`${API}/cases/${id}/refunds`, body, headers);
const move = async (id: number, to: string) => {
  const c = await host.owner.get(`${API}/cases/${id}`);
  return host.owner.post(`${API}/cases/${id}/move`, { version: c.body.version, to });
};

test('refunds are split into goods, shipping and compensation, partial, never past what the line paid', async () => {
  const order = await paidOrder(host, skus, { shippingFee: 1000 });
  const line = order.items[0];
  const c = (await open({ orderId: order.id, itemId: line.id, kind: 'return-refund', reason: '质量问题' })).body;
  expect(c.linePaid).toBe(9900);
  expect(c.shippingPaid).toBe(1000);
  expect((await refund(c.id, {})).status).toBe(400);
  const first = await refund(c.id, { goods: 5000, note: '先退一半' });
  expect(first.status, first.text).toBe(201);
  const over = await refund(c.id, { goods: 5000 });
  expect(over.status).toBe(409);
  expect(over.body.detail).toBe('货款超过该行实付：实付 99.00 元，已退 50.00 元，本次 50.00 元，最多还能退 49.00 元');
  expect(over.body.errors).toEqual([{ path: '/goods', in: 'body', message: '≤ 4900' }]);
  const shipping = await refund(c.id, { shipping: 1200 }, { 'accept-language': 'en' });
  expect(shipping.body.detail).toBe('The shipping refund exceeds the shipping paid: paid 10.00 元, refunded 0.00 元, now 12.00 元; at most 10.00 元 is left');
  const rest = await refund(c.id, { goods: 4900, shipping: 1000, compensation: 2000, note: '补偿 20 元' });
  expect(rest.body.refunded).toEqual({ goods: 9900, shipping: 1000, compensation: 2000, total: 12900 });
  expect(rest.body.refunds.map((r: { goods: number }) => r.goods)).toEqual([5000, 4900]);

  // A later case on the same line still counts what was refunded before; the other line has its own ceiling.
  await move(c.id, 'closed');
  const later = (await open({ orderId: order.id, itemId: line.id, kind: 'return-refund', reason: '质量问题' })).body;
  expect((await refund(later.id, { goods: 1 })).status).toBe(409);
  expect((await refund(later.id, { compensation: 500 })).status).toBe(201);
  const other = (await open({ orderId: order.id, itemId: order.items[1].id, kind: 'return-refund', reason: '质量问题' })).body;
  expect((await refund(other.id, { goods: 9900 })).status).toBe(201);
  expect((await refund(other.id, { shipping: 1 })).status).toBe(409);
});

test('the seller is warned at 48 h and 24 h left, once each; overdue cases top the queue', async () => {
  const order = await paidOrder(host, skus);
  const a = (await open({ orderId: order.id, itemId: order.items[0].id, kind: 'return-refund', reason: '发错货' })).body;
  await host.clock.advance('2d');
  const b = (await open({ orderId: order.id, itemId: order.items[1].id, kind: 'exchange', reason: '尺码不合适' })).body;
  expect(b.dueAt).toBe('2026-11-28T09:00:00.000+08:00');

  await host.clock.advance('10d'); // a: 72 h left
  expect((await host.owner.get(`${API}/cases/${a.id}`)).body.warnings).toEqual([]);
  await host.clock.advance('1d'); // a: 48 h left
  expect((await host.owner.get(`${API}/cases/${a.id}`)).body.warnings).toEqual([48]);
  await host.clock.advance('1d'); // a: 24 h left
  expect((await host.owner.get(`${API}/cases/${a.id}`)).body.warnings).toEqual([48, 24]);
  expect(host.logs().join('\n')).toContain('nearing its answer deadline');
  await host.clock.advance('25h'); // a overdue, b: 47 h left
  const queue = await host.owner.get(`${API}/cases?orderNo=${order.orderNo}`);
  expect(queue.body.items.map((c: { id: number; overdue: boolean }) => [c.id, c.overdue])).toEqual([[a.id, true], [b.id, false]]);
  expect((await host.owner.get(`${API}/cases/${b.id}`)).body.warnings).toEqual([48]);

  const overdue = await host.owner.get(`${API}/cases?overdue=true`);
  expect(overdue.body.items.map((c: { id: number }) => c.id)).toContain(a.id);
  expect(overdue.body.items.map((c: { id: number }) => c.id)).not.toContain(b.id);
  const exchanges = await host.owner.get(`${API}/cases?kind=exchange&open=true`);
  expect(exchanges.body.items.every((c: { kind: string }) => c.kind === 'exchange')).toBe(true);
  expect((await host.owner.get(`${API}/cases?state=nonsense`)).status).toBe(400);
  // Answered: the clock stops and the case falls below the ones still due.
  expect((await move(a.id, 'wait-buyer-return')).body).toMatchObject({ dueAt: null, overdue: false });
  // Fifteen days of the kit's clock run the hourly jobs of three plugins on the way: 10–40 s.
}, 120_000);
