// The lowest price a buyer can reach for one SKU over a window: every promotion and coupon that
// could apply is left to the pricing engine, which applies the stacking policy; this file only
// chooses the carts to try, so the search stays the engine's arithmetic and never a copy of it.
import { priceCart, type EngineSku } from '../promotions/engine.js';
import type { AppliedDiscount, Coupon, CouponCode, Promotion, StackingPolicy } from '../types.js';

/** Never price more than this many pieces of one SKU in one cart: no buyer does, and it bounds the search. */
const MAX_QTY = 200;

export interface LowestPriceInput {
  /** The SKU as `readEngineSkus` reads it, with `price` set to the price being tested (e.g. the campaign price). */
  sku: EngineSku;
  /** Other SKUs the engine may need (gifts of 满就送), at their everyday prices. */
  others: ReadonlyMap<number, EngineSku>;
  promotions: readonly Promotion[];
  coupons: readonly Coupon[];
  policy: StackingPolicy;
  /** The window [from, to) the price may be reached in. */
  from: string;
  to: string;
}

/** One cart of the SKU alone, priced by the engine. */
export interface PricedCart {
  qty: number;
  /** Goods after every discount, without shipping. */
  net: number;
  /** Cost of the goods and of any gift. */
  costTotal: number;
  /** net / qty, rounded down to the 分. */
  unitPrice: number;
  at: string;
  memberLevel: string | null;
  couponId: number | null;
  discounts: AppliedDiscount[];
}

export interface LowestPrice {
  /** The cart with the lowest price per piece. */
  lowest: PricedCart;
  /** The cart that earns least per piece over cost (gifts included); below 0 means a loss. */
  worst: PricedCart;
}

/** The instants at which the set of applicable promotions and coupons can change inside the window. */
function instants(input: LowestPriceInput): string[] {
  const from = Date.parse(input.from);
  const to = Date.parse(input.to);
  const inside = (iso: string) => Date.parse(iso) > from && Date.parse(iso) < to;
  const edges = [
    ...input.promotions.flatMap((p) => [p.startsAt, p.endsAt]),
    ...input.coupons.flatMap((c) => [c.validFrom, c.validUntil]),
  ].filter(inside);
  const seen = new Set<number>();
  return [input.from, ...edges].filter((iso) => !seen.has(Date.parse(iso)) && seen.add(Date.parse(iso)));
}

/** Member levels any member promotion names, and no level at all. */
function memberLevels(promotions: readonly Promotion[]): (string | undefined)[] {
  const levels = new Set<string>();
  for (const p of promotions) if (p.rule.kind === 'member') for (const level of Object.keys(p.rule.levels)) levels.add(level);
  return [undefined, ...levels];
}

/**
 * How many pieces to try. A fixed reduction (满减, a coupon) or a gift (满就送) is worth most per
 * piece at the fewest pieces that reach its threshold, so those counts are enough: for each
 * threshold, the count that reaches it at the full price and after each percent discount (which
 * the policy may apply first), one more for the engine's rounding, and a single piece.
 */
function quantities(input: LowestPriceInput): number[] {
  const thresholds = [
    ...input.promotions.flatMap((p) => (p.rule.kind === 'full-reduction' ? p.rule.tiers.map((t) => t.threshold) : p.rule.kind === 'full-gift' ? [p.rule.threshold] : [])),
    ...input.coupons.map((c) => c.threshold),
  ];
  const percent = input.promotions.flatMap((p) => (p.rule.kind === 'percent' ? [p.rule.percent] : []));
  const member = input.promotions.flatMap((p) => (p.rule.kind === 'member' ? Object.values(p.rule.levels) : []));
  const shares = new Set([1, ...percent.map((x) => x / 100), ...member.map((x) => x / 100)]);
  for (const a of percent) for (const b of member) shares.add((a / 100) * (b / 100));
  const counts = new Set([1]);
  for (const t of thresholds) {
    for (const share of shares) {
      const unit = Math.max(1, Math.floor((input.sku.campaign?.price ?? input.sku.price) * share));
      const q = Math.ceil(t / unit);
      for (const n of [q, q + 1]) if (n >= 1 && n <= MAX_QTY) counts.add(n);
    }
  }
  return [...counts].sort((a, b) => a - b);
}

/** A code the engine accepts for trying a coupon design: freshly issued, valid as long as the design. */
function trialCode(coupon: Coupon, at: string): CouponCode {
  return { code: `CHECK-${coupon.id}`, couponId: coupon.id, status: 'issued', issuedAt: at, expiresAt: coupon.validUntil, usedAt: null, orderRef: null };
}

/**
 * Prices carts of the SKU alone (see `quantities`) at each instant the applicable discounts change, for every
 * member level and with each coupon (or none), and answers the cheapest and the least profitable.
 */
export function lowestPrice(input: LowestPriceInput): LowestPrice {
  const skus = new Map(input.others);
  // The question is what a buyer could pay, and only a listed SKU can be bought: a campaign
  // requires its products listed before it starts (the pages check), and a commission is paid
  // only on sales. So the SKU is priced as listed whatever its status today.
  skus.set(input.sku.skuId, { ...input.sku, listed: true });
  const coupons = input.coupons.filter((c) => c.productIds.length === 0 || c.productIds.includes(input.sku.productId));
  const couponChoices: (Coupon | undefined)[] = [undefined, ...coupons];
  const counts = quantities(input);
  let lowest: PricedCart | undefined;
  let worst: PricedCart | undefined;
  for (const at of instants(input)) {
    for (const memberLevel of memberLevels(input.promotions)) {
      for (const coupon of couponChoices) {
        for (const qty of counts) {
          const result = priceCart({
            cart: { lines: [{ skuId: input.sku.skuId, qty }], at, ...(memberLevel ? { memberLevel } : {}) },
            skus,
            promotions: input.promotions,
            ...(coupon ? { coupon: { coupon, code: trialCode(coupon, at) } } : {}),
            policy: input.policy,
            at,
          });
          const net = result.goodsTotal - result.discountTotal;
          const cart: PricedCart = {
            qty,
            net,
            costTotal: result.costTotal,
            unitPrice: Math.floor(net / qty),
            at,
            memberLevel: memberLevel ?? null,
            couponId: coupon && result.lines.some((l) => l.discounts.some((d) => d.kind === 'coupon')) ? coupon.id : null,
            discounts: result.lines.flatMap((l) => l.discounts),
          };
          if (!lowest || cart.net * lowest.qty < lowest.net * cart.qty) lowest = cart;
          if (!worst || (cart.net - cart.costTotal) * worst.qty < (worst.net - worst.costTotal) * cart.qty) worst = cart;
        }
      }
    }
  }
  return { lowest: lowest!, worst: worst! };
}
