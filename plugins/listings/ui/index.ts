import type { PluginUiContext } from '@workbench/ui';

/** Called once, when a panel or command of this plugin is first needed. */
export function activate(wb: PluginUiContext): void {
  void wb;
}
