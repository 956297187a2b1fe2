import type { PluginUiContext } from '@workbench/ui';
// Each panel file registers its own element; add its import here when it exists.
import './wb-staff-rules-fines.js';
import './wb-staff-rules-my-fines.js';

/** Runs once per page, when one of the plugin's elements is first shown. */
export function activate(wb: PluginUiContext): void {
  void wb;
}
