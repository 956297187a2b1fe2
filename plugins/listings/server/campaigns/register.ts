import type { PluginContext } from '@workbench/plugin-api';

export function registerCampaigns(ctx: PluginContext): void {
  void ctx;
}
