// Stock warnings with the real fulfillment plugin running: stock moves through its warehouse, and
// the listings events are recorded by the listener stand-in (fixtures/listener-stub).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LowStockEvent } from '../server/stock/stock-check.js';
import type { StockWarning, StockWarningsAnswer } from '../server/stock/stock-warnings.js';
import { createProduct, reviewerClient, staffClient, startListings, submitAndApprove, unique, type Client, type TestServer } from './api.js';
import { heard, LISTENER, setStock as stockLevels } from './fulfillment.js';
const P = '/api/listings/products';

let server: TestServer;
let owner: Client;

const goodImages = [
  { url: 'https://img.example/main.jpg', kind: 'main', width: 800, watermark: true },
  ...Array.from({ length: 5 }, (_, i) => ({ url: `https://img.example/d${i}.jpg`, kind: 'detail', watermark: true })),
];

/** A product with two SKUs: the first uses the shop threshold (10), the second its own (3). */
async function product() {
  const code = unique('S');
  return createProduct(owner, {
    images: goodImages,
    itemCode: code,
    skus: [
      { code: `${code}-A`, attributes: { 颜色: '黑色', 尺码: 'M' }, price: 12900, cost: 4500 },
      { code: `${code}-B`, attributes: { 颜色: '白色', 尺码: 'M' }, price: 12900, cost: 4500, lowStockThreshold: 3 },
    ],
  });
}

let reviewer: Client;

/** The owner submits and a second account approves (nobody reviews their own). */
const list = (p: { id: number }) => submitAndApprove(owner, reviewer, p);

type Sku = { id: number; code: string };
const setStock = (levels: [Sku, number][]) => stockLevels(owner, levels);

async function lowEvents(skuId: number) {
  return (await heard<LowStockEvent>(owner, 'listings.sku.low-stock')).filter((p) => p.skuId === skuId);
}

async function warnings() {
  const reply = await owner.get('/api/listings/stock-warnings');
  expect(reply.status, reply.text).toBe(200);
  return reply.body as StockWarningsAnswer;
}

beforeAll(async () => {
  ({ server, owner } = await startListings({ folders: [LISTENER], enabled: ['listings', 'fulfillment', 'listener-stub'], inProcess: true }));
  reviewer = await reviewerClient(server, owner);
});

afterAll(async () => {
  await server?.dispose();
});

describe('crossing the threshold', () => {
  test('the event fires once per crossing and is re-armed when stock comes back up', async () => {
    const p = await list(await product());
    const [a, b] = (await owner.get(`${P}/${p.id}`)).body.skus as Sku[];

    await setStock([[a!, 20], [b!, 5]]);
    expect(await lowEvents(a!.id)).toEqual([]);
    expect((await warnings()).items.map((w) => w.skuId)).not.toContain(a!.id);

    await setStock([[a!, 8]]);
    expect(await lowEvents(a!.id)).toEqual([{ skuId: a!.id, code: a!.code, stock: 8, threshold: 10 }]);
    const now = await warnings();
    expect(now.available).toBe(true);
    expect(now.threshold).toBe(10);
    expect(now.items).toContainEqual({ skuId: a!.id, code: a!.code, productId: p.id, productTitle: '纯棉圆领短袖T恤 夏季新款', stock: 8, threshold: 10 });

    // Still below: quiet, but the figure shown follows the stock.
    await setStock([[a!, 4]]);
    expect(await lowEvents(a!.id)).toHaveLength(1);
    expect((await warnings()).items.find((w) => w.skuId === a!.id)?.stock).toBe(4);
    await owner.post('/api/listings/stock-warnings/check');
    expect(await lowEvents(a!.id)).toHaveLength(1);

    // Back to the threshold itself is no longer low ("fewer than 10").
    await setStock([[a!, 10]]);
    expect((await warnings()).items.map((w) => w.skuId)).not.toContain(a!.id);
    await setStock([[a!, 9]]);
    expect(await lowEvents(a!.id)).toEqual([
      { skuId: a!.id, code: a!.code, stock: 8, threshold: 10 },
      { skuId: a!.id, code: a!.code, stock: 9, threshold: 10 },
    ]);
  });

  test('a SKU’s own threshold overrides the setting', async () => {
    const p = await list(await product());
    const [, b] = (await owner.get(`${P}/${p.id}`)).body.skus as Sku[];
    await setStock([[b!, 3]]);
    expect(await lowEvents(b!.id)).toEqual([]);
    await setStock([[b!, 2]]);
    expect(await lowEvents(b!.id)).toEqual([{ skuId: b!.id, code: b!.code, stock: 2, threshold: 3 }]);
  });
});

