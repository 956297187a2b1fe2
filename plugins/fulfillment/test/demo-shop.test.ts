import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setupOwner, type Client } from '../../../test/helpers/client.js';
import { startInProcess } from '../../../test/helpers/in-process.js';
import type { TestServer } from '../../../test/helpers/server.js';

// The demo shop's warehouse and orders, loaded at first-run setup on top of listings' catalog,
// seen through the API as the UI sees them.
let server: TestServer;
let owner: Client;

beforeAll(async () => {
  // The test kit as at a first start: the owner's setup fills the demo shop.
  ({ server } = await startInProcess({ plugins: [], enabled: ['listings', 'fulfillment'], setup: false, clock: 'system' }));
  owner = await setupOwner(server, { demo: true });
}, 60_000);

afterAll(() => server?.dispose());

const ok = async (path: string) => {
  const reply = await owner.get(path);
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
};

describe('the demo shop', () => {
  test('has about 200 orders of the last four days in every shop state, exceptions with their reasons', async () => {
    const from = new Date(Date.now() - 4 * 86_400_000).toISOString();
    const list = await ok(`/api/fulfillment/orders?pageSize=1&from=${from}&status=pending,approved,exception,fraud,picked,verified,shipped,closed`);
    expect(list.total).toBeGreaterThanOrEqual(180);
    expect(list.total).toBeLessThanOrEqual(220);
    for (const status of ['pending', 'approved', 'exception', 'fraud', 'picked', 'verified', 'shipped', 'closed']) {
      expect(list.counts[status], status).toBeGreaterThan(0);
    }
    const exceptions = await ok('/api/fulfillment/orders?status=exception&pageSize=100');
    const codes = new Set(exceptions.items.flatMap((o: { exceptions: { code: string }[] }) => o.exceptions.map((e) => e.code)));
    for (const code of ['unknown-sku', 'incomplete-address', 'out-of-stock', 'needs-person', 'possible-merge']) expect(codes, code).toContain(code);
  });

  test('before them, a month of shipped orders, about eight a day, a third taken by customer service with its 工号 in the remark', async () => {
    const month = await ok(`/api/fulfillment/orders?pageSize=500&status=shipped&to=${new Date(Date.now() - 4 * 86_400_000).toISOString()}`);
    expect(month.total).toBeGreaterThanOrEqual(200);
    const days = new Set(month.items.map((o: { placedAt: string }) => o.placedAt.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(24);
    const oldest = Math.min(...month.items.map((o: { placedAt: string }) => Date.parse(o.placedAt)));
    expect(Date.now() - oldest).toBeGreaterThan(25 * 86_400_000);
    // Checked and remarked by customer service: purple, with 工号+快递+备注.
    const withAgent = month.items.filter((o: { flag: number }) => o.flag === 5);
    expect(withAgent.length / month.items.length).toBeGreaterThan(0.25);
    expect(withAgent.length / month.items.length).toBeLessThan(0.45);
    const detail = await ok(`/api/fulfillment/orders/${withAgent[0].id}`);
    expect(detail.remarks[0].text).toMatch(/^\d+\+(申通|顺丰)\+/);
    expect(month.items.every((o: { platformStatus: string; trackingNo: string }) => o.platformStatus === 'completed' && o.trackingNo)).toBe(true);
  });

  test('shipped orders carry tracking numbers of their courier and left the bins; the ledger agrees with the stock', async () => {
    const shipped = await ok('/api/fulfillment/orders?status=shipped&pageSize=100');
    for (const order of shipped.items) {
      expect(order.trackingNo, order.orderNo).toBeTruthy();
      expect(order.courier).toBeTruthy();
      expect(order.steps.shippedBy?.name).toBeTruthy();
    }
    const ledger = await ok('/api/fulfillment/ledger?kind=outbound&pageSize=500');
    expect(ledger.total).toBeGreaterThan(0);
    const stock = await ok('/api/fulfillment/stock?pageSize=500');
    expect(stock.items.length).toBeGreaterThan(50);
    for (const row of stock.items) {
      expect(row.onHand, row.skuCode).toBeGreaterThanOrEqual(0);
      expect(row.available, row.skuCode).toBe(row.onHand - row.reserved);
    }
  });

  test('has a wave being picked and one picked, and the monthly stocktake is due with a count started', async () => {
    const waves = await ok('/api/fulfillment/waves');
    const statuses = waves.items.map((w: { status: string }) => w.status);
    expect(statuses).toContain('picking');
    expect(statuses).toContain('picked');
    const reminders = await ok('/api/fulfillment/reminders');
    expect(reminders.items.length).toBeGreaterThan(0);
    const stocktakes = await ok('/api/fulfillment/stocktakes');
    expect(stocktakes.items.some((s: { status: string }) => s.status === 'counting')).toBe(true);
  });

  test('locations hold one SKU each, in zones A, B and C with storage in R', async () => {
    const locations = await ok('/api/fulfillment/locations?pageSize=500');
    const zones = new Set(locations.items.map((l: { zone: string }) => l.zone));
    for (const zone of ['A', 'B', 'C', 'R']) expect(zones).toContain(zone);
  });
});
