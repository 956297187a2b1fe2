import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { WbElement } from '../kit/wb-element.js';
import type { PluginContributions } from '../shell/contributions.js';
import '../shell/wb-plugin-slot.js';
import { pageStyles } from './page-styles.js';

/** Home: a greeting and the dashboard widgets every running plugin contributes. */
@customElement('wb-home-page')
export class WbHomePage extends WbElement {
  static override styles = [
    pageStyles,
    css`
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 12px; }
      .widget { border: 1px solid var(--wb-border, #d0d0d0); border-radius: 8px; padding: 12px; background: var(--wb-raised, #fff); }
      .widget h2 { margin: 0 0 8px; font-size: 13px; color: var(--wb-muted, #6b6b6b); }
    `,
  ];
  @property({ attribute: false }) plugins: PluginContributions[] = [];
  @property() shopName = '';

  override render() {
    const widgets = this.plugins.flatMap((p) => p.widgets.map((w) => ({ plugin: p.id, ...w })));
    return html`<h1>${this.i18n.t('home.welcome', { shop: this.shopName || this.i18n.t('app.title'), name: this.workbench.user.displayName })}</h1>
      ${widgets.length ? nothing : html`<p class="muted">${this.i18n.t('home.noWidgets')}</p>`}
      <div class="grid">
        ${widgets.map((w) => html`<section class="widget"><h2>${this.i18n.text(w.title)}</h2><wb-plugin-slot plugin=${w.plugin} element=${w.element}></wb-plugin-slot></section>`)}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-home-page': WbHomePage;
  }
}
