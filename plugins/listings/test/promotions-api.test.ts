import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, staffClient, startListings, submitAndApprove, type Client, type ListingsServer } from './api.js';

let ls: ListingsServer;
let owner: Client;
let reviewer: Client;
let pricer: Client;

const API = '/api/listings';
const hour = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const window = () => ({ startsAt: iso(-hour), endsAt: iso(24 * hour) });

async function role(id: string, permissions: string[]) {
  const reply = await owner.post('/api/roles', { id, name: { 'zh-CN': id, en: id }, permissions });
  expect(reply.status, reply.text).toBe(201);
}

const list = (productId: number) => submitAndApprove(owner, reviewer, { id: productId });

beforeAll(async () => {
  ls = await startListings({ inProcess: true });
  owner = ls.owner;
  await role('reviewer', ['listings.products.review', 'listings.products.read']);
  await role('pricer', ['listings.price']);
  reviewer = await staffClient(ls.server, owner, 'shenhe1', ['reviewer']);
  pricer = await staffClient(ls.server, owner, 'kefu1', ['pricer']);
});
afterAll(() => ls?.server.dispose());

describe('creating promotions', () => {
  test('each kind is created with its own rule and read back', async () => {
    const product = await createProduct(owner);
    const other = await createProduct(owner);
    const rules = [
      { kind: 'full-reduction', rule: { kind: 'full-reduction', tiers: [{ threshold: 29900, amount: 4000 }, { threshold: 19900, amount: 2000 }] } },
      { kind: 'full-gift', rule: { kind: 'full-gift', threshold: 30000, giftSkuId: other.skus[0]!.id, qty: 1 } },
      { kind: 'percent', rule: { kind: 'percent', percent: 88.8 }, scope: { productIds: [product.id] } },
      { kind: 'member', rule: { kind: 'member', levels: { V1: 98, V2: 95 } } },
      { kind: 'bundle', rule: { kind: 'bundle', skuIds: [product.skus[0]!.id, other.skus[1]!.id], price: 22000 } },
    ];
    for (const r of rules) {
      const reply = await owner.post(`${API}/promotions`, { name: `测试 ${r.kind}`, ...r, ...window() });
      expect(reply.status, reply.text).toBe(201);
      expect(reply.body).toMatchObject({ kind: r.kind, status: 'active', version: 1, suspendedReason: null });
      expect(reply.body.startsAt).toMatch(/\+08:00$/);
      const read = await owner.get(`${API}/promotions/${reply.body.id}`);
      expect(read.body.rule.kind).toBe(r.kind);
    }
    const reductions = await owner.get(`${API}/promotions?kind=full-reduction`);
    expect(reductions.status, reductions.text).toBe(200);
    const tiers = reductions.body.items[0].rule.tiers;
    expect(tiers.map((t: { threshold: number }) => t.threshold)).toEqual([19900, 29900]);
    const list = await owner.get(`${API}/promotions?kind=percent&status=active`);
    expect(list.status).toBe(200);
    expect(list.body.items.every((p: { kind: string }) => p.kind === 'percent')).toBe(true);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
  });

  test('a rule that does not fit its kind is refused at /rule', async () => {
    const reply = await owner.post(`${API}/promotions`, { name: '错的', kind: 'percent', rule: { kind: 'percent', percent: 120 }, ...window() });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/rule/percent' }));
    const mixed = await owner.post(`${API}/promotions`, { name: '错的', kind: 'percent', rule: { kind: 'full-reduction', tiers: [{ threshold: 100, amount: 10 }] }, ...window() });
    expect(mixed.status).toBe(400);
  });

  test('a bundle holds at most 5 items, and never two SKUs of one product', async () => {
    const products = await Promise.all(Array.from({ length: 6 }, () => createProduct(owner)));
    const six = products.map((p) => p.skus[0]!.id);
    const tooMany = await owner.post(`${API}/promotions`, { name: '大套餐', kind: 'bundle', rule: { kind: 'bundle', skuIds: six, price: 10000 }, ...window() });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toContainEqual(expect.objectContaining({ path: '/rule/skuIds' }));
    expect(tooMany.body.detail).toContain('最多放 5 件');
    const colours = await owner.post(`${API}/promotions`, {
      name: '黑白同款',
      kind: 'bundle',
      rule: { kind: 'bundle', skuIds: [products[0]!.skus[0]!.id, products[0]!.skus[1]!.id], price: 20000 },
      ...window(),
    });
    expect(colours.status).toBe(400);
    expect(colours.body.errors).toContainEqual(expect.objectContaining({ path: '/rule/skuIds/1' }));
    expect(colours.body.detail).toContain('同款');
  });

  test('unknown gifts, unknown products and a window ending before it starts are refused', async () => {
    const gift = await owner.post(`${API}/promotions`, { name: '送', kind: 'full-gift', rule: { kind: 'full-gift', threshold: 10000, giftSkuId: 999999, qty: 1 }, ...window() });
    expect(gift.status).toBe(400);
    expect(gift.body.errors).toContainEqual(expect.objectContaining({ path: '/rule/giftSkuId' }));
    const scope = await owner.post(`${API}/promotions`, { name: '折', kind: 'percent', rule: { kind: 'percent', percent: 90 }, scope: { productIds: [999999] }, ...window() });
    expect(scope.body.errors).toContainEqual(expect.objectContaining({ path: '/scope/productIds/0' }));
    const backwards = await owner.post(`${API}/promotions`, { name: '折', kind: 'percent', rule: { kind: 'percent', percent: 90 }, startsAt: iso(hour), endsAt: iso(-hour) });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toContainEqual(expect.objectContaining({ path: '/endsAt' }));
  });

  test('only people allowed to manage promotions may create them', async () => {
    const reply = await pricer.post(`${API}/promotions`, { name: '折', kind: 'percent', rule: { kind: 'percent', percent: 90 }, ...window() });
    expect(reply.status).toBe(403);
    expect((await pricer.get(`${API}/stacking-policy`)).status).toBe(200);
  });
});

