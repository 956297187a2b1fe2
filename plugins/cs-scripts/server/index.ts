import type { PluginContext } from '@workbench/plugin-api';
import { registerChatImport } from './chat-log/chat-import.js';
import { addKpiRoutes } from './kpis/kpi-routes.js';
import { addNoteRoutes } from './note-routes.js';

export function activate(ctx: PluginContext): void {
  // Routes reach the tables only through the store (server/note-store.ts), so the SQL lives in one place.
  addNoteRoutes(ctx);
  // KPIs: the chat log importer, the figures and the month's best CS.
  registerChatImport(ctx);
  addKpiRoutes(ctx);
}
