import type { PluginContext } from '@workbench/plugin-api';
import { addSupplierRoutes } from './suppliers/supplier-routes.js';

export function activate(ctx: PluginContext): void {
  // Routes reach the tables only through the stores, so the SQL lives in one place per table.
  addSupplierRoutes(ctx);
}
