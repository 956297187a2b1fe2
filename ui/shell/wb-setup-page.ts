import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../kit/api-error.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';
import { authPageStyles } from './auth-page-styles.js';
import './wb-language-select.js';

/**
 * First-run setup, opened from the one-time link the server prints: the owner account, the shop
 * name and, if wanted, a demo shop.
 * @fires setup-done - the owner account exists and is logged in
 */
@customElement('wb-setup-page')
export class WbSetupPage extends WbElement {
  static override styles = [controlStyles, authPageStyles];

  @property() token = '';
  @state() private error = '';
  @state() private busy = false;

  override render() {
    const t = (k: string) => this.i18n.t(k);
    if (!this.token) {
      return html`<form><div class="top"><h1>${t('setup.title')}</h1><wb-language-select></wb-language-select></div><p role="alert">${t('setup.noToken')}</p></form>`;
    }
    return html`<form @submit=${this._submit}>
      <div class="top"><h1>${t('setup.title')}</h1><wb-language-select></wb-language-select></div>
      <p class="muted">${t('setup.intro')}</p>
      <label>${t('setup.shopName')}<input name="shopName" maxlength="64" autocomplete="organization" /></label>
      <label>${t('setup.username')}<input name="username" required autocomplete="username" /></label>
      <label>${t('setup.displayName')}<input name="displayName" required maxlength="64" /></label>
      <label>${t('setup.password')}<input name="password" type="password" required minlength="10" autocomplete="new-password" /></label>
      <label class="check"><input name="demo" type="checkbox" />${t('setup.demo')}</label>
      <button class="primary" type="submit" ?disabled=${this.busy}>${t('setup.submit')}</button>
      <p class="error" role="alert">${this.error || nothing}</p>
    </form>`;
  }

  private async _submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    this.busy = true;
    this.error = '';
    try {
      await this.api.post('/auth/setup', {
        token: this.token,
        username: text('username'),
        displayName: text('displayName'),
        password: String(data.get('password') ?? ''),
        ...(text('shopName') ? { shopName: text('shopName') } : {}),
        locale: this.i18n.locale,
        demo: data.get('demo') === 'on',
      });
      this.dispatchEvent(new CustomEvent('setup-done', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? [error.message, ...error.fields.map((f) => `${f.path.slice(1)}: ${f.message}`)].join('\n') : String(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-setup-page': WbSetupPage;
  }
}
