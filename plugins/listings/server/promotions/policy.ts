// The stacking policy: the order discounts apply in, and which kinds may share one cart.
import type { PromotionKind, StackingPolicy } from '../types.js';

export const ALL_KINDS: readonly PromotionKind[] = ['bundle', 'member', 'percent', 'full-reduction', 'full-gift', 'coupon'];

/** The shop's defaults (settings.schema.json): the coupon combines with nothing. */
export const DEFAULT_POLICY: StackingPolicy = {
  order: [...ALL_KINDS],
  combinable: [
    'bundle+full-reduction',
    'member+full-reduction',
    'percent+full-reduction',
    'bundle+full-gift',
    'member+full-gift',
    'percent+full-gift',
    'full-reduction+full-gift',
  ],
};

/** What `promotions` in the plugin's settings holds, as far as pricing reads it. */
export interface PromotionSettings {
  stackingOrder?: PromotionKind[];
  combinable?: string[];
  couponValidityDays?: number;
  bundleMaxItems?: number;
}

/** The policy in the settings, each part falling back to the default when left out. */
export function policyFromSettings(settings: PromotionSettings | undefined): StackingPolicy {
  return {
    order: settings?.stackingOrder ? [...settings.stackingOrder] : [...DEFAULT_POLICY.order],
    combinable: settings?.combinable ? [...settings.combinable] : [...DEFAULT_POLICY.combinable],
  };
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
