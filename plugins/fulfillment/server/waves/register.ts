import type { PluginContext } from '@workbench/plugin-api';
import type { StockOps } from '../warehouse/stock-ops.js';
import { addPutBackRoute } from './put-back.js';
import { addVerificationRoutes } from './verify-routes.js';
import { registerPickListPrintable, registerSeedingSheetPrintable } from './wave-printables.js';
import { addWaveRoutes } from './wave-routes.js';
import { registerWaveSchemas } from './wave-schemas.js';

/** Waves, pick lists, seeding sheets, replenishment and the verification station. */
export function registerWaves(ctx: PluginContext, stock: StockOps): void {
  registerWaveSchemas(ctx);
  addWaveRoutes(ctx, stock);
  addPutBackRoute(ctx, stock);
  addVerificationRoutes(ctx);
  registerPickListPrintable(ctx);
  registerSeedingSheetPrintable(ctx);
}
