import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import type { ImageDraft } from './product-draft.js';
import { listingsStyles } from './styles.js';

/**
 * A product's images as rows of URL, kind (主图 / 详情图), width in pixels and the shop watermark —
 * the figures the checklist's image rules read.
 *
 * @fires images-change - detail: `{ images: ImageDraft[] }`
 */
@customElement('wb-listings-image-rows')
export class ListingsImageRows extends WbElement {
  static override styles = [controlStyles, listingsStyles, css`th.kind, td.kind { width: 96px; } th.width, td.width { width: 80px; } th.remove, td.remove { width: 28px; } th.mark, td.mark { width: 40px; text-align: center; }`];

  @property({ attribute: false }) images: ImageDraft[] = [];
  @property({ type: Boolean }) readonly = false;

  override render() {
    const main = this.images.filter((i) => i.kind === 'main').length;
    const detail = this.images.length - main;
    return html`<p class="hint">${this.t(`主图 ${main} 张，详情图 ${detail} 张`, `${main} main, ${detail} detail images`)}</p>
      ${this.images.length
        ? html`<table class="edit" aria-label=${this.t('商品图片', 'Images')}>
            <thead><tr><th>${this.t('图片地址', 'Image URL')}</th><th class="kind">${this.t('类型', 'Kind')}</th><th class="num width">${this.t('宽（像素）', 'Width (px)')}</th><th class="mark">${this.t('水印', 'Watermark')}</th>${this.readonly ? nothing : html`<th class="remove"></th>`}</tr></thead>
            <tbody>${this.images.map((img, i) => this.renderRow(img, i))}</tbody>
          </table>`
        : nothing}
      ${this.readonly ? nothing : html`<div class="actions"><button @click=${() => this.emit([...this.images, { url: '', kind: this.images.length ? 'detail' : 'main', width: '', watermark: false }])}>${this.t('添加图片', 'Add image')}</button></div>`}`;
  }

  private renderRow(img: ImageDraft, i: number) {
    return html`<tr>
      <td><input type="url" aria-label="${this.t('图片地址', 'Image URL')} ${i + 1}" .value=${img.url} ?readonly=${this.readonly} @input=${(e: Event) => this.edit(i, { url: (e.target as HTMLInputElement).value })} /></td>
      <td class="kind"><select aria-label="${this.t('类型', 'Kind')} ${i + 1}" ?disabled=${this.readonly} @change=${(e: Event) => this.edit(i, { kind: (e.target as HTMLSelectElement).value as ImageDraft['kind'] })}>
        <option value="main" ?selected=${img.kind === 'main'}>${this.t('主图', 'Main')}</option>
        <option value="detail" ?selected=${img.kind === 'detail'}>${this.t('详情图', 'Detail')}</option>
      </select></td>
      <td class="width"><input inputmode="numeric" aria-label="${this.t('宽度', 'Width')} ${i + 1}" .value=${img.width} ?readonly=${this.readonly} @input=${(e: Event) => this.edit(i, { width: (e.target as HTMLInputElement).value })} /></td>
      <td class="mark"><input type="checkbox" aria-label="${this.t('已加店铺水印', 'Has the shop watermark')} ${i + 1}" .checked=${img.watermark} ?disabled=${this.readonly} @change=${(e: Event) => this.edit(i, { watermark: (e.target as HTMLInputElement).checked })} /></td>
      ${this.readonly ? nothing : html`<td class="remove"><button class="link" aria-label="${this.t('删除图片', 'Remove image')} ${i + 1}" @click=${() => this.emit(this.images.filter((_, j) => j !== i))}>✕</button></td>`}
    </tr>`;
  }

  private edit(index: number, patch: Partial<ImageDraft>): void {
    this.emit(this.images.map((img, i) => (i === index ? { ...img, ...patch } : img)));
  }

  private emit(images: ImageDraft[]): void {
    this.images = images;
    this.dispatchEvent(new CustomEvent('images-change', { detail: { images }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-image-rows': ListingsImageRows;
  }
}
