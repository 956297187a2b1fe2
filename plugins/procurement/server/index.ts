import type { PluginContext } from '@workbench/plugin-api';
import { addOrderRoutes } from './orders/order-routes.js';
import { breachRecorder } from './orders/supplier-gate.js';
import { addReceivingRoutes } from './receiving/receiving-routes.js';
import { addLedgerRoutes } from './ledger/ledger-routes.js';
import { addReturnRoutes } from './returns/return-routes.js';
import { addScorecardRoutes, scheduleScorecardReset } from './scorecard/scorecard-routes.js';
import { addEvaluationRoutes, addSupplierRoutes } from './suppliers/supplier-routes.js';

export function activate(ctx: PluginContext): void {
  // Routes reach the tables only through the stores, so the SQL lives in one place per table.
  addSupplierRoutes(ctx);
  addEvaluationRoutes(ctx);
  addScorecardRoutes(ctx);
  scheduleScorecardReset(ctx);
  const breach = breachRecorder(ctx);
  addOrderRoutes(ctx, breach);
  addReceivingRoutes(ctx, breach);
  addReturnRoutes(ctx);
  addLedgerRoutes(ctx);
}
