import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changes, controlStyles, panelStyles, ReloadOnChange, WbElement } from '@workbench/ui';
import { statusClass, statusText } from './attendance-text.js';
import { hhmm, type BoardRow, type ClockRecord } from './attendance-types.js';

/** Today's attendance (or a day picked): who is in, late, absent or on leave, each clock with any correction beside it. */
@customElement('wb-staff-rules-attendance-board')
export class StaffRulesAttendanceBoard extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: block; }
    .bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
    .counts { display: flex; gap: 12px; flex-wrap: wrap; }
    table.list { width: 100%; }
    td.time { white-space: nowrap; }
    .was { color: var(--wb-muted, #666); font-size: 12px; display: block; }
    form.correct { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; margin-top: 4px; }
    form.correct input[name='reason'] { min-width: 14em; flex: 1; }
  `];

  @state() private date = '';
  @state() private rows: BoardRow[] = [];
  @state() private editing: ClockRecord | null = null;
  @state() private error = '';
  private readonly reloadOnChange = new ReloadOnChange(this, ['staff-rules.attendance', 'staff-rules.leave'], { reload: () => this.load(), onConnect: true });

  async load(): Promise<void> {
    const board = await this.api.get<{ date: string; items: BoardRow[] }>('/staff-rules/attendance/board', this.date ? { date: this.date } : {});
    this.date = board.date;
    this.rows = board.items.filter((r) => r.facts.shift || r.clocks.length || r.facts.leave);
  }

  override render() {
    const count = (test: (r: BoardRow) => boolean) => this.rows.filter(test).length;
    const mayCorrect = this.workbench.can('staff-rules.attendance.correct');
    return html`<div class="bar">
        <label for="day">${this.t('日期', 'Day')}</label>
        <input id="day" type="date" .value=${this.date} @change=${(e: Event) => { this.date = (e.target as HTMLInputElement).value; void this.load(); }} />
        <span class="counts" role="status">
          <span>${this.t('已到', 'In')} ${count((r) => !!r.facts.clockIn)}</span>
          <span>${this.t('迟到', 'Late')} ${count((r) => r.facts.lateMinutes > 0)}</span>
          <span>${this.t('未到/旷工', 'Not in / absent')} ${count((r) => !r.facts.clockIn && (r.facts.status === 'open' || r.facts.status === 'absent'))}</span>
          <span>${this.t('请假', 'On leave')} ${count((r) => r.facts.status === 'leave')}</span>
        </span>
      </div>
      ${this.rows.length === 0
        ? html`<p class="hint">${this.t('这一天没有人排班。', 'Nobody is on the roster this day.')}</p>`
        : html`<table class="list">
            <thead><tr>
              <th>${this.t('工号', 'No.')}</th><th>${this.t('姓名', 'Name')}</th><th>${this.t('班次', 'Shift')}</th>
              <th>${this.t('上班', 'In')}</th><th>${this.t('下班', 'Out')}</th><th>${this.t('情况', 'Status')}</th>
            </tr></thead>
            <tbody>${this.rows.map((r) => html`<tr data-staff=${r.member.code}>
              <td>${r.member.code}</td>
              <td>${r.member.name}</td>
              <td>${r.facts.shift ? `${hhmm(r.facts.shift.startsAt)}–${hhmm(r.facts.shift.endsAt)}` : this.t('休息', 'Off')}</td>
              <td class="time">${this.renderClock(r, r.facts.clockIn, mayCorrect)}</td>
              <td class="time">${this.renderClock(r, r.facts.clockOut, mayCorrect)}</td>
              <td><span class="badge ${statusClass(r.facts)}">${statusText((zh, en) => this.t(zh, en), r.facts)}</span></td>
            </tr>`)}</tbody>
          </table>`}
      ${this.editing ? this.renderCorrection(this.editing) : nothing}`;
  }

  private renderClock(row: BoardRow, at: string | null, mayCorrect: boolean) {
    if (!at) return html`<span aria-label=${this.t('没有打卡', 'No clock')}>—</span>`;
    const clock = row.clocks.find((c) => c.at === at);
    return html`${hhmm(at)}
      ${clock?.correctedAt
        ? html`<span class="was">${clock.originalAt ? this.t(`原 ${hhmm(clock.originalAt)}`, `was ${hhmm(clock.originalAt)}`) : this.t('补打卡', 'added')}：${clock.correctionReason}</span>`
        : nothing}
      ${mayCorrect && clock
        ? html`<button class="link" @click=${() => { this.editing = clock; this.error = ''; }} aria-label=${this.t(`更正 ${row.member.name} ${hhmm(at)} 的打卡`, `Correct ${row.member.name}'s ${hhmm(at)} clock`)}>${this.t('更正', 'Correct')}</button>`
        : nothing}`;
  }

  private renderCorrection(clock: ClockRecord) {
    const who = this.rows.find((r) => r.member.id === clock.staffId)?.member.name ?? '';
    return html`<section aria-label=${this.t('更正打卡', 'Correct a clock')}>
      <h3>${this.t(`更正 ${who} ${hhmm(clock.at)} 的打卡`, `Correct ${who}'s clock at ${hhmm(clock.at)}`)}</h3>
      <form class="correct" @submit=${(e: Event) => void this.correct(e, clock)}>
        <label for="at">${this.t('正确时间', 'Right time')}</label>
        <input id="at" name="at" type="time" required .value=${hhmm(clock.at)} />
        <label for="reason">${this.t('原因', 'Reason')}</label>
        <input id="reason" name="reason" required placeholder=${this.t('例如：考勤机故障，组长确认', 'e.g. the time clock failed; the lead confirms')} />
        <button class="primary" type="submit">${this.t('保存更正', 'Save the correction')}</button>
        <button type="button" @click=${() => (this.editing = null)}>${this.t('取消', 'Cancel')}</button>
      </form>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }

  private async correct(event: Event, clock: ClockRecord): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      await this.api.post(`/staff-rules/attendance/clocks/${clock.id}/correct`, { at: String(form.get('at')), reason: String(form.get('reason')), version: clock.version });
      this.editing = null;
      this.notifications.notify('success', this.t('已更正', 'Corrected'));
      changes.announce('staff-rules.attendance');
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-attendance-board': StaffRulesAttendanceBoard;
  }
}
