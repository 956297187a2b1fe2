// Review through the API: manual entry, reading, approving with the review rules, and the moves
// of 审单 (exception, fraud, reopen, close) with who did them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approve, colleague, createSkus, enterOrder, startFulfillment, stockUp, unique, type Client, type TestServer } from './api.js';

const API = '/api/fulfillment';
let server: TestServer;
let owner: Client;
let bins = 0;
/** A new bin of zone R for each call (one SKU per bin). */
const nextBin = () => `R-01-${String(Math.floor(bins / 99) + 1).padStart(2, '0')}-${String((bins++ % 99) + 1).padStart(2, '0')}`;

beforeAll(async () => {
  ({ server, owner } = await startFulfillment());
});
afterAll(() => server?.dispose());

describe('manual entry', () => {
  test('numbers the order M + shop date + sequence, prices from the SKU, totals and history', async () => {
    const [a, b] = await createSkus(owner, 2);
    const first = await enterOrder(owner, [{ sku: a!, qty: 2 }, { sku: b! }], { shippingFee: 800 });
    const second = await enterOrder(owner, [{ sku: a! }]);
    expect(first.orderNo).toMatch(/^M\d{8}\d{4}$/);
    expect(Number(second.orderNo.slice(9))).toBe(Number(first.orderNo.slice(9)) + 1);
    expect(first.status).toBe('pending');
    expect(first.platformStatus).toBe('paid');
    expect(first.goodsTotal).toBe(3 * 9900);
    expect(first.total).toBe(3 * 9900 + 800);
    expect(first.itemCount).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(first.items[0].skuId).toBe(a!.id);
    expect(first.items[0].properties).toContain('尺码');
    expect(first.priority).toBe(4);
    const history = await owner.get(`${API}/orders/${first.id}/history`);
    expect(history.status).toBe(200);
  });
});

describe('approve', () => {
  test('a clean paid order in stock is approved, reserves its lines and records the reviewer', async () => {
    const [a] = await createSkus(owner, 1);
    await stockUp(owner, a!, nextBin(), 5);
    const order = await enterOrder(owner, [{ sku: a!, qty: 2 }]);
    const approved = await approve(owner, order);
    expect(approved.status).toBe('approved');
    expect(approved.steps.reviewedBy.name).toBe('王店长');
    const stock = await owner.get(`${API}/stock?q=${a!.code}`);
    expect(stock.body.items[0]).toMatchObject({ onHand: 5, reserved: 2, available: 3 });
  });
});
