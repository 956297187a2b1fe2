import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import type { Product } from '../server/types.js';

/**
 * A set of products, chosen by title or 货号: chips for the chosen ones, a search field with a
 * list below for adding (↑/↓, Enter). Ids the picker has not seen yet are shown by title once
 * loaded.
 *
 * @fires products-change - detail: `{ ids: number[] }`
 */
@customElement('wb-listings-product-picker')
export class ListingsProductPicker extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; position: relative; }
      .chips { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 4px; }
      .chip { display: inline-flex; gap: 4px; align-items: center; padding: 0 4px 0 8px; border-radius: 10px; background: var(--wb-border-soft, #ececec); }
      input { width: 100%; box-sizing: border-box; }
      [role='listbox'] { position: absolute; left: 0; right: 0; z-index: 5; list-style: none; margin: 2px 0 0; padding: 2px 0; background: var(--wb-raised, #fff); border: 1px solid var(--wb-border, #d4d4d4); border-radius: 4px; max-height: 220px; overflow: auto; }
      [role='option'] { padding: 3px 8px; cursor: pointer; }
      [role='option'][aria-selected='true'] { background: var(--wb-selected, #dbeafe); }
    `,
  ];

  @property({ attribute: false }) ids: number[] = [];
  @property() label = '';
  @property({ type: Boolean }) readonly = false;
  @state() private names = new Map<number, string>();
  @state() private hits: Product[] = [];
  @state() private active = 0;
  private timer?: ReturnType<typeof setTimeout>;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('ids')) for (const id of this.ids) if (!this.names.has(id)) void this.name(id);
  }

  private async name(id: number): Promise<void> {
    try {
      const p = await this.api.get<Product>(`/listings/products/${id}`);
      this.names = new Map(this.names).set(id, p.title);
    } catch {
      this.names = new Map(this.names).set(id, `#${id}`); // deleted or not visible: show the id
    }
  }

  override render() {
    const label = this.label || this.t('添加商品：标题或货号', 'Add a product: title or item code');
    return html`<div class="chips">${this.ids.map(
        (id) => html`<span class="chip">${this.names.get(id) ?? `#${id}`}${this.readonly ? nothing : html`<button class="link" aria-label="${this.t('去掉', 'Remove')} ${this.names.get(id) ?? id}" @click=${() => this.emit(this.ids.filter((x) => x !== id))}>✕</button>`}</span>`,
      )}</div>
      ${this.readonly
        ? nothing
        : html`<input type="search" role="combobox" aria-label=${label} placeholder=${label} aria-expanded=${this.hits.length ? 'true' : 'false'} autocomplete="off" @input=${this.onInput} @keydown=${this.onKeyDown} />
          ${this.hits.length
            ? html`<ul role="listbox" aria-label=${label}>${this.hits.map((p, i) => html`<li role="option" aria-selected=${i === this.active ? 'true' : 'false'} @click=${() => this.pick(p)}>${p.title} · ${p.itemCode}</li>`)}</ul>`
            : nothing}`}`;
  }

  private onInput(event: Event): void {
    const text = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.timer);
    if (!text) return void (this.hits = []);
    this.timer = setTimeout(async () => {
      try {
        this.hits = (await this.api.get<{ items: Product[] }>('/listings/products', { q: text, pageSize: 10 })).items.filter((p) => !this.ids.includes(p.id));
        this.active = 0;
      } catch (error) {
        this.notifications.error(error);
      }
    }, 200);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.hits.length) return;
    if (event.key === 'ArrowDown') this.active = Math.min(this.hits.length - 1, this.active + 1);
    else if (event.key === 'ArrowUp') this.active = Math.max(0, this.active - 1);
    else if (event.key === 'Enter') this.pick(this.hits[this.active]!);
    else if (event.key === 'Escape') this.hits = [];
    else return;
    event.preventDefault();
  }

  private pick(p: Product): void {
    this.names = new Map(this.names).set(p.id, p.title);
    this.hits = [];
    const input = this.renderRoot.querySelector('input');
    if (input) input.value = '';
    this.emit([...this.ids, p.id]);
  }

  private emit(ids: number[]): void {
    this.ids = ids;
    this.dispatchEvent(new CustomEvent('products-change', { detail: { ids }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-product-picker': ListingsProductPicker;
  }
}
