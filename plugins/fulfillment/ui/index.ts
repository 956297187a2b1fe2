import type { PluginUiContext } from '@workbench/ui';
// Each panel file registers its own element; add its import here when it exists.
import './wb-fulfillment-waves.js';
import './wb-fulfillment-wave-board.js';
import './wb-fulfillment-verify-station.js';
import './wb-fulfillment-ship-station.js';
import './wb-fulfillment-inventory.js';
import './wb-fulfillment-stocktake.js';
import './wb-fulfillment-reconciliation.js';

/** Called once, when a panel or command of this plugin is first needed. */
export function activate(wb: PluginUiContext): void {
  // The stations open in one tab each (id `station`), whatever order they work on.
  const station = (opens: 'verification' | 'shipping', zh: string, en: string) => () => wb.workbench.openEditor({ opens, id: 'station', title: wb.i18n.locale === 'en' ? en : zh });
  wb.subscriptions.push(
    wb.commands.register('fulfillment.verificationStation', station('verification', '复核台', 'Verification station')),
    wb.commands.register('fulfillment.shippingStation', station('shipping', '发货台', 'Shipping station')),
  );
  void wb;
}
