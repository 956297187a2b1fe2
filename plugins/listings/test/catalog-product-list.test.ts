import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, startListings, unique, type Client, type ListingsServer } from './api.js';

let ls: ListingsServer;
let owner: Client;

beforeAll(async () => {
  ls = await startListings({ inProcess: true });
  owner = ls.owner;
});
afterAll(() => ls?.server.dispose());

const sku = (code: string, extra: Record<string, unknown> = {}) => ({ code, attributes: { 颜色: '黑色', 尺码: 'L' }, price: 9900, cost: 3000, ...extra });

describe('listing products', () => {
  test('paging, sorting, search and filters', async () => {
    const cat = await owner.post('/api/listings/categories', { name: unique('列表测试') });
    const child = await owner.post('/api/listings/categories', { name: '子类', parentId: cat.body.id });
    const code = unique('LS');
    const cheap = await createProduct(owner, { title: `${code} 便宜款`, itemCode: `${code}-1`, categoryId: cat.body.id, skus: [sku(`${code}-1-A`, { price: 1900 }), sku(`${code}-1-B`, { price: 2900 })] });
    const dear = await createProduct(owner, { title: `${code} 贵款`, itemCode: `${code}-2`, categoryId: child.body.id, skus: [sku(`${code}-2-A`, { price: 59900 })] });
    const bare = await createProduct(owner, { title: `${code} 空款`, itemCode: `${code}-3`, skus: [] });

    const all = await owner.get(`/api/listings/products?q=${code}&sort=priceMin&pageSize=2`);
    expect(all.status, all.text).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    // SQLite sorts the product without SKUs (no price) first.
    expect(all.body.items.map((i: { id: number }) => i.id)).toEqual([bare.id, cheap.id]);
    const page2 = await owner.get(`/api/listings/products?q=${code}&sort=priceMin&pageSize=2&page=2`);
    expect(page2.body.items.map((i: { id: number }) => i.id)).toEqual([dear.id]);
    expect(all.body.items[1]).toMatchObject({ skuCount: 2, priceMin: 1900, priceMax: 2900, categoryName: cat.body.name, needsCompleting: false });
    expect(all.body.items[0]).toMatchObject({ skuCount: 0, priceMin: null, priceMax: null, categoryName: null });

    const desc = await owner.get(`/api/listings/products?q=${code}&sort=-title`);
    expect(desc.body.items.map((i: { title: string }) => i.title)).toEqual([`${code} 贵款`, `${code} 空款`, `${code} 便宜款`].sort().reverse());

    const byItemCode = await owner.get(`/api/listings/products?q=${code}-2`);
    expect(byItemCode.body.items.map((i: { id: number }) => i.id)).toEqual([dear.id]);
    const bySkuCode = await owner.get(`/api/listings/products?q=${code}-1-B`);
    expect(bySkuCode.body.items.map((i: { id: number }) => i.id)).toEqual([cheap.id]);

    // A parent category shows its subcategories' products too.
    const inParent = await owner.get(`/api/listings/products?categoryId=${cat.body.id}&sort=id`);
    expect(inParent.body.items.map((i: { id: number }) => i.id)).toEqual([cheap.id, dear.id]);
    const inChild = await owner.get(`/api/listings/products?categoryId=${child.body.id}`);
    expect(inChild.body.items.map((i: { id: number }) => i.id)).toEqual([dear.id]);
    const none = await owner.get(`/api/listings/products?categoryId=none&q=${code}`);
    expect(none.body.items.map((i: { id: number }) => i.id)).toEqual([bare.id]);
    expect((await owner.get(`/api/listings/products?status=listed&q=${code}`)).body.total).toBe(0);
    expect((await owner.get(`/api/listings/products?status=draft&q=${code}`)).body.total).toBe(3);
    expect((await owner.get(`/api/listings/products?needsCompleting=false&q=${code}`)).body.total).toBe(3);
    expect((await owner.get(`/api/listings/products?needsCompleting=true&q=${code}`)).body.total).toBe(0);
  });

  test('an unknown sort field and a bad category filter are 400', async () => {
    const sort = await owner.get('/api/listings/products?sort=price');
    expect(sort.status).toBe(400);
    expect(sort.body.detail).toContain('priceMin');
    expect((await owner.get('/api/listings/products?categoryId=abc')).status).toBe(400);
  });

  test('LIKE wildcards in the search text are taken literally', async () => {
    const code = unique('WC');
    await createProduct(owner, { title: `${code} 百分百纯棉`, itemCode: code });
    expect((await owner.get(`/api/listings/products?q=${code}%25`)).body.total).toBe(0);
    expect((await owner.get(`/api/listings/products?q=${code.slice(0, -1)}_`)).body.total).toBe(0);
  });
});
