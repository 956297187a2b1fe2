import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changes, controlStyles, panelStyles, ReloadOnChange, WbElement } from '@workbench/ui';
import { leaveKindText, leaveStateText, statusClass, statusText } from './attendance-text.js';
import { hhmm, type DayFacts, type Flag, type Leave, type Person } from './attendance-types.js';
import './my-shifts.js';

/**
 * 打卡与我的考勤: the one clock button (the server's time), my shifts of this week and next, the
 * month's days, and leave — the "my attendance" part of the person's own page (the fines part
 * adds its own section beside it).
 */
@customElement('wb-staff-rules-my-attendance')
export class StaffRulesMyAttendance extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 12px; padding: 8px; box-sizing: border-box; overflow: auto; height: 100%; }
    .clock { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    .clock button.primary { font-size: 16px; padding: 8px 20px; }
    table.list { width: 100%; font-size: 13px; }
    form.leave { display: grid; grid-template-columns: auto 1fr; gap: 6px 8px; align-items: center; max-width: 420px; }
    form.leave button { grid-column: 2; justify-self: start; }
    h3 { margin: 4px 0; font-size: 14px; }
  `];

  @state() private member: Person | null = null;
  @state() private days: DayFacts[] = [];
  @state() private flags: Flag[] = [];
  @state() private today = '';
  @state() private leaves: Leave[] = [];
  @state() private error = '';
  @state() private leaveError = '';
  private readonly reloadOnChange = new ReloadOnChange(this, ['staff-rules.attendance', 'staff-rules.leave'], { reload: () => this.load(), onConnect: true });

  async load(): Promise<void> {
    try {
      const mine = await this.api.get<{ member: Person; days: DayFacts[]; flags: Flag[]; today: string }>('/staff-rules/attendance/me');
      this.member = mine.member;
      this.today = mine.today;
      this.days = mine.days;
      this.flags = mine.flags;
      this.leaves = (await this.api.get<{ items: Leave[] }>('/staff-rules/leave', { staffId: mine.member.id })).items;
      this.error = '';
    } catch (error) {
      // Not linked to anyone on the staff list: the server's message says whom to ask.
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    if (!this.member) return this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing;
    const today = this.today;
    const now = this.days.find((d) => d.date === today);
    const t = (zh: string, en: string) => this.t(zh, en);
    const worked = this.days.filter((d) => d.date <= today && d.status !== 'rest');
    return html`<section class="clock">
        <button class="primary" @click=${() => void this.clock()}>${now?.clockIn ? t('下班打卡', 'Clock out') : t('上班打卡', 'Clock in')}</button>
        <span role="status">${now
          ? html`${(now.shift ? t(`今天 ${hhmm(now.shift.startsAt)}–${hhmm(now.shift.endsAt)}`, `Today ${hhmm(now.shift.startsAt)}–${hhmm(now.shift.endsAt)}`) : t('今天休息', 'Day off today')) +
              (now.clockIn ? t(`，${hhmm(now.clockIn)} 到`, `, in at ${hhmm(now.clockIn)}`) : '')}
            <span class="badge ${statusClass(now)}">${statusText(t, now)}</span>`
          : nothing}</span>
        ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      </section>
      ${this.flags.map((f) => html`<p class="warn" role="alert">${f.reason}</p>`)}
      <section class="shifts">
        <h3>${t('我的班次', 'My shifts')}</h3>
        <wb-staff-rules-my-shifts></wb-staff-rules-my-shifts>
      </section>
      <section>
        <h3>${t('本月考勤', 'This month')}</h3>
        <table class="list">
          <thead><tr><th>${t('日期', 'Day')}</th><th>${t('上班', 'In')}</th><th>${t('下班', 'Out')}</th><th>${t('情况', 'Status')}</th></tr></thead>
          <tbody>${worked.map((d) => html`<tr>
            <td>${d.date.slice(5)}</td><td>${hhmm(d.clockIn)}</td><td>${hhmm(d.clockOut)}</td>
            <td><span class="badge ${statusClass(d)}">${statusText(t, d)}</span>
              ${d.corrections.map((c) => html`<span class="hint">${t(`（更正：${c.reason}）`, ` (corrected: ${c.reason})`)}</span>`)}</td>
          </tr>`)}</tbody>
        </table>
      </section>
      <section>
        <h3>${t('请假', 'Leave')}</h3>
        <form class="leave" @submit=${(e: Event) => void this.request(e)}>
          <label for="kind">${t('类别', 'Kind')}</label>
          <select id="kind" name="kind">
            ${(['personal', 'sick', 'special'] as const).map((k) => html`<option value=${k}>${leaveKindText(t, k)}</option>`)}
          </select>
          <label for="from">${t('从', 'From')}</label><input id="from" name="from" type="date" required .value=${today} />
          <label for="to">${t('到', 'To')}</label><input id="to" name="to" type="date" required .value=${today} />
          <label for="reason">${t('事由', 'Reason')}</label><input id="reason" name="reason" required />
          <button class="primary" type="submit">${t('提交请假单', 'Request leave')}</button>
        </form>
        ${this.leaveError ? html`<p class="field-error" role="alert">${this.leaveError}</p>` : nothing}
        <ul>${this.leaves.map((l) => html`<li>${leaveKindText(t, l.kind)} ${l.from === l.to ? l.from : `${l.from} – ${l.to}`}：${leaveStateText(t, l.state)}${l.decisionNote ? `（${l.decisionNote}）` : ''}</li>`)}</ul>
      </section>
      ${this.finesSection()}`;
  }

  /**
   * The person's own page goes on with the fines part's section, when that part is there: each
   * part owns its element (this file, and the fines part's `wb-staff-rules-my-fines`).
   */
  private finesSection() {
    return customElements.get('wb-staff-rules-my-fines') && this.workbench.can('staff-rules.fines.own')
      ? html`<section><h3>${this.t('我的罚款与奖励', 'My fines and rewards')}</h3><wb-staff-rules-my-fines></wb-staff-rules-my-fines></section>`
      : nothing;
  }

  private async clock(): Promise<void> {
    try {
      await this.api.post('/staff-rules/attendance/clock', {});
      this.notifications.notify('success', this.t('已打卡', 'Clocked'));
      changes.announce('staff-rules.attendance');
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async request(event: Event): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      await this.api.post('/staff-rules/leave', { kind: String(form.get('kind')), from: String(form.get('from')), to: String(form.get('to')), reason: String(form.get('reason')) });
      this.leaveError = '';
      (event.target as HTMLFormElement).reset();
      this.notifications.notify('success', this.t('请假单已提交，等主管审批', 'Leave requested; a supervisor will decide'));
      changes.announce('staff-rules.leave');
    } catch (error) {
      this.leaveError = error instanceof Error ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-my-attendance': StaffRulesMyAttendance;
  }
}
