import type { PluginContext } from '@workbench/plugin-api';

export function registerWorkflow(ctx: PluginContext): void {
  void ctx;
}
