import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setupOwner, type Client } from '../../../test/helpers/client.js';
import { startInProcess } from '../../../test/helpers/in-process.js';
import type { TestServer } from '../../../test/helpers/server.js';

// The demo clothing shop, loaded at first-run setup, seen through the API like the UI sees it.
let server: TestServer;
let owner: Client;

interface Row {
  id: number;
  title: string;
  itemCode: string;
  status: string;
  categoryId: number | null;
  skuCount: number;
  priceMin: number | null;
}

async function all<T>(path: string): Promise<T[]> {
  const reply = await owner.get(`${path}${path.includes('?') ? '&' : '?'}pageSize=500`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body.items as T[];
}

beforeAll(async () => {
  // The test kit as at a first start: the owner's setup fills the demo shop.
  ({ server } = await startInProcess({ plugins: [], enabled: ['listings'], setup: false, clock: 'system' }));
  owner = await setupOwner(server, { demo: true });
});

afterAll(() => server?.dispose());

describe('the demo shop', () => {
  test('has a few categories, one of them holding children, in display order', async () => {
    const categories = (await owner.get('/api/listings/categories')).body.items as { id: number; name: string; parentId: number | null }[];
    expect(categories.length).toBeGreaterThanOrEqual(4);
    const parents = new Set(categories.filter((c) => c.parentId !== null).map((c) => c.parentId));
    expect(parents.size).toBe(1);
    const [parentId] = [...parents];
    const at = categories.findIndex((c) => c.id === parentId);
    // Each child follows its parent directly.
    const children = categories.filter((c) => c.parentId === parentId);
    expect(categories.slice(at + 1, at + 1 + children.length)).toEqual(children);
  });

  test('lists about thirty products, most on sale, some in draft and awaiting review', async () => {
    const products = await all<Row>('/api/listings/products');
    expect(products.length).toBeGreaterThanOrEqual(25);
    expect(products.length).toBeLessThanOrEqual(35);
    const by = (status: string) => products.filter((p) => p.status === status).length;
    expect(by('listed')).toBeGreaterThan(products.length / 2);
    expect(by('draft')).toBeGreaterThanOrEqual(1);
    expect(by('submitted')).toBeGreaterThanOrEqual(1);
    expect(new Set(products.map((p) => p.itemCode)).size).toBe(products.length);
    const listed = await all<Row>('/api/listings/products?status=listed');
    expect(listed.length).toBe(by('listed'));
    const none = await all<Row>('/api/listings/products?categoryId=none');
    expect(none.length).toBeGreaterThanOrEqual(1);
    expect(none.every((p) => p.categoryId === null)).toBe(true);
  });

  test('gives every product colour and size SKUs with their own codes, priced above cost', async () => {
    const products = await all<Row>('/api/listings/products');
    const sample = [products[0]!, products[Math.floor(products.length / 2)]!, products.at(-1)!];
    for (const row of sample) {
      const detail = (await owner.get(`/api/listings/products/${row.id}`)).body as { skus: { code: string; price: number; cost: number; attributes: Record<string, string> }[] };
      expect(detail.skus.length).toBe(row.skuCount);
      expect(detail.skus.length).toBeGreaterThanOrEqual(2);
      for (const sku of detail.skus) {
        expect(sku.code.startsWith(row.itemCode)).toBe(true);
        expect(Object.keys(sku.attributes).sort()).toEqual(['尺码', '颜色']);
        expect(Number.isInteger(sku.price)).toBe(true);
        expect(sku.price).toBeGreaterThan(sku.cost);
      }
    }
    const skus = await all<{ code: string }>('/api/listings/skus');
    expect(new Set(skus.map((s) => s.code)).size).toBe(skus.length);
    expect(skus.length).toBeGreaterThanOrEqual(products.length * 2);
  });

  test('has the submitted products waiting in the review queue', async () => {
    const products = await all<Row>('/api/listings/products?status=submitted');
    const queue = (await owner.get('/api/listings/review-queue')).body as { items: { id: number }[]; total: number };
    expect(queue.total).toBe(products.length);
    expect(queue.items.map((i) => i.id).sort()).toEqual(products.map((p) => p.id).sort());
  });

  test('runs a 满减 and a percent discount, and a coupon with issued codes', async () => {
    const promotions = await all<{ kind: string; status: string; rule: { kind: string } }>('/api/listings/promotions');
    expect(promotions.map((p) => p.kind).sort()).toEqual(['full-reduction', 'percent']);
    expect(promotions.every((p) => p.status === 'active' && p.rule.kind === p.kind)).toBe(true);
    const coupons = await all<{ id: number; faceValue: number; threshold: number }>('/api/listings/coupons');
    expect(coupons.length).toBe(1);
    expect(coupons[0]!.faceValue).toBeLessThan(coupons[0]!.threshold);
  });

  test('prices a cart of demo SKUs with the shop-wide 满减', async () => {
    const skus = await all<{ id: number; code: string; price: number }>('/api/listings/skus?q=XW24S001');
    const sku = skus[0]!;
    const reply = await owner.post('/api/listings/price', { lines: [{ skuId: sku.id, qty: 2 }] });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.goodsTotal).toBe(sku.price * 2);
    const applied = reply.body.explanation.filter((s: { outcome: string }) => s.outcome === 'applied');
    expect(applied.map((s: { kind: string }) => s.kind)).toContain('full-reduction');
    expect(reply.body.total).toBe(sku.price * 2 - reply.body.discountTotal);
  });

  test('has a campaign in draft with products of its own', async () => {
    const campaigns = await all<{ id: number; status: string; productIds: number[] }>('/api/listings/campaigns');
    expect(campaigns.length).toBe(1);
    expect(campaigns[0]!.status).toBe('draft');
    expect(campaigns[0]!.productIds.length).toBeGreaterThanOrEqual(2);
  });

  test('issued coupon codes can be looked up, one of them already used', async () => {
    const used = await owner.get('/api/listings/coupon-codes/QJ8K2M7P');
    expect(used.status, used.text).toBe(200);
    expect(used.body.status).toBe('used');
    const fresh = await owner.get('/api/listings/coupon-codes/HW4N9TXC');
    expect(fresh.body.status).toBe('issued');
    expect(Date.parse(fresh.body.expiresAt)).toBeGreaterThan(Date.now());
  });
});
