import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';
import type { PluginState } from '../shell/contributions.js';
import { pageStyles } from './page-styles.js';

/** Every plugin: name, version, state, why it failed, how long it took to start, what it needs. */
@customElement('wb-plugins-page')
export class WbPluginsPage extends WbElement {
  static override styles = [controlStyles, pageStyles];
  @state() private items: PluginState[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api
      .get<{ items: PluginState[] }>('/plugins')
      .then((r) => (this.items = r.items))
      .catch((e: unknown) => this.notifications.error(e));
  }

  override render() {
    const t = (k: string) => this.i18n.t(k);
    return html`<h1>${t('page.plugins')}</h1>
      <table>
        <thead><tr><th>${t('plugins.name')}</th><th>${t('plugins.version')}</th><th>${t('plugins.state')}</th><th class="num">${t('plugins.activation')}</th><th>${t('plugins.activatedAt')}</th><th>${t('plugins.requires')}</th><th>${t('plugins.reason')}</th></tr></thead>
        <tbody>
          ${this.items.map(
            (p) => html`<tr class=${p.state} data-plugin=${p.id}>
              <td><strong>${p.name}</strong><br /><code class="muted">${p.id}</code></td>
              <td>${p.version ?? ''}</td>
              <td><span class="badge ${p.state}">${t(`plugins.state.${p.state}`)}</span></td>
              <td class="num">${p.activationMs === null ? '' : `${p.activationMs} ms`}</td>
              <td>${this.i18n.dateTime(p.activatedAt)}</td>
              <td>${[...p.requires, ...p.optional.map((o) => `${o}?`)].join(', ')}</td>
              <td class="error">${p.reason ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-plugins-page': WbPluginsPage;
  }
}
