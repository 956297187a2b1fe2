import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError } from '../kit/api-error.js';
import type { LocalizedText } from '../kit/i18n.js';
import { controlStyles } from '../kit/styles.js';
import { confirmDialog } from '../kit/wb-dialog.js';
import { WbElement } from '../kit/wb-element.js';
import type { PluginState } from '../shell/contributions.js';
import { pageStyles } from './page-styles.js';

type Switched = { items: { id: string; state: PluginState['state']; reason: string | null }[] };

/**
 * Every plugin: name, version, state, why it failed, how long it took to start, what it needs.
 * The owner switches plugins off and on here; the list follows changes made in other browsers.
 */
@customElement('wb-plugins-page')
export class WbPluginsPage extends WbElement {
  static override styles = [
    controlStyles,
    pageStyles,
    css`
      tr:has(+ tr.reason) td { border-bottom: none; }
      tr.reason td { overflow-wrap: anywhere; padding-top: 0; }
      tr.reason .label { font-weight: 600; }
    `,
  ];
  @state() private items: PluginState[] = [];
  @state() private busy = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('plugins-changed', this.reload);
    this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('plugins-changed', this.reload);
  }

  private readonly reload = () => {
    void this.api
      .get<{ items: PluginState[] }>('/plugins')
      .then((r) => (this.items = r.items))
      .catch((e: unknown) => this.notifications.error(e));
  };

  /** Running plugins that require `id`, directly or through each other: they go off with it. */
  private dependantsOf(id: string): PluginState[] {
    const found = new Map<string, PluginState>();
    const visit = (target: string) => {
      for (const p of this.items) {
        if (p.state === 'running' && !found.has(p.id) && p.requires.includes(target)) {
          found.set(p.id, p);
          visit(p.id);
        }
      }
    };
    visit(id);
    return [...found.values()];
  }

  private async disable(plugin: PluginState, dependants = this.dependantsOf(plugin.id).map((p) => ({ id: p.id, name: p.name as LocalizedText }))): Promise<void> {
    const t = (k: string, p?: Record<string, string | number>) => this.i18n.t(k, p);
    const names = dependants.map((d) => t('plugins.namedId', { name: this.i18n.text(d.name), id: d.id })).join(t('plugins.listSeparator'));
    const ok = await confirmDialog(this, {
      heading: t('plugins.disableHeading', { name: plugin.name }),
      message: dependants.length ? t('plugins.disableWithDependants', { name: plugin.name, dependants: names }) : t('plugins.disableMessage', { name: plugin.name }),
      confirmLabel: t('plugins.disable'),
      danger: true,
    });
    if (!ok) return;
    this.busy = plugin.id;
    try {
      await this.api.post<Switched>(`/plugins/${plugin.id}/disable`, { confirm: dependants.map((d) => d.id) });
      this.notifications.notify('info', t('plugins.disabled', { name: plugin.name }));
    } catch (error) {
      // Someone else switched a dependant on meanwhile: ask again, naming the server's list.
      const more = error instanceof ApiError && error.status === 409 ? (error.problem as { dependants?: { id: string; name: LocalizedText }[] }).dependants : undefined;
      if (more) return void (await this.disable(plugin, more));
      this.notifications.error(error);
    } finally {
      this.busy = '';
      this.reload();
    }
  }

  private async enable(plugin: PluginState): Promise<void> {
    this.busy = plugin.id;
    try {
      const result = await this.api.post<Switched>(`/plugins/${plugin.id}/enable`, {});
      const failed = result.items.find((i) => i.state === 'failed');
      if (failed) this.notifications.notify('error', this.i18n.t('plugins.enableFailed', { name: plugin.name, reason: failed.reason ?? '' }));
      else this.notifications.notify('info', this.i18n.t('plugins.enabled', { name: plugin.name }));
    } catch (error) {
      this.notifications.error(error);
    } finally {
      this.busy = '';
      this.reload();
    }
  }

  private actions(p: PluginState) {
    if (!this.workbench.user.roles.includes('owner')) return nothing;
    const t = (k: string) => this.i18n.t(k);
    if (p.state === 'disabled') {
      return p.allowed
        ? html`<button ?disabled=${this.busy !== ''} @click=${() => void this.enable(p)}>${t('plugins.enable')}</button>`
        : html`<span class="muted" title=${t('plugins.notAllowed')}>${t('plugins.notAllowedShort')}</span>`;
    }
    // A plugin that failed before config.yaml let it run (a broken manifest) has nothing to switch.
    if (p.state === 'failed' && !p.allowed) return nothing;
    return html`<button ?disabled=${this.busy !== ''} @click=${() => void this.disable(p)}>${t('plugins.disable')}</button>`;
  }

  override render() {
    const t = (k: string) => this.i18n.t(k);
    const owner = this.workbench.user.roles.includes('owner');
    return html`<h1>${t('page.plugins')}</h1>
      <table>
        <thead><tr><th>${t('plugins.name')}</th><th>${t('plugins.version')}</th><th>${t('plugins.state')}</th><th class="num">${t('plugins.activation')}</th><th>${t('plugins.activatedAt')}</th><th>${t('plugins.requires')}</th>${owner ? html`<th></th>` : nothing}</tr></thead>
        <tbody>
          ${this.items.map(
            (p) => html`<tr class=${p.state} data-plugin=${p.id}>
              <td><strong>${p.name}</strong><br /><code class="muted">${p.id}</code></td>
              <td>${p.version ?? ''}</td>
              <td><span class="badge ${p.state}">${t(`plugins.state.${p.state}`)}</span></td>
              <td class="num">${p.activationMs === null ? '' : `${p.activationMs} ms`}</td>
              <td>${this.i18n.dateTime(p.activatedAt)}</td>
              <td>${[...p.requires, ...p.optional.map((o) => `${o}?`)].join(', ')}</td>
              ${owner ? html`<td>${this.actions(p)}</td>` : nothing}
            </tr>
            ${p.reason
              ? // The reason (often a long error) gets a line of its own under its plugin, so the table fits a narrow window.
                html`<tr class="reason ${p.state}" data-reason-of=${p.id}><td colspan=${owner ? 7 : 6} class="error"><span class="label">${t('plugins.reason')}</span> ${p.reason}</td></tr>`
              : nothing}`,
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
