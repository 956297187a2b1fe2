import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError } from '../kit/api-error.js';
import type { PluginSettings } from '../kit/settings-service.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';
import type { WbSchemaForm } from '../kit/wb-schema-form.js';
import '../kit/wb-schema-form.js';
import '../kit/wb-tabs.js';
import './wb-import-mappings.js';
import { pageStyles } from './page-styles.js';

/**
 * Settings: one page per plugin, a form generated from the plugin's settings schema, checked in
 * the browser by the server's own validator and saved through the API.
 */
@customElement('wb-settings-page')
export class WbSettingsPage extends WbElement {
  static override styles = [controlStyles, pageStyles, css`wb-tabs { margin-bottom: 16px; }`];
  @state() private items: PluginSettings[] = [];
  @state() private selected = '';
  @state() private busy = false;
  @query('wb-schema-form') private form?: WbSchemaForm;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.items = await this.settings.list();
      if (!this.items.some((i) => i.plugin === this.selected)) this.selected = this.items[0]?.plugin ?? '';
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const current = this.items.find((i) => i.plugin === this.selected);
    return html`<h1>${this.i18n.t('page.settings')}</h1>
      ${this.items.length ? nothing : html`<p class="muted">${this.i18n.t('settings.none')}</p>`}
      <wb-tabs .tabs=${this.items.map((i) => ({ id: i.plugin, label: this.i18n.text(i.name) }))} selected=${this.selected}
        @tab-change=${(e: CustomEvent<{ id: string }>) => (this.selected = e.detail.id)}></wb-tabs>
      ${current
        ? html`<wb-schema-form data-plugin=${current.plugin} .schema=${current.schema} .value=${current.value} ?busy=${this.busy}
            ?readonly=${!this.workbench.can('core.settings.manage')}
            validator=${this.api.url(`/workbench/validators/settings/${encodeURIComponent(current.plugin)}`)}
            @wb-submit=${(e: CustomEvent<{ value: Record<string, unknown> }>) => void this.save(current, e.detail.value)}></wb-schema-form>
            <wb-import-mappings plugin=${current.plugin}></wb-import-mappings>`
        : nothing}`;
  }

  private async save(current: PluginSettings, value: Record<string, unknown>): Promise<void> {
    this.busy = true;
    try {
      await this.settings.save(current.plugin, value, current.version);
      this.notifications.notify('success', this.i18n.t('settings.saved', { name: this.i18n.text(current.name) }));
      await this.load();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        this.notifications.notify('warning', this.i18n.t('settings.conflict'));
        await this.load();
      } else if (error instanceof ApiError && error.fields.length) {
        this.form?.setErrors(error.fields);
      } else {
        this.notifications.error(error);
      }
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-settings-page': WbSettingsPage;
  }
}
