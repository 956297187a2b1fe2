import type { PluginContext } from '@workbench/plugin-api';
import { SqlNoteStore } from './note-store.js';
import { addNoteRoutes } from './note-routes.js';

export function activate(ctx: PluginContext): void {
  // Routes reach the tables only through the store, so the SQL lives in one place.
  addNoteRoutes(ctx, new SqlNoteStore(ctx.db, () => ctx.now()));
}
