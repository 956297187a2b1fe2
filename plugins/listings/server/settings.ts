import type { PluginContext } from '@workbench/plugin-api';
import type { PromotionKind } from './types.js';

/** The `checklist` block: the listing quality rules' figures. */
export interface ChecklistSettings {
  minDetailImages: number;
  mainImageWidth: number;
  titleMaxChars: number;
  requiredAttributes: string[];
  allowedPromotionWords: string[];
  forbiddenWords: string[];
}

/** The `promotions` block: coupon, bundle and commission figures and the stacking policy. */
export interface PromotionSettings {
  couponValidityDays: number;
  bundleMaxItems: number;
  maxCommissionPercent: number;
  stackingOrder: PromotionKind[];
  combinable: string[];
}

/** The values of schemas/settings.schema.json. */
export interface ListingsSettings {
  lowStockThreshold: number;
  /** Excess stock: on hand above the daily shipments × this many days. */
  excessStockDays: number;
  /** Daily shipments are the pieces shipped over this many days before now, ÷ the days. */
  excessStockWindowDays: number;
  showcaseSlots: number;
  checklist: ChecklistSettings;
  promotions: PromotionSettings;
}

/**
 * The plugin's settings now. The workbench checks every source of them (the schema's defaults,
 * config.yaml, the settings page) against the schema and fills in each default, so they arrive
 * complete and the figures live in the schema alone. Read on every use: a change saved in the
 * settings page applies at once.
 */
export function listingsSettings(ctx: PluginContext): ListingsSettings {
  return ctx.settings.get() as unknown as ListingsSettings;
}
