// Competitors' prices beside the retail price: procurement notes them, listings answers them per
// product for its editor, and without procurement the answer is simply empty.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createProduct, startListings, staffClient, type ListingsServer } from './api.js';

const PROCUREMENT = resolve(import.meta.dirname, '..', '..', 'procurement');

interface Item { skuId: number; skuCode: string; competitor: string; price: number; note: string; notedAt: string }

let withProcurement: ListingsServer;
let alone: ListingsServer;

beforeAll(async () => {
  [withProcurement, alone] = await Promise.all([
    startListings({ inProcess: true, folders: [PROCUREMENT], enabled: ['listings', 'procurement'] }),
    startListings({ inProcess: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([withProcurement?.server.dispose(), alone?.server.dispose()]);
});

test('the product’s SKUs come with the prices procurement noted, newest first, and only theirs', async () => {
  const { owner, server } = withProcurement;
  const product = await createProduct(owner);
  const other = await createProduct(owner);
  const [black, white] = [product.skus[0]!, product.skus[1]!];
  const note = (skuCode: string, competitor: string, price: number, extra: Record<string, unknown> = {}) =>
    owner.post('/api/procurement/competitor-prices', { skuCode, competitor, price, ...extra }).then((r) => expect(r.status, r.text).toBe(201));
  await note(black.code, '暖暖家居旗舰店', 13900);
  await note(black.code, '小熊睡衣店', 11900, { note: '券后价' });
  await note(other.skus[0]!.code, '别家', 100);

  // Someone who may only read products sees them: procurement's own permissions are not needed.
  const role = await owner.post('/api/roles', { id: 'products-reader', name: { 'zh-CN': '看商品' }, permissions: ['listings.products.read'] });
  expect(role.status, role.text).toBe(201);
  const clerk = await staffClient(server, owner, 'kan-shangpin', ['products-reader']);
  const reply = await clerk.get(`/api/listings/products/${product.id}/competitor-prices`);
  expect(reply.status, reply.text).toBe(200);
  const items = reply.body.items as Item[];
  expect(items.map((i) => [i.skuId, i.skuCode, i.competitor, i.price, i.note])).toEqual([
    [black.id, black.code, '小熊睡衣店', 11900, '券后价'],
    [black.id, black.code, '暖暖家居旗舰店', 13900, ''],
  ]);
  expect(items.every((i) => /[+-]\d\d:\d\d$|Z$/.test(i.notedAt))).toBe(true);
  expect(items.some((i) => i.skuId === white.id)).toBe(false);

  expect((await owner.get('/api/listings/products/999999/competitor-prices')).status).toBe(404);
});

test('without procurement the product answers no competitors’ prices, and no error', async () => {
  const product = await createProduct(alone.owner);
  const reply = await alone.owner.get(`/api/listings/products/${product.id}/competitor-prices`);
  expect(reply.status, reply.text).toBe(200);
  expect(reply.body).toEqual({ items: [] });
});
