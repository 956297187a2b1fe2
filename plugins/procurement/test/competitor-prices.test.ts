// Competitors' prices for an item: noted through the API, offered to listings as the
// `competitor-prices` service.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { competitorStore } from '../server/competitors/competitor-store.js';
import { createSkus, startProcurement, type TestSku } from './helpers/host.js';

let host: TestHost;
let sku: TestSku;

beforeAll(async () => {
  host = await startProcurement();
  [sku] = (await createSkus(host.owner, ['均码'], '新款羊羔绒马甲')) as [TestSku];
});
afterAll(() => host?.close());

test('competitors\' prices are noted per SKU and read newest first, here and through the service\'s store', async () => {
  const first = await host.owner.post('/api/procurement/competitor-prices', { skuCode: ` ${sku.code}`, competitor: '暖暖家居旗舰店', price: 15900, url: 'https://item.taobao.com/item.htm?id=1' });
  expect(first.status, first.text).toBe(201);
  expect(first.body).toMatchObject({ skuCode: sku.code, competitor: '暖暖家居旗舰店', price: 15900, notedAt: '2026-11-11T09:00:00.000+08:00' });
  await host.clock.advance('1m');
  await host.owner.post('/api/procurement/competitor-prices', { skuCode: sku.code, competitor: '小熊睡衣店', price: 13900, note: '券后价' });
  const list = await host.owner.get(`/api/procurement/competitor-prices?sku=${encodeURIComponent(sku.code)}`);
  expect(list.body.items.map((p: { competitor: string; price: number }) => [p.competitor, p.price])).toEqual([['小熊睡衣店', 13900], ['暖暖家居旗舰店', 15900]]);
  const served = await host.read((q) => competitorStore(q).forSkus([sku.code, 'NONE']));
  expect(served.get(sku.code)?.map((p) => p.price)).toEqual([13900, 15900]);
  expect(served.has('NONE')).toBe(false);
  expect((await host.owner.post('/api/procurement/competitor-prices', { skuCode: 'NONE', competitor: 'x', price: 1 })).status).toBe(400);
});

test('operations reads and notes competitors\' prices; finance does not', async () => {
  const ops = await host.staff('yunying', ['operations']);
  expect((await ops.get(`/api/procurement/competitor-prices?sku=${sku.code}`)).status).toBe(200);
  expect((await ops.post('/api/procurement/competitor-prices', { skuCode: sku.code, competitor: '某店', price: 100 })).status).toBe(201);
  const finance = await host.staff('caiwu', ['finance']);
  expect((await finance.get(`/api/procurement/competitor-prices?sku=${sku.code}`)).status).toBe(403);
  const reader = await host.staff('kan', ['procurement.competitors.read']);
  expect((await reader.post('/api/procurement/competitor-prices', { skuCode: sku.code, competitor: '某店', price: 100 })).status).toBe(403);
});
