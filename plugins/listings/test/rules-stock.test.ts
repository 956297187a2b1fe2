// Stock warnings with the real fulfillment plugin: the order of the list, SKUs fulfillment has
// never stocked (0 pieces), and a SKU whose stock runs out (listener stand-in in fixtures/listener-stub).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, reviewerClient, startListings, submitAndApprove, unique, type Client, type TestServer } from './api.js';
import { heard, LISTENER, setStock as stockLevels } from './fulfillment.js';

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

type Sku = { id: number; code: string };
const setStock = (levels: [Sku, number][]) => stockLevels(owner, levels);

async function lowEvents(skuId: number) {
  return (await heard<{ skuId: number }>(owner, 'listings.sku.low-stock')).filter((p) => p.skuId === skuId);
}

const warnedIds = async () => ((await owner.get('/api/listings/stock-warnings')).body.items as { skuId: number }[]).map((i) => i.skuId);

beforeAll(async () => {
  ({ server, owner } = await startListings({ folders: [LISTENER], enabled: ['listings', 'fulfillment', 'listener-stub'], inProcess: true }));
  reviewer = await reviewerClient(server, owner);
});

afterAll(async () => {
  await server?.dispose();
});

describe('the warnings list', () => {
  test('lowest stock first', async () => {
    const [a, b, c] = await listedSkus(3);
    await setStock([[a!, 7], [b!, 2], [c!, 5]]);
    const ours = (await warnedIds()).filter((id) => [a!.id, b!.id, c!.id].includes(id));
    expect(ours).toEqual([b!.id, c!.id, a!.id]);
  });

  test('a SKU fulfillment has never stocked counts as 0 pieces: a full check warns of it once, and its first small delivery keeps it low', async () => {
    const [a] = await listedSkus(1);
    const checked = await owner.post('/api/listings/stock-warnings/check');
    expect(checked.body.items).toContainEqual(expect.objectContaining({ skuId: a!.id, stock: 0, threshold: 10 }));
    expect(await lowEvents(a!.id)).toEqual([{ skuId: a!.id, code: a!.code, stock: 0, threshold: 10 }]);
    await setStock([[a!, 3]]);
    expect((await owner.get('/api/listings/stock-warnings')).body.items).toContainEqual(expect.objectContaining({ skuId: a!.id, stock: 3 }));
    expect(await lowEvents(a!.id)).toHaveLength(1);
    await setStock([[a!, 12]]);
    expect(await warnedIds()).not.toContain(a!.id);
  });

  test('a SKU sold out stays in the warnings at 0 (fulfillment still knows it); restocked it leaves, and warns afresh when low again', async () => {
    const [a] = await listedSkus(1);
    await setStock([[a!, 3]]);
    await setStock([[a!, 0]]);
    const item = ((await owner.get('/api/listings/stock-warnings')).body.items as { skuId: number; stock: number }[]).find((i) => i.skuId === a!.id);
    expect(item?.stock).toBe(0);
    expect(await lowEvents(a!.id)).toHaveLength(1);
    await setStock([[a!, 40]]);
    expect(await warnedIds()).not.toContain(a!.id);
    await setStock([[a!, 1]]);
    expect(await lowEvents(a!.id)).toHaveLength(2);
  });
});

describe('fulfillment.stock.changed', () => {
  test('a refused movement changes nothing: listings keeps the figures it had', async () => {
    const [a] = await listedSkus(1);
    await setStock([[a!, 50]]);
    const bin = (await owner.get(`/api/fulfillment/stock?sku=${a!.id}`)).body.items[0].bins[0].locationCode;
    const refused = await owner.post('/api/fulfillment/stock/adjust', { skuId: a!.id, location: bin, qty: -60, reason: '测试' });
    expect(refused.status).toBe(409);
    expect(await lowEvents(a!.id)).toEqual([]);
    await owner.post('/api/listings/stock-warnings/check');
    expect(await warnedIds()).not.toContain(a!.id);
  });
});
