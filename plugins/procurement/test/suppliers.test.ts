// Suppliers and their price lists through the API: contacts, categories, lead time, payment terms,
// and per SKU (商家编码) the price in 分, the minimum quantity and the last valid day.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { createSkus, createSupplier, startProcurement, type TestSku } from './helpers/host.js';

let host: TestHost;
let skus: TestSku[];

beforeAll(async () => {
  host = await startProcurement();
  skus = await createSkus(host.owner);
});
afterAll(() => host?.close());

test('a supplier is added with contacts, categories, lead time and payment terms, and edited by version', async () => {
  const added = await host.owner.post('/api/procurement/suppliers', {
    name: '  义乌  织梦服饰 ',
    contact: '王经理',
    phone: '13900001111',
    categories: ['睡衣', ' 家居服 ', '睡衣', ''],
    leadTimeDays: 6,
    paymentTerms: '月结 30 天',
  });
  expect(added.status, added.text).toBe(201);
  expect(added.body).toMatchObject({
    name: '义乌 织梦服饰', contact: '王经理', categories: ['睡衣', '家居服'], leadTimeDays: 6, paymentTerms: '月结 30 天',
    points: 0, standing: 'active', fixBy: null, version: 1, createdAt: '2026-11-11T09:00:00.000+08:00',
  });

  const edited = await host.owner.patch(`/api/procurement/suppliers/${added.body.id}`, { version: 1, leadTimeDays: 4, phone: '' });
  expect(edited.status, edited.text).toBe(200);
  expect(edited.body).toMatchObject({ leadTimeDays: 4, phone: null, contact: '王经理', version: 2 });
  const stale = await host.owner.patch(`/api/procurement/suppliers/${added.body.id}`, { version: 1, note: '旧版本' });
  expect(stale.status).toBe(409);

  const again = await host.owner.post('/api/procurement/suppliers', { name: '义乌 织梦服饰' });
  expect(again.status).toBe(409);
  expect(again.body.detail).toContain('义乌 织梦服饰');

  const found = await host.owner.get('/api/procurement/suppliers?q=家居服');
  expect(found.body.items.map((s: { id: number }) => s.id)).toEqual([added.body.id]);
  expect((await host.owner.get('/api/procurement/suppliers/999999')).status).toBe(404);
});

test('the price list holds one row per SKU code: price in 分, minimum and last valid day', async () => {
  const supplier = await createSupplier(host.owner);
  const path = `/api/procurement/suppliers/${supplier.id}/items`;
  const put = await host.owner.put(path, { skuCode: ` ${skus[0]!.code} `, price: 4200, minQuantity: 10, validUntil: '2026-12-31' });
  expect(put.status, put.text).toBe(200);
  expect(put.body).toMatchObject({ supplierId: supplier.id, skuCode: skus[0]!.code, price: 4200, minQuantity: 10, validUntil: '2026-12-31' });
  const changed = await host.owner.put(path, { skuCode: skus[0]!.code, price: 4000 });
  expect(changed.body).toMatchObject({ id: put.body.id, price: 4000, minQuantity: 1, validUntil: null });
  await host.owner.put(path, { skuCode: skus[1]!.code, price: 4100, minQuantity: 5 });

  const list = await host.owner.get(path);
  expect(list.body.items.map((i: { skuCode: string; price: number }) => [i.skuCode, i.price])).toEqual([[skus[1]!.code, 4100], [skus[0]!.code, 4000]]); // by code: -L before -M
  expect((await host.owner.get(`/api/procurement/suppliers?sku=${encodeURIComponent(skus[1]!.code)}`)).body.items.map((s: { id: number }) => s.id)).toEqual([supplier.id]);

  const removed = await host.owner.delete(`${path}/${put.body.id}`);
  expect(removed.status).toBe(204);
  expect((await host.owner.delete(`${path}/${put.body.id}`)).status).toBe(404);
});

