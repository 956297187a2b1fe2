import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formPath, skuChanges, toDraft, type DraftProblem, type ProductDetail } from '../ui/product-draft.js';
import { createProduct, startListings, unique, type Client, type ListingsServer } from './api.js';

// Saving an existing product with its SKUs (`PATCH /products/:id` with `skus`) is all or nothing.
let ls: ListingsServer;
let owner: Client;

beforeAll(async () => {
  ls = await startListings({ inProcess: true });
  owner = ls.owner;
});
afterAll(() => ls?.server.dispose());

const sku = (code: string, extra: Record<string, unknown> = {}) => ({ code, attributes: { 颜色: '灰色', 尺码: 'L' }, price: 13900, cost: 5000, ...extra });

/** The product as stored now, to compare before and after a refused save. */
const read = async (id: number) => {
  const reply = await owner.get(`/api/listings/products/${id}`);
  expect(reply.status).toBe(200);
  return reply.body as Awaited<ReturnType<typeof createProduct>>;
};

describe('a refused save changes nothing', () => {
  test('a new SKU whose 商家编码 another product has is 409 naming the code; the product change and the SKU change are not kept', async () => {
    const other = await createProduct(owner);
    const p = await createProduct(owner);
    const taken = other.skus[0]!.code;
    const [first] = p.skus;
    const reply = await owner.patch(`/api/listings/products/${p.id}`, {
      title: '纯棉圆领短袖T恤 改了标题',
      version: p.version,
      skus: { update: [{ id: first!.id, price: 9900, version: first!.version }], create: [sku(`${p.itemCode}-GR-L`), sku(taken)] },
    });
    expect(reply.status, reply.text).toBe(409);
    expect(reply.body.detail).toContain(taken);
    expect(reply.body.detail).toContain(other.itemCode);
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/skus/create/1/code' }));

    const after = await read(p.id);
    expect(after).toEqual(p);
    expect(after.skus).toHaveLength(2);
    expect(after.skus[0]).toMatchObject({ price: first!.price, version: first!.version });
    expect((await owner.get(`/api/listings/skus?code=${p.itemCode}-GR-L`)).body.total).toBe(0);
  });

  test('a stale SKU version inside the save is 409 naming that SKU; nothing is changed', async () => {
    const p = await createProduct(owner);
    const [first, second] = p.skus as [(typeof p.skus)[0], (typeof p.skus)[0]];
    // Someone else changes the second SKU after the editor read it.
    const elsewhere = await owner.patch(`/api/listings/skus/${second.id}`, { lowStockThreshold: 3, version: second.version });
    expect(elsewhere.status).toBe(200);
    const before = await read(p.id);

    const reply = await owner.patch(`/api/listings/products/${p.id}`, {
      description: '<p>新的描述</p>',
      version: p.version,
      skus: {
        update: [
          { id: first.id, price: 10900, version: first.version },
          { id: second.id, price: 10900, version: second.version },
        ],
        create: [sku(`${p.itemCode}-NEW`)],
        remove: [],
      },
    });
    expect(reply.status, reply.text).toBe(409);
    expect(reply.body.detail).toContain(second.code);
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/skus/update/1/version' }));
    expect(await read(p.id)).toEqual(before);
  });

  test('a stale product version is 409 before any SKU is touched', async () => {
    const p = await createProduct(owner);
    await owner.patch(`/api/listings/products/${p.id}`, { title: '别人改的标题', version: p.version });
    const before = await read(p.id);
    const reply = await owner.patch(`/api/listings/products/${p.id}`, { version: p.version, skus: { remove: [p.skus[0]!.id], create: [sku(`${p.itemCode}-X`)] } });
    expect(reply.status).toBe(409);
    expect(await read(p.id)).toEqual(before);
  });

  test('ids that are not this product’s SKUs, or named twice, and codes repeated among new SKUs are refused at their entry', async () => {
    const p = await createProduct(owner);
    const q = await createProduct(owner);
    const [a, b] = p.skus as [(typeof p.skus)[0], (typeof p.skus)[0]];
    const cases: [unknown, number, string][] = [
      [{ update: [{ id: q.skus[0]!.id, price: 1, version: q.skus[0]!.version }] }, 400, '/skus/update/0/id'],
      [{ remove: [b.id, q.skus[1]!.id] }, 400, '/skus/remove/1'],
      [{ update: [{ id: a.id, price: 1, version: a.version }], remove: [999999] }, 404, '/skus/remove/0'],
      [{ update: [{ id: a.id, price: 1, version: a.version }], remove: [a.id] }, 400, '/skus/remove/0'],
      [{ create: [sku(`${p.itemCode}-D`), sku(` ${p.itemCode}-D `)] }, 400, '/skus/create/1/code'],
      [{ update: [{ id: a.id, code: '   ', version: a.version }] }, 400, '/skus/update/0/code'],
      [{ update: [{ id: a.id, code: b.code, version: a.version }] }, 409, '/skus/update/0/code'],
      [{ update: [{ id: a.id, productId: q.id, version: a.version }] }, 400, '/skus/update/0/productId'],
    ];
    for (const [skus, status, path] of cases) {
      const reply = await owner.patch(`/api/listings/products/${p.id}`, { title: '不该保存的标题', version: p.version, skus });
      expect(reply.status, JSON.stringify(skus)).toBe(status);
      expect(reply.body.errors, JSON.stringify(skus)).toContainEqual(expect.objectContaining({ path }));
    }
    expect(await read(p.id)).toEqual(p);
    expect((await read(q.id)).skus).toEqual(q.skus);
  });
});

