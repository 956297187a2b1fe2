import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { changes, controlStyles, fileButtonStyles, ImportUploadElement, panelStyles, type RejectedRow } from '@workbench/ui';

interface ClockImportReport {
  imported: number;
  skipped: number;
  rejected: RejectedRow[];
}

/** 导入考勤机记录: a time clock's export (工号, 时间), GBK or UTF-8; one bad row and nothing is imported. */
@customElement('wb-staff-rules-clock-import')
export class StaffRulesClockImport extends ImportUploadElement<ClockImportReport> {
  static override styles = [controlStyles, panelStyles, fileButtonStyles, css`:host { display: block; } wb-progress { display: block; margin-top: 8px; }`];

  override render() {
    const r = this.report;
    return html`<p class="hint">${this.t('考勤机导出的 CSV：工号、时间两列（也可日期、时间分两列）；UTF-8 或 GBK。有一行不对就整份不导入，并列出哪一行哪一列。同一份文件导两次不会重复。', 'A CSV from the time clock: 工号 and 时间 (or the day and time in two columns); UTF-8 or GBK. One bad row and nothing is imported; the report names the row and column. Importing a file twice adds nothing twice.')}</p>
      ${this.renderFileButton('clock-file', this.t('选择考勤文件…', 'Choose the time clock file…'), 'staff-rules', 'time-clock')}
      ${this.renderProgress(this.t('导入打卡记录', 'Importing clocks'))}
      ${r
        ? r.rejected.length
          ? html`<section role="alert"><p class="fail">${this.t(`有 ${r.rejected.length} 行不对，整份没有导入：`, `${r.rejected.length} rows are wrong, so nothing was imported:`)}</p>${this.renderRejected(r.rejected)}</section>`
          : html`<p role="status">${this.t(`导入 ${r.imported} 条，已有 ${r.skipped} 条跳过。`, `${r.imported} clocks imported, ${r.skipped} already there.`)}</p>`
        : nothing}`;
  }

  protected override done(report: ClockImportReport): void {
    super.done(report);
    changes.announce('staff-rules.attendance');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-clock-import': StaffRulesClockImport;
  }
}
