import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles, RovingFocus, WbElement } from '@workbench/ui';
import type { FlagColour } from '../shared/state-names.js';
import { flagChip, labelStyles } from './labels.js';

const FLAGS: FlagColour[] = [0, 1, 2, 3, 4, 5];

/**
 * The six seller flags (无旗 and five colours) as a radio group: arrows move, Space or Enter chooses, like
 * the platform's own flag picker. Fires `flag-change` with the chosen flag; the owner sets `value`.
 *
 * @fires flag-change - detail: `{ flag }`
 */
@customElement('wb-fulfillment-order-flag-picker')
export class FulfillmentOrderFlagPicker extends WbElement {
  static override styles = [
    controlStyles,
    labelStyles,
    css`
      :host { display: inline-block; }
      [role='radiogroup'] { display: flex; gap: 4px; flex-wrap: wrap; }
      button { padding: 2px 8px; min-height: 24px; }
      button[aria-checked='true'] { border-color: var(--wb-accent, #0a64c8); box-shadow: inset 0 0 0 1px var(--wb-accent, #0a64c8); }
    `,
  ];

  @property({ type: Number }) value: FlagColour = 0;
  @property({ type: Boolean }) disabled = false;
  private readonly roving = new RovingFocus(this, () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role=radio]')]);

  override render() {
    const pick = (n: { 'zh-CN': string; en: string }) => this.i18n.text(n);
    return html`<div role="radiogroup" aria-label=${this.t('旗帜', 'Flag')}>
      ${FLAGS.map(
        (f) => html`<button role="radio" data-flag=${f} aria-checked=${f === this.value ? 'true' : 'false'} ?disabled=${this.disabled}
          @click=${() => this.choose(f)} @keydown=${(e: KeyboardEvent) => e.key === ' ' && (e.preventDefault(), this.choose(f))}>${flagChip(f, pick, { showNone: true })}</button>`,
      )}
    </div>`;
  }

  protected override updated(): void {
    this.roving.sync(this.renderRoot.querySelector<HTMLElement>('[aria-checked=true]') ?? undefined);
  }

  private choose(flag: FlagColour): void {
    // The owner sets `value` once the flag is saved, so a refused change never shows as made.
    if (flag === this.value) return;
    this.dispatchEvent(new CustomEvent('flag-change', { detail: { flag }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-order-flag-picker': FulfillmentOrderFlagPicker;
  }
}
