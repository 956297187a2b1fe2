import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { priceCart, type EngineSku, type PriceCartInput } from '../server/promotions/engine.js';
import { ALL_KINDS, DEFAULT_POLICY } from '../server/promotions/policy.js';
import type { CouponCode, Promotion, PromotionKind, PromotionRule, StackingPolicy } from '../server/types.js';
import { priceCart as referencePriceCart } from './fixtures/pricing-reference/engine.js';

// The engine was made faster; the answers must not move by one 分 or one word. Every cart here is
// priced by the engine and by the engine as it was before (kept in fixtures/pricing-reference),
// and the two results must be equal: totals, every line's discounts, gifts, the explanation.

const AT = '2026-11-23T19:30:00.000+08:00';
const hours = (h: number) => new Date(Date.parse(AT) + h * 3_600_000).toISOString();
const SKU_IDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const skuArb = (skuId: number) =>
  fc
    .record({
      productId: fc.integer({ min: 1, max: 8 }),
      categoryId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
      // Categories 1–4 sit under 5 or 6 now and then, so a promotion on a parent covers them.
      parent: fc.option(fc.constantFrom(5, 6), { nil: undefined, freq: 2 }),
      price: fc.oneof(fc.constantFrom(0, 9900, 12900), fc.integer({ min: 0, max: 60_000 })),
      costShare: fc.integer({ min: 0, max: 120 }),
      listed: fc.integer({ min: 0, max: 5 }).map((n) => n !== 0),
      campaign: fc.option(fc.record({ campaignId: fc.constantFrom(1, 2), share: fc.integer({ min: 30, max: 110 }) }), { nil: undefined, freq: 3 }),
    })
    .map(
      (s): EngineSku => ({
        skuId,
        productId: s.productId,
        categoryId: s.categoryId,
        code: `SKU-${String(13 - skuId).padStart(2, '0')}`,
        title: `商品 ${skuId}`,
        price: s.price,
        cost: Math.floor((s.price * s.costShare) / 100),
        listed: s.listed,
        ...(s.parent !== undefined && s.categoryId !== null ? { parentCategoryId: s.parent } : {}),
        ...(s.campaign ? { campaign: { campaignId: s.campaign.campaignId, name: `活动 ${s.campaign.campaignId}`, price: Math.floor((s.price * s.campaign.share) / 100) } } : {}),
      }),
    );

const skusArb = fc.tuple(...SKU_IDS.map(skuArb)).map((list) => new Map(list.map((s) => [s.skuId, s])));

const ruleArb: fc.Arbitrary<PromotionRule> = fc.oneof(
  fc
    .array(fc.record({ threshold: fc.integer({ min: 1, max: 100_000 }), amount: fc.integer({ min: 1, max: 30_000 }) }), { minLength: 1, maxLength: 3 })
    .map((tiers) => ({ kind: 'full-reduction' as const, tiers })),
  fc.record({ kind: fc.constant('full-gift' as const), threshold: fc.integer({ min: 1, max: 80_000 }), giftSkuId: fc.constantFrom(...SKU_IDS, 99), qty: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('percent' as const), percent: fc.integer({ min: 10, max: 999 }).map((t) => t / 10) }),
  fc.record({ kind: fc.constant('member' as const), levels: fc.dictionary(fc.constantFrom('V1', 'V2', 'V3'), fc.integer({ min: 50, max: 99 }), { minKeys: 1 }) }),
  fc.record({ kind: fc.constant('bundle' as const), skuIds: fc.uniqueArray(fc.constantFrom(...SKU_IDS, 99), { minLength: 2, maxLength: 4 }), price: fc.integer({ min: 0, max: 80_000 }) }),
);

