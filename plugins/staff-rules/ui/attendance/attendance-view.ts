import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';
import './attendance-board.js';
import './clock-import-panel.js';
import './leave-approvals.js';
import './leave-calendar.js';

type Part = 'board' | 'approvals' | 'calendar' | 'import';

/** 考勤与请假, the supervisor's tab: today's board, leave to decide, who is off, the time clock's file. */
@customElement('wb-staff-rules-attendance')
export class StaffRulesAttendanceView extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 8px; padding: 8px 12px; box-sizing: border-box; height: 100%; overflow: auto; }
    wb-tabs { flex: none; }
  `];

  @state() private section: Part = 'board';

  override render() {
    const tabs = [
      { id: 'board', label: this.t('今日考勤', "Today's attendance") },
      ...(this.workbench.can('staff-rules.leave.approve') ? [{ id: 'approvals', label: this.t('请假审批', 'Leave to decide') }] : []),
      { id: 'calendar', label: this.t('请假日历', 'Leave calendar') },
      ...(this.workbench.can('staff-rules.attendance.import') ? [{ id: 'import', label: this.t('导入考勤机', 'Time clock import') }] : []),
    ];
    return html`<wb-tabs .tabs=${tabs} selected=${this.section} @tab-change=${(e: CustomEvent<{ id: Part }>) => (this.section = e.detail.id)}></wb-tabs>
      ${this.section === 'board' ? html`<wb-staff-rules-attendance-board></wb-staff-rules-attendance-board>` : nothing}
      ${this.section === 'approvals' ? html`<wb-staff-rules-leave-approvals></wb-staff-rules-leave-approvals>` : nothing}
      ${this.section === 'calendar' ? html`<wb-staff-rules-leave-calendar></wb-staff-rules-leave-calendar>` : nothing}
      ${this.section === 'import' ? html`<wb-staff-rules-clock-import></wb-staff-rules-clock-import>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-attendance': StaffRulesAttendanceView;
  }
}
