import type { PluginContext } from '@workbench/plugin-api';

export function registerDemoShop(ctx: PluginContext): void {
  void ctx;
}
