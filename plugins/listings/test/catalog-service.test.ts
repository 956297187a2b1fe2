import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, startListings, unique, type Client, type ListingsServer } from './api.js';
import { runImport } from './fixtures/catalog-import-run.js';

let ls: ListingsServer;
let owner: Client;

beforeAll(async () => {
  ls = await startListings({ folders: [join(import.meta.dirname, 'fixtures', 'catalog-consumer')], enabled: ['listings', 'catalog-consumer'], inProcess: true });
  owner = ls.owner;
});
afterAll(() => ls?.server.dispose());

const find = async (query: string) => {
  const reply = await owner.get(`/api/catalog-consumer/find?${query}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body.found;
};

describe('the catalog service', () => {
  test('finds SKUs by id, 商家编码 and barcode, and products by id', async () => {
    const p = await createProduct(owner, { title: '高腰阔腿牛仔裤' });
    const [first] = p.skus;
    const barcode = `69${Date.now()}`;
    const withBarcode = await owner.patch(`/api/listings/skus/${first!.id}`, { barcode, version: first!.version });
    expect(withBarcode.status).toBe(200);
    expect(await find(`code=${first!.code}`)).toMatchObject({ id: first!.id, productId: p.id, code: first!.code, needsCompleting: false });
    expect(await find(`id=${first!.id}`)).toMatchObject({ code: first!.code });
    expect(await find(`barcode=${barcode}`)).toMatchObject({ id: first!.id });
    expect(await find(`product=${p.id}`)).toMatchObject({ id: p.id, title: '高腰阔腿牛仔裤', itemCode: p.itemCode });
    expect(await find('code=NO-SUCH-CODE')).toBeNull();
    expect(await find('id=999999')).toBeNull();
    expect(await find('product=999999')).toBeNull();
  });

  test('pages through every SKU in id order', async () => {
    const p = await createProduct(owner);
    const ids = p.skus.map((s) => s.id).sort((a, b) => a - b);
    const page = await owner.get(`/api/catalog-consumer/page?afterId=${ids[0]! - 1}&limit=1`);
    expect(page.status, page.text).toBe(200);
    expect(page.body.skus.map((s: { id: number }) => s.id)).toEqual([ids[0]]);
    const rest = await owner.get(`/api/catalog-consumer/page?afterId=${ids[0]}`);
    expect(rest.body.skus.map((s: { id: number }) => s.id)).toEqual(ids.slice(1));
  });

  test('pages through complete SKUs with their product title and status; stubs are left out', async () => {
    const p = await createProduct(owner, { title: '珊瑚绒睡袍' });
    const ids = p.skus.map((s) => s.id).sort((a, b) => a - b);
    const stub = await owner.post('/api/catalog-consumer/ensure', { code: unique('STUB') });
    expect(stub.status, stub.text).toBe(200);
    const page = await owner.get(`/api/catalog-consumer/summaries?afterId=${ids[0]! - 1}`);
    expect(page.status, page.text).toBe(200);
    const first = p.skus.find((s) => s.id === ids[0])!;
    expect(page.body.skus.map((s: { id: number }) => s.id)).toEqual(ids);
    expect(page.body.skus[0]).toEqual({ id: first.id, code: first.code, productId: p.id, attributes: { 颜色: first.code.endsWith('-BK-M') ? '黑色' : '白色', 尺码: 'M' }, productTitle: '珊瑚绒睡袍', productStatus: p.status });
    const one = await owner.get(`/api/catalog-consumer/summaries?afterId=${ids[0]! - 1}&limit=1`);
    expect(one.body.skus.map((s: { id: number }) => s.id)).toEqual([ids[0]]);
  });

  test('looks many codes up at once; unknown codes are absent', async () => {
    const p = await createProduct(owner);
    const codes = p.skus.map((s) => s.code);
    const reply = await owner.post('/api/catalog-consumer/lookup', { codes: [...codes, 'UNKNOWN-1', codes[0]] });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body.found).sort()).toEqual([...codes].sort());
    expect(reply.body.found[codes[1]!]).toMatchObject({ id: p.skus[1]!.id });
  });

  test('ensureSku makes a stub for an unknown code once, then finds it', async () => {
    const code = unique('STUB');
    const first = await owner.post('/api/catalog-consumer/ensure', { code, title: '订单里的 蕾丝打底衫' });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ created: true, sku: { code, productId: null, needsCompleting: true, price: 0, cost: 0 } });
    const again = await owner.post('/api/catalog-consumer/ensure', { code });
    expect(again.body).toMatchObject({ created: false, sku: { id: first.body.sku.id } });
    const listed = await owner.get('/api/listings/skus?needsCompleting=true&pageSize=500');
    expect(listed.body.items).toContainEqual(expect.objectContaining({ code, stubTitle: '订单里的 蕾丝打底衫', productTitle: null }));
  });

  test("ensureSku inside the caller's transaction commits and rolls back with it", async () => {
    const kept = unique('TXK');
    const ok = await owner.post('/api/catalog-consumer/ensure', { code: kept, inTx: true });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ created: true, seenInsideTx: true });
    expect(await find(`code=${kept}`)).toMatchObject({ needsCompleting: true });

    const dropped = unique('TXD');
    const failed = await owner.post('/api/catalog-consumer/ensure', { code: dropped, inTx: true, fail: true });
    expect(failed.status).toBe(409);
    expect(await find(`code=${dropped}`)).toBeNull();
  });

  test('completing a stub — product, price and cost — clears needs completing', async () => {
    const code = unique('CMP');
    const stub = (await owner.post('/api/catalog-consumer/ensure', { code })).body.sku;
    const p = await createProduct(owner);
    const attached = await owner.patch(`/api/listings/skus/${stub.id}`, { productId: p.id, version: stub.version });
    expect(attached.status, attached.text).toBe(200);
    expect(attached.body).toMatchObject({ productId: p.id, needsCompleting: true });
    const flagged = await owner.get(`/api/listings/products?needsCompleting=true&q=${p.itemCode}`);
    expect(flagged.body.items).toEqual([expect.objectContaining({ id: p.id, needsCompleting: true })]);
    const done = await owner.patch(`/api/listings/skus/${stub.id}`, { price: 15900, cost: 6000, attributes: { 颜色: '米白' }, version: attached.body.version });
    expect(done.body).toMatchObject({ needsCompleting: false, price: 15900, cost: 6000 });
    expect((await owner.get(`/api/listings/products?needsCompleting=true&q=${p.itemCode}`)).body.total).toBe(0);
  });

  test('entering the product later takes the stub over instead of refusing its code', async () => {
    const code = unique('ADO');
    const stub = (await owner.post('/api/catalog-consumer/ensure', { code })).body.sku;
    const p = await createProduct(owner, { skus: [{ code, attributes: { 颜色: '藏青' }, price: 8900, cost: 2500 }] });
    expect(p.skus).toEqual([expect.objectContaining({ id: stub.id, code, productId: p.id, price: 8900, needsCompleting: false })]);
    expect(await find(`code=${code}`)).toMatchObject({ id: stub.id, productId: p.id, needsCompleting: false });
  });

  test('a CSV row with the code of a stub completes it; one without price and cost is refused', async () => {
    const code = unique('CSV');
    const stub = (await owner.post('/api/catalog-consumer/ensure', { code, title: '订单里的马甲' })).body.sku;
    const bare = unique('BARE');
    await owner.post('/api/catalog-consumer/ensure', { code: bare });
    const header = '货号,标题,商家编码,颜色,价格,成本';
    const report = await runImport(owner, `${header}\n${code}P,摇粒绒马甲,${code},卡其,79.00,30.00\n${code}P,摇粒绒马甲,${bare},卡其,,\n`);
    expect(report.rejected).toEqual([{ row: 3, column: '价格', reason: expect.stringContaining(bare) }]);
    expect(report).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(await find(`code=${code}`)).toMatchObject({ id: stub.id, price: 7900, cost: 3000, needsCompleting: false, productId: expect.any(Number) });
    expect(await find(`code=${bare}`)).toMatchObject({ productId: null, needsCompleting: true });
  });
});
