import type { PluginUiContext } from '@workbench/ui';
import './wb-listings-products.js';
import './wb-listings-product-editor.js';
import './wb-listings-review-queue.js';
import './wb-listings-promotions.js';
import './wb-listings-promotion-editor.js';
import './wb-listings-campaigns.js';
import './wb-listings-campaign-board.js';
import './wb-listings-price-calculator.js';
import './wb-listings-low-stock.js';

let drafts = 0;

/** Called once, when a panel or command of this plugin is first needed. */
export function activate(wb: PluginUiContext): void {
  wb.subscriptions.push(
    // Each 新建商品 gets its own tab, so a second new product never lands in the first one's form.
    wb.commands.register('listings.newProduct', () => wb.workbench.openEditor({ opens: 'product', id: `new-${++drafts}`, titles: { 'zh-CN': '新建商品', en: 'New product' } })),
    wb.commands.register('listings.priceCalculator', () => wb.workbench.showView({ plugin: 'listings', view: 'price-calculator' })),
  );
}
