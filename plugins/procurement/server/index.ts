import type { PluginContext } from '@workbench/plugin-api';
import { addCompetitorPrices } from './competitors/competitor-routes.js';
import { registerDemo } from './demo/demo-shop.js';
import { addPlanRoutes } from './plans/plan-routes.js';
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
  registerDemo(ctx);
}
