import type { PluginContext } from '@workbench/plugin-api';

// The stacking check must judge carts exactly as `POST /price` prices them, so the policy is read
// through the promotions area's own reader rather than a copy of it.
export { stackingPolicy } from '../promotions/settings.js';

/** The 淘宝客 commission limit in percent (the platform allows 70 %), read fresh on each use. */
export function maxCommissionPercent(ctx: PluginContext): number {
  const promotions = (ctx.settings.get().promotions ?? {}) as { maxCommissionPercent?: number };
  return promotions.maxCommissionPercent ?? 70;
}
