import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, startListings, type Client, type ListingsServer } from './api.js';

interface Category {
  id: number;
  name: string;
  parentId: number | null;
  sortOrder: number;
  version: number;
}

let ls: ListingsServer;
let owner: Client;

beforeAll(async () => {
  ls = await startListings({ inProcess: true });
  owner = ls.owner;
});
afterAll(() => ls?.server.dispose());

async function create(name: string, parentId?: number): Promise<Category> {
  const reply = await owner.post('/api/listings/categories', parentId === undefined ? { name } : { name, parentId });
  expect(reply.status, reply.text).toBe(201);
  return reply.body as Category;
}

async function list(): Promise<Category[]> {
  const reply = await owner.get('/api/listings/categories');
  expect(reply.status).toBe(200);
  return reply.body.items as Category[];
}

describe('categories', () => {
  test('are listed parents first, each followed by its children, in their sort order', async () => {
    const tops = await create('上衣');
    const bottoms = await create('裤装');
    const tees = await create('T恤', tops.id);
    const shirts = await create('衬衫', tops.id);
    expect([tops.sortOrder, bottoms.sortOrder]).toEqual([1, 2]);
    expect([tees.sortOrder, shirts.sortOrder]).toEqual([1, 2]);
    const names = (await list()).map((c) => c.name);
    expect(names).toEqual(['上衣', 'T恤', '衬衫', '裤装']);
  });

  test('a child of a child is refused', async () => {
    const parent = await create('外套');
    const child = await create('风衣', parent.id);
    const reply = await owner.post('/api/listings/categories', { name: '长款风衣', parentId: child.id });
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toContain('两级');
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/parentId' }));
  });

  test('a sibling with the same name is refused, a namesake elsewhere is fine', async () => {
    const parent = await create('配饰');
    await create('帽子', parent.id);
    const clash = await owner.post('/api/listings/categories', { name: ' 帽子 ', parentId: parent.id });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toContain('帽子');
    const elsewhere = await owner.post('/api/listings/categories', { name: '帽子' });
    expect(elsewhere.status).toBe(201);
  });

  test('a name with a slash is refused, since the CSV writes 父类/子类', async () => {
    const reply = await owner.post('/api/listings/categories', { name: '春/夏' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/name' }));
  });

  test('rename and move under a parent; the old siblings close ranks', async () => {
    const a = await create('甲组');
    const b = await create('乙组');
    const c1 = await create('丙一', a.id);
    const c2 = await create('丙二', a.id);
    const moved = await owner.patch(`/api/listings/categories/${c1.id}`, { name: '丙壹', parentId: b.id, version: c1.version });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ name: '丙壹', parentId: b.id, sortOrder: 1 });
    expect(moved.body.version).toBeGreaterThan(c1.version);
    const after = await list();
    expect(after.find((c) => c.id === c2.id)?.sortOrder).toBe(1);
    const toTop = await owner.patch(`/api/listings/categories/${moved.body.id}`, { parentId: null, version: moved.body.version });
    expect(toTop.status).toBe(200);
    expect(toTop.body.parentId).toBeNull();
  });

  test('a parent with children cannot become a child', async () => {
    const a = await create('男装');
    await create('夹克', a.id);
    const b = await create('女装');
    const reply = await owner.patch(`/api/listings/categories/${a.id}`, { parentId: b.id, version: a.version });
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toContain('子分类');
  });

  test('a stale version is 409', async () => {
    const c = await create('童装');
    expect((await owner.patch(`/api/listings/categories/${c.id}`, { name: '儿童', version: c.version })).status).toBe(200);
    const stale = await owner.patch(`/api/listings/categories/${c.id}`, { name: '宝宝', version: c.version });
    expect(stale.status).toBe(409);
  });

  test('move up and down swap with the neighbour among siblings only', async () => {
    const parent = await create('鞋靴');
    const x = await create('运动鞋', parent.id);
    const y = await create('凉鞋', parent.id);
    const z = await create('靴子', parent.id);
    const up = await owner.post(`/api/listings/categories/${z.id}/move`, { direction: 'up' });
    expect(up.status, up.text).toBe(200);
    const children = (items: Category[]) => items.filter((c) => c.parentId === parent.id).map((c) => c.name);
    expect(children(up.body.items)).toEqual(['运动鞋', '靴子', '凉鞋']);
    const down = await owner.post(`/api/listings/categories/${x.id}/move`, { direction: 'down' });
    expect(children(down.body.items)).toEqual(['靴子', '运动鞋', '凉鞋']);
    // At the end nothing moves.
    const stay = await owner.post(`/api/listings/categories/${y.id}/move`, { direction: 'down' });
    expect(children(stay.body.items)).toEqual(['靴子', '运动鞋', '凉鞋']);
    const sorted = stay.body.items.filter((c: Category) => c.parentId === parent.id).map((c: Category) => c.sortOrder);
    expect(sorted).toEqual([1, 2, 3]);
  });

  test('moving a top-level category skips over the children of its neighbour', async () => {
    const before = (await list()).filter((c) => c.parentId === null).map((c) => c.name);
    const last = (await list()).filter((c) => c.parentId === null).at(-1)!;
    const reply = await owner.post(`/api/listings/categories/${last.id}/move`, { direction: 'up' });
    const after = reply.body.items.filter((c: Category) => c.parentId === null).map((c: Category) => c.name);
    expect(after).toEqual([...before.slice(0, -2), before.at(-1), before.at(-2)]);
  });

  test('delete: products become uncategorised; a category with children is 409', async () => {
    const parent = await create('内衣');
    const child = await create('袜子', parent.id);
    const product = await createProduct(owner, { categoryId: child.id });
    const refused = await owner.request('DELETE', `/api/listings/categories/${parent.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('子分类');
    const gone = await owner.request('DELETE', `/api/listings/categories/${child.id}`);
    expect(gone.status).toBe(204);
    const after = await owner.get(`/api/listings/products/${product.id}`);
    expect(after.body.categoryId).toBeNull();
    expect(after.body.version).toBeGreaterThan(product.version);
    const uncategorised = await owner.get('/api/listings/products?categoryId=none&pageSize=500');
    expect(uncategorised.body.items.map((p: { id: number }) => p.id)).toContain(product.id);
    expect((await list()).some((c) => c.id === child.id)).toBe(false);
    expect((await owner.request('DELETE', `/api/listings/categories/${parent.id}`)).status).toBe(204);
    expect((await owner.request('DELETE', `/api/listings/categories/${parent.id}`)).status).toBe(404);
  });
});

test('a category name with a NUL or an invisible character is refused, saying why', async () => {
  for (const name of ['上衣\u200B', '\uFEFF裤装', '裙\u0000装', '外\u202E套']) {
    const reply = await owner.post('/api/listings/categories', { name });
    expect(reply.status, JSON.stringify(name)).toBe(400);
    expect(JSON.stringify(reply.body.errors)).toContain('/name');
    expect(JSON.stringify(reply.body.errors)).toMatch(/看不见/);
  }
  expect((await list()).map((c) => c.name).some((n) => /[\u200B\uFEFF\u0000\u202E]/.test(n))).toBe(false);
});
