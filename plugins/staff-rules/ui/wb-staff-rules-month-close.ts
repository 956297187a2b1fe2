import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changes, confirmDialog, panelStyles, ReloadOnChange, shopDay, WbElement } from '@workbench/ui';

interface MonthRow {
  staff: { id: number; code: string; name: string };
  attendance: { daysWorked: number; lates: number; earlyLeaves: number; leaveDays: number; absences: number } | null;
  finesFen: number;
  penaltiesFen: number;
  rewardsFen: number;
  deductionFen: number;
  flags: { reason: string; count: number; threshold: number }[];
}
interface Month {
  month: string;
  closed: { closedAt: string } | null;
  rows: MonthRow[];
}

/** The previous month, `YYYY-MM`: the one usually closed. */
function lastMonth(): string {
  const [y, m] = shopDay().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** 月结: everyone's month, the payroll deductions file, and the owner's close that locks it. */
@customElement('wb-staff-rules-month-close')
export class StaffRulesMonthClose extends WbElement {
  static override styles = [
    panelStyles,
    css`
      :host { display: block; padding: 8px 12px; }
      .bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
      table.list td.num, table.list th.num { text-align: right; font-variant-numeric: tabular-nums; }
      .bar a { white-space: nowrap; }
    `,
  ];

  @state() private month = lastMonth();
  @state() private data: Month | null = null;
  private readonly reloadOnChange = new ReloadOnChange(this, ['staff-rules.fines', 'staff-rules.months'], { reload: () => this.load(), onConnect: true });

  private async load(): Promise<void> {
    try {
      this.data = await this.api.get<Month>(`/staff-rules/months/${this.month}`);
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const d = this.data;
    const n = (v: number | undefined) => (v === undefined ? '—' : String(v));
    return html`<div class="bar">
        <label for="month">${this.t('月份', 'Month')}</label>
        <input id="month" type="month" .value=${this.month} @change=${(e: Event) => { this.month = (e.target as HTMLInputElement).value; void this.load(); }} />
        ${d?.closed
          ? html`<span class="badge pass">${this.t('已结账', 'Closed')} ${this.i18n.dateTime(d.closed.closedAt)}</span>`
          : html`${this.workbench.can('staff-rules.fines.record') ? html`<button @click=${this.price}>${this.t('按考勤重新计算', 'Price attendance again')}</button>` : nothing}
              ${this.workbench.can('staff-rules.month.close') ? html`<button class="primary" @click=${this.close}>${this.t('结账', 'Close the month')}</button>` : nothing}`}
        ${this.workbench.can('staff-rules.fines.export')
          ? html`<a href=${this.api.url(`/staff-rules/months/${this.month}/deductions.csv`)} download>${this.t('导出扣款表（UTF-8）', 'Deductions (UTF-8)')}</a>
              <a href=${this.api.url(`/staff-rules/months/${this.month}/deductions.csv`, { encoding: 'gbk' })} download>${this.t('导出扣款表（GBK）', 'Deductions (GBK)')}</a>`
          : nothing}
      </div>
      ${d ? html`<table class="list">
        <thead><tr>
          <th>${this.t('员工', 'Person')}</th><th class="num">${this.t('出勤', 'Worked')}</th><th class="num">${this.t('迟到', 'Late')}</th><th class="num">${this.t('早退', 'Early')}</th>
          <th class="num">${this.t('请假', 'Leave')}</th><th class="num">${this.t('旷工', 'Absent')}</th><th class="num">${this.t('罚款', 'Fines')}</th>
          <th class="num">${this.t('赔偿', 'Penalties')}</th><th class="num">${this.t('奖励', 'Rewards')}</th><th class="num">${this.t('应扣', 'Deduct')}</th><th></th>
        </tr></thead>
        <tbody>${d.rows.map((r) => html`<tr>
          <td>${r.staff.code} ${r.staff.name}</td>
          <td class="num">${n(r.attendance?.daysWorked)}</td><td class="num">${n(r.attendance?.lates)}</td><td class="num">${n(r.attendance?.earlyLeaves)}</td>
          <td class="num">${n(r.attendance?.leaveDays)}</td><td class="num">${n(r.attendance?.absences)}</td>
          <td class="num">${this.i18n.money(r.finesFen)}</td><td class="num">${this.i18n.money(r.penaltiesFen)}</td><td class="num">${this.i18n.money(r.rewardsFen)}</td>
          <td class="num"><strong>${this.i18n.money(r.deductionFen)}</strong></td>
          <td>${r.flags.length ? html`<span class="badge fail">${this.t('自动离职提醒', 'Flagged')}</span>` : nothing}</td>
        </tr>`)}</tbody>
      </table>` : nothing}`;
  }

  /** Attendance amounts follow the days as corrected since; waived ones stay. */
  private readonly price = async (): Promise<void> => {
    try {
      const { booked } = await this.api.post<{ booked: number }>(`/staff-rules/months/${this.month}/attendance`);
      this.notifications.notify('success', this.t(`已按考勤计算 ${booked} 笔`, `${booked} attendance amounts priced`));
      changes.announce('staff-rules.fines');
    } catch (error) {
      this.notifications.error(error);
    }
  };

  private readonly close = async (): Promise<void> => {
    const ok = await confirmDialog(this, {
      heading: this.t(`结账 ${this.month}`, `Close ${this.month}`),
      message: this.t('结账后，这个月的罚款、赔偿和奖励都不能再改。', "After closing, the month's fines, penalties and rewards can no longer change."),
      confirmLabel: this.t('结账', 'Close it'),
    });
    if (!ok) return;
    try {
      await this.api.post(`/staff-rules/months/${this.month}/close`);
      this.notifications.notify('success', this.t(`${this.month} 已结账`, `${this.month} is closed`));
      changes.announce('staff-rules.months');
    } catch (error) {
      this.notifications.error(error);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-month-close': StaffRulesMonthClose;
  }
}
