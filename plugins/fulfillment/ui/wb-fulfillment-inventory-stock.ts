import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { listPanelStyles, PanelWidth, ReloadOnChange, WbElement, type Column } from '@workbench/ui';
import { fulfillmentMarks } from './styles.js';
import { tone } from './wb-fulfillment-inventory-cells.js';
import type { MoveKind } from './wb-fulfillment-inventory-move-dialog.js';
import type { StockRow } from './wb-fulfillment-inventory-records.js';
import './wb-fulfillment-inventory-move-dialog.js';

/**
 * 库存: each SKU's pieces on hand, promised to approved orders, available to sell, in 残次库, and
 * the bins that hold them. Enter on a row opens 移库 / 调整 / 转残次 for that SKU.
 */
@customElement('wb-fulfillment-inventory-stock')
export class FulfillmentInventoryStock extends WbElement {
  static override styles = [listPanelStyles, fulfillmentMarks];

  private readonly width = new PanelWidth(this);
  // Refreshes the list when another panel changes what it shows.
  private readonly reload = new ReloadOnChange(this, ['fulfillment.stock']);

  override render() {
    const manage = this.workbench.can('fulfillment.stock.manage');
    const count = (key: 'onHand' | 'reserved' | 'available' | 'defective') => (r: StockRow) =>
      html`<span style=${tone(r[key] < 0 ? 'danger' : r[key] === 0 ? 'muted' : undefined)}>${r[key]}</span>`;
    const narrow = this.width.narrow;
    const columns: Column<StockRow>[] = [
      { key: 'skuCode', title: { 'zh-CN': '商家编码', en: 'SKU code' }, width: 'minmax(110px, 2fr)', render: (r) => html`<span title=${r.title}>${r.skuCode}</span>` },
      { key: 'title', title: { 'zh-CN': '商品', en: 'Product' }, width: 'minmax(100px, 2fr)', hidden: true },
      { key: 'onHand', title: { 'zh-CN': '在库', en: 'On hand' }, type: 'number', width: '56px', render: count('onHand') },
      { key: 'reserved', title: { 'zh-CN': '占用', en: 'Reserved' }, type: 'number', width: '56px', hidden: narrow, render: count('reserved') },
      { key: 'available', title: { 'zh-CN': '可用', en: 'Available' }, type: 'number', width: '56px', render: count('available') },
      { key: 'defective', title: { 'zh-CN': '残次', en: 'Defective' }, type: 'number', width: '56px', render: count('defective') },
      { key: 'bins', title: { 'zh-CN': '库位', en: 'Bins' }, width: 'minmax(120px, 2fr)', hidden: narrow, render: (r) => html`<span style=${tone('small')}>${r.bins.map((b) => `${b.locationCode}×${b.qty}`).join('  ')}</span>` },
    ];
    return html`${html`<wb-data-table source="/fulfillment/stock" storageKey=${this.width.storageKey('fulfillment-stock')} .columns=${columns}
        @row-open=${(e: CustomEvent<{ row: StockRow }>) => manage && this.openMove(e.detail.row)}>
        <span slot="empty">${this.t('还没有库存：先在“入库”里收货上架', 'No stock yet: receive goods under Inbound first')}</span>
      </wb-data-table>`}
      ${manage ? html`<p class="hint">${this.t('选中一行按 Enter（或双击）：移库、调整、转残次', 'Enter (or double-click) on a row: transfer, adjust, to defective')}</p>` : nothing}
      <wb-fulfillment-inventory-move-dialog></wb-fulfillment-inventory-move-dialog>`;
  }

  private openMove(row: StockRow, kind: MoveKind = 'transfer'): void {
    this.renderRoot.querySelector('wb-fulfillment-inventory-move-dialog')?.show(row, kind);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-inventory-stock': FulfillmentInventoryStock;
  }
}
