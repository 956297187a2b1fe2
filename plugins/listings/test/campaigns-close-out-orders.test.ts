// Close-out (复盘) with the real fulfillment plugin: the pieces sold and the takings come from its
// orders — paid between the campaign's start and its end, not closed — and the clerk is not asked
// for them (and may not type them in).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, createProduct, DAY, fromNow, passTime, startListings, submitAndApprove, type Client, type ListingsServer } from './api.js';
import { closeOrder } from './fulfillment.js';

let listings: ListingsServer;
let owner: Client;

type Sku = { id: number; code: string };
let black: Sku;
let white: Sku;
let campaignId: number;
let version: number;

/** A paid (or unpaid) order entered in fulfillment: lines of `qty` pieces at `price` 分 (default the SKU's 129 元). */
async function order(lines: { sku: Sku; qty: number; price?: number }[], paid = true) {
  const reply = await owner.post('/api/fulfillment/orders', {
    buyerNick: 'tb_活动买家', receiverName: '周小满', receiverPhone: '13900001111', receiverAddress: '浙江省宁波市鄞州区四明中路 8 号', shippingFee: 0, paid,
    items: lines.map((l) => ({ skuCode: l.sku.code, quantity: l.qty, ...(l.price !== undefined ? { price: l.price } : {}) })),
  });
  expect(reply.status, reply.text).toBe(201);
  return reply.body as { id: number; orderNo: string };
}

beforeAll(async () => {
  listings = await startListings({ enabled: ['listings', 'fulfillment'], inProcess: true, clock: 'still' });
  owner = listings.owner;
  const xiaoli = await colleague(listings.server, owner, 'xiaoli', ['listings.campaigns.run', 'listings.products.review']);
  const product = await createProduct(owner);
  await submitAndApprove(owner, xiaoli, product);
  [black, white] = product.skus as unknown as [Sku, Sku];
  const created = await owner.post('/api/listings/campaigns', { name: '店庆', kind: '店庆', startsAt: fromNow(3000), endsAt: fromNow(DAY), productIds: [product.id], forecastSales: 100_000, samePeriodSales: 20_000, cost: 10_000 });
  expect(created.status, created.text).toBe(201);
  campaignId = created.body.id;
  const priced = await owner.put(`/api/listings/campaigns/${campaignId}/prices`, { version: created.body.version, prices: product.skus.map((s) => ({ skuId: s.id, price: 9900 })) });
  const checked = await xiaoli.post(`/api/listings/campaigns/${campaignId}/prices/confirm-all`, { version: priced.body.version });
  const scheduled = await owner.post(`/api/listings/campaigns/${campaignId}/schedule`, { version: checked.body.version });
  expect(scheduled.body.status, scheduled.text).toBe('scheduled');
  // An order paid before the start does not count.
  await order([{ sku: black, qty: 7, price: 12_900 }]);
  await passTime(listings, scheduled.body.startsAt);
  const run = await owner.post('/api/listings/campaigns/run-schedule');
  expect(run.body.started, run.text).toContain(campaignId);

  // During the campaign: 3 black at 99 元 and 1 black + 2 white at 99 元 count; an unpaid order and
  // a closed one do not.
  await order([{ sku: black, qty: 3, price: 9900 }]);
  await order([{ sku: black, qty: 1, price: 9900 }, { sku: white, qty: 2, price: 9900 }]);
  await order([{ sku: black, qty: 5, price: 9900 }], false);
  await closeOrder(owner, await order([{ sku: white, qty: 4, price: 9900 }]));
  // The clock stands still: a second passes before the end, and another before the late order.
  await passTime(listings, fromNow(1000));
  const running = await owner.get(`/api/listings/campaigns/${campaignId}`);
  const ended = await owner.post(`/api/listings/campaigns/${campaignId}/end`, { version: running.body.version });
  expect(ended.body.status, ended.text).toBe('ended');
  version = ended.body.version;
  // Paid after the campaign ended early: not the campaign's.
  await passTime(listings, fromNow(1000));
  await order([{ sku: white, qty: 6, price: 12_900 }]);
});

afterAll(async () => {
  await listings?.server.dispose();
});

describe('close-out from fulfillment’s orders', () => {
  test('sold figures typed in are refused while the orders count them', async () => {
    const reply = await owner.post(`/api/listings/campaigns/${campaignId}/close-out`, { version, sales: [{ skuId: black.id, qty: 30, amount: 297_000 }] });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toEqual(['/sales/0/qty']);
    expect(reply.body.detail).toMatch(/订单与仓储/);
  });

  test('pieces and takings per SKU from the orders paid between start and end, not closed', async () => {
    // The close-out panel shows these before anyone closes out.
    const counted = await owner.get(`/api/listings/campaigns/${campaignId}/sales`);
    expect(counted.status, counted.text).toBe(200);
    expect(counted.body).toMatchObject({ available: true, skus: [{ skuId: black.id, qty: 4, amount: 39_600 }, { skuId: white.id, qty: 2, amount: 19_800 }] });
    const reply = await owner.post(`/api/listings/campaigns/${campaignId}/close-out`, { version });
    expect(reply.status, reply.text).toBe(200);
    const report = reply.body;
    expect(report.skus).toEqual([
      expect.objectContaining({ skuId: black.id, soldQty: 4, soldAmount: 39_600, soldSource: 'orders' }),
      expect.objectContaining({ skuId: white.id, soldQty: 2, soldAmount: 19_800, soldSource: 'orders' }),
    ]);
    // 6 pieces, 594 元; the return on the actual sales (594 − 200) / 100 = 3.94.
    expect(report).toMatchObject({ soldQty: 6, soldAmount: 59_400 });
    expect(report.campaignReturn).toMatchObject({ computed: true, value: 8, actual: 3.94 });
    expect(report.salesWindow).toEqual(counted.body.window);
    expect(Date.parse(report.salesWindow.to)).toBeLessThanOrEqual(Date.parse(report.closedAt));
    expect((await owner.get(`/api/listings/campaigns/${campaignId}/report`)).body).toEqual(report);
  });
});
