import { describe, expect, test } from 'vitest';
import { priceCart, type EngineSku } from '../server/promotions/engine.js';
import { DEFAULT_POLICY } from '../server/promotions/policy.js';
import type { CartLineInput, Coupon, CouponCode, PriceResult, Promotion, PromotionRule, StackingPolicy } from '../server/types.js';

const AT = '2026-11-23T19:30:00.000+08:00';
const BEFORE = '2026-11-01T00:00:00.000+08:00';
const AFTER = '2026-12-31T00:00:00.000+08:00';

// Product 1 (category 10, a child of 1): T恤 黑/白 129 元, cost 45 元. Product 2 (category 20): 短裤 99 元.
// Product 3 is not listed. SKU 9 is a gift (袜子).
const SKUS = new Map<number, EngineSku>([
  [1, { skuId: 1, productId: 1, categoryId: 10, parentCategoryId: 1, code: 'T-BK-M', title: 'T恤 黑色 M', price: 12900, cost: 4500 }],
  [2, { skuId: 2, productId: 1, categoryId: 10, parentCategoryId: 1, code: 'T-WH-M', title: 'T恤 白色 M', price: 12900, cost: 4500 }],
  [3, { skuId: 3, productId: 2, categoryId: 20, parentCategoryId: null, code: 'S-BL-L', title: '短裤 蓝色 L', price: 9900, cost: 3000 }],
  [4, { skuId: 4, productId: 3, categoryId: 20, parentCategoryId: null, code: 'H-01', title: '帽子', price: 5000, cost: 1000, listed: false }],
  [5, { skuId: 5, productId: 4, categoryId: null, code: 'P-01', title: '贴纸', price: 30, cost: 10 }],
  [9, { skuId: 9, productId: 9, categoryId: null, code: 'GIFT-SOCK', title: '袜子', price: 1500, cost: 600 }],
]);

let nextId = 1;
function promo(rule: PromotionRule, extra: Partial<Promotion> = {}): Promotion {
  const id = nextId++;
  return {
    id,
    name: `${rule.kind} #${id}`,
    kind: rule.kind,
    rule,
    scope: {},
    startsAt: BEFORE,
    endsAt: AFTER,
    status: 'active',
    suspendedReason: null,
    campaignId: null,
    version: 1,
    createdAt: BEFORE,
    updatedAt: BEFORE,
    ...extra,
  };
}

function coupon(extra: Partial<Coupon> = {}, code: Partial<CouponCode> = {}): { coupon: Coupon; code: CouponCode } {
  const c: Coupon = { id: 7, name: '店铺券 10 元', faceValue: 1000, threshold: 0, productIds: [], validFrom: BEFORE, validUntil: AFTER, version: 1, createdAt: BEFORE, ...extra };
  return { coupon: c, code: { code: 'QX7K2M9P', couponId: c.id, status: 'issued', issuedAt: BEFORE, expiresAt: AFTER, usedAt: null, orderRef: null, ...code } };
}

function price(
  lines: CartLineInput[],
  promotions: Promotion[] = [],
  options: { coupon?: { coupon: Coupon; code: CouponCode }; policy?: StackingPolicy; memberLevel?: string; shipping?: number } = {},
): PriceResult {
  return priceCart({
    cart: { lines, memberLevel: options.memberLevel, shipping: options.shipping, at: AT },
    skus: SKUS,
    promotions,
    ...(options.coupon ? { coupon: options.coupon } : {}),
    policy: options.policy ?? DEFAULT_POLICY,
    at: AT,
  });
}

const step = (r: PriceResult, id: number) => r.explanation.find((s) => s.promotionId === id)!;
const couponStep = (r: PriceResult) => r.explanation.find((s) => s.kind === 'coupon')!;
const line = (r: PriceResult, skuId: number) => r.lines.find((l) => l.skuId === skuId)!;

describe('no promotions', () => {
  test('the cart costs the sum of its lines plus shipping; SKUs given twice become one line', () => {
    const r = price([{ skuId: 1, qty: 1 }, { skuId: 3, qty: 2 }, { skuId: 1, qty: 1 }], [], { shipping: 800 });
    expect(r.lines.map((l) => [l.skuId, l.qty, l.subtotal])).toEqual([[1, 2, 25800], [3, 2, 19800]]);
    expect(r).toMatchObject({ goodsTotal: 45600, discountTotal: 0, shipping: 800, total: 46400, costTotal: 15000, belowCost: false, explanation: [] });
  });
});

