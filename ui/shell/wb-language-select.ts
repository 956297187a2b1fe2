import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Locale } from '../kit/i18n.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';

/**
 * 中文 / English switch for the pages shown before login.
 * @fires locale-change - detail: `{ locale }`
 */
@customElement('wb-language-select')
export class WbLanguageSelect extends WbElement {
  static override styles = controlStyles;

  override render() {
    return html`<select aria-label=${this.i18n.t('login.language')} @change=${this._change}>
      <option value="zh-CN" ?selected=${this.i18n.locale === 'zh-CN'}>中文</option>
      <option value="en" ?selected=${this.i18n.locale === 'en'}>English</option>
    </select>`;
  }

  private _change(event: Event) {
    const locale = (event.target as HTMLSelectElement).value as Locale;
    this.dispatchEvent(new CustomEvent('locale-change', { detail: { locale }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-language-select': WbLanguageSelect;
  }
}
