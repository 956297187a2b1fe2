// 淘宝客 commission per product through the API: the platform limit, and the warning when
// commission plus the deepest discount a SKU can get eats its whole margin.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, DAY, fromNow, startListings, type Client, type ListingsServer } from './api.js';

let listings: ListingsServer;
let owner: Client;

const at = fromNow;

beforeAll(async () => {
  listings = await startListings({ inProcess: true });
  owner = listings.owner;
});

afterAll(async () => {
  await listings?.server.dispose();
});

describe('commission', () => {
  test('71 % is refused, naming the 70 % limit; 70 % is accepted and kept on the product', async () => {
    const product = await createProduct(owner);
    const refused = await owner.put(`/api/listings/products/${product.id}/commission`, { percent: 71, version: product.version });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/最多 70%/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/percent', message: '≤ 70' })]);

    const accepted = await owner.put(`/api/listings/products/${product.id}/commission`, { percent: 70, version: product.version });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({ productId: product.id, commissionPercent: 70, version: product.version + 1 });
    const read = await owner.get(`/api/listings/products/${product.id}`);
    expect(read.body.commissionPercent).toBe(70);
  });

  test('a stale product version is a 409 and an unknown product a 404', async () => {
    const product = await createProduct(owner);
    const first = await owner.put(`/api/listings/products/${product.id}/commission`, { percent: 10, version: product.version });
    expect(first.status).toBe(200);
    const stale = await owner.put(`/api/listings/products/${product.id}/commission`, { percent: 12, version: product.version });
    expect(stale.status).toBe(409);
    const missing = await owner.put('/api/listings/products/999999/commission', { percent: 12, version: 1 });
    expect(missing.status).toBe(404);
  });

  test('at the everyday price a commission within the margin gives no warning; above it, one per SKU', async () => {
    // 129 元 at a cost of 45 元: the margin is 84 / 129 = 65.1 %.
    const product = await createProduct(owner);
    const within = await owner.put(`/api/listings/products/${product.id}/commission`, { percent: 65, version: product.version });
    expect(within.body.warnings).toEqual([]);
    const over = await owner.put(`/api/listings/products/${product.id}/commission`, { percent: 66, version: within.body.version });
    expect(over.status).toBe(200);
    expect(over.body.warnings).toHaveLength(2);
    expect(over.body.warnings[0]).toMatchObject({ skuId: product.skus[0]!.id, price: 12900, cost: 4500, lowestPrice: 12900, marginPercent: 65.1, discountPercent: 0, campaignId: null });
    expect(over.body.warnings[0].message['zh-CN']).toContain(product.skus[0]!.code);
    expect(over.body.warnings[0].message['zh-CN']).toMatch(/毛利率 65\.1%/);
  });

  test('a campaign price counts as a discount: 20 % on top of 70 元 out of 129 元 is over the margin, 19 % is not', async () => {
    const product = await createProduct(owner);
    const [black, white] = product.skus as [Product['skus'][number], Product['skus'][number]];
    const campaign = await owner.post('/api/listings/campaigns', { name: '聚划算', kind: '聚划算', startsAt: at(5 * DAY), endsAt: at(6 * DAY), productIds: [product.id] });
    // Only the black SKU is marked down: 70 元 is (129 − 70) / 129 = 45.7 % off.
    await owner.put(`/api/listings/campaigns/${campaign.body.id}/prices`, { version: campaign.body.version, prices: [{ skuId: black.id, price: 7000 }] });

    const fine = await owner.put(`/api/listings/products/${product.id}/commission`, { percent: 19, version: product.version });
    expect(fine.body.warnings).toEqual([]);
    const over = await owner.put(`/api/listings/products/${product.id}/commission`, { percent: 20, version: fine.body.version });
    expect(over.body.warnings).toEqual([
      expect.objectContaining({ skuId: black.id, lowestPrice: 7000, discountPercent: 45.7, marginPercent: 65.1, commissionPercent: 20, campaignId: campaign.body.id }),
    ]);
    expect(over.body.warnings[0].message['zh-CN']).toMatch(/聚划算/);
    expect(over.body.warnings.some((w: { skuId: number }) => w.skuId === white.id)).toBe(false);
  });
});

type Product = Awaited<ReturnType<typeof createProduct>>;
