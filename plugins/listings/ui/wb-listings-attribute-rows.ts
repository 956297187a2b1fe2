import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import { listingsStyles } from './styles.js';

/** Attribute names staff pick most; any other name may be typed. */
const COMMON = ['面料', '颜色', '尺码', '风格', '袖长', '领型', '厚薄', '适用季节', '产地'];

/**
 * Product-level attributes (面料 纯棉, 风格 休闲 …) as name/value rows.
 *
 * @fires pairs-change - detail: `{ pairs: [name, value][] }`
 */
@customElement('wb-listings-attribute-rows')
export class ListingsAttributeRows extends WbElement {
  static override styles = [controlStyles, listingsStyles];

  @property({ attribute: false }) pairs: [string, string][] = [];
  @property({ type: Boolean }) readonly = false;

  override render() {
    return html`<datalist id="names">${COMMON.map((n) => html`<option value=${n}></option>`)}</datalist>
      <table class="edit" aria-label=${this.t('商品属性', 'Attributes')}>
        <thead><tr><th>${this.t('属性', 'Attribute')}</th><th>${this.t('值', 'Value')}</th>${this.readonly ? nothing : html`<th></th>`}</tr></thead>
        <tbody>
          ${this.pairs.map(
            ([name, value], i) => html`<tr>
              <td><input list="names" aria-label="${this.t('属性名', 'Attribute name')} ${i + 1}" .value=${name} ?readonly=${this.readonly} @input=${(e: Event) => this.edit(i, 0, (e.target as HTMLInputElement).value)} /></td>
              <td><input aria-label=${name || this.t('属性值', 'Value')} .value=${value} ?readonly=${this.readonly} @input=${(e: Event) => this.edit(i, 1, (e.target as HTMLInputElement).value)} /></td>
              ${this.readonly ? nothing : html`<td><button class="link" aria-label="${this.t('删除属性', 'Remove attribute')} ${name}" @click=${() => this.emit(this.pairs.filter((_, j) => j !== i))}>✕</button></td>`}
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.readonly ? nothing : html`<div class="actions"><button @click=${() => this.emit([...this.pairs, ['', '']])}>${this.t('添加属性', 'Add attribute')}</button></div>`}`;
  }

  private edit(index: number, part: 0 | 1, text: string): void {
    this.emit(this.pairs.map((p, i) => (i === index ? (part === 0 ? [text, p[1]] : [p[0], text]) : p)));
  }

  private emit(pairs: [string, string][]): void {
    this.pairs = pairs;
    this.dispatchEvent(new CustomEvent('pairs-change', { detail: { pairs }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-attribute-rows': ListingsAttributeRows;
  }
}
