import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';
import { authPageStyles } from './auth-page-styles.js';

/**
 * Changing one's own password: the current one, the new one twice. `forced`: the owner reset it,
 * so this comes before the workbench. `inline`: inside the status bar's dialog, not a page.
 * @fires password-changed
 * @fires cancel
 */
@customElement('wb-password-form')
export class WbPasswordForm extends WbElement {
  static override styles = [
    controlStyles,
    authPageStyles,
    css`
      :host([inline]) { display: block; min-height: 0; background: none; }
      :host([inline]) form { border: 0; box-shadow: none; padding: 16px 20px; }
      .buttons { display: flex; gap: 8px; justify-content: flex-end; }
    `,
  ];

  @property({ type: Boolean }) forced = false;
  @property({ type: Boolean, reflect: true }) inline = false;
  @state() private error = '';
  @state() private busy = false;

  override render() {
    const t = (k: string) => this.i18n.t(k);
    return html`<form @submit=${this._submit} aria-busy=${this.busy ? 'true' : 'false'}>
      <h1>${t('password.title')}</h1>
      ${this.forced ? html`<p>${t('password.forced')}</p>` : nothing}
      <label>${t(this.forced ? 'password.temporary' : 'password.current')}<input name="current" type="password" required autocomplete="current-password" /></label>
      <label>${t('password.new')}<input name="next" type="password" required minlength="10" autocomplete="new-password" /></label>
      <label>${t('password.repeat')}<input name="repeat" type="password" required autocomplete="new-password" /></label>
      <p class="error" role="alert">${this.error || nothing}</p>
      <div class="buttons">
        ${this.forced ? nothing : html`<button type="button" @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }))}>${t('password.cancel')}</button>`}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('password.saving') : t('password.submit')}</button>
      </div>
    </form>`;
  }

  /** Empties the fields, e.g. when the dialog opens again. */
  clear(): void {
    this.renderRoot.querySelector('form')?.reset();
    this.error = '';
  }

  private async _submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    if (data.get('next') !== data.get('repeat')) {
      this.error = this.i18n.t('password.mismatch');
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      await this.api.patch('/auth/me', { currentPassword: String(data.get('current')), newPassword: String(data.get('next')) });
      form.reset();
      this.notifications.notify('success', this.i18n.t('password.changed'));
      this.dispatchEvent(new CustomEvent('password-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-password-form': WbPasswordForm;
  }
}
