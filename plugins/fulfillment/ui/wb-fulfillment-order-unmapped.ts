import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles } from '@workbench/ui';
import type { OrderStatus } from '../shared/state-names.js';
import { itemName, type WaitingItem } from './item-mapping-record.js';
import { fulfillmentStyles } from './styles.js';
import type { FulfillmentItemMappingDialog } from './wb-fulfillment-item-mapping-dialog.js';
import { FulfillmentOrderPart } from './wb-fulfillment-order-part.js';
import './wb-fulfillment-item-mapping-dialog.js';

/** Orders whose lines a mapping still resolves (README "Platform item mappings"). */
const WAITING: readonly OrderStatus[] = ['pending', 'exception', 'fraud'];

/**
 * Under the order's items: the items of this order no SKU is known for yet (no 商家编码, or one the
 * catalog lacks), each with 这是哪个商品？ for those who may edit orders. Shows nothing otherwise; a
 * saved mapping reloads every order panel, this order's editor too.
 */
@customElement('wb-fulfillment-order-unmapped')
export class FulfillmentOrderUnmapped extends FulfillmentOrderPart {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      .box { border: 1px solid var(--wb-warning, #9a5b00); border-radius: 4px; padding: 6px 10px; margin: 8px 0; }
      .box p { margin: 0 0 4px; }
      ul { list-style: none; margin: 0; padding: 0; }
      li { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; padding: 3px 0; }
      li .name { flex: 1; min-width: 160px; }
      li .code { font-family: var(--wb-font-mono, monospace); font-size: 12px; }
    `,
  ];

  @state() private items: WaitingItem[] = [];
  private loadedFor = '';

  protected override willUpdate(): void {
    const o = this.order;
    const key = o ? `${o.id}:${o.version}` : '';
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    // Only the server tells a stub SKU from a complete one, so every waiting order asks (one small query).
    if (o && WAITING.includes(o.status)) void this.load(o.id);
    else this.items = [];
  }

  private async load(orderId: number): Promise<void> {
    try {
      this.items = (await this.api.get<{ items: WaitingItem[] }>('/fulfillment/item-mappings/waiting', { orderId })).items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    if (!this.items.length) return nothing;
    const edit = this.workbench.can('fulfillment.orders.edit');
    return html`<div class="box" role="region" aria-label=${this.t('待对应的宝贝', 'Items without a SKU')}>
        <p class="warn">${this.t(`${this.items.length} 个宝贝还不知道是店里哪个 SKU，对上以后才能审单：`, `${this.items.length} items are not matched to a SKU yet; the order can be approved once they are:`)}</p>
        <ul>${this.items.map(
          (w) => html`<li data-title=${w.title}>
            <span class="name">${itemName(w)}</span>
            <span class="code">${w.code || this.t('（无编码）', '(no code)')}</span>
            ${edit ? html`<button class="map-item" @click=${() => this.dialog()?.show(w)}>${this.t('这是哪个商品？', 'Which SKU is this?')}</button>` : nothing}
          </li>`,
        )}</ul>
      </div>
      <wb-fulfillment-item-mapping-dialog></wb-fulfillment-item-mapping-dialog>`;
  }

  private dialog(): FulfillmentItemMappingDialog | null {
    return this.renderRoot.querySelector('wb-fulfillment-item-mapping-dialog');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-order-unmapped': FulfillmentOrderUnmapped;
  }
}