test('a price for a code listings does not know, or for no code, is refused on its field', async () => {
  const supplier = await createSupplier(host.owner);
  const unknown = await host.owner.put(`/api/procurement/suppliers/${supplier.id}/items`, { skuCode: 'NO-SUCH-1', price: 100 });
  expect(unknown.status).toBe(400);
  expect(unknown.body.detail).toContain('NO-SUCH-1');
  expect(unknown.body.errors).toEqual([{ path: '/skuCode', in: 'body', message: 'unknown' }]);
  const blank = await host.owner.put(`/api/procurement/suppliers/${supplier.id}/items`, { skuCode: '   ', price: 100 }, { 'accept-language': 'en' });
  expect(blank.status).toBe(400);
  expect(blank.body.detail).toContain('SKU code');
  const fractional = await host.owner.put(`/api/procurement/suppliers/${supplier.id}/items`, { skuCode: skus[0]!.code, price: 12.5 });
  expect(fractional.status).toBe(400);
});

test('reading suppliers needs suppliers.read, changing them suppliers.edit; purchasing and finance get them by role', async () => {
  const supplier = await createSupplier(host.owner);
  const reader = await host.staff('xiaoli', ['procurement.suppliers.read']);
  expect((await reader.get('/api/procurement/suppliers')).status).toBe(200);
  expect((await reader.get(`/api/procurement/suppliers/${supplier.id}/items`)).status).toBe(200);
  expect((await reader.post('/api/procurement/suppliers', { name: '试试' })).status).toBe(403);
  expect((await reader.patch(`/api/procurement/suppliers/${supplier.id}`, { version: 1, note: 'x' })).status).toBe(403);
  expect((await reader.put(`/api/procurement/suppliers/${supplier.id}/items`, { skuCode: skus[0]!.code, price: 1 })).status).toBe(403);
  expect((await reader.delete(`/api/procurement/suppliers/${supplier.id}/items/1`)).status).toBe(403);
  expect((await host.anonymous().get('/api/procurement/suppliers')).status).toBe(401);

  const buyer = await host.staff('caigou', ['purchasing']);
  expect((await buyer.post('/api/procurement/suppliers', { name: '采购建的供应商' })).status).toBe(201);
  const finance = await host.staff('caiwu', ['finance']);
  expect((await finance.get('/api/procurement/suppliers')).status).toBe(200);
  expect((await finance.post('/api/procurement/suppliers', { name: '财务建的' })).status).toBe(403);
});

test('the onboarding evaluation scores price, reputation, sales record and reviews 1–5, kept per evaluation', async () => {
  const supplier = await createSupplier(host.owner);
  const path = `/api/procurement/suppliers/${supplier.id}/evaluations`;
  const first = await host.owner.post(path, { scores: { price: 4, reputation: 3, sales: 5, reviews: 2 }, notes: { reviews: ' 差评说掉色 ' }, decision: 'trial' });
  expect(first.status, first.text).toBe(201);
  expect(first.body).toMatchObject({ total: 14, decision: 'trial', notes: { price: '', reviews: '差评说掉色' }, evaluatedAt: '2026-11-11T09:00:00.000+08:00' });
  await host.owner.post(path, { scores: { price: 4, reputation: 4, sales: 5, reviews: 4 }, decision: 'accept' });
  const list = await host.owner.get(path);
  expect(list.body.items.map((e: { total: number; decision: string }) => [e.total, e.decision])).toEqual([[17, 'accept'], [14, 'trial']]);

  expect((await host.owner.post(path, { scores: { price: 6, reputation: 3, sales: 5, reviews: 2 }, decision: 'accept' })).status).toBe(400);
  expect((await host.owner.post(path, { scores: { price: 4, reputation: 3, sales: 5 }, decision: 'accept' })).status).toBe(400);
  const reader = await host.staff('pinggu', ['procurement.suppliers.read']);
  expect((await reader.get(path)).status).toBe(200);
  expect((await reader.post(path, { scores: { price: 4, reputation: 3, sales: 5, reviews: 2 }, decision: 'accept' })).status).toBe(403);
});
