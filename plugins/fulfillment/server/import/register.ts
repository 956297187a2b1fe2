import type { PluginContext } from '@workbench/plugin-api';
import { StockOps } from '../warehouse/stock-ops.js';
import { addImportRoutes } from './import-routes.js';
import { runTaobaoImport } from './taobao-import.js';

/**
 * The Taobao order import (订单报表 + 宝贝报表) and its history. StockOps keeps no state of its
 * own, so this area's instance moves stock exactly as the others' do (it only ever releases the
 * reservation of an approved order the platform closed or is refunding).
 */
export function registerImport(ctx: PluginContext): void {
  const stock = new StockOps(ctx);
  ctx.importers.register('taobao-orders', (request) => runTaobaoImport(ctx, stock, request));
  addImportRoutes(ctx);
}
