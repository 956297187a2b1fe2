import type { PluginContext } from '@workbench/plugin-api';
import type { StockOps } from '../warehouse/stock-ops.js';
import { addImportRoutes } from './import-routes.js';
import { runTaobaoImport } from './taobao-import.js';

/**
 * The Taobao order import (订单报表 + 宝贝报表) and its history. It moves stock only to release the
 * reservation of an approved order the platform closed or is refunding.
 */
export function registerImport(ctx: PluginContext, stock: StockOps): void {
  ctx.importers.register('taobao-orders', (request) => runTaobaoImport(ctx, stock, request));
  addImportRoutes(ctx);
}
