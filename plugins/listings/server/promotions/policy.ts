// The stacking policy: the order discounts apply in, and which kinds may share one cart.
import schema from '../../schemas/settings.schema.json';
import type { PromotionSettings } from '../settings.js';
import type { PromotionKind, StackingPolicy } from '../types.js';

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

/** Every kind once, in the policy's order; kinds the policy forgot go last in the usual order. */
export function fullOrder(policy: StackingPolicy): PromotionKind[] {
  const seen = new Set<PromotionKind>();
  const order: PromotionKind[] = [];
  for (const kind of [...policy.order, ...ALL_KINDS]) {
    if (!seen.has(kind)) {
      seen.add(kind);
      order.push(kind);
    }
  }
  return order;
}

/** A test for "may these two kinds apply to the same cart?"; pairs are symmetric. */
export function combinableTest(policy: StackingPolicy): (a: PromotionKind, b: PromotionKind) => boolean {
  const pairs = new Set<string>();
  for (const pair of policy.combinable) {
    const [a, b] = pair.split('+');
    if (!a || !b) continue;
    pairs.add(`${a}+${b}`);
    pairs.add(`${b}+${a}`);
  }
  return (a, b) => a === b || pairs.has(`${a}+${b}`);
}