describe('店内折扣 percent', () => {
  test('pays the percent per line, rounded half up to the 分', () => {
    const p = promo({ kind: 'percent', percent: 95 });
    const r = price([{ skuId: 5, qty: 1 }, { skuId: 1, qty: 1 }], [p]);
    // 30 × 95 % = 28.5 → 29 (half up); 12900 × 95 % = 12255.
    expect(line(r, 5).total).toBe(29);
    expect(line(r, 1).total).toBe(12255);
    expect(step(r, p.id)).toMatchObject({ outcome: 'applied', amount: 1 + 645 });
  });

  test('covers only the products or categories in scope, a parent category covering its children', () => {
    const byCategory = promo({ kind: 'percent', percent: 80 }, { scope: { categoryIds: [1] } });
    const r = price([{ skuId: 1, qty: 1 }, { skuId: 3, qty: 1 }], [byCategory]);
    expect(line(r, 1).total).toBe(10320);
    expect(line(r, 3).total).toBe(9900);
    const elsewhere = promo({ kind: 'percent', percent: 80 }, { scope: { productIds: [4] } });
    expect(step(price([{ skuId: 1, qty: 1 }], [elsewhere]), elsewhere.id)).toMatchObject({ outcome: 'not-eligible', reason: { 'zh-CN': '购物车里没有参加此促销的商品' } });
  });

  test('two on one line: the lower percent applies and the other is refused', () => {
    const p90 = promo({ kind: 'percent', percent: 90 });
    const p85 = promo({ kind: 'percent', percent: 85 }, { scope: { productIds: [1] } });
    const r = price([{ skuId: 1, qty: 1 }, { skuId: 3, qty: 1 }], [p90, p85]);
    expect(line(r, 1).total).toBe(10965);
    expect(line(r, 3).total).toBe(8910);
    expect(step(r, p85.id).outcome).toBe('applied');
    expect(step(r, p90.id)).toMatchObject({ outcome: 'applied', amount: 990 });
    const only = price([{ skuId: 1, qty: 1 }], [p90, p85]);
    expect(step(only, p90.id).outcome).toBe('refused');
    expect(step(only, p90.id).reason).toMatchObject({ 'zh-CN': expect.stringContaining(p85.name) });
  });
});

describe('会员折扣 member', () => {
  const member = promo({ kind: 'member', levels: { V1: 98, V2: 95 } });
  test('pays the percent of the buyer’s level', () => {
    expect(price([{ skuId: 1, qty: 2 }], [member], { memberLevel: 'V2' }).total).toBe(24510);
    expect(price([{ skuId: 1, qty: 2 }], [member], { memberLevel: 'V1' }).total).toBe(25284);
  });
  test('a buyer without a level, or with one it does not list, pays the price and is told why', () => {
    const none = price([{ skuId: 1, qty: 1 }], [member]);
    expect(none.total).toBe(12900);
    expect(step(none, member.id)).toMatchObject({ outcome: 'not-eligible', reason: { 'zh-CN': '买家不是会员，不能享受会员折扣' } });
    expect(step(price([{ skuId: 1, qty: 1 }], [member], { memberLevel: 'V9' }), member.id).reason).toMatchObject({ 'zh-CN': '会员等级 V9 不在此折扣范围内' });
  });
});

describe('满减 full-reduction', () => {
  const tiers = promo({ kind: 'full-reduction', tiers: [{ threshold: 19900, amount: 2000 }, { threshold: 29900, amount: 4000 }] });
  test('the highest tier reached applies, spread over the lines by amount', () => {
    const low = price([{ skuId: 1, qty: 1 }, { skuId: 3, qty: 1 }], [tiers]);
    expect(low.total).toBe(22800 - 2000);
    expect(line(low, 1).total + line(low, 3).total).toBe(20800);
    // 2000 × 12900 / 22800 = 1131.58 → 1131, the 分 left over going to the larger line.
    expect(line(low, 3).discounts[0]!.amount).toBe(868);
    expect(line(low, 1).discounts[0]!.amount).toBe(1132);
    expect(price([{ skuId: 1, qty: 3 }], [tiers]).total).toBe(38700 - 4000);
  });
  test('below the lowest tier it says how much is missing', () => {
    const r = price([{ skuId: 1, qty: 1 }], [tiers]);
    expect(r.total).toBe(12900);
    expect(step(r, tiers.id)).toMatchObject({ outcome: 'not-eligible', reason: { 'zh-CN': '未达到满 199 元（还差 70.00 元）' } });
  });
  test('counts the goods after the earlier discounts of the stacking order', () => {
    const p80 = promo({ kind: 'percent', percent: 80 });
    // 2 × 129 = 258 → 80 % = 206.40 → 满 199 减 20.
    expect(price([{ skuId: 1, qty: 2 }], [p80, tiers]).total).toBe(20640 - 2000);
    // With 满减 first it reaches 满 199 on 258 元, then the 80 % applies to what is left.
    const reductionFirst: StackingPolicy = { ...DEFAULT_POLICY, order: ['full-reduction', 'bundle', 'member', 'percent', 'full-gift', 'coupon'] };
    expect(price([{ skuId: 1, qty: 2 }], [p80, tiers], { policy: reductionFirst }).total).toBe(Math.round((25800 - 2000) * 0.8));
  });
  test('only one 满减 applies to a cart: the one saving most', () => {
    const small = promo({ kind: 'full-reduction', tiers: [{ threshold: 10000, amount: 1000 }] });
    const r = price([{ skuId: 1, qty: 2 }], [small, tiers]);
    expect(r.total).toBe(25800 - 2000);
    expect(step(r, small.id)).toMatchObject({ outcome: 'refused', reason: { 'zh-CN': expect.stringContaining('同类优惠只享受一个') } });
  });
});

