// The demo shop's after-sales desk, loaded at first-run setup on top of fulfillment's demo orders,
// seen through the API as the owner sees it on the first day.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';

let host: TestHost;
let owner: TestHost['owner'];

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], enabled: ['listings', 'fulfillment', 'after-sales'], demoShop: true, clock: 'system' });
  owner = host.owner;
}, 60_000);
afterAll(() => host?.close());

interface QueueCase { id: number; orderNo: string; state: string; kind: string; linePaid: number; refunded: { total: number }; dueAt: string | null }

test('the last day\'s cases in every state of the path on shipped demo orders, the open ones due first, refunds within what the line paid', async () => {
  // The queue, due first; the last day's cases are the busy afternoon's.
  const all = (await owner.get('/api/after-sales/cases?pageSize=100')).body.items as (QueueCase & { openedAt: string })[];
  const queue = { items: all.filter((c) => Date.now() - Date.parse(c.openedAt) < 2 * 86_400_000) };
  expect(queue.items).toHaveLength(8);
  expect(new Set(queue.items.map((c) => c.state))).toEqual(new Set(['wait-seller-agree', 'wait-buyer-return', 'wait-seller-confirm', 'refunded', 'exchange-pending', 'refused', 'closed']));
  expect(new Set(queue.items.map((c) => c.kind))).toEqual(new Set(['refund-only', 'return-refund', 'exchange']));
  expect(queue.items[0]!.state).toBe('wait-seller-agree');
  expect(Date.parse(queue.items[0]!.dueAt!)).toBeGreaterThan(Date.now());
  for (const c of queue.items) {
    expect(c.refunded.total).toBeLessThanOrEqual(c.linePaid);
    const order = (await owner.get(`/api/fulfillment/orders?q=${c.orderNo}`)).body.items[0];
    expect(order.status).toBe('shipped');
  }
  const refunded = queue.items.filter((c) => c.state === 'refunded');
  expect(refunded).toHaveLength(2);
  const detail = (await owner.get(`/api/after-sales/cases/${refunded[0]!.id}`)).body;
  expect(detail.moves.map((m: { to: string }) => m.to).at(-1)).toBe('refunded');
  expect(detail.responsibility.explanation['zh-CN']).toMatch(/退货运费/);
  expect(detail.notes.some((n: { kind: string }) => n.kind === 'customer')).toBe(true);
});

test('the month before: cases opened a few days after their order shipped, settled in half a day to three days, so a month has figures', async () => {
  const all = (await owner.get('/api/after-sales/cases?pageSize=100')).body as { items: (QueueCase & { openedAt: string; closedAt: string | null })[]; total: number };
  const older = all.items.filter((c) => Date.now() - Date.parse(c.openedAt) > 5 * 86_400_000);
  expect(older.length).toBeGreaterThanOrEqual(10);
  expect(older.filter((c) => c.state === 'refunded').length).toBeGreaterThanOrEqual(6);
  const months = [...new Set(older.map((c) => c.openedAt.slice(0, 7)))];
  let refunded = 0;
  for (const month of months) {
    const figures = (await owner.get(`/api/after-sales/figures?month=${month}`)).body;
    refunded += figures.refundRate.refundedOrders;
    if (figures.refundRate.refundedOrders) expect(figures.refundRate.percent).toBeGreaterThan(0);
  }
  expect(refunded).toBeGreaterThanOrEqual(6);
});

test('reviews of the demo orders: the 中差评 being worked, one answered in public; the month has figures', async () => {
  const all = (await owner.get('/api/after-sales/reviews?show=all')).body.items as { rating: string; reply: string | null }[];
  expect(all).toHaveLength(9);
  const open = (await owner.get('/api/after-sales/reviews?show=open')).body.items as { rating: string; dueOn: string }[];
  expect(open.map((r) => r.rating).sort()).toEqual(['bad', 'neutral', 'neutral']);
  expect(all.filter((r) => r.reply)).toHaveLength(1);
  const figures = await owner.get('/api/after-sales/figures');
  expect(figures.status, figures.text).toBe(200);
  const today = (await owner.get('/api/after-sales/figures/today')).body;
  expect(today.overdue).toBe(0);
});
