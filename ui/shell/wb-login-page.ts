import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';
import { authPageStyles } from './auth-page-styles.js';
import './wb-language-select.js';

/**
 * The login page.
 * @fires logged-in - the session cookie is set
 */
@customElement('wb-login-page')
export class WbLoginPage extends WbElement {
  static override styles = [controlStyles, authPageStyles];

  @property() shopName = '';
  @state() private error = '';
  @state() private busy = false;

  override render() {
    const t = (k: string) => this.i18n.t(k);
    return html`<form @submit=${this._submit}>
      <div class="top"><h1>${this.shopName || t('app.title')} · ${t('login.title')}</h1><wb-language-select></wb-language-select></div>
      <label>${t('login.username')}<input name="username" required autocomplete="username" autofocus /></label>
      <label>${t('login.password')}<input name="password" type="password" required autocomplete="current-password" /></label>
      <button class="primary" type="submit" ?disabled=${this.busy}>${t('login.submit')}</button>
      <p class="error" role="alert">${this.error || nothing}</p>
    </form>`;
  }

  private async _submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      await this.api.post('/auth/login', { username: String(data.get('username') ?? '').trim(), password: String(data.get('password') ?? '') });
      this.dispatchEvent(new CustomEvent('logged-in', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-login-page': WbLoginPage;
  }
}
