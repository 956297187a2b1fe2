import type { PluginContext } from '@workbench/plugin-api';
import { addFillRoutes } from './fill/fill-routes.js';
import { addPhraseRoutes } from './phrases/phrase-routes.js';

export function activate(ctx: PluginContext): void {
  // Routes reach the tables only through the stores (server/*/…-store.ts), so the SQL lives in one place.
  addPhraseRoutes(ctx);
  addFillRoutes(ctx);
}
