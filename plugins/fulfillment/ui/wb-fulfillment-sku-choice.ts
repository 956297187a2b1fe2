import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { WbElement, type ComboboxChoice, type ComboboxOption } from '@workbench/ui';

/** A SKU as listings' search answers it (`GET /listings/skus`). */
interface SkuHit {
  id: number;
  code: string;
  attributes: Record<string, string>;
  price: number;
  productTitle: string | null;
  needsCompleting: boolean;
}

/** The SKU chosen: its 商家编码, and a name to show when the search gave one. */
export interface SkuChoice {
  code: string;
  name: string;
}

/**
 * Finds a SKU as one types (↑/↓ choose, Enter picks): whoever enters orders by name, pinyin, its
 * initials, 商家编码 or barcode (fulfillment's own finder); others by listings' SKU search. Someone who
 * may do neither types the 商家编码 and presses Enter.
 *
 * @fires sku-choice - detail: `SkuChoice`
 */
@customElement('wb-fulfillment-sku-choice')
export class FulfillmentSkuChoice extends WbElement {
  static override styles = css`
    :host { display: block; }
    wb-combobox::part(label) { font-family: var(--wb-font-mono, monospace); }
  `;

  override render() {
    const own = this.workbench.can('fulfillment.orders.edit');
    const searches = own || this.workbench.can('listings.products.read');
    const label = own
      ? this.t('找 SKU：品名、拼音首字母、商家编码或条码', 'Find a SKU: name, pinyin initials, code or barcode')
      : searches ? this.t('找 SKU：商家编码、条码或标题', 'Find a SKU: code, barcode or title') : this.t('输入商家编码后按 Enter', 'Type the SKU code, then Enter');
    return html`<wb-combobox label=${label} allowFreeText .search=${searches ? (text: string) => (own ? this.findOwn(text) : this.find(text)) : undefined} @choose=${this.onChoose}></wb-combobox>`;
  }

  /** Fulfillment's own finder (`GET /fulfillment/sku-search`): names, pinyin and its initials too (珊瑚绒 → shr). */
  private async findOwn(text: string): Promise<ComboboxOption[]> {
    const page = await this.api.get<{ items: { code: string; name: string; price: number }[] }>('/fulfillment/sku-search', { q: text, limit: 10 });
    return page.items.map((s) => ({ value: s.code, label: s.code, detail: s.name, muted: this.i18n.money(s.price) }));
  }

  private async find(text: string): Promise<ComboboxOption[]> {
    const page = await this.api.get<{ items: SkuHit[] }>('/listings/skus', { q: text, pageSize: 10 });
    // A stub still to complete cannot be mapped to (the server refuses it): leave it out.
    return page.items.filter((s) => !s.needsCompleting).map((s) => ({ value: s.code, label: s.code, detail: nameOf(s), muted: this.i18n.money(s.price) }));
  }

  private onChoose(event: CustomEvent<ComboboxChoice>): void {
    event.stopPropagation();
    const { option, freeText } = event.detail;
    const choice: SkuChoice = { code: option.value, name: freeText ? '' : (option.detail ?? '') };
    this.dispatchEvent(new CustomEvent('sku-choice', { detail: choice, bubbles: true, composed: true }));
  }

  override focus(): void {
    this.renderRoot.querySelector('wb-combobox')?.focus();
  }
}

function nameOf(s: SkuHit): string {
  return [s.productTitle ?? '', ...Object.values(s.attributes)].filter(Boolean).join(' ');
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-sku-choice': FulfillmentSkuChoice;
  }
}
