// The `promotions` settings, read on every use so a change in the settings UI applies at once.
import type { PluginContext } from '@workbench/plugin-api';
import type { StackingPolicy } from '../types.js';
import { policyFromSettings, type PromotionSettings } from './policy.js';

export interface PromotionFigures {
  couponValidityDays: number;
  bundleMaxItems: number;
}

const raw = (ctx: PluginContext) => (ctx.settings.get().promotions ?? {}) as PromotionSettings;

/** Coupon validity and bundle size, with the schema's defaults (15 days, 5 items). */
export function promotionSettings(ctx: PluginContext): PromotionFigures {
  const value = raw(ctx);
  return { couponValidityDays: value.couponValidityDays ?? 15, bundleMaxItems: value.bundleMaxItems ?? 5 };
}

/** The stacking policy: `promotions.stackingOrder` and `promotions.combinable`. */
export function stackingPolicy(ctx: PluginContext): StackingPolicy {
  return policyFromSettings(raw(ctx));
}
