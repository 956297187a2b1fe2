import type { PluginContext } from '@workbench/plugin-api';
import type { StockOps } from '../warehouse/stock-ops.js';
import { registerBatchShipping } from './batch-shipping.js';
import { registerPackingSlip } from './packing-slip.js';
import { registerShippingSchemas } from './schemas.js';
import { addShipRoutes } from './ship-routes.js';
import { addExportRoute } from './shipping-export.js';
import { registerStatementImport } from './statement-import.js';
import { addStatementRoutes } from './statement-routes.js';

/**
 * Shipping and statements: the courier rules on an order, shipping at the station and in batch,
 * the platform's bulk-shipping file, courier statements matched parcel by parcel, packing slips.
 */
export function registerShipping(ctx: PluginContext, stock: StockOps): void {
  registerShippingSchemas(ctx);
  addShipRoutes(ctx, stock);
  registerBatchShipping(ctx, stock);
  addExportRoute(ctx);
  registerStatementImport(ctx);
  addStatementRoutes(ctx);
  registerPackingSlip(ctx);
}
