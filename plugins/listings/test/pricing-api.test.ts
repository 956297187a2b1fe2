import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, fromNow, passTime, staffClient, startListings, submitAndApprove, type Client, type ListingsServer } from './api.js';
import { CHECKOUT, closeOrder, enterOrder } from './fulfillment.js';

// With the real fulfillment plugin, whose `fulfillment.order.closed` returns a coupon, and a
// checkout stand-in (fixtures/checkout-stub) that redeems one through the `pricing` service: the
// two ways other plugins reach this area.

let ls: ListingsServer;
let owner: Client;
let reviewer: Client;
let pricer: Client;
let operator: Client;
let listed: { id: number; skus: { id: number; code: string }[] };
let unlisted: { id: number; skus: { id: number }[] };

const API = '/api/listings';
const hour = 3_600_000;
const iso = fromNow;


async function coupon(body: Record<string, unknown>) {
  const created = await owner.post(`${API}/coupons`, { name: '新客券', faceValue: 1000, ...body });
  expect(created.status, created.text).toBe(201);
  const issued = await owner.post(`${API}/coupons/${created.body.id}/issue`, { count: 2 });
  expect(issued.status, issued.text).toBe(200);
  return { coupon: created.body, codes: (issued.body.codes as { code: string }[]).map((c) => c.code) };
}

beforeAll(async () => {
  ls = await startListings({ folders: [CHECKOUT], enabled: ['listings', 'fulfillment', 'checkout-stub'], inProcess: true, clock: 'still' });
  owner = ls.owner;
  await owner.post('/api/roles', { id: 'reviewer', name: '审核', permissions: ['listings.products.review'] });
  await owner.post('/api/roles', { id: 'pricer', name: '客服', permissions: ['listings.price'] });
  await owner.post('/api/roles', { id: 'operator', name: '运营', permissions: ['listings.campaigns.run'] });
  reviewer = await staffClient(ls.server, owner, 'shenhe2', ['reviewer']);
  operator = await staffClient(ls.server, owner, 'yunying2', ['operator']);
  pricer = await staffClient(ls.server, owner, 'kefu2', ['pricer']);
  listed = await createProduct(owner);
  unlisted = await createProduct(owner, { skus: [{ code: `${Date.now()}-HAT`, price: 5000, cost: 1000 }] });
  await submitAndApprove(owner, reviewer, listed);
});
afterAll(async () => {
  await ls?.server.dispose();
});

describe('campaign prices', () => {
  // First in the file, so no promotion or coupon of the later tests disturbs the campaign's checks.
  test('while a campaign runs its price is what the buyer pays, shown as a discount on the everyday price', async () => {
    const startsAt = iso(3_000);
    const created = await owner.post(`${API}/campaigns`, { name: '限时秒杀', startsAt, endsAt: iso(hour), productIds: [listed.id] });
    expect(created.status, created.text).toBe(201);
    const priced = await owner.put(`${API}/campaigns/${created.body.id}/prices`, { version: created.body.version, prices: listed.skus.map((s) => ({ skuId: s.id, price: 9900 })) });
    expect(priced.status, priced.text).toBe(200);
    const checked = await operator.post(`${API}/campaigns/${created.body.id}/prices/confirm-all`, { version: priced.body.version });
    expect(checked.body.status, checked.text).toBe('checked');
    const scheduled = await owner.post(`${API}/campaigns/${created.body.id}/schedule`, { version: checked.body.version });
    expect(scheduled.status, scheduled.text).toBe(200);
    const cart = { lines: [{ skuId: listed.skus[0]!.id, qty: 2 }] };
    expect((await pricer.post(`${API}/price`, cart)).body.total).toBe(25800);
    await passTime(ls, startsAt);
    const started = await owner.post(`${API}/campaigns/run-schedule`);
    expect(started.body.started, started.text).toContain(created.body.id);
    const during = (await pricer.post(`${API}/price`, cart)).body;
    expect(during.lines[0]).toMatchObject({ unitPrice: 12900, subtotal: 25800, total: 19800 });
    // Priced at a moment before the campaign, the everyday price applies again.
    expect((await pricer.post(`${API}/price`, { ...cart, at: iso(-hour) })).body.total).toBe(25800);
    const current = (await owner.get(`${API}/campaigns/${created.body.id}`)).body;
    expect((await owner.post(`${API}/campaigns/${created.body.id}/end`, { version: current.version })).status).toBe(200);
    expect((await pricer.post(`${API}/price`, cart)).body.total).toBe(25800);
  });
});