const promotionsArb = fc.array(
  fc.record({
    rule: ruleArb,
    scope: fc.oneof(
      fc.constant({}),
      fc.record({ productIds: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { maxLength: 3 }) }),
      fc.record({ categoryIds: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }) }),
      fc.record({ productIds: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { maxLength: 2 }), categoryIds: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 2 }) }),
    ),
    status: fc.constantFrom('active', 'active', 'active', 'active', 'suspended', 'ended') as fc.Arbitrary<Promotion['status']>,
    window: fc.constantFrom([-24, 24], [-24, 24], [-24, 24], [-48, -1], [1, 48]),
    giftsLeft: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 3 }),
    // Now and then two promotions share an id-sorted position by name only, as copies do.
    name: fc.constantFrom('促销', '促销 A', 'Promo'),
  }),
  { maxLength: 30 },
);

const couponArb = fc.option(
  fc.record({
    faceValue: fc.integer({ min: 1, max: 40_000 }),
    threshold: fc.integer({ min: 0, max: 60_000 }),
    productIds: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 2 }),
    status: fc.constantFrom('issued', 'issued', 'returned', 'used', 'expired') as fc.Arbitrary<CouponCode['status']>,
    validUntil: fc.constantFrom(24, 24, -1),
  }),
  { nil: undefined },
);

const PAIRS = [...ALL_KINDS.flatMap((a, i) => ALL_KINDS.slice(i + 1).map((b) => `${a}+${b}`)), 'campaign+coupon'];
const policyArb: fc.Arbitrary<StackingPolicy> = fc.oneof(
  fc.constant(DEFAULT_POLICY),
  fc.record({
    // Sometimes a kind is missing from the order: it goes last.
    order: fc.shuffledSubarray([...ALL_KINDS], { minLength: 4, maxLength: 6 }) as fc.Arbitrary<PromotionKind[]>,
    combinable: fc.subarray(PAIRS),
  }),
);

// The same SKU may come twice: the engine merges it into one line.
const cartArb = fc.record({
  lines: fc.array(fc.record({ skuId: fc.constantFrom(...SKU_IDS), qty: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 12 }),
  memberLevel: fc.option(fc.constantFrom('V1', 'V2', 'V3', ''), { nil: undefined }),
  shipping: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined }),
});

const inputArb: fc.Arbitrary<PriceCartInput> = fc
  .record({ skus: skusArb, promotions: promotionsArb, coupon: couponArb, policy: policyArb, cart: cartArb, shuffle: fc.boolean() })
  .map(({ skus, promotions, coupon, policy, cart, shuffle }) => {
    const list = promotions.map(
      (p, i): Promotion => ({
        id: i + 1,
        name: `${p.name} ${i % 7}`,
        kind: p.rule.kind,
        rule: p.rule,
        scope: p.scope,
        startsAt: hours(p.window[0]!),
        endsAt: hours(p.window[1]!),
        status: p.status,
        suspendedReason: p.status === 'suspended' && i % 2 === 0 ? '库存不足' : null,
        campaignId: null,
        ...(p.giftsLeft !== undefined ? { giftsLeft: p.giftsLeft } : {}),
        version: 1,
        createdAt: AT,
        updatedAt: AT,
      }),
    );
    // The store answers promotions in id order; callers may not.
    if (shuffle) list.reverse();
    return {
      cart: { ...cart, at: AT },
      skus,
      promotions: list,
      ...(coupon
        ? {
            coupon: {
              coupon: { id: 1, name: '抵价券', faceValue: coupon.faceValue, threshold: coupon.threshold, productIds: coupon.productIds, validFrom: hours(-48), validUntil: hours(coupon.validUntil), version: 1, createdAt: AT },
              code: { code: 'Q1', couponId: 1, status: coupon.status, issuedAt: hours(-48), expiresAt: hours(48), usedAt: null, orderRef: null },
            },
          }
        : {}),
      policy,
      at: AT,
    };
  });

