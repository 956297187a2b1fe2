import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { priceCart, type EngineSku, type PriceCartInput } from '../server/promotions/engine.js';
import { ALL_KINDS, combinableTest, DEFAULT_POLICY } from '../server/promotions/policy.js';
import type { Coupon, CouponCode, PriceResult, Promotion, PromotionKind, PromotionRule, StackingPolicy } from '../server/types.js';

const AT = '2026-11-23T19:30:00.000+08:00';
const hours = (h: number) => new Date(Date.parse(AT) + h * 3_600_000).toISOString();

const SKU_IDS = [1, 2, 3, 4, 5, 6, 7, 8];

const skuArb = (skuId: number) =>
  fc
    .record({
      productId: fc.integer({ min: 1, max: 5 }),
      categoryId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      // Prices repeat often, so equal lines (ties when spreading a discount) come up.
      price: fc.oneof(fc.constantFrom(0, 9900, 12900, 12900), fc.integer({ min: 0, max: 60_000 })),
      costShare: fc.integer({ min: 0, max: 120 }),
      // Mostly listed: about one SKU in seven belongs to a product that is not.
      listed: fc.integer({ min: 0, max: 6 }).map((n) => n !== 0),
      // About one SKU in four is in a running campaign, at a share of its price (sometimes above it).
      campaign: fc.option(fc.record({ campaignId: fc.constantFrom(1, 2), share: fc.integer({ min: 30, max: 110 }) }), { nil: undefined, freq: 3 }),
    })
    .map(
      (s): EngineSku => ({
        skuId,
        productId: s.productId,
        categoryId: s.categoryId,
        code: `SKU-${skuId}`,
        title: `商品 ${skuId}`,
        price: s.price,
        cost: Math.floor((s.price * s.costShare) / 100),
        listed: s.listed,
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
  fc.record({ kind: fc.constant('bundle' as const), skuIds: fc.uniqueArray(fc.constantFrom(...SKU_IDS), { minLength: 2, maxLength: 4 }), price: fc.integer({ min: 0, max: 80_000 }) }),
);

const promotionsArb = fc.array(
  fc.record({
    rule: ruleArb,
    scope: fc.oneof(
      fc.constant({}),
      fc.record({ productIds: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }) }),
      fc.record({ categoryIds: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }) }),
    ),
    status: fc.constantFrom('active', 'active', 'active', 'suspended', 'ended') as fc.Arbitrary<Promotion['status']>,
    window: fc.constantFrom([-24, 24], [-24, 24], [-48, -1], [1, 48]),
  }),
  { maxLength: 8 },
);

const couponArb = fc.option(
  fc.record({
    faceValue: fc.integer({ min: 1, max: 40_000 }),
    threshold: fc.integer({ min: 0, max: 60_000 }),
    productIds: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 2 }),
    status: fc.constantFrom('issued', 'issued', 'returned', 'used', 'expired') as fc.Arbitrary<CouponCode['status']>,
    validUntil: fc.constantFrom(24, 24, -1),
  }),
  { nil: undefined },
);

const PAIRS = [...ALL_KINDS.flatMap((a, i) => ALL_KINDS.slice(i + 1).map((b) => `${a}+${b}`)), 'campaign+coupon'];
const policyArb: fc.Arbitrary<StackingPolicy> = fc.record({
  order: fc.shuffledSubarray([...ALL_KINDS], { minLength: 6, maxLength: 6 }) as fc.Arbitrary<PromotionKind[]>,
  combinable: fc.subarray(PAIRS),
});

