// Promotions and coupons through the API: the rules of the README’s Promotions and coupons that the other files leave out —
// coupon codes and their validity, designated products, shipping, 满减 tiers, what delisting leaves
// alone, suspended promotions, and unlisted goods towards a threshold.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, DAY, reviewerClient, startListings, submitAndApprove, type Client, type ListingsServer } from './api.js';

let ls: ListingsServer;
let owner: Client;
let reviewer: Client;

const API = '/api/listings';
const hour = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const window = () => ({ startsAt: iso(-hour), endsAt: iso(DAY) });

type Product = Awaited<ReturnType<typeof createProduct>>;
const listedProduct = async (body: Record<string, unknown> = {}): Promise<Product> => {
  const p = await createProduct(owner, body);
  await submitAndApprove(owner, reviewer, p);
  return p;
};

async function coupon(body: Record<string, unknown>) {
  const reply = await owner.post(`${API}/coupons`, { name: '券', faceValue: 1000, ...body });
  expect(reply.status, reply.text).toBe(201);
  return reply.body as { id: number; validFrom: string; validUntil: string };
}
const issue = (id: number, count = 1) => owner.post(`${API}/coupons/${id}/issue`, { count });

async function promotion(body: Record<string, unknown>) {
  const reply = await owner.post(`${API}/promotions`, { ...window(), ...body });
  expect(reply.status, reply.text).toBe(201);
  return reply.body as { id: number; version: number };
}
const end = (p: { id: number; version: number }) => owner.post(`${API}/promotions/${p.id}/end`, { version: p.version });

async function price(cart: Record<string, unknown>) {
  const reply = await owner.post(`${API}/price`, cart);
  expect(reply.status, reply.text).toBe(200);
  return reply.body as { total: number; goodsTotal: number; discountTotal: number; shipping: number; explanation: { kind: string; promotionId?: number; outcome: string; reason: { 'zh-CN': string } }[] };
}

beforeAll(async () => {
  ls = await startListings({ inProcess: true });
  owner = ls.owner;
  reviewer = await reviewerClient(ls.server, owner);
});
afterAll(() => ls?.server.dispose());

describe('coupon codes', () => {
  test('are 10 characters without 0, O, 1 or I, all different', async () => {
    const c = await coupon({});
    const reply = await issue(c.id, 200);
    expect(reply.status, reply.text).toBe(200);
    const codes = (reply.body.codes as { code: string }[]).map((x) => x.code);
    expect(codes).toHaveLength(200);
    expect(new Set(codes).size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
  });

  test('issued early expire 15 days after the coupon starts; never after its end', async () => {
    const early = await coupon({ validFrom: iso(2 * DAY), validUntil: iso(40 * DAY) });
    const e = (await issue(early.id)).body.codes[0];
    expect(Date.parse(e.expiresAt) - Date.parse(early.validFrom)).toBe(15 * DAY);
    const short = await coupon({ validUntil: iso(3 * DAY) });
    const s = (await issue(short.id)).body.codes[0];
    expect(Date.parse(s.expiresAt)).toBe(Date.parse(short.validUntil));
  });

  test('a coupon past its validity issues no more codes (409)', async () => {
    const past = await coupon({ validFrom: iso(-3 * DAY), validUntil: iso(-DAY) });
    const reply = await issue(past.id);
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toMatch(/有效期/);
  });

  test('a code is not redeemed, nor priced, before its coupon starts', async () => {
    const product = await listedProduct();
    const future = await coupon({ validFrom: iso(DAY), validUntil: iso(5 * DAY) });
    const code = (await issue(future.id)).body.codes[0].code as string;
    const redeem = await owner.post(`${API}/coupon-codes/${code}/redeem`, { orderRef: 'TB-EARLY' });
    expect(redeem.status).toBe(409);
    const now = await price({ lines: [{ skuId: product.skus[0]!.id, qty: 1 }], couponCode: code });
    expect(now.total).toBe(12900);
    expect(now.explanation.find((s) => s.kind === 'coupon')?.outcome).toBe('not-eligible');
    // Priced at a moment inside its validity, it applies.
    expect((await price({ lines: [{ skuId: product.skus[0]!.id, qty: 1 }], couponCode: code, at: iso(2 * DAY) })).total).toBe(11900);
  });
});

describe('coupon rules in POST /price', () => {
  test('only on its designated products', async () => {
    const mine = await listedProduct();
    const other = await listedProduct();
    const c = await coupon({ productIds: [mine.id] });
    const code = (await issue(c.id)).body.codes[0].code as string;
    const elsewhere = await price({ lines: [{ skuId: other.skus[0]!.id, qty: 1 }], couponCode: code });
    expect(elsewhere.total).toBe(12900);
    expect(elsewhere.explanation.find((s) => s.kind === 'coupon')?.outcome).toBe('not-eligible');
    // In a mixed cart it comes off the designated goods only.
    const mixed = await price({ lines: [{ skuId: other.skus[0]!.id, qty: 1 }, { skuId: mine.skus[0]!.id, qty: 1 }], couponCode: code });
    expect(mixed.total).toBe(2 * 12900 - 1000);
  });

  test('a face value above the goods gives no change and never touches shipping', async () => {
    const product = await listedProduct({ skus: [{ code: `${Date.now()}-SOCK`, attributes: { 颜色: '白', 尺码: '均码' }, price: 1500, cost: 500 }] });
    const c = await coupon({ faceValue: 5000, productIds: [product.id] });
    const code = (await issue(c.id)).body.codes[0].code as string;
    const reply = await price({ lines: [{ skuId: product.skus[0]!.id, qty: 1 }], couponCode: code, shipping: 800 });
    expect(reply).toMatchObject({ goodsTotal: 1500, discountTotal: 1500, shipping: 800, total: 800 });
    expect(reply.explanation.find((s) => s.kind === 'coupon')?.reason['zh-CN']).toMatch(/不找零/);
  });
});

describe('满减 tiers', () => {
  test('a tier taking off its whole threshold, or a higher tier saving less, is refused at /rule', async () => {
    const whole = await owner.post(`${API}/promotions`, { name: '满 100 减 100', kind: 'full-reduction', rule: { kind: 'full-reduction', tiers: [{ threshold: 10000, amount: 10000 }] }, ...window() });
    expect(whole.status).toBe(400);
    expect(JSON.stringify(whole.body.errors)).toContain('/rule/tiers');
    const backwards = await owner.post(`${API}/promotions`, {
      name: '倒挂',
      kind: 'full-reduction',
      rule: { kind: 'full-reduction', tiers: [{ threshold: 10000, amount: 3000 }, { threshold: 20000, amount: 2000 }] },
      ...window(),
    });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body.errors)).toContain('/rule/tiers');
  });
});

