import { provide } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiClient } from '../kit/api-client.js';
import { Commands } from '../kit/commands.js';
import { apiContext, commandsContext, i18nContext, notificationsContext, settingsContext } from '../kit/contexts.js';
import { I18n, type Locale } from '../kit/i18n.js';
import { Notifications } from '../kit/notifications.js';
import { SettingsService } from '../kit/settings-service.js';
import type { CurrentUser } from '../kit/workbench-service.js';
import { en } from '../i18n/en.js';
import { zhCN } from '../i18n/zh-CN.js';
import { applyTheme, followSystemTheme } from './theme.js';
import './wb-login-page.js';
import './wb-no-rights-page.js';
import './wb-password-form.js';
import './wb-setup-page.js';
import './wb-workbench.js';
import '../kit/wb-toasts.js';

export interface ShopInfo {
  shopName: string | null;
  version: string;
  locale: Locale;
  timeZone: string;
  setupNeeded: boolean;
}

const LOCALE_KEY = 'wb-locale';

/** The login page, remembering a link to a tab (`/fulfillment/order/12`) to open after logging in. */
function loginPath(): string {
  const here = location.pathname + location.search;
  return location.pathname === '/' || location.pathname === '/login' || location.pathname === '/setup' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

/** Where logging in leads: the remembered link if it is a path of this site, else the start. */
function afterLogin(): string {
  const next = new URLSearchParams(location.search).get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** The language before anyone logs in: the one chosen on this browser, else the shop's. */
export function storedLocale(fallback: Locale): Locale {
  const stored = localStorage.getItem(LOCALE_KEY);
  return stored === 'en' || stored === 'zh-CN' ? stored : fallback;
}
export function rememberLocale(locale: Locale): void {
  localStorage.setItem(LOCALE_KEY, locale);
}

/**
 * The root of the page. It provides the workbench services to everything below it and shows the
 * setup page, the login page or the workbench, whichever applies.
 */
@customElement('wb-app')
export class WbApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      height: 100%;
    }
    .center {
      display: grid;
      place-items: center;
      height: 100%;
      color: var(--wb-muted);
    }
  `;

  @provide({ context: i18nContext }) i18n = new I18n('zh-CN');
  @provide({ context: apiContext }) api = new ApiClient('/api', { locale: () => this.i18n.locale, onUnauthorized: () => this.sessionEnded() });
  @provide({ context: notificationsContext }) notifications = new Notifications();
  @provide({ context: commandsContext }) commands = new Commands();
  @provide({ context: settingsContext }) settings = new SettingsService(this.api);

  @state() private screen: 'loading' | 'setup' | 'login' | 'password' | 'no-rights' | 'workbench' | 'error' = 'loading';
  @state() private info?: ShopInfo;
  @state() private user?: CurrentUser;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.i18n.add('zh-CN', zhCN);
    this.i18n.add('en', en);
    applyTheme();
    followSystemTheme();
    void this.start();
  }

  private async start(): Promise<void> {
    try {
      this.info = await this.api.get<ShopInfo>('/workbench/info');
      this.i18n.timeZone = this.info.timeZone;
      this.setLocale(storedLocale(this.info.locale));
      if (this.info.setupNeeded) {
        this.screen = 'setup';
        return;
      }
      await this.enter();
    } catch (error) {
      this.error = this.i18n.t('app.unreachable', { message: error instanceof Error ? error.message : String(error) });
      this.screen = 'error';
    }
  }

  /** Opens the workbench if the browser holds a valid session, otherwise the login page. */
  private async enter(): Promise<void> {
    try {
      this.user = await this.api.get<CurrentUser>('/auth/me');
    } catch {
      this.screen = 'login';
      if (location.pathname !== '/login') history.replaceState(null, '', loginPath());
      return;
    }
    if (this.user.locale === 'zh-CN' || this.user.locale === 'en') this.setLocale(this.user.locale);
    if (location.pathname === '/login' || location.pathname === '/setup') history.replaceState(null, '', afterLogin());
    // A password the owner reset is replaced first; with no rights at all there is nothing to open.
    this.screen = this.user.resetPending ? 'password' : this.user.permissions.length === 0 ? 'no-rights' : 'workbench';
  }

  private setLocale(locale: Locale): void {
    this.i18n.locale = locale;
    document.documentElement.lang = locale;
    document.title = this.info?.shopName ? `${this.info.shopName} · ${this.i18n.t('app.title')}` : this.i18n.t('app.title');
  }

  private sessionEnded(): void {
    if (this.screen !== 'workbench' && this.screen !== 'password' && this.screen !== 'no-rights') return;
    this.user = undefined;
    this.screen = 'login';
    history.replaceState(null, '', loginPath());
  }

  override render() {
    switch (this.screen) {
      case 'loading':
        return html`<div class="center">${this.i18n.t('app.loading')}</div>`;
      case 'error':
        return html`<div class="center" role="alert">${this.error}</div>`;
      case 'setup':
        return html`<wb-setup-page
          .token=${new URLSearchParams(location.search).get('token') ?? ''}
          @locale-change=${this._onLocaleChange}
          @setup-done=${() => void this.afterSetup()}
        ></wb-setup-page>`;
      case 'login':
        return html`<wb-login-page .shopName=${this.info?.shopName ?? ''} @locale-change=${this._onLocaleChange} @logged-in=${() => void this.enter()}></wb-login-page>`;
      case 'password':
        return html`<wb-password-form forced @password-changed=${() => void this.enter()}></wb-password-form><wb-toasts></wb-toasts>`;
      case 'no-rights':
        return html`<wb-no-rights-page .user=${this.user} @logged-out=${this._onLoggedOut}></wb-no-rights-page>`;
      case 'workbench':
        return html`<wb-workbench .user=${this.user!} .shopName=${this.info?.shopName ?? ''} @logged-out=${this._onLoggedOut}></wb-workbench><wb-toasts></wb-toasts>`;
    }
  }

  private async afterSetup(): Promise<void> {
    this.info = await this.api.get<ShopInfo>('/workbench/info');
    await this.enter();
  }

  private _onLocaleChange(event: CustomEvent<{ locale: Locale }>) {
    rememberLocale(event.detail.locale);
    this.setLocale(event.detail.locale);
    this.requestUpdate();
    // Children read strings at render time; re-render them with the new language.
    for (const child of this.renderRoot.querySelectorAll('*')) (child as LitElement).requestUpdate?.();
  }

  private _onLoggedOut() {
    this.user = undefined;
    this.screen = 'login';
    history.replaceState(null, '', '/login');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-app': WbApp;
  }
}
