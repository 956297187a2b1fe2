import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, WbElement, yuan } from '@workbench/ui';
import { listingsStyles } from './styles.js';

interface CompetitorPrice {
  skuId: number;
  skuCode: string;
  competitor: string;
  price: number;
  url: string | null;
  note: string;
  notedAt: string;
}

/**
 * What competitors ask for the product's SKUs, under the SKU prices, for setting the retail price.
 * procurement notes them; when it does not run, or nothing is noted, this shows nothing at all.
 * Reloads when `stamp` (the product's version) changes.
 */
@customElement('wb-listings-competitor-prices')
export class ListingsCompetitorPrices extends WbElement {
  static override styles = [controlStyles, listingsStyles, css`
    :host { display: block; }
    h4 { margin: 12px 0 2px; font-size: 13px; }
    a { color: inherit; }
  `];

  @property({ type: Number }) productId = 0;
  @property({ type: Number }) stamp = 0;
  @state() private items: CompetitorPrice[] = [];

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('productId') || changed.has('stamp')) {
      if (this.productId) void this.load();
      else this.items = [];
    }
  }

  private async load(): Promise<void> {
    try {
      this.items = (await this.api.get<{ items: CompetitorPrice[] }>(`/listings/products/${this.productId}/competitor-prices`)).items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    if (this.items.length === 0) return nothing;
    return html`<h4>${this.t('竞品价格', "Competitors' prices")}</h4>
      <p class="hint">${this.t('采购记录的同款在别家店的售价，定售价时参考。', 'What other shops ask for the same item, as procurement noted it: for setting the price.')}</p>
      <table class="list" aria-label=${this.t('竞品价格', "Competitors' prices")}>
        <thead><tr>
          <th>${this.t('商家编码', 'SKU code')}</th><th>${this.t('竞品店铺', 'Competitor')}</th>
          <th class="num">${this.t('价格（元）', 'Price (¥)')}</th><th>${this.t('记录于', 'Noted')}</th><th>${this.t('备注', 'Note')}</th>
        </tr></thead>
        <tbody>${this.items.map(
          (p) => html`<tr data-sku=${p.skuCode}>
            <td>${p.skuCode}</td>
            <td>${p.url ? html`<a href=${p.url} target="_blank" rel="noopener noreferrer">${p.competitor}</a>` : p.competitor}</td>
            <td class="num">${yuan(p.price)}</td>
            <td><time datetime=${p.notedAt}>${this.i18n.dateTime(p.notedAt)}</time></td>
            <td class="hint">${p.note}</td>
          </tr>`,
        )}</tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-competitor-prices': ListingsCompetitorPrices;
  }
}
