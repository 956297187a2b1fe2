import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, ReloadOnChange, shopDay, WbElement } from '@workbench/ui';
import { leaveKindText } from './attendance-text.js';
import type { Leave } from './attendance-types.js';

/** A month of approved leave: one row per person off, a mark on each day they are away. */
@customElement('wb-staff-rules-leave-calendar')
export class StaffRulesLeaveCalendar extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: block; overflow-x: auto; }
    table { border-collapse: collapse; font-size: 12px; }
    th, td { border: 1px solid var(--wb-border, #ddd); padding: 2px 4px; text-align: center; min-width: 20px; }
    th.name { text-align: left; white-space: nowrap; }
    td.off { background: var(--wb-warn-bg, #fde7c8); }
  `];

  @state() private month = '';
  @state() private leaves: Leave[] = [];
  private readonly reloadOnChange = new ReloadOnChange(this, ['staff-rules.leave'], { reload: () => this.load(), onConnect: true });

  private days(): string[] {
    const [y, m] = this.month.split('-').map(Number) as [number, number];
    const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return Array.from({ length: count }, (_, i) => `${this.month}-${String(i + 1).padStart(2, '0')}`);
  }

  async load(): Promise<void> {
    this.month ||= shopDay(new Date(), this.i18n.timeZone).slice(0, 7);
    const days = this.days();
    this.leaves = (await this.api.get<{ items: Leave[] }>('/staff-rules/leave', { from: days[0]!, to: days[days.length - 1]!, state: 'approved' })).items;
  }

  override render() {
    const days = this.month ? this.days() : [];
    const people = [...new Map(this.leaves.map((l) => [l.staffId, l.staffName ?? ''])).entries()];
    return html`<p>
        <label for="month">${this.t('月份', 'Month')}</label>
        <input id="month" type="month" .value=${this.month} @change=${(e: Event) => { this.month = (e.target as HTMLInputElement).value; void this.load(); }} />
      </p>
      ${people.length === 0
        ? html`<p class="hint">${this.t('这个月没有人请假。', 'Nobody is on leave this month.')}</p>`
        : html`<table aria-label=${this.t('请假日历', 'Leave calendar')}>
            <thead><tr><th class="name">${this.t('姓名', 'Name')}</th>${days.map((d) => html`<th>${Number(d.slice(8))}</th>`)}</tr></thead>
            <tbody>${people.map(([id, name]) => html`<tr>
              <th class="name">${name}</th>
              ${days.map((d) => {
                const leave = this.leaves.find((l) => l.staffId === id && l.from <= d && d <= l.to);
                return leave
                  ? html`<td class="off" title=${`${name} ${d} ${leaveKindText((zh, en) => this.t(zh, en), leave.kind)}`}>${this.t('假', 'L')}</td>`
                  : html`<td></td>`;
              })}
            </tr>`)}</tbody>
          </table>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-leave-calendar': StaffRulesLeaveCalendar;
  }
}
