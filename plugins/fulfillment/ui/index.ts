import type { PluginUiContext } from '@workbench/ui';
// Each panel file registers its own element; add its import here when it exists.
import './wb-fulfillment-waves.js';
import './wb-fulfillment-wave-board.js';
import './wb-fulfillment-verify-station.js';
import './wb-fulfillment-ship-station.js';
import './wb-fulfillment-orders.js';
import './wb-fulfillment-order-editor.js';
import './wb-fulfillment-queue-widget.js';
import './wb-fulfillment-sales-widget.js';
import './wb-fulfillment-inventory.js';
import './wb-fulfillment-stocktake.js';
import './wb-fulfillment-reconciliation.js';
import './wb-fulfillment-item-mappings.js';

/** Each 手工录入 gets its own tab, so a second new order never lands in the first one's form. */
let drafts = 0;

/** Called once, when a panel or command of this plugin is first needed. */
export function activate(wb: PluginUiContext): void {
  // The stations are views in the editor area (one tab each, whatever order they work on).
  const station = (view: 'verification' | 'shipping') => () => wb.workbench.showView({ plugin: 'fulfillment', view });
  wb.subscriptions.push(
    wb.commands.register('fulfillment.verificationStation', station('verification')),
    wb.commands.register('fulfillment.shippingStation', station('shipping')),
    wb.commands.register('fulfillment.itemMappings', () => wb.workbench.openEditor({ opens: 'item-mappings', id: 'all', titles: { 'zh-CN': '宝贝对应', en: 'Item mappings' } })),
    wb.commands.register('fulfillment.newOrder', () => wb.workbench.openEditor({ opens: 'order', id: `new-${++drafts}`, titles: { 'zh-CN': '手工录入订单', en: 'New order' } })),
  );
  void wb;
}
