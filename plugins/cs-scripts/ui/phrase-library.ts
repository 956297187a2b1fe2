import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';

/** The editor-area view: the library by stage and group, and the phrase editor with its preview. */
@customElement('wb-cs-scripts-library')
export class CsScriptsLibrary extends WbElement {
  static override styles = [controlStyles, panelStyles, css`:host { display: block; padding: 12px; }`];

  override render() {
    return html`<h2>${this.i18n.t('cs-scripts.library.title')}</h2>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-cs-scripts-library': CsScriptsLibrary;
  }
}