describe('a good save', () => {
  test('applies the product change, the SKU change, the new SKU and the deletion at once, and bumps the versions', async () => {
    const p = await createProduct(owner);
    const [first, second] = p.skus as [(typeof p.skus)[0], (typeof p.skus)[0]];
    const reply = await owner.patch(`/api/listings/products/${p.id}`, {
      title: '纯棉圆领短袖T恤 两色',
      version: p.version,
      skus: {
        update: [{ id: first.id, price: 11900, barcode: ` ${unique('69')} `, version: first.version }],
        create: [sku(`${p.itemCode}-GR-L`, { weightGrams: 200 })],
        remove: [second.id],
      },
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ id: p.id, title: '纯棉圆领短袖T恤 两色', version: p.version + 1 });
    expect(reply.body.skus.map((s: { code: string }) => s.code)).toEqual([first.code, `${p.itemCode}-GR-L`]);
    expect(reply.body.skus[0]).toMatchObject({ id: first.id, price: 11900, cost: first.cost, version: first.version + 1 });
    expect(reply.body.skus[0].barcode).toMatch(/^69\S+$/);
    expect(reply.body.skus[1]).toMatchObject({ productId: p.id, price: 13900, weightGrams: 200, version: 1 });
    expect(await read(p.id)).toEqual(reply.body);
    expect((await owner.get(`/api/listings/skus?code=${second.code}`)).body.total).toBe(0);
  });

  test('a code freed by a deleted or renamed SKU can go to another SKU of the same save', async () => {
    const p = await createProduct(owner);
    const [first, second] = p.skus as [(typeof p.skus)[0], (typeof p.skus)[0]];
    const reply = await owner.patch(`/api/listings/products/${p.id}`, {
      version: p.version,
      skus: { remove: [first.id], update: [{ id: second.id, code: first.code, version: second.version }], create: [sku(second.code)] },
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.skus.map((s: { id: number; code: string }) => [s.id, s.code])).toEqual([
      [second.id, first.code],
      [expect.any(Number), second.code],
    ]);
  });

  test('a save of SKUs only still moves the product version, and the product fields alone still work', async () => {
    const p = await createProduct(owner);
    const only = await owner.patch(`/api/listings/products/${p.id}`, { version: p.version, skus: { create: [sku(`${p.itemCode}-XL`)] } });
    expect(only.status, only.text).toBe(200);
    expect(only.body).toMatchObject({ title: p.title, version: p.version + 1 });
    expect(only.body.skus).toHaveLength(3);
    const plain = await owner.patch(`/api/listings/products/${p.id}`, { title: '只改标题', version: only.body.version });
    expect(plain.status).toBe(200);
    expect(plain.body.skus).toEqual(only.body.skus);
  });

  test('the single-SKU route names the field of a stale version', async () => {
    const p = await createProduct(owner);
    const s = p.skus[0]!;
    expect((await owner.patch(`/api/listings/skus/${s.id}`, { price: 1, version: s.version })).status).toBe(200);
    const stale = await owner.patch(`/api/listings/skus/${s.id}`, { price: 2, version: s.version });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain(s.code);
    expect(stale.body.errors).toContainEqual(expect.objectContaining({ path: '/version' }));
  });
});

describe('the editor’s side of a save', () => {
  test('only changed rows are sent, and a refusal at an entry marks the form row behind it', async () => {
    const p = (await createProduct(owner)) as unknown as ProductDetail;
    const draft = toDraft(p);
    const [first, second] = draft.skus as [(typeof draft.skus)[0], (typeof draft.skus)[0]];
    // Row 0: a new SKU typed above; row 1: unchanged; row 2: a changed price. The first SKU is deleted.
    const rows = [{ ...first, id: undefined, version: undefined, code: `${p.itemCode}-NEW` }, second, { ...second, id: first.id, version: first.version, code: first.code, price: '99' }];
    const problems: DraftProblem[] = [];
    const save = skuChanges([rows[0]!, rows[2]!], p.skus, problems);
    expect(problems).toEqual([]);
    expect(save.changes.create.map((c) => c.code)).toEqual([`${p.itemCode}-NEW`]);
    expect(save.changes.update).toEqual([expect.objectContaining({ id: first.id, version: first.version, price: 9900 })]);
    expect(save.changes.remove).toEqual([second.id!]);
    expect(formPath('/skus/update/0/price', save.rows)).toBe('/skus/1/price');
    expect(formPath('/skus/create/0/code', save.rows)).toBe('/skus/0/code');
    expect(formPath('/title', save.rows)).toBe('/title');
    // What the editor sends is accepted as it is.
    const reply = await owner.patch(`/api/listings/products/${p.id}`, { version: p.version, skus: save.changes });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.skus.map((s: { code: string; price: number }) => [s.code, s.price])).toEqual([[first.code, 9900], [`${p.itemCode}-NEW`, 12900]]);
  });
});
