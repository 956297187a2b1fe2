import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Disposable } from '../kit/disposable.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';
import '../kit/wb-tabs.js';
import type { PluginState, PluginWarning } from './contributions.js';
import type { LayoutState } from './layout-state.js';

type PanelTab = LayoutState['panelTab'];

/**
 * The bottom panel: every notification of this session, the progress of long work, and problems
 * (failed plugins, errors).
 * @fires panel-tab - detail: `{ tab }`
 */
@customElement('wb-bottom-panel')
export class WbBottomPanel extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: flex; flex-direction: column; min-height: 0; background: var(--wb-bg, #fff); border-top: 1px solid var(--wb-border, #d0d0d0); }
      .head { display: flex; align-items: center; padding: 0 8px; }
      wb-tabs { flex: 1; border-bottom: none; }
      .body { flex: 1; overflow: auto; padding: 4px 12px; }
      ul { list-style: none; margin: 0; padding: 0; }
      li { padding: 3px 0; border-bottom: 1px solid var(--wb-border-soft, #eee); display: flex; gap: 10px; }
      time { color: var(--wb-muted, #6b6b6b); font-variant-numeric: tabular-nums; flex: none; }
      .error { color: var(--wb-danger, #c42b1c); }
      .warning { color: var(--wb-warning, #b26a00); }
      progress { width: 160px; }
    `,
  ];

  @property() tab: PanelTab = 'notifications';
  @property({ attribute: false }) plugins: PluginState[] = [];
  /** Keybindings or command ids two running plugins claim. */
  @property({ attribute: false }) warnings: PluginWarning[] = [];
  private subscription?: Disposable;

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscription = this.notifications.onDidChange.on(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscription?.dispose();
  }

  override render() {
    const t = (k: string, p?: Record<string, string | number>) => this.i18n.t(k, p);
    const tabs = [
      { id: 'notifications', label: t('panel.notifications') },
      { id: 'progress', label: t('panel.progress') },
      { id: 'problems', label: `${t('panel.problems')} (${this.problemCount()})` },
    ];
    return html`<div class="head">
        <wb-tabs .tabs=${tabs} selected=${this.tab} @tab-change=${(e: CustomEvent<{ id: PanelTab }>) => this._fire(e.detail.id)}></wb-tabs>
        ${this.tab === 'notifications' ? html`<button class="link" @click=${() => this.notifications.clear()}>${t('panel.clear')}</button>` : nothing}
      </div>
      <div class="body" role="tabpanel" aria-labelledby="tab-${this.tab}">${this.body()}</div>`;
  }

  /** Failed plugins, clashes between plugins, and error notifications. */
  problemCount(): number {
    return this.plugins.filter((p) => p.state === 'failed').length + this.warnings.length + this.notifications.items.filter((n) => n.kind === 'error').length;
  }

  private body() {
    const t = (k: string, p?: Record<string, string | number>) => this.i18n.t(k, p);
    const time = (d: Date) => html`<time>${d.toLocaleTimeString(this.i18n.locale, { hour12: false })}</time>`;
    if (this.tab === 'notifications') {
      if (!this.notifications.items.length) return html`<p class="muted">${t('panel.noNotifications')}</p>`;
      return html`<ul>${this.notifications.items.map((n) => html`<li class=${n.kind}>${time(n.at)}<span>${n.message}</span></li>`)}</ul>`;
    }
    if (this.tab === 'progress') {
      const items = [...this.notifications.progress.values()];
      if (!items.length) return html`<p class="muted">${t('panel.noProgress')}</p>`;
      return html`<ul>
        ${items.map((p) => html`<li class=${p.state === 'failed' ? 'error' : ''}><span>${p.title}</span><progress max=${p.total ?? 1} .value=${p.total ? p.done : p.state === 'running' ? (undefined as unknown as number) : 1}></progress><span>${p.total ? `${p.done} / ${p.total}` : p.done}</span><span>${p.message ?? ''}</span></li>`)}
      </ul>`;
    }
    const failed = this.plugins.filter((p) => p.state === 'failed');
    const errors = this.notifications.items.filter((n) => n.kind === 'error');
    if (!failed.length && !errors.length && !this.warnings.length) return html`<p class="muted">${t('panel.noProblems')}</p>`;
    return html`<ul>
      ${failed.map((p) => html`<li class="error">${t('panel.pluginFailed', { name: p.name, reason: p.reason ?? '' })}</li>`)}
      ${this.warnings.map((w) => html`<li class="warning" data-warning=${w.kind}>${w.message}</li>`)}
      ${errors.map((n) => html`<li class="error">${time(n.at)}<span>${n.message}</span></li>`)}
    </ul>`;
  }

  private _fire(tab: PanelTab) {
    this.dispatchEvent(new CustomEvent('panel-tab', { detail: { tab }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-bottom-panel': WbBottomPanel;
  }
}
