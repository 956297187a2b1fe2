import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, fileButtonStyles, ImportUploadElement, shopDay } from '@workbench/ui';
import type { BatchShippingReport } from '../shared/records.js';
import { fulfillmentStyles } from './styles.js';

/**
 * 批量发货 and 导出: upload a CSV of order numbers, couriers and tracking numbers (all rows ship or
 * none, with a row report), and download the shipped orders for the platform's bulk-shipping upload.
 */
@customElement('wb-fulfillment-ship-batch')
export class FulfillmentShipBatch extends ImportUploadElement<BatchShippingReport> {
  static override styles = [controlStyles, fulfillmentStyles, fileButtonStyles, css`
    .parts { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 24px; }
    .rejected { max-height: 220px; overflow: auto; }
    wb-progress { display: block; margin-top: 8px; }
    a.export { display: inline-block; margin-top: 8px; color: var(--wb-link, #0a58b0); }
    @media (max-width: 720px) { .parts { grid-template-columns: minmax(0, 1fr); } }
  `];

  @state() private from = '';
  @state() private to = '';
  @state() private encoding: 'gbk' | 'utf-8' = 'gbk';

  override connectedCallback(): void {
    super.connectedCallback();
    const today = shopDay(new Date(), this.i18n.timeZone);
    this.from ||= today;
    this.to ||= today;
  }

  override render() {
    const value = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
    const exportUrl = this.api.url('/fulfillment/shipping/export', { status: 'shipped', from: this.from, to: this.to, encoding: this.encoding });
    return html`<section class="parts">
      <div>
        <h3>${this.t('批量发货', 'Batch shipping')}</h3>
        <p class="hint">${this.t('CSV 列：订单编号、物流公司、物流单号，可加重量；UTF-8 或 GBK。有一行不对就整批不发，并列出哪一行哪一列。', 'CSV columns: 订单编号, 物流公司, 物流单号, optional 重量; UTF-8 or GBK. One bad row and nothing ships; the report names the row and column.')}</p>
        ${this.renderFileButton('batch-file', this.t('选择 CSV 文件…', 'Choose a CSV file…'), 'fulfillment', 'batch-shipping')}
        ${this.renderProgress(this.t(`批量发货：${this.fileName}`, `Batch shipping: ${this.fileName}`))}
        ${this.report ? this.renderReport(this.report) : nothing}
      </div>
      <div>
        <h3>${this.t('导出发货单号', 'Export tracking numbers')}</h3>
        <p class="hint">${this.t('已发货订单的 订单编号、物流公司、运单号，可直接传到平台的批量发货。', 'Order number, courier and tracking number of shipped orders, for the platform’s bulk-shipping upload.')}</p>
        <div class="row">
          <label for="from">${this.t('从', 'From')}</label><input id="from" type="date" .value=${this.from} @change=${value((v) => (this.from = v))} />
          <label for="to">${this.t('到', 'To')}</label><input id="to" type="date" .value=${this.to} @change=${value((v) => (this.to = v))} />
          <label for="encoding">${this.t('编码', 'Encoding')}</label>
          <select id="encoding" @change=${value((v) => (this.encoding = v === 'utf-8' ? 'utf-8' : 'gbk'))}>
            <option value="gbk" ?selected=${this.encoding === 'gbk'}>${this.t('GBK（Excel 直接打开）', 'GBK (opens in Excel)')}</option>
            <option value="utf-8" ?selected=${this.encoding === 'utf-8'}>UTF-8</option>
          </select>
        </div>
        <a class="export" href=${exportUrl} download=${`shipping-${this.from}-${this.to}.csv`}>${this.t('下载导出文件', 'Download the export')}</a>
      </div>
    </section>`;
  }

  private renderReport(r: BatchShippingReport) {
    return html`<div class="report" role="status">
      <p class=${r.rejected.length ? 'fail' : 'pass'}>${r.rejected.length
        ? this.t(`没有发货：${r.rejected.length} 行有问题，改好后整份重新上传。`, `Nothing shipped: ${r.rejected.length} rows have problems; fix them and upload the whole file again.`)
        : this.t(`已发货 ${r.shipped} 单。`, `${r.shipped} orders shipped.`)}</p>
      ${r.rejected.length ? this.renderRejected(r.rejected) : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-ship-batch': FulfillmentShipBatch;
  }
}
