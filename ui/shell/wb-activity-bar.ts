import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { RovingFocus } from '../kit/roving-focus.js';
import { icon } from './icons.js';

export interface ActivityItem {
  /** `plugin:view` for plugin views, `manage` for the shell's own. */
  id: string;
  title: string;
  icon?: string;
}

/**
 * The strip of view icons on the far left (`role="tablist"`, vertical): one per view of every
 * running plugin, with the shell's "manage" view at the bottom. Up/Down move between them.
 *
 * @fires view-select - detail: `{ id }`; choosing the open view again hides the side bar
 */
@customElement('wb-activity-bar')
export class WbActivityBar extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      background: var(--wb-activity-bg, #2c2c2c);
      color: var(--wb-activity-fg, #d0d0d0);
      width: 48px;
    }
    [role='tablist'] {
      display: flex;
      flex-direction: column;
      flex: 1;
      min-height: 0;
    }
    /* With many plugins the views outgrow a 700 px screen: they scroll (wheel, or arrow keys as
       focus moves), and the shell's own stay at the bottom. */
    .views {
      display: flex;
      flex-direction: column;
      flex: 1;
      min-height: 0;
      overflow-y: auto;
      scrollbar-width: none;
    }
    button {
      all: unset;
      flex: none;
      width: 48px;
      height: 48px;
      display: grid;
      place-items: center;
      cursor: pointer;
      opacity: 0.7;
      border-left: 2px solid transparent;
      box-sizing: border-box;
    }
    button:hover,
    button[aria-selected='true'] {
      opacity: 1;
    }
    button[aria-selected='true'] {
      border-left-color: var(--wb-activity-active, #fff);
    }
    button:focus-visible {
      outline: 2px solid var(--wb-focus, #0a64c8);
      outline-offset: -3px;
    }
  `;

  @property({ attribute: false }) items: ActivityItem[] = [];
  @property({ attribute: false }) bottom: ActivityItem[] = [];
  @property() selected: string | null = null;
  @property() label = '';
  private readonly roving = new RovingFocus(this, () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role=tab]')], 'vertical');

  override render() {
    const item = (i: ActivityItem) =>
      html`<button role="tab" aria-selected=${i.id === this.selected ? 'true' : 'false'} aria-label=${i.title} title=${i.title} data-view=${i.id} @click=${() => this._select(i.id)}>
        ${icon(i.icon, i.title)}
      </button>`;
    return html`<div role="tablist" aria-orientation="vertical" aria-label=${this.label}>
      <div class="views" role="none">${this.items.map(item)}</div>
      ${this.bottom.map(item)}
    </div>`;
  }

  protected override updated(): void {
    this.roving.sync(this.renderRoot.querySelector<HTMLElement>('[aria-selected=true]') ?? undefined);
  }

  private _select(id: string) {
    this.dispatchEvent(new CustomEvent('view-select', { detail: { id }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-activity-bar': WbActivityBar;
  }
}