describe('only listed products count', () => {
  test('a draft’s SKU never warns; once listed, the next check warns', async () => {
    const draft = await product();
    const [a] = draft.skus as Sku[];
    await setStock([[a!, 1]]);
    expect(await lowEvents(a!.id)).toEqual([]);
    expect((await warnings()).items.map((w) => w.skuId)).not.toContain(a!.id);

    await list(draft);
    const checked = await owner.post('/api/listings/stock-warnings/check');
    expect(checked.status, checked.text).toBe(200);
    expect(checked.body.items.map((w: StockWarning) => w.skuId)).toContain(a!.id);
    expect(await lowEvents(a!.id)).toHaveLength(1);
  });

  test('a delisted product’s SKU leaves the warnings, and warns afresh when listed again', async () => {
    const p = await list(await product());
    const [a] = (await owner.get(`${P}/${p.id}`)).body.skus as Sku[];
    await setStock([[a!, 2]]);
    expect(await lowEvents(a!.id)).toHaveLength(1);
    const current = (await owner.get(`${P}/${p.id}`)).body;
    const d = await owner.post(`${P}/${p.id}/delist`, { version: current.version, reason: '缺货' });
    expect(d.status, d.text).toBe(200);
    expect((await warnings()).items.map((w) => w.skuId)).not.toContain(a!.id);
    await owner.post('/api/listings/stock-warnings/check');

    await list(d.body);
    await owner.post('/api/listings/stock-warnings/check');
    expect(await lowEvents(a!.id)).toHaveLength(2);
  });
});

describe('checks without the event', () => {
  // Fulfillment tells listings of every movement; a SKU's own threshold raised in listings is a
  // change no event announces, so only the check route and the job notice it.
  test('a threshold raised without a stock movement is caught by the check route and by the job, each crossing once', async () => {
    const p = await list(await product());
    const [a, b] = (await owner.get(`${P}/${p.id}`)).body.skus as (Sku & { version: number })[];
    await setStock([[a!, 12], [b!, 5]]);
    expect(await lowEvents(a!.id)).toEqual([]);
    const raise = async (sku: Sku, lowStockThreshold: number) => {
      const current = (await owner.get(`${P}/${p.id}`)).body.skus.find((s: Sku) => s.id === sku.id);
      const reply = await owner.patch(`/api/listings/skus/${sku.id}`, { version: current.version, lowStockThreshold });
      expect(reply.status, reply.text).toBe(200);
    };
    await raise(a!, 15);
    expect(await lowEvents(a!.id)).toEqual([]);

    const checked = await owner.post('/api/listings/stock-warnings/check');
    expect(checked.status, checked.text).toBe(200);
    expect(checked.body.available).toBe(true);
    expect(Date.parse(checked.body.checkedAt)).not.toBeNaN();
    expect(await lowEvents(a!.id)).toEqual([{ skuId: a!.id, code: a!.code, stock: 12, threshold: 15 }]);

    await raise(b!, 6);
    const job = await owner.post('/api/jobs/listings/stock-check/run');
    expect(job.status, job.text).toBe(200);
    expect(job.body.lastError ?? null).toBeNull();
    await expect.poll(async () => (await lowEvents(b!.id)).length).toBe(1);
    expect(await lowEvents(a!.id)).toHaveLength(1);
  });

  test('stock warnings need only the read permission', async () => {
      expect((await owner.post('/api/roles', { id: 'viewer', name: { 'zh-CN': '只读' }, permissions: ['listings.products.read'] })).status).toBe(201);
    const viewer = await staffClient(server, owner, 'xiaozhou', ['viewer']);
    expect((await viewer.get('/api/listings/stock-warnings')).status).toBe(200);
    expect((await viewer.post('/api/listings/stock-warnings/check')).status).toBe(200);
    const none = await staffClient(server, owner, 'xiaowu', []);
    expect((await none.get('/api/listings/stock-warnings')).status).toBe(403);
  });
});
