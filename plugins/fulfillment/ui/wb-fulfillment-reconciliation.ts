import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { type Column, listPanelStyles, PanelWidth, ReloadOnChange, WbElement, type LocalizedText } from '@workbench/ui';
import { tone } from './wb-fulfillment-inventory-cells.js';
import { fulfillmentMarks } from './styles.js';
import type { StatementSummary } from './wb-fulfillment-reconciliation-statement.js';
import './wb-fulfillment-reconciliation-statement.js';
import './wb-fulfillment-reconciliation-upload.js';
import { courierNames, courierText } from './courier-names.js';

/**
 * 快递对账 in the side bar: import a courier's monthly statement, the statements imported so
 * far, and one statement checked parcel by parcel (Enter on a statement opens it).
 */
@customElement('wb-fulfillment-reconciliation')
export class FulfillmentReconciliation extends WbElement {
  static override styles = [
    listPanelStyles,
    fulfillmentMarks,
    css`
      .detail { flex: 1; min-height: 0; overflow: auto; }
    `,
  ];

  @state() private open = 0;
  @state() private couriers = new Map<string, LocalizedText>();

  override connectedCallback(): void {
    super.connectedCallback();
    void courierNames(this.api, this.workbench).then((names) => (this.couriers = names));
  }
  private readonly width = new PanelWidth(this);
  // Refreshes the list when another panel changes what it shows.
  private readonly reload = new ReloadOnChange(this, ['fulfillment.statements']);

  override render() {
    return html`<wb-toolbar label=${this.t('快递对账', 'Courier statements')}>
        <button class="import primary" @click=${() => this.renderRoot.querySelector('wb-fulfillment-reconciliation-upload')?.show()}>${this.t('导入账单', 'Import a statement')}</button>
        ${this.open ? html`<button class="back" @click=${() => this.close()}>${this.t('← 全部账单', '← All statements')}</button>` : nothing}
      </wb-toolbar>
      ${this.open
        ? html`<div class="detail"><wb-fulfillment-reconciliation-statement statementId=${this.open}></wb-fulfillment-reconciliation-statement></div>`
        : this.renderList()}
      <wb-fulfillment-reconciliation-upload @statement-open=${(e: CustomEvent<{ id: number }>) => (this.open = e.detail.id)}></wb-fulfillment-reconciliation-upload>`;
  }

  private renderList() {
    const narrow = this.width.narrow;
    const columns: Column<StatementSummary>[] = [
      { key: 'courier', title: { 'zh-CN': '快递', en: 'Courier' }, width: 'minmax(96px, 1fr)', render: (r) => courierText(this.couriers, this.i18n, r.courier.code, r.courier.name) ?? '' },
      { key: 'period', title: { 'zh-CN': '账期', en: 'Period' }, width: 'minmax(90px, 1.5fr)', render: (r) => (r.from === r.to ? r.from : `${r.from.slice(5)}~${r.to.slice(5)}`) },
      { key: 'lines', title: { 'zh-CN': '行', en: 'Lines' }, type: 'number', width: '56px', hidden: narrow },
      { key: 'differences', title: { 'zh-CN': '问题', en: 'Issues' }, type: 'number', width: '60px', render: (r) => html`<span style=${tone(r.unknown + r.differences ? 'danger' : undefined)}>${r.unknown + r.differences}</span>` },
      { key: 'billedFee', title: { 'zh-CN': '账单运费', en: 'Billed' }, type: 'money', width: '80px', render: (r) => this.i18n.money(r.billedFee) },
      { key: 'importedAt', title: { 'zh-CN': '导入时间', en: 'Imported' }, type: 'datetime', width: '136px', hidden: true },
    ];
    return html`${html`<wb-data-table source="/fulfillment/statements" storageKey=${this.width.storageKey('fulfillment-statements')} .columns=${columns}
        @row-open=${(e: CustomEvent<{ row: StatementSummary }>) => (this.open = e.detail.row.id)}>
        <span slot="empty">${this.t('还没有导入过快递账单', 'No statements imported yet')}</span>
      </wb-data-table>`}
      <p class="hint">${this.t('“问题”＝未知单号＋重量或运费不符；选中一份按 Enter 查看', 'Issues = unknown numbers + weight or fee differences; Enter on a statement opens it')}</p>`;
  }

  private close(): void {
    this.open = 0;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-reconciliation': FulfillmentReconciliation;
  }
}
