import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { WbElement, type ComboboxChoice, type ComboboxOption } from '@workbench/ui';
import type { Sku } from '../server/types.js';

export type SkuHit = Sku & { productTitle: string | null };

/**
 * Finds a SKU by 商家编码, barcode or product title as one types; ↑/↓ choose, Enter picks.
 *
 * @fires sku-pick - detail: `{ sku: SkuHit }`
 */
@customElement('wb-listings-sku-picker')
export class ListingsSkuPicker extends WbElement {
  static override styles = css`
    :host { display: block; }
    wb-combobox { --wb-combobox-height: 260px; }
    wb-combobox::part(label) { font-family: var(--wb-font-mono, monospace); }
  `;

  @property() label = '';

  override render() {
    const label = this.label || this.t('找 SKU：商家编码、条码或标题', 'Find a SKU: code, barcode or title');
    return html`<wb-combobox label=${label} .search=${(text: string) => this.find(text)} @choose=${this.onChoose}></wb-combobox>`;
  }

  private async find(text: string): Promise<ComboboxOption<SkuHit>[]> {
    const page = await this.api.get<{ items: SkuHit[] }>('/listings/skus', { q: text, pageSize: 10 });
    return page.items.map((s) => ({ value: s.code, label: s.code, detail: `${s.productTitle ?? ''} ${Object.values(s.attributes).join(' ')}`, muted: this.i18n.money(s.price), data: s }));
  }

  private onChoose(event: CustomEvent<ComboboxChoice<SkuHit>>): void {
    event.stopPropagation();
    const sku = event.detail.option.data;
    if (sku) this.dispatchEvent(new CustomEvent('sku-pick', { detail: { sku }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-sku-picker': ListingsSkuPicker;
  }
}
