import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import type { Department, RosterEntry } from '../server/model.js';
import { DEPARTMENT_NAMES } from './labels.js';

type OnNow = RosterEntry & { name: string; code: string; department: Department };

/** 现在在班 on the home page: who is on shift now, by department, with the shift's hours. */
@customElement('wb-staff-rules-on-now-widget')
export class StaffRulesOnNowWidget extends WbElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; gap: 6px; padding: 1px 0; }
    .dept { color: var(--wb-muted, #616161); min-width: 5em; }
    .hours { margin-left: auto; color: var(--wb-muted, #616161); font-variant-numeric: tabular-nums; }
  `];

  @state() private items?: OnNow[];
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.items = (await this.api.get<{ items: OnNow[] }>('/staff-rules/roster/now')).items;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.items) return html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`;
    if (this.items.length === 0) return html`<p class="hint empty">${this.t('现在没有人在班', 'Nobody is on shift now')}</p>`;
    const hhmm = (iso: string) => iso.slice(11, 16);
    return html`<ul>${this.items.map((s) => html`<li data-code=${s.code}>
      <span class="dept">${this.i18n.text(DEPARTMENT_NAMES[s.department])}</span><span>${s.name}</span>
      <span class="hours">${s.templateName} ${hhmm(s.startsAt)}–${hhmm(s.endsAt) === '00:00' ? '24:00' : hhmm(s.endsAt)}</span>
    </li>`)}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-on-now-widget': StaffRulesOnNowWidget;
  }
}
