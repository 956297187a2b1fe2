import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, type LocalizedText, WbElement } from '@workbench/ui';
import { listingsStyles } from './styles.js';

interface StockWarnings {
  available: boolean;
  reason?: LocalizedText;
  threshold: number;
  items: { skuId: number; code: string; productId: number; productTitle: string; stock: number; threshold: number }[];
}

interface ExcessStock {
  available: boolean;
  days: number;
  windowDays: number;
  rule: LocalizedText;
  items: { skuId: number; code: string; productId: number; productTitle: string; onHand: number; shipped: number; dailySales: number; daysOfStock: number | null; limit: number; explanation: LocalizedText }[];
}

/**
 * Dashboard card: listed SKUs below their stock threshold, and beside them those holding more
 * than their sales need (库存积压) with the sum behind each; or why there is nothing to show.
 */
@customElement('wb-listings-low-stock')
export class ListingsLowStock extends WbElement {
  // The home page's cards are narrow (from 260px): one line per SKU, the 商家编码 and figures whole,
  // the product title cut short with its full text on hover.
  static override styles = [
    controlStyles,
    listingsStyles,
    css`
      :host { display: block; }
      .scroll { max-height: 240px; overflow: auto; }
      table.list th, table.list td { white-space: nowrap; }
      td.code button.link { padding: 0; text-align: left; font-variant-numeric: tabular-nums; }
      td.product { max-width: 0; width: 100%; overflow: hidden; text-overflow: ellipsis; }
      h3 { margin: 12px 0 4px; font-size: inherit; }
      .sum { margin: 2px 0 0; font-size: 12px; }
    `,
  ];

  @state() private data?: StockWarnings;
  @state() private excess?: ExcessStock;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load('get');
  }

  private async load(how: 'get' | 'check'): Promise<void> {
    try {
      const [data, excess] = await Promise.all([
        how === 'get' ? this.api.get<StockWarnings>('/listings/stock-warnings') : this.api.post<StockWarnings>('/listings/stock-warnings/check'),
        this.api.get<ExcessStock>('/listings/stock-warnings/excess'),
      ]);
      this.data = data;
      this.excess = excess;
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    const d = this.data;
    if (!d) return html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`;
    if (!d.available) return html`<p class="hint unavailable">${this.i18n.text(d.reason) || this.t('库存预警需要启用“订单与仓储”插件。', 'Stock warnings need the Fulfillment plugin.')}</p>`;
    return html`${d.items.length
        ? html`<div class="scroll"><table class="list low" aria-label=${this.t('库存预警', 'Low stock')}>
            <thead><tr><th>${this.t('商家编码', 'SKU')}</th><th>${this.t('商品', 'Product')}</th><th class="num">${this.t('库存', 'Stock')}</th><th class="num">${this.t('预警线', 'Alert below')}</th></tr></thead>
            <tbody>${d.items.map((i) => html`<tr>
              <td class="code"><button class="link" @click=${() => this.workbench.openEditor({ opens: 'product', id: String(i.productId), title: i.productTitle })}>${i.code}</button></td>
              <td class="product" title=${i.productTitle}>${i.productTitle}</td><td class="num fail">${i.stock}</td><td class="num">${i.threshold}</td></tr>`)}</tbody>
          </table></div>`
        : html`<p class="pass">${this.t(`在售 SKU 库存都不低于 ${d.threshold} 件。`, `Every listed SKU has at least ${d.threshold} in stock.`)}</p>`}
      ${this.renderExcess()}
      ${this.workbench.can('listings.products.read') ? html`<div class="actions"><button @click=${() => void this.load('check')}>${this.t('重新检查', 'Check again')}</button></div>` : nothing}`;
  }

  private renderExcess() {
    const e = this.excess;
    if (!e?.available) return nothing;
    const title = this.t('库存积压', 'Excess stock');
    return html`<h3>${title}</h3>
      ${e.items.length
        ? html`<div class="scroll"><table class="list excess" aria-label=${title}>
            <thead><tr><th>${this.t('商家编码', 'SKU')}</th><th class="num">${this.t('在库', 'On hand')}</th><th class="num">${this.t('日均发货', 'A day')}</th><th class="num">${this.t('够卖天数', 'Days')}</th></tr></thead>
            <tbody>${e.items.map((i) => html`<tr title=${this.i18n.text(i.explanation)}>
              <td class="code"><button class="link" @click=${() => this.workbench.openEditor({ opens: 'product', id: String(i.productId), title: i.productTitle })}>${i.code}</button></td>
              <td class="num">${i.onHand}</td><td class="num">${i.dailySales}</td>
              <td class="num fail">${i.daysOfStock ?? this.t('无发货', 'no sales')}</td></tr>`)}</tbody>
          </table></div>`
        : html`<p class="pass">${this.t(`在售 SKU 的库存都不超过 ${e.days} 天的销量。`, `No listed SKU holds more than ${e.days} days of sales.`)}</p>`}
      <p class="hint sum">${this.i18n.text(e.rule)}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-low-stock': ListingsLowStock;
  }
}
