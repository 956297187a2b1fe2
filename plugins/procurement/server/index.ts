import type { PluginContext } from '@workbench/plugin-api';
import { addCompetitorPrices } from './competitors/competitor-routes.js';
import { addContractRoutes } from './contracts/contract-routes.js';
import { addLedgerRoutes } from './ledger/ledger-routes.js';
import { addOrderRoutes } from './orders/order-routes.js';
import { breachRecorder } from './orders/supplier-gate.js';
import { registerDemo } from './demo/demo-shop.js';
import { addPlanRoutes } from './plans/plan-routes.js';
import { registerPrintables } from './printables.js';
import { addReceivingRoutes } from './receiving/receiving-routes.js';
import { addReturnRoutes } from './returns/return-routes.js';
import { addRfqRoutes } from './rfqs/rfq-routes.js';
import { addScorecardRoutes, scheduleScorecardReset } from './scorecard/scorecard-routes.js';
import { addEvaluationRoutes, addPriceListRoute, addSupplierRoutes } from './suppliers/supplier-routes.js';

export function activate(ctx: PluginContext): void {
  // Routes reach the tables only through the stores, so the SQL lives in one place per table.
  addSupplierRoutes(ctx);
  addEvaluationRoutes(ctx);
  addPriceListRoute(ctx);
  addScorecardRoutes(ctx);
  scheduleScorecardReset(ctx);
  addPlanRoutes(ctx);
  addCompetitorPrices(ctx);
  const breach = breachRecorder(ctx);
  addOrderRoutes(ctx, breach);
  addReceivingRoutes(ctx, breach);
  addReturnRoutes(ctx);
  addLedgerRoutes(ctx);
  addRfqRoutes(ctx);
  addContractRoutes(ctx);
  registerPrintables(ctx);
  registerDemo(ctx);
}
