// What the engine may choose and what it may not: a 店内折扣 is the item's price, never given up to
// reach a 满减 threshold; a running campaign price is a discount the explanation names, and under
// the default policy a coupon does not stack on it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, fromNow, passTime, reviewerClient, startListings, submitAndApprove, type Client, type ListingsServer } from './api.js';

let ls: ListingsServer;
let owner: Client;
let checker: Client;
let product: { id: number; skus: { id: number; code: string }[] };

const API = '/api/listings';
const hour = 3_600_000;
const iso = fromNow;
type Step = { kind: string; outcome: string; amount: number; reason: { 'zh-CN': string; en: string } };

async function promotion(body: Record<string, unknown>) {
  const created = await owner.post(`${API}/promotions`, { startsAt: iso(-hour), endsAt: iso(hour), ...body });
  expect(created.status, created.text).toBe(201);
  return created.body as { id: number; version: number };
}
const end = (p: { id: number; version: number }) => owner.post(`${API}/promotions/${p.id}/end`, { version: p.version });

beforeAll(async () => {
  ls = await startListings({ inProcess: true, clock: 'still' });
  owner = ls.owner;
  checker = await reviewerClient(ls.server, owner, ['listings.campaigns.run', 'listings.price']);
  product = await createProduct(owner);
  await submitAndApprove(owner, checker, product);
});
afterAll(async () => {
  await ls?.server.dispose();
});

describe('a 店内折扣 is the item’s price', () => {
  test('it is never dropped to reach a 满减 threshold; 满减 counts the goods after it', async () => {
    const sale = await promotion({ name: '全店 95 折', kind: 'percent', rule: { kind: 'percent', percent: 95 } });
    const reduction = await promotion({ name: '满 250 减 40', kind: 'full-reduction', rule: { kind: 'full-reduction', tiers: [{ threshold: 25000, amount: 4000 }] } });
    // 2 × 129 = 258 元 → 95 折 245.10 元: below 250, so no 满减 — even though 258 − 40 = 218 would be less.
    const reply = await owner.post(`${API}/price`, { lines: [{ skuId: product.skus[0]!.id, qty: 2 }] });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.total).toBe(24510);
    const steps = reply.body.explanation as Step[];
    expect(steps.find((s) => s.kind === 'percent')).toMatchObject({ outcome: 'applied', amount: 1290 });
    expect(steps.find((s) => s.kind === 'full-reduction')).toMatchObject({ outcome: 'not-eligible', reason: { 'zh-CN': expect.stringContaining('还差 4.90 元') } });
    // Three pieces reach it after the discount: 367.65 − 40.
    expect((await owner.post(`${API}/price`, { lines: [{ skuId: product.skus[0]!.id, qty: 3 }] })).body.total).toBe(36765 - 4000);
    await end(sale);
    await end(reduction);
  });
});

describe('a running campaign price', () => {
  test('is a discount in the explanation, and a coupon does not stack on it: the cheaper of the two', async () => {
    const startsAt = iso(2_500);
    const created = await owner.post(`${API}/campaigns`, { name: '双十二', startsAt, endsAt: iso(hour), productIds: [product.id] });
    expect(created.status, created.text).toBe(201);
    const priced = await owner.put(`${API}/campaigns/${created.body.id}/prices`, { version: created.body.version, prices: product.skus.map((s) => ({ skuId: s.id, price: 9900 })) });
    const checked = await checker.post(`${API}/campaigns/${created.body.id}/prices/confirm-all`, { version: priced.body.version });
    expect(checked.body.status, checked.text).toBe('checked');
    const scheduled = await owner.post(`${API}/campaigns/${created.body.id}/schedule`, { version: checked.body.version });
    expect(scheduled.status, scheduled.text).toBe(200);
    const couponDesign = await owner.post(`${API}/coupons`, { name: '店铺券 40 元', faceValue: 4000 });
    const codes = (await owner.post(`${API}/coupons/${couponDesign.body.id}/issue`, { count: 1 })).body.codes as { code: string }[];
    await passTime(ls, startsAt);
    expect((await owner.post(`${API}/campaigns/run-schedule`)).body.started).toContain(created.body.id);

    const cart = { lines: [{ skuId: product.skus[0]!.id, qty: 1 }] };
    const during = (await owner.post(`${API}/price`, cart)).body;
    expect(during).toMatchObject({ goodsTotal: 12900, discountTotal: 3000, total: 9900 });
    expect(during.lines[0]).toMatchObject({ unitPrice: 12900, subtotal: 12900, total: 9900, discounts: [expect.objectContaining({ kind: 'campaign', amount: 3000, name: '双十二' })] });
    expect(during.explanation).toEqual([
      expect.objectContaining({ kind: 'campaign', outcome: 'applied', amount: 3000, reason: expect.objectContaining({ 'zh-CN': '活动价 99.00，原价 129.00' }) }),
    ]);

    // The campaign saves 30 元, the coupon 40 元: the coupon on the everyday price wins, the campaign price is refused.
    const withCoupon = (await owner.post(`${API}/price`, { ...cart, couponCode: codes[0]!.code })).body;
    expect(withCoupon.total).toBe(12900 - 4000);
    const steps = withCoupon.explanation as Step[];
    expect(steps.find((s) => s.kind === 'campaign')).toMatchObject({ outcome: 'refused', amount: 0, reason: { 'zh-CN': expect.stringContaining('不能与抵价券同时使用') } });
    expect(steps.find((s) => s.kind === 'coupon')).toMatchObject({ outcome: 'applied', amount: 4000 });
    // Two pieces: the campaign saves 60 元, more than the coupon's 40 — the coupon is refused and stays unused.
    const two = (await owner.post(`${API}/price`, { lines: [{ skuId: product.skus[0]!.id, qty: 2 }], couponCode: codes[0]!.code })).body;
    expect(two.total).toBe(19800);
    expect((two.explanation as Step[]).find((s) => s.kind === 'coupon')).toMatchObject({ outcome: 'refused', reason: { 'zh-CN': expect.stringContaining('活动价') } });

    const current = (await owner.get(`${API}/campaigns/${created.body.id}`)).body;
    expect((await owner.post(`${API}/campaigns/${created.body.id}/end`, { version: current.version })).status).toBe(200);
  });
});
