import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Disposable } from '../kit/disposable.js';
import { WbElement } from '../kit/wb-element.js';
import type { PluginContributions, PluginState, PluginWarning } from './contributions.js';
import './wb-password-form.js';
import type { WbPasswordForm } from './wb-password-form.js';
import './wb-plugin-slot.js';

/**
 * The status bar: who is signed in and with which roles (a menu: change one's password, log out),
 * the problem count (opens the panel), and the status items plugins contribute.
 * @fires toggle-panel
 * @fires logged-out
 */
@customElement('wb-status-bar')
export class WbStatusBar extends WbElement {
  static override styles = css`
    :host { display: flex; align-items: center; gap: 14px; height: 24px; padding: 0 10px; font-size: 12px;
      background: var(--wb-status-bg, #0a64c8); color: var(--wb-status-fg, #fff); }
    button { all: unset; cursor: pointer; padding: 0 4px; }
    button:focus-visible { outline: 2px solid var(--wb-status-fg, #fff); }
    .items { margin-left: auto; display: flex; gap: 14px; align-items: center; }
    .user-menu { position: relative; }
    [role='menu'] { position: absolute; bottom: 22px; left: 0; min-width: 160px; display: grid; padding: 4px 0; z-index: 10;
      background: var(--wb-bg, #fff); color: var(--wb-fg, #1f1f1f); border: 1px solid var(--wb-border, #c8c8c8); border-radius: 6px;
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.15); }
    [role='menuitem'] { padding: 6px 12px; white-space: nowrap; }
    [role='menuitem']:hover, [role='menuitem']:focus-visible { background: var(--wb-hover, #e8f0fb); outline: none; }
    dialog { padding: 0; border: 1px solid var(--wb-border, #c8c8c8); border-radius: 10px; color: inherit; background: var(--wb-bg, #fff); }
  `;

  @property({ attribute: false }) plugins: PluginContributions[] = [];
  @property({ attribute: false }) states: PluginState[] = [];
  @property({ attribute: false }) warnings: PluginWarning[] = [];
  @property({ attribute: false }) roleNames: Record<string, string> = {};
  @state() private menuOpen = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('wb-password-form') private passwordForm!: WbPasswordForm;
  private subscription?: Disposable;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'status');
    this.subscription = this.notifications.onDidChange.on(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscription?.dispose();
  }

  override render() {
    const user = this.workbench.user;
    const roles = user.roles.map((r) => this.roleNames[r] ?? r).join('、');
    const problems = this.states.filter((p) => p.state === 'failed').length + this.warnings.length + this.notifications.items.filter((n) => n.kind === 'error').length;
    const t = (k: string) => this.i18n.t(k);
    return html`<span class="user-menu" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.menuOpen = false)}>
        <button class="user" aria-haspopup="menu" aria-expanded=${this.menuOpen ? 'true' : 'false'} @click=${() => (this.menuOpen = !this.menuOpen)}>
          ${this.i18n.t('status.user', { name: user.displayName, roles })}
        </button>
        ${this.menuOpen
          ? html`<div role="menu" aria-label=${t('status.userMenu')}>
              <button role="menuitem" data-action="password" @click=${this._openPassword}>${t('status.changePassword')}</button>
              <button role="menuitem" data-action="logout" @click=${this._logout}>${t('status.logout')}</button>
            </div>`
          : nothing}
      </span>
      <dialog aria-label=${t('password.title')} @close=${() => this.passwordForm?.clear()}>
        <wb-password-form inline @password-changed=${() => this.dialog.close()} @cancel=${() => this.dialog.close()}></wb-password-form>
      </dialog>
      <button class="problems" @click=${() => this.dispatchEvent(new CustomEvent('toggle-panel', { bubbles: true, composed: true }))}>
        ⚠ ${this.i18n.t('status.problems', { count: problems })}
      </button>
      <span class="items">
        ${this.plugins.flatMap((p) => p.status.map((s) => html`<wb-plugin-slot plugin=${p.id} element=${s.element}></wb-plugin-slot>`))}
      </span>`;
  }

  private _openPassword(): void {
    this.menuOpen = false;
    this.dialog.showModal();
  }

  private async _logout(): Promise<void> {
    this.menuOpen = false;
    try {
      await this.api.post('/auth/logout');
      this.dispatchEvent(new CustomEvent('logged-out', { bubbles: true, composed: true }));
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-status-bar': WbStatusBar;
  }
}
