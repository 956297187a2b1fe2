import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changes, controlStyles, fileButtonStyles, ImportUploadElement, type RejectedRow } from '@workbench/ui';
import { fulfillmentStyles } from './styles.js';

/** What the `taobao-orders` importer answers when it is done (README "Import"). */
interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  items?: number;
  exceptions?: number;
  skuStubs?: string[];
  rejected?: (RejectedRow & { file: string })[];
}

type Slot = 'orders' | 'items';

/**
 * 导入淘宝订单: the order report (订单报表) and the item report (宝贝报表) from the seller centre,
 * sent together in one upload, since an order's lines are only in the second. The run is followed
 * with a progress bar; then the result — and, if any row was refused, the list of refused rows
 * (nothing is imported then, so the clerk fixes the files and sends both again).
 */
@customElement('wb-fulfillment-import-dialog')
export class FulfillmentImportDialog extends ImportUploadElement<ImportReport> {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    fileButtonStyles,
    css`
      .files { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 8px 12px; align-items: center; margin: 8px 0; }
      .file { display: flex; align-items: center; gap: 8px; min-width: 0; }
      .file label.choose { padding: 3px 10px; white-space: nowrap; }
      .file .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      wb-progress { display: block; margin-top: 10px; }
      .report dl { display: grid; grid-template-columns: max-content max-content; gap: 2px 16px; margin: 6px 0; }
      .report dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
      .rejected { max-height: 240px; overflow: auto; }
      .stubs { font-family: var(--wb-font-mono, monospace); font-size: 12px; }
    `,
  ];

  @state() private opened = false;
  @state() private files: Partial<Record<Slot, File>> = {};
  @state() private error = '';
  /** The chosen pair was sent; choosing a file again allows another import. */
  @state() private sent = false;

  /** Opens the dialog afresh. */
  show(): void {
    this.files = {};
    this.resetUpload();
    this.error = '';
    this.sent = false;
    this.opened = true;
  }

  override render() {
    if (!this.opened) return nothing;
    const ready = Boolean(this.files.orders && this.files.items) && !this.busy && !this.sent && !this.asking;
    return html`<wb-dialog heading=${this.t('导入淘宝订单', 'Import Taobao orders')} open @close=${() => (this.opened = false)}>
      <p class="hint">${this.t('从卖家中心导出的“订单报表”和“宝贝报表”两个 CSV 一起导入，GBK 或 UTF-8 都可以。同一订单再导一次会更新它。', 'The order report and the item report exported from the seller centre, imported together; GBK or UTF-8. Importing an order again updates it.')}</p>
      <div class="files">
        ${this.renderFile('orders', this.t('订单报表', 'Order report'))}
        ${this.renderFile('items', this.t('宝贝报表', 'Item report'))}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.renderProgress(this.t('导入订单', 'Importing orders'))}
      ${this.report ? this.renderReport(this.report) : nothing}
      <button slot="actions" @click=${() => (this.opened = false)}>${this.t('关闭', 'Close')}</button>
      <button slot="actions" class="primary start" ?disabled=${!ready} @click=${() => void this.start()}>${this.t('开始导入', 'Import')}</button>
    </wb-dialog>`;
  }

  private renderFile(slot: Slot, label: string) {
    const file = this.files[slot];
    return html`<span>${label}</span>
      <span class="file">
        <input id="file-${slot}" name=${slot} type="file" accept=".csv,text/csv" ?disabled=${this.busy} @change=${(e: Event) => this.choose(slot, e)} />
        <label class="choose" for="file-${slot}">${this.t('选择文件…', 'Choose…')}</label>
        <span class="name hint" title=${file?.name ?? ''}>${file?.name ?? this.t('未选择', 'None chosen')}</span>
      </span>`;
  }

  private renderReport(r: ImportReport) {
    const rejected = r.rejected ?? [];
    if (rejected.length) {
      return html`<section class="report" role="alert">
        <p class="fail">${this.t(`有 ${rejected.length} 行不能导入，这次一个订单也没有导入。请改好下面这些行，再把两个文件一起导入。`, `${rejected.length} rows cannot be imported, so nothing was imported. Fix these rows and import both files again.`)}</p>
        ${this.renderRejected(rejected, true)}
      </section>`;
    }
    const stubs = r.skuStubs ?? [];
    return html`<section class="report" role="status">
      <dl>
        <dt>${this.t('新订单', 'New orders')}</dt><dd class="created">${r.created}</dd>
        <dt>${this.t('更新的订单', 'Updated')}</dt><dd class="updated">${r.updated}</dd>
        <dt>${this.t('没有变化', 'Unchanged')}</dt><dd class="unchanged">${r.unchanged}</dd>
        ${r.items !== undefined ? html`<dt>${this.t('宝贝行', 'Item lines')}</dt><dd>${r.items}</dd>` : nothing}
        <dt>${this.t('转为异常的订单', 'Orders set to exception')}</dt><dd class="exceptions ${r.exceptions ? 'warn' : ''}">${r.exceptions ?? 0}</dd>
      </dl>
      ${stubs.length
        ? html`<p class="warn">${this.t(`${stubs.length} 个商家编码在商品库里没有，已先建成待补全的 SKU，请到商品里补上资料：`, `${stubs.length} SKU codes were not in the catalog; they were added as SKUs to complete in Listings:`)}</p>
            <p class="stubs">${stubs.join('、')}</p>`
        : nothing}
    </section>`;
  }

  private choose(slot: Slot, event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // the same file may be chosen again after fixing it
    if (!file) return;
    this.files = { ...this.files, [slot]: file };
    this.sent = false;
    this.report = undefined;
    this.events = '';
    this.error = '';
  }

  private async start(): Promise<void> {
    const { orders, items } = this.files;
    if (!orders || !items) return;
    this.sent = true;
    this.error = '';
    try {
      // Both files under the one field `file`: the importer tells them apart by their headers.
      await this.upload('fulfillment', 'taobao-orders', [orders, items]);
    } catch (error) {
      this.sent = false;
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  protected override done(report: ImportReport): void {
    super.done(report);
    // Also when the files went again after the clerk mapped their columns.
    this.sent = true;
    if (report.rejected?.length) return;
    changes.announce('fulfillment.orders');
  }

  protected override failed(): void {
    super.failed();
    this.sent = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-import-dialog': FulfillmentImportDialog;
  }
}
