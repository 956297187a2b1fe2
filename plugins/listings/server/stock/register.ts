import type { PluginContext } from '@workbench/plugin-api';

export function registerStockWarnings(ctx: PluginContext): void {
  void ctx;
}
