import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changes, controlStyles, WbElement } from '@workbench/ui';
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
export class ListingsImportDialog extends WbElement {
  static override styles = [controlStyles, listingsStyles, css`
    .rejected { max-height: 220px; overflow: auto; }
    /* The browser's own file button speaks the browser's language; this one speaks the shop's. */
    .file input { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
    .file label { display: inline-block; border: 1px solid var(--wb-border, #c8c8c8); background: var(--wb-button-bg, #f3f3f3); border-radius: 4px; padding: 4px 10px; cursor: pointer; }
    .file:focus-within label { outline: 2px solid var(--wb-focus, #0a64c8); outline-offset: 1px; }
    .file input:disabled + label { opacity: 0.6; cursor: default; }
    .file .name { margin-left: 8px; }
    wb-progress { display: block; margin-top: 10px; }
  `];

  @state() private opened = false;
  @state() private events = '';
  @state() private report?: ImportReport;
  @state() private busy = false;
  @state() private fileName = '';

  /** Opens the dialog afresh. */
  show(): void {
    this.events = '';
    this.report = undefined;
    this.fileName = '';
    this.opened = true;
  }

  override render() {
    if (!this.opened) return nothing;
    return html`<wb-dialog heading=${this.t('导入商品（CSV）', 'Import products (CSV)')} open @close=${() => (this.opened = false)}>
      <p class="hint">${this.t('列与导出的 CSV 相同，每行一个 SKU；UTF-8 或 GBK 编码都可以。', 'The columns of the export, one row per SKU; UTF-8 or GBK.')}</p>
      <div class="row file">
        <input id="csv-file" type="file" accept=".csv,text/csv" ?disabled=${this.busy} @change=${this.onFile} />
        <label for="csv-file">${this.t('选择 CSV 文件…', 'Choose a CSV file…')}</label>
        <span class="name hint">${this.fileName || this.t('未选择文件', 'No file chosen')}</span>
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
      <p>${this.t(`按行计：新建 ${r.created} 行，更新 ${r.updated} 行，未变 ${r.unchanged} 行，退回 ${r.rejected.length} 行。`, `In rows: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected.`)}</p>
      ${r.rejected.length
        ? html`<div class="rejected"><table class="list">
            <thead><tr><th>${this.t('行', 'Row')}</th><th>${this.t('列', 'Column')}</th><th>${this.t('原因', 'Reason')}</th></tr></thead>
            <tbody>${r.rejected.map((x) => html`<tr><td class="num">${x.row}</td><td>${x.column}</td><td>${typeof x.reason === 'string' ? x.reason : this.i18n.text(x.reason as never)}</td></tr>`)}</tbody>
          </table></div>`
        : nothing}
    </section>`;
  }

  private async onFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.fileName = file.name;
    const form = new FormData();
    form.append('file', file, file.name);
    input.value = ''; // the same file may be chosen again after fixing it
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
    changes.announce('listings.products');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-import-dialog': ListingsImportDialog;
  }
}
