import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changes, controlStyles, fileButtonStyles, ImportUploadElement, type RejectedRow } from '@workbench/ui';
import { listingsStyles } from './styles.js';

/** What the `products-csv` importer answers when it is done. */
interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
}

/**
 * 导入 CSV: pick a file (UTF-8 or GBK, the export's columns), follow the run with a progress bar,
 * then read the row report — what was created, updated, left alone, and every refused row.
 */
@customElement('wb-listings-import-dialog')
export class ListingsImportDialog extends ImportUploadElement<ImportReport> {
  static override styles = [controlStyles, listingsStyles, fileButtonStyles, css`
    .rejected { max-height: 220px; overflow: auto; }
    wb-progress { display: block; margin-top: 10px; }
  `];

  @state() private opened = false;

  /** Opens the dialog afresh. */
  show(): void {
    this.resetUpload();
    this.opened = true;
  }

  override render() {
    if (!this.opened) return nothing;
    return html`<wb-dialog heading=${this.t('导入商品（CSV）', 'Import products (CSV)')} open @close=${() => (this.opened = false)}>
      <p class="hint">${this.t('列与导出的 CSV 相同，每行一个 SKU；UTF-8 或 GBK 编码都可以。', 'The columns of the export, one row per SKU; UTF-8 or GBK.')}</p>
      ${this.renderFileButton('csv-file', this.t('选择 CSV 文件…', 'Choose a CSV file…'), 'listings', 'products-csv')}
      ${this.renderProgress(this.t('导入商品', 'Importing products'))}
      ${this.report ? this.renderReport(this.report) : nothing}
      <button slot="actions" @click=${() => (this.opened = false)}>${this.t('关闭', 'Close')}</button>
    </wb-dialog>`;
  }

  private renderReport(r: ImportReport) {
    return html`<section class="report" role="status">
      <p>${this.t(`按行计：新建 ${r.created} 行，更新 ${r.updated} 行，未变 ${r.unchanged} 行，退回 ${r.rejected.length} 行。`, `In rows: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected.`)}</p>
      ${r.rejected.length ? this.renderRejected(r.rejected) : nothing}
    </section>`;
  }

  protected override done(report: ImportReport): void {
    super.done(report);
    changes.announce('listings.products');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-import-dialog': ListingsImportDialog;
  }
}
