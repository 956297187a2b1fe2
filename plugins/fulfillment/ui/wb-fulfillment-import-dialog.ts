import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, type LocalizedText } from '@workbench/ui';
import { FulfillmentElement } from './fulfillment-element.js';
import { fulfillmentStyles } from './styles.js';
import { announceOrders } from './wb-fulfillment-order-record.js';

/** What the `taobao-orders` importer answers when it is done (README "Import"). */
interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  items?: number;
  exceptions?: number;
  skuStubs?: string[];
  rejected?: { file: string; row: number; column: string; reason: string | LocalizedText }[];
}

type Slot = 'orders' | 'items';

/**
 * 导入淘宝订单: the order report (订单报表) and the item report (宝贝报表) from the seller centre,
 * sent together in one upload, since an order's lines are only in the second. The run is followed
 * with a progress bar; then the result — and, if any row was refused, the list of refused rows
 * (nothing is imported then, so the clerk fixes the files and sends both again).
 */
@customElement('wb-fulfillment-import-dialog')
export class FulfillmentImportDialog extends FulfillmentElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      .files { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 8px 12px; align-items: center; margin: 8px 0; }
      /* The browser's own file button speaks the browser's language; this one speaks the shop's. */
      .file { display: flex; align-items: center; gap: 8px; min-width: 0; }
      .file input { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
      .file label.button { display: inline-block; border: 1px solid var(--wb-border, #c8c8c8); background: var(--wb-button-bg, #f3f3f3); border-radius: 4px; padding: 3px 10px; cursor: pointer; white-space: nowrap; }
      .file:focus-within label.button { outline: 2px solid var(--wb-focus, #0a64c8); outline-offset: 1px; }
      .file input:disabled + label.button { opacity: 0.6; cursor: default; }
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
  @state() private events = '';
  @state() private report?: ImportReport;
  @state() private busy = false;
  @state() private error = '';
  /** The chosen pair was sent; choosing a file again allows another import. */
  @state() private sent = false;

  /** Opens the dialog afresh. */
  show(): void {
    this.files = {};
    this.events = '';
    this.report = undefined;
    this.error = '';
    this.busy = false;
    this.sent = false;
    this.opened = true;
  }

  override render() {
    if (!this.opened) return nothing;
    const ready = Boolean(this.files.orders && this.files.items) && !this.busy && !this.sent;
    return html`<wb-dialog heading=${this.t('导入淘宝订单', 'Import Taobao orders')} open @close=${() => (this.opened = false)}>
      <p class="hint">${this.t('从卖家中心导出的“订单报表”和“宝贝报表”两个 CSV 一起导入，GBK 或 UTF-8 都可以。同一订单再导一次会更新它。', 'The order report and the item report exported from the seller centre, imported together; GBK or UTF-8. Importing an order again updates it.')}</p>
      <div class="files">
        ${this.renderFile('orders', this.t('订单报表', 'Order report'))}
        ${this.renderFile('items', this.t('宝贝报表', 'Item report'))}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.events
        ? html`<wb-progress heading=${this.t('导入订单', 'Importing orders')} src=${this.events}
            @progress-done=${(e: CustomEvent<{ result: ImportReport }>) => this.done(e.detail.result)} @progress-failed=${() => ((this.busy = false), (this.sent = false))}></wb-progress>`
        : nothing}
      ${this.report ? this.renderReport(this.report) : nothing}
      <button slot="actions" @click=${() => (this.opened = false)}>${this.t('关闭', 'Close')}</button>
      <button slot="actions" class="primary start" ?disabled=${!ready} @click=${() => void this.upload()}>${this.t('开始导入', 'Import')}</button>
    </wb-dialog>`;
  }

  private renderFile(slot: Slot, label: string) {
    const file = this.files[slot];
    return html`<span>${label}</span>
      <span class="file">
        <input id="file-${slot}" name=${slot} type="file" accept=".csv,text/csv" ?disabled=${this.busy} @change=${(e: Event) => this.choose(slot, e)} />
        <label class="button" for="file-${slot}">${this.t('选择文件…', 'Choose…')}</label>
        <span class="name hint" title=${file?.name ?? ''}>${file?.name ?? this.t('未选择', 'None chosen')}</span>
      </span>`;
  }

  private renderReport(r: ImportReport) {
    const rejected = r.rejected ?? [];
    if (rejected.length) {
      return html`<section class="report" role="alert">
        <p class="fail">${this.t(`有 ${rejected.length} 行不能导入，这次一个订单也没有导入。请改好下面这些行，再把两个文件一起导入。`, `${rejected.length} rows cannot be imported, so nothing was imported. Fix these rows and import both files again.`)}</p>
        <div class="rejected"><table class="list">
          <thead><tr><th>${this.t('文件', 'File')}</th><th class="num">${this.t('行', 'Row')}</th><th>${this.t('列', 'Column')}</th><th>${this.t('原因', 'Reason')}</th></tr></thead>
          <tbody>${rejected.map((x) => html`<tr><td>${x.file}</td><td class="num">${x.row}</td><td>${x.column}</td><td>${typeof x.reason === 'string' ? x.reason : this.i18n.text(x.reason)}</td></tr>`)}</tbody>
        </table></div>
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

  private async upload(): Promise<void> {
    const { orders, items } = this.files;
    if (!orders || !items) return;
    // Both files under the one field `file`: the importer tells them apart by their headers.
    const form = new FormData();
    form.append('file', orders, orders.name);
    form.append('file', items, items.name);
    this.busy = true;
    this.sent = true;
    this.report = undefined;
    this.error = '';
    try {
      const run = await this.api.post<{ runId: string; events: string }>('/fulfillment/importers/taobao-orders', form);
      this.events = run.events;
    } catch (error) {
      this.busy = false;
      this.sent = false;
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private done(report: ImportReport): void {
    this.busy = false;
    this.report = report;
    if (report.rejected?.length) return;
    announceOrders();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-import-dialog': FulfillmentImportDialog;
  }
}