describe('满就送 full-gift', () => {
  test('adds the gift at 0 and counts its cost', () => {
    const gift = promo({ kind: 'full-gift', threshold: 20000, giftSkuId: 9, qty: 2 });
    const r = price([{ skuId: 1, qty: 2 }], [gift]);
    expect(r.gifts).toEqual([{ skuId: 9, qty: 2, promotionId: gift.id }]);
    expect(r.total).toBe(25800);
    expect(r.costTotal).toBe(9000 + 1200);
    expect(step(r, gift.id)).toMatchObject({ outcome: 'applied', amount: 0, reason: { 'zh-CN': '满 200 元送 袜子 × 2' } });
    expect(price([{ skuId: 1, qty: 1 }], [gift]).gifts).toEqual([]);
  });
  test('a gift whose count is used up is explained, not given', () => {
    const out = promo({ kind: 'full-gift', threshold: 20000, giftSkuId: 9, qty: 2, giftCount: 10 }, { giftsGiven: 9, giftsLeft: 1 });
    const r = price([{ skuId: 1, qty: 2 }], [out]);
    expect(r.gifts).toEqual([]);
    expect(step(r, out.id)).toMatchObject({ outcome: 'not-eligible', reason: { 'zh-CN': '赠品已送完（袜子）' } });
  });
  test('a gift SKU that does not exist is explained, not given', () => {
    const broken = promo({ kind: 'full-gift', threshold: 100, giftSkuId: 999, qty: 1 });
    expect(step(price([{ skuId: 1, qty: 1 }], [broken]), broken.id).outcome).toBe('not-eligible');
  });
});

describe('套餐搭配 bundle', () => {
  const bundle = promo({ kind: 'bundle', skuIds: [1, 3], price: 20000 });
  test('each complete set costs the bundle price; the units outside the sets keep theirs', () => {
    const r = price([{ skuId: 1, qty: 2 }, { skuId: 3, qty: 1 }], [bundle]);
    expect(r.total).toBe(20000 + 12900);
    expect(step(r, bundle.id)).toMatchObject({ outcome: 'applied', amount: 2800, reason: { 'zh-CN': '1 套，每套 200.00 元' } });
    expect(price([{ skuId: 1, qty: 2 }, { skuId: 3, qty: 2 }], [bundle]).total).toBe(40000);
  });
  test('a bundle missing an item does not apply and names what is missing', () => {
    const r = price([{ skuId: 1, qty: 1 }], [bundle]);
    expect(step(r, bundle.id)).toMatchObject({ outcome: 'not-eligible', reason: { 'zh-CN': '套餐商品没有买齐（缺 S-BL-L）' } });
  });
});

