import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import type { Sku } from '../server/types.js';

export type SkuHit = Sku & { productTitle: string | null };

/**
 * Finds a SKU by 商家编码, barcode or product title as one types; ↑/↓ choose, Enter picks.
 *
 * @fires sku-pick - detail: `{ sku: SkuHit }`
 */
@customElement('wb-listings-sku-picker')
export class ListingsSkuPicker extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; position: relative; }
      input { width: 100%; box-sizing: border-box; }
      [role='listbox'] { position: absolute; left: 0; right: 0; top: 100%; z-index: 5; margin: 2px 0 0; padding: 2px 0; list-style: none; background: var(--wb-raised, #fff);
        border: 1px solid var(--wb-border, #d4d4d4); border-radius: 4px; box-shadow: 0 6px 20px rgb(0 0 0 / 0.15); max-height: 260px; overflow: auto; }
      [role='option'] { padding: 3px 8px; cursor: pointer; display: flex; gap: 8px; }
      [role='option'][aria-selected='true'] { background: var(--wb-selected, #dbeafe); }
      .code { font-family: var(--wb-font-mono, monospace); }
      .muted { margin-left: auto; }
    `,
  ];

  @property() label = '';
  @state() private hits: SkuHit[] = [];
  @state() private active = 0;
  @state() private open = false;
  private timer?: ReturnType<typeof setTimeout>;
  private asked = 0;

  override render() {
    const label = this.label || this.t('找 SKU：商家编码、条码或标题', 'Find a SKU: code, barcode or title');
    return html`<input type="search" role="combobox" aria-label=${label} placeholder=${label} aria-expanded=${this.open ? 'true' : 'false'} aria-controls="hits" autocomplete="off"
        aria-activedescendant=${this.open && this.hits.length ? `hit-${this.active}` : nothing} @input=${this.onInput} @keydown=${this.onKeyDown} @blur=${() => setTimeout(() => (this.open = false), 150)} />
      ${this.open && this.hits.length
        ? html`<ul id="hits" role="listbox" aria-label=${label}>
            ${this.hits.map(
              (s, i) => html`<li id="hit-${i}" role="option" aria-selected=${i === this.active ? 'true' : 'false'} @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.pick(s)}>
                <span class="code">${s.code}</span><span>${s.productTitle ?? ''} ${Object.values(s.attributes).join(' ')}</span><span class="muted">${this.i18n.money(s.price)}</span>
              </li>`,
            )}
          </ul>`
        : nothing}`;
  }

  private onInput(event: Event): void {
    const text = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.timer);
    if (!text) {
      this.hits = [];
      this.open = false;
      return;
    }
    this.timer = setTimeout(() => void this.search(text), 200);
  }

  private async search(text: string): Promise<void> {
    const ask = ++this.asked;
    try {
      const page = await this.api.get<{ items: SkuHit[] }>('/listings/skus', { q: text, pageSize: 10 });
      if (ask !== this.asked) return; // a newer search is on its way
      this.hits = page.items;
      this.active = 0;
      this.open = true;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.open || !this.hits.length) return;
    if (event.key === 'ArrowDown') this.active = Math.min(this.hits.length - 1, this.active + 1);
    else if (event.key === 'ArrowUp') this.active = Math.max(0, this.active - 1);
    else if (event.key === 'Enter') this.pick(this.hits[this.active]!);
    else if (event.key === 'Escape') this.open = false;
    else return;
    event.preventDefault();
  }

  private pick(sku: SkuHit): void {
    this.open = false;
    this.hits = [];
    const input = this.renderRoot.querySelector('input')!;
    input.value = '';
    input.focus();
    this.dispatchEvent(new CustomEvent('sku-pick', { detail: { sku }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-sku-picker': ListingsSkuPicker;
  }
}
