import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { confirmDialog, controlStyles, ReloadOnChange, WbElement } from '@workbench/ui';
import { itemName, type ItemMapping, type WaitingItem } from './item-mapping-record.js';
import { fulfillmentStyles } from './styles.js';
import type { FulfillmentItemMappingDialog } from './wb-fulfillment-item-mapping-dialog.js';
import './wb-fulfillment-item-mapping-dialog.js';

/**
 * 宝贝对应 in a tab: the platform items waiting orders hold without a SKU (each with 这是哪个商品？
 * and the orders it holds), and the saved mappings, each removable. Reloads when orders change.
 */
@customElement('wb-fulfillment-item-mappings')
export class FulfillmentItemMappings extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      :host { padding: 12px 16px; box-sizing: border-box; }
      td.code { font-family: var(--wb-font-mono, monospace); white-space: nowrap; }
      td.when { white-space: nowrap; font-variant-numeric: tabular-nums; }
      td.orders button.link { margin-right: 6px; }
    `,
  ];

  @state() private waiting: WaitingItem[] = [];
  @state() private mappings: ItemMapping[] = [];
  @state() private total = 0;
  @state() private loaded = false;
  private readonly loader = new ReloadOnChange(this, ['fulfillment.orders'], { reload: () => this.load(), onConnect: true });

  private async load(): Promise<void> {
    try {
      const [waiting, mappings] = await Promise.all([
        this.api.get<{ items: WaitingItem[] }>('/fulfillment/item-mappings/waiting'),
        this.api.get<{ items: ItemMapping[]; total: number }>('/fulfillment/item-mappings', { pageSize: 500 }),
      ]);
      this.waiting = waiting.items;
      this.mappings = mappings.items;
      this.total = mappings.total;
      this.loaded = true;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    if (!this.loaded) return html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`;
    const edit = this.workbench.can('fulfillment.orders.edit');
    return html`<h2>${this.t('宝贝对应', 'Item mappings')}</h2>
      <p class="hint">${this.t('淘宝导出里没有商家编码（或编码在商品资料里没有）的宝贝，按宝贝标题和属性对应到店里的 SKU：指认一次，等待中的订单和以后的导入都自动对上。', 'Items the Taobao export gives no SKU code (or one the catalog lacks) are matched to a SKU by title and properties: say it once, and waiting orders and later imports match by themselves.')}</p>
      <section class="waiting">
        <h3>${this.t(`待对应（${this.waiting.length}）`, `Waiting (${this.waiting.length})`)}</h3>
        ${this.waiting.length
          ? html`<table class="list waiting">
              <thead><tr><th>${this.t('宝贝', 'Item')}</th><th>${this.t('淘宝编码', 'Code on Taobao')}</th><th>${this.t('订单', 'Orders')}</th><th></th></tr></thead>
              <tbody>${this.waiting.map(
                (w) => html`<tr data-title=${w.title}>
                  <td>${itemName(w)}</td>
                  <td class="code">${w.code || this.t('（无编码）', '(no code)')}</td>
                  <td class="orders">${w.orders}：${w.orderNos.map((no) => html`<button class="link" @click=${() => this.openOrder(no)}>${no}</button>`)}${w.orders > w.orderNos.length ? '…' : ''}</td>
                  <td>${edit ? html`<button class="map-item" @click=${() => this.dialog()?.show(w)}>${this.t('这是哪个商品？', 'Which SKU is this?')}</button>` : nothing}</td>
                </tr>`,
              )}</tbody>
            </table>`
          : html`<p class="hint">${this.t('没有等待对应的宝贝。', 'No item is waiting.')}</p>`}
      </section>
      <section class="saved">
        <h3>${this.t(`已对应（${this.total}）`, `Mapped (${this.total})`)}</h3>
        ${this.mappings.length
          ? html`<table class="list mappings">
              <thead><tr><th>${this.t('宝贝', 'Item')}</th><th>${this.t('商家编码', 'SKU code')}</th><th>${this.t('SKU', 'SKU')}</th><th>${this.t('谁', 'By')}</th><th>${this.t('时间', 'When')}</th><th></th></tr></thead>
              <tbody>${this.mappings.map(
                (m) => html`<tr data-id=${m.id}>
                  <td>${itemName(m)}</td><td class="code">${m.skuCode}</td><td>${m.skuName}</td><td>${m.createdByName}</td><td class="when">${this.i18n.dateTime(m.createdAt)}</td>
                  <td>${edit ? html`<button class="remove-mapping" @click=${() => void this.removeMapping(m)}>${this.t('删除', 'Remove')}</button>` : nothing}</td>
                </tr>`,
              )}</tbody>
            </table>`
          : html`<p class="hint">${this.t('还没有对应关系。', 'No mappings yet.')}</p>`}
      </section>
      <wb-fulfillment-item-mapping-dialog></wb-fulfillment-item-mapping-dialog>`;
  }

  private dialog(): FulfillmentItemMappingDialog | null {
    return this.renderRoot.querySelector('wb-fulfillment-item-mapping-dialog');
  }

  private async openOrder(orderNo: string): Promise<void> {
    try {
      const hit = (await this.api.get<{ items: { id: number; orderNo: string }[] }>('/fulfillment/orders', { q: orderNo })).items.find((o) => o.orderNo === orderNo);
      if (hit) this.workbench.openEditor({ opens: 'order', id: String(hit.id), title: orderNo });
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async removeMapping(m: ItemMapping): Promise<void> {
    const ok = await confirmDialog(this, {
      heading: this.t('删除对应关系', 'Remove the mapping'),
      message: this.t(`「${itemName(m)}」不再对应 ${m.skuCode}。已对上的订单不变；以后导入的这个宝贝要重新指认。`, `“${itemName(m)}” is no longer mapped to ${m.skuCode}. Orders already matched keep their SKU; later imports of the item wait again.`),
      confirmLabel: this.t('删除', 'Remove'),
      danger: true,
    });
    if (!ok) return;
    try {
      await this.api.delete(`/fulfillment/item-mappings/${m.id}`);
      this.notifications.notify('success', this.t('已删除对应关系', 'Mapping removed'));
      await this.load();
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-item-mappings': FulfillmentItemMappings;
  }
}