describe('stacking policy', () => {
  test('member and percent do not combine by default: the cheaper one applies, the other is refused', () => {
    const member = promo({ kind: 'member', levels: { V1: 90 } });
    const percent = promo({ kind: 'percent', percent: 95 });
    const r = price([{ skuId: 1, qty: 1 }], [member, percent], { memberLevel: 'V1' });
    expect(r.total).toBe(11610);
    expect(step(r, percent.id)).toMatchObject({ outcome: 'refused', reason: { 'zh-CN': expect.stringContaining('不能与会员折扣同时使用') } });
  });
  test('of two kinds that cannot combine, the better one where they meet applies, whatever a later threshold would give', () => {
    const member = promo({ kind: 'member', levels: { V1: 95 } });
    const percent = promo({ kind: 'percent', percent: 90 });
    const reduction = promo({ kind: 'full-reduction', tiers: [{ threshold: 24000, amount: 3000 }] });
    // 2 × 129: at 90 % 232.20 (below 240, no 满减); at 95 % 245.10 − 30 = 215.10 would be less, but the 90 % is the price.
    const r = price([{ skuId: 1, qty: 2 }], [member, percent, reduction], { memberLevel: 'V1' });
    expect(r.total).toBe(23220);
    expect(step(r, member.id)).toMatchObject({ outcome: 'refused' });
    expect(step(r, reduction.id)).toMatchObject({ outcome: 'not-eligible', reason: { 'zh-CN': '未达到满 240 元（还差 7.80 元）' } });
  });
  test('kinds the policy lists as combinable apply together', () => {
    const member = promo({ kind: 'member', levels: { V1: 90 } });
    const percent = promo({ kind: 'percent', percent: 95 });
    const policy: StackingPolicy = { ...DEFAULT_POLICY, combinable: [...DEFAULT_POLICY.combinable, 'percent+member'] };
    expect(price([{ skuId: 1, qty: 1 }], [member, percent], { memberLevel: 'V1', policy }).total).toBe(Math.round(12900 * 0.9 * 0.95));
  });
  test('a line of a product that is not listed keeps its price, and the explanation says why', () => {
    const percent = promo({ kind: 'percent', percent: 50 });
    const r = price([{ skuId: 4, qty: 1 }, { skuId: 3, qty: 1 }], [percent]);
    expect(line(r, 4).total).toBe(5000);
    expect(line(r, 3).total).toBe(4950);
    expect(step(r, percent.id).reason).toMatchObject({ 'zh-CN': expect.stringContaining('H-01 未上架') });
    const onlyUnlisted = price([{ skuId: 4, qty: 1 }], [percent]);
    expect(step(onlyUnlisted, percent.id)).toMatchObject({ outcome: 'not-eligible', reason: { 'zh-CN': 'H-01 未上架，不参加促销' } });
  });
  test('suspended, ended and future promotions do not apply', () => {
    const suspended = promo({ kind: 'percent', percent: 50 }, { status: 'suspended', suspendedReason: '商品已下架' });
    const ended = promo({ kind: 'percent', percent: 50 }, { endsAt: AT });
    const future = promo({ kind: 'percent', percent: 50 }, { startsAt: AFTER, endsAt: '2027-01-31T00:00:00.000+08:00' });
    const r = price([{ skuId: 1, qty: 1 }], [suspended, ended, future]);
    expect(r.total).toBe(12900);
    expect(step(r, suspended.id).reason).toMatchObject({ 'zh-CN': '促销已暂停（商品已下架）' });
    expect(step(r, ended.id).reason).toMatchObject({ 'zh-CN': '促销已结束' });
    expect(step(r, future.id).reason).toMatchObject({ 'zh-CN': expect.stringContaining('促销尚未开始') });
  });
  test('belowCost is set when the goods sell for less than they cost', () => {
    const deep = promo({ kind: 'percent', percent: 30 });
    expect(price([{ skuId: 1, qty: 1 }], [deep]).belowCost).toBe(true);
    expect(price([{ skuId: 1, qty: 1 }], [promo({ kind: 'percent', percent: 40 })]).belowCost).toBe(false);
  });
});

