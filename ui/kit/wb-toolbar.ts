import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { RovingFocus } from './roving-focus.js';

/**
 * A row of actions with `role="toolbar"`: Tab reaches it once, the arrow keys move between its
 * buttons. Put buttons in the default slot; the `end` slot sits on the right (e.g. a search box).
 *
 * @slot - buttons
 * @slot end - right-aligned content
 * @example
 * html`<wb-toolbar label="笔记"><button @click=${add}>新建</button><button @click=${print}>打印</button></wb-toolbar>`
 */
@customElement('wb-toolbar')
export class WbToolbar extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 6px 0;
      flex-wrap: wrap;
    }
    .end {
      margin-left: auto;
      display: flex;
      gap: 6px;
    }
  `;

  @property() label = '';
  private readonly roving = new RovingFocus(this, () => [...this.querySelectorAll<HTMLElement>(':scope > button')]);

  override render() {
    return html`<slot @slotchange=${() => this.roving.sync(undefined)}></slot><span class="end"><slot name="end"></slot></span>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'toolbar');
    if (this.label) this.setAttribute('aria-label', this.label);
  }

  protected override updated(): void {
    if (this.label) this.setAttribute('aria-label', this.label);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-toolbar': WbToolbar;
  }
}
