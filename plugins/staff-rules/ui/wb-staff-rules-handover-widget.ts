import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import type { HandoverNote } from '../server/model.js';
import { handoverNote } from './handover-list.js';
import { handoverStyles } from './wb-staff-rules-handover.js';

/** 未读交接 on the home page: what the shift before left for me, each confirmed with 已读. */
@customElement('wb-staff-rules-handover-widget')
export class StaffRulesHandoverWidget extends WbElement {
  static override styles = [controlStyles, handoverStyles()];

  @state() private notes?: HandoverNote[];
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.notes = (await this.api.get<{ items: HandoverNote[] }>('/staff-rules/handover/unread')).items;
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.notes) return html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`;
    if (this.notes.length === 0) return html`<p class="hint empty">${this.t('交接记录都读过了', 'No unread handover notes')}</p>`;
    return html`<ul class="notes">${this.notes.map((n) => handoverNote(n, (zh, en) => this.t(zh, en), (iso) => this.i18n.dateTime(iso), (note) => void this.read(note)))}</ul>`;
  }

  private async read(note: HandoverNote): Promise<void> {
    try {
      await this.api.post(`/staff-rules/handover/${note.id}/read`);
      await this.load();
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-handover-widget': StaffRulesHandoverWidget;
  }
}
