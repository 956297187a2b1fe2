import type { PluginContext } from '@workbench/plugin-api';
import { InventoryToken } from '../tokens.js';
import type { StockOps } from './stock-ops.js';
import { registerStockArrivals } from './event-consumers.js';
import { addInboundRoutes } from './inbound-routes.js';
import { createInventoryService } from './inventory-service.js';
import { addLocationRoutes } from './location-routes.js';
import { registerReminders } from './reminders.js';
import { registerWarehouseSchemas } from './schemas.js';
import { addStockRoutes } from './stock-routes.js';
import { addStocktakeRoutes } from './stocktake-routes.js';

/** The warehouse: locations, stock and the ledger, inbound, stocktake, reminders, `inventory`. */
export function registerWarehouse(ctx: PluginContext, stock: StockOps): void {
  registerWarehouseSchemas(ctx);
  addLocationRoutes(ctx);
  addInboundRoutes(ctx, stock);
  addStockRoutes(ctx, stock);
  addStocktakeRoutes(ctx, stock);
  registerReminders(ctx);
  registerStockArrivals(ctx, stock);
  ctx.services.provide(InventoryToken, createInventoryService(ctx, stock));
}
