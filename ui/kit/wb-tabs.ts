import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { RovingFocus } from './roving-focus.js';

export interface TabItem {
  id: string;
  label: string;
}

/**
 * A tab strip (`role="tablist"`) for switching between parts of a panel; arrow keys move
 * between tabs. The panel itself is the caller's: render the part for `selected`.
 *
 * @fires tab-change - detail: `{ id }`
 * @example
 * html`<wb-tabs .tabs=${[{ id: 'info', label: '基本信息' }, { id: 'log', label: '记录' }]} selected=${this.part}
 *   @tab-change=${(e) => (this.part = e.detail.id)}></wb-tabs>`
 */
@customElement('wb-tabs')
export class WbTabs extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      border-bottom: 1px solid var(--wb-border, #c8c8c8);
      gap: 2px;
    }
    button {
      font: inherit;
      color: var(--wb-muted, #6b6b6b);
      background: none;
      border: none;
      border-bottom: 2px solid transparent;
      padding: 6px 12px;
      cursor: pointer;
    }
    button[aria-selected='true'] {
      color: var(--wb-fg, #1f1f1f);
      border-bottom-color: var(--wb-accent, #0a64c8);
    }
    button:focus-visible {
      outline: 2px solid var(--wb-focus, #0a64c8);
      outline-offset: -2px;
    }
  `;

  @property({ attribute: false }) tabs: TabItem[] = [];
  @property() selected = '';
  private readonly roving = new RovingFocus(this, () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role=tab]')]);

  override render() {
    return html`<div role="tablist">
      ${this.tabs.map(
        (t) => html`<button role="tab" id="tab-${t.id}" aria-selected=${t.id === this.selected ? 'true' : 'false'} @click=${() => this._select(t.id)}>${t.label}</button>`,
      )}
    </div>`;
  }

  protected override updated(): void {
    this.roving.sync(this.renderRoot.querySelector<HTMLElement>('[aria-selected=true]') ?? undefined);
  }

  private _select(id: string) {
    this.selected = id;
    this.dispatchEvent(new CustomEvent('tab-change', { detail: { id }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-tabs': WbTabs;
  }
}
