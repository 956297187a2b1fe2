import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, staffClient, startListings, unique, type Client, type ListingsServer } from './api.js';
import { runImport } from './fixtures/catalog-import-run.js';

let ls: ListingsServer;
let owner: Client;

const FIXTURE = readFileSync(join(import.meta.dirname, 'fixtures', 'catalog-products.csv'), 'utf8');
const HEADER = '货号,标题,分类,面料,描述,运费模板,商家编码,颜色,尺码,价格,成本,条形码,重量(克),预警线';

beforeAll(async () => {
  ls = await startListings({ inProcess: true });
  owner = ls.owner;
});
afterAll(() => ls?.server.dispose());

let variants = 0;
/** The fixture with its own 货号, 商家编码 and barcodes, so each test imports products of its own. */
function variant(): { text: string; tag: string } {
  const tag = unique('V');
  const digits = `7${String(++variants).padStart(4, '0')}${Date.now() % 100000}`;
  return { tag, text: FIXTURE.replaceAll('KX26', tag).replaceAll('0088', `${tag}88`).replaceAll('6923450012', digits) };
}


async function productByItemCode(itemCode: string) {
  const list = await owner.get(`/api/listings/products?q=${encodeURIComponent(itemCode)}`);
  const item = list.body.items.find((p: { itemCode: string }) => p.itemCode === itemCode);
  if (!item) return undefined;
  return (await owner.get(`/api/listings/products/${item.id}`)).body;
}

