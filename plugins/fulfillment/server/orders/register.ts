import type { PluginContext } from '@workbench/plugin-api';
import type { StockOps } from '../warehouse/stock-ops.js';
import { addOrderRoutes } from './order-routes.js';
import { addReviewRoutes } from './review-routes.js';
import { registerOrderSchemas } from './schemas.js';

/** Orders: search, entry and edits, price changes, flags and remarks, review, the `orders` service. */
export function registerOrders(ctx: PluginContext, stock: StockOps): void {
  registerOrderSchemas(ctx);
  addOrderRoutes(ctx);
  addReviewRoutes(ctx, stock);
}
