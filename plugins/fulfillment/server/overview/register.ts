import type { PluginContext } from '@workbench/plugin-api';
import { addOverviewRoutes } from './overview-routes.js';

/** The home page's figures for the owner and 运营. */
export function registerOverview(ctx: PluginContext): void {
  addOverviewRoutes(ctx);
}
