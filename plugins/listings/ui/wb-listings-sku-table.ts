import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import { emptySku, type SkuDraft } from './product-draft.js';
import { listingsStyles } from './styles.js';

type Field = Exclude<keyof SkuDraft, 'id' | 'version' | 'otherAttributes'>;

/**
 * A product's SKUs as an editable table: 商家编码, 颜色, 尺码, price and cost in 元, barcode,
 * weight and own low-stock threshold. The rows belong to the editor; every edit fires a change.
 *
 * @fires rows-change - detail: `{ rows: SkuDraft[] }`
 */
@customElement('wb-listings-sku-table')
export class ListingsSkuTable extends WbElement {
  static override styles = [controlStyles, listingsStyles, css`
    td.narrow { width: 72px; } td.tiny { width: 56px; } .wrap { overflow-x: auto; }
    /* Room for each value in a narrow editor; past that the table scrolls sideways instead of cutting codes. */
    td.wide input { min-width: 10em; } td.narrow input { min-width: 5.5em; } td.tiny input { min-width: 3.5em; }
  `];

  @property({ attribute: false }) rows: SkuDraft[] = [];
  @property({ type: Boolean }) readonly = false;
  /** Pointers like `/skus/1/price` that the last save refused. */
  @property({ attribute: false }) invalid: Set<string> = new Set();

  override render() {
    const head: [string, string][] = [
      [this.t('商家编码', 'SKU code'), ''],
      [this.t('颜色', 'Colour'), ''],
      [this.t('尺码', 'Size'), ''],
      [this.t('售价（元）', 'Price (¥)'), 'num'],
      [this.t('成本（元）', 'Cost (¥)'), 'num'],
      [this.t('条码', 'Barcode'), ''],
      [this.t('重量（克）', 'Weight (g)'), 'num'],
      [this.t('预警线', 'Alert below'), 'num'],
    ];
    return html`<div class="wrap"><table class="edit" aria-label=${this.t('SKU 列表', 'SKUs')}>
        <thead><tr>${head.map(([label, cls]) => html`<th class=${cls}>${label}</th>`)}${this.readonly ? nothing : html`<th></th>`}</tr></thead>
        <tbody>${this.rows.map((row, i) => this.renderRow(row, i))}</tbody>
      </table></div>
      ${this.readonly ? nothing : html`<div class="actions"><button class="add-sku" @click=${this.add}>${this.t('添加 SKU', 'Add SKU')}</button></div>`}`;
  }

  private renderRow(row: SkuDraft, i: number) {
    const cell = (field: Field, label: string, path: string, cls = '', mode = 'text') =>
      html`<td class=${cls}><input name=${field} aria-label="${label} ${i + 1}" inputmode=${mode} .value=${row[field]} ?readonly=${this.readonly}
        aria-invalid=${this.invalid.has(`/skus/${i}/${path}`) ? 'true' : 'false'} @input=${(e: Event) => this.edit(i, field, (e.target as HTMLInputElement).value)} /></td>`;
    return html`<tr data-row=${i}>
      ${cell('code', this.t('商家编码', 'SKU code'), 'code', 'wide')}
      ${cell('color', this.t('颜色', 'Colour'), 'attributes', 'narrow')}
      ${cell('size', this.t('尺码', 'Size'), 'attributes', 'tiny')}
      ${cell('price', this.t('售价', 'Price'), 'price', 'narrow', 'decimal')}
      ${cell('cost', this.t('成本', 'Cost'), 'cost', 'narrow', 'decimal')}
      ${cell('barcode', this.t('条码', 'Barcode'), 'barcode', 'wide', 'numeric')}
      ${cell('weight', this.t('重量', 'Weight'), 'weightGrams', 'tiny', 'numeric')}
      ${cell('threshold', this.t('预警线', 'Alert below'), 'lowStockThreshold', 'tiny', 'numeric')}
      ${this.readonly ? nothing : html`<td><button class="link" aria-label="${this.t('删除 SKU', 'Remove SKU')} ${i + 1}" @click=${() => this.removeRow(i)}>✕</button></td>`}
    </tr>`;
  }

  private edit(index: number, field: Field, value: string): void {
    this.emit(this.rows.map((r, i) => (i === index ? { ...r, [field]: value } : r)));
  }

  private add(): void {
    // A new row repeats the last colour so sizes of one colour go quickly.
    const last = this.rows.at(-1);
    this.emit([...this.rows, { ...emptySku(), color: last?.color ?? '', price: last?.price ?? '', cost: last?.cost ?? '' }]);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`tr[data-row="${this.rows.length - 1}"] input[name=code]`)?.focus());
  }

  private removeRow(index: number): void {
    this.emit(this.rows.filter((_, i) => i !== index));
  }

  private emit(rows: SkuDraft[]): void {
    this.rows = rows;
    this.dispatchEvent(new CustomEvent('rows-change', { detail: { rows }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-sku-table': ListingsSkuTable;
  }
}
