import type { PluginContext } from '@workbench/plugin-api';

/** The shop-wide 库存预警线, read at use time so a change in the settings UI applies at once. */
export function defaultThreshold(ctx: PluginContext): number {
  const value = ctx.settings.get().lowStockThreshold;
  return typeof value === 'number' && Number.isInteger(value) ? value : 10;
}
