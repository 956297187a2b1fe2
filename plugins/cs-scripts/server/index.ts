import type { PluginContext } from '@workbench/plugin-api';
import { addNoteRoutes } from './note-routes.js';

export function activate(ctx: PluginContext): void {
  // Routes reach the tables only through the store (server/note-store.ts), so the SQL lives in one place.
  addNoteRoutes(ctx);
}
