import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, WbElement, yuanToFen } from '@workbench/ui';
import type { PriceResult } from '../server/types.js';
import { listingsStyles } from './styles.js';
import type { SkuHit } from './wb-listings-sku-picker.js';
import './wb-listings-price-result.js';
import './wb-listings-sku-picker.js';

interface CartRow {
  sku: SkuHit;
  qty: number;
}

/**
 * 价格计算器: put SKUs in a cart, pick a member level, type a coupon code and the shipping fee,
 * and see what the buyer pays under today's promotions — with each discount and why it applied
 * or not. It only reads; nothing is redeemed.
 */
@customElement('wb-listings-price-calculator')
export class ListingsPriceCalculator extends WbElement {
  static override styles = [controlStyles, listingsStyles, css`
    .cart td input.qty { width: 64px; }
    .picker { max-width: 520px; margin-bottom: 8px; }
    .result { margin-top: 16px; border-top: 1px solid var(--wb-border-soft, #ececec); padding-top: 8px; }
  `];

  @property() recordId = '';
  @state() private rows: CartRow[] = [];
  @state() private member = '';
  @state() private coupon = '';
  @state() private shipping = '';
  @state() private result?: PriceResult;
  @state() private problem = '';
  @state() private busy = false;

  override render() {
    return html`<h2>${this.t('价格计算器', 'Price calculator')}</h2>
      <div class="picker"><wb-listings-sku-picker @sku-pick=${(e: CustomEvent<{ sku: SkuHit }>) => this.add(e.detail.sku)}></wb-listings-sku-picker></div>
      ${this.rows.length
        ? html`<table class="edit cart" aria-label=${this.t('购物车', 'Cart')}>
            <thead><tr><th>${this.t('商家编码', 'SKU code')}</th><th>${this.t('商品', 'Product')}</th><th class="num">${this.t('单价', 'Price')}</th><th>${this.t('数量', 'Qty')}</th><th></th></tr></thead>
            <tbody>${this.rows.map((r, i) => html`<tr>
              <td>${r.sku.code}</td><td>${r.sku.productTitle ?? ''} ${Object.values(r.sku.attributes).join(' ')}</td><td class="num">${this.i18n.money(r.sku.price)}</td>
              <td><input class="qty" type="number" min="1" max="999" aria-label="${this.t('数量', 'Qty')} ${r.sku.code}" .value=${String(r.qty)} @input=${(e: Event) => this.setQty(i, (e.target as HTMLInputElement).valueAsNumber)} /></td>
              <td><button class="link" aria-label="${this.t('移出', 'Remove')} ${r.sku.code}" @click=${() => (this.rows = this.rows.filter((_, j) => j !== i))}>✕</button></td>
            </tr>`)}</tbody>
          </table>`
        : html`<p class="hint">${this.t('购物车是空的：在上面找 SKU 加进来。', 'The cart is empty: find SKUs above to add them.')}</p>`}
      <section class="grid">
        <label for="member">${this.t('会员等级', 'Member level')}</label>
        <input id="member" name="memberLevel" list="levels" .value=${this.member} placeholder=${this.t('非会员留空', 'Empty for none')} @input=${(e: Event) => (this.member = (e.target as HTMLInputElement).value.trim())} />
        <datalist id="levels">${['V1', 'V2', 'V3', 'V4', 'V5'].map((v) => html`<option value=${v}></option>`)}</datalist>
        <label for="coupon">${this.t('优惠券码', 'Coupon code')}</label>
        <input id="coupon" name="couponCode" .value=${this.coupon} @input=${(e: Event) => (this.coupon = (e.target as HTMLInputElement).value.trim())} />
        <label for="shipping">${this.t('运费（元）', 'Shipping (¥)')}</label>
        <input id="shipping" name="shipping" inputmode="decimal" .value=${this.shipping} placeholder="0" @input=${(e: Event) => (this.shipping = (e.target as HTMLInputElement).value)} />
      </section>
      <div class="actions"><button class="primary calculate" ?disabled=${this.busy || !this.rows.length} @click=${() => void this.calculate()}>${this.t('计算', 'Calculate')}</button></div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.result ? html`<div class="result"><wb-listings-price-result .result=${this.result}></wb-listings-price-result></div>` : nothing}`;
  }

  private add(sku: SkuHit): void {
    const at = this.rows.findIndex((r) => r.sku.id === sku.id);
    this.rows = at >= 0 ? this.rows.map((r, i) => (i === at ? { ...r, qty: r.qty + 1 } : r)) : [...this.rows, { sku, qty: 1 }];
  }

  private setQty(index: number, qty: number): void {
    if (!Number.isInteger(qty) || qty < 1) return;
    this.rows = this.rows.map((r, i) => (i === index ? { ...r, qty } : r));
  }

  private async calculate(): Promise<void> {
    const shipping = this.shipping.trim() === '' ? 0 : yuanToFen(this.shipping);
    if (shipping === undefined) {
      this.problem = this.t('运费请写成元，例如 8 或 12.50', 'Enter the shipping fee in yuan, e.g. 8 or 12.50');
      return;
    }
    this.problem = '';
    this.busy = true;
    try {
      this.result = await this.api.post<PriceResult>('/listings/price', {
        lines: this.rows.map((r) => ({ skuId: r.sku.id, qty: r.qty })),
        ...(this.member ? { memberLevel: this.member } : {}),
        ...(this.coupon ? { couponCode: this.coupon } : {}),
        shipping,
      });
    } catch (error) {
      this.result = undefined;
      this.problem = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-price-calculator': ListingsPriceCalculator;
  }
}
