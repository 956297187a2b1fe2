import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import type { PriceResult } from '../server/types.js';
import { DISCOUNT_KIND, OUTCOME } from './labels.js';
import { listingsStyles } from './styles.js';

/** A priced cart: the lines with their discounts, the totals, the below-cost flag and why each discount did or did not apply. */
@customElement('wb-listings-price-result')
export class ListingsPriceResult extends WbElement {
  static override styles = [controlStyles, listingsStyles, css`
    .totals { display: grid; grid-template-columns: max-content max-content; gap: 2px 16px; margin: 8px 0; }
    .totals .num { text-align: right; font-variant-numeric: tabular-nums; }
    .total { font-size: 16px; font-weight: 600; }
    .below { padding: 6px 10px; border-radius: 4px; background: var(--wb-danger-bg, #fde7e5); color: var(--wb-danger, #b3261e); }
    li.applied .outcome { color: var(--wb-success, #2e7d32); }
    li.refused .outcome, li.not-eligible .outcome { color: var(--wb-muted, #616161); }
  `];

  @property({ attribute: false }) result?: PriceResult;

  override render() {
    const r = this.result;
    if (!r) return nothing;
    return html`<table class="list lines" aria-label=${this.t('计价明细', 'Priced lines')}>
        <thead><tr><th>${this.t('商家编码', 'SKU')}</th><th>${this.t('商品', 'Product')}</th><th class="num">${this.t('单价', 'Unit')}</th><th class="num">${this.t('数量', 'Qty')}</th>
          <th class="num">${this.t('小计', 'Subtotal')}</th><th>${this.t('优惠', 'Discounts')}</th><th class="num">${this.t('应付', 'Line total')}</th></tr></thead>
        <tbody>${r.lines.map((l) => html`<tr>
          <td>${l.code}</td><td>${l.title}</td><td class="num">${this.i18n.money(l.unitPrice)}</td><td class="num">${l.qty}</td><td class="num">${this.i18n.money(l.subtotal)}</td>
          <td>${l.discounts.map((d) => html`<div>${d.name} −${this.i18n.money(d.amount)}</div>`)}</td><td class="num">${this.i18n.money(l.total)}</td>
        </tr>`)}</tbody>
      </table>
      ${r.gifts.length ? html`<p>${this.t('赠品', 'Gifts')}：${r.gifts.map((g) => `${this.giftName(r, g)} × ${g.qty}`).join('，')}</p>` : nothing}
      <div class="totals" role="group" aria-label=${this.t('合计', 'Totals')}>
        <span>${this.t('商品金额', 'Goods')}</span><span class="num goods-total">${this.i18n.money(r.goodsTotal)}</span>
        <span>${this.t('优惠合计', 'Discounts')}</span><span class="num discount-total">−${this.i18n.money(r.discountTotal)}</span>
        <span>${this.t('运费', 'Shipping')}</span><span class="num">${this.i18n.money(r.shipping)}</span>
        <span class="total">${this.t('实付', 'To pay')}</span><span class="num total grand-total">${this.i18n.money(r.total)}</span>
        <span class="hint">${this.t('成本', 'Cost')}</span><span class="num hint">${this.i18n.money(r.costTotal)}</span>
      </div>
      ${r.belowCost ? html`<p class="below" role="alert">${this.t('注意：这一单卖价低于成本。', 'Careful: this cart sells below cost.')}</p>` : nothing}
      <h3>${this.t('优惠说明', 'How it was priced')}</h3>
      ${r.explanation.length
        ? html`<ul class="plain explanation">${r.explanation.map(
            (s) => html`<li class=${s.outcome}><strong>${this.i18n.text(DISCOUNT_KIND[s.kind])}</strong> ${s.name}${s.couponCode ? ` (${s.couponCode})` : ''}
              · <span class="outcome">${this.i18n.text(OUTCOME[s.outcome])}</span>${s.outcome === 'applied' ? html` −${this.i18n.money(s.amount)}` : nothing}
              <div class="hint">${this.i18n.text(s.reason)}</div></li>`,
          )}</ul>`
        : html`<p class="hint">${this.t('没有可用的优惠。', 'No discounts apply.')}</p>`}`;
  }

  /** A gift by its 商家编码 when the cart holds it, otherwise by the promotion that gives it: never a bare id. */
  private giftName(r: PriceResult, gift: PriceResult['gifts'][number]): string {
    const line = r.lines.find((l) => l.skuId === gift.skuId);
    if (line) return line.code;
    const step = r.explanation.find((s) => s.promotionId === gift.promotionId);
    return step ? this.t(`「${step.name}」的赠品`, `the gift of “${step.name}”`) : this.t('赠品', 'a gift');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-price-result': ListingsPriceResult;
  }
}
