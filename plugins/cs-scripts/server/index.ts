import type { PluginContext } from '@workbench/plugin-api';
import { registerChatImport } from './chat-log/chat-import.js';
import { addKpiRoutes } from './kpis/kpi-routes.js';
import { addFillRoutes } from './fill/fill-routes.js';
import { addPhraseRoutes } from './phrases/phrase-routes.js';

export function activate(ctx: PluginContext): void {
  // Routes reach the tables only through the stores (server/*/…-store.ts), so the SQL lives in one place.
  addPhraseRoutes(ctx);
  addFillRoutes(ctx);
  // KPIs: the chat log importer, the figures and the month's best CS.
  registerChatImport(ctx);
  addKpiRoutes(ctx);
}
