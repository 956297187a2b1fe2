import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { panelStyles, WbElement } from '@workbench/ui';
import { WEEKDAYS } from '../week.js';
import { hhmm } from './attendance-types.js';

interface Shift {
  templateName: string;
  kind: 'day' | 'night';
  startsAt: string;
  endsAt: string;
}

interface MyDay {
  date: string;
  shift: Shift | null;
}

/**
 * 我的班次: my planned shifts of this week and next, a row per day. A night shift stays on the day
 * it starts, its end marked as the next day's; a day without a shift is a day off.
 */
@customElement('wb-staff-rules-my-shifts')
export class StaffRulesMyShifts extends WbElement {
  static override styles = [panelStyles, css`
    :host { display: block; }
    .week { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; }
    /* Fixed columns, so the two weeks line up even when one is all days off. */
    table.list { width: 100%; font-size: 13px; table-layout: fixed; }
    col.day { width: 6.5em; }
    col.hours { width: 9.5em; }
    td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    tr.today td { font-weight: 600; }
    h4 { margin: 2px 0; font-size: 13px; }
  `];

  @state() private days: MyDay[] = [];
  @state() private today = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      const mine = await this.api.get<{ today: string; days: MyDay[] }>('/staff-rules/roster/mine');
      this.today = mine.today;
      this.days = mine.days;
    } catch {
      // Linked to nobody: the page above already says so and whom to ask; nothing to list here.
      this.days = [];
    }
  }

  override render() {
    if (this.days.length === 0) return nothing;
    const weeks = [this.days.slice(0, 7), this.days.slice(7)].filter((w) => w.length > 0);
    return html`<div class="week">${weeks.map((week, i) => html`<section>
      <h4>${i === 0 ? this.t('本周', 'This week') : this.t('下周', 'Next week')}</h4>
      <table class="list">
        <colgroup><col class="day" /><col /><col class="hours" /></colgroup>
        <tbody>${week.map((d) => html`<tr data-date=${d.date} class=${d.date === this.today ? 'today' : ''}>
          <td>${this.i18n.text(WEEKDAYS[(new Date(`${d.date}T00:00:00Z`).getUTCDay() + 6) % 7]!)} ${d.date.slice(5)}</td>
          ${d.shift
            ? html`<td>${d.shift.templateName}</td><td>${this.hours(d.date, d.shift)}</td>`
            : html`<td><span class="badge pass">${this.t('休息', 'Day off')}</span></td><td></td>`}
        </tr>`)}</tbody>
      </table>
    </section>`)}</div>`;
  }

  /** `08:30–17:30`; a shift ending at midnight ends at `24:00`, one ending later at `次日 01:00`. */
  private hours(date: string, shift: Shift): string {
    const end = hhmm(shift.endsAt);
    if (shift.endsAt.slice(0, 10) === date) return `${hhmm(shift.startsAt)}–${end}`;
    if (end === '00:00') return `${hhmm(shift.startsAt)}–24:00`;
    return this.t(`${hhmm(shift.startsAt)}–次日 ${end}`, `${hhmm(shift.startsAt)}–${end} next day`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-my-shifts': StaffRulesMyShifts;
  }
}