const cartArb = fc.record({
  lines: fc.uniqueArray(fc.record({ skuId: fc.constantFrom(...SKU_IDS), qty: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 6, selector: (l) => l.skuId }),
  memberLevel: fc.option(fc.constantFrom('V1', 'V2', 'V3'), { nil: undefined }),
  shipping: fc.integer({ min: 0, max: 3_000 }),
});

const inputArb: fc.Arbitrary<PriceCartInput> = fc.record({ skus: skusArb, promotions: promotionsArb, coupon: couponArb, policy: policyArb, cart: cartArb }).map(({ skus, promotions, coupon, policy, cart }) => {
  const list = promotions.map(
    (p, i): Promotion => ({
      id: i + 1,
      name: `促销 ${i + 1}`,
      kind: p.rule.kind,
      rule: p.rule,
      scope: p.scope,
      startsAt: hours(p.window[0]!),
      endsAt: hours(p.window[1]!),
      status: p.status,
      suspendedReason: null,
      campaignId: null,
      version: 1,
      createdAt: AT,
      updatedAt: AT,
    }),
  );
  const design: Coupon | undefined = coupon && {
    id: 1,
    name: '抵价券',
    faceValue: coupon.faceValue,
    threshold: coupon.threshold,
    productIds: coupon.productIds,
    validFrom: hours(-48),
    validUntil: hours(coupon.validUntil),
    version: 1,
    createdAt: AT,
  };
  return {
    cart: { ...cart, at: AT },
    skus,
    promotions: list,
    ...(coupon && design ? { coupon: { coupon: design, code: { code: 'Q1', couponId: 1, status: coupon.status, issuedAt: hours(-48), expiresAt: hours(48), usedAt: null, orderRef: null } } } : {}),
    policy,
    at: AT,
  };
});

const applied = (r: PriceResult) => r.explanation.filter((s) => s.outcome === 'applied');
const RUNS = { numRuns: 400 };

describe('pricing engine properties', () => {
  test('Σ applied amounts in the explanation = goodsTotal − (total − shipping), and = discountTotal', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = priceCart(input);
        const sum = applied(r).reduce((s, a) => s + a.amount, 0);
        expect(sum).toBe(r.goodsTotal - (r.total - r.shipping));
        expect(sum).toBe(r.discountTotal);
      }),
      RUNS,
    );
  });

  test('total = Σ line totals + shipping, and each line’s discounts add up to subtotal − total', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = priceCart(input);
        expect(r.total).toBe(r.lines.reduce((s, l) => s + l.total, 0) + r.shipping);
        for (const l of r.lines) expect(l.discounts.reduce((s, d) => s + d.amount, 0)).toBe(l.subtotal - l.total);
      }),
      RUNS,
    );
  });

  test('totals are never negative and a coupon never reduces shipping (total ≥ shipping)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = priceCart(input);
        expect(r.total).toBeGreaterThanOrEqual(r.shipping);
        expect(r.discountTotal).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(r.goodsTotal + r.shipping);
        for (const l of r.lines) {
          expect(l.total).toBeGreaterThanOrEqual(0);
          for (const d of l.discounts) expect(d.amount).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  test('at most one coupon applies, and only a valid one', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = priceCart(input);
        const coupons = applied(r).filter((s) => s.kind === 'coupon');
        expect(coupons.length).toBeLessThanOrEqual(1);
        if (coupons.length === 1) expect(['issued', 'returned']).toContain(input.coupon!.code.status);
      }),
      RUNS,
    );
  });

  test('no two applied kinds are outside the policy’s combinable pairs', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = priceCart(input);
        const may = combinableTest(input.policy);
        const kinds = [...new Set([...applied(r).map((s) => s.kind), ...r.lines.flatMap((l) => l.discounts.map((d) => d.kind))])];
        for (const a of kinds) for (const b of kinds) expect(may(a, b), `${a} with ${b}`).toBe(true);
      }),
      RUNS,
    );
  });

  test('within one kind at most one promotion per line, and one order-level promotion per kind', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = priceCart(input);
        for (const l of r.lines) {
          const kinds = l.discounts.map((d) => d.kind);
          expect(new Set(kinds).size).toBe(kinds.length);
        }
        for (const kind of ['full-reduction', 'full-gift', 'coupon'] as const) expect(applied(r).filter((s) => s.kind === kind).length).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  test('the result does not depend on the order of the cart lines', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const shuffled = [...input.cart.lines].sort((a, b) => ((a.skuId * 7919 + seed) % 13) - ((b.skuId * 7919 + seed) % 13) || b.skuId - a.skuId);
        const a = priceCart(input);
        const b = priceCart({ ...input, cart: { ...input.cart, lines: shuffled } });
        const bySku = (r: PriceResult) => [...r.lines].sort((x, y) => x.skuId - y.skuId);
        expect(bySku(b)).toEqual(bySku(a));
        expect(b.explanation).toEqual(a.explanation);
        expect({ ...b, lines: [] }).toEqual({ ...a, lines: [] });
      }),
      RUNS,
    );
  });

  test('a shop discount that loses on every line names the same winner whatever the order of the lines', () => {
    // Found by the property above: two winners of one kind on different lines, and the loser's
    // reason named the winner of whichever of its lines came first in the cart.
    const sku = (skuId: number, categoryId: number | null, price: number): EngineSku => ({ skuId, productId: 1, categoryId, code: `SKU-${skuId}`, title: `商品 ${skuId}`, price, cost: 0, listed: true });
    const promotion = (id: number, percent: number, scope: Promotion['scope']): Promotion => ({
      id, name: `促销 ${id}`, kind: 'percent', rule: { kind: 'percent', percent }, scope, startsAt: hours(-24), endsAt: hours(24), status: 'active',
      suspendedReason: null, campaignId: null, version: 1, createdAt: AT, updatedAt: AT,
    });
    const input: PriceCartInput = {
      cart: { lines: [{ skuId: 2, qty: 1 }, { skuId: 8, qty: 1 }], shipping: 0, at: AT },
      skus: new Map([[2, sku(2, null, 9900)], [8, sku(8, 1, 12900)]]),
      promotions: [promotion(1, 95, {}), promotion(2, 90, { categoryIds: [1] }), promotion(3, 90, {})],
      policy: DEFAULT_POLICY,
      at: AT,
    };
    const reasonOf = (r: PriceResult) => r.explanation.find((step) => 'promotionId' in step && step.promotionId === 1);
    const forward = reasonOf(priceCart(input));
    const backward = reasonOf(priceCart({ ...input, cart: { ...input.cart, lines: [...input.cart.lines].reverse() } }));
    expect(forward).toMatchObject({ outcome: 'refused', reason: { 'zh-CN': '同类优惠只享受一个，已选用更优惠的「促销 2」' } });
    expect(backward).toEqual(forward);
  });

  test('no line of an unlisted product gets a discount; each promotion and the coupon get exactly one step', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = priceCart(input);
        for (const l of r.lines) if (input.skus.get(l.skuId)!.listed === false) expect(l.discounts).toEqual([]);
        expect(r.explanation.filter((s) => s.kind !== 'coupon' && s.kind !== 'campaign').map((s) => s.promotionId).sort((x, y) => x! - y!)).toEqual(input.promotions.map((p) => p.id));
        expect(r.explanation.filter((s) => s.kind === 'coupon').length).toBe(input.coupon ? 1 : 0);
      }),
      RUNS,
    );
  });

  test('under the default policy the discounts on the items never change to reach a 满减 or 满就送 threshold', () => {
    const itemLevel = new Set(['campaign', 'bundle', 'member', 'percent']);
    fc.assert(
      fc.property(inputArb, (input) => {
        const plain = { ...input, policy: DEFAULT_POLICY, coupon: undefined };
        const withThresholds = priceCart(plain);
        const without = priceCart({ ...plain, promotions: plain.promotions.filter((p) => p.kind !== 'full-reduction' && p.kind !== 'full-gift') });
        const onItems = (r: PriceResult) => r.lines.map((l) => l.discounts.filter((d) => itemLevel.has(d.kind)));
        expect(onItems(withThresholds)).toEqual(onItems(without));
      }),
      RUNS,
    );
  });

  test('a 店内折扣 is kept even where the everyday price would reach a 满减 that saves more', () => {
    const caseArb = fc.record({
      skus: skusArb.map((m) => new Map([...m].map(([id, sku]) => [id, { ...sku, listed: true, campaign: undefined }]))),
      lines: cartArb.map((c) => c.lines),
      percent: fc.integer({ min: 500, max: 995 }).map((t) => t / 10),
      where: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(caseArb, ({ skus, lines, percent, where }) => {
        const base = { cart: { lines, at: AT }, skus, policy: DEFAULT_POLICY, at: AT };
        const sale: Promotion = { id: 1, name: '店内折扣', kind: 'percent', rule: { kind: 'percent', percent }, scope: {}, startsAt: hours(-1), endsAt: hours(1), status: 'active', suspendedReason: null, campaignId: null, version: 1, createdAt: AT, updatedAt: AT };
        const discounted = priceCart({ ...base, promotions: [sale] });
        const goods = discounted.goodsTotal;
        const paid = discounted.total;
        fc.pre(goods - paid >= 2);
        // A threshold the everyday price reaches and the discounted price does not, taking off all it may.
        const threshold = paid + 1 + Math.floor(where * (goods - paid - 1));
        const reduction: Promotion = { ...sale, id: 2, name: '满减', kind: 'full-reduction', rule: { kind: 'full-reduction', tiers: [{ threshold, amount: threshold - 1 }] } };
        const r = priceCart({ ...base, promotions: [sale, reduction] });
        expect(r.total).toBe(paid);
        expect(r.explanation.find((st) => st.promotionId === 2)!.outcome).toBe('not-eligible');
      }),
      RUNS,
    );
  });

  test('belowCost says whether the goods after discounts come to less than their cost (gifts included)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = priceCart(input);
        expect(r.belowCost).toBe(r.total - r.shipping < r.costTotal);
      }),
      RUNS,
    );
  });
});