/** The benchmark's cart (bench/pricing.mjs): 50 lines under 200 promotions, 40 of each kind. */
function benchInput(lineCount: number, withCoupon: boolean): PriceCartInput {
  const skus = new Map<number, EngineSku>();
  for (let id = 1; id <= 60; id++) {
    skus.set(id, { skuId: id, productId: id, categoryId: (id % 10) + 1, code: `SKU-${id}`, title: `商品 ${id}`, price: 5_000 + ((id * 1_237) % 20_000), cost: 2_000 + ((id * 311) % 2_000) });
  }
  const rule = (i: number): PromotionRule => {
    switch (i % 5) {
      case 0:
        return { kind: 'percent', percent: 80 + (i % 19) };
      case 1:
        return { kind: 'member', levels: { V1: 98 - (i % 7), V2: 95 - (i % 9) } };
      case 2:
        return { kind: 'full-reduction', tiers: [{ threshold: 10_000 + i * 500, amount: 1_000 + i * 20 }, { threshold: 50_000 + i * 800, amount: 5_000 + i * 30 }] };
      case 3:
        return { kind: 'full-gift', threshold: 20_000 + i * 300, giftSkuId: 51 + (i % 10), qty: 1 };
      default:
        return { kind: 'bundle', skuIds: [...new Set([1 + (i % 50), 1 + ((i * 7 + 3) % 50)])], price: 9_000 + i * 10 };
    }
  };
  const promotions = Array.from({ length: 200 }, (_, k): Promotion => {
    const r = rule(k);
    const scope = k % 3 === 0 ? {} : k % 3 === 1 ? { categoryIds: [(k % 10) + 1] } : { productIds: [1 + (k % 50), 1 + ((k * 3) % 50)] };
    return { id: k + 1, name: `促销 ${k + 1}`, kind: r.kind, rule: r, scope, startsAt: '2026-11-01T00:00:00.000+08:00', endsAt: '2026-12-31T00:00:00.000+08:00', status: 'active', suspendedReason: null, campaignId: null, version: 1, createdAt: AT, updatedAt: AT };
  });
  const lines = Array.from({ length: lineCount }, (_, i) => ({ skuId: i + 1, qty: 1 + (i % 3) }));
  const policy: StackingPolicy = {
    order: ['bundle', 'member', 'percent', 'full-reduction', 'full-gift', 'coupon'],
    combinable: ['bundle+full-reduction', 'member+full-reduction', 'percent+full-reduction', 'bundle+full-gift', 'member+full-gift', 'percent+full-gift', 'full-reduction+full-gift'],
  };
  const input: PriceCartInput = { cart: { lines, memberLevel: 'V2', shipping: 800, at: AT }, skus, promotions, policy, at: AT };
  if (!withCoupon) return input;
  return {
    ...input,
    coupon: {
      coupon: { id: 1, name: '抵价券', faceValue: 2_000, threshold: 0, productIds: [], validFrom: '2026-11-01T00:00:00.000+08:00', validUntil: '2026-12-31T00:00:00.000+08:00', version: 1, createdAt: AT },
      code: { code: 'BENCH', couponId: 1, status: 'issued', issuedAt: AT, expiresAt: '2026-12-31T00:00:00.000+08:00', usedAt: null, orderRef: null },
    },
    policy: { ...policy, combinable: [...policy.combinable, 'coupon+full-reduction', 'coupon+percent'] },
  };
}

describe('the engine gives the same answers as before it was made faster', () => {
  test('random carts under random promotions, coupons and policies', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(priceCart(input)).toStrictEqual(referencePriceCart(input));
      }),
      { numRuns: 800 },
    );
  });

  test('the benchmark carts: 50 and 5 lines under 200 promotions, with and without a coupon', () => {
    for (const [lines, withCoupon] of [
      [50, false],
      [50, true],
      [5, false],
      [37, true],
    ] as const) {
      const input = benchInput(lines, withCoupon);
      const result = priceCart(input);
      expect(result.explanation).toHaveLength(200 + (withCoupon ? 1 : 0));
      expect(result).toStrictEqual(referencePriceCart(input));
    }
  });

  test('a cart priced twice with the same promotion objects gives the same answer both times', () => {
    const input = benchInput(50, true);
    const first = priceCart(input);
    expect(priceCart({ ...input, cart: { ...input.cart, memberLevel: 'V1' } })).toStrictEqual(referencePriceCart({ ...input, cart: { ...input.cart, memberLevel: 'V1' } }));
    expect(priceCart(input)).toStrictEqual(first);
  });
});
