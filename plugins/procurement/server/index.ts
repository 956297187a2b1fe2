import type { PluginContext } from '@workbench/plugin-api';
import { addOrderRoutes } from './orders/order-routes.js';
import type { BreachRecorder } from './orders/supplier-gate.js';
import { addSupplierRoutes } from './suppliers/supplier-routes.js';

export function activate(ctx: PluginContext): void {
  // Routes reach the tables only through the stores, so the SQL lives in one place per table.
  addSupplierRoutes(ctx);
  const breach: BreachRecorder = async () => undefined;
  addOrderRoutes(ctx, breach);
}