describe('promotions and listing state', () => {
  test('delisting leaves category-wide promotions and other products’ promotions active', async () => {
    const cat = await owner.post(`${API}/categories`, { name: `外套${Date.now()}` });
    expect(cat.status, cat.text).toBe(201);
    const product = await listedProduct({ categoryId: cat.body.id });
    const other = await createProduct(owner);
    const byCategory = await promotion({ name: '外套九折', kind: 'percent', rule: { kind: 'percent', percent: 90 }, scope: { categoryIds: [cat.body.id] } });
    const otherOnly = await promotion({ name: '别的商品九折', kind: 'percent', rule: { kind: 'percent', percent: 90 }, scope: { productIds: [other.id] } });
    const current = (await owner.get(`${API}/products/${product.id}`)).body;
    expect((await owner.post(`${API}/products/${product.id}/delist`, { version: current.version })).status).toBe(200);
    expect((await owner.get(`${API}/promotions/${byCategory.id}`)).body.status).toBe('active');
    expect((await owner.get(`${API}/promotions/${otherOnly.id}`)).body.status).toBe('active');
    // The delisted product keeps its price under the category promotion.
    expect((await price({ lines: [{ skuId: product.skus[0]!.id, qty: 1 }] })).total).toBe(12900);
    await end((await owner.get(`${API}/promotions/${byCategory.id}`)).body);
    await end((await owner.get(`${API}/promotions/${otherOnly.id}`)).body);
  });

  test('a suspended promotion is explained, never applied', async () => {
    const product = await listedProduct();
    const p = await promotion({ name: '暂停的八折', kind: 'percent', rule: { kind: 'percent', percent: 80 }, scope: { productIds: [product.id] } });
    const suspended = await owner.patch(`${API}/promotions/${p.id}`, { version: p.version, status: 'suspended' });
    expect(suspended.body).toMatchObject({ status: 'suspended', suspendedReason: '手动暂停' });
    const reply = await price({ lines: [{ skuId: product.skus[0]!.id, qty: 1 }] });
    expect(reply.total).toBe(12900);
    expect(reply.explanation).toContainEqual(expect.objectContaining({ promotionId: p.id, outcome: 'not-eligible' }));
    await end(suspended.body);
  });

  test('an unlisted line does not count towards a 满减 threshold', async () => {
    const listed = await listedProduct();
    const draft = await createProduct(owner);
    const p = await promotion({ name: '满 200 减 30', kind: 'full-reduction', rule: { kind: 'full-reduction', tiers: [{ threshold: 20000, amount: 3000 }] } });
    const reply = await price({ lines: [{ skuId: listed.skus[0]!.id, qty: 1 }, { skuId: draft.skus[0]!.id, qty: 1 }] });
    expect(reply.total).toBe(2 * 12900);
    expect(reply.explanation.find((s) => s.promotionId === p.id)?.outcome).toBe('not-eligible');
    expect((await price({ lines: [{ skuId: listed.skus[0]!.id, qty: 2 }] })).total).toBe(2 * 12900 - 3000);
    await end(p);
  });

  test('the total is never negative: a coupon worth far more than a cheap cart', async () => {
    const product = await listedProduct({ skus: [{ code: `${Date.now()}-PIN`, attributes: { 颜色: '金', 尺码: '均码' }, price: 100, cost: 50 }] });
    const c = await coupon({ faceValue: 9999, productIds: [product.id] });
    const code = (await issue(c.id)).body.codes[0].code as string;
    const reply = await price({ lines: [{ skuId: product.skus[0]!.id, qty: 1 }], couponCode: code, shipping: 0 });
    expect(reply.total).toBe(0);
    expect(reply.discountTotal).toBe(100);
  });
});
