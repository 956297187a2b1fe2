import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';

/**
 * The side bar's "manage" view: the shell's own pages, those the user may open.
 * @fires open-page - detail: `{ page }`
 */
@customElement('wb-manage-view')
export class WbManageView extends WbElement {
  static override styles = [
    controlStyles,
    css`
      nav { display: flex; flex-direction: column; padding: 4px 8px; gap: 2px; }
      button { all: unset; padding: 6px 10px; border-radius: 4px; cursor: pointer; }
      button:hover { background: var(--wb-hover, #e4e4e4); }
      button:focus-visible { outline: 2px solid var(--wb-focus, #0a64c8); }
    `,
  ];

  override render() {
    const pages = [
      { page: 'home' },
      { page: 'settings', permission: 'core.settings.read' },
      { page: 'plugins' },
      { page: 'users', permission: 'core.users.manage' },
      { page: 'audit', permission: 'core.audit.read' },
    ].filter((p) => !p.permission || this.workbench.can(p.permission));
    return html`<nav>
      ${pages.map((p) => html`<button data-page=${p.page} @click=${() => this.dispatchEvent(new CustomEvent('open-page', { detail: { page: p.page }, bubbles: true, composed: true }))}>${this.i18n.t(`page.${p.page}`)}</button>`)}
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-manage-view': WbManageView;
  }
}
