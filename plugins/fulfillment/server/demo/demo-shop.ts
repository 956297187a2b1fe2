import type { PluginContext } from '@workbench/plugin-api';
import type { StockOps } from '../warehouse/stock-ops.js';

export function registerDemoShop(ctx: PluginContext, stock: StockOps): void {
  void ctx;
  void stock;
}
