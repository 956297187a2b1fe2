import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { listPanelStyles, PanelWidth, ReloadOnChange, WbElement, type Column, type Page, type TableQuery } from '@workbench/ui';
import { fulfillmentMarks } from './styles.js';
import { chip, tone } from './wb-fulfillment-inventory-cells.js';
import { LEDGER_KIND_NAMES, optionsOf, type LedgerRow, type StockRow } from './wb-fulfillment-inventory-records.js';

/**
 * 流水: every movement of stock, newest first — what moved, where, by whom and why; a movement
 * that took a bin below zero under 允许负库存 carries a 强制 mark. Filters by kind, SKU and days.
 */
@customElement('wb-fulfillment-ledger')
export class FulfillmentLedger extends WbElement {
  static override styles = [
    listPanelStyles,
    fulfillmentMarks,
    css`
      .filters { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
      .filters input[type='date'] { width: 140px; }
      .filters #sku { width: 150px; }
    `,
  ];

  @state() private query: Record<string, string> = {};
  @state() private skuCode = '';
  @state() private skuProblem = '';
  private from = '';
  private to = '';
  private skuId = '';
  private readonly width = new PanelWidth(this);
  // Refreshes the list when another panel changes what it shows.
  private readonly reload = new ReloadOnChange(this, ['fulfillment.stock']);

  override render() {
    const narrow = this.width.narrow;
    const columns: Column<LedgerRow>[] = [
      { key: 'at', title: { 'zh-CN': '时间', en: 'When' }, type: 'datetime', width: '136px', hidden: narrow },
      { key: 'kind', title: { 'zh-CN': '类型', en: 'Kind' }, width: '76px', filter: { options: optionsOf(LEDGER_KIND_NAMES) }, render: (r) => html`${this.i18n.text(LEDGER_KIND_NAMES[r.kind] ?? { 'zh-CN': r.kind, en: r.kind })}${r.override ? html`<span style=${chip('danger')} title=${this.t('越过负库存限制，已留痕', 'Went below zero under the override; audited')}>${this.t('强制', 'Forced')}</span>` : nothing}` },
      { key: 'skuCode', title: 'SKU', width: 'minmax(90px, 1.2fr)', render: (r) => r.skuCode ?? String(r.skuId) },
      { key: 'locationCode', title: { 'zh-CN': '库位', en: 'Location' }, width: '92px', hidden: narrow, render: (r) => r.locationCode ?? this.t('残次库', 'Defective') },
      { key: 'qty', title: { 'zh-CN': '数量', en: 'Qty' }, type: 'number', width: '48px', render: (r) => html`<span style=${tone(r.qty > 0 ? 'success' : 'danger')}>${r.qty > 0 ? `+${r.qty}` : r.qty}</span>` },
      { key: 'balance', title: { 'zh-CN': '结存', en: 'Balance' }, type: 'number', width: '48px', hidden: narrow },
      { key: 'reason', title: { 'zh-CN': '原因／单据', en: 'Reason / document' }, width: 'minmax(110px, 2fr)', render: (r) => html`<span title=${this.why(r)}>${this.why(r)}</span>` },
      { key: 'actorName', title: { 'zh-CN': '经手人', en: 'By' }, width: '64px', hidden: narrow },
    ];
    return html`<div class="filters" role="search" aria-label=${this.t('筛选流水', 'Filter the ledger')}>
        <input id="sku" name="sku" placeholder=${this.t('商家编码', 'SKU code')} aria-label=${this.t('商家编码', 'SKU code')} aria-invalid=${this.skuProblem ? 'true' : 'false'} .value=${this.skuCode}
          @change=${(e: Event) => void this.setSku((e.target as HTMLInputElement).value)} />
        <label class="hint" for="from">${this.t('从', 'From')}</label>
        <input id="from" name="from" type="date" @change=${(e: Event) => this.setDays('from', (e.target as HTMLInputElement).value)} />
        <label class="hint" for="to">${this.t('到', 'To')}</label>
        <input id="to" name="to" type="date" @change=${(e: Event) => this.setDays('to', (e.target as HTMLInputElement).value)} />
        <span class="hint">${this.t('下面的搜索框查库位编号或单据号', 'The search box below finds a location code or a document number')}</span>
      </div>
      ${this.skuProblem ? html`<p class="error" role="alert">${this.skuProblem}</p>` : nothing}

      ${html`<wb-data-table .fetcher=${this.fetch} storageKey=${this.width.storageKey('fulfillment-ledger')} .columns=${columns} .query=${this.query}>
        <span slot="empty">${this.t('这段时间没有库存变动', 'No movements in this range')}</span>
      </wb-data-table>`}`;
  }

  /** The table's search box: a location code (A-01-02-03) or a document number such as RK20261123001. */
  private readonly fetch = (query: TableQuery): Promise<Page<LedgerRow>> => {
    const { q, ...rest } = query;
    const text = typeof q === 'string' ? q.trim() : '';
    const search = !text ? {} : /^[A-Za-z]{1,2}-\d{2}-\d{2}-\d{2}$/.test(text) ? { location: text.toUpperCase() } : { reference: text };
    return this.api.get<Page<LedgerRow>>('/fulfillment/ledger', { ...rest, ...search });
  };

  /** The reason as written, with the document it belongs to (order, inbound note, stocktake). */
  private why(r: LedgerRow): string {
    const doc = r.orderNo ?? r.reference ?? '';
    return [r.reason, doc].filter(Boolean).join(' · ');
  }

  /** The ledger filters by SKU id; the clerk types the 商家编码, found among the stocked SKUs. */
  private async setSku(text: string): Promise<void> {
    const code = text.trim();
    this.skuCode = code;
    this.skuProblem = '';
    if (!code) {
      this.skuId = '';
      return this.apply();
    }
    try {
      const found = await this.api.get<{ items: StockRow[] }>('/fulfillment/stock', { q: code, pageSize: 20 });
      const sku = found.items.find((s) => s.skuCode.toUpperCase() === code.toUpperCase());
      if (!sku) {
        this.skuProblem = this.t(`商家编码 ${code} 没有库存记录：请检查编码`, `No stock record for SKU code ${code}: check the code`);
        return;
      }
      this.skuId = String(sku.skuId);
      this.apply();
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private setDays(which: 'from' | 'to', day: string): void {
    if (which === 'from') this.from = day;
    else this.to = day;
    this.apply();
  }

  private apply(): void {
    const query: Record<string, string> = {};
    if (this.skuId) query.sku = this.skuId;
    if (this.from) query.from = this.from;
    if (this.to) query.to = this.to;
    this.query = query;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-ledger': FulfillmentLedger;
  }
}
