import type { PluginContext } from '@workbench/plugin-api';
import { addNoteRoutes } from './note-routes.js';
import { addProcedureRoutes } from './procedures/procedure-routes.js';
import { addCustomerCare } from './customers/customer-care.js';

export function activate(ctx: PluginContext): void {
  // Routes reach the tables only through the store (server/note-store.ts), so the SQL lives in one place.
  addNoteRoutes(ctx);
  addProcedureRoutes(ctx);
  addCustomerCare(ctx);
}
