import type { PluginContext } from '@workbench/plugin-api';
import { registerCatalog } from './catalog/register.js';
import { registerWorkflow } from './workflow/register.js';
import { registerStockWarnings } from './stock/register.js';
import { registerPromotions } from './promotions/register.js';
import { registerCampaigns } from './campaigns/register.js';
import { registerDemoShop } from './demo/demo-shop.js';

/** The listings plugin: catalog first, since every other area reads products and SKUs. */
export function activate(ctx: PluginContext): void {
  registerCatalog(ctx);
  registerWorkflow(ctx);
  registerStockWarnings(ctx);
  registerPromotions(ctx);
  registerCampaigns(ctx);
  registerDemoShop(ctx);
}
