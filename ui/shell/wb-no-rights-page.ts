import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';
import type { CurrentUser } from '../kit/workbench-service.js';
import { authPageStyles } from './auth-page-styles.js';

/**
 * For someone whose roles grant nothing yet: says so and names the owners who can give them a role,
 * instead of an empty workbench.
 * @fires logged-out
 */
@customElement('wb-no-rights-page')
export class WbNoRightsPage extends WbElement {
  static override styles = [controlStyles, authPageStyles];

  @property({ attribute: false }) user?: CurrentUser;
  @state() private owners: string[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api.get<{ items: { displayName: string }[] }>('/auth/owners').then(
      (reply) => (this.owners = reply.items.map((o) => o.displayName)),
      (error: unknown) => this.notifications.error(error),
    );
  }

  override render() {
    const t = (k: string, v?: Record<string, string>) => this.i18n.t(k, v);
    const owners = this.owners.join(t('norights.separator'));
    return html`<form @submit=${this._logout}>
      <h1>${t('norights.title')}</h1>
      <p>${t('norights.text', { name: this.user?.displayName ?? '' })}</p>
      ${owners ? html`<p class="owners">${t('norights.ask', { owners })}</p>` : nothing}
      <button class="primary" type="submit">${t('norights.logout')}</button>
    </form>`;
  }

  private async _logout(event: SubmitEvent) {
    event.preventDefault();
    try {
      await this.api.post('/auth/logout');
    } finally {
      this.dispatchEvent(new CustomEvent('logged-out', { bubbles: true, composed: true }));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-no-rights-page': WbNoRightsPage;
  }
}
