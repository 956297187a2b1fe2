import type { PluginContext } from '@workbench/plugin-api';
import type { InventoryService } from '../types.js';
import type { StockOps } from './stock-ops.js';
import { ledgerStore } from './ledger-store.js';

const MAX_MOVEMENTS = 1000;

/**
 * `inventory` over StockOps. Reads go through `ctx.db.read`, which inside another plugin's
 * event handler sees the emitting transaction, so listings' warnings read the new figures.
 */
export function createInventoryService(ctx: PluginContext, stock: StockOps): InventoryService {
  return {
    available: (skuIds) => ctx.db.read((q) => stock.available(q, skuIds)),
    onHand: (skuIds) => ctx.db.read((q) => stock.onHand(q, skuIds)),
    reserved: (skuIds) => ctx.db.read((q) => stock.reserved(q, skuIds)),
    movements: (skuId, options = {}) => ctx.db.read((q) => ledgerStore(q, ctx).forSku(skuId, Math.max(1, Math.min(options.limit ?? 100, MAX_MOVEMENTS)))),
  };
}
