import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, fenToYuan, WbElement, yuanToFen } from '@workbench/ui';
import type { Campaign } from '../server/campaigns/campaign-types.js';
import type { CampaignReport } from '../server/campaigns/close-out-report.js';
import type { CampaignSales } from '../server/campaigns/close-out-sales.js';
import { listingsStyles } from './styles.js';

/**
 * 活动复盘: after a campaign ends, see what each SKU sold — counted from fulfillment's orders when
 * it runs, else entered here — and the period's figures, close it out, and read the report: sales
 * against stock, what to reorder, net cost and the campaign's return. A closed campaign shows its
 * kept report.
 *
 * @fires campaign-change - detail: `{}` after closing out
 */
@customElement('wb-listings-campaign-close-out')
export class ListingsCampaignCloseOut extends WbElement {
  static override styles = [controlStyles, listingsStyles];

  @property({ attribute: false }) campaign!: Campaign;
  @state() private report?: CampaignReport;
  /** What the orders say each SKU sold; when available, nobody types sales in. */
  @state() private counted?: CampaignSales;
  @state() private sold = new Map<number, { qty: string; amount: string }>();
  @state() private samePeriod = '';
  @state() private error = '';

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('campaign')) {
      this.samePeriod = fenToYuan(this.campaign.samePeriodSales);
      if (this.campaign.hasReport) void this.loadReport();
      else if (this.campaign.status === 'ended') void this.loadSales();
    }
  }

  private async loadSales(): Promise<void> {
    try {
      this.counted = await this.api.get<CampaignSales>(`/listings/campaigns/${this.campaign.id}/sales`);
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async loadReport(): Promise<void> {
    try {
      this.report = await this.api.get<CampaignReport>(`/listings/campaigns/${this.campaign.id}/report`);
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    if (this.report) return this.renderReport(this.report);
    if (this.campaign.status !== 'ended') return html`<p class="hint">${this.t('活动结束后在这里复盘。', 'Close out here once the campaign has ended.')}</p>`;
    const skuIds = this.campaign.prices.map((p) => p);
    const counted = this.counted?.available ? this.counted : undefined;
    const sales = counted
      ? html`<table class="list sales counted" aria-label=${this.t('活动销量', 'Campaign sales')}>
          <thead><tr><th>${this.t('商家编码', 'SKU')}</th><th class="num">${this.t('卖出件数', 'Sold (pcs)')}</th><th class="num">${this.t('销售额', 'Sales')}</th></tr></thead>
          <tbody>${skuIds.map((p) => {
            const s = counted.skus.find((c) => c.skuId === p.skuId);
            return html`<tr><td>${p.code}</td><td class="num">${s?.qty ?? 0}</td><td class="num">${this.i18n.money(s?.amount ?? 0)}</td></tr>`;
          })}</tbody>
        </table>
        <p class="hint">${this.t('按“订单与仓储”里活动期间付款、未关闭的订单统计。', 'Counted from the Fulfillment orders paid during the campaign and not closed.')}</p>`
      : this.renderSalesInputs(skuIds);
    return html`${sales}
      <div class="grid"><label for="same">${this.t('同期销售额（元）', 'Same-period sales (¥)')}</label>
        <input id="same" inputmode="decimal" .value=${this.samePeriod} @input=${(e: Event) => (this.samePeriod = (e.target as HTMLInputElement).value)} /></div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions"><button class="primary close-out" @click=${() => void this.closeOut()}>${this.t('复盘并关闭活动', 'Close out')}</button></div>`;
  }

  private renderSalesInputs(skuIds: Campaign['prices']) {
    const set = (id: number, key: 'qty' | 'amount') => (e: Event) => {
      const row = this.sold.get(id) ?? { qty: '', amount: '' };
      this.sold = new Map(this.sold).set(id, { ...row, [key]: (e.target as HTMLInputElement).value });
    };
    return html`<table class="edit sales" aria-label=${this.t('活动销量', 'Campaign sales')}>
        <thead><tr><th>${this.t('商家编码', 'SKU')}</th><th class="num">${this.t('卖出件数', 'Sold (pcs)')}</th><th class="num">${this.t('销售额（元）', 'Sales (¥)')}</th></tr></thead>
        <tbody>${skuIds.map((p) => html`<tr><td>${p.code}</td>
          <td><input inputmode="numeric" aria-label="${this.t('卖出件数', 'Sold')} ${p.code}" @input=${set(p.skuId, 'qty')} /></td>
          <td><input inputmode="decimal" aria-label="${this.t('销售额', 'Sales')} ${p.code}" @input=${set(p.skuId, 'amount')} /></td></tr>`)}</tbody>
      </table>`;
  }

  private renderReport(r: CampaignReport) {
    const money = (fen: number | null) => (fen === null ? '—' : this.i18n.money(fen));
    return html`<div class="grid report">
        <span>${this.t('卖出', 'Sold')}</span><span>${r.soldQty} ${this.t('件', 'pcs')} · ${money(r.soldAmount)}</span>
        <span>${this.t('毛利', 'Gross profit')}</span><span>${money(r.grossProfit)}</span>
        <span>${this.t('让利', 'Markdown')}</span><span>${money(r.markdown)}</span>
        <span>${this.t('活动净成本', 'Net campaign cost')}</span><span>${money(r.netCost)}</span>
        <span>${this.t('投入产出', 'Return per yuan')}</span><span>${r.campaignReturn.computed ? `${r.campaignReturn.value}${r.campaignReturn.actual === null ? '' : ` / ${this.t('实际', 'actual')} ${r.campaignReturn.actual}`}` : this.i18n.text(r.campaignReturn.reason)}</span>
      </div>
      <table class="list report-skus" aria-label=${this.t('逐个 SKU', 'Per SKU')}>
        <thead><tr><th>${this.t('商家编码', 'SKU')}</th><th class="num">${this.t('卖出', 'Sold')}</th><th class="num">${this.t('剩余', 'Left')}</th><th class="num">${this.t('差异', 'Gap')}</th><th class="num">${this.t('建议补货', 'Reorder')}</th></tr></thead>
        <tbody>${r.skus.map((s) => html`<tr><td>${s.code}</td><td class="num">${s.soldQty}</td><td class="num">${s.leftover ?? '—'}</td>
          <td class="num ${s.stockGap ? 'fail' : ''}">${s.stockGap ?? '—'}</td><td class="num">${s.reorder ?? '—'}</td></tr>`)}</tbody>
      </table>
      <p class="hint">${this.i18n.text(r.reorderRule)}</p>`;
  }

  private async closeOut(): Promise<void> {
    const sales: { skuId: number; qty: number; amount: number }[] = [];
    for (const [skuId, row] of this.counted?.available ? [] : this.sold) {
      if (!row.qty.trim() && !row.amount.trim()) continue;
      const qty = Number(row.qty);
      const amount = yuanToFen(row.amount);
      if (!Number.isInteger(qty) || qty < 0 || amount === undefined) return void (this.error = this.t('件数写整数，销售额写成元', 'Pieces are whole numbers, sales in yuan'));
      sales.push({ skuId, qty, amount });
    }
    const same = this.samePeriod.trim() ? yuanToFen(this.samePeriod) : undefined;
    this.error = '';
    try {
      this.report = await this.api.post<CampaignReport>(`/listings/campaigns/${this.campaign.id}/close-out`, {
        version: this.campaign.version,
        ...(sales.length ? { sales } : {}),
        ...(same === undefined ? {} : { samePeriodSales: same }),
      });
      this.dispatchEvent(new CustomEvent('campaign-change', { detail: {}, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-campaign-close-out': ListingsCampaignCloseOut;
  }
}
