import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Disposable } from '../kit/disposable.js';
import { WbElement } from '../kit/wb-element.js';
import type { PluginContributions, PluginState, PluginWarning } from './contributions.js';
import './wb-plugin-slot.js';

/**
 * The status bar: who is signed in and with which roles, the problem count (opens the panel),
 * and the status items plugins contribute.
 * @fires toggle-panel
 */
@customElement('wb-status-bar')
export class WbStatusBar extends WbElement {
  static override styles = css`
    :host { display: flex; align-items: center; gap: 14px; height: 24px; padding: 0 10px; font-size: 12px;
      background: var(--wb-status-bg, #0a64c8); color: var(--wb-status-fg, #fff); }
    button { all: unset; cursor: pointer; padding: 0 4px; }
    button:focus-visible { outline: 2px solid var(--wb-status-fg, #fff); }
    .items { margin-left: auto; display: flex; gap: 14px; align-items: center; }
  `;

  @property({ attribute: false }) plugins: PluginContributions[] = [];
  @property({ attribute: false }) states: PluginState[] = [];
  @property({ attribute: false }) warnings: PluginWarning[] = [];
  @property({ attribute: false }) roleNames: Record<string, string> = {};
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
    return html`<span class="user">${this.i18n.t('status.user', { name: user.displayName, roles })}</span>
      <button class="problems" @click=${() => this.dispatchEvent(new CustomEvent('toggle-panel', { bubbles: true, composed: true }))}>
        ⚠ ${this.i18n.t('status.problems', { count: problems })}
      </button>
      <span class="items">
        ${this.plugins.flatMap((p) => p.status.map((s) => html`<wb-plugin-slot plugin=${p.id} element=${s.element}></wb-plugin-slot>`))}
      </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-status-bar': WbStatusBar;
  }
}
