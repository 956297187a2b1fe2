import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { notificationsContext } from './contexts.js';
import type { Disposable } from './disposable.js';
import type { Notification, Notifications } from './notifications.js';

const VISIBLE_MS = { info: 4000, success: 3000, warning: 8000, error: 10000 } as const;

/**
 * Shows each notification as a toast in the corner for a few seconds (errors longer). Screen
 * readers hear them through a live region; the bottom panel keeps the history.
 */
@customElement('wb-toasts')
export class WbToasts extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      right: 16px;
      bottom: 36px;
      display: flex;
      flex-direction: column;
      gap: 8px;
      z-index: 1000;
      max-width: min(420px, 90vw);
    }
    .toast {
      background: var(--wb-raised, #fff);
      color: var(--wb-fg, #1f1f1f);
      border: 1px solid var(--wb-border, #c8c8c8);
      border-left: 4px solid var(--wb-accent, #0a64c8);
      border-radius: 6px;
      padding: 8px 12px;
      box-shadow: 0 6px 20px rgb(0 0 0 / 0.2);
      white-space: pre-line;
    }
    .success { border-left-color: var(--wb-success, #2e7d32); }
    .warning { border-left-color: var(--wb-warning, #b26a00); }
    .error { border-left-color: var(--wb-danger, #c42b1c); }
  `;

  @consume({ context: notificationsContext }) private notifications?: Notifications;
  @state() private shown: Notification[] = [];
  private subscription?: Disposable;

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscription = this.notifications?.onDidNotify.on((n) => {
      this.shown = [...this.shown, n].slice(-4);
      setTimeout(() => (this.shown = this.shown.filter((s) => s !== n)), VISIBLE_MS[n.kind]);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscription?.dispose();
  }

  override render() {
    return html`<div role="status" aria-live="polite">
        ${repeat(this.shown.filter((n) => n.kind !== 'error'), (n) => n.id, (n) => html`<div class="toast ${n.kind}">${n.message}</div>`)}
      </div>
      <div role="alert">${repeat(this.shown.filter((n) => n.kind === 'error'), (n) => n.id, (n) => html`<div class="toast error">${n.message}</div>`)}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-toasts': WbToasts;
  }
}
