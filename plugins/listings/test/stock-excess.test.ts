// Excess stock (库存积压) beside the low-stock warning, with the real fulfillment plugin: stock on
// hand against the pieces fulfillment shipped in the window, the setting that moves the line, and
// SKUs that shipped nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExcessStockAnswer } from '../server/stock/excess-stock.js';
import { createProduct, reviewerClient, startListings, submitAndApprove, unique, type Client, type TestServer } from './api.js';
import { setStock, shipOrder } from './fulfillment.js';

let server: TestServer;
let owner: Client;

const goodImages = [
  { url: 'https://img.example/main.jpg', kind: 'main', width: 800, watermark: true },
  ...Array.from({ length: 5 }, (_, i) => ({ url: `https://img.example/d${i}.jpg`, kind: 'detail', watermark: true })),
];

type Sku = { id: number; code: string };

async function excess(): Promise<ExcessStockAnswer> {
  const reply = await owner.get('/api/listings/stock-warnings/excess');
  expect(reply.status, reply.text).toBe(200);
  return reply.body as ExcessStockAnswer;
}

/** Saves listings settings, runs `fn`, and puts the defaults back. */
async function withSettings(value: Record<string, unknown>, fn: () => Promise<void>) {
  const current = await owner.get('/api/settings/listings');
  expect((await owner.put('/api/settings/listings', { value, version: current.body.version })).status).toBe(200);
  try {
    await fn();
  } finally {
    const now = await owner.get('/api/settings/listings');
    expect((await owner.put('/api/settings/listings', { value: {}, version: now.body.version })).status).toBe(200);
  }
}

let slow: Sku;
let selling: Sku;
let unsold: Sku;
let empty: Sku;

beforeAll(async () => {
  ({ server, owner } = await startListings({ enabled: ['listings', 'fulfillment'], inProcess: true }));
  const reviewer = await reviewerClient(server, owner);
  const code = unique('X');
  const product = await createProduct(owner, {
    images: goodImages,
    itemCode: code,
    skus: ['黑', '白', '灰', '蓝'].map((colour, i) => ({ code: `${code}-${i}`, attributes: { 颜色: colour, 尺码: 'M' }, price: 9900, cost: 3000 })),
  });
  await submitAndApprove(owner, reviewer, product);
  [slow, selling, unsold, empty] = product.skus as unknown as [Sku, Sku, Sku, Sku];
  // slow: 100 in, 10 shipped → 90 on hand; 10 in 30 days is 1/3 a day, 90 days of it is 30 pieces.
  // selling: 40 in, 20 shipped → 20 on hand; 2/3 a day × 90 = 60 pieces, so 20 is not too many.
  // unsold: 15 on hand (above the low-stock line of 10), nothing shipped. empty: listed, never stocked.
  await setStock(owner, [[slow, 100], [selling, 40], [unsold, 15]]);
  await shipOrder(owner, slow, 10);
  await shipOrder(owner, selling, 20);
});

afterAll(async () => {
  await server?.dispose();
});

describe('excess stock', () => {
  test('on hand above daily shipments × 90 days, with the sum; nothing shipped and in stock counts, nothing on hand does not', async () => {
    const answer = await excess();
    expect(answer).toMatchObject({ available: true, days: 90, windowDays: 30 });
    expect(answer.rule['zh-CN']).toMatch(/日均发货 × 90 天/);
    expect(answer.items.map((i) => i.skuId)).toEqual([unsold.id, slow.id]);
    expect(answer.items[0]).toMatchObject({ onHand: 15, shipped: 0, dailySales: 0, daysOfStock: null, limit: 0 });
    expect(answer.items[0]!.explanation['zh-CN']).toMatch(/最近 30 天一件没发/);
    expect(answer.items[1]).toMatchObject({ onHand: 90, shipped: 10, dailySales: 0.33, daysOfStock: 270, limit: 30 });
    expect(answer.items[1]!.explanation['zh-CN']).toBe('在库 90 件 ÷ 日均 0.33 件（10 件 ÷ 30 天）= 够卖 270 天，超过 90 天（30 件）');
    expect(Date.parse(answer.to!) - Date.parse(answer.from!)).toBe(30 * 86_400_000);
  });

  test('the days setting moves the line: at 300 days, 90 pieces selling 1/3 a day are no longer too many', async () => {
    await withSettings({ excessStockDays: 300 }, async () => {
      const answer = await excess();
      expect(answer.days).toBe(300);
      expect(answer.items.map((i) => i.skuId)).toEqual([unsold.id]);
    });
    // A window of one day still holds today's shipments: 10 a day × 90 days is far above 90.
    await withSettings({ excessStockWindowDays: 1 }, async () => {
      expect((await excess()).items.map((i) => i.skuId)).toEqual([unsold.id]);
    });
    expect((await excess()).items.map((i) => i.skuId)).toEqual([unsold.id, slow.id]);
  });

  test('a SKU below its low-stock line is not excess too: the widget never says both of one SKU', async () => {
    // At a line of 20 the 15 unsold pieces are low stock, to be checked and reordered, not 积压.
    await withSettings({ lowStockThreshold: 20 }, async () => {
      const answer = await excess();
      expect(answer.items.map((i) => i.skuId)).toEqual([slow.id]);
      expect(answer.rule['zh-CN']).toMatch(/低于预警线的不算/);
      const low = await owner.post('/api/listings/stock-warnings/check');
      expect(low.body.items.map((i: { skuId: number }) => i.skuId)).toContain(unsold.id);
    });
    await owner.post('/api/listings/stock-warnings/check');
  });

  test('the low-stock warning beside it counts the never-stocked SKU as 0 pieces', async () => {
    const checked = await owner.post('/api/listings/stock-warnings/check');
    expect(checked.body.items).toContainEqual(expect.objectContaining({ skuId: empty.id, stock: 0 }));
    expect(checked.body.items.map((i: { skuId: number }) => i.skuId)).not.toContain(slow.id);
  });
});
