import type { PluginUiContext } from '@workbench/ui';

/** Runs once per page, when one of the plugin's elements is first shown. */
export function activate(wb: PluginUiContext): void {
  void wb;
}
