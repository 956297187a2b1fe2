import type { PluginUiContext } from '@workbench/ui';
// Each panel file registers its own element; add its import here when it exists.
import './wb-fulfillment-waves.js';
import './wb-fulfillment-wave-board.js';
import './wb-fulfillment-inventory.js';
import './wb-fulfillment-stocktake.js';
import './wb-fulfillment-reconciliation.js';

/** Called once, when a panel or command of this plugin is first needed. */
export function activate(wb: PluginUiContext): void {
  void wb;
}
