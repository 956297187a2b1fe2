import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';
import type { HandoverNote } from '../server/model.js';
import { handoverNote } from './handover-list.js';

/** 交接班: write a note for the next shift; the notes I have not read; today's notes with who read them. */
@customElement('wb-staff-rules-handover')
export class StaffRulesHandoverView extends WbElement {
  static override styles = [controlStyles, panelStyles, handoverStyles()];

  @state() private text = '';
  @state() private unread: HandoverNote[] = [];
  @state() private today: HandoverNote[] = [];
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [unread, today] = await Promise.all([
        this.api.get<{ items: HandoverNote[] }>('/staff-rules/handover/unread'),
        this.api.get<{ items: HandoverNote[] }>('/staff-rules/handover'),
      ]);
      this.unread = unread.items;
      this.today = today.items;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const time = (iso: string) => this.i18n.dateTime(iso);
    const t = (zh: string, en: string) => this.t(zh, en);
    return html`
      <form @submit=${(e: Event) => void this.write(e)}>
        <textarea name="text" rows="3" .value=${this.text} placeholder=${this.t('写给下一班：没办完的事、要注意的买家……', 'For the next shift: what is left, buyers to watch…')}
          aria-label=${this.t('交接内容', 'Handover note')} @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
        <button class="primary" type="submit">${this.t('交接', 'Hand over')}</button>
      </form>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      <h3>${this.t('未读', 'Unread')} (${this.unread.length})</h3>
      <ul class="notes unread">${this.unread.map((n) => handoverNote(n, t, time, (note) => void this.read(note)))}</ul>
      <h3>${this.t('今天的交接', 'Today\'s notes')}</h3>
      <ul class="notes today">${this.today.map((n) => handoverNote(n, t, time, undefined))}</ul>`;
  }

  private async write(event: Event): Promise<void> {
    event.preventDefault();
    try {
      await this.api.post('/staff-rules/handover', { text: this.text });
      this.text = '';
      this.error = '';
      await this.load();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
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

/** Shared by the view and the home-page widget. */
export function handoverStyles() {
  return css`
    :host { display: flex; flex-direction: column; gap: 8px; padding: 8px; box-sizing: border-box; }
    form { display: flex; flex-direction: column; gap: 6px; }
    textarea { width: 100%; box-sizing: border-box; resize: vertical; }
    form button { align-self: flex-end; }
    h3 { margin: 6px 0 0; font-size: 12px; font-weight: 600; color: var(--wb-muted, #616161); }
    ul.notes { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
    li.note { border: 1px solid var(--wb-border, #e0e0e0); border-radius: 4px; padding: 6px 8px; display: grid; gap: 2px; }
    .meta, .reads { font-size: 11px; color: var(--wb-muted, #616161); }
    .text { white-space: pre-wrap; }
    button.read { justify-self: end; }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-handover': StaffRulesHandoverView;
  }
}