describe('POST /price', () => {
  test('prices listed goods under the live promotions; an unlisted product keeps its price and is named', async () => {
    const sale = (await owner.post(`${API}/promotions`, { name: '全店 8 折', kind: 'percent', rule: { kind: 'percent', percent: 80 }, startsAt: iso(-hour), endsAt: iso(hour) })).body;
    const reply = await pricer.post(`${API}/price`, { lines: [{ skuId: listed.skus[0]!.id, qty: 2 }, { skuId: unlisted.skus[0]!.id, qty: 1 }], shipping: 1000 });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ goodsTotal: 25800 + 5000, discountTotal: 5160, shipping: 1000, total: 20640 + 5000 + 1000, belowCost: false });
    expect(reply.body.lines[1]).toMatchObject({ total: 5000, discounts: [] });
    expect(reply.body.explanation).toEqual([expect.objectContaining({ promotionId: sale.id, outcome: 'applied', amount: 5160, reason: expect.objectContaining({ 'zh-CN': expect.stringContaining('未上架') }) })]);
    // Ended, it no longer applies.
    await owner.post(`${API}/promotions/${sale.id}/end`, { version: sale.version });
    expect((await pricer.post(`${API}/price`, { lines: [{ skuId: listed.skus[0]!.id, qty: 2 }] })).body.total).toBe(25800);
  });

  test('an unknown SKU is a 400 naming its line', async () => {
    const reply = await pricer.post(`${API}/price`, { lines: [{ skuId: listed.skus[0]!.id, qty: 1 }, { skuId: 987654, qty: 1 }] });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([expect.objectContaining({ path: '/lines/1/skuId' })]);
  });

  test('needs the listings.price permission; the stacking policy is the settings’ default', async () => {
    expect((await reviewer.post(`${API}/price`, { lines: [{ skuId: listed.skus[0]!.id, qty: 1 }] })).status).toBe(403);
    const policy = await pricer.get(`${API}/stacking-policy`);
    expect(policy.body.order).toEqual(['bundle', 'member', 'percent', 'full-reduction', 'full-gift', 'coupon']);
    expect(policy.body.combinable).toContain('member+full-reduction');
    expect(policy.body.combinable.some((p: string) => p.includes('coupon'))).toBe(false);
  });

  test('a mistyped coupon code does not fail the price; the explanation says so', async () => {
    const reply = await pricer.post(`${API}/price`, { lines: [{ skuId: listed.skus[0]!.id, qty: 1 }], couponCode: 'NOSUCHCODE' });
    expect(reply.status).toBe(200);
    expect(reply.body.total).toBe(12900);
    expect(reply.body.explanation).toEqual([expect.objectContaining({ kind: 'coupon', outcome: 'not-eligible', reason: expect.objectContaining({ 'zh-CN': '没有找到这张优惠券，请核对券码' }) })]);
  });
});

