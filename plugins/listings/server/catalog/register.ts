import type { PluginContext } from '@workbench/plugin-api';

export function registerCatalog(ctx: PluginContext): void {
  void ctx;
}
