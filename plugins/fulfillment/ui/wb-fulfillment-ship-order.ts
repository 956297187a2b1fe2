import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import { labelStyles, statusBadge } from './labels.js';
import { fulfillmentStyles } from './styles.js';
import type { ShipOrder } from './wb-fulfillment-ship-records.js';

/**
 * The order on the packing table: its number and state, who it goes to (as the server may show
 * it), what is in the parcel, and the buyer's message and the remark a packer must not miss.
 */
@customElement('wb-fulfillment-ship-order')
export class FulfillmentShipOrder extends WbElement {
  static override styles = [controlStyles, fulfillmentStyles, labelStyles, css`
    .card { border: 1px solid var(--wb-border, #d4d4d4); border-radius: 8px; padding: 12px 16px; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 8px 24px; }
    .head { grid-column: 1 / -1; display: flex; gap: 12px; align-items: center; }
    .no { font-size: 22px; font-weight: 700; font-family: var(--wb-font-mono, monospace); }
    .receiver { font-size: 15px; }
    ul { margin: 0; padding: 0; list-style: none; font-size: 16px; }
    li { padding: 2px 0; }
    .code { font-family: var(--wb-font-mono, monospace); font-weight: 600; }
    .qty { font-weight: 700; }
    .note { grid-column: 1 / -1; font-size: 16px; font-weight: 600; padding: 6px 10px; border-left: 6px solid var(--wb-warning, #9a5b00); background: var(--wb-tabs-bg, #ececec); }
    @media (max-width: 720px) { .card { grid-template-columns: minmax(0, 1fr); } }
  `];

  @property({ attribute: false }) order?: ShipOrder;

  override render() {
    const o = this.order;
    if (!o) return nothing;
    const masked = o.receiverMasked ? 'masked' : '';
    return html`<div class="card">
      <div class="head"><span class="no">${o.orderNo}</span>${statusBadge(o.status, (n) => this.i18n.text(n))}</div>
      <div class="receiver">
        <div><span class=${masked}>${o.receiverName}</span> <span class=${masked}>${o.receiverPhone}</span></div>
        <div class=${masked}>${o.receiverAddress}</div>
        ${o.receiverMasked ? html`<div class="hint">${this.t('收件人信息已隐藏：打面单需要“查看收件人完整信息”权限', 'Receiver hidden: printing waybills needs the permission to see receivers')}</div>` : nothing}
      </div>
      <ul aria-label=${this.t('包裹里的商品', 'Items in the parcel')}>
        ${o.items.map((i) => html`<li><span class="code">${i.skuCode}</span> ${i.catalogName || i.title} ${i.catalogName && i.title !== i.catalogName ? html`<span class="hint">${i.title}</span>` : i.properties ? html`<span class="hint">${i.properties}</span>` : nothing} × <span class="qty">${i.quantity}</span></li>`)}
      </ul>
      ${o.buyerMessage ? html`<div class="note">${this.t('买家留言', 'Buyer message')}：${o.buyerMessage}</div>` : nothing}
      ${o.sellerRemark ? html`<div class="note">${this.t('卖家备注', 'Seller remark')}：${o.sellerRemark}</div>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-ship-order': FulfillmentShipOrder;
  }
}