async function exportCsv(query = ''): Promise<{ bytes: Uint8Array<ArrayBuffer>; headers: Headers }> {
  const res = await ls.fetch(`/api/listings/products/export.csv${query}`, { headers: { cookie: owner.cookie } });
  expect(res.status).toBe(200);
  return { bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
}

describe('importing products from CSV', () => {
  test('the fixture becomes three products with their SKUs, categories and exact prices', async () => {
    const report = await runImport(owner, FIXTURE);
    expect(report).toEqual({ created: 6, updated: 0, unchanged: 0, rejected: [] });
    const hoodie = await productByItemCode('KX2601');
    expect(hoodie).toMatchObject({ title: '春季新款 纯棉宽松卫衣, 加绒可选', attributes: { 面料: '纯棉' }, shippingTemplate: '江浙沪包邮', description: '<p>舒适百搭</p>\r\n<p>不起球</p>' });
    expect(hoodie.skus.map((s: { code: string; price: number; cost: number }) => [s.code, s.price, s.cost])).toEqual([
      ['KX2601-HUI-M', 15900, 6250],
      ['KX2601-HUI-L', 15900, 6250],
      ['KX2601-MI-M', 16990, 6250],
    ]);
    expect(hoodie.skus[0]).toMatchObject({ attributes: { 颜色: '灰色', 尺码: 'M' }, barcode: '6923450012018', weightGrams: 420, lowStockThreshold: 8 });
    const trousers = await productByItemCode('KX2602');
    expect(trousers.skus.map((s: { price: number }) => s.price)).toEqual([129900, 129900]);
    const scarf = await productByItemCode('0088');
    expect(scarf.skus).toEqual([expect.objectContaining({ code: '008801', price: 7, cost: 115, barcode: null })]);

    const categories = (await owner.get('/api/listings/categories')).body.items as { id: number; name: string; parentId: number | null }[];
    const women = categories.find((c) => c.name === '女装' && c.parentId === null)!;
    expect(categories.filter((c) => c.parentId === women.id).map((c) => c.name)).toEqual(['卫衣', '裤装']);
    expect(hoodie.categoryId).toBe(categories.find((c) => c.name === '卫衣')!.id);
    expect(scarf.categoryId).toBe(categories.find((c) => c.name === '配饰' && c.parentId === null)!.id);
  });

  test('re-importing the same file changes nothing: versions and times stay', async () => {
    const { text, tag } = variant();
    expect((await runImport(owner, text)).created).toBe(6);
    const before = await productByItemCode(`${tag}01`);
    const again = await runImport(owner, text);
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 6, rejected: [] });
    const after = await productByItemCode(`${tag}01`);
    expect(after).toEqual(before);
  });

  test('a GBK file is detected and imported', async () => {
    const { text, tag } = variant();
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const report = await runImport(owner, bytes);
    expect(report).toEqual({ created: 6, updated: 0, unchanged: 0, rejected: [] });
    const trousers = await productByItemCode(`${tag}02`);
    expect(trousers).toMatchObject({ title: '直筒休闲西装裤', attributes: { 面料: '聚酯纤维' }, shippingTemplate: '偏远地区不包邮' });
    expect(trousers.skus[0].attributes).toEqual({ 颜色: '黑色', 尺码: 'S' });
  });

  test('a bad price is reported with its row and column; the valid rows still import and the bad one changes nothing', async () => {
    const code = unique('BAD');
    const csv = [HEADER, `${code},加厚羽绒马甲,,,,,${code}-1,黑色,M,399.00,150,,,`, `${code},加厚羽绒马甲,,,,,${code}-2,黑色,L,三百九十九,150,,,`, `${code},加厚羽绒马甲,,,,,${code}-3,黑色,XL,399.999,150,,,`].join('\n');
    const report = await runImport(owner, csv);
    expect(report.created).toBe(1);
    expect(report.rejected).toEqual([
      { row: 3, column: '价格', reason: expect.stringContaining('三百九十九') },
      { row: 4, column: '价格', reason: expect.stringContaining('两位小数') },
    ]);
    const product = await productByItemCode(code);
    expect(product.skus.map((s: { code: string }) => s.code)).toEqual([`${code}-1`]);
  });

  test('reasons come in the language of the person importing', async () => {
    const code = unique('EN');
    const report = await runImport(owner, `${HEADER}\n${code},x,,,,,${code}-1,,,abc,1,,,\n`, { 'accept-language': 'en' });
    expect(report.rejected).toEqual([{ row: 2, column: '价格', reason: expect.stringMatching(/not an amount/) }]);
  });

  test('rows that clash with the shop or the file are refused with reasons; the others import', async () => {
    const existing = await createProduct(owner, { title: '已有的商品' });
    const code = unique('CL');
    const csv = [
      HEADER,
      `${code},撞码测试,,,,,${existing.skus[0]!.code},,,10,5,,,`,
      `${code},撞码测试,,,,,${code}-1,,,10,5,,,`,
      `${code},撞码测试,,,,,${code}-1,,,10,5,,,`,
      `${code},另一个标题,,,,,${code}-2,,,10,5,,,`,
      `${code},撞码测试,,,,,${code}-3,,,,5,,,`,
      `${code}N,,,,,,${code}N-1,,,10,5,,,`,
    ].join('\n');
    const report = await runImport(owner, csv);
    expect(report.rejected.map((r) => [r.row, r.column])).toEqual([
      [2, '商家编码'],
      [4, '商家编码'],
      [5, '标题'],
      [6, '价格'],
      [7, '标题'],
    ]);
    expect(report.rejected[0]!.reason).toContain(existing.itemCode);
    expect(report.rejected[1]!.reason).toContain('第 3 行');
    expect(report).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect((await productByItemCode(code)).skus.map((s: { code: string }) => s.code)).toEqual([`${code}-1`]);
    expect(await productByItemCode(`${code}N`)).toBeUndefined();
    // The existing product's SKU was not taken away.
    expect((await owner.get(`/api/listings/products/${existing.id}`)).body).toMatchObject({ version: existing.version, skus: existing.skus.map((s) => expect.objectContaining({ id: s.id, price: s.price })) });
  });

  test('a changed price updates only that SKU; other rows stay unchanged', async () => {
    const { text, tag } = variant();
    await runImport(owner, text);
    const before = await productByItemCode(`${tag}02`);
    const edited = text.replace(`${tag}02,直筒休闲西装裤,女装/裤装,聚酯纤维,,偏远地区不包邮,${tag}02-HEI-M,黑色,M,"1,299.00"`, `${tag}02,直筒休闲西装裤,女装/裤装,聚酯纤维,,偏远地区不包邮,${tag}02-HEI-M,黑色,M,1199.10`);
    expect(edited).not.toBe(text);
    expect(await runImport(owner, edited)).toEqual({ created: 0, updated: 1, unchanged: 5, rejected: [] });
    const after = await productByItemCode(`${tag}02`);
    expect(after.version).toBe(before.version);
    expect(after.skus[0]).toEqual(before.skus[0]);
    expect(after.skus[1]).toMatchObject({ price: 119910, version: before.skus[1].version + 1 });
  });

  test('rows for an existing product without SKUs add its SKUs', async () => {
    const p = await createProduct(owner, { skus: [] });
    const code = unique('AD');
    const report = await runImport(owner, `${HEADER}\n${p.itemCode},${p.title},,,,,${code}-1,白色,S,49.90,12,,,\n`);
    expect(report).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: [] });
    const after = (await owner.get(`/api/listings/products/${p.id}`)).body;
    expect(after.version).toBe(p.version);
    expect(after.skus).toEqual([expect.objectContaining({ code: `${code}-1`, price: 4990, cost: 1200, attributes: { 颜色: '白色', 尺码: 'S' } })]);
  });

  test('a staff member without listings.products.edit cannot import', async () => {
    await owner.post('/api/roles', { id: 'csv-viewer', name: { 'zh-CN': '只看商品' }, permissions: ['listings.products.read'] });
    const viewer = await staffClient(ls.server, owner, 'kanhuo2', ['csv-viewer']);
    const form = new FormData();
    form.append('file', new Blob([FIXTURE], { type: 'text/csv' }), 'x.csv');
    expect((await viewer.post('/api/listings/importers/products-csv', form)).status).toBe(403);
    const res = await ls.fetch('/api/listings/products/export.csv', { headers: { cookie: viewer.cookie } });
    expect(res.status).toBe(200);
  });
});