describe('changing and ending promotions', () => {
  test('a stale version is 409; suspend, resume and end', async () => {
    const created = (await owner.post(`${API}/promotions`, { name: '店庆 9 折', kind: 'percent', rule: { kind: 'percent', percent: 90 }, ...window() })).body;
    const renamed = await owner.patch(`${API}/promotions/${created.id}`, { version: created.version, name: '店庆 85 折', rule: { kind: 'percent', percent: 85 } });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ name: '店庆 85 折', rule: { percent: 85 }, version: 2 });
    expect((await owner.patch(`${API}/promotions/${created.id}`, { version: 1, name: '旧版本' })).status).toBe(409);
    const wrongRule = await owner.patch(`${API}/promotions/${created.id}`, { version: 2, rule: { kind: 'percent', percent: 0 } });
    expect(wrongRule.status).toBe(400);
    expect(wrongRule.body.errors).toContainEqual(expect.objectContaining({ path: '/rule/percent' }));
    const suspended = await owner.patch(`${API}/promotions/${created.id}`, { version: 2, status: 'suspended', suspendedReason: '等新图' });
    expect(suspended.body).toMatchObject({ status: 'suspended', suspendedReason: '等新图' });
    const resumed = await owner.patch(`${API}/promotions/${created.id}`, { version: suspended.body.version, status: 'active' });
    expect(resumed.body).toMatchObject({ status: 'active', suspendedReason: null });
    const ended = await owner.post(`${API}/promotions/${created.id}/end`, { version: resumed.body.version });
    expect(ended.body.status).toBe('ended');
    expect((await owner.post(`${API}/promotions/${created.id}/end`, { version: ended.body.version })).status).toBe(409);
    expect((await owner.patch(`${API}/promotions/${created.id}`, { version: ended.body.version, name: '复活' })).status).toBe(409);
  });
});

describe('when a product is delisted', () => {
  test('every active promotion naming it or bundling one of its SKUs is suspended, in the same transaction', async () => {
    const product = await list((await createProduct(owner)).id);
    const partner = await createProduct(owner);
    const skus = (await owner.get(`${API}/products/${product.id}`)).body.skus as { id: number }[];
    const named = (await owner.post(`${API}/promotions`, { name: '单品 9 折', kind: 'percent', rule: { kind: 'percent', percent: 90 }, scope: { productIds: [product.id] }, ...window() })).body;
    const bundle = (await owner.post(`${API}/promotions`, { name: '搭配', kind: 'bundle', rule: { kind: 'bundle', skuIds: [skus[1]!.id, partner.skus[0]!.id], price: 20000 }, ...window() })).body;
    const shopWide = (await owner.post(`${API}/promotions`, { name: '全店满减', kind: 'full-reduction', rule: { kind: 'full-reduction', tiers: [{ threshold: 30000, amount: 3000 }] }, ...window() })).body;
    const current = (await owner.get(`${API}/products/${product.id}`)).body;
    const delisted = await owner.post(`${API}/products/${product.id}/delist`, { version: current.version, reason: '滞销' });
    expect(delisted.status, delisted.text).toBe(200);
    for (const p of [named, bundle]) {
      const read = (await owner.get(`${API}/promotions/${p.id}`)).body;
      expect(read).toMatchObject({ status: 'suspended', suspendedReason: '商品已下架', version: p.version + 1 });
    }
    expect((await owner.get(`${API}/promotions/${shopWide.id}`)).body.status).toBe('active');
  });
});
