import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, staffClient, startListings, unique, type Client, type ListingsServer } from './api.js';

let ls: ListingsServer;
let owner: Client;

beforeAll(async () => {
  ls = await startListings({ settings: { showcaseSlots: 3 }, inProcess: true });
  owner = ls.owner;
});
afterAll(() => ls?.server.dispose());

const sku = (code: string, extra: Record<string, unknown> = {}) => ({ code, attributes: { 颜色: '黑色', 尺码: 'L' }, price: 9900, cost: 3000, ...extra });

describe('creating products', () => {
  test('a product with SKUs is created in one go and read back as ProductDetail', async () => {
    const p = await createProduct(owner, { description: '<p>柔软亲肤</p>', shippingTemplate: ' 江浙沪包邮 ', images: [{ url: 'https://img.example/1.jpg', kind: 'main', width: 800 }] });
    expect(p).toMatchObject({ status: 'draft', version: 1, shippingTemplate: '江浙沪包邮', categoryId: null, showcaseSlot: null, attributes: { 面料: '纯棉' } });
    expect(p.skus).toHaveLength(2);
    expect(p.skus[0]).toMatchObject({ productId: p.id, price: 12900, cost: 4500, needsCompleting: false, attributes: { 颜色: '黑色', 尺码: 'M' } });
    const read = await owner.get(`/api/listings/products/${p.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(p);
  });

  test('a duplicate 商家编码 is 409 naming the code and the product that has it; nothing is created', async () => {
    const first = await createProduct(owner);
    const taken = first.skus[1]!.code;
    const itemCode = unique('DUP');
    const reply = await owner.post('/api/listings/products', { title: '另一件T恤', itemCode, skus: [sku(`${itemCode}-1`), sku(taken)] });
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toContain(taken);
    expect(reply.body.detail).toContain(first.itemCode);
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/skus/1/code' }));
    // The transaction rolled back: neither the product nor its first SKU exists.
    const found = await owner.get(`/api/listings/products?q=${itemCode}`);
    expect(found.body.total).toBe(0);
    expect((await owner.get(`/api/listings/skus?code=${itemCode}-1`)).body.total).toBe(0);
  });

  test('the same 商家编码 twice in one request is 400', async () => {
    const code = unique('TW');
    const reply = await owner.post('/api/listings/products', { title: '双份', itemCode: code, skus: [sku(`${code}-A`), sku(` ${code}-A `)] });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/skus/1/code' }));
  });

  test('a duplicate 货号 is 409 naming the product', async () => {
    const first = await createProduct(owner, { title: '条纹海魂衫' });
    const reply = await owner.post('/api/listings/products', { title: '别的', itemCode: first.itemCode });
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toContain('条纹海魂衫');
  });

  test('a duplicate barcode is 409 naming the SKU that has it', async () => {
    const code = unique('BC');
    const barcode = `69${Date.now()}`.slice(0, 13);
    await createProduct(owner, { itemCode: code, skus: [sku(`${code}-1`, { barcode })] });
    const other = unique('BD');
    const reply = await owner.post('/api/listings/products', { title: '条码撞了', itemCode: other, skus: [sku(`${other}-1`, { barcode })] });
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toContain(`${code}-1`);
  });

  test('prices and costs must be whole 分, zero or more', async () => {
    const code = unique('PR');
    for (const bad of [{ price: -1 }, { price: 12.5 }, { cost: '45' }]) {
      const reply = await owner.post('/api/listings/products', { title: '价格不对', itemCode: code, skus: [sku(`${code}-1`, bad)] });
      expect(reply.status).toBe(400);
      expect(reply.body.errors[0].path).toMatch(/^\/skus\/0\/(price|cost)$/);
    }
    const free = await owner.post('/api/listings/products', { title: '赠品袜子', itemCode: code, skus: [sku(`${code}-1`, { price: 0, cost: 0 })] });
    expect(free.status).toBe(201);
  });

  test('a title of only spaces and an unknown category are refused', async () => {
    const blank = await owner.post('/api/listings/products', { title: '   ', itemCode: unique('BL') });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toContainEqual(expect.objectContaining({ path: '/title' }));
    const noCategory = await owner.post('/api/listings/products', { title: '无分类', itemCode: unique('NC'), categoryId: 99999 });
    expect(noCategory.status).toBe(400);
    expect(noCategory.body.errors).toContainEqual(expect.objectContaining({ path: '/categoryId' }));
  });
});

describe('showcase slots', () => {
  test('a slot must be within the setting and not taken by another product', async () => {
    const holder = await createProduct(owner, { title: '镇店之宝羽绒服', showcaseSlot: 2 });
    expect(holder.showcaseSlot).toBe(2);
    const beyond = await owner.post('/api/listings/products', { title: '超出', itemCode: unique('SC'), showcaseSlot: 4 });
    expect(beyond.status).toBe(400);
    expect(beyond.body.detail).toContain('3');
    const other = await createProduct(owner);
    const taken = await owner.patch(`/api/listings/products/${other.id}`, { showcaseSlot: 2, version: other.version });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toContain('镇店之宝羽绒服');
    // Keeping one's own slot is fine.
    const same = await owner.patch(`/api/listings/products/${holder.id}`, { showcaseSlot: 2, title: '镇店之宝羽绒服 加厚', version: holder.version });
    expect(same.status).toBe(200);
  });
});

describe('changing products', () => {
  test('a patch with the version read changes the fields and bumps the version; a stale one is 409', async () => {
    const p = await createProduct(owner);
    const changed = await owner.patch(`/api/listings/products/${p.id}`, { title: '纯棉圆领短袖T恤 加大码', attributes: { 面料: '精梳棉', 风格: '休闲' }, version: p.version });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ title: '纯棉圆领短袖T恤 加大码', attributes: { 面料: '精梳棉', 风格: '休闲' }, version: p.version + 1 });
    expect(changed.body.skus).toHaveLength(2);
    expect(Date.parse(changed.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(p.updatedAt));
    const stale = await owner.patch(`/api/listings/products/${p.id}`, { title: '旧版本的修改', version: p.version });
    expect(stale.status).toBe(409);
    expect((await owner.get(`/api/listings/products/${p.id}`)).body.title).toBe('纯棉圆领短袖T恤 加大码');
  });

  test('status and workflow fields cannot be changed here', async () => {
    const p = await createProduct(owner);
    for (const field of [{ status: 'listed' }, { listedAt: '2026-11-23T10:00:00.000+08:00' }, { reviewedBy: 1 }]) {
      const reply = await owner.patch(`/api/listings/products/${p.id}`, { ...field, version: p.version });
      expect(reply.status).toBe(400);
    }
    expect((await owner.get(`/api/listings/products/${p.id}`)).body).toMatchObject({ status: 'draft', version: p.version });
  });

  test('changing the 货号 to one another product has is 409; an unknown product is 404', async () => {
    const a = await createProduct(owner);
    const b = await createProduct(owner);
    expect((await owner.patch(`/api/listings/products/${b.id}`, { itemCode: a.itemCode, version: b.version })).status).toBe(409);
    expect((await owner.patch('/api/listings/products/999999', { title: '无', version: 1 })).status).toBe(404);
    expect((await owner.get('/api/listings/products/999999')).status).toBe(404);
  });
});

describe('SKUs', () => {
  test('add, change and delete a SKU', async () => {
    const p = await createProduct(owner);
    const added = await owner.post(`/api/listings/products/${p.id}/skus`, sku(`${p.itemCode}-GR-L`, { barcode: ' 6900000000017 ', weightGrams: 210 }));
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ productId: p.id, barcode: '6900000000017', weightGrams: 210, lowStockThreshold: null });
    const changed = await owner.patch(`/api/listings/skus/${added.body.id}`, { price: 10900, lowStockThreshold: 5, version: added.body.version });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ price: 10900, cost: 3000, lowStockThreshold: 5, version: added.body.version + 1 });
    expect((await owner.patch(`/api/listings/skus/${added.body.id}`, { price: 1, version: added.body.version })).status).toBe(409);
    expect((await owner.request('DELETE', `/api/listings/skus/${added.body.id}`)).status).toBe(204);
    expect((await owner.get(`/api/listings/products/${p.id}`)).body.skus).toHaveLength(2);
    expect((await owner.request('DELETE', `/api/listings/skus/${added.body.id}`)).status).toBe(404);
  });

  test('renaming a SKU to a code in use is 409 naming the code; a SKU cannot move to another product', async () => {
    const p = await createProduct(owner);
    const q = await createProduct(owner);
    const [first, second] = p.skus as [typeof p.skus[0], typeof p.skus[0]];
    const clash = await owner.patch(`/api/listings/skus/${second.id}`, { code: first.code, version: second.version });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toContain(first.code);
    const move = await owner.patch(`/api/listings/skus/${second.id}`, { productId: q.id, version: second.version });
    expect(move.status).toBe(409);
    expect((await owner.post('/api/listings/products/999999/skus', sku(unique('NOP')))).status).toBe(404);
  });

  test('GET /skus looks up by 商家编码, barcode, product and text', async () => {
    const code = unique('LK');
    const p = await createProduct(owner, { title: '法式碎花连衣裙', itemCode: code, skus: [sku(`${code}-S`, { barcode: `${code}BAR` }), sku(`${code}-M`)] });
    const byCode = await owner.get(`/api/listings/skus?code=${code}-M`);
    expect(byCode.body.items).toEqual([expect.objectContaining({ code: `${code}-M`, productId: p.id, productTitle: '法式碎花连衣裙', itemCode: code })]);
    const byBarcode = await owner.get(`/api/listings/skus?barcode=${code}BAR`);
    expect(byBarcode.body.items.map((s: { code: string }) => s.code)).toEqual([`${code}-S`]);
    const byProduct = await owner.get(`/api/listings/skus?productId=${p.id}&sort=-code`);
    expect(byProduct.body.items.map((s: { code: string }) => s.code)).toEqual([`${code}-S`, `${code}-M`]);
    const byText = await owner.get(`/api/listings/skus?q=${encodeURIComponent('碎花连衣')}`);
    expect(byText.body.total).toBe(2);
  });

  test('GET /skus?ids= answers just those SKUs (unknown ids left out), and refuses more than 100 or a malformed list', async () => {
    const p = await createProduct(owner);
    const q = await createProduct(owner);
    const [a, b] = p.skus as [typeof p.skus[0], typeof p.skus[0]];
    const c = q.skus[1]!;
    const reply = await owner.get(`/api/listings/skus?ids=${c.id},${a.id}, 999999 ,${a.id}`);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.total).toBe(2);
    expect(reply.body.items.map((s: { id: number }) => s.id)).toEqual([a.id, c.id]);
    expect(reply.body.items[0]).toMatchObject({ code: a.code, attributes: { 颜色: '黑色', 尺码: 'M' }, productId: p.id, itemCode: p.itemCode });
    // Combined with the other filters like any of them.
    const both = await owner.get(`/api/listings/skus?ids=${a.id},${b.id},${c.id}&productId=${q.id}`);
    expect(both.body.items.map((s: { id: number }) => s.id)).toEqual([c.id]);

    const hundred = Array.from({ length: 100 }, (_, i) => i + 1).join(',');
    expect((await owner.get(`/api/listings/skus?ids=${hundred}&pageSize=100`)).status).toBe(200);
    const tooMany = await owner.get(`/api/listings/skus?ids=${hundred},101`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.detail).toContain('100');
    expect(tooMany.body.errors).toContainEqual(expect.objectContaining({ path: '/ids' }));
    for (const bad of ['', 'abc', '1,,2', '0', '-3', '1;2']) {
      const refused = await owner.get(`/api/listings/skus?ids=${encodeURIComponent(bad)}`);
      expect(refused.status, `ids=${bad}`).toBe(400);
    }
  });
});

describe('quick open and permissions', () => {
  test('quick open finds products by title, 货号 and 商家编码 and opens the product editor', async () => {
    const code = unique('QO');
    const p = await createProduct(owner, { title: '小香风粗花呢外套', itemCode: code });
    for (const text of ['粗花呢', code, p.skus[0]!.code]) {
      const reply = await owner.get(`/api/workbench/search?q=${encodeURIComponent(text)}`);
      expect(reply.status).toBe(200);
      expect(reply.body.items).toContainEqual(expect.objectContaining({ plugin: 'listings', opens: 'product', id: p.id, title: '小香风粗花呢外套', detail: `货号 ${code}` }));
    }
  });

  test('a staff member without listings.products.edit may read but not change', async () => {
    const role = await owner.post('/api/roles', { id: 'catalog-viewer', name: { 'zh-CN': '只看商品' }, permissions: ['listings.products.read'] });
    expect(role.status, role.text).toBe(201);
    const viewer = await staffClient(ls.server, owner, 'kanhuo1', ['catalog-viewer']);
    const p = await createProduct(owner);
    expect((await viewer.get(`/api/listings/products/${p.id}`)).status).toBe(200);
    expect((await viewer.get('/api/listings/categories')).status).toBe(200);
    const attempts = [
      viewer.post('/api/listings/products', { title: '越权', itemCode: unique('NO') }),
      viewer.patch(`/api/listings/products/${p.id}`, { title: '越权', version: p.version }),
      viewer.post(`/api/listings/products/${p.id}/skus`, sku(unique('NO'))),
      viewer.patch(`/api/listings/skus/${p.skus[0]!.id}`, { price: 1, version: p.skus[0]!.version }),
      viewer.request('DELETE', `/api/listings/skus/${p.skus[0]!.id}`),
      viewer.post('/api/listings/categories', { name: '越权' }),
    ];
    for (const reply of await Promise.all(attempts)) {
      expect(reply.status).toBe(403);
      expect(reply.body.detail).toContain('listings.products.edit');
    }
    expect((await owner.get(`/api/listings/products/${p.id}`)).body.version).toBe(p.version);
  });
});

test('a 货号 or 商家编码 with a NUL or an invisible character is refused, saying why', async () => {
  const code = unique('ZW');
  const hidden = await owner.post('/api/listings/products', { title: '隐形字符', itemCode: `${code}\u200B`, skus: [sku(`${code}-1`)] });
  expect(hidden.status).toBe(400);
  expect(JSON.stringify(hidden.body.errors)).toContain('/itemCode');
  expect(JSON.stringify(hidden.body.errors)).toMatch(/看不见/);
  const nul = await owner.post('/api/listings/products', { title: '隐形字符', itemCode: code, skus: [sku(`${code}-1\u0000`)] });
  expect(nul.status).toBe(400);
  expect(JSON.stringify(nul.body.errors)).toContain('/skus/0/code');
  expect((await owner.get(`/api/listings/products?q=${code}`)).body.total).toBe(0);
});
