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
  test('has about 200 orders in every shop state, exceptions with their reasons', async () => {
    const list = await ok('/api/fulfillment/orders?pageSize=1&status=pending,approved,exception,fraud,picked,verified,shipped,closed');
    expect(list.total).toBeGreaterThanOrEqual(180);
    expect(list.total).toBeLessThanOrEqual(220);
    for (const status of ['pending', 'approved', 'exception', 'fraud', 'picked', 'verified', 'shipped', 'closed']) {
      expect(list.counts[status], status).toBeGreaterThan(0);
    }
    const exceptions = await ok('/api/fulfillment/orders?status=exception&pageSize=100');
    const codes = new Set(exceptions.items.flatMap((o: { exceptions: { code: string }[] }) => o.exceptions.map((e) => e.code)));
    for (const code of ['unknown-sku', 'incomplete-address', 'out-of-stock', 'needs-person', 'possible-merge']) expect(codes, code).toContain(code);
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
