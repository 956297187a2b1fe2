import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError } from '../kit/api-error.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';
import { pageStyles } from './page-styles.js';

interface LoginAttempt {
  at: string;
  source: string;
  username: string;
  outcome: 'wrong' | 'refused';
}

/**
 * Recent failed logins, for the owner: who was tried, from which address, and whether the
 * password was checked or the pair was locked. Others are refused by the server and see nothing.
 */
@customElement('wb-login-attempts')
export class WbLoginAttempts extends WbElement {
  static override styles = [controlStyles, pageStyles];
  @state() private items: LoginAttempt[] | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.items = (await this.api.get<{ items: LoginAttempt[] }>('/auth/login-attempts')).items;
    } catch (error) {
      // Not the owner: the section stays away rather than showing an error.
      if (error instanceof ApiError && error.status === 403) return;
      this.notifications.error(error);
    }
  }

  override render() {
    if (!this.items) return html``;
    const t = (k: string) => this.i18n.t(k);
    return html`<h2>${t('attempts.title')}</h2>
      <p>${t('attempts.hint')}</p>
      ${this.items.length === 0
        ? html`<p>${t('attempts.none')}</p>`
        : html`<table>
            <thead><tr><th>${t('attempts.at')}</th><th>${t('attempts.source')}</th><th>${t('users.username')}</th><th>${t('attempts.outcome')}</th></tr></thead>
            <tbody>
              ${this.items.map(
                (a) => html`<tr data-attempt=${a.username}>
                  <td>${a.at.slice(0, 19).replace('T', ' ')}</td>
                  <td>${a.source}</td>
                  <td>${a.username}</td>
                  <td>${t(`attempts.${a.outcome}`)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      <button @click=${() => void this.load()}>${t('attempts.refresh')}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-login-attempts': WbLoginAttempts;
  }
}
