// The stacking policy: the order discounts apply in, and which kinds may share one cart.
import schema from '../../schemas/settings.schema.json';
import type { PromotionSettings } from '../settings.js';
import type { DiscountKind, PromotionKind, StackingPolicy } from '../types.js';

export const ALL_KINDS: readonly PromotionKind[] = ['bundle', 'member', 'percent', 'full-reduction', 'full-gift', 'coupon'];

const promotionDefaults = schema.properties.promotions.properties;

/** The settings schema's default policy: the coupon combines with nothing. For code without a context (tests, the benchmark). */
export const DEFAULT_POLICY: StackingPolicy = {
  order: promotionDefaults.stackingOrder.default as PromotionKind[],
  combinable: promotionDefaults.combinable.default,
};

/** The policy the `promotions` settings describe. */
export function policyFromSettings(settings: Pick<PromotionSettings, 'stackingOrder' | 'combinable'>): StackingPolicy {
  return { order: [...settings.stackingOrder], combinable: [...settings.combinable] };
}

/**
 * Every kind once, in the policy's order; kinds the policy forgot go last in the usual order. A
 * campaign price comes first whatever the order: it is the price the others start from.
 */
export function fullOrder(policy: StackingPolicy): DiscountKind[] {
  const seen = new Set<PromotionKind>();
  const order: DiscountKind[] = ['campaign'];
  for (const kind of [...policy.order, ...ALL_KINDS]) {
    if (!seen.has(kind)) {
      seen.add(kind);
      order.push(kind);
    }
  }
  return order;
}

/**
 * A test for "may these two kinds apply to the same cart?"; pairs are symmetric. A campaign price
 * takes every promotion on top; the coupon only when the policy lists `campaign+coupon`.
 */
export function combinableTest(policy: StackingPolicy): (a: DiscountKind, b: DiscountKind) => boolean {
  const pairs = new Set<string>();
  for (const pair of policy.combinable) {
    const [a, b] = pair.split('+');
    if (!a || !b) continue;
    pairs.add(`${a}+${b}`);
    pairs.add(`${b}+${a}`);
  }
  return (a, b) => {
    if (a === b || pairs.has(`${a}+${b}`)) return true;
    if (a === 'campaign') return b !== 'coupon';
    return b === 'campaign' && a !== 'coupon';
  };
}
