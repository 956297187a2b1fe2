import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LatestSearch, moveActive, type ComboboxChoice, type ComboboxOption, type ComboboxSearch } from './combobox-search.js';
import { controlStyles } from './styles.js';
import { WbElement } from './wb-element.js';

/**
 * A text box that searches as one types and lists what it finds below (ARIA combobox with a
 * listbox): ↑/↓ move, Enter or a click chooses, Escape closes. The box empties after a choice, so
 * the next one can be typed at once.
 *
 * @example
 * html`<wb-combobox label="找 SKU" .search=${(q) => findSkus(q)} @choose=${(e) => add(e.detail.option)}></wb-combobox>`
 *
 * @fires choose - detail: `ComboboxChoice`
 * @csspart option - a row of the list; `label`, `detail` and `muted` its texts
 */
@customElement('wb-combobox')
export class WbCombobox<T = unknown> extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; position: relative; }
      input { width: 100%; box-sizing: border-box; }
      [role='listbox'] { position: absolute; left: 0; right: 0; top: 100%; z-index: 5; margin: 2px 0 0; padding: 2px 0; list-style: none; background: var(--wb-raised, #fff);
        border: 1px solid var(--wb-border, #d4d4d4); border-radius: 4px; box-shadow: 0 6px 20px rgb(0 0 0 / 0.15); max-height: var(--wb-combobox-height, 240px); overflow: auto; }
      [role='option'] { padding: 3px 8px; cursor: pointer; display: flex; gap: 8px; }
      [role='option'][aria-selected='true'] { background: var(--wb-selected, #dbeafe); }
      .muted { margin-left: auto; color: var(--wb-muted, #616161); }
    `,
  ];

  /** Names the box for screen readers; also its placeholder unless `placeholder` is set. */
  @property() label = '';
  @property() placeholder = '';
  /** Enter with no list open chooses the typed text itself (`freeText: true`). */
  @property({ type: Boolean }) allowFreeText = false;
  /** Asked 200 ms after the last keystroke, with the trimmed text; none: the box only takes free text. */
  @property({ attribute: false }) search?: ComboboxSearch<T>;

  @state() private options: ComboboxOption<T>[] = [];
  @state() private active = 0;
  @state() private open = false;

  private readonly searching = new LatestSearch<T>(
    (options) => {
      this.options = options;
      this.active = 0;
      this.open = options.length > 0;
    },
    (error) => this.notifications.error(error),
  );

  override render() {
    const shown = this.open && this.options.length > 0;
    return html`<input type="search" role="combobox" aria-autocomplete="list" aria-label=${this.label} placeholder=${this.placeholder || this.label} aria-expanded=${shown ? 'true' : 'false'}
        aria-controls="options" autocomplete="off" aria-activedescendant=${shown ? `option-${this.active}` : nothing} @input=${this.onInput} @keydown=${this.onKeyDown}
        @blur=${() => setTimeout(() => (this.open = false), 150)} />
      ${shown
        ? html`<ul id="options" role="listbox" aria-label=${this.label}>
            ${this.options.map(
              (o, i) => html`<li id="option-${i}" role="option" part="option" data-value=${o.value} aria-selected=${i === this.active ? 'true' : 'false'}
                @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.pick(o)}>
                <span part="label">${o.label}</span>${o.detail ? html`<span part="detail">${o.detail}</span>` : nothing}${o.muted ? html`<span class="muted" part="muted">${o.muted}</span>` : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.searching.cancel();
  }

  override focus(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  private onInput(event: Event): void {
    this.searching.type((event.target as HTMLInputElement).value, this.search);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const shown = this.open && this.options.length > 0;
    if (event.key === 'Enter' && !shown) {
      const text = (event.target as HTMLInputElement).value.trim();
      if (!this.allowFreeText) return;
      event.preventDefault();
      if (text) this.choose({ option: { value: text, label: text }, freeText: true });
      return;
    }
    if (!shown) return;
    const next = moveActive(event.key, this.active, this.options.length);
    if (next !== undefined) this.active = next;
    else if (event.key === 'Enter') this.pick(this.options[this.active]!);
    else if (event.key === 'Escape') this.open = false;
    else return;
    event.preventDefault();
  }

  private pick(option: ComboboxOption<T>): void {
    this.choose({ option, freeText: false });
  }

  private choose(choice: ComboboxChoice<T>): void {
    this.searching.cancel();
    this.open = false;
    this.options = [];
    const input = this.renderRoot.querySelector('input')!;
    input.value = '';
    input.focus();
    this.dispatchEvent(new CustomEvent<ComboboxChoice<T>>('choose', { detail: choice, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-combobox': WbCombobox;
  }
}
