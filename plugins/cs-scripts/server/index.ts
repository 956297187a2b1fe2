import type { PluginContext } from '@workbench/plugin-api';
import { addQuoteRoutes } from './authority/quote-routes.js';
import { registerChatImport } from './chat-log/chat-import.js';
import { addKpiRoutes } from './kpis/kpi-routes.js';
import { fillDemoChat } from './demo/demo-chat.js';
import { fillDemoPhrases } from './demo/demo-phrases.js';
import { addFillRoutes } from './fill/fill-routes.js';
import { addPhraseRoutes } from './phrases/phrase-routes.js';
import { addRemarkRoutes } from './remarks/remark-routes.js';
import { addTransferRoutes } from './transfer/transfer-routes.js';
import { addProcedureRoutes } from './procedures/procedure-routes.js';
import { addCustomerCare } from './customers/customer-care.js';

export function activate(ctx: PluginContext): void {
  // Routes reach the tables only through the stores (server/*/…-store.ts), so the SQL lives in one place.
  addPhraseRoutes(ctx);
  addFillRoutes(ctx);
  addQuoteRoutes(ctx);
  addRemarkRoutes(ctx);
  addTransferRoutes(ctx);
  addProcedureRoutes(ctx);
  addCustomerCare(ctx);
  // KPIs: the chat log importer, the figures and the month's best CS.
  registerChatImport(ctx);
  addKpiRoutes(ctx);
  ctx.demo.register(async (tx, { now }) => {
    await fillDemoPhrases(tx, now);
    await fillDemoChat(ctx, tx, now);
  });
}
