import type { PluginContext } from '@workbench/plugin-api';
import { StockOps } from './warehouse/stock-ops.js';
import { registerWarehouse } from './warehouse/register.js';
import { registerOrders } from './orders/register.js';
import { registerImport } from './import/register.js';
import { registerMapping } from './mapping/register.js';
import { registerWaves } from './waves/register.js';
import { registerShipping } from './shipping/register.js';
import { registerLabels } from './labels/register.js';
import { registerDemoShop } from './demo/demo-shop.js';
import { registerOverview } from './overview/register.js';

/**
 * The fulfillment plugin. Every area moves stock through one StockOps, so the ledger, the
 * reservations and `fulfillment.stock.changed` stay in step whoever moves goods.
 */
export function activate(ctx: PluginContext): void {
  const stock = new StockOps(ctx);
  registerWarehouse(ctx, stock);
  registerOrders(ctx, stock);
  registerImport(ctx, stock);
  registerMapping(ctx);
  registerWaves(ctx, stock);
  registerShipping(ctx, stock);
  registerLabels(ctx);
  registerDemoShop(ctx, stock);
  registerOverview(ctx);
}
