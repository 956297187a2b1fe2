// Stock warnings: the order of the list, SKUs fulfillment no longer knows, and payloads of
// `fulfillment.stock.changed` that do not have the agreed shape.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, reviewerClient, startListings, submitAndApprove, unique, type Client, type TestServer } from './api.js';

const STUB = join(import.meta.dirname, 'fixtures', 'fulfillment-stub');

let server: TestServer;
let owner: Client;
let reviewer: Client;

const goodImages = [
  { url: 'https://img.example/main.jpg', kind: 'main', width: 800, watermark: true },
  ...Array.from({ length: 5 }, (_, i) => ({ url: `https://img.example/d${i}.jpg`, kind: 'detail', watermark: true })),
];

async function listedSkus(n: number) {
  const code = unique('W');
  const skus = Array.from({ length: n }, (_, i) => ({ code: `${code}-${i}`, attributes: { 颜色: `色${i}`, 尺码: 'M' }, price: 9900, cost: 3000 }));
  const product = await createProduct(owner, { images: goodImages, itemCode: code, skus });
  await submitAndApprove(owner, reviewer, product);
  return product.skus;
}

const setStock = (levels: [number, number | null][], extra: Record<string, unknown> = {}) =>
  owner.put('/api/fulfillment/stock', { levels: levels.map(([skuId, stock]) => ({ skuId, stock })), ...extra });

async function lowEvents(skuId: number) {
  const items = (await owner.get('/api/fulfillment/heard?name=listings.sku.low-stock')).body.items as { payload: { skuId: number } }[];
  return items.map((i) => i.payload).filter((p) => p.skuId === skuId);
}

const warnedIds = async () => ((await owner.get('/api/listings/stock-warnings')).body.items as { skuId: number }[]).map((i) => i.skuId);

beforeAll(async () => {
  ({ server, owner } = await startListings({ folders: [STUB], enabled: ['listings', 'fulfillment'] }));
  reviewer = await reviewerClient(server, owner);
});

afterAll(async () => {
  await server?.dispose();
});

describe('the warnings list', () => {
  test('lowest stock first', async () => {
    const [a, b, c] = await listedSkus(3);
    expect((await setStock([[a!.id, 7], [b!.id, 2], [c!.id, 5]])).status).toBe(200);
    const ours = (await warnedIds()).filter((id) => [a!.id, b!.id, c!.id].includes(id));
    expect(ours).toEqual([b!.id, c!.id, a!.id]);
  });

  test('a SKU fulfillment no longer knows drops out, and warns afresh when it counts again', async () => {
    const [a] = await listedSkus(1);
    await setStock([[a!.id, 3]]);
    expect(await warnedIds()).toContain(a!.id);
    expect(await lowEvents(a!.id)).toHaveLength(1);
    expect((await setStock([[a!.id, null]])).status).toBe(200);
    expect(await warnedIds()).not.toContain(a!.id);
    await setStock([[a!.id, 3]]);
    expect(await warnedIds()).toContain(a!.id);
    expect(await lowEvents(a!.id)).toHaveLength(2);
  });

  test('a full check also drops SKUs fulfillment forgot without telling', async () => {
    const [a] = await listedSkus(1);
    await setStock([[a!.id, 1]]);
    expect(await warnedIds()).toContain(a!.id);
    // Forgotten, with an event naming no SKU: only the full check notices.
    await setStock([[a!.id, null]], { payload: { skuIds: [] } });
    expect(await warnedIds()).toContain(a!.id);
    const checked = await owner.post('/api/listings/stock-warnings/check');
    expect(checked.body.items.map((i: { skuId: number }) => i.skuId)).not.toContain(a!.id);
  });
});

describe('fulfillment.stock.changed', () => {
  test('a payload of another shape is refused, and the change it came with does not happen', async () => {
    const [a] = await listedSkus(1);
    await setStock([[a!.id, 50]]);
    for (const payload of [{}, { skuIds: 'all' }, { skuIds: [a!.id, -1] }, { skuIds: [1.5] }, null]) {
      const reply = await setStock([[a!.id, 1]], { payload });
      expect(reply.status, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
    }
    expect(await lowEvents(a!.id)).toEqual([]);
    await owner.post('/api/listings/stock-warnings/check');
    expect(await warnedIds()).not.toContain(a!.id);
  });
});
