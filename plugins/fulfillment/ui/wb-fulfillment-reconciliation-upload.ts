import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changes, controlStyles, fileButtonStyles, ImportUploadElement } from '@workbench/ui';
import type { StatementReport } from '../shared/records.js';
import { fulfillmentStyles } from './styles.js';

/**
 * 导入快递账单: pick the courier's monthly statement (CSV: 运单号, 重量, 运费, optional 日期 and
 * 快递公司; UTF-8 or GBK), follow the run, then read the row report. A refused row stops the
 * whole statement, so the report lists what to fix.
 *
 * @fires statement-open - detail `{ id }`: the clerk wants to see the imported statement
 */
@customElement('wb-fulfillment-reconciliation-upload')
export class FulfillmentReconciliationUpload extends ImportUploadElement<StatementReport> {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    fileButtonStyles,
    css`
      .rejected { max-height: 220px; overflow: auto; }
      wb-progress { display: block; margin-top: 10px; }
      .report { margin-top: 10px; }
    `,
  ];

  @state() private opened = false;

  show(): void {
    this.resetUpload();
    this.opened = true;
  }

  override render() {
    if (!this.opened) return nothing;
    const r = this.report;
    return html`<wb-dialog heading=${this.t('导入快递账单', 'Import a courier statement')} open @close=${() => (this.opened = false)}>
      <p class="hint">${this.t('快递公司的月结账单另存为 CSV：运单号、重量（公斤）、运费（元），可带日期和快递公司两列；UTF-8 或 GBK 都可以。', 'The courier’s monthly bill saved as CSV: 运单号, 重量 (kg), 运费 (元), optionally 日期 and 快递公司; UTF-8 or GBK.')}</p>
      ${this.renderFileButton('statement-file', this.t('选择账单文件…', 'Choose the statement…'), 'fulfillment', 'courier-statement')}
      ${this.renderProgress(this.t('核对账单', 'Checking the statement'))}
      ${r ? this.renderReport(r) : nothing}
      <button slot="actions" @click=${() => (this.opened = false)}>${this.t('关闭', 'Close')}</button>
      ${r?.statementId
        ? html`<button slot="actions" class="primary open-statement" @click=${() => this.openStatement(r.statementId!)}>${this.t('查看这份账单', 'Open the statement')}</button>`
        : nothing}
    </wb-dialog>`;
  }

  private renderReport(r: StatementReport) {
    if (r.rejected.length) {
      return html`<section class="report" role="alert">
        <p class="error">${this.t(`有 ${r.rejected.length} 行读不了，整份账单没有导入。改好这些行再导入一次：`, `${r.rejected.length} rows could not be read, so nothing was imported. Fix them and import again:`)}</p>
        ${this.renderRejected(r.rejected)}
      </section>`;
    }
    return html`<section class="report" role="status">
      <p>${this.t(
        `共 ${r.lines} 行：对上 ${r.matched} 行，未知单号 ${r.unknown} 行，重量或运费不符 ${r.differences} 行；我们发了但账单没列的 ${r.notBilled} 单。`,
        `${r.lines} lines: ${r.matched} matched, ${r.unknown} unknown numbers, ${r.differences} with weight or fee differences; ${r.notBilled} of our parcels are not on the bill.`,
      )}</p>
    </section>`;
  }

  protected override done(report: StatementReport): void {
    super.done(report);
    if (report.statementId) changes.announce('fulfillment.statements');
  }

  private openStatement(id: number): void {
    this.opened = false;
    this.dispatchEvent(new CustomEvent('statement-open', { detail: { id }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-reconciliation-upload': FulfillmentReconciliationUpload;
  }
}
