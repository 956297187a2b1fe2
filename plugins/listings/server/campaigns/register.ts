import type { PluginContext } from '@workbench/plugin-api';
import { registerCampaignSchemas } from './campaign-schemas.js';
import { addCampaignRoutes } from './campaign-routes.js';
import { addPriceRoutes } from './price-routes.js';
import { addLifecycleRoutes } from './lifecycle-routes.js';
import { addCloseOutRoutes } from './close-out-routes.js';
import { addCommissionRoute } from './commission.js';

/**
 * Campaigns (活动): records, campaign prices and their second check, pre-launch checks, the
 * schedule job, close-out and 淘宝客 commissions.
 */
export function registerCampaigns(ctx: PluginContext): void {
  registerCampaignSchemas(ctx);
  // The fixed path /campaigns/run-schedule goes in before /campaigns/:id/… routes.
  addLifecycleRoutes(ctx);
  addCampaignRoutes(ctx);
  addPriceRoutes(ctx);
  addCloseOutRoutes(ctx);
  addCommissionRoute(ctx);
}
