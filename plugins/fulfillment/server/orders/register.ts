import type { PluginContext } from '@workbench/plugin-api';
import { OrdersToken } from '../tokens.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { addEditRoutes } from './edit-routes.js';
import { addOrderRoutes } from './order-routes.js';
import { createOrdersService } from './orders-service.js';
import { provideOrderSearch } from './quick-open.js';
import { addReviewRoutes } from './review-routes.js';
import { registerOrderSchemas } from './schemas.js';
import { addSkuSearchRoute } from './sku-search.js';

/** Orders: search, entry and edits, price changes, flags and remarks, review, the `orders` service. */
export function registerOrders(ctx: PluginContext, stock: StockOps): void {
  registerOrderSchemas(ctx);
  addOrderRoutes(ctx);
  addEditRoutes(ctx, stock);
  addReviewRoutes(ctx, stock);
  addSkuSearchRoute(ctx);
  ctx.services.provide(OrdersToken, createOrdersService(ctx));
  provideOrderSearch(ctx);
}
