import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement, yuan, yuanToFen } from '@workbench/ui';

interface Balance { supplierId: number; name: string; charged: number; paid: number; owed: number; ageing: { from: number; to: number | null; owed: number }[] }
interface Row { id: number; date: string; kind: string; reference: string; amount: number; transport: number; paid: number; balance: number }

/** The supplier ledger: what is owed to each supplier and how old, one supplier's rows, payments, statements. */
@customElement('wb-procurement-ledger')
export class ProcurementLedger extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 12px; padding: 12px; box-sizing: border-box; height: 100%; overflow: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { padding: 4px 6px; border-bottom: 1px solid var(--wb-border, #ddd); text-align: left; }
    td.num, th.num { text-align: right; }
    tr.pick { cursor: pointer; }
    tr.on { background: var(--wb-hover, #f0f4fa); }
    form { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; }
  `];

  @state() private balances: Balance[] = [];
  @state() private chosen: Balance | undefined;
  @state() private rows: Row[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.balances = (await this.api.get<{ items: Balance[] }>('/procurement/ledger/balances')).items;
      if (this.chosen) await this.choose(this.balances.find((b) => b.supplierId === this.chosen!.supplierId) ?? this.chosen);
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async choose(b: Balance): Promise<void> {
    this.chosen = b;
    this.rows = (await this.api.get<{ items: Row[] }>(`/procurement/ledger?supplier=${b.supplierId}`)).items;
  }

  private async pay(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    try {
      await this.api.post('/procurement/ledger/payments', { supplierId: this.chosen!.supplierId, amount: yuanToFen(String(data.get('amount'))), reference: String(data.get('reference') ?? ''), day: String(data.get('day') ?? '') || undefined });
      (event.target as HTMLFormElement).reset();
      await this.load();
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const buckets = [this.t('0–30 天', '0–30 days'), this.t('31–60 天', '31–60 days'), this.t('61–90 天', '61–90 days'), this.t('90 天以上', 'Over 90 days')];
    const b = this.chosen;
    return html`<h2>${this.t('供应商往来账', 'Supplier ledger')}</h2>
      <table>
        <thead><tr><th>${this.t('供应商', 'Supplier')}</th><th class="num">${this.t('应付', 'Charged')}</th><th class="num">${this.t('已付', 'Paid')}</th><th class="num">${this.t('欠款', 'Owed')}</th>${buckets.map((x) => html`<th class="num">${x}</th>`)}</tr></thead>
        <tbody>${this.balances.map((s) => html`<tr class="pick ${b?.supplierId === s.supplierId ? 'on' : ''}" tabindex="0" @click=${() => void this.choose(s)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && void this.choose(s)}>
          <td>${s.name}</td><td class="num">${yuan(s.charged)}</td><td class="num">${yuan(s.paid)}</td><td class="num">${yuan(s.owed)}</td>${s.ageing.map((a) => html`<td class="num">${yuan(a.owed)}</td>`)}</tr>`)}</tbody>
      </table>
      ${b
        ? html`<h3>${b.name}</h3>
            <p><a href=${`/api/procurement/ledger/statement?supplier=${b.supplierId}&encoding=gbk`} download>${this.t('导出对账单（GBK，Excel）', 'Statement (GBK, for Excel)')}</a> ·
               <a href=${`/api/procurement/ledger/statement?supplier=${b.supplierId}&encoding=utf-8`} download>${this.t('导出对账单（UTF-8）', 'Statement (UTF-8)')}</a></p>
            <table>
              <thead><tr><th>${this.t('日期', 'Date')}</th><th>${this.t('单号', 'Reference')}</th><th class="num">${this.t('货款', 'Goods')}</th><th class="num">${this.t('运费', 'Transport')}</th><th class="num">${this.t('已付', 'Paid')}</th><th class="num">${this.t('欠款', 'Owed')}</th></tr></thead>
              <tbody>${this.rows.map((r) => html`<tr><td>${r.date}</td><td>${r.reference}</td><td class="num">${yuan(r.amount)}</td><td class="num">${yuan(r.transport)}</td><td class="num">${yuan(r.paid)}</td><td class="num">${yuan(r.balance)}</td></tr>`)}</tbody>
            </table>
            ${this.workbench.can('procurement.ledger.pay')
              ? html`<form @submit=${(e: SubmitEvent) => void this.pay(e)}>
                  <label>${this.t('付款金额（元）', 'Amount (元)')}<br /><input name="amount" required inputmode="decimal" /></label>
                  <label>${this.t('付款凭证', 'Reference')}<br /><input name="reference" required /></label>
                  <label>${this.t('日期', 'Date')}<br /><input name="day" type="date" /></label>
                  <button class="primary" type="submit">${this.t('登记付款', 'Record payment')}</button>
                </form>`
              : nothing}`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-procurement-ledger': ProcurementLedger;
  }
}
