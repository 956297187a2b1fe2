import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { controlStyles } from '@workbench/ui';
import { REFUND_STATE_NAMES } from '../shared/refund-state.js';
import { fulfillmentStyles } from './styles.js';
import { FulfillmentOrderPart } from './wb-fulfillment-order-part.js';

/**
 * The order's lines (商家编码, title, properties, quantity, unit price; gifts marked 赠品) and its
 * totals. A line's refund shows beside its title; a refunded line stays, greyed, since it no longer ships.
 */
@customElement('wb-fulfillment-order-items')
export class FulfillmentOrderItems extends FulfillmentOrderPart {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      .scroll { overflow-x: auto; }
      th { white-space: nowrap; }
      td.num { white-space: nowrap; }
      td.code { font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.title { min-width: 160px; }
      td.title .platform { display: block; font-size: 12px; color: var(--wb-muted, #616161); }
      td.props { color: var(--wb-muted, #616161); font-size: 12px; }
      .refund { font-size: 11px; color: var(--wb-warning, #9a5b00); margin-left: 4px; }
      tr.refunded td { color: var(--wb-muted, #616161); }
      tr.refunded td.title > span.text { text-decoration: line-through; }
      .gift-tag { font-size: 11px; padding: 0 4px; margin-right: 4px; border-radius: 3px; color: var(--wb-accent-fg, #fff); background: var(--wb-accent, #c2185b); }
      tfoot td { border-bottom: none; }
      tfoot .label { text-align: right; color: var(--wb-muted, #616161); }
    `,
  ];

  override render() {
    const o = this.order;
    if (!o) return nothing;
    return html`<div class="scroll"><table class="list items" aria-label=${this.t('宝贝', 'Items')}>
      <thead><tr>
        <th>${this.t('商家编码', 'SKU code')}</th><th>${this.t('宝贝', 'Title')}</th><th>${this.t('属性', 'Properties')}</th>
        <th class="num">${this.t('数量', 'Qty')}</th><th class="num">${this.t('单价', 'Price')}</th><th class="num">${this.t('小计', 'Amount')}</th>
      </tr></thead>
      <tbody>${o.items.map((i) => html`<tr data-sku=${i.skuCode} data-refund=${i.refundState} class=${[i.refundState === 'succeeded' ? 'refunded' : '', i.gift ? 'gift' : ''].join(' ').trim()}>
        <td class="code">${i.skuCode || html`<span class="fail">${this.t('（无编码）', '(no code)')}</span>`}</td>
        <td class="title">${i.gift ? html`<span class="gift-tag" title=${this.t('满就送赠品，随单拣货发出', 'A spend-and-get gift, picked and shipped with the order')}>${this.t('赠品', 'Gift')}</span>` : nothing}<span class="text">${i.catalogName || i.title}</span>${i.catalogName && !i.catalogName.startsWith(i.title) ? html`<span class="platform">${i.title}</span>` : nothing}${i.refundState !== 'none'
          ? html`<span class="refund" title=${i.refundStatus ?? ''}>${this.i18n.text(REFUND_STATE_NAMES[i.refundState])}${i.refundAmount ? ` ${this.i18n.money(i.refundAmount)}` : ''}</span>`
          : nothing}</td>
        <td class="props">${i.properties}</td>
        <td class="num">${i.quantity}</td><td class="num">${this.i18n.money(i.price)}</td><td class="num">${this.i18n.money(i.price * i.quantity)}</td>
      </tr>`)}</tbody>
      <tfoot>
        <tr><td colspan="5" class="label">${this.t('宝贝金额', 'Goods')}</td><td class="num">${this.i18n.money(o.goodsTotal)}</td></tr>
        <tr><td colspan="5" class="label">${this.t('运费', 'Shipping')}</td><td class="num shipping-fee">${this.i18n.money(o.shippingFee)}</td></tr>
        <tr><td colspan="5" class="label"><strong>${this.t('应付', 'Total')}</strong></td><td class="num total"><strong>${this.i18n.money(o.total)}</strong></td></tr>
        <tr><td colspan="5" class="label">${this.t('实付', 'Paid')}</td><td class="num">${this.i18n.money(o.paidAmount)}</td></tr>
        ${o.refundAmount ? html`<tr><td colspan="5" class="label">${this.t('退款', 'Refunded')}</td><td class="num warn">${this.i18n.money(o.refundAmount)}</td></tr>` : nothing}
      </tfoot>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-order-items': FulfillmentOrderItems;
  }
}