describe('抵价券 coupon rules', () => {
  test('takes its face value off the goods, never off shipping', () => {
    const r = price([{ skuId: 1, qty: 1 }], [], { coupon: coupon(), shipping: 1000 });
    expect(r.total).toBe(12900 - 1000 + 1000);
    expect(couponStep(r)).toMatchObject({ outcome: 'applied', amount: 1000, couponCode: 'QX7K2M9P' });
  });
  test('gives no change: the rest of the face value is lost', () => {
    const r = price([{ skuId: 5, qty: 1 }], [], { coupon: coupon({ faceValue: 100 }), shipping: 600 });
    expect(r.total).toBe(600);
    expect(couponStep(r)).toMatchObject({ amount: 30, reason: { 'zh-CN': '优惠券不找零，抵扣 0.30 元，余下 0.70 元作废' } });
    const big = price([{ skuId: 3, qty: 1 }], [], { coupon: coupon({ faceValue: 12000 }) });
    expect(couponStep(big).reason).toMatchObject({ 'zh-CN': '优惠券不找零，抵扣 99.00 元，余下 21.00 元作废' });
  });
  test('only inside its validity', () => {
    const expired = price([{ skuId: 1, qty: 1 }], [], { coupon: coupon({ validUntil: AT }) });
    expect(expired.total).toBe(12900);
    expect(couponStep(expired)).toMatchObject({ outcome: 'not-eligible', reason: { 'zh-CN': '优惠券已过期' } });
    expect(couponStep(price([{ skuId: 1, qty: 1 }], [], { coupon: coupon({}, { expiresAt: BEFORE }) })).reason).toMatchObject({ 'zh-CN': '优惠券已过期' });
    expect(couponStep(price([{ skuId: 1, qty: 1 }], [], { coupon: coupon({}, { status: 'expired' }) })).outcome).toBe('not-eligible');
    const early = price([{ skuId: 1, qty: 1 }], [], { coupon: coupon({ validFrom: AFTER, validUntil: '2027-01-15T00:00:00.000+08:00' }) });
    expect(couponStep(early).reason).toMatchObject({ 'zh-CN': expect.stringContaining('还没到可用时间') });
  });
  test('used once: a used code is refused, a returned one works again', () => {
    const used = price([{ skuId: 1, qty: 1 }], [], { coupon: coupon({}, { status: 'used', orderRef: 'TB2026112301' }) });
    expect(used.total).toBe(12900);
    expect(couponStep(used).reason).toMatchObject({ 'zh-CN': expect.stringContaining('TB2026112301') });
    expect(price([{ skuId: 1, qty: 1 }], [], { coupon: coupon({}, { status: 'returned' }) }).total).toBe(11900);
  });
  test('only on its designated products, once their goods reach the threshold', () => {
    const forShorts = coupon({ productIds: [2], threshold: 15000 });
    const none = price([{ skuId: 1, qty: 2 }], [], { coupon: forShorts });
    expect(couponStep(none).reason).toMatchObject({ 'zh-CN': '购物车里没有此券指定的商品' });
    // 129 元 of T恤 do not count towards the 150 元 the shorts must reach.
    const short = price([{ skuId: 1, qty: 1 }, { skuId: 3, qty: 1 }], [], { coupon: forShorts });
    expect(couponStep(short)).toMatchObject({ outcome: 'not-eligible', reason: { 'zh-CN': '指定商品未满 150 元，不能用券（还差 51.00 元）' } });
    const enough = price([{ skuId: 1, qty: 1 }, { skuId: 3, qty: 2 }], [], { coupon: forShorts });
    expect(enough.total).toBe(12900 + 19800 - 1000);
    expect(line(enough, 1).discounts).toEqual([]);
  });
  test('does not combine with other discounts by default: the cheaper of the two is taken and explained', () => {
    const reduction = promo({ kind: 'full-reduction', tiers: [{ threshold: 20000, amount: 3000 }] });
    const r = price([{ skuId: 1, qty: 2 }], [reduction], { coupon: coupon() });
    expect(r.total).toBe(25800 - 3000);
    expect(couponStep(r)).toMatchObject({ outcome: 'refused', amount: 0, reason: { 'zh-CN': expect.stringContaining('抵价券不能与满减同时使用') } });
    const bigCoupon = price([{ skuId: 1, qty: 2 }], [reduction], { coupon: coupon({ faceValue: 5000 }) });
    expect(bigCoupon.total).toBe(25800 - 5000);
    expect(step(bigCoupon, reduction.id)).toMatchObject({ outcome: 'refused', reason: { 'zh-CN': expect.stringContaining('不能与抵价券同时使用') } });
  });
  test('combines when the policy lists the pair, after the discounts before it', () => {
    const reduction = promo({ kind: 'full-reduction', tiers: [{ threshold: 20000, amount: 3000 }] });
    const policy: StackingPolicy = { ...DEFAULT_POLICY, combinable: [...DEFAULT_POLICY.combinable, 'full-reduction+coupon'] };
    const r = price([{ skuId: 1, qty: 2 }], [reduction], { coupon: coupon(), policy });
    expect(r.total).toBe(25800 - 3000 - 1000);
    expect(r.explanation.filter((s) => s.outcome === 'applied').map((s) => s.kind)).toEqual(['full-reduction', 'coupon']);
  });
  test('on a tie the coupon stays unused, so the buyer keeps it', () => {
    const reduction = promo({ kind: 'full-reduction', tiers: [{ threshold: 10000, amount: 1000 }] });
    const r = price([{ skuId: 1, qty: 1 }], [reduction], { coupon: coupon() });
    expect(r.total).toBe(11900);
    expect(couponStep(r).outcome).toBe('refused');
  });
});
