import type { PluginContext } from '@workbench/plugin-api';
import type { StockOps } from '../warehouse/stock-ops.js';

/** What a move of an order needs besides its transaction: the plugin's context and the stock operations. */
export interface StockParts {
  ctx: PluginContext;
  stock: StockOps;
}