describe('exporting products as CSV', () => {
  test('UTF-8 with BOM, one row per SKU, and importing the export changes nothing', async () => {
    const { text, tag } = variant();
    await runImport(owner, text);
    const noSkus = await createProduct(owner, { title: '还没有 SKU 的新款', itemCode: `${tag}09`, skus: [] });
    const { bytes, headers } = await exportCsv(`?q=${tag}`);
    expect(headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(headers.get('content-disposition')).toMatch(/attachment/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    expect(csv.split('\r\n')[0]).toBe(HEADER);
    // Long digit strings are kept as text for Excel; prices are written in 元.
    expect(csv).toMatch(/,"=""7\d+""",/);
    expect(csv).toContain(`,${tag}02-HEI-M,黑色,M,1299.00,310.07,`);
    expect(csv.split('\r\n').filter((line) => line.startsWith(`${tag}01,`))).toHaveLength(3);
    const before = await productByItemCode(`${tag}01`);
    const report = await runImport(owner, bytes);
    // Six SKU rows and the row of the product without SKUs.
    expect(report).toEqual({ created: 0, updated: 0, unchanged: 7, rejected: [] });
    expect(await productByItemCode(`${tag}01`)).toEqual(before);
    expect((await owner.get(`/api/listings/products/${noSkus.id}`)).body.version).toBe(noSkus.version);
  });

  test('codes Excel would run as formulas are defused like every other cell, and read back as written', async () => {
    const tag = unique('FX');
    const p = await createProduct(owner, { title: `公式 ${tag}`, itemCode: `-${tag}`, skus: [{ code: `@${tag}`, attributes: {}, price: 100, cost: 50, barcode: `+${tag}` }] });
    const csv = new TextDecoder().decode((await exportCsv(`?q=${tag}`)).bytes.slice(3));
    const row = csv.split('\r\n').find((line) => line.includes(tag))!;
    expect(row).toMatch(new RegExp(`^'-${tag},`));
    expect(row).toContain(`,'@${tag},`);
    expect(row).toContain(`,'+${tag},`);
    expect(await runImport(owner, csv)).toEqual({ created: 0, updated: 0, unchanged: 1, rejected: [] });
    expect((await owner.get(`/api/listings/products/${p.id}`)).body.version).toBe(p.version);
  });

  test('?encoding=gbk gives the same text in GBK, and that round-trips too', async () => {
    const { text, tag } = variant();
    await runImport(owner, text);
    const utf8 = new TextDecoder().decode((await exportCsv(`?q=${tag}`)).bytes.slice(3));
    const { bytes, headers } = await exportCsv(`?q=${tag}&encoding=gbk`);
    expect(headers.get('content-type')).toMatch(/charset=gbk/);
    expect(bytes[0]).not.toBe(0xef);
    expect(iconv.decode(Buffer.from(bytes), 'gbk')).toBe(utf8);
    expect(await runImport(owner, bytes)).toEqual({ created: 0, updated: 0, unchanged: 6, rejected: [] });
  });

  test('an export with its codes renamed and barcodes dropped recreates the same products', async () => {
    const { text, tag } = variant();
    await runImport(owner, text);
    const exported = new TextDecoder().decode((await exportCsv(`?q=${tag}`)).bytes.slice(3));
    const moved = unique('MV');
    const copy = exported.replaceAll(tag, moved).replace(/"=""7\d+"""/g, '');
    const report = await runImport(owner, copy);
    expect(report.rejected).toEqual([]);
    expect(report).toEqual({ created: 6, updated: 0, unchanged: 0, rejected: [] });
    const original = await productByItemCode(`${tag}02`);
    const recreated = await productByItemCode(`${moved}02`);
    expect(recreated).toMatchObject({ title: original.title, categoryId: original.categoryId, description: original.description, attributes: original.attributes });
    expect(recreated.skus.map((s: { price: number; cost: number; attributes: unknown }) => [s.price, s.cost, s.attributes])).toEqual(
      original.skus.map((s: { price: number; cost: number; attributes: unknown }) => [s.price, s.cost, s.attributes]),
    );
  });
});

test('a CSV row whose 商家编码 or category carries an invisible character is rejected, the clean rows are imported', async () => {
  const code = unique('YX');
  const csv = [
    HEADER,
    `${code},隐形字符,,,,,${code}-1\u200B,,,10,5,,,`,
    `${code},隐形字符,上\u200D衣,,,,${code}-2,,,10,5,,,`,
    `${code},隐形字符,,,,,${code}-3,,,10,5,,,`,
  ].join('\n');
  const report = await runImport(owner, csv);
  expect(report.rejected).toHaveLength(2);
  expect(report.rejected.map((r) => r.row)).toEqual([2, 3]);
  expect(report.rejected[0]!.reason).toContain('U+200B');
  expect(report.rejected[1]!.reason).toContain('U+200D');
  expect((await productByItemCode(code)).skus.map((s: { code: string }) => s.code)).toEqual([`${code}-3`]);
});

test('a product CSV under another system’s header names asks once which column is which, then imports by the saved answer', async () => {
  const { text, tag } = variant();
  const odd = text.replace(/^[^\n]*/, (header) => header.replace('货号', '款号').replace('商家编码', 'SKU编码'));
  const upload = async () => {
    const form = new FormData();
    form.append('file', new Blob([odd], { type: 'text/csv' }), '别家商品.csv');
    const started = await owner.post('/api/listings/importers/products-csv', form);
    expect(started.status, started.text).toBe(202);
    const stream = await owner.get(started.body.events, { accept: 'text/event-stream' });
    const last = stream.text.split(/\r?\n\r?\n/).filter((b) => b.trim()).at(-1)!.split(/\r?\n/);
    return { event: last.find((l) => l.startsWith('event:'))!.slice(6).trim(), data: JSON.parse(last.filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('\n')) };
  };
  const asked = await upload();
  expect(asked.event).toBe('failed');
  expect(asked.data.problem).toMatchObject({ kind: 'columns-unmapped', files: [{ file: '别家商品.csv', header: expect.arrayContaining(['款号', 'SKU编码']) }] });
  const [file] = asked.data.problem.files;
  expect(file.fields).toEqual([{ key: '货号', header: '货号', required: true }, { key: '商家编码', header: '商家编码', required: true }]);
  expect(await productByItemCode(`${tag}01`)).toBeUndefined();
  const saved = await owner.put(`/api/listings/importers/products-csv/mappings/${file.layout}`, { columns: { 货号: '款号', 商家编码: 'SKU编码' } });
  expect(saved.status, saved.text).toBe(200);
  const done = await upload();
  expect(done.event, JSON.stringify(done.data)).toBe('done');
  expect(done.data.result).toEqual({ created: 6, updated: 0, unchanged: 0, rejected: [] });
  expect((await productByItemCode(`${tag}01`))?.skus.length).toBeGreaterThan(0);
});
