import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles } from '@workbench/ui';
import { announce } from './changes.js';
import { ListingsElement } from './listings-element.js';
import { listingsStyles } from './styles.js';

/** What the `products-csv` importer answers when it is done. */
interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { row: number; column: string; reason: unknown }[];
}

/**
 * 导入 CSV: pick a file (UTF-8 or GBK, the export's columns), follow the run with a progress bar,
 * then read the row report — what was created, updated, left alone, and every refused row.
 */
@customElement('wb-listings-import-dialog')
export class ListingsImportDialog extends ListingsElement {
  static override styles = [controlStyles, listingsStyles, css`.rejected { max-height: 220px; overflow: auto; }`];

  @state() private opened = false;
  @state() private events = '';
  @state() private report?: ImportReport;
  @state() private busy = false;

  /** Opens the dialog afresh. */
  show(): void {
    this.events = '';
    this.report = undefined;
    this.opened = true;
  }

  override render() {
    if (!this.opened) return nothing;
    return html`<wb-dialog heading=${this.t('导入商品（CSV）', 'Import products (CSV)')} open @close=${() => (this.opened = false)}>
      <p class="hint">${this.t('列与导出的 CSV 相同，每行一个 SKU；UTF-8 或 GBK 编码都可以。', 'The columns of the export, one row per SKU; UTF-8 or GBK.')}</p>
      <div class="row">
        <input type="file" accept=".csv,text/csv" aria-label=${this.t('CSV 文件', 'CSV file')} ?disabled=${this.busy} @change=${this.onFile} />
      </div>
      ${this.events
        ? html`<wb-progress heading=${this.t('导入商品', 'Importing products')} src=${this.events}
            @progress-done=${(e: CustomEvent<{ result: ImportReport }>) => this.done(e.detail.result)} @progress-failed=${() => (this.busy = false)}></wb-progress>`
        : nothing}
      ${this.report ? this.renderReport(this.report) : nothing}
      <button slot="actions" @click=${() => (this.opened = false)}>${this.t('关闭', 'Close')}</button>
    </wb-dialog>`;
  }

  private renderReport(r: ImportReport) {
    return html`<section class="report" role="status">
      <p>${this.t(`新建 ${r.created} 个，更新 ${r.updated} 个，未变 ${r.unchanged} 个，退回 ${r.rejected.length} 行。`, `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rows rejected.`)}</p>
      ${r.rejected.length
        ? html`<div class="rejected"><table class="list">
            <thead><tr><th>${this.t('行', 'Row')}</th><th>${this.t('列', 'Column')}</th><th>${this.t('原因', 'Reason')}</th></tr></thead>
            <tbody>${r.rejected.map((x) => html`<tr><td class="num">${x.row}</td><td>${x.column}</td><td>${typeof x.reason === 'string' ? x.reason : this.i18n.text(x.reason as never)}</td></tr>`)}</tbody>
          </table></div>`
        : nothing}
    </section>`;
  }

  private async onFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    this.busy = true;
    this.report = undefined;
    try {
      const run = await this.api.post<{ runId: string; events: string }>('/listings/importers/products-csv', form);
      this.events = run.events;
    } catch (error) {
      this.busy = false;
      this.notifications.error(error);
    }
  }

  private done(report: ImportReport): void {
    this.busy = false;
    this.report = report;
    announce('products');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-import-dialog': ListingsImportDialog;
  }
}
