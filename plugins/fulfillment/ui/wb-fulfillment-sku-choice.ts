import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';

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
 * Finds a SKU by 商家编码, barcode or title as one types (listings' SKU search; ↑/↓ choose, Enter
 * picks). Someone who may not read listings types the 商家编码 and presses Enter.
 *
 * @fires sku-choice - detail: `SkuChoice`
 */
@customElement('wb-fulfillment-sku-choice')
export class FulfillmentSkuChoice extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; position: relative; }
      input { width: 100%; box-sizing: border-box; }
      [role='listbox'] { position: absolute; left: 0; right: 0; top: 100%; z-index: 5; margin: 2px 0 0; padding: 2px 0; list-style: none; background: var(--wb-raised, #fff);
        border: 1px solid var(--wb-border, #d4d4d4); border-radius: 4px; box-shadow: 0 6px 20px rgb(0 0 0 / 0.15); max-height: 220px; overflow: auto; }
      [role='option'] { padding: 3px 8px; cursor: pointer; display: flex; gap: 8px; }
      [role='option'][aria-selected='true'] { background: var(--wb-selected, #dbeafe); }
      .code { font-family: var(--wb-font-mono, monospace); }
      .muted { margin-left: auto; color: var(--wb-muted, #616161); }
    `,
  ];

  @state() private hits: SkuHit[] = [];
  @state() private active = 0;
  @state() private open = false;
  private timer?: ReturnType<typeof setTimeout>;
  private asked = 0;

  private get searches(): boolean {
    return this.workbench.can('listings.products.read');
  }

  override render() {
    const label = this.searches ? this.t('找 SKU：商家编码、条码或标题', 'Find a SKU: code, barcode or title') : this.t('输入商家编码后按 Enter', 'Type the SKU code, then Enter');
    return html`<input id="sku" type="search" role="combobox" aria-label=${label} placeholder=${label} aria-expanded=${this.open ? 'true' : 'false'} aria-controls="hits" autocomplete="off"
        aria-activedescendant=${this.open && this.hits.length ? `hit-${this.active}` : nothing} @input=${this.onInput} @keydown=${this.onKeyDown} @blur=${() => setTimeout(() => (this.open = false), 150)} />
      ${this.open && this.hits.length
        ? html`<ul id="hits" role="listbox" aria-label=${label}>
            ${this.hits.map(
              (s, i) => html`<li id="hit-${i}" role="option" data-code=${s.code} aria-selected=${i === this.active ? 'true' : 'false'} @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.pick(s)}>
                <span class="code">${s.code}</span><span>${this.nameOf(s)}</span><span class="muted">${this.i18n.money(s.price)}</span>
              </li>`,
            )}
          </ul>`
        : nothing}`;
  }

  private nameOf(s: SkuHit): string {
    return [s.productTitle ?? '', ...Object.values(s.attributes)].filter(Boolean).join(' ');
  }

  private onInput(event: Event): void {
    const text = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.timer);
    if (!text || !this.searches) {
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
      // A stub still to complete cannot be mapped to (the server refuses it): leave it out.
      this.hits = page.items.filter((s) => !s.needsCompleting);
      this.active = 0;
      this.open = true;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !(this.open && this.hits.length)) {
      const code = (event.target as HTMLInputElement).value.trim();
      if (code) this.choose({ code, name: '' });
      event.preventDefault();
      return;
    }
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
    this.choose({ code: sku.code, name: this.nameOf(sku) });
  }

  private choose(choice: SkuChoice): void {
    const input = this.renderRoot.querySelector('input')!;
    input.value = '';
    input.focus();
    this.dispatchEvent(new CustomEvent('sku-choice', { detail: choice, bubbles: true, composed: true }));
  }

  override focus(): void {
    this.renderRoot.querySelector('input')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-sku-choice': FulfillmentSkuChoice;
  }
}
