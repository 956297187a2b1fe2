// A supplier's price list from a CSV file: GBK or UTF-8, columns by their header, every problem at
// its row and column, and nothing imported while any row is wrong.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { createSkus, createSupplier, startProcurement, type TestSku } from './helpers/host.js';

let host: TestHost;
let skus: TestSku[];

beforeAll(async () => {
  host = await startProcurement();
  skus = await createSkus(host.owner, ['S', 'M', 'L']);
});
afterAll(() => host?.close());

const upload = (supplierId: number, text: string, encoding: 'gbk' | 'utf-8' = 'utf-8', client = host.owner) => {
  const form = new FormData();
  const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(`\uFEFF${text}`, 'utf8');
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), '价格表.csv');
  return client.post(`/api/procurement/suppliers/${supplierId}/price-list`, form);
};
const items = async (supplierId: number) => (await host.owner.get(`/api/procurement/suppliers/${supplierId}/items`)).body.items;

test('a GBK price list with its own spellings of the columns is imported whole', async () => {
  const supplier = await createSupplier(host.owner, {}, [{ skuCode: skus[0]!.code, price: 5000 }]);
  const [s, m, l] = skus.map((k) => k.code);
  const csv = `编码,进价,最小起订量,价格有效期\r\n${s},￥42.00,10,2026/12/31\r\n${m},"1,042.5",,\r\n\r\n${l},43,5,2027.1.5\r\n`;
  const reply = await upload(supplier.id, csv, 'gbk');
  expect(reply.status, reply.text).toBe(200);
  expect(reply.body).toEqual({ created: 2, updated: 1, unchanged: 0 });
  expect((await items(supplier.id)).map((i: Record<string, unknown>) => [i.skuCode, i.price, i.minQuantity, i.validUntil])).toEqual([
    [l, 4300, 5, '2027-01-05'], [m, 104250, 1, null], [s, 4200, 10, '2026-12-31'],
  ]);
  const again = await upload(supplier.id, csv, 'gbk');
  expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 3 });
});

test('one bad row and nothing is imported: every problem named at its row and column', async () => {
  const supplier = await createSupplier(host.owner, {}, [{ skuCode: skus[0]!.code, price: 5000 }]);
  const [s, m] = skus.map((k) => k.code);
  const csv = `商家编码,进货价,起订量,有效期至\n${s},41,10,2026-12-31\n,40,1,\n${m},四十,0,2026-02-30\nNO-SUCH,40,1,\n${s},39,1,\n`;
  const reply = await upload(supplier.id, csv);
  expect(reply.status).toBe(400);
  expect(reply.body.detail).toBe('价格表有 6 处问题，整份没有导入；改好后再导入');
  expect(reply.body.rejected.map((r: { row: number; column: string }) => [r.row, r.column])).toEqual([
    [3, '商家编码'], [4, '进货价'], [4, '起订量'], [4, '有效期至'], [5, '商家编码'], [6, '商家编码'],
  ]);
  expect(reply.body.rejected[5].reason).toBe(`商家编码 ${s} 在第 2 行已经有了`);
  expect(reply.body.rejected[4].reason).toBe('商品里没有商家编码“NO-SUCH”');
  // The good first row was not taken either.
  expect((await items(supplier.id)).map((i: { price: number }) => i.price)).toEqual([5000]);
});

test('a file without the price column is refused on row 1, in the reader\'s language', async () => {
  const supplier = await createSupplier(host.owner);
  const reply = await host.owner.post(`/api/procurement/suppliers/${supplier.id}/price-list`, (() => {
    const form = new FormData();
    form.append('file', new Blob([`商家编码,颜色\n${skus[0]!.code},红\n`]), 'x.csv');
    return form;
  })(), { 'accept-language': 'en' });
  expect(reply.status).toBe(400);
  expect(reply.body.rejected).toHaveLength(1);
  expect(reply.body.rejected[0].row).toBe(1);
  expect(reply.body.detail).toContain('nothing was imported');
});

test('importing a price list needs suppliers.edit', async () => {
  const supplier = await createSupplier(host.owner);
  const reader = await host.staff('kan', ['procurement.suppliers.read']);
  expect((await upload(supplier.id, `商家编码,进价\n${skus[0]!.code},1\n`, 'utf-8', reader)).status).toBe(403);
  expect((await upload(999999, `商家编码,进价\n${skus[0]!.code},1\n`)).status).toBe(404);
});
