import type { PluginContext } from '@workbench/plugin-api';

export function registerPromotions(ctx: PluginContext): void {
  void ctx;
}
