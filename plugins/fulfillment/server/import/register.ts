import type { PluginContext } from '@workbench/plugin-api';

export function registerImport(ctx: PluginContext): void {
  void ctx;
}
