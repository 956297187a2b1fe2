import type { PluginContext } from '@workbench/plugin-api';
import type { StockOps } from './stock-ops.js';

export function registerWarehouse(ctx: PluginContext, stock: StockOps): void {
  void ctx;
  void stock;
}