describe('coupons', () => {
  test('a coupon is valid 15 days by default; its codes price, redeem once, one per order, and come back when the order closes', async () => {
    const { coupon: design, codes } = await coupon({ productIds: [listed.id] });
    expect(Date.parse(design.validUntil) - Date.parse(design.validFrom)).toBe(15 * 24 * hour);
    const [first, second] = codes as [string, string];
    expect((await pricer.get(`${API}/coupon-codes/${first.toLowerCase()}`)).body).toMatchObject({ code: first, status: 'issued', coupon: { id: design.id } });
    const cart = { lines: [{ skuId: listed.skus[0]!.id, qty: 1 }], couponCode: first, shipping: 800 };
    const priced = (await pricer.post(`${API}/price`, cart)).body;
    expect(priced.total).toBe(12900 - 1000 + 800);

    expect((await owner.post(`${API}/coupon-codes/${first}/redeem`, { orderRef: 'TB1001' })).body).toMatchObject({ status: 'used', orderRef: 'TB1001' });
    expect((await owner.post(`${API}/coupon-codes/${first}/redeem`, { orderRef: 'TB1002' })).status).toBe(409);
    const secondForSameOrder = await owner.post(`${API}/coupon-codes/${second}/redeem`, { orderRef: 'TB1001' });
    expect(secondForSameOrder.status).toBe(409);
    expect(secondForSameOrder.body.detail).toContain('每个订单只能用一张券');
    const usedPrice = (await pricer.post(`${API}/price`, cart)).body;
    expect(usedPrice.total).toBe(12900 + 800);
    expect(usedPrice.explanation[0].reason['zh-CN']).toContain('TB1001');

    expect((await owner.post(`${API}/coupon-orders/TB1001/close`)).body).toEqual({ returned: [first] });
    expect((await pricer.get(`${API}/coupon-codes/${first}`)).body).toMatchObject({ status: 'returned', orderRef: null });
    expect((await owner.post(`${API}/coupon-orders/TB1001/close`)).body).toEqual({ returned: [] });
    expect((await pricer.post(`${API}/price`, cart)).body.total).toBe(12900 - 1000 + 800);
  });

  test('a coupon whose validity ran out stays used when its order closes', async () => {
    const validUntil = iso(2_500);
    const { codes } = await coupon({ validFrom: iso(-hour), validUntil });
    expect((await owner.post(`${API}/coupon-codes/${codes[0]}/redeem`, { orderRef: 'TB2001' })).status).toBe(200);
    await passTime(ls, validUntil);
    expect((await owner.post(`${API}/coupon-orders/TB2001/close`)).body).toEqual({ returned: [] });
    expect((await pricer.get(`${API}/coupon-codes/${codes[0]}`)).body.status).toBe('used');
    expect((await pricer.get(`${API}/coupon-codes/${codes[1]}`)).body.status).toBe('expired');
    expect((await owner.post(`${API}/coupon-codes/${codes[1]}/redeem`, { orderRef: 'TB2002' })).status).toBe(409);
  });

  test('the face value must stay below the threshold, and unknown codes are 404', async () => {
    const reply = await owner.post(`${API}/coupons`, { name: '满 50 减 50', faceValue: 5000, threshold: 5000 });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/faceValue' }));
    expect((await pricer.get(`${API}/coupon-codes/NOSUCHCODE`)).status).toBe(404);
    expect((await owner.post(`${API}/coupon-codes/NOSUCHCODE/redeem`, { orderRef: 'TB3' })).status).toBe(404);
  });

  test('does not combine with a promotion by default: the cheaper one is taken', async () => {
    const { codes } = await coupon({});
    const reduction = (await owner.post(`${API}/promotions`, { name: '满 200 减 30', kind: 'full-reduction', rule: { kind: 'full-reduction', tiers: [{ threshold: 20000, amount: 3000 }] }, startsAt: iso(-hour), endsAt: iso(hour) })).body;
    const reply = (await pricer.post(`${API}/price`, { lines: [{ skuId: listed.skus[0]!.id, qty: 2 }], couponCode: codes[0] })).body;
    expect(reply.total).toBe(25800 - 3000);
    expect(reply.explanation.find((s: { kind: string }) => s.kind === 'coupon')).toMatchObject({ outcome: 'refused', reason: { 'zh-CN': expect.stringContaining('不能与满减同时使用') } });
    await owner.post(`${API}/promotions/${reduction.id}/end`, { version: reduction.version });
  });
});

describe('other plugins', () => {
  test('the pricing service prices and redeems; fulfillment.order.closed gives the coupon back', async () => {
    const { codes } = await coupon({});
    const order = await enterOrder(owner, [listed.skus[1]!.code]);
    const cart = { lines: [{ skuId: listed.skus[1]!.id, qty: 1 }], couponCode: codes[0] };
    const checkout = await owner.post('/api/checkout-stub/checkout', { cart, orderRef: order.orderNo });
    expect(checkout.status, checkout.text).toBe(200);
    expect(checkout.body.total).toBe(11900);
    expect((await pricer.get(`${API}/coupon-codes/${codes[0]}`)).body).toMatchObject({ status: 'used', orderRef: order.orderNo });
    const other = await enterOrder(owner, [listed.skus[1]!.code]);
    expect((await owner.post('/api/checkout-stub/checkout', { cart, orderRef: other.orderNo })).status).toBe(409);
    // Closing another order leaves the coupon alone; closing its own order gives it back.
    await closeOrder(owner, other);
    expect((await pricer.get(`${API}/coupon-codes/${codes[0]}`)).body.status).toBe('used');
    await closeOrder(owner, order);
    expect((await pricer.get(`${API}/coupon-codes/${codes[0]}`)).body).toMatchObject({ status: 'returned', orderRef: null });
  });
});
