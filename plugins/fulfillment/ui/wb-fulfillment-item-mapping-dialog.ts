import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changes, controlStyles, WbElement } from '@workbench/ui';
import { itemName, type ItemMapping, type WaitingItem } from './item-mapping-record.js';
import { fulfillmentStyles } from './styles.js';
import type { SkuChoice } from './wb-fulfillment-sku-choice.js';
import './wb-fulfillment-sku-choice.js';

/**
 * 这是哪个商品？ — the clerk chooses the SKU a platform item is. Saving the mapping gives the SKU to
 * every waiting order holding the item (the server does it in one go) and to later imports.
 *
 * @fires mapping-saved - after the mapping was saved; every order panel is told to reload as well
 */
@customElement('wb-fulfillment-item-mapping-dialog')
export class FulfillmentItemMappingDialog extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      .body { display: grid; gap: 8px; min-width: min(480px, 80vw); }
      .item { font-weight: 600; }
      .chosen { display: flex; gap: 8px; align-items: baseline; }
      .chosen .code { font-family: var(--wb-font-mono, monospace); font-weight: 600; }
      p { margin: 0; }
    `,
  ];

  @state() private item?: WaitingItem;
  @state() private choice?: SkuChoice;
  @state() private error = '';
  @state() private saving = false;

  show(item: WaitingItem): void {
    this.item = item;
    this.choice = undefined;
    this.error = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector('wb-fulfillment-sku-choice')?.focus());
  }

  override render() {
    const item = this.item;
    if (!item) return nothing;
    return html`<wb-dialog heading=${this.t('这是哪个商品？', 'Which SKU is this?')} open @close=${() => (this.item = undefined)}>
      <div class="body">
        <p class="item">${itemName(item)}</p>
        <p class="hint">${item.code
          ? this.t(`淘宝上的商家编码 ${item.code} 在商品资料里没有。`, `The code ${item.code} from Taobao is not in the catalog.`)
          : this.t('淘宝导出里这个宝贝没有商家编码。', 'The Taobao export gives this item no SKU code.')}
          ${this.t(`${item.orders} 个等待中的订单有它。`, `${item.orders} waiting orders hold it.`)}</p>
        <wb-fulfillment-sku-choice @sku-choice=${(e: CustomEvent<SkuChoice>) => ((this.choice = e.detail), (this.error = ''))}></wb-fulfillment-sku-choice>
        ${this.choice
          ? html`<p class="chosen">${this.t('是', 'It is')} <span class="code">${this.choice.code}</span><span>${this.choice.name}</span></p>`
          : nothing}
        <p class="hint">${this.t('保存后，等待中的订单立刻对上这个 SKU；以后导入的同样宝贝（标题和属性相同，空格、全角半角不论）也自动对上。', 'Once saved, waiting orders get this SKU at once, and so do later imports of the same item (same title and properties, whatever the spacing or full-width punctuation).')}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </div>
      <button slot="actions" @click=${() => (this.item = undefined)}>${this.t('取消', 'Cancel')}</button>
      <button slot="actions" class="primary save-mapping" ?disabled=${!this.choice || this.saving} @click=${() => void this.save()}>${this.t('保存对应', 'Save')}</button>
    </wb-dialog>`;
  }

  private async save(): Promise<void> {
    const item = this.item;
    if (!item || !this.choice) return;
    this.saving = true;
    try {
      const answer = await this.api.post<{ mapping: ItemMapping; orders: { orderNo: string }[] }>('/fulfillment/item-mappings', { title: item.title, properties: item.properties, skuCode: this.choice.code });
      const n = answer.orders.length;
      this.notifications.notify('success', this.t(`已对应到 ${answer.mapping.skuCode}，${n} 个订单已对上`, `Mapped to ${answer.mapping.skuCode}; ${n} orders matched`));
      this.item = undefined;
      this.dispatchEvent(new CustomEvent('mapping-saved', { bubbles: true, composed: true }));
      changes.announce('fulfillment.orders');
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-item-mapping-dialog': FulfillmentItemMappingDialog;
  }
}
