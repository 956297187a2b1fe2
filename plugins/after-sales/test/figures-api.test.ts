// The month's figures through the API with the real fulfillment: refund rate over paid orders,
// refund speed, reasons most first, cost by responsibility, against the industry settings; and the
// home card's counts of cases due today and overdue.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import type { TestSku } from '../../../test/helpers/shop-fixtures.js';
import { API, paidOrder, skusOf, startAfterSales } from './kit.js';

let host: TestHost;
let skus: TestSku[];

beforeAll(async () => {
  host = await startAfterSales({ clock: '2026-11-02T09:00:00+08:00' });
  skus = await skusOf(host, 1);
});
afterAll(() => host?.close());

const open = async (reason: string, kind = 'return-refund') => {
  const order = await paidOrder(host, skus);
  const made = await host.owner.post(`${API}/cases`, { orderId: order.id, kind, reason });
  expect(made.status, made.text).toBe(201);
  return made.body as { id: number; version: number };
};

test('four paid orders, two refunded after 4 h and 30 h: 50 %, median 4 h, p90 30 h; reasons and cost by party', async () => {
  await host.clock.advance('2d');
  const a = await open('尺码不合适');
  const b = await open('质量问题');
  await open('尺码不合适');
  await paidOrder(host, skus);
  await host.clock.advance('4h');
  expect((await host.owner.post(`${API}/cases/${a.id}/refunds`, { goods: 5000 })).status).toBe(201);
  await host.clock.advance('26h');
  expect((await host.owner.post(`${API}/cases/${b.id}/refunds`, { goods: 9900, compensation: 1000 })).status).toBe(201);
  const current = (await host.owner.get(`${API}/cases/${b.id}`)).body;
  expect((await host.owner.put(`${API}/cases/${b.id}/responsibility`, { version: current.version, party: 'supplier', returnShippingFen: 0 })).status).toBe(200);

  const f = await host.owner.get(`${API}/figures?month=2026-11`);
  expect(f.status, f.text).toBe(200);
  expect(f.body.refundRate).toEqual({ refundedOrders: 2, paidOrders: 4, percent: 50, industryPercent: 0, standing: null });
  expect(f.body.refundSpeed).toEqual({ refunds: 2, medianHours: 4, p90Hours: 30, industryHours: 48, standing: 'better' });
  expect(f.body.reasons).toEqual([
    { reason: '尺码不合适', count: 2, share: 66.7, cumulative: 66.7 },
    { reason: '质量问题', count: 1, share: 33.3, cumulative: 100 },
  ]);
  expect(f.body.costByParty).toEqual([{ party: 'supplier', fen: 10900 }, { party: 'undecided', fen: 5000 }]);
  expect((await host.owner.get(`${API}/figures?month=2026-10`)).body.refundRate).toMatchObject({ paidOrders: 0, percent: null });
});

test('the industry figures are settings the comparison follows', async () => {
  const current = await host.owner.get('/api/settings/after-sales');
  const saved = await host.owner.put('/api/settings/after-sales', { value: { ...current.body.value, industryRefundRatePercent: 8, industryRefundHours: 3 }, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
  const f = (await host.owner.get(`${API}/figures?month=2026-11`)).body;
  expect([f.refundRate.standing, f.refundSpeed.standing]).toEqual(['worse', 'worse']);
  const cs = await host.staff('kefu', ['customer-service']);
  expect((await cs.get(`${API}/figures`)).status).toBe(403);
});

test('the home card counts open cases due today and overdue', async () => {
  // Now 11-05 15:00. The three open cases wait for the seller until 11-19; bring two deadlines
  // to today (one at 18:00, one past at 11:00) rather than run two weeks of jobs.
  expect((await host.owner.get(`${API}/figures/today`)).body).toEqual({ dueToday: 0, overdue: 0 });
  await host.write((tx) => tx.run("UPDATE after_sales_cases SET due_at = '2026-11-05T18:00:00.000+08:00' WHERE id = (SELECT MIN(id) FROM after_sales_cases)"));
  await host.write((tx) => tx.run("UPDATE after_sales_cases SET due_at = '2026-11-05T11:00:00.000+08:00' WHERE id = (SELECT MAX(id) FROM after_sales_cases)"));
  expect((await host.owner.get(`${API}/figures/today`)).body).toEqual({ dueToday: 1, overdue: 1 });
  await host.clock.advance('4h');
  expect((await host.owner.get(`${API}/figures/today`)).body).toEqual({ dueToday: 0, overdue: 2 });
});
